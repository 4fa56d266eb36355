/** empty-section: the house-style structure of an item. */
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
