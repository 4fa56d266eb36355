/** The stand-in the bundles give fontkit for brotli (scripts/build.mjs) decompresses as brotli does. */
import { brotliCompressSync, constants } from 'node:zlib';
import { expect, it } from 'vitest';
import decompress from '../../server/src/export/lazy-brotli.js';

it('decompresses a brotli stream that uses the static dictionary', () => {
  const text = Buffer.from('the quick brown fox jumps over the lazy dog; international information government '.repeat(40) + 'Referat: forvaltningen indstiller');
  const packed = brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  expect(Buffer.from(decompress(packed)).equals(text)).toBe(true);
});
