/**
 * The format of an input, from its content and never from its file name: `%PDF-` is a PDF; a
 * ZIP archive whose content types (or parts) say Word is a Word document; anything else is text
 * (published text, a portal record), read as before. A PDF or Word document is imported by its
 * reader (`pdf.ts`, `docx.ts`, loaded on first use); a ZIP archive of another kind (a
 * spreadsheet, an OpenDocument file) is refused with one line.
 */
import { inflateRawSync } from 'node:zlib';
import { ImportRefusal, type LayoutResult } from './layout.js';
import type { ImportOptions } from './text.js';

export type DocumentFormat = 'pdf' | 'docx' | 'zip' | 'doc' | 'text';

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly size: number;
  readonly local: number;
}

/** The entries of a ZIP archive's central directory (empty when it cannot be found). */
export function zipEntries(b: Uint8Array): ZipEntry[] {
  let eocd = -1;
  for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 65_535); at--) {
    if (u32(b, at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return [];
  const out: ZipEntry[] = [];
  let at = u32(b, eocd + 16);
  for (let n = u16(b, eocd + 10); n > 0 && at + 46 <= b.length && u32(b, at) === 0x02014b50; n--) {
    const nameLength = u16(b, at + 28);
    const name = Buffer.from(b.subarray(at + 46, at + 46 + nameLength)).toString('utf8');
    out.push({ name, method: u16(b, at + 10), size: u32(b, at + 20), local: u32(b, at + 42) });
    at += 46 + nameLength + u16(b, at + 30) + u16(b, at + 32);
  }
  return out;
}

/** The uncompressed content of a ZIP entry, or undefined when it cannot be read. */
export function zipRead(b: Uint8Array, e: ZipEntry): string | undefined {
  try {
    if (u32(b, e.local) !== 0x04034b50) return undefined;
    const start = e.local + 30 + u16(b, e.local + 26) + u16(b, e.local + 28);
    const data = b.subarray(start, start + e.size);
    if (e.method === 0) return Buffer.from(data).toString('utf8');
    if (e.method === 8) return inflateRawSync(data).toString('utf8');
  } catch {
    /* a damaged entry */
  }
  return undefined;
}

export function detectFormat(bytes: Uint8Array): DocumentFormat {
  if (/^\s*%PDF-/.test(Buffer.from(bytes.subarray(0, 64)).toString('latin1'))) return 'pdf';
  // An OLE2 compound file: the Word format before .docx (also old Excel and PowerPoint files).
  if (u32(bytes, 0) === 0xe011cfd0 && u32(bytes, 4) === 0xe11ab1a1) return 'doc';
  if (u32(bytes, 0) !== 0x04034b50) return 'text';
  const entries = zipEntries(bytes);
  const types = entries.find((e) => e.name === '[Content_Types].xml');
  const xml = types ? zipRead(bytes, types) : undefined;
  if (xml !== undefined) return /wordprocessingml\.(document|template)\.main\+xml|ms-word\.(document|template)\.macroEnabled/i.test(xml) ? 'docx' : 'zip';
  return entries.some((e) => e.name === 'word/document.xml') ? 'docx' : 'zip';
}

/**
 * Imports a PDF or Word document; undefined for text (the caller decodes and imports it as
 * text). Throws an ImportRefusal, whose message is one line in both languages, for a ZIP
 * archive that is no Word document and for a document that cannot be read.
 */
export async function importDocument(bytes: Uint8Array, options: ImportOptions = {}): Promise<(LayoutResult & { format: 'pdf' | 'docx' }) | undefined> {
  const format = detectFormat(bytes);
  if (format === 'text') return undefined;
  if (format === 'zip') {
    throw new ImportRefusal({ da: 'et ZIP-arkiv, men ikke et Word-dokument (.docx); kan ikke importeres', en: 'a ZIP archive but not a Word document (.docx); cannot be imported' });
  }
  if (format === 'doc') {
    throw new ImportRefusal({
      da: 'et dokument i det gamle Office-format (.doc) kan ikke importeres; gem det som .docx eller PDF',
      en: 'a document in the old Office format (.doc) cannot be imported; save it as .docx or PDF',
    });
  }
  if (format === 'pdf') return { ...(await (await import('./pdf.js')).importPdf(bytes, options)), format };
  return { ...(await (await import('./docx.js')).importDocx(bytes, options)), format };
}

export { ImportRefusal };
