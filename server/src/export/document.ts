/**
 * Meeting model + house-style profile + edition → the export document.
 *
 * This is the one place that decides what is published:
 * - comments never reach the export document (in either edition; spec §4);
 * - in the `public` edition a closed item keeps its number, title and case number only;
 * - sections follow the profile's order and display names, the decision heading follows
 *   the profile (`Beslutning <udvalg> den <DD-MM-YYYY>` for `committee-date`);
 * - the `Fraværende:` item field is printed as `<names> deltog ikke i sagens behandling.`
 */
import { findDates } from '../model/dates.js';
import { buildDecisionHeading, buildItemHeading, headerLabel, headerLabels, saysMore } from '../model/vocabulary.js';
import type { Profile } from '../config/schema.js';
import type { ItemModel, Meeting, SectionModel } from '../model/types.js';
import type { Block, Field, Inline, InlineText, List, Table } from '../syntax/ast.js';
import { parseInline } from '../syntax/inline.js';
import { normalizeSpace, parseInlineMarkup, safeHref, stripComments } from './inline.js';
import type {
  DocAttachment,
  DocBlock,
  DocItem,
  DocList,
  DocSection,
  DocTable,
  Edition,
  ExportDocument,
  HeaderField,
  InlineNode,
} from './model.js';
import { inlineText } from './model.js';

export interface DocumentOptions {
  readonly edition?: Edition;
}

const WEEKDAYS = ['Søndag', 'Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lørdag'];
const MONTHS = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];

const pad = (n: number) => String(n).padStart(2, '0');

/** `Tirsdag d. 03. december 2024 kl. 16:30` (the time only when known). */
export function danishLongDate(year: number, month: number, day: number, hour?: number, minute?: number): string {
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? '';
  const base = `${weekday} d. ${pad(day)}. ${MONTHS[month - 1] ?? String(month)} ${year}`;
  return hour !== undefined ? `${base} kl. ${pad(hour)}:${pad(minute ?? 0)}` : base;
}

