import { describe, expect, it } from 'vitest';
import type { List, Paragraph, Table } from '../../server/src/syntax/ast.js';
import { parse } from '../../server/src/syntax/parser.js';

const doc = [
  '# REFERAT Beskæftigelsesudvalget d. 03-12-2024',
  '',
  'Kommune: Randers Kommune',
  'Mødedato: Tirsdag d. 03. december 2024 kl. 16:30',
  'Mødedeltagere: Claus Berggren, Kasper Fuhr Christensen,',
  '  Jesper Gade og Bo Vestergaard',
  'Afbud: Claus Berggren',
  '<!-- intern note -->',
  '',
  '## Punkt 123: Omstilling af Ydelseskantoret',
  'Sagsnr: 00.22.00-P35-1-24',
  '',
  '### Indstilling',
  'Forvaltningen indstiller til beskæftigelsesudvalget,',
  '',
  '1. at orienteringen tages til efterretning.',
  '2. at forslaget godkendes.',
  '',
  '### Beslutning',
  '1. at taget til efterretning.',
  '2. at godkendt.',
  '',
  'Claus Berggren deltog ikke i sagens behandling.',
  '',
  '### Sagsfremstilling',
  '#### Løsninger',
  'Tekst med **fed** og en',
  'fortsat linje.',
  '',
  '- punkt et',
  '  - under',
  '- punkt to',
  '',
  '| År | Beløb |',
  '|---|---:|',
  '| 2024 | 1.193.191 |',
  '',
  '## Punkt 124: Lukket',
  'Lukket: ja',
  '',
].join('\n');

describe('parse', () => {
  const { ast, diagnostics, lines } = parse(doc);

  it('produces no syntax diagnostics for a well-formed file', () => {
    expect(diagnostics).toEqual([]);
  });

  it('reads the title with its keyword and rest', () => {
    expect(ast.title?.kind).toBe('REFERAT');
    expect(ast.title?.rest?.text).toBe('Beskæftigelsesudvalget d. 03-12-2024');
    expect(ast.title?.range.start).toEqual({ offset: 0, line: 0, character: 0 });
  });

  it('reads header fields with indented continuation lines', () => {
    expect(ast.fields.map((f) => f.name.text)).toEqual(['Kommune', 'Mødedato', 'Mødedeltagere', 'Afbud']);
    const members = ast.fields[2]!;
    expect(members.value.text).toBe('Claus Berggren, Kasper Fuhr Christensen, Jesper Gade og Bo Vestergaard');
    expect(members.value.range.start).toMatchObject({ line: 4, character: 15 });
    expect(members.value.range.end).toMatchObject({ line: 5, character: 31 });
    expect(members.value.segments).toHaveLength(2);
  });

  it('collects every comment', () => {
    expect(ast.comments.map((c) => c.body)).toEqual([' intern note ']);
  });

  it('reads items with number, title, fields and sections', () => {
    expect(ast.items.map((i) => [i.number.text, i.title.text])).toEqual([
      ['123', 'Omstilling af Ydelseskantoret'],
      ['124', 'Lukket'],
    ]);
    const item = ast.items[0]!;
    expect(item.fields.map((f) => [f.name.text, f.value.text])).toEqual([['Sagsnr', '00.22.00-P35-1-24']]);
    expect(item.sections.map((s) => s.title)).toEqual(['Indstilling', 'Beslutning', 'Sagsfremstilling']);
    expect(item.number.range.start).toMatchObject({ line: 9, character: 9 });
    expect(ast.items[1]!.fields[0]!.value.text).toBe('ja');
  });

  it('reads ordered lists with their numbers and paragraphs after them', () => {
    const ind = ast.items[0]!.sections[0]!;
    expect(ind.blocks.map((b) => b.type)).toEqual(['paragraph', 'list']);
    const list = ind.blocks[1] as List;
    expect(list.ordered).toBe(true);
    expect(list.items.map((i) => [i.number, i.content.text])).toEqual([
      [1, 'at orienteringen tages til efterretning.'],
      [2, 'at forslaget godkendes.'],
    ]);
    const besl = ast.items[0]!.sections[1]!;
    expect(besl.blocks.map((b) => b.type)).toEqual(['list', 'paragraph']);
    expect((besl.blocks[1] as Paragraph).content.text).toBe('Claus Berggren deltog ikke i sagens behandling.');
  });

  it('reads sub-headings, multi-line paragraphs, nested lists and tables', () => {
    const sf = ast.items[0]!.sections[2]!;
    expect(sf.blocks.map((b) => b.type)).toEqual(['subheading', 'paragraph', 'list', 'table']);
    const p = sf.blocks[1] as Paragraph;
    expect(p.content.text).toBe('Tekst med **fed** og en fortsat linje.');
    expect(doc.slice(p.range.start.offset, p.range.end.offset)).toBe('Tekst med **fed** og en\nfortsat linje.');
    const list = sf.blocks[2] as List;
    expect(list.items.map((i) => i.content.text)).toEqual(['punkt et', 'punkt to']);
    expect(list.items[0]!.children[0]!.items[0]!.content.text).toBe('under');
    const table = sf.blocks[3] as Table;
    expect(table.header?.cells.map((c) => c.content.text)).toEqual(['År', 'Beløb']);
    expect(table.rows.map((r) => r.cells.map((c) => c.content.text))).toEqual([['2024', '1.193.191']]);
    expect(table.align).toEqual([null, 'right']);
  });

  it('gives every node a range whose text is the source text', () => {
    const item = ast.items[0]!;
    expect(doc.slice(item.title.range.start.offset, item.title.range.end.offset)).toBe(item.title.text);
    const r = item.sections[1]!.heading.range;
    expect(lines.position(r.start.offset)).toEqual(r.start);
    expect(doc.slice(r.start.offset, r.end.offset)).toBe('### Beslutning');
  });
});

