/**
 * PDF import. The Word documents of `house-styles.ts` (three house styles, invented text) are
 * turned into PDF by LibreOffice, as kommuner make their PDFs: every item, heading, case number
 * and decision comes back from the PDF as from the Word document; the running header and footer
 * and the page numbers are dropped and counted; wrapped titles and lines are joined, lines the
 * author broke are not. Also the tagged PDF our own exporter writes, damaged and
 * password-protected PDFs (refused with one line), and any PDF in ../shared/corpus.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { deflateSync } from 'node:zlib';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectFormat, importDocument, ImportRefusal } from '../../server/src/import/document.js';
import { Matrix2D } from '../../server/src/import/dommatrix.js';
import { importPdf, layoutLines, pdfLines, type Run } from '../../server/src/import/pdf.js';
import { hasTool } from '../export/helpers.js';
import { needsShared, sharedPath } from '../helpers/shared.js';
import { docxBytes, EXAMPLES, expectMeetingDate, expectSameItems, expectStyle, FILLER, hasSoffice, HOUSE_STYLES, importedItems, ownExport, toPdf } from './house-styles.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'referat-pdf-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const soffice = hasSoffice();
describe.skipIf(!soffice)(soffice ? 'PDFs LibreOffice makes of minutes in several house styles' : 'PDFs LibreOffice makes (skipped: soffice, LibreOffice Writer, is not installed; .ci/apt-packages installs it)', () => {
  const pdfs = new Map<string, Buffer>();
  beforeAll(async () => {
    const files: string[] = [];
    for (const style of HOUSE_STYLES) {
      const file = path.join(tmp, `${style.name}.docx`);
      writeFileSync(file, await docxBytes(style));
      files.push(file);
    }
    for (const [file, pdf] of toPdf(files)) pdfs.set(path.basename(file, '.docx'), pdf);
    for (const [file, pdf] of toPdf(files, { tagged: true })) pdfs.set(`${path.basename(file, '.docx')}-tagged`, pdf);
  }, 180_000);

  for (const style of HOUSE_STYLES) {
    it(`${style.name}, as a tagged PDF: the same, headers and footers read as artifacts`, async () => {
      const r = await importPdf(pdfs.get(`${style.name}-tagged`)!);
      expectStyle(r.markup, style);
      const { pages } = await pdfLines(pdfs.get(`${style.name}-tagged`)!);
      expect(r.furnitureDropped).toBeGreaterThanOrEqual(2 * pages);
    });
  }

  for (const style of HOUSE_STYLES) {
    it(`${style.name}: every item, case number, section and decision, as from the Word document`, async () => {
      const pdf = pdfs.get(style.name)!;
      expect(detectFormat(pdf)).toBe('pdf');
      const r = await importPdf(pdf);
      expect(r.items).toBe(style.items.length);
      expectStyle(r.markup, style);
      expectMeetingDate(r.markup, style.date);
      // The same markup as from the Word document, paragraph breaks aside.
      const fromWord = (await importDocument(await docxBytes(style)))!.markup;
      const words = (m: string) => m.replace(/\s+/g, ' ');
      expect(words(r.markup)).toBe(words(fromWord));
    });
  }

  it('keeps every word of the document (its text as Word holds it, headers and footers aside)', async () => {
    const words = (t: string) => new Set(t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
    for (const style of HOUSE_STYLES) {
      const original = words((await mammoth.extractRawText({ buffer: await docxBytes(style) })).value);
      const kept = words((await importPdf(pdfs.get(style.name)!)).markup);
      // Header labels the importer writes as the markup's field names (Deltagere → Mødedeltagere).
      // Also the table of contents' heading and page column, dropped with it.
      // And an item's status before its title (`1 (Åben) Title`): the item's state, not its title.
      const renamed = new Set(['deltagere', 'medlemmer', 'mødetidspunkt', 'mødeafholdelse', 'fraværende', 'indholdsfortegnelse', 'åben']);
      expect([...original].filter((w) => !kept.has(w) && !renamed.has(w) && !/^\d{1,2}$/.test(w)), style.name).toEqual([]);
    }
  });

  it('drops the running header and footer and the page numbers, and counts them', async () => {
    for (const style of HOUSE_STYLES) {
      const r = await importPdf(pdfs.get(style.name)!);
      const { pages } = await pdfLines(pdfs.get(style.name)!);
      expect(r.furnitureDropped, style.name).toBeGreaterThanOrEqual(2 * pages);
      expect(r.markup).not.toMatch(/Side \d+ af \d+/);
      const header = { punkt: 'Vejudvalget, 01-09-2031', number: 'Byrådet – beslutningsprotokol', bold: 'Byrådet 01-09-2031', agenda: 'dagsorden 06-10-2031', status: 'Økonomiudvalget 18-08-2031' }[style.name]!;
      expect(r.markup, style.name).not.toContain(header);
      expect(r.guesses.join('\n')).toMatch(/running header, footer or page number dropped/);
    }
  });

  it('joins a title and paragraphs the layout wrapped; keeps the lines the author broke', async () => {
    const { lines } = await pdfLines(pdfs.get('bold')!);
    const long = HOUSE_STYLES[2]!.items[1]!.title;
    expect(lines.filter((l) => l.text === long)).toHaveLength(1);
    for (const name of ['Anna Berg (A)', 'Bo Dal (V)']) expect(lines.map((l) => l.text)).toContain(name);
    // Every paragraph of prose, wrapped over two or three lines (and over a page break), is one line.
    for (const sentence of FILLER) {
      const found = lines.filter((l) => l.text.includes(sentence.slice(0, 40)));
      expect(found.length, sentence).toBeGreaterThan(0);
      for (const l of found) expect(l.text).toBe(sentence);
    }
  });
});

describe('the tagged PDF our own exporter writes', () => {
  for (const example of EXAMPLES) {
    it(`${example}: items, case numbers and decisions come back`, async () => {
      const { source, bytes } = await ownExport(example, 'pdf');
      const r = await importPdf(bytes);
      expectSameItems(r.markup, source);
      expect(r.guesses.join('\n')).toMatch(/tagged PDF/);
    });
  }
});

describe('PDFs that cannot be read are refused with one line, in both languages', () => {
  let good: Uint8Array;
  beforeAll(async () => {
    good = (await ownExport(EXAMPLES[1]!, 'pdf')).bytes;
  });

  const refused = async (bytes: Uint8Array, re: RegExp) => {
    const e = await importDocument(bytes).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ImportRefusal);
    const { da, en } = (e as ImportRefusal).text;
    expect(en).toMatch(re);
    expect(da).not.toBe(en);
    for (const line of [da, en]) expect(line).not.toMatch(/\n|at .*\.m?js/);
  };

  it('a damaged PDF (cut off, or a header and nothing else)', async () => {
    await refused(good.subarray(0, 2000), /damaged/);
    await refused(Buffer.from('%PDF-1.7\nnot really a PDF\n'), /damaged|no text/);
  });

  it.skipIf(!hasTool('qpdf'))('a password-protected PDF' + (hasTool('qpdf') ? '' : ' (skipped: qpdf is not installed)'), async () => {
    const plain = path.join(tmp, 'plain.pdf');
    const locked = path.join(tmp, 'locked.pdf');
    writeFileSync(plain, good);
    expect(spawnSync('qpdf', ['--encrypt', 'hemmelig', 'ejer', '256', '--', plain, locked]).status).toBe(0);
    await refused(readFileSync(locked), /password/);
  });

  it('a PDF without text (a scanned page)', async () => {
    const minimal =
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
    await refused(Buffer.from(minimal), /no text/);
  });
});

const corpus = sharedPath('corpus');
describe.skipIf(!corpus)(needsShared('PDFs in the shared corpus', 'corpus'), () => {
  const pdfs = corpus ? readdirSync(corpus).filter((f) => detectFormat(readFileSync(path.join(corpus, f))) === 'pdf') : [];
  it.skipIf(pdfs.length === 0)(pdfs.length ? 'import, and report items found' : 'import (skipped: the corpus holds no PDF; its PDF-derived documents are stored as extracted text)', async () => {
    for (const f of pdfs) {
      const r = await importPdf(readFileSync(path.join(corpus!, f)));
      console.log(`${f}: ${r.items} items, ${r.furnitureDropped} furniture lines dropped`);
      expect(importedItems(r.markup).syntaxErrors).toEqual([]);
    }
  });
});

describe('the layout rules, on text runs of our own', () => {
  // A page of A4 in points; text of size 10 with glyphs 5 wide, from x 72 to at most 522 (90 glyphs).
  const run = (str: string, x: number, y: number, o: { size?: number; bold?: boolean } = {}): Run => ({ str, x, y, w: str.length * (o.size ?? 10) * 0.5, size: o.size ?? 10, bold: Boolean(o.bold) });
  /** Lines of text, one run each, 12 points apart from y down. */
  const block = (lines: readonly string[], y: number, o: { size?: number; bold?: boolean; x?: number } = {}): Run[] => lines.map((t, k) => run(t, o.x ?? 72, y - k * (o.size ?? 10) * 1.2, o));
  const full = 'Forvaltningen har gennemgået stinettet i hele kommunen og fundet i alt tolv strækninger';
  const texts = (pages: { height: number; runs: Run[] }[]) => layoutLines(pages).lines.map((l) => l.text);

  it('joins a line the layout wrapped, even when the next one starts with a year and a full stop', () => {
    const first = 'Planen for stiforbindelserne mellem landsbyerne blev første gang vedtaget af byrådet i';
    expect(first.length + ' 1990.'.length).toBeGreaterThan(90);
    const lines = texts([{ height: 842, runs: block([full, first, '1990. Den er siden revideret to gange.'], 700) }]);
    expect(lines).toEqual([`${full} ${first} 1990. Den er siden revideret to gange.`]);
  });

  it('keeps the lines the author broke: short lines, list points, a label before its values', () => {
    const lines = texts([{ height: 842, runs: [...block([full], 720), ...block(['Direktionen indstiller,', '1. at planen godkendes, og', '2. at udgiften afholdes af puljen.', 'Medlemmer:', 'Anna Berg (A)', 'Bo Dal (V)'], 700)] }]);
    expect(lines).toEqual([full, 'Direktionen indstiller,', '1. at planen godkendes, og', '2. at udgiften afholdes af puljen.', 'Medlemmer:', 'Anna Berg (A)', 'Bo Dal (V)']);
  });

  it('drops a running header and a page footer repeated on every page, and counts them', () => {
    const pages = [1, 2, 3].map((n) => ({ height: 842, runs: [run('Vejudvalget, referat', 400, 800), run(`Side ${n} af 3`, 280, 40), ...block([`Tekst på side ${n}.`], 700)] }));
    const r = layoutLines(pages);
    expect(r.lines.map((l) => l.text)).toEqual(['Tekst på side 1.', 'Tekst på side 2.', 'Tekst på side 3.']);
    expect(r.furniture).toBe(6);
  });

  it("keeps the running header once when it alone gives the meeting's date", () => {
    const pages = [1, 2].map((n) => ({ height: 842, runs: [run('Teknisk Udvalg, 04.03.2031', 400, 800), run(`Side ${n} af 2`, 280, 40), ...block([`Tekst på side ${n}.`], 700)] }));
    const r = layoutLines(pages);
    expect(r.lines.map((l) => l.text)).toEqual(['Teknisk Udvalg, 04.03.2031', 'Tekst på side 1.', 'Tekst på side 2.']);
    expect(r.furniture).toBe(3);
    const dated = [1, 2].map((n) => ({ height: 842, runs: [run('Teknisk Udvalg, 04.03.2031', 400, 800), ...block(n === 1 ? ['Mødedato: 04.03.2031', `${full}.`] : ['Tekst.'], 700)] }));
    expect(layoutLines(dated).lines.map((l) => l.text)).toEqual(['Mødedato: 04.03.2031', `${full}.`, 'Tekst.']);
  });

  it('bold or larger text is a heading, ranked by size; a wrapped title is one heading; body text is none', () => {
    const title = ['Godkendelse af forslag til lokalplan for et nyt boligområde ved Engvej og Skovbrynet samt', 'tillæg til kommuneplanen'];
    const r = layoutLines([
      {
        height: 842,
        runs: [...block(['Referat'], 780, { size: 20 }), ...block(title, 740, { bold: true }), ...block(['Sagsfremstilling'], 700, { bold: true }), ...block([full, 'og beskrevet dem.'], 680)],
      },
    ]);
    // A title filling its line, then a section heading in the same font: two headings.
    const filled = 'Godkendelse af forslag til lokalplan for et nyt boligområde ved Engvej og Skovbrynet samt';
    expect(texts([{ height: 842, runs: [...block([full], 760), ...block([filled, 'Sagsfremstilling'], 740, { bold: true }), ...block([full], 700)] }])).toEqual([full, filled, 'Sagsfremstilling', full]);
    expect(r.lines).toEqual([
      { text: 'Referat', level: 1 },
      { text: title.join(' '), level: 7 },
      { text: 'Sagsfremstilling', level: 7 },
      { text: `${full} og beskrevet dem.` },
    ]);
  });

  it('joins a word hyphenated at the line end, a paragraph going on over a page break, a contents entry and its page number', () => {
    const hyphen = 'Forvaltningen har gennemgået stinettet og foreslår, at der udarbejdes en ny kommune-';
    expect(texts([{ height: 842, runs: [...block([full], 720), ...block([hyphen, 'plan for området.'], 700)] }])).toEqual([full, `${hyphen.slice(0, -1)}plan for området.`]);
    const pages = [
      { height: 842, runs: [...block([full], 720), ...block([full], 100)] },
      { height: 842, runs: block(['som alle skal istandsættes.'], 760) },
    ];
    expect(texts(pages)).toEqual([full, `${full} som alle skal istandsættes.`]);
    const toc = [run('Godkendelse af forslag til lokalplan for et nyt boligområde ved Engvej', 72, 700), run('og Skovbrynet', 72, 688), run('3', 515, 688)];
    expect(texts([{ height: 842, runs: [...block([full], 720), ...toc] }])).toEqual([full, 'Godkendelse af forslag til lokalplan for et nyt boligområde ved Engvej og Skovbrynet   3']);
  });
});