/** `A`, `A og B`, `A, B og C`. */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} og ${names[names.length - 1]}`;
}

/** The source line of a header field, by any of its labels. */
function fieldLine(fields: readonly Field[], names: readonly string[]): number | undefined {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return fields.find((x) => wanted.has(x.name.text.trim().toLowerCase()))?.range.start.line;
}

function fieldValue(fields: readonly Field[], name: string): string | undefined {
  return writtenValue(fields.find((x) => x.name.text.trim().toLowerCase() === name.toLowerCase()));
}

/** A field's value as written (comments dropped, spaces normalised), if it has one. */
function writtenValue(f: Field | undefined): string | undefined {
  if (!f) return undefined;
  const v = normalizeSpace(stripComments(f.value.text)).trim();
  return v || undefined;
}

/** The syntax layer's inline nodes → export inline nodes: comments dropped, unsafe links reduced to their text. */
function fromSyntax(nodes: readonly Inline[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        out.push({ type: 'text', text: n.text });
        break;
      case 'comment':
        out.push({ type: 'text', text: ' ' });
        break;
      case 'strong':
        out.push({ type: 'strong', children: fromSyntax(n.children) });
        break;
      case 'emphasis':
        out.push({ type: 'emphasis', children: fromSyntax(n.children) });
        break;
      case 'link': {
        const href = safeHref(n.url.text);
        const children = fromSyntax(n.children);
        if (href !== undefined) out.push({ type: 'link', href, children });
        else out.push(...children);
        break;
      }
    }
  }
  return out;
}

/** Folds whitespace (comments leave gaps) and trims the ends of a run of inline nodes. */
function tidy(nodes: InlineNode[]): InlineNode[] {
  const fold = (list: readonly InlineNode[]): InlineNode[] => {
    const out: InlineNode[] = [];
    for (const n of list) {
      const m: InlineNode = n.type === 'text' ? { type: 'text', text: n.text.replace(/\s+/g, ' ') } : { ...n, children: fold(n.children) };
      const last = out[out.length - 1];
      if (m.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', text: (last.text + m.text).replace(/ {2,}/g, ' ') };
      else out.push(m);
    }
    return out;
  };
  const out = fold(nodes);
  const trimEdge = (list: InlineNode[], atStart: boolean): void => {
    const i = atStart ? 0 : list.length - 1;
    const n = list[i];
    if (!n) return;
    if (n.type === 'text') {
      const text = atStart ? n.text.trimStart() : n.text.trimEnd();
      if (text) list[i] = { type: 'text', text };
      else {
        list.splice(i, 1);
        trimEdge(list, atStart);
      }
    }
  };
  trimEdge(out, true);
  trimEdge(out, false);
  return out;
}

function inlines(inline: InlineText): InlineNode[] {
  try {
    return tidy(fromSyntax(parseInline(inline)));
  } catch {
    // The local reader is the fallback: an export must not fail on odd inline markup.
    return parseInlineMarkup(inline.text);
  }
}

function convertList(list: List): DocList {
  return {
    type: 'list',
    line: list.range.start.line,
    ordered: list.ordered,
    items: list.items.map((li) => ({
      number: li.number,
      content: inlines(li.content),
      children: li.children.map(convertList),
    })),
  };
}

function convertTable(table: Table): DocTable {
  const header = table.header;
  const body = table.rows.filter((r) => !r.delimiter && r !== header);
  return {
    type: 'table',
    line: table.range.start.line,
    header: header ? header.cells.map((c) => inlines(c.content)) : undefined,
    rows: body.map((r) => r.cells.map((c) => inlines(c.content))),
    align: [...table.align],
  };
}

/** Converts blocks, dropping comments and blocks left empty once comments are gone. */
export function convertBlocks(blocks: readonly Block[]): DocBlock[] {
  const out: DocBlock[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'comment':
        break;
      case 'paragraph': {
        const content = inlines(b.content);
        if (inlineText(content).trim() !== '') out.push({ type: 'paragraph', content, line: b.range.start.line });
        break;
      }
      case 'subheading': {
        const content = inlines(b.content);
        if (inlineText(content).trim() !== '') out.push({ type: 'heading', level: Math.max(4, b.level), content, line: b.range.start.line });
        break;
      }
      case 'list':
        if (b.items.length > 0) out.push(convertList(b));
        break;
      case 'table':
        out.push(convertTable(b));
        break;
    }
  }
  return out;
}

function formatShort(d: { year: number; month: number; day: number }): string {
  return `${pad(d.day)}-${pad(d.month)}-${d.year}`;
}

/** The meeting's day: its Mødedato when valid, else the date in its title. */
function meetingDay(meeting: Meeting): { year: number; month: number; day: number } | undefined {
  return meeting.date && meeting.date.valid ? meeting.date : meeting.titleDate;
}

/**
 * The heading a section is published under: the profile's name of its kind; this meeting's
 * decision in the profile's decision-heading form (`Beslutning i Byrådet den 01-09-2021`,
 * `Kommunalbestyrelsen den 20. august 2020:`); an earlier decision of the chain as written.
 */
function sectionHeading(section: SectionModel, meeting: Meeting, profile: Profile): string {
  if (section.kind === 'beslutning') {
    const plain = buildDecisionHeading(profile, undefined, undefined);
    const styled = buildDecisionHeading(profile, meeting.committee, meetingDay(meeting));
    // A plain house style keeps a committee and date the writer gave (`Beslutning X den …`).
    if (styled === plain && section.decisionBody) return normalizeSpace(stripComments(section.node.title)).trim() || `${plain} ${section.decisionBody.committee} den ${section.decisionBody.date}`;
    // A heading written with more than the house's form (`…, 03-04-2019, pkt. 42`) is printed as written.
    const written = normalizeSpace(stripComments(section.node.title)).trim();
    if (section.decisionBody && saysMore(written, styled)) return written;
    return styled;
  }
  if (section.kind === 'unknown' || section.kind === 'earlier-decision') return normalizeSpace(stripComments(section.node.title)).trim() || section.displayName;
  return section.displayName;
}

/** Sections in profile order; unknown sections stay after the section they followed. */
function orderSections(sections: readonly SectionModel[], profile: Profile): SectionModel[] {
  if (profile.sectionOrder === 'none') return [...sections];
  const keyed: { s: SectionModel; key: number; idx: number }[] = [];
  let last = -1;
  sections.forEach((s, idx) => {
    const p = profile.sections.findIndex((d) => d.kind === s.kind);
    const key = p >= 0 ? p : last + 0.5;
    if (p >= 0) last = p;
    keyed.push({ s, key, idx });
  });
  return keyed.sort((a, b) => a.key - b.key || a.idx - b.idx).map((k) => k.s);
}

function attachmentsOf(blocks: readonly DocBlock[]): DocAttachment[] {
  const out: DocAttachment[] = [];
  for (const b of blocks) {
    if (b.type === 'list') {
      for (const li of b.items) {
        const name = inlineText(li.content).trim();
        if (!name) continue;
        const link = li.content.find((n) => n.type === 'link');
        out.push(link && link.type === 'link' ? { name, href: link.href } : { name });
      }
    } else if (b.type === 'paragraph') {
      const name = inlineText(b.content).trim();
      const link = b.content.find((n) => n.type === 'link');
      if (name) out.push(link && link.type === 'link' ? { name, href: link.href } : { name });
    }
  }
  return out;
}

function anchorFor(number: string, used: Set<string>): string {
  const base = `punkt-${number.replace(/[^0-9A-Za-z]+/g, '-').replace(/^-+|-+$/g, '') || 'x'}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

