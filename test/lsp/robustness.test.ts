/** Every provider answers on any text at any position, without throwing. */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { provideCodeActions } from '../../server/src/features/codeActions.js';
import { provideCodeLenses } from '../../server/src/features/codeLens.js';
import { provideCompletion } from '../../server/src/features/completion.js';
import { provideDiagnostics } from '../../server/src/features/diagnostics.js';
import { provideDocumentLinks } from '../../server/src/features/documentLinks.js';
import { provideDocumentSymbols } from '../../server/src/features/documentSymbols.js';
import { provideFoldingRanges } from '../../server/src/features/folding.js';
import { provideFormatting } from '../../server/src/features/formatting.js';
import { provideHover } from '../../server/src/features/hover.js';
import { provideInlayHints } from '../../server/src/features/inlayHints.js';
import { prepareRename, provideDefinition, provideReferences, provideRename } from '../../server/src/features/references.js';
import { provideSemanticTokens } from '../../server/src/features/semanticTokens.js';
import { analysisOf } from './helpers.js';

const line = fc.oneof(
  fc.constantFrom(
    '# REFERAT Udvalget',
    'Mødedeltagere: Anne Holm, Bo Berg og Carl Dam',
    'Afbud: Anne Holm',
    'Stedfortrædere: Kim Dal for Bo Berg',
    '## Punkt 1: Første',
    '## Punkt 2: Lukket',
    'Sagsnr: 00.22.00-P35-1-24',
    'Fraværende: Carl Dam',
    '### Indstilling',
    '### Beslutning',
    '### Bilag',
    '1. at a godkendes.',
    '2. at taget til efterretning.',
    '- [Bilag](a.pdf)',
    'For stemte: Anne Holm, Bo Berg (2).',
    'Carl Dam deltog ikke i sagens behandling.',
    'Bo Berg forlod mødet efter punkt 1.',
    '| a | b |',
    '|---|---|',
    '<!-- note',
    '-->',
    '',
  ),
  fc.string({ maxLength: 20 }),
);
const doc = fc.array(line, { maxLength: 30 }).map((ls) => ls.join('\n'));

describe('robustness', () => {
  it('all providers on random documents and positions', () => {
    fc.assert(
      fc.property(doc, fc.nat(), fc.nat(), (text, l, c) => {
        const a = analysisOf(text);
        const lines = text.split('\n');
        const ln = l % lines.length;
        const position = { line: ln, character: c % (lines[ln]!.length + 1) };
        provideDiagnostics(a);
        provideCodeActions(a, { start: position, end: position }, {});
        provideDocumentSymbols(a);
        provideFoldingRanges(a);
        provideCompletion(a, position);
        provideHover(a, position);
        provideDefinition(a, position);
        provideReferences(a, position);
        if (prepareRename(a, position)) provideRename(a, position, 'Ny Person');
        provideFormatting(a);
        provideSemanticTokens(a);
        provideDocumentLinks(a);
        provideCodeLenses(a);
        provideInlayHints(a);
      }),
      { numRuns: 300 },
    );
  });
});
