/**
 * Is this text at all? A shared check for every reader of minutes (lint, export, import,
 * the editor): a file with NUL characters, or with more than a small share of invalid
 * UTF-8 (decoded as U+FFFD), is binary data, not minutes. Pure: works on the decoded text.
 */

/** The share of U+FFFD characters above which a text counts as binary (a few stray bytes in real minutes are fine). */
export const MAX_INVALID_SHARE = 0.02;

/** Why a decoded text is not a text file, or undefined when it is text. */
export function binaryReason(text: string): 'nul' | 'invalid-utf8' | undefined {
  if (text.indexOf('\u0000') >= 0) return 'nul';
  let bad = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) bad++;
  if (bad > 2 && bad > text.length * MAX_INVALID_SHARE) return 'invalid-utf8';
  return undefined;
}

/** True when the text is binary data rather than text. */
export function isBinaryText(text: string): boolean {
  return binaryReason(text) !== undefined;
}

/** The one-line message for a file that is not text. */
export const NOT_TEXT = {
  da: 'Filen er ikke en tekstfil (den indeholder binære data) og kan ikke læses som et referat.',
  en: 'This is not a text file (it holds binary data) and cannot be read as minutes.',
} as const;
