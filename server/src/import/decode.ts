/**
 * The text of a published document's bytes, in the encoding it was saved in: older archives and
 * saved web pages are often Windows-1252 (or ISO-8859-1), and Notepad's "Unicode" is UTF-16.
 * A byte order mark says which; else bytes that are valid UTF-8 are UTF-8 (also with a few damaged
 * bytes, where more of its letters read right than wrong); else the charset a
 * web page declares (`<meta charset="iso-8859-1">`); else Windows-1252, the superset of
 * ISO-8859-1 that Danish 8-bit text is in (æ, ø, å and their capitals read right). Pure.
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | string;

const DECLARED = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/iu;

function decoder(label: string, fatal = false): TextDecoder | undefined {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return undefined;
  }
}

/** The bytes as text, and the encoding they were read in. A UTF-8 byte order mark is kept as U+FEFF, as before. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const utf8 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text: utf8, encoding: 'utf-8' };
  } catch {
    /* not UTF-8: below */
  }
  // Binary data (a NUL or other control bytes among the first bytes) is left to the caller's check, as UTF-8.
  const start = bytes.subarray(0, 4096);
  let controls = 0;
  for (const b of start) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  if (start.includes(0) || controls > start.length * 0.01) return { text: utf8, encoding: 'utf-8' };
  // UTF-8 with a few damaged bytes (more letters read right than wrong) stays UTF-8: read as
  // Windows-1252 every æ, ø and å in it would turn into two wrong letters.
  let invalid = 0;
  let good = 0;
  for (const ch of utf8) {
    if (ch === '\uFFFD') invalid++;
    else if (ch.charCodeAt(0) > 0x7f) good++;
  }
  if (good >= invalid) return { text: utf8, encoding: 'utf-8' };
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  const declared = DECLARED.exec(head)?.[1]?.toLowerCase();
  const named = declared && declared !== 'utf-8' && declared !== 'utf8' ? decoder(declared) : undefined;
  if (named) return { text: named.decode(bytes), encoding: named.encoding };
  return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
}
