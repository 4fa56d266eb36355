// `npm run test:e2e`: the end-to-end suite in real editors. Installs what it needs
// (test/e2e/setup.sh: Debian packages, code-server in its own cached folder), packages the
// extension as a .vsix, then runs test/e2e/*.e2e.ts: VS Code in a browser (code-server
// 4.100.3 in Debian's Chromium) and Neovim 0.7. Screenshots go to .tmp/e2e/.
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`test:e2e: ${[cmd, ...args].join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
};

const t0 = Date.now();
const home = execFileSync('bash', [join(root, 'test', 'e2e', 'setup.sh')], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  .trim()
  .split('\n')
  .pop();
console.log(`test:e2e: tools ready in ${home} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
run(process.execPath, [join(root, 'scripts', 'package-vsix.mjs')]);
run(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '-c', 'vitest.e2e.config.mts', ...process.argv.slice(2)]);
console.log(`test:e2e: passed in ${((Date.now() - t0) / 1000).toFixed(0)} s; screenshots in .tmp/e2e/`);
