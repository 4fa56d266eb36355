/** Source spans of pieces of an {@link InlineText} (built on syntax/text.ts). */
import type { Heading, InlineText, LineIndexLike, Range } from '../../syntax/ast.js';
import { maskComments, sourceOffset } from '../../syntax/text.js';

/** Source offsets of `inline.text.slice(from, to)`. */
export function sourceSpan(inline: InlineText, from: number, to: number): { start: number; end: number } {
  const start = sourceOffset(inline, from);
  const end = to > from ? sourceOffset(inline, to - 1) + 1 : start;
  return { start, end: Math.max(start, end) };
}

/** The range of a pair of source offsets. */
export function spanRange(lines: LineIndexLike, span: { start: number; end: number }): Range {
  return { start: lines.position(span.start), end: lines.position(span.end) };
}

/** `{start, end}` of the trimmed, comment-free content of a text (end = start = 0 when empty). */
export function trimmedSpan(text: string): { start: number; end: number } {
  const masked = maskComments(text);
  const start = masked.search(/\S/);
  if (start < 0) return { start: 0, end: 0 };
  return { start, end: masked.trimEnd().length };
}

/** The range of a heading without a trailing comment (`## Punkt 3: Titel <!-- note -->`). */
export function headingRange(lines: LineIndexLike, h: Heading): Range {
  const { end } = trimmedSpan(h.content.text);
  const to = end > 0 ? sourceSpan(h.content, 0, end).end : h.range.end.offset;
  return spanRange(lines, { start: h.range.start.offset, end: to });
}

export { maskComments };
