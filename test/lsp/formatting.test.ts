/**
 * Formatting never loses or changes content, and is idempotent: proven on every
 * example and fixture here, and on generated and mutated documents in
 * test/fuzz/formatting.property.test.ts. The only non-whitespace changes it may
 * make are list numbers (renumbered) and the dashes of table delimiter rows.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatText } from '../../server/src/features/formatting.js';
import { checkFormatting as checkAll } from './formatting-checks.js';
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
});
