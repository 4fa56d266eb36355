/** empty-section, duplicate-section and section-order: the house-style structure of an item. */
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine.js';
import { HEAD, item } from './structure-helpers.js';

const of = (id: string, text: string) => lint(text).findings.filter((f) => f.ruleId === id);

describe('empty-section', () => {
  it('flags a heading with nothing (or only a comment) under it, not an empty decision', () => {
    const t = HEAD + item(1, 'A', '### Resumé\n\n### Indstilling\n1. at a godkendes.\n\n### Beslutning\n1. at godkendt.\n\n### Bilag\n<!-- kommer -->\n');
    const fs = of('empty-section', t);
    expect(fs.map((f) => [f.range.start.line, f.message.en])).toEqual([
      [7, 'The section "Resumé" of item 1 is empty. Write its content, or remove the heading.'],
      [15, 'The section "Bilag" of item 1 is empty. Write its content, or remove the heading.'],
    ]);
    expect(of('empty-section', HEAD + item(1, 'A', '### Indstilling\n1. at a.\n\n### Beslutning\n'))).toEqual([]);
  });
});

describe('duplicate-section', () => {
  it('flags the second of two sections of the same kind (aliases included), related to the first', () => {
    const t = HEAD + item(1, 'A', '### Resumé\nA.\n\n### Sagsresumé\nB.\n\n### Indstilling\n1. at a.\n\n### Beslutning\n1. at godkendt.\n');
    const [f] = of('duplicate-section', t);
    expect(f!.range.start.line).toBe(10);
    expect(f!.message.da).toBe('Punkt 1 har afsnittet "Resumé" to gange. Slå de to sammen til ét.');
    expect(f!.related![0]!.range.start.line).toBe(7);
  });
});

describe('section-order', () => {
  it('flags sections that come after one they should precede, naming the house-style order', () => {
    const t = HEAD + item(1, 'A', '### Sagsfremstilling\nTekst.\n\n### Indstilling\n1. at a.\n\n### Beslutning\n1. at godkendt.\n');
    const fs = of('section-order', t);
    expect(fs.map((f) => f.range.start.line)).toEqual([10, 13]);
    expect(fs[0]!.message.en).toBe('"Indstilling" should come before "Sagsfremstilling" in item 1. The house style (randers) orders sections: Resumé, Indstilling, Beslutning, Sagsfremstilling, Økonomi, Høring, Bilag.');
  });

  it('follows the Sønderborg-like order, where the decision comes after the case presentation', () => {
    const t = HEAD.replace('Mødedato', 'Profil: sonderborg\nMødedato') + item(1, 'A', '### Sagsresumé\nA.\n\n### Sagsfremstilling\nB.\n\n### Indstilling\n1. at a.\n\n### Beslutning Udvalg den 03-12-2024\n1. at godkendt.\n', '23/64938');
    expect(of('section-order', t)).toEqual([]);
    const randersOrder = t.replace('Profil: sonderborg\n', '');
    expect(of('section-order', randersOrder).length).toBeGreaterThan(0);
  });
});
