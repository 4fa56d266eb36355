/**
 * Builds the meeting model from the syntax tree and a house-style profile: header
 * fields, members, items, sections by kind, proposals and decisions, attendance.
 * Linear in the size of the tree; never throws on a tree the parser produced.
 */
import { append } from '../array.js';
import type { Profile } from '../config/schema.js';
import type {
  Block,
  ControlledSentence,
  Field,
  InlineText,
  Item,
  List,
  ListItem,
  NameList,
  ParseResult,
  PersonName,
  Range,
  TextNode,
} from '../syntax/ast.js';
import { headingTitle } from '../syntax/parser.js';
import { parseNameListField, parseNamesBlock, parseSentences, parseSubstitutesField } from '../syntax/sentences.js';
import { isBlankText, plainText, rangeOfText } from '../syntax/text.js';
import { findTitleDate, parseDanishDate, parseMeetingDate } from './dates.js';
import { decisionName, headerLabels, itemLabels, normaliseSectionHeading, parseDecisionHeading, sectionWordFor, splitStatus } from './vocabulary.js';
import type { Attendance, ItemModel, Meeting, MeetingAttendance, MeetingDate, Member, Point, SectionModel, Substitution, Vote } from './types.js';

export function fieldKey(name: string): string {
  return name.trim().toLowerCase();
}

function findField(fields: readonly Field[], ...names: string[]): Field | undefined {
  const keys = names.map((n) => n.toLowerCase());
  return fields.find((f) => keys.includes(fieldKey(f.name.text)));
}

/** The value of a field as a reader sees it. */
export function fieldValue(field: Field | undefined): string | undefined {
  if (!field) return undefined;
  const v = plainText(field.value);
  return v || undefined;
}

/** The value of a field as a TextNode (trimmed, comments kept out of the range where at the ends). */
function valueNode(field: Field, parsed: ParseResult): TextNode | undefined {
  const text = field.value.text;
  const masked = text.replace(/<!--[\s\S]*?(?:-->|$)/g, (m) => ' '.repeat(m.length));
  const start = masked.length - masked.trimStart().length;
  const end = masked.trimEnd().length;
  if (end <= start) return undefined;
  return { text: masked.slice(start, end).replace(/\s+/g, ' '), range: rangeOfText(field.value, parsed.lines, start, end) };
}

