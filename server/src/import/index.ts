/** The importer: published minutes (text or portal records) → referat markup. */
import { importPortal } from './portal.js';
import { importText } from './recognise.js';
import { importHtmlPage, looksLikeHtmlPage } from './webpage.js';
import type { ImportOptions, ImportResult } from './text.js';

export { importText };

export type ImportFormat = 'auto' | 'text' | 'portal' | 'html';

/** Portal JSON, or the portal page's printed record (`• SagsNummer "…"`). */
export function looksLikePortal(input: string): boolean {
  const t = input.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('{') || t.startsWith('[')) return true;
  return /^\s*•\s+SagsNummer\s+"/m.test(input) && /^\s*•\s+Felter\s/m.test(input);
}

/**
 * `auto` never throws: an input that looks like a portal record but is not one (a text
 * that starts with `[`, broken JSON, JSON of another shape) is imported as text, with a
 * warning. `portal` throws when the input is not a portal record (the CLI prints one line).
 */
export function importReferat(input: string, options: ImportOptions & { from?: ImportFormat } = {}): ImportResult {
  const from = options.from ?? 'auto';
  if (from === 'portal') return importPortal(input);
  // A saved meeting page: its content is read, its navigation and frame dropped (webpage.ts).
  if (from === 'html' || (from === 'auto' && looksLikeHtmlPage(input))) return importHtmlPage(input, options);
  if (from === 'auto' && looksLikePortal(input)) {
    try {
      return importPortal(input);
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 120);
      const result = importText(input, options);
      result.warnings.unshift({
        line: 0,
        message: { da: `Ikke en portalpost (${reason}); importeret som tekst`, en: `Not a portal record (${reason}); imported as text` },
      });
      return result;
    }
  }
  return importText(input, options);
}

export { importPortal, looksLikeHtmlPage };
export type { ImportOptions, ImportResult };
