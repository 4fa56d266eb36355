/**
 * What fontkit gets for `brotli/decompress.js` in the bundles (scripts/build.mjs). fontkit
 * needs brotli only to read WOFF2 fonts, and Referat embeds TrueType ones; brotli builds its
 * 122 KB dictionary as soon as it is loaded, which is when pdfkit is. This stand-in loads it
 * on the first WOFF2 font instead.
 */
type Decompress = (buffer: Uint8Array, outSize?: number) => Uint8Array;

let brotli: Decompress | undefined;

export default function decompress(buffer: Uint8Array, outSize?: number): Uint8Array {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  brotli ??= require('brotli/decompress.js') as Decompress;
  return brotli(buffer, outSize);
}
