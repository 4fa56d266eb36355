/**
 * Shapes inside an item that the importer must not misread, in small invented minutes: a
 * numbered list whose numbers would continue the items', a flipbook's text that runs an item
 * into one paragraph, a one-item page without the meeting's date.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/engine.js';
import { importText } from '../../server/src/import/index.js';

describe('a numbered list inside an item', () => {
  const minutes = (indent: string) =>
    [
      'Referat af møde i Vejudvalget',
      'Den 14.03.2023 kl. 15:00 i Mødelokale 3',
      '',
      '1.   Godkendelse af dagsorden',
      '',
      'Beslutning',
      '',
      'Godkendt.',
      '',
      '2.   Nye regler for vejarbejde om natten',
      '',
      'Indstilling',
      '',
      'Forvaltningen indstiller, at udvalget fastsætter disse vilkår for arbejde om natten:',
      '',
      `${indent}1. Arbejde med maskiner efter kl. 22 skal aftales med forvaltningen i hvert enkelt tilfælde, og forvaltningen afgør, om arbejdet larmer,`,
      `${indent}2. Entreprenøren skal varsle de nærmeste naboer skriftligt, senest en uge før arbejdet begynder, og oplyse et telefonnummer,`,
      `${indent}3. Entreprenøren sender en kort rapport om støjen til forvaltningen hver uge.`,
      `${indent}4. Der må ikke læsses materialer af om natten,`,
      '',
      'Beslutning',
      '',
      'Godkendt.',
      '',
      '3.   Orientering om vintertjenesten',
      '',
      'Beslutning',
      '',
      'Taget til efterretning.',
    ].join('\n');

  for (const [shape, indent] of [
    ['indented', '  '],
    ['flush left', ''],
  ] as const) {
    it(`is a list, not items, where its points follow one another (${shape}) and its 3 would continue the items`, () => {
      const r = importText(minutes(indent));
      const { meeting } = analyze(r.markup);
      expect(meeting.items.map((i) => [i.number, i.title])).toEqual([
        ['1', 'Godkendelse af dagsorden'],
        ['2', 'Nye regler for vejarbejde om natten'],
        ['3', 'Orientering om vintertjenesten'],
      ]);
      expect(r.markup).toMatch(/^3\. Entreprenøren sender/m);
      expect(r.markup).toMatch(/^4\. Der må ikke/m);
    });
  }

  it('a list cut off by the end of the text is still a list', () => {
    const cut = minutes('  ').split('\n').slice(0, 18).join('\n');
    const { meeting } = analyze(importText(cut).markup);
    expect(meeting.items.map((i) => i.number)).toEqual(['1', '2']);
  });
});
