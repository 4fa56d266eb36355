/**
 * Minutes read from a laid-out document (PDF, Word) → referat markup. The readers of those
 * formats (`pdf.ts`, `docx.ts`) turn the document into lines of text and say which lines the
 * layout marks as headings (a Word heading style, bold or larger text, a tagged PDF's H1–H6)
 * and how many lines were page furniture; the text then goes through the same recognisers as
 * plain text (`importText`), with the heading lines as hints. Pure: no I/O.
 */
import { importText } from './recognise.js';
import type { ImportOptions, ImportResult } from './text.js';
import { SECTION_WORDS } from './vocabulary.js';

export interface LayoutLine {
  readonly text: string;
  /** Heading level the layout gives the line (1 = most prominent), or undefined for body text. */
  readonly level?: number;
}

export interface LayoutStats {
  readonly items: number;
  readonly furnitureDropped: number;
  /** Words of page furniture dropped (running headers and footers, page numbers). */
  readonly furnitureWords: number;
  readonly guesses: string[];
}

/** `text`: the document's lines as the recognisers read them, for its house style to be inferred from (a PDF's or a page's own bytes are no text). */
export type LayoutResult = ImportResult & LayoutStats & { readonly text: string };

/** Thrown when the document cannot be read: the CLI prints the message, in the user's language. */
export class ImportRefusal extends Error {
  constructor(readonly text: { readonly da: string; readonly en: string }) {
    super(text.en);
  }
}

/** A line ending in a page column: dot leaders, a run of spaces or a tab, then a page number. */
export const PAGE_COLUMN = /(?:\s*\.{2,}|\s*…+|\s{2,}|\t)\s*\d{1,3}\s*$/u;

function norm(s: string): string {
  return s.replace(PAGE_COLUMN, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The titles a table of contents lists (lines ending in a page column), without the page
 * column; a number the entry starts with (`1.`, `Punkt 3:`) is dropped too.
 */
export function tocTitles(lines: readonly LayoutLine[]): string[] {
  return lines
    .filter((l) => PAGE_COLUMN.test(l.text) && /\p{L}{2}/u.test(l.text))
    .map((l) => norm(l.text).replace(/^(?:punkt\s+)?\d{1,4}[.:]?\s+/u, ''))
    .filter((t) => t.length > 2);
}

/**
 * Imports laid-out lines. Where the document has a table of contents, a heading whose text
 * is an entry of it is an item heading: it is given the most prominent level among such
 * headings, so that the recogniser takes them (and not the sub-headings of the same style)
 * as the items.
 */
/**
 * A table row whose first cell is a section's name (`Beslutning` | `Godkendt.`, a page or a Word
 * document that lays its items out as tables): the name is the section's heading, the other
 * cells its text.
 */
function sectionRows(lines: readonly LayoutLine[]): LayoutLine[] {
  return lines.flatMap((l) => {
    const tab = l.text.indexOf('\t');
    if (tab < 0) return [l];
    const name = l.text.slice(0, tab).trim().replace(/:$/, '');
    const rest = l.text.slice(tab + 1).trim();
    if (!rest || !SECTION_WORDS.has(name.toLowerCase())) return [l];
    return [{ text: name, level: l.level ?? BOLD_LEVEL }, { text: rest.replace(/\t+/g, ' ') }];
  });
}

/** The level of a heading the layout marks only by bold text (a paragraph all in bold, a section's name in a table cell): below every heading style. */
export const BOLD_LEVEL = 7;

export function importLayout(rows: readonly LayoutLine[], options: ImportOptions, layout: { furnitureDropped: number; furnitureWords?: number; guesses: string[] }): LayoutResult {
  const all = sectionRows(rows);
  // A table of contents without a page column: lines of body text, before the headings, that
  // are copies of headings further on. Dropped (the exports make their own).
  // Only before the first of the headings copied: a table of contents comes first, and a line
  // in the body that repeats a heading (a plain "Beslutning" before a bold one) is kept.
  const firstHeading = new Map<string, number>();
  all.forEach((l, k) => {
    if (l.level !== undefined && !firstHeading.has(norm(l.text))) firstHeading.set(norm(l.text), k);
  });
  const candidates = all.flatMap((l, k) => {
    const at = firstHeading.get(norm(l.text));
    const section = SECTION_WORDS.has(norm(l.text).replace(/:$/, ''));
    return l.level === undefined && at !== undefined && at > k && !section && !PAGE_COLUMN.test(l.text) ? [{ k, at }] : [];
  });
  const tocEnd = Math.min(...candidates.map((c) => c.at));
  const copies = new Set(candidates.filter((c) => c.k < tocEnd).map((c) => c.k));
  const hasToc = copies.size >= 2 || tocTitles(all).length >= 2;
  // The table of contents' own heading goes with it.
  const lines = all.filter((l, k) => !(copies.size >= 2 && copies.has(k)) && !(hasToc && /^(?:indholdsfortegnelse|indhold)$/iu.test(l.text.trim())));
  const toc = new Set(tocTitles(lines));
  const marked = new Map<number, number>();
  let promoted = 0;
  lines.forEach((l, k) => {
    if (l.level === undefined || PAGE_COLUMN.test(l.text)) return;
    const t = norm(l.text).replace(/^(?:punkt\s+)?\d{1,4}[.:]?\s+/u, '');
    if (toc.size && toc.has(t)) {
      marked.set(k, 0);
      promoted++;
    } else marked.set(k, l.level);
  });
  const guesses = [...layout.guesses];
  if (copies.size >= 2) guesses.push(`a table of contents of ${copies.size} entries without page numbers dropped (copies of the headings that follow)`);
  if (promoted) guesses.push(`${promoted} headings listed in the table of contents taken as the item headings`);
  // A blank line between paragraphs of prose, so that the markup keeps them apart; short lines
  // (header fields, a label and its value, list points) stay together for the recogniser.
  const parts: string[] = [];
  const indexOf: number[] = [];
  lines.forEach((l, k) => {
    const prev = lines[k - 1];
    if (prev && prev.level === undefined && l.level === undefined && prev.text.length > 60 && /[.!?:)]$/.test(prev.text)) parts.push('');
    indexOf[k] = parts.length;
    parts.push(l.text);
  });
  const text = parts.join('\n');
  const headings = new Map([...marked].map(([k, level]) => [indexOf[k]!, level]));
  const r = importText(text, { ...options, headings });
  return { ...r, text, furnitureDropped: r.furnitureDropped + layout.furnitureDropped, furnitureWords: r.furnitureWords + (layout.furnitureWords ?? 0), guesses: [...guesses, ...r.guesses] };
}
