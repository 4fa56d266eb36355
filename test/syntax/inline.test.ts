import { describe, expect, it } from 'vitest';
import { parseInline, inlineToPlain } from '../../server/src/syntax/inline.js';
import { parse } from '../../server/src/syntax/parser.js';
import type { Inline, Paragraph } from '../../server/src/syntax/ast.js';

function inl(text: string) {
  return { text, segments: [{ textOffset: 0, sourceOffset: 0, length: text.length }], range: null as never };
}
function shape(nodes: Inline[]): unknown[] {
  return nodes.map((n) => {
    switch (n.type) {
      case 'text':
        return n.text;
      case 'comment':
        return { comment: n.body };
      case 'link':
        return { link: n.url.text, children: shape(n.children) };
      default:
        return { [n.type]: shape(n.children) };
    }
  });
}

describe('inline markup', () => {
  it('parses bold, italic, links and comments', () => {
    expect(shape(parseInline(inl('Se **vigtigt** og *kursiv* [bilag](https://x.dk/a.pdf) <!-- note --> slut')))).toEqual([
      'Se ',
      { strong: ['vigtigt'] },
      ' og ',
      { emphasis: ['kursiv'] },
      ' ',
      { link: 'https://x.dk/a.pdf', children: ['bilag'] },
      ' ',
      { comment: ' note ' },
      ' slut',
    ]);
  });
  it('nests emphasis inside strong and keeps unpaired delimiters as text', () => {
    expect(shape(parseInline(inl('**a *b* c** 3 * 4 og 5*')))).toEqual([{ strong: ['a ', { emphasis: ['b'] }, ' c'] }, ' 3 ', { emphasis: [' 4 og 5'] }]);
    expect(shape(parseInline(inl('pris 2 * 3')))).toEqual(['pris 2 * 3']);
    expect(shape(parseInline(inl('**ikke lukket')))).toEqual(['**ikke lukket']);
  });
  it('keeps escaped characters as text and never loses a character of plain text', () => {
    const t = 'a \\*b\\* [c] (d) <e> _f_ snake_case';
    const nodes = parseInline(inl(t));
    expect(inlineToPlain(nodes)).toBe('a *b* [c] (d) <e> _f_ snake_case');
  });
  it('maps ranges to the source through the paragraph', () => {
    const src = '# REFERAT U\n\nTekst med\n**fed** her.\n';
    const p = parse(src).ast.headerBlocks[0] as Paragraph;
    const nodes = parseInline(p.content, parse(src).lines);
    const strong = nodes.find((n) => n.type === 'strong')!;
    expect(src.slice(strong.range.start.offset, strong.range.end.offset)).toBe('**fed**');
    expect(strong.range.start).toMatchObject({ line: 3, character: 0 });
  });
});
