/** The importer: published minutes (text or portal records) → referat markup. */
import { importPortal } from './portal.js';
import { importText, type ImportOptions, type ImportResult } from './text.js';

export type ImportFormat = 'auto' | 'text' | 'portal';

/** Portal JSON, or the portal page's printed record (`• SagsNummer "…"`). */
export function looksLikePortal(input: string): boolean {
  const t = input.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('{') || t.startsWith('[')) return true;
  return /^\s*•\s+SagsNummer\s+"/m.test(input) && /^\s*•\s+Felter\s/m.test(input);
}

export function importReferat(input: string, options: ImportOptions & { from?: ImportFormat } = {}): ImportResult {
  const from = options.from ?? 'auto';
  if (from === 'portal' || (from === 'auto' && looksLikePortal(input))) return importPortal(input);
  return importText(input, options);
}

export { importPortal, importText };
export type { ImportOptions, ImportResult };
