/**
 * The format of an input, from its content and never from its file name: `%PDF-` is a PDF; a
 * ZIP archive whose content types (or parts) say Word is a Word document; anything else is text
 * (published text, a portal record), read as before. A PDF or Word document is imported by its
 * reader (`pdf.ts`, `docx.ts`, loaded on first use); a ZIP archive of another kind (a
 * spreadsheet, an OpenDocument file) is refused with one line.
 */
import { u32, zipEntries, zipRead } from './zip.js';
import { ImportRefusal, type LayoutResult } from './layout.js';
import type { ImportOptions } from './text.js';

export type DocumentFormat = 'pdf' | 'docx' | 'zip' | 'doc' | 'text';

export { zipEntries, zipRead, type ZipEntry } from './zip.js';

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
