// The smoke suite (suite/smoke.js) in VS Code for the Web: the web extension with its
// server in a web worker, in Chromium. Skips, saying why, where that cannot run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { helperSource, openWorkbench, root, webUnavailable } from './web-host.mjs';

export async function runWebSmoke() {
  const why = webUnavailable();
  if (why) return { skipped: why };
  const smoke = readFileSync(join(root, 'test', 'vscode', 'suite', 'smoke.js'), 'utf8').replace(/^if \(typeof module[^\n]*$/m, '');
  const lines = [];
  let done;
  const finished = new Promise((r) => (done = r));
  const wb = await openWorkbench({
    helperMain: helperSource(`${smoke}
  try {
    await smoke(vscode, doc, log);
    await log('RESULT pass');
  } catch (e) {
    await log('RESULT fail ' + (e && e.message));
  }`),
    onLog: (line) => {
      lines.push(line);
      console.log(`  ${line}`);
      if (line.startsWith('RESULT')) done(line);
    },
  });
  try {
    const result = await Promise.race([finished, new Promise((r) => setTimeout(() => r('RESULT fail timeout'), 120_000))]);
    return { passed: result === 'RESULT pass', result, lines };
  } finally {
    await wb.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runWebSmoke();
  if (r.skipped) console.log(`web smoke skipped: ${r.skipped}`);
  else {
    console.log(r.passed ? 'web smoke passed' : `web smoke failed: ${r.result}`);
    process.exit(r.passed ? 0 : 1);
  }
}
