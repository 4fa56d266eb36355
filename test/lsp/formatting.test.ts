/**
 * Formatting never loses or changes content, and is idempotent: proven on every
 * example and fixture, and on random documents. The only non-whitespace changes it may
 * make are list numbers (renumbered) and the dashes of table delimiter rows.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatEdits, formatText } from '../../server/src/features/formatting.js';
import { analysisOf } from './helpers.js';

function files(dir: string): string[] {
  let out: string[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out = out.concat(files(p));
    else if (e.endsWith('.referat')) out.push(p);
  }
  return out;
}

const root = join(__dirname, '..', '..');
const corpus = [...files(join(root, 'examples')), ...files(join(root, 'test', 'fixtures'))];

function structure(text: string) {
  const a = analysisOf(text);
  return {
    title: a.parse.ast.title?.kind,
    fields: a.parse.ast.fields.map((f) => f.name.text),
    items: a.meeting.items.map((i) => ({
      number: i.number,
      fields: i.node.fields.map((f) => f.name.text),
      sections: i.sections.map((s) => s.kind),
      proposals: i.proposals.length,
      decisions: i.decisions.length,
      sentences: i.attendance.sentences.map((s) => `${s.kind}:${s.names.names.map((n) => n.name).join('/')}`),
    })),
    members: a.meeting.members?.map((m) => m.name),
  };
}

/** Checks every edit: whitespace only, or a list number, or a table delimiter row. */
function checkEdits(text: string) {
  const a = analysisOf(text);
  for (const e of formatEdits(a)) {
    const before = text.slice(e.start, e.end);
    const nonWs = (s: string) => s.replace(/\s+/g, '');
    if (nonWs(before) === nonWs(e.newText)) continue;
    if (/^\d+$/.test(before) && /^\d+$/.test(e.newText)) continue;
    if (/^[\s|:-]+$/.test(before) && /^[\s|:-]+$/.test(e.newText) && nonWs(before).replace(/-+/g, '-') === nonWs(e.newText).replace(/-+/g, '-')) continue;
    throw new Error(`formatting changed content: ${JSON.stringify(before)} → ${JSON.stringify(e.newText)}`);
  }
}

function checkAll(text: string) {
  checkEdits(text);
  const once = formatText(analysisOf(text));
  const twice = formatText(analysisOf(once));
  expect(twice).toBe(once);
  expect(structure(once)).toEqual(structure(text));
}

describe('formatting', () => {
  it('has a corpus', () => {
    expect(corpus.length).toBeGreaterThan(0);
  });

  it.each(corpus.map((f) => [f.slice(root.length + 1), f]))('keeps content and is idempotent: %s', (_name, file) => {
    checkAll(readFileSync(file, 'utf8'));
  });

  it('normalises headings, blank lines, fields, lists, name lists and tables', () => {
    const input = [
      '#   REFERAT   Udvalget  ',
      'Mødedeltagere:   Anne Holm ,Bo Berg   og  Carl Dam',
      '',
      '',
      '',
      '##  Punkt 1:   Sag  ',
      'Sagsnr :  00.01.00-P00-1-24',
      '### Indstilling',
      '1.  at a godkendes.',
      '1. at b godkendes.',
      '3. at c godkendes.',
      '### Beslutning',
      'Godkendt.   ',
      '',
      'Anne Holm ,Bo Berg deltog ikke i sagens behandling.',
      '',
      '| a | bb |',
      '|-|-|',
      '| ccc | d |',
      '',
      '',
    ].join('\n');
    const out = formatText(analysisOf(input));
    expect(out).toBe(
      [
        '# REFERAT Udvalget',
        'Mødedeltagere: Anne Holm, Bo Berg og Carl Dam',
        '',
        '## Punkt 1: Sag',
        'Sagsnr: 00.01.00-P00-1-24',
        '',
        '### Indstilling',
        '',
        '1. at a godkendes.',
        '2. at b godkendes.',
        '3. at c godkendes.',
        '',
        '### Beslutning',
        '',
        'Godkendt.',
        '',
        'Anne Holm, Bo Berg deltog ikke i sagens behandling.',
        '',
        '| a   | bb  |',
        '| --- | --- |',
        '| ccc | d   |',
        '',
      ].join('\n'),
    );
    checkAll(input);
  });

  it('keeps CRLF line endings and leaves comments alone', () => {
    const input = '# REFERAT X\r\n\r\n\r\n<!-- a\r\n\r\n\r\n# not a heading   \r\n-->\r\n## Punkt 1: A\r\n### Beslutning\r\nGodkendt.';
    const out = formatText(analysisOf(input));
    expect(out).toContain('<!-- a\r\n\r\n\r\n# not a heading');
    expect(out.replace(/\r\n/g, '')).not.toMatch(/\r|\n/);
    expect(out.endsWith('Godkendt.\r\n')).toBe(true);
    checkAll(input);
  });

  it('range formatting only touches the range', async () => {
    const input = '#  REFERAT X\n\n##  Punkt 1: A\n### Beslutning\nGodkendt.  \n';
    const a = analysisOf(input);
    const { provideRangeFormatting } = await import('../../server/src/features/formatting.js');
    const edits = provideRangeFormatting(a, { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } });
    expect(edits.every((e) => e.range.start.line === 2)).toBe(true);
    expect(edits.length).toBeGreaterThan(0);
  });

  const line = fc.oneof(
    fc.constantFrom(
      '# REFERAT Udvalget',
      '#  DAGSORDEN  Udvalget ',
      'Mødedeltagere: Anne Holm, Bo Berg og Carl Dam',
      'Mødedeltagere :Anne Holm ,  Bo Berg',
      '  Carl Dam',
      'Afbud: Anne Holm',
      'Mødedato: 2024-12-03 16:30',
      '## Punkt 1: Første',
      '##   Punkt 2:  Anden  ',
      '## Punkt 3: Lukket',
      'Sagsnr: 00.22.00-P35-1-24',
      'Lukket: ja',
      '### Indstilling',
      '###   Beslutning  ',
      '### Sagsfremstilling',
      '#### Underafsnit',
      '1. at a godkendes.',
      '3.   at b tages til efterretning.',
      '1) at c',
      '- punkt',
      '  - indrykket',
      'Godkendt.',
      'Anne Holm  og Bo Berg deltog ikke i sagens behandling.',
      'For stemte: Anne Holm ,Bo Berg (2).',
      '| a | b |',
      '|---|:-:|',
      '| ccc | d |',
      '| x |',
      '<!-- note -->',
      '<!-- start',
      'end -->',
      'Tekst med **fed** og [link](bilag.pdf).   ',
      '',
      '',
      '   ',
      '\t',
    ),
    fc.string({ maxLength: 30 }),
  );
  const doc = fc.tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean()).map(
    ([lines, eol, bom]) => (bom ? '\uFEFF' : '') + lines.join(eol),
  );

  it('random documents: content kept, idempotent, structure unchanged', () => {
    fc.assert(
      fc.property(doc, (text) => {
        checkAll(text);
      }),
      { numRuns: 400 },
    );
  });
});