describe('the geometry stand-in pdfjs gets where no canvas package is installed', () => {
  it('is a 2-D affine matrix: scale, translate, multiply, invert', () => {
    const m = new Matrix2D().scaleSelf(2, -4).translateSelf(0, -10);
    expect([m.a, m.b, m.c, m.d, m.e, m.f]).toEqual([2, 0, 0, -4, 0, 40]);
    expect(m.transformPoint({ x: 1, y: 1 })).toEqual({ x: 2, y: 36 });
    const back = m.multiply(m.inverse());
    expect([back.a, back.b, back.c, back.d, back.e, back.f].map((v) => Math.round(v * 1e9) / 1e9 + 0)).toEqual([1, 0, 0, 1, 0, 0]);
    expect(new Matrix2D([1, 2, 3, 4, 5, 6]).preMultiplySelf(new Matrix2D([1, 0, 0, 1, 10, 20])).e).toBe(15);
  });
});

describe('a PDF written by hand with the standard fonts (nothing embedded, no LibreOffice needed)', () => {
  /** A PDF of pages of content-stream operators, with Helvetica (F1) and Helvetica-Bold (F2). */
  function handPdf(pages: readonly string[], damage?: number): Buffer {
    const objs: string[] = [];
    objs[1] = '<</Type/Catalog/Pages 2 0 R>>';
    objs[3] = '<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>';
    objs[4] = '<</Type/Font/Subtype/Type1/BaseFont/Helvetica-Bold/Encoding/WinAnsiEncoding>>';
    const kids = pages.map((ops, k) => {
      if (k === damage) {
        // Compressed, and damaged in the middle of the compressed data.
        const z = deflateSync(Buffer.from(ops, 'latin1'));
        for (let i = 8; i < 14; i++) z[i] = 0xff;
        objs[5 + 2 * k] = `<</Length ${z.length}/Filter/FlateDecode>>stream\n${z.toString('latin1')}\nendstream`;
      } else objs[5 + 2 * k] = `<</Length ${Buffer.byteLength(ops, 'latin1')}>>stream\n${ops}\nendstream`;
      objs[6 + 2 * k] = `<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 3 0 R/F2 4 0 R>>>>/Contents ${5 + 2 * k} 0 R>>`;
      return `${6 + 2 * k} 0 R`;
    });
    objs[2] = `<</Type/Pages/Kids[${kids.join(' ')}]/Count ${kids.length}>>`;
    let out = '%PDF-1.4\n';
    const offsets: number[] = [];
    for (let i = 1; i < objs.length; i++) {
      offsets.push(Buffer.byteLength(out, 'latin1'));
      out += `${i} 0 obj\n${objs[i]}\nendobj\n`;
    }
    const xref = Buffer.byteLength(out, 'latin1');
    out += `xref\n0 ${objs.length}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    out += `trailer<</Size ${objs.length}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
    return Buffer.from(out, 'latin1');
  }
  const text = (font: 'F1' | 'F2', size: number, x: number, y: number, s: string) => `BT /${font} ${size} Tf ${x} ${y} Td (${s.replace(/[()\\]/g, '\\$&')}) Tj ET`;
  const items = [
    ['1', 'Vejbelysning på Torvet', '31/442', 'Godkendt.'],
    ['2', 'Nye skilte ved skolen', '31/518', 'Udsat til næste møde.'],
    ['3', 'Eventuelt', '31/600', 'Intet at bemærke.'],
  ] as const;
  const pageOps = items.map(([n, title, sag, decision], k) =>
      [
        text('F1', 9, 450, 810, 'Teknisk Udvalg 04.03.2031'),
        text('F1', 9, 290, 30, `${k + 1}`),
        ...(k === 0 ? [text('F2', 16, 72, 780, 'Referat'), text('F1', 11, 72, 750, 'Mødedato: 04.03.2031')] : []),
        text('F2', 12, 72, 700, `${n}. ${title}`),
        text('F1', 11, 72, 680, `Sagsnr.: ${sag}`),
        text('F2', 11, 72, 650, 'Beslutning'),
        text('F1', 11, 72, 635, decision),
      ].join('\n'),
  );
  const pdf = handPdf(pageOps);

  it('items, case numbers and decisions; the running header and the page numbers dropped', async () => {
    const r = await importPdf(pdf);
    const got = importedItems(r.markup);
    expect(got.syntaxErrors).toEqual([]);
    expect(got.items.map((i) => [i.number, i.title, i.caseNumber, i.decision.split('\n').filter(Boolean).at(-1)])).toEqual(items.map((i) => [...i]));
    expect(r.markup).not.toContain('Teknisk Udvalg 04.03.2031');
    expect(r.furnitureDropped).toBe(6);
  });

  it('a page that cannot be read is left out with a warning; the other pages are imported', async () => {
    const r = await importPdf(handPdf(pageOps, 1));
    expect(r.warnings.map((w) => w.message.en)).toEqual([expect.stringMatching(/^Page 2 of the PDF cannot be read/)]);
    expect(importedItems(r.markup).items.map((i) => i.number)).toEqual(['1', '3']);
  });
});
