import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine.js';

const lintText = async (text: string) => lint(text).findings;

const head = `# REFERAT Miljøudvalget

Mødedato: 2024-03-05 16:00
Mødedeltagere: Ane Lund (A), Bo Krog (Løsgænger), Carl Dahl (), Dina Holm (V)
`;

function item(n: number, decision: string): string {
  return `\n## Punkt ${n}: Sag ${n}\nSagsnr: 00.01.00-A00-${n}-24\n\n### Indstilling\n1. at sagen godkendes.\n\n### Beslutning\n1. at godkendt.\n\n${decision}\n`;
}

describe('attendance forms of spec §6.1', () => {
  it('"deltog ikke i mødet" is absence from the whole meeting: a later vote is flagged', async () => {
    const text = head + item(1, 'Dina Holm deltog ikke i mødet.') + item(2, 'For stemte: Ane Lund og Dina Holm (2).');
    const found = (await lintText(text)).filter((d) => d.ruleId === 'vote-count');
    expect(found.map((d) => d.ruleId)).toEqual(['vote-count']);
    const at = text.lastIndexOf('Dina Holm');
    expect(found[0]!.range.start.offset).toBe(at);
  });

  it('"forlod mødet efter behandlingen af punkt 1": no vote on item 2', async () => {
    const text = head + item(1, 'Bo Krog forlod mødet efter behandlingen af punkt 1.') + item(2, 'For stemte: Bo Krog (1).');
    const found = (await lintText(text)).filter((d) => d.ruleId === 'vote-count');
    expect(found).toHaveLength(1);
    expect(found[0]!.range.start.offset).toBe(text.lastIndexOf('Bo Krog'));
  });

  it('party letters (Løsgænger) and () are not part of names', async () => {
    const text = head + item(1, 'Carl Dahl () og Bo Krog (Løsgænger) deltog ikke i sagens behandling.');
    const found = (await lintText(text)).filter((d) => d.ruleId === 'unknown-person');
    expect(found).toEqual([]);
  });
});

describe('attendance fields', () => {
  it('"Fraværende: Ingen" in the header names nobody (no unknown-person)', async () => {
    const text = head.replace('Mødedeltagere:', 'Fraværende: Ingen\nMødedeltagere:') + item(1, 'Godkendt.');
    const found = (await lintText(text)).filter((d) => d.ruleId === 'unknown-person');
    expect(found).toEqual([]);
  });

  it('"Afbud: Bent Storm" still flags a name that is not a member, on the name', async () => {
    const text = head.replace('Mødedeltagere:', 'Afbud: Bent Storm\nMødedeltagere:') + item(1, 'Godkendt.');
    const found = (await lintText(text)).filter((d) => d.ruleId === 'unknown-person');
    expect(found).toHaveLength(1);
    expect(found[0]!.range.start.offset).toBe(text.indexOf('Bent Storm'));
  });
});
