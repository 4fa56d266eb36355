/**
 * Formatting keeps every non-whitespace character (except list numbers and the dashes of
 * table delimiter rows), is idempotent, and leaves the structure the tools read unchanged:
 * on grammar documents with whitespace noise, on lines of every kind in any order, and on
 * mutated seeds and examples.
 */
import fc from 'fast-check';
import { checkFormatting } from '../lsp/formatting-checks.js';
import { mutatedRealFile, referatDocument, withWhitespaceNoise } from './arbitraries.js';
import { fuzzProperty } from './harness.js';

/** Lines a writer types, with the spacing writers get wrong. */
const line = fc.oneof(
  fc.constantFrom(
    '# REFERAT Udvalget',
    '#  DAGSORDEN  Udvalget ',
    'Mødedeltagere: Anne Holm, Bo Berg og Carl Dam',
    'Mødedeltagere :Anne Holm ,  Bo Berg',
    '  Carl Dam',
    'Afbud: Anne Holm',
    'Mødedato: 2024-12-03 16:30',
    '## Punkt 1: Første',
    '##   Punkt 2:  Anden  ',
    '## Punkt 3: Lukket',
    'Sagsnr: 00.22.00-P35-1-24',
    'Lukket: ja',
    '### Indstilling',
    '###   Beslutning  ',
    '### Sagsfremstilling',
    '#### Underafsnit',
    '1. at a godkendes.',
    '3.   at b tages til efterretning.',
    '1) at c',
    '- punkt',
    '  - indrykket',
    'Godkendt.',
    'Anne Holm  og Bo Berg deltog ikke i sagens behandling.',
    'For stemte: Anne Holm ,Bo Berg (2).',
    '| a | b |',
    '|---|:-:|',
    '| ccc | d |',
    '| x |',
    '<!-- note -->',
    '<!-- start',
    'end -->',
    'Tekst med **fed** og [link](bilag.pdf).   ',
    '',
    '',
    '   ',
    '\t',
  ),
  fc.string({ maxLength: 30 }),
);
const lineSoup = fc
  .tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([lines, eol, bom]) => (bom ? '\uFEFF' : '') + lines.join(eol));

fuzzProperty({
  name: 'formatting',
  arbitrary: fc.oneof(
    { arbitrary: withWhitespaceNoise(referatDocument()), weight: 3 },
    { arbitrary: withWhitespaceNoise(referatDocument({ odd: true, payloads: true })), weight: 1 },
    { arbitrary: lineSoup, weight: 2 },
    { arbitrary: mutatedRealFile(), weight: 2 },
  ),
  check: checkFormatting,
  runs: 100,
  cost: 4,
});
