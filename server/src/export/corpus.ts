/**
 * The published archive as data: every meeting's export document (the edition applied, so
 * closed bodies and comments are already gone in the public edition) plus the facts the
 * site, the search index, OParl and Akoma Ntoso need from the meeting model — members,
 * absence and votes — taken only from what the edition publishes (a closed item's votes
 * and attendance notes are part of its body and stay out of the public edition).
 */
import type { Profile } from '../config/schema.js';
import { buildExportDocument } from './document.js';
import type { DocBlock, DocItem, DocList, Edition, ExportDocument } from './model.js';
import { inlineText } from './model.js';
import type { Meeting } from '../model/types.js';
import { SlugRegistry } from './fold.js';

export type VoteKind = 'for' | 'against' | 'abstain';

export interface ItemVote {
  readonly kind: VoteKind;
  readonly names: readonly string[];
  /** The count written in parentheses, else the number of names. */
  readonly count: number;
}

export interface PublishedItem {
  readonly doc: DocItem;
  /** Votes of the decision (empty for a closed item in the public edition). */
  readonly votes: readonly ItemVote[];
  /** Members who did not take part in this item. */
  readonly absent: readonly string[];
}

export interface PublishedMember {
  readonly name: string;
  readonly party?: string;
  readonly substitute: boolean;
}

export interface PublishedMeeting {
  readonly file: string;
  /** File name stem of its page, PDF and AKN file (`beskaeftigelsesudvalget-2024-12-03`). */
  readonly slug: string;
  readonly doc: ExportDocument;
  readonly body: BodyInfo;
  readonly committee: CommitteeInfo;
  /** `2024-12-03`, if known. */
  readonly isoDate?: string;
  /** `2024-12-03T16:30:00`, if the time is known (local time, no zone). */
  readonly isoDateTime?: string;
  /** When the minutes came into being: the meeting's date and time (RFC 3339), else the file's modification time. */
  readonly created: string;
  /** The later of `created` and the file's modification time: when the published minutes last changed. */
  readonly modified: string;
  readonly members: readonly PublishedMember[];
  /** Names in `Afbud` (and `havde forfald`). */
  readonly afbud: readonly string[];
  readonly items: readonly PublishedItem[];
}

export interface BodyInfo {
  readonly key: string;
  readonly slug: string;
  readonly name: string;
}

export interface CommitteeInfo {
  readonly key: string;
  readonly slug: string;
  readonly name: string;
  readonly body: BodyInfo;
}

export interface PersonInfo {
  readonly key: string;
  readonly slug: string;
  readonly name: string;
  readonly party?: string;
  readonly body: BodyInfo;
}

export interface CaseInfo {
  readonly number: string;
  readonly slug: string;
  readonly body: BodyInfo;
  /** Every treatment, oldest first. */
  readonly treatments: { readonly meeting: PublishedMeeting; readonly item: PublishedItem }[];
}

export interface Corpus {
  readonly edition: Edition;
  /** Newest first (then by committee). */
  readonly meetings: readonly PublishedMeeting[];
  readonly bodies: readonly BodyInfo[];
  readonly committees: readonly CommitteeInfo[];
  readonly persons: readonly PersonInfo[];
  readonly cases: readonly CaseInfo[];
  personKey(body: BodyInfo, name: string): string;
}

