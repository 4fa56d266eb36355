/** `referat import` as a user runs it: a folder of published minutes → .referat files beside them. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { needsShared, SHARED_DIR } from '../helpers/shared.js';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const seeds = join(SHARED_DIR, 'seeds');
const dir = mkdtempSync(join(tmpdir(), 'referat-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', CI: '1' } });

it.runIf(existsSync(seeds))(needsShared('imports a folder into .referat files that lint without syntax errors'), () => {
  for (const f of ['000_9a6f6583c996c26d.txt', '002_fa2b63a408b901b6.txt', '003_7b7ae8c46848b521.txt']) copyFileSync(join(seeds, f), join(dir, f));
  const r = run(['import', '.']);
  expect(r.status).toBe(0);
  expect(r.stderr).toMatch(/000_9a6f6583c996c26d\.txt → 000_9a6f6583c996c26d\.referat: 14 items, profile randers/);
  expect(r.stderr).toMatch(/IsOpen is false/);
  const lint = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', '.'], { cwd: dir, encoding: 'utf8' });
  const results = JSON.parse(lint.stdout) as { messages: { ruleId: string }[] }[];
  expect(results).toHaveLength(3);
  for (const res of results) expect(res.messages.filter((m) => m.ruleId === 'syntax')).toEqual([]);
  expect(readFileSync(join(dir, '000_9a6f6583c996c26d.referat'), 'utf8')).toMatch(/^# REFERAT Beskæftigelsesudvalget d\. 03-12-2024\n/);
});

it('writes to standard output with -o -, and fails with one line on a missing file', () => {
  const out = spawnSync(process.execPath, [cli, 'import', '-o', '-', '--from', 'portal', '-'], {
    input: JSON.stringify({ Punktnummer: '1', Navn: 'A', SagsNummer: '23/1', IsOpen: true, Felter: [], Bilag: [] }),
    encoding: 'utf8',
  });
  expect(out.status).toBe(0);
  expect(out.stdout).toContain('## Punkt 1: A\nSagsnr: 23/1');
  const bad = run(['import', 'missing.txt']);
  expect(bad.status).toBe(2);
  expect(bad.stderr.trim().split('\n')).toHaveLength(1);
});
