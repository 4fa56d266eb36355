/**
 * The public edition of any export never contains a closed item's body or a comment:
 * on grammar documents where every comment and every body line of a closed item carries
 * SECRET_MARK (closed by `Lukket: ja` or by the title; comments in the header, fields,
 * headings, paragraphs, list items, table cells, links, between blocks), and on mutated
 * seeds and examples with such secrets put in after the damage.
 * Text, HTML and portal JSON on every input; DOCX (its XML) and PDF (through pdftotext,
 * when installed) on fewer, as they cost more.
 */
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { inflateRawSync } from 'node:zlib';
import { expect } from 'vitest';
import { exportDocumentFromText, renderDocument } from '../../server/src/export/index.js';
import { renderHtml } from '../../server/src/export/html.js';
import { renderJson } from '../../server/src/export/json.js';
import { renderText } from '../../server/src/export/text.js';
import { loadFonts } from '../export/helpers.js';
import { mutatedWithSecrets, referatDocument, SECRET_MARK } from './arbitraries.js';
import { fuzzProperty } from './harness.js';

const secretDocuments = fc.oneof(
  { arbitrary: referatDocument({ secrets: true }), weight: 4 },
  { arbitrary: referatDocument({ secrets: true, payloads: true }), weight: 1 },
  { arbitrary: mutatedWithSecrets(), weight: 3 },
);

/** Lint-control keywords exist only inside comments. */
const FORBIDDEN = [SECRET_MARK, '<!--', 'referat-disable', 'referat-enable'];

function noSecret(format: string, out: string, source: string): void {
  for (const f of FORBIDDEN) {
    if (out.includes(f)) {
      const at = out.indexOf(f);
      throw new Error(`${format} contains ${f}: …${out.slice(Math.max(0, at - 200), at + 100)}…\n--- source ---\n${source.slice(0, 3000)}`);
    }
  }
}

fuzzProperty({
  name: 'export-leaks',
  arbitrary: secretDocuments,
  check: (source) => {
    const doc = exportDocumentFromText(source, 'public');
    noSecret('text', renderText(doc), source);
    noSecret('html', renderHtml(doc), source);
    noSecret('json', renderJson(doc), source);
  },
  runs: 150,
  cost: 4,
  reduce: false,
});

/** The stored files of a ZIP (DOCX), concatenated: enough to search the XML. */
function unzipAll(zip: Uint8Array): string {
  const buf = Buffer.from(zip);
  const out: string[] = [];
  let i = 0;
  while (i + 30 <= buf.length && buf.readUInt32LE(i) === 0x04034b50) {
    const method = buf.readUInt16LE(i + 8);
    const size = buf.readUInt32LE(i + 18);
    const nameLen = buf.readUInt16LE(i + 26);
    const extra = buf.readUInt16LE(i + 28);
    const start = i + 30 + nameLen + extra;
    const data = buf.subarray(start, start + size);
    out.push((method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    i = start + size;
  }
  if (out.length === 0) throw new Error('not a ZIP file with sizes in its local headers');
  return out.join('\n');
}

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const fonts = loadFonts();

fuzzProperty({
  name: 'export-leaks-docx-pdf',
  arbitrary: secretDocuments,
  check: async (source) => {
    const doc = exportDocumentFromText(source, 'public');
    const docx = await renderDocument(doc, { format: 'docx', creationDate: new Date(0) });
    const xml = unzipAll(docx.data as Uint8Array);
    noSecret('docx', `${xml}\n${xml.replace(/<[^>]+>/g, '')}`, source);
    if (hasPdftotext) {
      const pdf = await renderDocument(doc, { format: 'pdf', fonts, creationDate: new Date(0) });
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf.data as Uint8Array, maxBuffer: 64 << 20 }).toString('utf8');
      expect(text.length).toBeGreaterThan(0);
      noSecret('pdf', text.replace(/\s+/g, ''), source);
    }
  },
  runs: 6,
  cost: 2000,
  reduce: false,
  timeout: 60_000,
});
