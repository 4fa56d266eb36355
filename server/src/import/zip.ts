/** Reading the entries of a ZIP archive (a Word document is one): its central directory and stored or deflated entries. */
import { inflateRawSync } from 'node:zlib';

export const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
export const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

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
