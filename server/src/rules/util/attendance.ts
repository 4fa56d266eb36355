/**
 * Who is a member, and who is away from an item: the shared reading of the attendance
 * notes (spec §6) used by unknown-person, afbud-not-noted, left-not-noted, vote-count and
 * quorum. Everything compares names with {@link normalizeName}.
 */
import type { Meeting, ItemModel, ItemsNote, Substitution } from '../../model/types.js';
import type { InlineText, ItemRef, PersonName, Range } from '../../syntax/ast.js';
import { LineIndex } from '../../syntax/lines.js';
import { parseSentences } from '../../syntax/sentences.js';
import type { Fix, RuleContext, TextEdit } from '../types.js';
import { foldSpaces, joinNames, normalizeName, stripParty } from './names.js';

export interface KnownMember {
  /** The name as declared (no party letter). */
  readonly name: string;
  readonly key: string;
  readonly substitute: boolean;
  readonly declaration?: PersonName;
}

export interface MemberList {
  readonly members: readonly KnownMember[];
  /** `members` when the file's `Mødedeltagere` is used, `roster` for the configured roster. */
  readonly source: 'members' | 'roster';
}

/**
 * The members names are checked against: the file's `Mødedeltagere` (plus substitutes),
 * else the configured roster, else undefined (names cannot be checked).
 */
export function memberList(ctx: Pick<RuleContext, 'meeting' | 'roster'>): MemberList | undefined {
  const out: KnownMember[] = [];
  const seen = new Set<string>();
  const add = (m: KnownMember) => {
    if (!m.key || seen.has(m.key)) return;
    seen.add(m.key);
    out.push(m);
  };
  if (ctx.meeting.members) {
    for (const m of ctx.meeting.members) {
      add({ name: m.name, key: normalizeName(m.name), substitute: !!m.substitute, declaration: m.declaration });
    }
    // Substitutes named in `Stedfortrædere` or a sentence count as members at this meeting.
    addSubstitutes(ctx.meeting, add);
    return { members: out, source: 'members' };
  }
  if (ctx.roster && ctx.roster.length > 0) {
    for (const r of ctx.roster) {
      const name = stripParty(foldSpaces(r));
      add({ name, key: normalizeName(name), substitute: false });
    }
    addSubstitutes(ctx.meeting, add);
    return { members: out, source: 'roster' };
  }
  return undefined;
}

function addSubstitutes(meeting: Meeting, add: (m: KnownMember) => void) {
  for (const s of allSubstitutions(meeting)) {
    add({ name: s.substitute.name, key: normalizeName(s.substitute.name), substitute: true, declaration: s.substitute });
  }
  // `Stedfortrædere: B`, `Som suppleant deltog B`: members at this meeting, for whoever they replace.
  for (const p of meeting.attendance.unpairedSubstitutes) add({ name: p.name, key: normalizeName(p.name), substitute: true, declaration: p });
}

/**
 * Substitutions from `Stedfortrædere`, from the header's notes and from the items' notes
 * (`mødte som stedfortræder for`, `I stedet deltog`, `Som suppleant deltog`, `(stedfortræder: B)`),
 * without duplicates.
 */
export function allSubstitutions(meeting: Meeting): readonly Substitution[] {
  return meeting.attendance.substitutions;
}

/**
 * The indexes of the items a note names: a number names the item with that number (as written,
 * else as a number); a range `12-15` names the items numbered from 12 to 15.
 */
export function itemIndexes(meeting: Meeting, refs: readonly ItemRef[]): Set<number> {
  const out = new Set<number>();
  for (const r of refs) {
    const from = r.from.trim();
    if (r.to === undefined) {
      const exact = meeting.items.findIndex((it) => it.number.trim() === from);
      if (exact >= 0) out.add(exact);
      else if (/^\d+$/.test(from)) meeting.items.forEach((it, i) => it.numeric === Number(from) && out.add(i));
      continue;
    }
    const lo = parseInt(from, 10);
    const hi = parseInt(r.to, 10);
    if (isNaN(lo) || isNaN(hi)) continue;
    meeting.items.forEach((it, i) => {
      if (it.numeric !== undefined && it.numeric >= Math.min(lo, hi) && it.numeric <= Math.max(lo, hi)) out.add(i);
    });
  }
  return out;
}

const rangeCache = new WeakMap<Meeting, { absent: { key: string; items: Set<number> }[]; inhabil: { key: string; items: Set<number> }[] }>();

/** The notes about named items, resolved to item indexes (cached per meeting). */
function itemNotes(meeting: Meeting) {
  let c = rangeCache.get(meeting);
  if (!c) {
    const resolve = (notes: readonly ItemsNote[]) => notes.map((n) => ({ key: normalizeName(n.name.name), items: itemIndexes(meeting, n.items) }));
    c = { absent: resolve(meeting.attendance.absentFromItems), inhabil: resolve(meeting.attendance.inhabilForItems) };
    rangeCache.set(meeting, c);
  }
  return c;
}

