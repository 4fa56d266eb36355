/**
 * PDF tables that do not garble the text (issue 15): columns sized by their content, words
 * wrapped whole (hyphenated with Danish patterns only where a word alone is wider than its
 * column), bold and italic kept in cells. Checked from the PDF's bytes with poppler-utils
 * (pdftotext, pdftohtml), skipped with a reason when they are missing.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hyphenateSync } from 'hyphen/da';
import { exportReferat } from '../../server/src/export/index.js';
import { columnWidths } from '../../server/src/export/pdf.js';
import { hasTool, loadFonts, root, run } from './helpers.js';

const missing = ['pdftotext', 'pdftohtml'].filter((t) => !hasTool(t));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'referat-pdf-tables-'));

async function pdfOf(text: string, name: string): Promise<string> {
  const file = path.join(tmp, name);
  const r = await exportReferat(text, { format: 'pdf', edition: 'public', fonts: loadFonts() });
  writeFileSync(file, r.data);
  return file;
}

/** The words of every table cell of a referat source. */
function cellWords(source: string): string[] {
  const out: string[] = [];
  for (const line of source.split('\n')) {
    if (!/^\s*\|/.test(line) || /^\s*\|[\s:|-]+\|?\s*$/.test(line)) continue;
    out.push(...(line.replace(/[*_]/g, '').match(/\p{L}[\p{L}\p{N}]*/gu) ?? []));
  }
  return out;
}

const tokens = (file: string) => new Set(run('pdftotext', ['-enc', 'UTF-8', file, '-']).match(/\p{L}[\p{L}\p{N}]*/gu) ?? []);

describe('column widths', () => {
  it('are the content widths when they fit, else the longest word plus a share of the rest', () => {
    expect(columnWidths([20, 10], [100, 30], 500)).toEqual([100, 30]);
    const w = columnWidths([40, 10, 10], [300, 30, 30], 200);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(200);
    expect(w[0]).toBeGreaterThan(40);
    expect(w[1]).toBeGreaterThanOrEqual(10);
    // Words wider than the page: widths in proportion to the words.
    expect(columnWidths([300, 100], [300, 100], 200)).toEqual([150, 50]);
  });
});

describe.skipIf(missing.length > 0)(`PDF tables (needs ${missing.join(', ') || 'poppler-utils'})`, () => {
  it('every word of every table cell of the Randers example is found whole, and **I alt** is bold', async () => {
    const source = readFileSync(path.join(root, 'examples', 'randers-beskaeftigelsesudvalget-2024-12-03.referat'), 'utf8');
    const file = await pdfOf(source, 'randers.pdf');
    const words = cellWords(source);
    expect(words.length).toBeGreaterThan(20);
    const found = tokens(file);
    const broken = [...new Set(words)].filter((w) => !found.has(w));
    expect(broken).toEqual([]);
    // Bold in a cell stays bold: pdftohtml marks text in a bold font with <b>.
    const xml = run('pdftohtml', ['-xml', '-stdout', '-i', '-q', file]);
    expect(xml).toMatch(/<text [^>]*><b>I alt<\/b><\/text>/);
  });

  it('a word alone wider than its column is hyphenated at a Danish hyphenation point, not cut anywhere', async () => {
    const cols = Array.from({ length: 7 }, (_, i) => `Kolonne${i + 1}`);
    const row = Array.from({ length: 7 }, () => 'Beskæftigelsesindsatsen');
    const text = [
      '# REFERAT Udvalg d. 03-12-2024',
      '',
      'Mødedato: Tirsdag d. 03. december 2024 kl. 16:30',
      '',
      '## Punkt 1: Tabel',
      '',
      '### Sagsfremstilling',
      `| ${cols.join(' | ')} |`,
      `| ${cols.map(() => '---').join(' | ')} |`,
      `| ${row.join(' | ')} |`,
      '| *kursiv* | x | x | x | x | x | x |',
      '',
      '### Beslutning',
      'Godkendt.',
      '',
    ].join('\n');
    const file = await pdfOf(text, 'narrow.pdf');
    // Each column shows the word in pieces ending in a hyphen, broken only at Danish hyphenation points.
    const word = 'Beskæftigelsesindsatsen';
    const points = new Set<number>();
    let at = 0;
    for (const syl of hyphenateSync(word, { hyphenChar: '\u00AD', minWordLength: 5 }).split('\u00AD')) points.add((at += syl.length));
    const layout = run('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-']).split('\n');
    const first = layout.findIndex((l) => /Kolonne1/.test(l));
    const pieces = layout.slice(first + 1, first + 8).map((l) => l.trim().split(/\s+/)[0]!);
    let joined = '';
    for (const p of pieces) {
      if (!p.endsWith('-')) {
        joined += p;
        break;
      }
      joined += p.slice(0, -1);
      expect(points.has(joined.length), `break after "${joined}"`).toBe(true);
    }
    expect(joined).toBe(word);
    expect(pieces[0]!.endsWith('-')).toBe(true);
    const xml = run('pdftohtml', ['-xml', '-stdout', '-i', '-q', file]);
    expect(xml).toMatch(/<i>kursiv<\/i>/);
  });
});
