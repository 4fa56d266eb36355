/**
 * Parsing is linear: any piece of a document (generated, or a window of a real file,
 * possibly damaged) repeated to 50 KB and to 400 KB — as lines, or run together on one
 * line — parses in a time per 100 KB that does not grow with the size (at most 3× the
 * small text's, where quadratic work would give 8×) and stays under an absolute bound.
 * Times are the best of two runs, so that a busy machine does not fail the property.
 */
import fc from 'fast-check';
import { parse } from '../../server/src/syntax/parser.js';
import { mutatedRealFile, referatDocument } from './arbitraries.js';
import { fuzzProperty } from './harness.js';

const SMALL = 50_000;
const LARGE = 400_000;
/** Generous: the parser reads about 1 MB/s on a loaded 2-core machine. */
const MAX_MS_PER_100KB = 1500;

function repeatTo(unit: string, size: number, oneLine: boolean): string {
  const piece = oneLine ? `${unit.replace(/[\r\n]+/g, ' ')} ` : /[\r\n]$/.test(unit) ? unit : `${unit}\n`;
  return piece.repeat(Math.ceil(size / piece.length)).slice(0, size);
}

function msPer100KB(text: string): number {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const t0 = performance.now();
    parse(text);
    best = Math.min(best, performance.now() - t0);
  }
  return (best * 100_000) / text.length;
}

const unit = fc.oneof(
  referatDocument().map((d) => d.slice(0, 4000)),
  referatDocument({ odd: true, payloads: true }).map((d) => d.slice(0, 2000)),
  mutatedRealFile().map((d) => d.slice(0, 4000)),
  fc.constantFrom('*', '**', '[', '](', '<!--', '|', '1. ', '- ', '  ', 'Anne Holm og ', 'For stemte: ', '\\', '`').chain((c) => fc.string({ maxLength: 20 }).map((s) => c + s)),
);

fuzzProperty({
  name: 'parse-linear',
  arbitrary: fc.record({ unit: unit.map((u) => (u.trim() ? u : `x${u}`)), oneLine: fc.boolean() }),
  check: ({ unit: u, oneLine }) => {
    const small = repeatTo(u, SMALL, oneLine);
    const large = repeatTo(u, LARGE, oneLine);
    parse(small); // warm up on this shape
    const a = msPer100KB(small);
    const b = msPer100KB(large);
    if (b > MAX_MS_PER_100KB) throw new Error(`parse takes ${b.toFixed(0)} ms per 100 KB at 400 KB (bound ${MAX_MS_PER_100KB})`);
    if (b > 3 * a + 5) throw new Error(`parse time per 100 KB grows with size: ${a.toFixed(1)} ms at 50 KB, ${b.toFixed(1)} ms at 400 KB`);
  },
  runs: 3,
  cost: 1000,
  timeout: 60_000,
});
