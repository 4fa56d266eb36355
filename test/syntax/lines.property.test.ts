/**
 * The line index after an edit (LineIndex.edited, the editor's typing path) equals the line
 * index of the new text made from scratch: random texts of line breaks of every kind (LF,
 * CRLF, lone CR), random edits, including those that join or split a CRLF.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../server/src/syntax/lines.js';

const text = fc.array(fc.constantFrom('a', 'b', '\n', '\r', '\r\n', 'æ'), { maxLength: 40 }).map((xs) => xs.join(''));

function common(a: string, b: string): { prefix: number; suffix: number } {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return { prefix, suffix };
}

describe('LineIndex.edited', () => {
  it('equals a fresh line index after any edit', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), text, (before, at, len, insert) => {
        const start = at % (before.length + 1);
        const end = Math.min(before.length, start + (len % 5));
        const after = before.slice(0, start) + insert + before.slice(end);
        const { prefix, suffix } = common(before, after);
        expect(LineIndex.edited(new LineIndex(before), after, prefix, suffix)).toEqual(new LineIndex(after));
      }),
      { numRuns: 3000 },
    );
  });
});
