/** duplicate-section: the house-style structure of an item. */
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine.js';
import { HEAD, item } from './structure-helpers.js';

const of = (id: string, text: string) => lint(text).findings.filter((f) => f.ruleId === id);

describe('duplicate-section', () => {
  it('flags the second of two sections of the same kind (aliases included), related to the first', () => {
    const t = HEAD + item(1, 'A', '### Resumé\nA.\n\n### Sagsresumé\nB.\n\n### Indstilling\n1. at a.\n\n### Beslutning\n1. at godkendt.\n');
    const [f] = of('duplicate-section', t);
    expect(f!.range.start.line).toBe(10);
    expect(f!.message.da).toBe('Punkt 1 har afsnittet "Resumé" to gange. Slå de to sammen til ét.');
    expect(f!.related![0]!.range.start.line).toBe(7);
  });
});
