/**
 * One file with one planted fault per rule: `referat lint --format json` reports each
 * with the right rule id on the right line, and nothing else; a clean file reports nothing.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { allRules } from '../../server/src/rules/index.js';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');

function lintJson(file: string) {
  const r = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', file], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', CI: '1' } });
  return { code: r.status, results: JSON.parse(r.stdout) as { messages: { ruleId: string; line: number; severity: number }[] }[] };
}

it('every rule finds its planted fault on the right line', () => {
  const { code, results } = lintJson(join(root, 'test', 'fixtures', 'cli', 'planted.referat'));
  expect(code).toBe(1);
  const found = results[0]!.messages.map((m) => `${m.line} ${m.ruleId}`);
  expect(found).toEqual([
    '1 meeting-date',
    '4 unknown-field',
    '8 syntax',
    '16 afbud-not-noted',
    '19 missing-decision',
    '25 item-numbering',
    '33 decision-points',
    '42 empty-section',
    '47 left-not-noted',
    '50 duplicate-name',
    '52 vote-count',
    '54 unknown-person',
    '56 duplicate-section',
    '60 case-number',
    '67 section-order',
    '68 cpr-number',
    '74 list-numbering',
    '76 unsafe-link',
    '78 quorum',
    '89 closed-item-content',
  ]);
  const covered = new Set(results[0]!.messages.map((m) => m.ruleId));
  for (const r of allRules) expect(covered.has(r.meta.id), r.meta.id).toBe(true);
});

it('a clean file reports nothing and exits 0', () => {
  const { code, results } = lintJson(join(root, 'test', 'fixtures', 'rules', 'item-numbering', 'right.referat'));
  expect(code).toBe(0);
  expect(results[0]!.messages).toEqual([]);
});
