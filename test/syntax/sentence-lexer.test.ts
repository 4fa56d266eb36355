import { describe, expect, it } from 'vitest';
import { lexSentence, sentenceLexer } from '../../server/src/syntax/sentences.js';

const samples = [
  'Fraværende: Anne Holm (V) og Bo B. Ib (Løsgænger), Carl Dam ().',
  'Der var afbud fra Anne Holm. Som suppleanter er indkaldt Bo Ib, Cai Dam og Eva Sø.',
  'Anne Holm deltog ikke under punkterne 12-15 og pkt. 3 – 5 samt punkt 7a.',
  'Anne Holm oplyste, at han var inhabil i behandlingen af punkt 6 (Kommunestyrelsesloven § 14 stk. 3).',
  'For stemte: Anne Holm, Bo Ib (2). Imod stemte: Undlod at stemme: I stedet deltog Stedfortrædere Suppleant',
  'Derudover deltog – Anne Holm (referent) forlod mødet kl. 18.30 før/inden mødte stedfortrædere suppleanter',
  "O'Brien Ærø-Øster Åse Ingen Ikke til stede ønskede begærede sagen i byrådet … ¶ 1.2.3b",
];

describe('the sentence lexer', () => {
  it.each(samples)('gives the tokens of the Chevrotain reference lexer: %s', (text) => {
    const ref = sentenceLexer.tokenize(text);
    expect(ref.errors).toEqual([]);
    const ours = lexSentence(text)!;
    expect(ours.map((t) => [t.tokenType.name, t.image, t.startOffset])).toEqual(ref.tokens.map((t) => [t.tokenType.name, t.image, t.startOffset]));
  });
});