describe('line endings, BOM and position counting', () => {
  it('counts CRLF and CR as one line break and keeps the dominant ending', () => {
    const lf = '# REFERAT U\n\n## Punkt 1: A\nSagsnr: 1\n';
    for (const eol of ['\r\n', '\r']) {
      const text = lf.replace(/\n/g, eol);
      const { ast, diagnostics } = parse(text);
      expect(diagnostics).toEqual([]);
      expect(ast.eol).toBe(eol);
      expect(ast.items[0]!.fields[0]!.value.range.start).toMatchObject({ line: 3, character: 8 });
    }
  });

  it('tolerates a BOM and reports it', () => {
    const { ast, diagnostics } = parse('\uFEFF# REFERAT U\n## Punkt 1: A\n');
    expect(diagnostics).toEqual([]);
    expect(ast.bom).toBe(true);
    expect(ast.title?.kind).toBe('REFERAT');
    expect(ast.items[0]!.title.text).toBe('A');
  });

  it('counts characters in UTF-16 code units as LSP does', () => {
    const { ast } = parse('# REFERAT U\nMødested: 😀 Salen\n');
    expect(ast.fields[0]!.value.range.end.character).toBe('Mødested: 😀 Salen'.length);
  });
});

describe('syntax diagnostics', () => {
  const codes = (text: string) => parse(text).diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}`);

  it('an empty file has a tree and one diagnostic', () => {
    const r = parse('');
    expect(r.ast.items).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['missing-title']);
  });

  it('flags headings out of place and unterminated comments', () => {
    expect(
      codes(['# REFERAT U', '### Resumé', '## Bilag', '# Noget', '## Punkt 1: A', '<!-- aldrig lukket', 'tekst', '## Punkt 2:'].join('\n')),
    ).toEqual(['2:section-outside-item', '3:stray-heading-2', '4:stray-heading-1', '6:unterminated-comment', '8:empty-item-title']);
  });

  it('flags a table row with the wrong number of cells', () => {
    expect(codes('# REFERAT U\n## Punkt 1: A\n### Bilag\n| a | b |\n|---|---|\n| 1 |\n')).toEqual(['6:table-columns']);
  });

  it('messages exist in Danish and English', () => {
    for (const d of parse('## Bilag').diagnostics) {
      expect(d.message.da).not.toBe(d.message.en);
      expect(d.message.da.length).toBeGreaterThan(10);
    }
  });
});
