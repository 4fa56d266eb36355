/**
 * Words of published minutes the importer recognises: section headings of the house styles
 * (spec §10), header labels and page furniture. Forms, not kommuner: a label is any of the
 * ways the publishing systems write it. The words themselves are the domain vocabulary's
 * (model/vocabulary.ts), shared with the model and the rules.
 */
import { knownSectionHeadings, publishedHeaderField } from '../model/vocabulary.js';

/** Lower-cased section heading → as written: every heading the domain vocabulary knows (model/vocabulary.ts). */
export const SECTION_WORDS: ReadonlyMap<string, string> = new Map(knownSectionHeadings().map((s) => [s.toLowerCase(), s]));

/** `Deltagere: …`, `Fraværende Jakob E.` (no colon), `Medlemmer:` (value on the next lines). */
export function headerLabel(line: string): { field: string; value: string } | undefined {
  const m = /^([\p{L} ]{3,30}?)\s*(?::\s*(.*)|\s+(\S.*))?$/u.exec(line);
  if (!m) return undefined;
  const field = publishedHeaderField(m[1]!.trim());
  if (!field) return undefined;
  const value = (m[2] ?? m[3] ?? '').trim();
  if (m[3] !== undefined && m[2] === undefined && !/^\p{Lu}/u.test(value)) return undefined;
  return { field, value };
}

/** Page furniture: words of the page or the viewer, not of the minutes. */
export function furniture(line: string): boolean {
  return /^(?:Side \d+ af \d+|Side \d+|\d+ af \d+|Til toppen|Til indholdsfortegnelse|Udskriv|Kopier link til punktet|Show video|Vis video|Hent som fil:?|Print|Luk)$/iu.test(
    line.trim(),
  );
}
