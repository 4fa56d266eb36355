/**
 * The incremental re-parse must give exactly what a fresh parse gives: random edits
 * (typing, deleting, pasting headings, comment markers, table pipes, list markers, line
 * breaks) at random places of the examples, the published seeds and the benchmark
 * document, applied one after another, each re-parsed from the previous result.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meeting } from '../../bench/workload.js';
import { apply, edit, files } from '../helpers/edits.js';
import type { ParseResult } from '../../server/src/syntax/ast.js';
import { analyze } from '../../server/src/engine.js';
import { relocate, relocateItems, reparse } from '../../server/src/syntax/incremental.js';
import { parse } from '../../server/src/syntax/parser.js';

/** A plain copy (JSON) of a parse result, to see whether re-parsing changed it afterwards. */
function snapshot(r: ParseResult): string {
  return JSON.stringify(r.ast) + JSON.stringify(r.diagnostics);
}

describe('incremental re-parse', () => {
  const modes = { segment: 0, full: 0, same: 0 };

  it('equals a fresh parse after every edit of a random sequence', () => {
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.array(edit, { minLength: 1, maxLength: 6 }), fc.boolean(), ([, start], edits, checkPrevious) => {
        let text = start;
        let result = parse(text);
        for (const e of edits) {
          const next = apply(text, e);
          const before = checkPrevious ? snapshot(result) : '';
          const r = reparse({ text, result }, next);
          modes[r.mode]++;
          expect(r.result).toEqual(parse(next));
          // The previous tree is left as it was (other requests may still read it).
          if (checkPrevious) expect(snapshot(result)).toBe(before);
          text = next;
          result = r.result;
        }
      }),
      { numRuns: Number(process.env.INCREMENTAL_RUNS ?? 500) },
    );
    // The test is only worth something if most edits took the incremental path.
    const total = modes.segment + modes.full + modes.same;
    expect(modes.segment / total).toBeGreaterThan(0.4);
  }, 300_000);

  it('gives the same result when told what the edit left unchanged (exactly, or less than that)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.array(fc.tuple(edit, fc.nat({ max: 50 }), fc.nat({ max: 50 })), { minLength: 1, maxLength: 6 }), ([, start], edits) => {
        let text = start;
        let result = parse(text);
        for (const [e, less, lessEnd] of edits) {
          const next = apply(text, e);
          // What an editor's change says: the units before the edit and after what it removed.
          const at = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
          const end = Math.min(text.length, at + e.remove);
          const unchanged = { prefix: Math.max(0, at - less), suffix: Math.max(0, text.length - end - lessEnd) };
          const told = reparse({ text, result }, next, unchanged);
          const plain = reparse({ text, result }, next);
          expect(told.mode).toBe(plain.mode);
          expect(told.result).toEqual(parse(next));
          text = next;
          result = told.result;
        }
      }),
      { numRuns: Number(process.env.INCREMENTAL_RUNS ?? 200) },
    );
  }, 300_000);

  it('re-parses only the edited item of the 1 MB benchmark document, and equals a fresh parse', () => {
    let text = meeting(11, { targetBytes: 1_000_000 }).text;
    let result = parse(text);
    const runs = fc.sample(edit, { numRuns: 25, seed: 7 });
    let segments = 0;
    for (const e of runs) {
      const next = apply(text, e);
      const r = reparse({ text, result }, next);
      if (r.mode === 'segment') segments++;
      expect(r.result).toEqual(parse(next));
      text = next;
      result = r.result;
    }
    expect(segments).toBeGreaterThan(10);
  });

  it('falls back to a full parse when the edit is not inside one item', () => {
    const text = files.find(([n]) => n.startsWith('randers-beskaeftigelsesudvalget-2024'))![1];
    const result = parse(text);
    const second = result.ast.items[1]!.range.start.offset;
    // Joining two items: the line break before the second heading is removed.
    const joined = text.slice(0, second - 1) + ' ' + text.slice(second);
    expect(reparse({ text, result }, joined).mode).toBe('full');
    // An edit in the header.
    expect(reparse({ text, result }, 'x' + text).mode).toBe('full');
    // An unterminated comment opened inside an item.
    const inItem = result.ast.items[2]!.range.start.offset + 40;
    expect(reparse({ text, result }, text.slice(0, inItem) + '<!--' + text.slice(inItem)).mode).toBe('full');
    // A character typed inside an item is a segment re-parse.
    expect(reparse({ text, result }, text.slice(0, inItem) + 'e' + text.slice(inItem)).mode).toBe('segment');
  });

  it('moves item nodes by kind exactly as the generic copy does (with the sentences the model sets)', () => {
    for (const [name, text] of files) {
      // analyze() runs the model, which records controlled sentences on decision paragraphs.
      const items = analyze(text).parse.ast.items;
      const typed = new Map<object, object>();
      const generic = new Map<object, object>();
      expect(relocateItems(items, 17, 3, typed), name).toStrictEqual(relocate(items, 17, 3, generic));
      // The same copies are recorded for the nodes an item model points at.
      for (const [from, to] of typed) {
        expect(generic.has(from), name).toBe(true);
        expect(to).toStrictEqual(generic.get(from));
      }
    }
  });
});