export interface CorpusInput {
  readonly file: string;
  readonly meeting: Meeting;
  readonly profile: Profile;
  /** The source file's modification time (ISO 8601), for OParl's `modified`. */
  readonly modified?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const EPOCH = '1970-01-01T00:00:00Z';

/** `created` (the earliest) and `modified` (the latest) over some meetings, for the objects drawn from several. */
export function span(meetings: readonly PublishedMeeting[]): { created: string; modified: string } {
  if (meetings.length === 0) return { created: EPOCH, modified: EPOCH };
  let created = meetings[0]!.created;
  let modified = meetings[0]!.modified;
  for (const m of meetings) {
    if (Date.parse(m.created) < Date.parse(created)) created = m.created;
    if (Date.parse(m.modified) > Date.parse(modified)) modified = m.modified;
  }
  return { created, modified };
}
const cleanName = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Plain text of blocks (paragraphs, lists, headings, tables), one block a line. */
export function blocksPlainText(blocks: readonly DocBlock[]): string {
  const out: string[] = [];
  const walkList = (list: DocList) => {
    for (const li of list.items) {
      out.push(inlineText(li.content));
      for (const c of li.children) walkList(c);
    }
  };
  for (const b of blocks) {
    if (b.type === 'paragraph' || b.type === 'heading') out.push(inlineText(b.content));
    else if (b.type === 'list') walkList(b);
    else {
      if (b.header) out.push(b.header.map(inlineText).join(' | '));
      for (const r of b.rows) out.push(r.map(inlineText).join(' | '));
    }
  }
  return out.filter((s) => s.trim()).join('\n');
}

/** The published text of an item: its preamble and its sections with their headings. */
export function itemPlainText(item: DocItem): string {
  return [blocksPlainText(item.preamble), ...item.sections.map((s) => `${s.heading}\n${blocksPlainText(s.blocks)}`)].filter(Boolean).join('\n');
}

/** Builds the archive from analysed meetings. */
export function buildCorpus(inputs: readonly CorpusInput[], edition: Edition): Corpus {
  const builder = corpusBuilder(edition);
  for (const input of inputs) builder.add(input);
  return builder.finish();
}

export interface CorpusBuilder {
  /** Adds a meeting. The analysis is not kept: only what is published (a large archive's syntax trees do not all stay in memory). */
  add(input: CorpusInput): void;
  finish(): Corpus;
}

/** Builds the archive one meeting at a time. */
export function corpusBuilder(edition: Edition): CorpusBuilder {
  const bodySlugs = new SlugRegistry();
  const committeeSlugs = new SlugRegistry();
  const personSlugs = new SlugRegistry();
  const meetingSlugs = new SlugRegistry();
  const caseSlugs = new SlugRegistry();
  const bodies = new Map<string, BodyInfo>();
  const committees = new Map<string, CommitteeInfo>();
  const persons = new Map<string, PersonInfo>();
  const cases = new Map<string, CaseInfo & { treatments: CaseInfo['treatments'][number][] }>();
  const personKey = (body: BodyInfo, name: string) => `${body.key}\u0000${cleanName(name).toLowerCase()}`;

  const meetings: PublishedMeeting[] = [];
  const add = ({ file, meeting, profile, modified: fileModified }: CorpusInput): void => {
    const doc = buildExportDocument(meeting, profile, { edition });
    const bodyName = cleanName(doc.municipality ?? meeting.municipality ?? '') || 'Kommunen';
    const bodyKey = bodyName.toLowerCase();
    let body = bodies.get(bodyKey);
    if (!body) bodies.set(bodyKey, (body = { key: bodyKey, slug: bodySlugs.get(bodyKey, bodyName), name: bodyName }));
    const committeeName = cleanName(doc.committee ?? '') || doc.title;
    const committeeKey = `${bodyKey}\u0000${committeeName.toLowerCase()}`;
    let committee = committees.get(committeeKey);
    if (!committee) committees.set(committeeKey, (committee = { key: committeeKey, slug: committeeSlugs.get(committeeKey, committeeName), name: committeeName, body }));
    const d = meeting.date?.valid ? meeting.date : undefined;
    const isoDate = doc.isoDate ?? (d ? `${d.year}-${pad(d.month)}-${pad(d.day)}` : undefined);
    const isoDateTime = isoDate && d?.hour !== undefined ? `${isoDate}T${pad(d.hour)}:${pad(d.minute ?? 0)}:00` : undefined;
    const slug = meetingSlugs.get(file, `${committeeName}-${isoDate ?? 'uden-dato'}`);

    const members: PublishedMember[] = (meeting.members ?? []).map((m) => ({ name: cleanName(m.name), party: m.party, substitute: !!m.substitute }));
    const afbud = new Set(meeting.afbud.map((p) => cleanName(p.name)));
    const items: PublishedItem[] = meeting.items.map((it, i) => {
      const docItem = doc.items[i]!;
      // What a closed item's decision says is part of its body: not in the public edition.
      if (docItem.redacted) return { doc: docItem, votes: [], absent: [] };
      for (const f of it.attendance.forfald) afbud.add(cleanName(f.name));
      const votes = it.attendance.votes.map((v) => {
        const names = v.sentence.names.names.map((n) => cleanName(n.name)).filter(Boolean);
        return { kind: v.kind, names, count: v.sentence.count?.value ?? names.length };
      });
      const absent = [...new Set(it.attendance.absent.map((n) => cleanName(n.name)))];
      return { doc: docItem, votes, absent };
    });
    const dated = meetingDateTime({ isoDate, isoDateTime });
    const created = dated ?? fileModified ?? EPOCH;
    const modified = fileModified && Date.parse(fileModified) > Date.parse(created) ? fileModified : created;
    const published: PublishedMeeting = { file, slug, doc, body, committee, isoDate, isoDateTime, created, modified, members, afbud: [...afbud], items };
    meetings.push(published);

    const addPerson = (name: string, party?: string) => {
      const key = personKey(body!, name);
      if (!persons.has(key)) persons.set(key, { key, slug: personSlugs.get(key, name), name, party, body: body! });
    };
    for (const m of members) addPerson(m.name, m.party);
    for (const a of afbud) addPerson(a);
    for (const it of items) for (const v of it.votes) for (const n of v.names) addPerson(n);
  };
  const finish = (): Corpus => {
    meetings.sort((a, b) => (b.isoDateTime ?? b.isoDate ?? '').localeCompare(a.isoDateTime ?? a.isoDate ?? '') || a.committee.name.localeCompare(b.committee.name, 'da'));
    // Cases: oldest treatment first.
    for (const m of [...meetings].reverse()) {
      for (const item of m.items) {
        const number = item.doc.caseNumber?.trim();
        if (!number) continue;
        const key = `${m.body.key}\u0000${number}`;
        let c = cases.get(key);
        if (!c) cases.set(key, (c = { number, slug: caseSlugs.get(key, number), body: m.body, treatments: [] }));
        c.treatments.push({ meeting: m, item });
      }
    }
    const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'da');
    return {
      edition,
      meetings,
      bodies: [...bodies.values()].sort(byName),
      committees: [...committees.values()].sort(byName),
      persons: [...persons.values()].sort(byName),
      cases: [...cases.values()].sort((a, b) => a.number.localeCompare(b.number, 'da')),
      personKey,
    };
  };
  return { add, finish };
}

