/**
 * The PDF checked from its bytes with Debian's qpdf and poppler-utils (skipped with a
 * reason when they are missing): structure is valid, the table of contents points at the
 * right pages (at 20+ and at 200+ pages), one bookmark per item, fonts embedded with
 * Unicode maps, Danish letters extractable, a tagged structure tree in Danish.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportReferat } from '../../server/src/export/index.js';
import type { ExportDocument } from '../../server/src/export/model.js';
import { renderPdf } from '../../server/src/export/pdf.js';
import { hasTool, loadFonts, longDocument, root, run } from './helpers.js';

const tools = ['qpdf', 'pdftotext', 'pdffonts'].filter((t) => !hasTool(t));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'referat-pdf-'));

/** PDFBox Preflight from Debian (libpdfbox2-java) with the jars it needs on Java 17. */
const preflight = (() => {
  const jars = ['preflight.jar', 'pdfbox2.jar', 'xmpbox.jar', 'fontbox2.jar', 'commons-logging.jar', 'javax.activation.jar', 'jaxb-api.jar'].map(
    (j) => path.join('/usr/share/java', j),
  );
  return hasTool('java') && jars.every((j) => existsSync(j)) ? jars.join(':') : undefined;
})();

async function write(doc: ExportDocument, name: string): Promise<string> {
  const file = path.join(tmp, name);
  writeFileSync(file, await renderPdf(doc, loadFonts(), { creationDate: new Date(0) }));
  return file;
}

/** pdftotext per page (pages are separated by form feeds). */
function pages(file: string): string[] {
  return run('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-']).split('\f');
}

/** The TOC lines of the first pages: label → page number. */
function tocEntries(texts: string[]): Map<string, number> {
  const toc = new Map<string, number>();
  for (const page of texts) {
    if (/Punkt \d+:/.test(page)) break;
    for (const line of page.split('\n')) {
      const m = /^\s*(.+?)\s*\.{3,}\s*(\d+)\s*$/.exec(line);
      if (m) toc.set(m[1]!.trim(), Number(m[2]));
    }
  }
  return toc;
}

function checkToc(doc: ExportDocument, file: string): number {
  const texts = pages(file);
  const toc = tocEntries(texts);
  expect(toc.size).toBe(doc.items.length);
  for (const item of doc.items) {
    const tocPage = toc.get(item.title);
    expect(tocPage, `TOC entry for ${item.title}`).toBeDefined();
    const actual = texts.findIndex((t) => new RegExp(`^\\s*Punkt ${item.number}: `, 'm').test(t)) + 1;
    expect(tocPage, `page of Punkt ${item.number}`).toBe(actual);
  }
  return texts.filter((t) => t.trim() !== '').length;
}

