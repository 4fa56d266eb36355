/**
 * Every exporter returns output for any input and never throws: random text, control
 * characters, lone surrogates, characters outside the font, very long lines and words.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportReferat } from '../../server/src/export/index.js';
import { loadFonts } from './helpers.js';

const fonts = loadFonts();

const pieces = fc.constantFrom(
  '# REFERAT Udvalget\n',
  'Mødedato: 2024-02-30 25:61\n',
  'Mødedeltagere: A, B og C\n',
  '## Punkt 1: Titel\n',
  '## Punkt : \n',
  'Sagsnr: \n',
  'Lukket: ja\n',
  'Fraværende: A\n',
  '### Beslutning\n',
  '### Ukendt afsnit\n',
  '1. at godkendt\n',
  '   - indrykket\n',
  '| a | b |\n',
  '|---|\n',
  '| x |\n',
  '**fed *kursiv* [link](javascript:x)\n',
  '<!-- åben kommentar\n',
  '-->\n',
  '\u0000\u0007\u001b\u007f\u0085\n',
  '\ud800 \udfff lone surrogates\n',
  '😀 中文 עברית \u202e\n',
  'x'.repeat(5000) + '\n',
  '\r\n',
  '\r',
  '\uFEFF',
);

const documents = fc.oneof(fc.string({ maxLength: 400 }), fc.array(pieces, { maxLength: 40 }).map((a) => a.join('')));

describe('exporters never throw', () => {
  it('text, HTML, JSON and DOCX on arbitrary input', async () => {
    await fc.assert(
      fc.asyncProperty(documents, fc.constantFrom('public', 'internal' as const), async (text, edition) => {
        for (const format of ['text', 'html', 'json', 'docx'] as const) {
          const r = await exportReferat(text, { format, edition: edition as 'public' | 'internal' });
          expect(r.data.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 120 },
    );
  }, 120_000);

  it('PDF on arbitrary input', async () => {
    await fc.assert(
      fc.asyncProperty(documents, async (text) => {
        const r = await exportReferat(text, { format: 'pdf', fonts });
        const bytes = r.data as Uint8Array;
        expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