/** How a person took part in a meeting: `present`, `absent` (Afbud/forfald) or `substitute`; undefined when not named. */
export function attendanceOf(m: PublishedMeeting, name: string): 'present' | 'absent' | 'substitute' | undefined {
  if (m.afbud.includes(name)) return 'absent';
  const member = m.members.find((x) => x.name === name);
  if (!member) return undefined;
  return member.substitute ? 'substitute' : 'present';
}

/**
 * An RFC 3339 date-time for a meeting: its date and time (midnight when no time is written)
 * in Danish time, with the offset of that day (`2024-12-03T16:30:00+01:00`).
 */
export function meetingDateTime(m: Pick<PublishedMeeting, 'isoDate' | 'isoDateTime'>): string | undefined {
  if (!m.isoDate) return undefined;
  const local = m.isoDateTime ?? `${m.isoDate}T00:00:00`;
  // The offset Copenhagen has at that moment (taken at noon UTC of the day: DST changes at night).
  const probe = new Date(`${m.isoDate}T12:00:00Z`);
  let offset = '+01:00';
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Copenhagen', timeZoneName: 'longOffset' })
      .formatToParts(probe)
      .find((p) => p.type === 'timeZoneName')?.value;
    const match = name && /GMT([+-]\d{2}:\d{2})/.exec(name);
    if (match) offset = match[1]!;
  } catch {
    /* no time-zone data: standard time */
  }
  return `${local}${offset}`;
}