function normalise(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFC')
    .replace(/[:.]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const indexes = new WeakMap<Profile, Map<string, { kind: string; displayName: string }>>();

/** The profile's section names and aliases, normalised once per profile. */
function sectionIndex(profile: Profile): Map<string, { kind: string; displayName: string }> {
  let m = indexes.get(profile);
  if (!m) {
    m = new Map();
    for (const def of profile.sections) {
      for (const name of [def.name, ...def.aliases]) {
        const key = normalise(name);
        if (!m.has(key)) m.set(key, { kind: def.kind, displayName: def.name });
      }
    }
    indexes.set(profile, m);
  }
  return m;
}

/**
 * Resolves a section heading to a kind: the profile's names and aliases first (case, a
 * trailing colon and a bullet do not matter), then a decision heading in the profile's form
 * or any form of spec §10 (`Beslutning i Byrådet den 01-09-2021`, `Byrådet, 16.12.2014`,
 * `Kommunalbestyrelsen den 20. august 2020:`), then the vocabulary's kinds, known in every
 * profile (model/vocabulary.ts).
 */
export function classifySection(
  title: string,
  profile: Profile,
): { kind: string; displayName: string; decisionBody?: { committee: string; date: string } } {
  const t = normalise(title);
  const hit = sectionIndex(profile).get(t) ?? sectionIndex(profile).get(normaliseSectionHeading(title));
  if (hit) return hit;
  const decision = parseDecisionHeading(title, profile);
  if (decision?.committee && decision.date) {
    return { kind: 'beslutning', displayName: decisionName(profile), decisionBody: { committee: decision.committee, date: decision.date } };
  }
  const word = sectionWordFor(title);
  if (word) return { kind: word.kind, displayName: title.trim() };
  return { kind: 'unknown', displayName: title.trim() };
}

function isEmptyBlocks(blocks: readonly Block[]): boolean {
  return blocks.every((b) => {
    if (b.type === 'comment') return true;
    if (b.type === 'paragraph') return isBlankText(b.content);
    return false;
  });
}

function firstList(blocks: readonly Block[]): List | undefined {
  return blocks.find((b): b is List => b.type === 'list');
}

function points(list: List | undefined): Point[] {
  if (!list) return [];
  return list.items.map((it) => ({
    number: it.number,
    item: it,
    text: plainText(it.content),
    range: { start: it.range.start, end: it.content.segments.length ? it.content.range.end : it.range.end },
  }));
}

/** The names of the block after a label that stands alone (`Fraværende` ⏎ names, or a list of names). */
function namesAfterLabel(next: Block | undefined, parsed: ParseResult): NameList | undefined {
  if (!next) return undefined;
  if (next.type === 'paragraph') return parseNamesBlock(next.content, parsed.lines);
  if (next.type !== 'list') return undefined;
  const names: PersonName[] = [];
  for (const it of next.items) {
    const got = parseNamesBlock(it.content, parsed.lines);
    if (!got) return undefined;
    append(names, got.names);
  }
  return { names, range: next.range };
}

/** A label sentence (`Fraværende`) with the names found in the next block. */
function withNames(label: ControlledSentence, names: NameList): ControlledSentence {
  const { labelOnly: _, ...rest } = label;
  void _;
  return { ...rest, names, range: { start: label.range.start, end: names.range.end } };
}

/** A sub-heading that is an absence label (`#### Fraværende`). */
function labelOfHeading(b: Block, parsed: ParseResult): ControlledSentence | undefined {
  if (b.type !== 'subheading') return undefined;
  const found = parseSentences(b.content, parsed.lines);
  return found.length === 1 && found[0]!.labelOnly ? found[0] : undefined;
}

function sentencesOf(blocks: readonly Block[], parsed: ParseResult): ControlledSentence[] {
  const out: ControlledSentence[] = [];
  const visitList = (list: List) => {
    for (const it of list.items) {
      const found = parseSentences(it.content, parsed.lines);
      (it as { sentences: ControlledSentence[] }).sentences = found;
      append(out, found);
      it.children.forEach(visitList);
    }
  };
  blocks.forEach((b, i) => {
    if (b.type === 'paragraph') {
      const found = parseSentences(b.content, parsed.lines);
      // `Fraværende` alone at the end of a paragraph: the names stand in the next block.
      const last = found[found.length - 1];
      if (last?.labelOnly) {
        const names = namesAfterLabel(blocks[i + 1], parsed);
        if (names) found[found.length - 1] = withNames(last, names);
      }
      b.sentences = found;
      append(out, found);
    } else if (b.type === 'list') visitList(b);
    else {
      const label = labelOfHeading(b, parsed);
      const names = label && namesAfterLabel(blocks[i + 1], parsed);
      if (label && names) out.push(withNames(label, names));
    }
  });
  return out;
}

/** An item about attendance (`Fraværende og bemærkninger til dagsorden`, `Mødedeltagere`): all of it is read for notes. */
const ATTENDANCE_TITLE = /fravær|afbud|deltager|til ?stede|stedfortræd|suppleant|forfald/iu;

/**
 * The blocks of an item where attendance is noted, in source order: every decision; in the
 * first item also its preamble, and all of it when its title is about attendance (spec §6.1).
 */
function attendanceBlocks(item: Item, sections: readonly SectionModel[], index: number, title: string): Block[][] {
  const out: Block[][] = [];
  if (index === 0) out.push(item.preamble);
  const all = index === 0 && ATTENDANCE_TITLE.test(title);
  for (const s of sections) if (s.kind === 'beslutning' || all) out.push(s.node.blocks);
  return out;
}

function isClosedValue(v: string | undefined): boolean {
  return !!v && /^(ja|yes|true|lukket|x)$/i.test(v.trim());
}

/** What an item's model depends on besides its node: this meeting's committee and date (to tell its decision from earlier ones). */
interface ItemContext {
  readonly committee?: string;
  readonly date?: { year: number; month: number; day: number };
  /** A key of the two, recorded on the item so that a re-used model is only re-used for the same meeting. */
  readonly key: string;
}

function committeeKey(name: string): string {
  return name
    .toLocaleLowerCase('da')
    .replace(/\([^)]*\)/g, '')
    .replace(/\d{4}\s*-\s*\d{2,4}/g, '')
    .replace(/[^\p{L}]+/gu, '');
}

/**
 * Whether a decision heading naming a committee and a date is an earlier decision in the
 * item's chain (another committee, another day), not this meeting's (spec §10).
 */
function isEarlierDecision(body: { committee: string; date: string }, ctx: ItemContext): boolean {
  const sameCommittee = ctx.committee ? committeeKey(body.committee) === committeeKey(ctx.committee) || committeeKey(ctx.committee).startsWith(committeeKey(body.committee)) : undefined;
  const d = parseDanishDate(body.date);
  const sameDate = ctx.date && d ? d.year === ctx.date.year && d.month === ctx.date.month && d.day === ctx.date.day : undefined;
  if (sameCommittee === undefined) return sameDate === false;
  return !sameCommittee && sameDate !== true;
}

function buildItem(item: Item, index: number, parsed: ParseResult, profile: Profile, context: ItemContext): ItemModel {
  // A house style that prints the item's status in its heading (`1 (Åben) Title`): the marker is not the title.
  const status = splitStatus(profile, headingTitle(item.title.text));
  const title = status.title;
  const caseNumberField = findField(item.fields, ...itemLabels('sagsnr'));
  const caseNumber = caseNumberField ? valueNode(caseNumberField, parsed) : undefined;
  const closedField = findField(item.fields, ...itemLabels('lukket'));
  const closed = isClosedValue(fieldValue(closedField)) || /^lukket\b/i.test(title) || status.closed === true;
  const sections: SectionModel[] = item.sections.map((s) => {
    const c = classifySection(s.title, profile);
    const earlier = c.decisionBody && isEarlierDecision(c.decisionBody, context);
    return {
      node: s,
      kind: earlier ? 'earlier-decision' : c.kind,
      displayName: earlier ? s.title.trim() : c.displayName,
      decisionBody: c.decisionBody,
      empty: isEmptyBlocks(s.blocks),
    };
  });
  const proposalSection = sections.find((s) => s.kind === 'indstilling');
  const decisionSection = sections.find((s) => s.kind === 'beslutning');
  const proposalList = proposalSection ? firstList(proposalSection.node.blocks) : undefined;
  const decisionList = decisionSection ? firstList(decisionSection.node.blocks) : undefined;

  const sentences: ControlledSentence[] = [];
  for (const blocks of attendanceBlocks(item, sections, index, title)) append(sentences, sentencesOf(blocks, parsed));

  const absentFieldNode = findField(item.fields, ...itemLabels('fravaerende'));
  const fieldPairs: Substitution[] = [];
  const absentField = absentFieldNode
    ? { field: absentFieldNode, names: parseNameListField(absentFieldNode.value, parsed.lines, fieldPairs) }
    : undefined;

  const built = buildAttendance(sentences, absentField);
  // `Fraværende: A (stedfortræder: B)` as an item field.
  const attendance = fieldPairs.length ? { ...built, substitutes: [...fieldPairs, ...built.substitutes] } : built;
  const otherFields = item.fields.filter((f) => f !== caseNumberField && f !== closedField && f !== absentFieldNode);
  const numeric = /^\d+$/.test(item.number.text) ? parseInt(item.number.text, 10) : undefined;
  return {
    node: item,
    index,
    number: item.number.text,
    numeric,
    title,
    caseNumber,
    caseNumberField,
    closed,
    sections,
    proposalSection,
    decisionSection,
    proposalList,
    proposals: points(proposalList),
    decisionList,
    decisions: points(decisionList),
    attendance,
    otherFields,
    contextKey: context.key,
  };
}

/**
 * Reads the notes of one place (an item, or the header) into attendance. Substitutes written
 * without the member they replace (`Som suppleant deltog B`, `I stedet deltog B`) are paired with
 * the absence noted just before them when the numbers agree (`A var fraværende. I stedet deltog
 * B`; `Afbud fra A, B. Som suppleanter deltog C, D`), in order; otherwise they stay unpaired.
 */
export function buildAttendance(
  sentences: ControlledSentence[],
  absentField: { field: Field; names: NameList } | undefined,
): Attendance {
  const forfald: PersonName[] = [];
  const absent: PersonName[] = [];
  const guests: PersonName[] = [];
  const left: Attendance['left'][number][] = [];
  const inhabil: PersonName[] = [];
  const councilRequests: PersonName[] = [];
  const substitutes: Substitution[] = [];
  const votes: Vote[] = [];
  const apologies: PersonName[] = [];
  const absentFromItems: Attendance['absentFromItems'][number][] = [];
  const inhabilForItems: Attendance['inhabilForItems'][number][] = [];
  const inhabilSubjects: Attendance['inhabilSubjects'][number][] = [];
  const unpairedSubstitutes: PersonName[] = [];
  /** The last absence note: the members a following `I stedet deltog B` replaces. */
  let lastAbsence: PersonName[] = [];
  for (const s of sentences) {
    const names = s.names.names;
    if (s.substitutions) for (const p of s.substitutions) substitutes.push({ substitute: p.substitute, for: p.for });
    if (s.apologies && (s.kind === 'forfald' || s.kind === 'absent')) append(apologies, names);
    switch (s.kind) {
      case 'forfald':
        append(forfald, names);
        break;
      case 'absent':
        if (s.items) for (const n of names) absentFromItems.push({ name: n, items: s.items, sentence: s });
        else append(absent, names);
        break;
      case 'guest':
        append(guests, names);
        break;
      case 'left':
        for (const n of names) left.push({ name: n, afterItem: s.leftAfterItem?.text, when: s.leftWhen, sentence: s });
        break;
      case 'inhabil':
        if (s.items) for (const n of names) inhabilForItems.push({ name: n, items: s.items, sentence: s });
        else if (s.subject) for (const n of names) inhabilSubjects.push({ name: n, subject: s.subject, sentence: s });
        else append(inhabil, names);
        break;
      case 'council-request':
        append(councilRequests, names);
        break;
      case 'substitute': {
        if (s.substitutedFor) {
          for (const n of names) substitutes.push({ substitute: n, for: s.substitutedFor });
          break;
        }
        const paired = new Set((s.substitutions ?? []).map((p) => p.substitute));
        const open = names.filter((n) => !paired.has(n));
        const replaced = lastAbsence.filter((a) => !substitutes.some((x) => x.for === a));
        if (open.length > 0 && open.length === replaced.length) open.forEach((n, i) => substitutes.push({ substitute: n, for: replaced[i]! }));
        else append(unpairedSubstitutes, open);
        break;
      }
      case 'vote-for':
        votes.push({ sentence: s, kind: 'for' });
        break;
      case 'vote-against':
        votes.push({ sentence: s, kind: 'against' });
        break;
      case 'vote-abstain':
        votes.push({ sentence: s, kind: 'abstain' });
        break;
    }
    if ((s.kind === 'forfald' || s.kind === 'absent') && names.length > 0) lastAbsence = names;
  }
  if (absentField) append(absent, absentField.names.names);
  // A substitute for a member who is inhabil here stands in for that case only (§ 14 stk. 3).
  const inhabilNames = new Set([...inhabil, ...inhabilForItems.map((x) => x.name), ...inhabilSubjects.map((x) => x.name)].map((n) => n.name.toLowerCase()));
  const subs = substitutes.map((x) => (inhabilNames.has(x.for.name.toLowerCase()) ? { ...x, whileInhabil: true } : x));
  return {
    sentences,
    forfald,
    absent,
    guests,
    left,
    inhabil,
    councilRequests,
    substitutes: subs,
    votes,
    absentField,
    apologies,
    absentFromItems,
    inhabilForItems,
    inhabilSubjects,
    unpairedSubstitutes,
  };
}

function meetingDate(field: Field | undefined, parsed: ParseResult): MeetingDate | undefined {
  if (!field) return undefined;
  const node = valueNode(field, parsed);
  if (!node) return undefined;
  const d = parseMeetingDate(node.text);
  if (!d) return undefined;
  // Offsets of the weekday inside the normalised value map back through the field's inline text.
  let weekday: MeetingDate['weekday'];
  if (d.weekday) {
    const masked = field.value.text.replace(/<!--[\s\S]*?(?:-->|$)/g, (m) => ' '.repeat(m.length));
    const lead = masked.length - masked.trimStart().length;
    weekday = {
      name: d.weekday.name,
      range: rangeOfText(field.value, parsed.lines, lead + d.weekday.start, lead + d.weekday.end),
    };
  }
  return {
    year: d.year,
    month: d.month,
    day: d.day,
    hour: d.hour,
    minute: d.minute,
    weekday,
    form: d.form,
    valid: d.valid,
    range: node.range,
  };
}

/** Splits the title's rest into committee, period and date. */
function titleParts(rest: TextNode | undefined, parsed: ParseResult) {
  if (!rest) return {};
  const text = rest.text.replace(/<!--[\s\S]*?(?:-->|$)/g, (m) => ' '.repeat(m.length));
  const inline: InlineText = {
    text,
    segments: [{ textOffset: 0, sourceOffset: rest.range.start.offset, length: text.length }],
    range: rest.range,
  };
  let body = text;
  let titleDate: Meeting['titleDate'];
  const d = findTitleDate(body);
  if (d) {
    titleDate = { year: d.year, month: d.month, day: d.day, range: rangeOfText(inline, parsed.lines, d.start, d.end) };
    body = body.slice(0, d.start);
  }
  let period: string | undefined;
  // `2022-25: Arbejdsmarkedsudvalget` or `Beskæftigelsesudvalget 2013-2021`
  const lead = /^\s*(\d{4}\s*[-–]\s*\d{2,4})\s*:?\s*/.exec(body);
  if (lead) {
    period = lead[1]!.replace(/\s+/g, '');
    body = body.slice(lead[0].length);
  } else {
    const trail = /\s+(\d{4}\s*[-–]\s*\d{2,4})\s*$/.exec(body);
    if (trail) {
      period = trail[1]!.replace(/\s+/g, '');
      body = body.slice(0, trail.index);
    }
  }
  const committee = body.replace(/\*\*/g, '').replace(/\s+/g, ' ').replace(/[:,]\s*$/, '').trim() || undefined;
  return { committee, period, titleDate };
}

/**
 * An item's model from an earlier build, when still valid for this item node at this index
 * (see model/incremental.ts); undefined to build it.
 */
export type ItemReuse = (item: Item, index: number) => ItemModel | undefined;

export function buildMeeting(parsed: ParseResult, source: string, profile: Profile, reuse?: ItemReuse): Meeting {
  const doc = parsed.ast;
  const fields = doc.fields;
  const field = (key: string) => findField(fields, ...headerLabels(key, profile));
  const membersF = field('moededeltagere');
  const afbudF = field('afbud');
  const subsF = field('stedfortraedere');
  const dateF = field('moededato');
  const membersField = membersF ? { field: membersF, names: parseNameListField(membersF.value, parsed.lines) } : undefined;
  // `Fraværende: A (stedfortræder: B)`: the substitute written beside the name (spec §6.1).
  const fieldPairs: Substitution[] = [];
  const afbudField = afbudF ? { field: afbudF, names: parseNameListField(afbudF.value, parsed.lines, fieldPairs) } : undefined;
  const substitutions: Substitution[] = subsF ? parseSubstitutesField(subsF.value, parsed.lines) : [];

  const { committee: titleCommittee, period, titleDate } = titleParts(doc.title?.rest, parsed);
  const udvalg = fieldValue(field('udvalg'));
  const committee = udvalg ?? titleCommittee;
  const date = meetingDate(dateF, parsed);
  const context: ItemContext = { committee, date, key: `${committee ?? ''}|${date ? `${date.year}-${date.month}-${date.day}` : ''}` };
  const reused = (it: Item, i: number) => {
    const m = reuse?.(it, i);
    return m && m.contextKey === context.key ? m : undefined;
  };
  const items = doc.items.map((it, i) => reused(it, i) ?? buildItem(it, i, parsed, profile, context));
  const attendance = meetingAttendance(parsed, fields, { afbudF, subsF, membersF, dateF }, afbudField?.names.names ?? [], [...substitutions, ...fieldPairs], items);

  let members: Member[] | undefined;
  if (membersField) {
    members = membersField.names.names.map((n) => ({ name: n.name, party: n.party, declaration: n }));
    // A house whose member list names those present lists the absent apart: they are members too.
    if (profile.attendance.membersListed === 'present') {
      const listed = new Set(members.map((m) => m.name.toLowerCase()));
      for (const n of afbudField?.names.names ?? []) if (!listed.has(n.name.toLowerCase())) members.push({ name: n.name, party: n.party, declaration: n });
    }
    const known = new Set(members.map((m) => m.name.toLowerCase()));
    const addSubstitute = (p: PersonName) => {
      if (known.has(p.name.toLowerCase())) return;
      known.add(p.name.toLowerCase());
      members!.push({ name: p.name, party: p.party, declaration: p, substitute: true });
    };
    for (const s of attendance.substitutions) addSubstitute(s.substitute);
    for (const p of attendance.unpairedSubstitutes) addSubstitute(p);
  }

  return {
    document: doc,
    source,
    kind: doc.title?.kind ?? 'REFERAT',
    committee,
    period,
    titleDate,
    date,
    dateField: dateF,
    place: fieldValue(field('moedested')),
    municipality: fieldValue(field('kommune')),
    chair: fieldValue(field('formand')),
    secretary: fieldValue(field('referent')),
    profileField: (() => {
      const f = field('profil');
      return f ? valueNode(f, parsed) : undefined;
    })(),
    members,
    membersField,
    afbud: afbudField?.names.names ?? [],
    afbudField,
    substitutions,
    fields,
    items,
    attendance,
  };
}

/** Header fields read for what they are; the value of any other header field (`Bemærkninger: …`) is read for notes. */
const HEADER_KNOWN = /^(kommune|udvalg|mødedato|dato|mødested|sted|mødedeltagere|medlemmer|deltagere|formand|referent|profil|titel)$/iu;
/** Header fields that list absent members (the first `Afbud`/`Fraværende` is `afbudField`). */
const ABSENCE_FIELD = /^(afbud|fraværende|fraværende med afbud|ikke til stede|forfald)$/iu;

/**
 * The header's notes, and attendance from every place read as one: who is away from the whole
 * meeting, every substitution, every note about named items (spec §6.1).
 */
function meetingAttendance(
  parsed: ParseResult,
  fields: readonly Field[],
  used: { afbudF?: Field; subsF?: Field; membersF?: Field; dateF?: Field },
  afbud: readonly PersonName[],
  fieldSubstitutions: readonly Substitution[],
  items: readonly ItemModel[],
): MeetingAttendance {
  const sentences = sentencesOf(parsed.ast.headerBlocks, parsed);
  const extraAbsent: PersonName[] = [];
  const extraApologies: PersonName[] = [];
  const unpairedFromField: PersonName[] = [];
  const pairsInFields: Substitution[] = [];
  for (const f of fields) {
    if (f === used.afbudF || f === used.membersF || f === used.dateF) continue;
    const key = fieldKey(f.name.text);
    if (f === used.subsF) {
      // `Stedfortrædere: B` without `for A`: a substitute all the same.
      const paired = new Set(fieldSubstitutions.map((x) => x.substitute.nameRange.start.offset));
      for (const n of parseNameListField(f.value, parsed.lines).names) {
        if (!/\sfor\s/.test(n.name) && !paired.has(n.nameRange.start.offset)) unpairedFromField.push(n);
      }
      continue;
    }
    if (ABSENCE_FIELD.test(key)) {
      const names = parseNameListField(f.value, parsed.lines, pairsInFields).names;
      append(extraAbsent, names);
      if (/afbud/.test(key)) append(extraApologies, names);
      continue;
    }
    if (HEADER_KNOWN.test(key) || /^stedfortræder|^suppleant/.test(key)) continue;
    append(sentences, parseSentences(f.value, parsed.lines));
  }
  sentences.sort((a, b) => a.range.start.offset - b.range.start.offset);
  const built = buildAttendance(sentences, undefined);
  // Header substitutes without a named member: paired with the header's absences when the numbers agree.
  const headerAbsent = [...afbud, ...extraAbsent, ...built.forfald, ...built.absent];
  const unpaired = [...built.unpairedSubstitutes, ...unpairedFromField];
  const substituted = new Set([...fieldSubstitutions, ...pairsInFields, ...built.substitutes].map((x) => x.for.name.toLowerCase()));
  const open = headerAbsent.filter((a) => !substituted.has(a.name.toLowerCase()));
  const headerPairs: Substitution[] = [];
  let stillUnpaired = unpaired;
  if (unpaired.length > 0 && unpaired.length === open.length) {
    unpaired.forEach((n, i) => headerPairs.push({ substitute: n, for: open[i]! }));
    stillUnpaired = [];
  }
  const header: Attendance = {
    ...built,
    forfald: [...extraAbsent, ...built.forfald],
    apologies: [...extraApologies, ...built.apologies],
    substitutes: [...pairsInFields, ...built.substitutes, ...headerPairs],
    unpairedSubstitutes: stillUnpaired,
  };

  // The first item's absence notes cover the meeting where no later item notes anyone absent.
  const notesAbsence = (it: ItemModel) =>
    it.attendance.absent.length > 0 || it.attendance.absentFromItems.length > 0 || it.attendance.forfald.length > 0;
  const first = items[0];
  const firstItemCoversMeeting = !!first && !items.slice(1).some(notesAbsence);
  const absentFromMeeting: { name: PersonName; apologies: boolean }[] = [];
  const seen = new Set<number>();
  const apologised = new Set<number>();
  for (const a of [header, ...items.map((i) => i.attendance)]) for (const n of a.apologies) apologised.add(n.nameRange.start.offset);
  const put = (n: PersonName) => {
    if (seen.has(n.nameRange.start.offset)) return;
    seen.add(n.nameRange.start.offset);
    absentFromMeeting.push({ name: n, apologies: apologised.has(n.nameRange.start.offset) || afbud.includes(n) });
  };
  afbud.forEach(put);
  header.forfald.forEach(put);
  header.absent.forEach(put);
  for (const it of items) it.attendance.forfald.forEach(put);
  if (first && firstItemCoversMeeting) {
    const thisItem = new Set(first.attendance.sentences.filter((x) => x.thisItem).flatMap((x) => x.names.names));
    for (const n of first.attendance.sentences.filter((x) => x.kind === 'absent' && !x.items && !x.thisItem).flatMap((x) => x.names.names)) {
      if (!thisItem.has(n)) put(n);
    }
  }

  const substitutions: Substitution[] = [];
  const subSeen = new Set<string>();
  const pushSub = (x: Substitution) => {
    const key = `${x.for.nameRange.start.offset}:${x.substitute.nameRange.start.offset}`;
    if (subSeen.has(key)) return;
    subSeen.add(key);
    substitutions.push(x);
  };
  fieldSubstitutions.forEach(pushSub);
  header.substitutes.forEach(pushSub);
  for (const it of items) it.attendance.substitutes.forEach(pushSub);
  const unpairedSubstitutes = [...header.unpairedSubstitutes, ...items.flatMap((it) => it.attendance.unpairedSubstitutes)];
  const all = [header, ...items.map((it) => it.attendance)];
  return {
    header,
    firstItemCoversMeeting,
    absentFromMeeting,
    substitutions,
    unpairedSubstitutes,
    absentFromItems: all.flatMap((a) => a.absentFromItems),
    inhabilForItems: all.flatMap((a) => a.inhabilForItems),
  };
}

/** Every list item of a list, depth first. */
export function* listItems(list: List): Generator<ListItem> {
  for (const it of list.items) {
    yield it;
    for (const c of it.children) yield* listItems(c);
  }
}

export type { Range };