function buildItem(
  item: ItemModel,
  meeting: Meeting,
  profile: Profile,
  edition: Edition,
  used: Set<string>,
  shortDate?: string,
): DocItem {
  const number = normalizeSpace(item.number).trim();
  const title = normalizeSpace(stripComments(item.title)).trim();
  const caseNumber = item.caseNumber ? normalizeSpace(stripComments(item.caseNumber.text)).trim() || undefined : undefined;
  const anchor = anchorFor(number, used);
  if (item.closed && edition === 'public') {
    return { number, heading: buildItemHeading(profile, number, title, true), title, caseNumber, closed: true, redacted: true, anchor, preamble: [], sections: [], attachments: [], line: item.node.range.start.line };
  }
  const sections: DocSection[] = [];
  let attachments: DocAttachment[] = [];
  for (const s of orderSections(item.sections, profile)) {
    const def = profile.sections.find((d) => d.kind === s.kind);
    const blocks = convertBlocks(s.node.blocks);
    if (s.kind === 'bilag') attachments = attachments.concat(attachmentsOf(blocks));
    sections.push({
      kind: s.kind,
      heading: sectionHeading(s, meeting, profile),
      portalClass: def?.portalClass,
      blocks,
      line: s.node.range.start.line,
    });
  }
  // The structured `Fraværende:` field is published as the sentence (spec §6).
  const absentField = item.attendance.absentField;
  if (absentField && absentField.names.names.length > 0) {
    const names = joinNames(absentField.names.names.map((n) => n.name));
    // The house style's wording: a `Fraværende: …` line, or the sentence (spec §6).
    const { style, label } = profile.attendance;
    const text = style === 'line' ? `${label ?? 'Fraværende'}: ${writtenValue(absentField.field) ?? names}` : `${names} deltog ikke i sagens behandling.`;
    const sentence: DocBlock = { type: 'paragraph', content: [{ type: 'text', text }] };
    const decision = sections.find((s) => s.kind === 'beslutning');
    if (decision) {
      sections[sections.indexOf(decision)] = { ...decision, blocks: [...decision.blocks, sentence] };
    } else {
      const def = profile.sections.find((d) => d.kind === 'beslutning');
      const heading = buildDecisionHeading(profile, meeting.committee, meetingDay(meeting));
      const at = profile.sections.findIndex((d) => d.kind === 'beslutning');
      const newSection: DocSection = { kind: 'beslutning', heading, portalClass: def?.portalClass, blocks: [sentence] };
      // Insert in profile order.
      let pos = sections.length;
      for (let i = 0; i < sections.length; i++) {
        const k = profile.sections.findIndex((d) => d.kind === sections[i]!.kind);
        if (at >= 0 && k > at) {
          pos = i;
          break;
        }
      }
      sections.splice(pos, 0, newSection);
    }
  }
  return {
    number,
    heading: buildItemHeading(profile, number, title, item.closed),
    title,
    caseNumber,
    closed: item.closed,
    redacted: false,
    anchor,
    preamble: convertBlocks(item.node.preamble),
    sections,
    attachments,
    line: item.node.range.start.line,
  };
}

