import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlankText, plainText } from '../../server/src/syntax/text.js';

const pieces = ['<!--', '-->', '<!-- x -->', '<', '!', '-', '*', '**', ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u2028', '\uFEFF', '\u3000', 'a', 'Å', '.', '𝐀'];

describe('isBlankText', () => {
  it('is true exactly where the plain text a reader sees is empty', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 2 })), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(isBlankText(text)).toBe(plainText(text) === '');
      }),
      { numRuns: 5000 },
    );
  });
});