/** Names of the `Fraværende:` field and of the absence sentences (`deltog ikke …`, `var fraværende`) of an item. */
export function absentNames(item: ItemModel): PersonName[] {
  const out = [...item.attendance.absent];
  const field = item.attendance.absentField;
  if (field) {
    for (const n of field.names.names) {
      if (!out.some((o) => o.nameRange.start.offset === n.nameRange.start.offset)) out.push(n);
    }
  }
  return out;
}

/**
 * Keys of the members noted absent on an item: `havde forfald`, `deltog ikke …`, `var fraværende`,
 * `Fraværende:`; with the meeting, also a note that names the item (`deltog ikke under punkterne 12-15`,
 * wherever it stands).
 */
export function notedAbsentKeys(item: ItemModel, meeting?: Meeting): Set<string> {
  const keys = new Set<string>();
  for (const n of item.attendance.forfald) keys.add(normalizeName(n.name));
  for (const n of absentNames(item)) keys.add(normalizeName(n.name));
  if (meeting) for (const n of itemNotes(meeting).absent) if (n.items.has(item.index)) keys.add(n.key);
  return keys;
}

export interface Departure {
  readonly name: PersonName;
  /** {@link normalizeName} of the name. */
  readonly key: string;
  /** Index of the item the sentence stands in. */
  readonly sentenceItem: number;
  /** Index of the last item the member attended (fully or in part); later items are missed. */
  readonly lastItem: number;
  /** True for `… under behandlingen af punktet`: the member left during `lastItem`. */
  readonly during: boolean;
  readonly range: Range;
}

/**
 * Members who left the meeting (`forlod mødet efter punkt <n>` / `under behandlingen af
 * punktet`): they miss every item after `lastItem`. `efter punkt <n>` names an item by its
 * number; when no item has that number, the number is compared with the numeric item
 * numbers; failing that, the item of the sentence counts.
 */
export function departures(meeting: Meeting): Departure[] {
  const out: Departure[] = [];
  const read = (lefts: ItemModel['attendance']['left'], index: number) => {
    for (const left of lefts) {
      let last = index;
      if (left.afterItem !== undefined) {
        const written = left.afterItem.trim().replace(/\.$/, '');
        const byNumber = meeting.items.findIndex((it) => it.number.trim() === written);
        // `forlod mødet før punkt 5`: the last item attended is the one before.
        const before = left.when === 'before';
        if (byNumber >= 0) last = before ? byNumber - 1 : byNumber;
        else if (/^\d+$/.test(written)) {
          const n = Number(written);
          let k = -1;
          meeting.items.forEach((it, i) => {
            if (it.numeric !== undefined && (before ? it.numeric < n : it.numeric <= n)) k = i;
          });
          if (k >= 0) last = k;
        }
      } else if (index < 0) continue; // `forlod mødet` in the header names no item
      const during = left.afterItem === undefined || left.when === 'during';
      out.push({ name: left.name, key: normalizeName(left.name.name), sentenceItem: index, lastItem: last, during, range: left.sentence.range });
    }
  };
  // The header's notes stand before the first item.
  read(meeting.attendance.header.left, -1);
  meeting.items.forEach((item, index) => read(item.attendance.left, index));
  return out;
}

export type AwayReason = 'afbud' | 'forfald' | 'absent' | 'inhabil' | 'left' | 'substituted';

/**
 * Who is away from an item, by name key, with the first reason found:
 * `Afbud` and `havde forfald` (anywhere: absent from the whole meeting), members replaced by
 * a substitute, members noted absent or inhabil on the item, members who left before it.
 */
export function awayFromItem(meeting: Meeting, index: number, deps: readonly Departure[] = departures(meeting)): Map<string, AwayReason> {
  const away = new Map(meetingWideAway(meeting));
  const put = (name: string, reason: AwayReason) => {
    const key = normalizeName(name);
    if (!away.has(key)) away.set(key, reason);
  };
  const item = meeting.items[index]!;
  for (const n of absentNames(item)) put(n.name, 'absent');
  for (const n of item.attendance.inhabil) put(n.name, 'inhabil');
  const notes = itemNotes(meeting);
  for (const n of notes.inhabil) if (n.items.has(index) && !away.has(n.key)) away.set(n.key, 'inhabil');
  for (const n of notes.absent) if (n.items.has(index) && !away.has(n.key)) away.set(n.key, 'absent');
  for (const d of deps) if (d.lastItem < index && !away.has(d.key)) away.set(d.key, 'left');
  return away;
}

const wideCache = new WeakMap<Meeting, ReadonlyMap<string, AwayReason>>();

/** Away from the whole meeting: `Afbud`, `havde forfald` on any item, replaced by a substitute. */
function meetingWideAway(meeting: Meeting): ReadonlyMap<string, AwayReason> {
  const cached = wideCache.get(meeting);
  if (cached) return cached;
  const away = new Map<string, AwayReason>();
  const put = (name: string, reason: AwayReason) => {
    const key = normalizeName(name);
    if (!away.has(key)) away.set(key, reason);
  };
  for (const n of meeting.afbud) put(n.name, 'afbud');
  const fromItems = new Set(meeting.items.flatMap((it) => it.attendance.forfald));
  // Everyone the header, an item or the first item notes away from the whole meeting (spec §6.1).
  for (const a of meeting.attendance.absentFromMeeting) put(a.name.name, a.apologies ? 'afbud' : fromItems.has(a.name) ? 'forfald' : 'absent');
  for (const s of allSubstitutions(meeting)) if (!s.whileInhabil) put(s.for.name, 'substituted');
  wideCache.set(meeting, away);
  return away;
}

