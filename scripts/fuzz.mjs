#!/usr/bin/env node
/**
 * The long fuzz: `npm run fuzz -- [--runs N] [--seed S] [--only NAME[,NAME…]] [vitest options]`
 *
 * Runs every property of test/fuzz with N inputs each (an expensive property, one with a
 * `cost` c, runs N / c), with seed S or a random one (printed, so a run can be repeated).
 * A failing input is shrunk and saved as test/fuzz/regressions/<property>-<hash>.json,
 * which every later test run replays. Prints inputs, time and result per property.
 * Exit status: vitest's (non-zero when a property or a regression fails).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const passthrough = [];
let runs = 10_000;
let seed = Math.floor(Math.random() * 2 ** 31);
let only = '';
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const value = () => {
    const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
    if (v === undefined) fail(`${a.split('=')[0]} needs a value`);
    return v;
  };
  if (a === '--runs' || a.startsWith('--runs=')) runs = Number(value());
  else if (a === '--seed' || a.startsWith('--seed=')) seed = Number(value());
  else if (a === '--only' || a.startsWith('--only=')) only = value();
  else if (a === '-h' || a === '--help') {
    console.log('npm run fuzz -- [--runs N] [--seed S] [--only NAME[,NAME…]] [vitest options]');
    process.exit(0);
  } else passthrough.push(a);
}
if (!Number.isInteger(runs) || runs < 1) fail(`--runs must be a positive whole number (got ${runs})`);
if (!Number.isInteger(seed)) fail(`--seed must be a whole number (got ${seed})`);

function fail(message) {
  console.error(`fuzz: ${message}`);
  process.exit(2);
}

const root = path.resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'referat-fuzz-'));
const statsFile = path.join(tmp, 'stats.jsonl');
const env = { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed), FUZZ_ONLY: only, FUZZ_SAVE: '1', FUZZ_STATS: statsFile };
console.log(`fuzz: ${runs} inputs per property (fewer for expensive ones), seed ${seed}${only ? `, only ${only}` : ''}`);

const started = Date.now();
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const child = spawn(process.execPath, [vitest, 'run', 'test/fuzz', ...passthrough], { cwd: root, env, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => {
  const lines = existsSync(statsFile) ? readFileSync(statsFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
  rmSync(tmp, { recursive: true, force: true });
  if (lines.length) {
    const w = Math.max(...lines.map((l) => l.property.length), 8);
    console.log(`\n${'property'.padEnd(w)}  ${'inputs'.padStart(9)}  ${'seconds'.padStart(8)}  result`);
    let total = 0;
    for (const l of lines.sort((a, b) => a.property.localeCompare(b.property))) {
      total += l.runs;
      const result = l.failed ? `FAILED: ${String(l.error).split('\n')[0].slice(0, 100)}${l.saved ? `\n${' '.repeat(w + 23)}saved ${path.relative(root, l.saved)}` : ''}` : 'ok';
      console.log(`${l.property.padEnd(w)}  ${String(l.runs).padStart(9)}  ${(l.ms / 1000).toFixed(1).padStart(8)}  ${result}`);
    }
    console.log(`${'total'.padEnd(w)}  ${String(total).padStart(9)}  ${((Date.now() - started) / 1000).toFixed(1).padStart(8)}  seed ${seed}`);
  }
  process.exit(code ?? (signal ? 1 : 0));
});
