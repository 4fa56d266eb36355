/**
 * Members as symbols: every mention of a person in a file, structured (names in
 * `Mødedeltagere`, `Afbud`, `Fraværende`, `Stedfortrædere` and the controlled
 * sentences) and textual (the same name written anywhere else, e.g. `Formand:` or
 * body text). Shared by hover, definition, references, rename and completion.
 */
import type { Meeting } from '../model/types.js';
import { memberList, type KnownMember } from '../rules/util/attendance.js';
import { normalizeName } from '../rules/util/names.js';
import type { PersonName, Range } from '../syntax/ast.js';
import type { Analysis } from './common.js';

/** Every PersonName node of the meeting, in source order. */
export function personNames(meeting: Meeting): PersonName[] {
  const out: PersonName[] = [];
  const seen = new Set<number>();
  const add = (n: PersonName | undefined) => {
    if (!n || seen.has(n.nameRange.start.offset)) return;
    seen.add(n.nameRange.start.offset);
    out.push(n);
  };
  meeting.membersField?.names.names.forEach(add);
  meeting.afbudField?.names.names.forEach(add);
  for (const s of meeting.substitutions) {
    add(s.substitute);
    add(s.for);
  }
  meeting.attendance.header.unpairedSubstitutes.forEach(add);
  for (const a of [meeting.attendance.header, ...meeting.items.map((it) => it.attendance)]) {
    a.absentField?.names.names.forEach(add);
    a.forfald.forEach(add);
    for (const s of a.sentences) {
      s.names.names.forEach(add);
      add(s.substitutedFor);
      for (const p of s.substitutions ?? []) {
        add(p.substitute);
        add(p.for);
      }
    }
  }
  return out.sort((a, b) => a.nameRange.start.offset - b.nameRange.start.offset);
}

export function members(a: Analysis): readonly KnownMember[] {
  return memberList({ meeting: a.meeting, roster: a.config.roster })?.members ?? [];
}

export interface Mention {
  readonly key: string;
  /** The range of the name alone. */
  readonly range: Range;
  readonly start: number;
  readonly end: number;
  /** A structured mention (a PersonName node) or a textual one. */
  readonly structured: boolean;
  readonly node?: PersonName;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** All mentions of the person with name key `key` (normalised). */
export function mentionsOf(a: Analysis, key: string): Mention[] {
  const out: Mention[] = [];
  const taken: [number, number][] = [];
  let display: string | undefined;
  for (const n of personNames(a.meeting)) {
    if (normalizeName(n.name) !== key) continue;
    display ??= n.name;
    const s = n.nameRange.start.offset;
    const e = n.nameRange.end.offset;
    taken.push([s, e]);
    out.push({ key, range: n.nameRange, start: s, end: e, structured: true, node: n });
  }
  display ??= members(a).find((m) => m.key === key)?.name;
  if (display) {
    const words = display.trim().split(/\s+/).map(escapeRegExp);
    if (words.length > 0 && words.join('').length > 1) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[ \\t]+')}(?![\\p{L}\\p{N}])`, 'giu');
      for (const m of a.text.matchAll(re)) {
        const s = m.index!;
        const e = s + m[0].length;
        if (taken.some(([ts, te]) => s < te && e > ts)) continue;
        if (normalizeName(m[0]) !== key) continue;
        out.push({ key, range: { start: a.lines.position(s), end: a.lines.position(e) }, start: s, end: e, structured: false });
      }
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

/** The person mentioned at an offset, if any: structured names first, then member names written in text. */
export function personAt(a: Analysis, offset: number): { key: string; name: string; start: number; end: number } | undefined {
  for (const n of personNames(a.meeting)) {
    const r = n.nameRange;
    if (r.start.offset <= offset && offset <= r.end.offset) {
      return { key: normalizeName(n.name), name: n.name, start: r.start.offset, end: r.end.offset };
    }
  }
  for (const m of members(a)) {
    for (const mention of mentionsOf(a, m.key)) {
      if (mention.start <= offset && offset <= mention.end) return { key: m.key, name: m.name, start: mention.start, end: mention.end };
    }
  }
  return undefined;
}