/** Builds the export document; never throws on odd input (missing title, date, items …). */
export function buildExportDocument(meeting: Meeting, profile: Profile, options: DocumentOptions = {}): ExportDocument {
  const edition = options.edition ?? 'public';
  const date = meeting.date;
  const dmy = date && date.valid ? date : meeting.titleDate;
  const shortDate = dmy ? formatShort(dmy) : undefined;
  const isoDate = dmy ? `${dmy.year}-${pad(dmy.month)}-${pad(dmy.day)}` : undefined;
  // A date the writer spelled out (`tirsdag den 1. november 2016 kl. 15:30`) is published as
  // written; an ISO date in the Danish long form.
  const written = date && date.valid && date.form !== 'iso' ? fieldValue(meeting.fields, 'Mødedato') ?? fieldValue(meeting.fields, 'Dato') : undefined;
  const longDate = written
    ? written
    : date && date.valid
      ? danishLongDate(date.year, date.month, date.day, date.hour, date.minute)
      : dmy
        ? danishLongDate(dmy.year, dmy.month, dmy.day)
        : fieldValue(meeting.fields, 'Mødedato');
  const time = date && date.valid && date.hour !== undefined ? `${pad(date.hour)}:${pad(date.minute ?? 0)}` : undefined;

  const kind = meeting.kind;
  const committee = meeting.committee ? normalizeSpace(stripComments(meeting.committee)).trim() || undefined : undefined;
  const t = meeting.document.title;
  let title = t
    ? normalizeSpace([t.kind, t.rest ? inlineText(parseInlineMarkup(t.rest.text)) : ''].join(' ')).trim()
    : '';
  if (!title) title = [kind, committee].filter(Boolean).join(' ');
  if (shortDate && !/\d{1,2}-\d{1,2}-\d{4}/.test(title)) title = `${title} d. ${shortDate}`;
  // Imported minutes keep their own opening (`Referat til mødet i Udvalget for Teknik og
  // Miljø den 22. juni 2020 kl. 17:30`) as header notes: that opening is the title, published
  // as written, not a second, generated one above it.
  let notes = headerNotes(meeting, t?.range.start.offset ?? -1);
  const opening = openingTitle(notes, kind, committee);
  if (opening) {
    title = opening.text;
    notes = notes.filter((_, k) => !opening.notes.includes(k));
  }
  // The date the opening states is the meeting's date as published: no generated Mødedato
  // beside it when the file's Mødedato is the bare ISO date an import writes.
  const dateStated = !!opening && !!date?.valid && date.form === 'iso' && statesDate(opening.text, date);
  // A bare ISO date (no time: the form an import writes where the document names its day only
  // in running text) that the title or the opening's notes already state: a Mødedato line would
  // only say it again, in words the document does not have.
  const bareDate = !!date?.valid && date.form === 'iso' && date.hour === undefined;
  const repeated = bareDate && (statesDate(title, date) || notes.some((n) => n.type === 'paragraph' && statesDate(inlineText(n.content), date)));

  const participants = meeting.membersField
    ? meeting.membersField.names.names.map((n) => (n.party ? `${n.name} (${n.party})` : n.name))
    : [];
  const absent = meeting.afbud.map((n) => n.name);

  const header: HeaderField[] = [];
  const add = (key: string, value: string | undefined) => {
    const line = fieldLine(meeting.fields, headerLabels(key, profile));
    if (value) header.push({ label: label(key), value, ...(line !== undefined ? { line } : {}) });
  };
  // Header labels as the house style publishes them (the profile's `header`), else the markup's.
  const label = (key: string) => headerLabel(key, profile);
  const place = meeting.place ? normalizeSpace(stripComments(meeting.place)).trim() : fieldValue(meeting.fields, 'Mødested');
  if (!dateStated && !repeated) add('moededato', longDate);
  add('moedested', place);
  add('moededeltagere', writtenValue(meeting.membersField?.field) ?? (participants.length ? participants.join(', ') : fieldValue(meeting.fields, 'Mødedeltagere')));
  add('stedfortraedere', fieldValue(meeting.fields, 'Stedfortrædere'));
  // As written: the names alone would drop what the writer put beside them (`Anne Hjorth
  // (stedfortræder: Gitte Terndrup)`, a party letter).
  add('afbud', writtenValue(meeting.afbudField?.field) ?? (absent.length ? joinNames(absent) : fieldValue(meeting.fields, 'Afbud')));
  add('formand', meeting.chair ? normalizeSpace(stripComments(meeting.chair)).trim() : undefined);
  add('referent', meeting.secretary ? normalizeSpace(stripComments(meeting.secretary)).trim() : undefined);

  const used = new Set<string>();
  // In the author's order (a field the model made, such as a date from the title, first).
  header.sort((x, y) => (x.line ?? -1) - (y.line ?? -1));
  const items = meeting.items.map((it) => buildItem(it, meeting, profile, edition, used, shortDate));
  return {
    kind,
    edition,
    title,
    committee,
    period: meeting.period,
    municipality: meeting.municipality ? normalizeSpace(stripComments(meeting.municipality)).trim() : undefined,
    isoDate,
    shortDate,
    longDate,
    time,
    place,
    participants,
    absent,
    chair: meeting.chair,
    secretary: meeting.secretary,
    header,
    notes,
    // A list of the headings right above the same headings, and nothing else, says nothing: where no
    // item has anything under its heading (an outline, minutes cut after their contents), none.
    contents: profile.contents && items.some((it) => it.sections.length > 0 || it.preamble.length > 0 || it.redacted),
    ...(profile.caseNumber.label ? { caseNumberLabel: profile.caseNumber.label } : {}),
    items,
    lang: 'da',
  };
}

