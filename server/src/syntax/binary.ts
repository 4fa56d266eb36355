/**
 * Is this text at all? A shared check for every reader of minutes (lint, export, import,
 * the editor): a file with more than a small share of NUL characters, or of invalid UTF-8
 * (decoded as U+FFFD), is binary data, not minutes. Pure: works on the decoded text.
 */

/**
 * Above these shares a text counts as binary. Real binary data is far above them (an executable
 * or UTF-16 text is mostly NULs; compressed data, images and PDFs decode to U+FFFD at every
 * other byte), while damaged minutes — a stray NUL from a copy, an odd byte from a wrong
 * encoding — stay well below and are still linted, their findings in place.
 */
export const MAX_NUL_SHARE = 0.01;
export const MAX_INVALID_SHARE = 0.05;

/** Why a decoded text is not a text file, or undefined when it is text. */
export function binaryReason(text: string): 'nul' | 'invalid-utf8' | undefined {
  const count = (ch: string) => {
    let n = 0;
    for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
    return n;
  };
  if (text.indexOf('\u0000') >= 0) {
    const nul = count('\u0000');
    if (nul > 2 && nul > text.length * MAX_NUL_SHARE) return 'nul';
  }
  if (text.indexOf('\uFFFD') >= 0) {
    const bad = count('\uFFFD');
    if (bad > 2 && bad > text.length * MAX_INVALID_SHARE) return 'invalid-utf8';
  }
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
