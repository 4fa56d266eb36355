/** Feature providers, one by one, on small fixtures with a `|` cursor marker. */
import { describe, expect, it } from 'vitest';
import { provideCodeActions } from '../../server/src/features/codeActions.js';
import { provideCompletion } from '../../server/src/features/completion.js';
import { answerPoint as answerFor } from '../../server/src/model/vocabulary.js';
import { provideDocumentLinks } from '../../server/src/features/documentLinks.js';
import { provideDocumentSymbols } from '../../server/src/features/documentSymbols.js';
import { provideFoldingRanges } from '../../server/src/features/folding.js';
import { provideHover } from '../../server/src/features/hover.js';
import { provideInlayHints } from '../../server/src/features/inlayHints.js';
import { provideReferences } from '../../server/src/features/references.js';
import { provideSemanticTokens, semanticTokensLegend } from '../../server/src/features/semanticTokens.js';
import { provideCodeLenses } from '../../server/src/features/codeLens.js';
import { applyTextEdits, cursor } from './client.js';
import { analysisOf } from './helpers.js';

const HEAD = `# REFERAT Udvalget

Mødedato: 2024-12-03 16:30
Mødedeltagere: Anne Holm, Bo Berg, Carl Dam, Dorte Eg
Afbud: Dorte Eg
`;

function complete(fixture: string, lang: 'da' | 'en' = 'en') {
  const { text, position } = cursor(fixture);
  return provideCompletion(analysisOf(text, { lang }), position, { caseNumbers: ['27.12.00-A00-9-23'] }).items;
}

describe('completion', () => {
  it('offers the missing sections in house-style order after ###', () => {
    const items = complete(`${HEAD}
## Punkt 1: Sag
Sagsnr: 00.01.00-P00-1-24

### Indstilling

1. at x godkendes.

### |
`);
    expect(items.map((i) => i.label)).toEqual(['Resumé', 'Beslutning', 'Sagsfremstilling', 'Økonomi', 'Høring', 'Bilag']);
  });

  it('offers header field names not yet used', () => {
    const labels = complete(`# REFERAT Udvalget

Mødedato: 2024-12-03 16:30
Mø|
`).map((i) => i.label);
    expect(labels).toContain('Mødested');
    expect(labels).toContain('Mødedeltagere');
    expect(labels).not.toContain('Mødedato');
  });

  it('offers item fields under an item heading', () => {
    expect(complete(`${HEAD}\n## Punkt 1: Sag\n|\n`).map((i) => i.label)).toEqual(['Sagsnr', 'Lukket', 'Fraværende']);
  });

  it('offers members not yet named, after For stemte and in Afbud', () => {
    const labels = complete(`${HEAD}
## Punkt 1: Sag

### Beslutning

Godkendt.

For stemte: Anne Holm, |
`).map((i) => i.label);
    expect(labels).toEqual(['Bo Berg', 'Carl Dam', 'Dorte Eg']);
    expect(complete(`# REFERAT U\n\nMødedeltagere: Anne Holm, Bo Berg\nAfbud: |\n`).map((i) => i.label)).toEqual(['Anne Holm', 'Bo Berg']);
  });

  it('offers member names and sentence endings in an attendance note', () => {
    const names = complete(`${HEAD}\n## Punkt 1: Sag\n\n### Beslutning\n\nGodkendt.\n\nCa|\n`).map((i) => i.label);
    expect(names).toContain('Carl Dam');
    const tails = complete(`${HEAD}\n## Punkt 1: Sag\n\n### Beslutning\n\nGodkendt.\n\nCarl Dam |\n`).map((i) => i.label);
    expect(tails).toContain('deltog ikke i sagens behandling.');
  });

  it('offers decision phrases and answers mirroring the proposals', () => {
    const fixture = `${HEAD}
## Punkt 1: Sag

### Indstilling

1. at orienteringen tages til efterretning.
2. at planen godkendes.

### Beslutning

|
`;
    const items = complete(fixture, 'da');
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['Godkendt.', 'Taget til efterretning.', 'Drøftet.', 'Anbefales.']));
    const answer = items.find((i) => String(i.label).startsWith('Besvar'))!;
    expect((answer.textEdit as { newText: string }).newText).toBe('1. at taget til efterretning.\n2. at godkendt.');
    const second = complete(fixture.replace('|', '2. at |'));
    expect(second.map((i) => i.label)).toEqual(['at godkendt.']);
    expect(answerFor('at sagen drøftes.')).toBe('at drøftet.');
  });

  it('offers case numbers of the workspace after Sagsnr', () => {
    expect(complete(`${HEAD}\n## Punkt 1: Sag\nSagsnr: |\n`).map((i) => i.label)).toEqual(['27.12.00-A00-9-23']);
  });

  it('offers the next item number after ##', () => {
    const items = complete(`${HEAD}\n## Punkt 7: Sag\n\n## |\n`);
    expect(items.map((i) => i.label)).toEqual(['Punkt 8: ', 'Item 8 with sections (randers)']);
    const body = (items[1]!.textEdit as { newText: string }).newText;
    expect(body.indexOf('### Resumé')).toBeLessThan(body.indexOf('### Indstilling'));
    expect(body).toContain('### Beslutning');
  });
});