/** The words that name a document's kind in its opening, by the markup's kind. */
const KIND_WORD: Readonly<Record<Meeting['kind'], RegExp>> = {
  REFERAT: /(?<![\p{L}\p{N}])(?:referat|beslutningsprotokol)(?![\p{L}\p{N}])/iu,
  DAGSORDEN: /(?<![\p{L}\p{N}])dagsorden(?![\p{L}\p{N}])/iu,
};

const TITLE_NOTES_SCANNED = 4;

/**
 * The header notes that are the minutes' own title: among the first few, the paragraph that
 * names the document's kind (`Referat`, `Referat af møde i Kommunalbestyrelsen`), with the
 * paragraph beside it when that one is the committee's name alone (`Kommunalbestyrelsen` /
 * `Referat • 25. marts 2025 kl. 17.00`). The committee must be named in them, so a system
 * label such as `Sbsys dagsorden preview` is not taken for the title.
 */
function openingTitle(notes: readonly DocBlock[], kind: Meeting['kind'], committee: string | undefined): { text: string; notes: number[] } | undefined {
  const textOf = (k: number) => {
    const b = notes[k];
    return b?.type === 'paragraph' ? normalizeSpace(inlineText(b.content)).trim() : undefined;
  };
  const same = (a: string | undefined, b: string) => !!a && a.toLowerCase() === b.toLowerCase();
  for (let k = 0; k < Math.min(notes.length, TITLE_NOTES_SCANNED); k++) {
    const text = textOf(k);
    if (!text || !KIND_WORD[kind].test(text)) continue;
    const picked = [k];
    if (committee && !text.toLowerCase().includes(committee.toLowerCase())) {
      if (same(textOf(k - 1), committee)) picked.unshift(k - 1);
      else if (same(textOf(k + 1), committee)) picked.push(k + 1);
      // A line naming the kind but not this committee (a system's `Sbsys dagsorden preview`): the next may be the title.
      else continue;
    }
    return { text: picked.map(textOf).join(' '), notes: picked };
  }
  return undefined;
}

/** Whether the text names the given day, in any form the date reader knows. */
function statesDate(text: string, day: { year: number; month: number; day: number }): boolean {
  for (const d of findDates(text)) if (d.year === day.year && d.month === day.month && d.day === day.day) return true;
  return false;
}

/**
 * Free text of the header (after the title): meeting notes as many kommuner publish them
 * above the first item. A paragraph holding a stray `-->` is the tail of a comment the writer
 * meant to end later; it is left out, since comments are internal notes (a `-->` after an
 * escaped `&lt;!--`, text that quotes a comment, is text and stays).
 */
function headerNotes(meeting: Meeting, titleAt: number): DocBlock[] {
  const blocks = meeting.document.headerBlocks.filter((b) => b.range.start.offset > titleAt && !strayCommentEnd(meeting.source.slice(b.range.start.offset, b.range.end.offset)));
  return convertBlocks(blocks);
}

/** A `-->` in the source that no escaped `&lt;!--` before it in the same block accounts for (text quoting a comment is kept). */
function strayCommentEnd(source: string): boolean {
  const at = source.indexOf('-->');
  return at >= 0 && !source.slice(0, at).includes('&lt;!--');
}

export { safeHref };
