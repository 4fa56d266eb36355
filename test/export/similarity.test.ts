/**
 * The internal-edition text export of each seed example (examples/randers-*.referat) is
 * close to the published seed it was written from: word-level similarity ≥ 0.95.
 *
 * Similarity is the Sørensen–Dice coefficient over word multisets: 2·|A ∩ B| / (|A| + |B|),
 * words being runs of letters and digits, lower-cased (extraction leftovers such as `**`,
 * `<b>` and `#` in the seeds are not words). The seed for an example is the one whose
 * title carries the same meeting date.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportReferat } from '../../server/src/export/index.js';
import { root } from './helpers.js';
import { sequenceSimilarity, similarity } from '../helpers/similarity.js';
import { SHARED_DIR, sharedPath } from '../helpers/shared.js';

const seedsDir = sharedPath('seeds');
const examplesDir = path.join(root, 'examples');

function seedFor(date: string): string | undefined {
  if (!seedsDir) return undefined;
  for (const f of readdirSync(seedsDir).filter((x) => x.endsWith('.txt'))) {
    const text = readFileSync(path.join(seedsDir, f), 'utf8');
    const title = text.split('\n').find((l) => /REFERAT/.test(l));
    if (title && title.includes(date)) return text;
  }
  return undefined;
}

/**
 * A portal page (seed 002) has no meeting date: its seed is found by case number, and only
 * the minutes part of the page counts — from "First-agenda Sagsfremstilling" to the portal's
 * data record (`22 items`), without the AI summary above it.
 */
function portalSeedFor(caseNumber: string): string | undefined {
  if (!seedsDir) return undefined;
  for (const f of readdirSync(seedsDir).filter((x) => x.endsWith('.txt'))) {
    const text = readFileSync(path.join(seedsDir, f), 'utf8');
    if (!text.includes(caseNumber) || !text.includes('First-agenda')) continue;
    const lines = text.split('\n');
    const from = lines.findIndex((l) => l.startsWith('First-agenda'));
    const to = lines.findIndex((l, i) => i > from && /^\d+ items$/.test(l.trim()));
    return lines.slice(from + 1, to > 0 ? to : undefined).join('\n');
  }
  return undefined;
}

const examples = existsSync(examplesDir) ? readdirSync(examplesDir).filter((f) => /^randers-.*\.referat$/.test(f)).sort() : [];

describe('similarity measure', () => {
  it('is 1 for the same words and drops with differences', () => {
    expect(similarity('Punkt 1: **Godkendt**', 'punkt 1 godkendt')).toBe(1);
    expect(similarity('a b c d', 'a b c e')).toBe(0.75);
  });
  it('in its order-aware form counts moved words as unmatched, as difflib does', () => {
    // Values of Python's difflib.SequenceMatcher(None, a, b, autojunk=False).ratio().
    expect(sequenceSimilarity('a b c d x y', 'x y a b c e')).toBe(0.5);
    expect(sequenceSimilarity('the cat sat on the mat and the dog', 'on the mat the cat sat and dog the')).toBeCloseTo(4 / 9, 10);
    expect(sequenceSimilarity('Punkt 1: **Godkendt**', 'punkt 1 godkendt')).toBe(1);
    expect(sequenceSimilarity('', '')).toBe(1);
  });
});

describe.skipIf(!seedsDir || examples.length === 0)(
  `text export vs. seeds${!seedsDir ? ` (skipped: needs the shared seeds, ${SHARED_DIR}/seeds, absent here)` : examples.length === 0 ? ' (skipped: no examples/randers-*.referat yet)' : ''}`,
  () => {
    for (const name of examples) {
      it(`${name} is at least 0.95 similar to its seed`, async () => {
        const source = readFileSync(path.join(examplesDir, name), 'utf8');
        const result = await exportReferat(source, { format: 'text', edition: 'internal' });
        const date = result.document.shortDate;
        const caseNumber = /^Sagsnr:\s*(\S+)/m.exec(source)?.[1];
        const seed = date ? seedFor(date) : caseNumber ? portalSeedFor(caseNumber) : undefined;
        expect(seed, `${name}: no seed found by date or case number`).toBeDefined();
        const score = similarity(result.data as string, seed!);
        expect(score, `${name}: similarity ${score.toFixed(3)}`).toBeGreaterThanOrEqual(0.95);
      });
    }
  },
);
