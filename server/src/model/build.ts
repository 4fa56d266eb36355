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
import { parseNameListField, parseSentences, parseSubstitutesField } from '../syntax/sentences.js';
import { plainText, rangeOfText } from '../syntax/text.js';
import { findTitleDate, parseDanishDate, parseMeetingDate } from './dates.js';
import { decisionName, headerLabels, itemLabels, normaliseSectionHeading, parseDecisionHeading, sectionWordFor } from './vocabulary.js';
import type { Attendance, ItemModel, Meeting, MeetingDate, Member, Point, SectionModel, Substitution, Vote } from './types.js';

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
    if (b.type === 'paragraph') return plainText(b.content) === '';
    return false;
  });
}

function firstList(blocks: readonly Block[]): List | undefined {
  return blocks.find((b): b is List => b.type === 'list');
}

function points(list: List | undefined, parsed: ParseResult): Point[] {
  if (!list) return [];
  return list.items.map((it) => ({
    number: it.number,
    item: it,
    text: plainText(it.content),
    range: { start: it.range.start, end: it.content.segments.length ? it.content.range.end : it.range.end },
  }));
  void parsed;
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
  for (const b of blocks) {
    if (b.type === 'paragraph') {
      const found = parseSentences(b.content, parsed.lines);
      b.sentences = found;
      append(out, found);
    } else if (b.type === 'list') visitList(b);
  }
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
  const title = headingTitle(item.title.text);
  const caseNumberField = findField(item.fields, ...itemLabels('sagsnr'));
  const caseNumber = caseNumberField ? valueNode(caseNumberField, parsed) : undefined;
  const closedField = findField(item.fields, ...itemLabels('lukket'));
  const closed = isClosedValue(fieldValue(closedField)) || /^lukket\b/i.test(title);
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
  for (const s of sections) if (s.kind === 'beslutning') append(sentences, sentencesOf(s.node.blocks, parsed));

  const absentFieldNode = findField(item.fields, ...itemLabels('fravaerende'));
  const absentField = absentFieldNode
    ? { field: absentFieldNode, names: parseNameListField(absentFieldNode.value, parsed.lines) }
    : undefined;

  const attendance = buildAttendance(sentences, absentField);
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
    proposals: points(proposalList, parsed),
    decisionList,
    decisions: points(decisionList, parsed),
    attendance,
    otherFields,
    contextKey: context.key,
  };
}

function buildAttendance(
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
  for (const s of sentences) {
    const names = s.names.names;
    switch (s.kind) {
      case 'forfald':
        append(forfald, names);
        break;
      case 'absent':
        append(absent, names);
        break;
      case 'guest':
        append(guests, names);
        break;
      case 'left':
        for (const n of names) left.push({ name: n, afterItem: s.leftAfterItem?.text, sentence: s });
        break;
      case 'inhabil':
        append(inhabil, names);
        break;
      case 'council-request':
        append(councilRequests, names);
        break;
      case 'substitute':
        if (s.substitutedFor) for (const n of names) substitutes.push({ substitute: n, for: s.substitutedFor });
        break;
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
  }
  if (absentField) append(absent, absentField.names.names);
  return { sentences, forfald, absent, guests, left, inhabil, councilRequests, substitutes, votes, absentField };
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
  const afbudField = afbudF ? { field: afbudF, names: parseNameListField(afbudF.value, parsed.lines) } : undefined;
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
    for (const s of substitutions) addSubstitute(s.substitute);
    for (const it of items) for (const s of it.attendance.substitutes) addSubstitute(s.substitute);
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