/** The members present at an item, and the committee size (substitutes replace, they do not add). */
export function presence(list: MemberList, meeting: Meeting, index: number, deps?: readonly Departure[]): { present: KnownMember[]; size: number; away: Map<string, AwayReason> } {
  const away = awayFromItem(meeting, index, deps);
  const present = list.members.filter((m) => !away.has(m.key));
  const size = list.members.filter((m) => !m.substitute).length;
  return { present, size, away };
}

/** An open, decided item of a REFERAT: not closed, with a non-empty Beslutning. */
export function hasOpenDecision(meeting: Meeting, item: ItemModel): boolean {
  return meeting.kind === 'REFERAT' && !item.closed && !!item.decisionSection && !item.decisionSection.empty;
}

/** Where a finding about an item's decision points: the `### Beslutning` heading. */
export function decisionRange(item: ItemModel): Range {
  return item.decisionSection?.node.heading.range ?? item.node.heading.range;
}

/** Whether `<names> deltog ikke i sagens behandling.` reads back as an absence note of exactly these names. */
function readsAsAbsence(names: readonly string[]): boolean {
  const text = `${joinNames([...names])} deltog ikke i sagens behandling.`;
  // The same names are asked about on every item (an Afbud member missing everywhere).
  const known = readsCache.get(text);
  if (known !== undefined) return known;
  if (readsCache.size > 1000) readsCache.clear();
  const answer = readsAsAbsenceUncached(text, names);
  readsCache.set(text, answer);
  return answer;
}

const readsCache = new Map<string, boolean>();

function readsAsAbsenceUncached(text: string, names: readonly string[]): boolean {
  const inline: InlineText = { text, segments: [{ textOffset: 0, sourceOffset: 0, length: text.length }], range: new LineIndex(text).range(0, text.length) };
  const found = parseSentences(inline, new LineIndex(text));
  if (found.length !== 1 || found[0]!.kind !== 'absent') return false;
  const keys = new Set(found[0]!.names.names.map((n) => normalizeName(n.name)));
  const wanted = new Set(names.map(normalizeName));
  return wanted.size === keys.size && [...wanted].every((k) => keys.has(k));
}

function written(n: PersonName): string {
  return n.party ? `${n.name} (${n.party})` : n.name;
}

/**
 * The fix that notes `names` absent on an item, in the item's own way:
 * - the item has a `Fraværende:` field → the names are added to it;
 * - the decision has an absence sentence (`… deltog ikke i sagens behandling.`) → the
 *   names are added to its name list;
 * - otherwise a new paragraph `<names> deltog ikke i sagens behandling.` follows the
 *   decision's last block.
 * Names are joined `A, B og C`. Returns undefined when the item has no decision to write into.
 */
export function absenceNoteFix(ctx: Pick<RuleContext, 'eol' | 'source'>, item: ItemModel, names: readonly string[]): Fix | undefined {
  if (names.length === 0) return undefined;
  const joined = joinNames([...names]);
  const title = {
    da: `Notér ${joined} fraværende på punkt ${item.number}`,
    en: `Note ${joinNames([...names], 'and')} absent on item ${item.number}`,
  };
  const edit = ((): TextEdit | undefined => {
    const field = item.attendance.absentField;
    if (field) {
      const existing = field.names.names.map(written);
      if (existing.length === 0) {
        const v = field.field.value.range;
        return { start: v.start.offset, end: v.end.offset, newText: joined };
      }
      const r = field.names.range;
      return { start: r.start.offset, end: r.end.offset, newText: joinNames([...existing, ...names]) };
    }
    const section = item.decisionSection;
    if (!section || section.empty) return undefined;
    const s = section.node.range;
    const sentence = item.attendance.sentences.find(
      (x) => x.kind === 'absent' && x.names.names.length > 0 && x.range.start.offset >= s.start.offset && x.range.end.offset <= s.end.offset,
    );
    // A name the sentence grammar cannot read (`Afbud` lists are read permissively) would give a
    // sentence that is ordinary text: the finding would stay and --fix would add it again and again.
    if (sentence) {
      const all = [...sentence.names.names.map(written), ...names];
      if (!readsAsAbsence(all)) return undefined;
      const r = sentence.names.range;
      return { start: r.start.offset, end: r.end.offset, newText: joinNames(all) };
    }
    if (!readsAsAbsence(names)) return undefined;
    const blocks = section.node.blocks;
    const last = blocks[blocks.length - 1];
    if (!last) return undefined;
    const at = last.range.end.offset;
    return { start: at, end: at, newText: `${ctx.eol}${ctx.eol}${joined} deltog ikke i sagens behandling.` };
  })();
  return edit ? { title, edits: [edit] } : undefined;
}
