/** section-order: the house-style structure of an item. */
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine.js';
import { HEAD, item } from './structure-helpers.js';

const of = (id: string, text: string) => lint(text).findings.filter((f) => f.ruleId === id);

describe('section-order', () => {
  it('flags sections that come after one they should precede, naming the house-style order', () => {
    const t = HEAD + item(1, 'A', '### Sagsfremstilling\nTekst.\n\n### Indstilling\n1. at a.\n\n### Beslutning\n1. at godkendt.\n');
    const fs = of('section-order', t);
    expect(fs.map((f) => f.range.start.line)).toEqual([10, 13]);
    expect(fs[0]!.message.en).toBe('"Indstilling" should come before "Sagsfremstilling" in item 1. The house style (randers) orders sections: Resumé, Indstilling, Beslutning, Sagsfremstilling, Økonomi, Høring, Bilag.');
  });

  it('follows the Sønderborg order, where the decision comes after the case presentation', () => {
    const t = HEAD.replace('Mødedato', 'Profil: sonderborg\nMødedato') + item(1, 'A', '### Sagsresumé\nA.\n\n### Indstilling\n1. at a.\n\n### Sagsfremstilling\nB.\n\n### Beslutning Udvalg den 03-12-2024\n1. at godkendt.\n', '23/64938');
    expect(of('section-order', t)).toEqual([]);
    const randersOrder = t.replace('Profil: sonderborg\n', '');
    expect(of('section-order', randersOrder).length).toBeGreaterThan(0);
  });
});
