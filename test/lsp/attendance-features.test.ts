/** Editor features show the attendance of spec §6.1 as the model reads it: hover and semantic tokens. */
import { describe, expect, it } from 'vitest';
import { provideHover } from '../../server/src/features/hover.js';
import { provideSemanticTokens, semanticTokensLegend } from '../../server/src/features/semanticTokens.js';
import { cursor } from './client.js';
import { analysisOf } from './helpers.js';

const doc = `# REFERAT Miljøudvalget

Mødedato: 2024-03-05 16:00
Mødedeltagere: Ane Lund (A), Bo Krog (V), Carl Dahl (C)

Der var afbud fra Ane Lund (A).

## Punkt 1: Godkendelse af dagsorden

### Beslutning

Godkendt.

Bo Krog (V) deltog ikke under punkterne 2-3.

## Punkt 2: Sag

### Beslutning

Godkendt.
`;

const hover = (marker: string, text = doc) => {
  const { text: t, position } = cursor(text.replace(marker.replace('^', ''), marker.replace('^', '|')));
  const h = provideHover(analysisOf(t), position);
  return h ? (h.contents as { value: string }).value : undefined;
};

describe('attendance in editor features', () => {
  it('hover on an item heading lists who is away: apologies from the header, absence from a range', () => {
    const v = hover('Punkt ^2')!;
    expect(v).toContain('Ane Lund (sent apologies)');
    expect(v).toContain('Bo Krog (did not take part)');
    expect(hover('Punkt ^1')!).not.toContain('Bo Krog');
  });

  it('hover on a name in a header note shows that member\'s attendance per item', () => {
    const v = hover('afbud fra Ane ^Lund')!;
    expect(v).toContain('**Ane Lund**');
    expect(v).toMatch(/\| 1 \| Godkendelse af dagsorden \| sent apologies \|/);
  });

  it('semantic tokens mark the names of header notes and the item numbers of ranges', () => {
    const a = analysisOf(doc);
    const data = provideSemanticTokens(a).data;
    const found: [string, string][] = [];
    let line = 0;
    let ch = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i]!;
      ch = data[i] === 0 ? ch + data[i + 1]! : data[i + 1]!;
      const text = doc.split('\n')[line]!.slice(ch, ch + data[i + 2]!);
      found.push([semanticTokensLegend.tokenTypes[data[i + 3]!]!, text]);
    }
    expect(found).toEqual(expect.arrayContaining([['variable', 'Ane Lund'], ['variable', 'Bo Krog'], ['number', '2-3']]));
    expect(found.filter(([, t]) => t === 'Ane Lund').length).toBeGreaterThanOrEqual(2);
  });
});

describe('substitutes in hover', () => {
  it('a substitute named in a §6.1 form is shown present as substitute', () => {
    const text = doc.replace('Der var afbud fra Ane Lund (A).', 'Der var afbud fra Ane Lund (A). Som suppleant deltog Eva Bak (A).');
    const v = hover('deltog Eva ^Bak', text)!;
    expect(v).toContain('**Eva Bak**');
    expect(v).toContain('present (substitute)');
    expect(v).not.toContain('not among the members');
  });
});
