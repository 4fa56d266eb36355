import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockLexer, chevrotainBlockLexer } from '../../server/src/syntax/lexer.js';

const tokensOf = (r: ReturnType<typeof blockLexer.tokenize>) => r.tokens.map((t) => [t.tokenType.name, t.image, t.startOffset]);

const examples = join(__dirname, '../../examples');
const files = readdirSync(examples).filter((f) => f.endsWith('.referat'));

/** Pieces that start every kind of token, and the characters around them. */
const pieces = [
  '\n', '\r\n', '\r', ' ', '\t', '\uFEFF', '#', '## ', '### ', '#### ', '####### ', '# REFERAT', '# DAGSORDEN ', '## Punkt 12: ', '## Punkt 3 ', '## 4. ', '## 5) ',
  '| a | b |', '  |', '1. ', '  2) ', '- ', '* ', '+ ', '• ', '-x', 'Sagsnr: ', 'Mødedeltagere:', 'Ærø Å:', 'Ñandú: ', '𝐀b: ', 'Punkt', 'REFERAT', 'DAGSORDEN',
  '<!--', '-->', '<!-- c -->', '<', 'x', 'Tekst', '12', '1.a', ':', '.', ')', 'ø', '\u2028', '\u00a0',
];

describe('the block lexer', () => {
  it.each(files)('gives the tokens of the Chevrotain lexer on %s', (f) => {
    const text = readFileSync(join(examples, f), 'utf8');
    const ref = chevrotainBlockLexer.tokenize(text);
    const ours = blockLexer.tokenize(text);
    expect(tokensOf(ours)).toEqual(tokensOf(ref));
    expect(ours.errors).toEqual(ref.errors);
  });

  it('gives the tokens and errors of the Chevrotain lexer on any text made of markup pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 })), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const ref = chevrotainBlockLexer.tokenize(text);
        const ours = blockLexer.tokenize(text);
        expect(tokensOf(ours)).toEqual(tokensOf(ref));
        expect(ours.errors.map((e) => [e.offset, e.length])).toEqual(ref.errors.map((e) => [e.offset, e.length]));
      }),
      { numRuns: 3000 },
    );
  });
});
