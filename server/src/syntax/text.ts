/**
 * Helpers over InlineText: mapping offsets of the folded text back to the source,
 * and the plain text a reader sees (comments and emphasis markers removed).
 */
import type { InlineText, LineIndexLike, Range } from './ast.js';

/** The source offset of an offset into `inline.text`. Offsets in the joining spaces map to the end of the previous segment. */
export function sourceOffset(inline: InlineText, textOffset: number): number {
  const segs = inline.segments;
  if (segs.length === 0) return inline.range.start.offset;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (segs[mid]!.textOffset <= textOffset) lo = mid;
    else hi = mid - 1;
  }
  const s = segs[lo]!;
  const within = Math.min(Math.max(0, textOffset - s.textOffset), s.length);
  return s.sourceOffset + within;
}

/** The source range of `inline.text.slice(from, to)`. */
export function rangeOfText(inline: InlineText, lines: LineIndexLike, from: number, to: number): Range {
  const start = sourceOffset(inline, from);
  // Map the end as "just after the last character" so a span ending at a segment end stays there.
  const end = to > from ? sourceOffset(inline, to - 1) + 1 : start;
  return { start: lines.position(start), end: lines.position(Math.max(start, end)) };
}

/** Replaces comments (and, if asked, `*`/`_` emphasis markers) by spaces, keeping every offset. */
export function maskComments(text: string, maskEmphasis = false): string {
  let out = text.indexOf('<!--') < 0 ? text : text.replace(/<!--[\s\S]*?(?:-->|$)/g, (m) => ' '.repeat(m.length));
  if (maskEmphasis && out.indexOf('*') >= 0) out = out.replace(/\*+/g, (m) => ' '.repeat(m.length));
  return out;
}

/** The text a reader sees: comments removed, `**`/`*` markers removed, whitespace folded. */
export function plainText(inline: InlineText | string): string {
  const text = typeof inline === 'string' ? inline : inline.text;
  const masked = maskComments(text, true);
  return /\s\s|[\t\r\n]/.test(masked) ? masked.replace(/\s+/g, ' ').trim() : masked.trim();
}

const SPACE = /\s/;

/**
 * Whether `plainText(inline)` is empty: nothing but comments, `*` and whitespace. Reads up to
 * the first character a reader sees instead of folding the whole text.
 */
export function isBlankText(inline: InlineText | string): boolean {
  const text = typeof inline === 'string' ? inline : inline.text;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 42 /* * */) continue;
    if (c === 60 /* < */ && text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close < 0) return true;
      i = close + 2;
      continue;
    }
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 128 || !SPACE.test(text[i]!)) return false;
  }
  return true;
}

/** The text with comments removed and whitespace folded (emphasis kept). */
export function withoutComments(inline: InlineText | string): string {
  const text = typeof inline === 'string' ? inline : inline.text;
  return maskComments(text).replace(/\s+/g, ' ').trim();
}