describe.skipIf(tools.length > 0)(`PDF export${tools.length ? ` (skipped: ${tools.join(', ')} missing)` : ''}`, () => {
  let long: ExportDocument;
  let longFile: string;
  beforeAll(async () => {
    long = longDocument(14, 8);
    longFile = await write(long, 'long.pdf');
  });

  it('passes qpdf --check', () => {
    const out = run('qpdf', ['--check', longFile]);
    expect(out).toContain('No syntax or stream encoding errors found');
  });

  it('has a table of contents whose every page number is the page where the item starts (20+ pages)', () => {
    const count = checkToc(long, longFile);
    expect(count).toBeGreaterThanOrEqual(20);
  });

  it('keeps the table of contents right at 200+ pages (TOC over several pages)', async () => {
    const doc = longDocument(90, 10);
    const t0 = Date.now();
    const file = await write(doc, 'huge.pdf');
    const ms = Date.now() - t0;
    const count = checkToc(doc, file);
    expect(count).toBeGreaterThanOrEqual(200);
    expect(ms).toBeLessThan(20_000);
  }, 60_000);

  it('has one bookmark per item, pointing at its page', () => {
    const json = JSON.parse(run('qpdf', ['--json', '--json-key=outlines', longFile])) as {
      outlines: { title: string; destpageposfrom1: number; kids: unknown[] }[];
    };
    expect(json.outlines.map((o) => o.title)).toEqual(long.items.map((i) => `Punkt ${i.number}: ${i.title}`));
    const texts = pages(longFile);
    for (const o of json.outlines) {
      const number = /^Punkt (\S+):/.exec(o.title)![1];
      expect(texts[o.destpageposfrom1 - 1]).toMatch(new RegExp(`Punkt ${number}: `));
      // Section bookmarks below the item point at the page holding their heading.
      for (const kid of o.kids as { title: string; destpageposfrom1: number }[]) {
        expect(texts[kid.destpageposfrom1 - 1], `${o.title} › ${kid.title}`).toMatch(new RegExp(`^\\s*${kid.title}\\s*$`, 'm'));
      }
    }
  });

  it('embeds every font with a Unicode map', () => {
    const rows = run('pdffonts', [longFile]).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const cols = row.trim().split(/\s+/);
      // name type... emb sub uni object ID: emb/sub/uni are the 5th-3rd from the end.
      const [emb, , uni] = cols.slice(-5, -2);
      expect(emb, row).toBe('yes');
      expect(uni, row).toBe('yes');
    }
  });

  it('gives back Danish letters and the reading order', () => {
    const text = run('pdftotext', ['-enc', 'UTF-8', longFile, '-']);
    expect(text).toContain('æbler, øl og ål');
    expect(text).toContain('Økonomien følges tæt');
    const order = ['REFERAT Beskæftigelsesudvalget', 'Mødedato', 'Indholdsfortegnelse', 'Punkt 200:', 'Resumé', 'Indstilling', 'Beslutning', 'Sagsfremstilling', 'Punkt 201:'];
    let at = -1;
    for (const s of order) {
      const i = text.indexOf(s, at + 1);
      expect(i, s).toBeGreaterThan(at);
      at = i;
    }
  });

  it('is tagged: structure tree with headings, lists, tables with header cells, TOC, language da-DK, title shown', () => {
    const qdf = path.join(tmp, 'long.qdf.pdf');
    run('qpdf', ['--qdf', '--object-streams=disable', longFile, qdf]);
    const raw = readFileSync(qdf, 'latin1');
    for (const tag of ['/H1', '/H2', '/H3', '/P', '/L', '/LI', '/Lbl', '/LBody', '/Table', '/TR', '/TH', '/TD', '/TOC', '/TOCI', '/Sect', '/Document']) {
      expect(raw, tag).toMatch(new RegExp(`/S ${tag.replace('/', '\\/')}\\b`));
    }
    expect(raw).toMatch(/\/Scope \/Column/);
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toMatch(/\/Lang \(da-DK\)/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toMatch(/\/Artifact/);
    expect(run('pdfinfo', [longFile])).toMatch(/Title:\s+REFERAT Beskæftigelsesudvalget d\. 03-12-2024/);
  });

  it('links every table-of-contents line to its item', () => {
    const qdf = path.join(tmp, 'long.qdf.pdf');
    const raw = readFileSync(qdf, 'latin1');
    for (const item of long.items) expect(raw).toContain(`(${item.anchor})`);
    expect((raw.match(/\/Subtype \/Link/g) ?? []).length).toBeGreaterThanOrEqual(long.items.length);
  });

  it('exports the fixture meeting with a running header and page footer', async () => {
    const source = readFileSync(path.join(root, 'test/fixtures/export/meeting.referat'), 'utf8');
    const r = await exportReferat(source, { format: 'pdf', fonts: loadFonts() });
    const file = path.join(tmp, 'meeting.pdf');
    writeFileSync(file, r.data);
    const texts = pages(file);
    const n = texts.filter((t) => t.trim()).length;
    expect(texts[0]).toContain(`Side 1 af ${n}`);
    expect(texts[1]).toContain('Beskæftigelsesudvalget d. 03-12-2024');
    expect(texts[1]).toContain(`Side 2 af ${n}`);
  });

  it.skipIf(!preflight)(`is valid PDF/A-1b when asked (PDFBox Preflight)${preflight ? '' : ' (skipped: libpdfbox2-java, libactivation-java or libjaxb-api-java missing)'}`, async () => {
    const file = path.join(tmp, 'pdfa.pdf');
    writeFileSync(file, await renderPdf(longDocument(4, 3), loadFonts(), { creationDate: new Date(0), pdfa: true }));
    const out = run('java', ['-cp', preflight!, 'org.apache.pdfbox.preflight.Validator_A1b', file]);
    expect(out).toContain('is a valid PDF/A-1b file');
    // Still tagged, in Danish.
    expect(run('pdfinfo', [file])).toMatch(/Tagged:\s+yes/);
  }, 60_000);

  it('fails with a clear message when the fonts are missing', async () => {
    await expect(exportReferat('# REFERAT X\n', { format: 'pdf' })).rejects.toThrow(/DejaVu Sans/);
  });
});
