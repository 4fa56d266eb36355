/**
 * Name lists as units a fix edits: every list of names in the meeting (Mødedeltagere,
 * Afbud, Fraværende, each attendance or vote sentence), and the edit that removes one
 * name from its list while keeping the list readable ("A, B og C").
 */
import type { Meeting } from '../../model/types.js';
import type { NameList } from '../../syntax/ast.js';
import type { TextEdit } from '../types.js';

/** Every name list of the meeting, each once. */
export function allNameLists(meeting: Meeting): NameList[] {
  const out: NameList[] = [];
  const seen = new Set<NameList>();
  const add = (l: NameList | undefined) => {
    if (l && l.names.length > 0 && !seen.has(l)) {
      seen.add(l);
      out.push(l);
    }
  };
  add(meeting.membersField?.names);
  add(meeting.afbudField?.names);
  for (const s of meeting.attendance.header.sentences) add(s.names);
  for (const item of meeting.items) {
    add(item.attendance.absentField?.names);
    for (const s of item.attendance.sentences) add(s.names);
  }
  return out;
}

/** The list a name (by its start offset) belongs to. */
export function listsByName(lists: readonly NameList[]): Map<number, NameList> {
  const m = new Map<number, NameList>();
  for (const l of lists) for (const n of l.names) m.set(n.range.start.offset, l);
  return m;
}

/**
 * Edits that remove the name at `index` (not the first) from its list: the separator before it
 * goes with it, and where the last name goes, the one before it takes its "og"
 * ("A, B og A" → "A og B").
 */
export function removeNameEdits(source: string, list: NameList, index: number): TextEdit[] {
  const names = list.names;
  if (index <= 0 || index >= names.length) return [];
  const prev = names[index - 1]!;
  const self = names[index]!;
  const edits: TextEdit[] = [{ start: prev.range.end.offset, end: self.range.end.offset, newText: '' }];
  if (index === names.length - 1 && index >= 2) {
    const before = names[index - 2]!;
    const lastSep = source.slice(prev.range.end.offset, self.range.start.offset);
    const sep = source.slice(before.range.end.offset, prev.range.start.offset);
    if (lastSep !== sep) edits.unshift({ start: before.range.end.offset, end: prev.range.start.offset, newText: lastSep });
  }
  return edits;
}
