/**
 * Random edits as people make them (typing, deleting, pasting headings, comment markers,
 * table pipes, list markers, line breaks) over real documents: the examples, the published
 * seeds and the benchmark workload. Shared by the incremental re-parse and re-analysis tests.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { meeting } from '../../bench/workload.js';
import { SHARED_DIR } from './shared.js';

const root = join(__dirname, '..', '..');
const seedsDir = join(SHARED_DIR, 'seeds');
export const files: [string, string][] = [
  ...readdirSync(join(root, 'examples'))
    .filter((f) => f.endsWith('.referat'))
    .map((f): [string, string] => [f, readFileSync(join(root, 'examples', f), 'utf8')]),
  ...(() => {
    try {
      return readdirSync(seedsDir)
        .filter((f) => f.endsWith('.txt'))
        .map((f): [string, string] => [f, readFileSync(join(seedsDir, f), 'utf8')]);
    } catch {
      return [];
    }
  })(),
  ['bench 60 KB', meeting(11, { targetBytes: 60_000 }).text],
  ['bench 60 KB, CRLF', meeting(12, { targetBytes: 60_000 }).text.replace(/\n/g, '\r\n')],
];

/** What people type or paste, weighted towards what could break item boundaries. */
const snippet = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('e', ' ', 'æ', '.', ',', 'Punkt', ':') },
  { weight: 3, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '\n\n') },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '## Punkt 7: Ny sag\n',
      '\n## Punkt 8: Ny sag\n',
      '## ',
      '# ',
      '#',
      '### Beslutning\n',
      '\n### Indstilling\n',
      '#### Under\n',
      '# REFERAT Udvalget\n',
    ),
  },
  { weight: 4, arbitrary: fc.constantFrom('<!--', '-->', '<!-- note -->', '<!-- to\nlinjer -->', '<!-- referat-disable -->') },
  { weight: 3, arbitrary: fc.constantFrom('|', '| a | b |\n', '|---|---|\n', '\n| x | y | z |') },
  { weight: 3, arbitrary: fc.constantFrom('- ', '1. ', '  - ', '\n- punkt\n', '2) ', '    ', '\t') },
  { weight: 2, arbitrary: fc.constantFrom('Sagsnr: 12\n', 'Lukket: ja\n', 'Fraværende: Anne Holm\n', 'Claus Berggren havde forfald.') },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('#', ' ', '\n', '<', '!', '-', '>', '|', '*', '1', '.', 'P', ':'), maxLength: 16 }) },
);

export interface Edit {
  /** Where, as a fraction of the text length. */
  readonly at: number;
  /** How many characters to delete there. */
  readonly remove: number;
  readonly insert: string;
}

export const edit: fc.Arbitrary<Edit> = fc.record({
  // Uniform over the text (fc.double leans towards the ends of its range).
  at: fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000),
  remove: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 4, max: 400 }) }),
  insert: fc.oneof({ weight: 4, arbitrary: snippet }, { weight: 1, arbitrary: fc.constant('') }),
});

export function apply(text: string, e: Edit): string {
  const at = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

