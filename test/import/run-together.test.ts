/**
 * Lines a web page or a flipbook ran together (invented minutes in two such shapes): a contents
 * heading run into its first entry, and this meeting's decision heading run into its text.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/engine.js';
import { importText } from '../../server/src/import/index.js';

const items = (markup: string) => analyze(markup).meeting.items.map((i) => ({ number: i.number, title: i.title, decided: !!i.decisionSection }));

describe('run-together lines', () => {
  it('a contents heading run into the first entry: the entry is the first item', () => {
    const text = [
      'Teknisk Udvalg - Referat',
      '',
      'Dato: 4. marts 2031',
      '',
      'Indholdsfortegnelse1. Meddelelser',
      '',
      'Sagsfremstilling',
      '',
      'Formanden orienterede om vejarbejdet.',
      '',
      'Beslutning',
      '',
      'Taget til efterretning.',
      '',
      '2. Budgetopfølgning',
      '',
      'Sagsfremstilling',
      '',
      'Forvaltningen gennemgik tallene.',
      '',
      'Beslutning',
      '',
      'Godkendt.',
    ].join('\n');
    expect(items(importText(text).markup)).toEqual([
      { number: '1', title: 'Meddelelser', decided: true },
      { number: '2', title: 'Budgetopfølgning', decided: true },
    ]);
  });

  it("this meeting's decision heading run into its text is the decision, another date's is not", () => {
    const text = [
      'Referat af Kulturudvalgets møde d. 04.03.2031',
      '',
      'Punkt 11: Godkendelse af dagsorden',
      '',
      '01.02.03-A00-1-31 Beslutning Kulturudvalget, 04.03.2031 Ida Holm var fraværende. Godkendt.',
      '',
      'Punkt 12: Tilskud til foreninger',
      '',
      '01.02.03-A00-2-31 Sagsfremstilling Kulturudvalget, 01.02.2031 drøftede sagen. Tilskuddet fordeles efter antal medlemmer.',
      '',
      'Beslutning Kulturudvalget, 04.03.2031 Godkendt.',
    ].join('\n');
    const markup = importText(text).markup;
    expect(items(markup)).toEqual([
      { number: '11', title: 'Godkendelse af dagsorden', decided: true },
      { number: '12', title: 'Tilskud til foreninger', decided: true },
    ]);
    expect(markup).toMatch(/### Beslutning Kulturudvalget, 04\.03\.2031\n\nIda Holm var fraværende\. Godkendt\./);
    // A committee and another date inside a sentence stay text.
    expect(markup).toContain('Kulturudvalget, 01.02.2031 drøftede sagen.');
  });
});