describe('hover', () => {
  const doc = `${HEAD}
## Punkt 1: Sag
Sagsnr: 00.22.00-P35-1-24

### Indstilling

1. at x godkendes.
2. at y godkendes.

### Beslutning

1. at godkendt.

Bo Berg deltog ikke i sagens behandling.
`;
  const hover = (marker: string) => {
    const { text, position } = cursor(doc.replace(marker.replace('^', ''), marker.replace('^', '|')));
    const h = provideHover(analysisOf(text), position);
    return h ? (h.contents as { value: string }).value : undefined;
  };
  it('on an item heading: decision, proposals answered, who is absent', () => {
    const v = hover('Punkt ^1')!;
    expect(v).toContain('Decision present');
    expect(v).toContain('Proposals answered: 1 of 2');
    expect(v).toContain('Dorte Eg');
    expect(v).toContain('Bo Berg');
  });
  it('on a case number: its KLE parts', () => {
    const v = hover('00.22.^00')!;
    expect(v).toContain('main group');
    expect(v).toContain('P35');
    expect(v).toContain('2024');
  });
  it('on a member: attendance', () => {
    expect(hover('Bo ^Berg deltog')).toContain('did not take part');
  });
  it('nothing on plain text', () => {
    expect(hover('at ^x')).toBeUndefined();
  });
});

describe('other providers', () => {
  const text = `${HEAD}
## Punkt 1: Sag
Sagsnr: 00.22.00-P35-1-24

### Indstilling

1. at x godkendes.

### Bilag

- [Notat](bilag/notat.pdf)
- [Plan](https://example.invalid/plan.pdf)

## Punkt 2: Lukket
Lukket: ja

<!-- a comment
over lines -->
`;
  const a = analysisOf(text, { uri: 'file:///ws/m/2024.referat' });

  it('document symbols mark closed items', () => {
    const items = provideDocumentSymbols(a)[0]!.children!.filter((s) => s.name.startsWith('Punkt'));
    expect(items.map((i) => i.name)).toEqual(['Punkt 1: Sag', 'Punkt 2: Lukket 🔒']);
  });

  it('folding covers comments', () => {
    const ranges = provideFoldingRanges(a);
    const comment = ranges.find((r) => r.kind === 'comment');
    expect(comment).toBeDefined();
  });

  it('document links resolve attachments relative to the file', () => {
    expect(provideDocumentLinks(a).map((l) => l.target)).toEqual(['file:///ws/m/bilag/notat.pdf', 'https://example.invalid/plan.pdf']);
  });

  it('references find the member everywhere', () => {
    const refs = provideReferences(a, { line: 3, character: 17 }, { includeDeclaration: false });
    expect(refs).toHaveLength(0);
    const all = provideReferences(analysisOf(`${HEAD}\n## Punkt 1: S\n\n### Beslutning\n\nGodkendt.\n\nDorte Eg havde forfald.\n`), { line: 4, character: 9 }, { includeDeclaration: true });
    expect(all).toHaveLength(3);
  });

  it('inlay hints and code lens per item', () => {
    expect(provideInlayHints(a).map((h) => h.label)).toEqual(['absent: Dorte Eg', 'absent: Dorte Eg']);
    expect(provideCodeLenses(a).map((l) => l.command!.title)).toEqual(['⚠ decision missing · 0 of 1 proposals answered', '🔒 closed']);
  });

  it('semantic tokens decode to the legend', () => {
    const data = provideSemanticTokens(a).data;
    const types: string[] = [];
    for (let i = 0; i < data.length; i += 5) types.push(semanticTokensLegend.tokenTypes[data[i + 3]!]!);
    expect(types).toEqual(expect.arrayContaining(['keyword', 'number', 'class', 'property', 'string', 'variable', 'comment']));
    // Every token lies on one line with a positive length.
    for (let i = 0; i < data.length; i += 5) expect(data[i + 2]).toBeGreaterThan(0);
  });

  it('code actions offer a disable comment for a finding', () => {
    const src = `${HEAD}\n## Punkt 1: S\n\n### Beslutning\n\nGodkendt.\n\nFor stemte: Anne Holm og Karl Olsen.\n`;
    const bad = analysisOf(src);
    const line = src.split('\n').findIndex((l) => l.startsWith('For stemte'));
    const actions = provideCodeActions(bad, { start: { line, character: 0 }, end: { line, character: 40 } });
    expect(actions.map((x) => x.title)).toContain('Disable unknown-person for this line');
  });

  it('source.fixAll and "fix all of this rule" never double a name (issue 15)', () => {
    const src = `${HEAD}\n## Punkt 1: S\n\n### Beslutning\n\nGodkendt.\n\nDorte Ek deltog ikke i sagens behandling.\n`;
    const a = analysisOf(src);
    const all = provideCodeActions(a, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { only: ['source.fixAll'] });
    expect(all).toHaveLength(1);
    const fixed = applyTextEdits(src, all[0]!.edit!.changes![a.uri]!);
    expect(fixed).toContain('\nDorte Eg deltog ikke i sagens behandling.\n');
    expect(fixed).not.toMatch(/Dorte Eg og Dorte Eg/);
    // "Fix all unknown-person problems" runs the same algorithm.
    const line = src.split('\n').findIndex((l) => l.startsWith('Dorte Ek'));
    const quick = provideCodeActions(a, { start: { line, character: 0 }, end: { line, character: 8 } }, { only: ['quickfix'] });
    for (const q of quick) {
      const t = applyTextEdits(src, q.edit!.changes![a.uri]!);
      expect(t).not.toMatch(/Dorte Eg og Dorte Eg/);
    }
  });
});
