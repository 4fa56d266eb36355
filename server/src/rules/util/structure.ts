/** Shared helpers of the structure rules: house-style order, list markers, insert points. */
import type { Profile } from '../../config/schema.js';
import type { ItemModel, SectionModel } from '../../model/types.js';
import type { List, ListItem } from '../../syntax/ast.js';
import type { TextEdit } from '../types.js';

/** Position of a kind in the profile's section order; -1 when the profile does not list it. */
export function orderOf(profile: Profile, kind: string): number {
  return profile.sections.findIndex((s) => s.kind === kind);
}

/** The profile's display name of a kind. */
export function nameOf(profile: Profile, kind: string): string {
  return profile.sections.find((s) => s.kind === kind)?.name ?? kind;
}

/** Renumbers an ordered list's markers to `first, first+1, …`, editing only the digits. */
export function renumberEdits(items: readonly ListItem[], numbers: readonly number[]): TextEdit[] {
  const edits: TextEdit[] = [];
  items.forEach((it, i) => {
    const m = /^\d+/.exec(it.marker.text);
    const want = numbers[i];
    if (!m || want === undefined || Number(m[0]) === want) return;
    const start = it.marker.range.start.offset;
    edits.push({ start, end: start + m[0].length, newText: String(want) });
  });
  return edits;
}

/**
 * Every list of a block sequence, nested ones included, depth first (appended to `out`). An
 * array, not a generator: a generator per list item (most without nested lists) was most of
 * what the rules allocate on a large meeting.
 */
export function allLists(lists: readonly List[], out: List[] = []): List[] {
  for (const l of lists) {
    out.push(l);
    for (const it of l.items) if (it.children.length) allLists(it.children, out);
  }
  return out;
}

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(source: string, offset: number): number {
  let i = offset;
  while (i > 0 && source[i - 1] !== '\n' && source[i - 1] !== '\r') i--;
  return i;
}

/**
 * Where a new section of `kind` goes in an item, in house-style order: at the start of the
 * first section that comes after it, else after the item's last line. Returns the offset
 * and whether the text is inserted before an existing heading (then it ends with blank line).
 */
export function sectionInsertPoint(item: ItemModel, kind: string, profile: Profile, source: string): { offset: number; before: boolean } {
  const rank = orderOf(profile, kind);
  const next: SectionModel | undefined = rank < 0 ? undefined : item.sections.find((s) => orderOf(profile, s.kind) > rank);
  if (next) return { offset: lineStartOf(source, next.node.heading.range.start.offset), before: true };
  return { offset: item.node.range.end.offset, before: false };
}
