/**
 * Learning a house-style profile from a kommune's published minutes (`referat profile infer`,
 * `referat import --profile auto`). Pure: the caller reads the files and imports them; this
 * module gets, per document, the imported markup and (where there is one) the published text
 * it came from.
 *
 * What the imported model keeps (items, their numbers, case numbers, section headings and
 * their order, attendance notes) is read from the markup. What the import normalises away is
 * read from the published text: the item heading as published (`Punkt 12 Title`, `12. Title`),
 * the decision heading (`Beslutning i Byrådet den 01-09-2021`, `Byrådet, 16.12.2014`), the case
 * number's label, the header labels. Nothing here knows a kommune: every form is generalised
 * from what the documents show (a case number becomes a preset or a pattern, never a list of
 * numbers; a date becomes a date format), and every answer says how many documents agree.
 */
import { analyze } from '../engine.js';
import { caseNumberOf } from '../import/casenumber.js';
import { contentsRunIn, headerLabel, headerLabelsWithin } from '../import/vocabulary.js';
import { CASE_NUMBER_FORMS } from '../model/casenumbers.js';
import { parseDanishDate } from '../model/dates.js';
import { HEADER_FIELD_WORDS, parseDecisionHeading, SECTION_WORDS, sectionWordFor, STATUS_MARKER_SOURCE } from '../model/vocabulary.js';
import type { Meeting } from '../model/types.js';
import { companionsOnly, splitHeadings } from '../import/style.js';
import { parseConfig, resolveConfig } from '../config/resolve.js';
import type { AttendancePlacement, ConfigInput, HeaderFieldDef, NumberingScheme, ProfileInput, SectionDef } from '../config/schema.js';

export interface InferDocument {
  /** The file (for the report). */
  readonly name: string;
  /** The minutes as referat markup: imported, or the `.referat` file itself. */
  readonly markup: string;
  /** The published text the markup was imported from; undefined for a `.referat` file or a portal record. */
  readonly source?: string;
  /** The markup is an import without published text (a portal record): its item headings are the importer's, not the kommune's. */
  readonly imported?: boolean;
}

/** One line of the report: what was inferred, and how many documents agree. */
export interface InferLine {
  readonly key: 'kommune' | 'itemHeading' | 'decisionHeading' | 'sections' | 'sectionOrder' | 'emptySections' | 'numbering' | 'caseNumber' | 'attendance' | 'header' | 'contents';
  /** Documents that agree with the value (or show it). */
  readonly agree: number;
  /** Documents that could say anything about it. */
  readonly of: number;
  readonly da: string;
  readonly en: string;
}

export interface InferredProfile {
  readonly name: string;
  /** The profile (complete, valid under the profile schema). */
  readonly profile: ProfileInput & { name: string };
  /** A `.referatrc.json` that defines the profile under `profiles` and selects it. */
  readonly config: ConfigInput;
  readonly report: InferLine[];
}

export interface InferOptions {
  /** The profile's name; by default the kommune's (`viborg`), else {@link fallbackName}, else `inferred`. */
  readonly name?: string;
  /** The name where the documents name no kommune (e.g. the file's), made a slug. */
  readonly fallbackName?: string;
}

// ───────────────────────────── vocabulary of forms ─────────────────────────────

/** The vocabulary's name of a kind (the markup's, for the built-in kinds), and its portal class. */
const WORD_OF = new Map(SECTION_WORDS.map((w) => [w.kind, w] as const));
const CORE_KINDS = new Set(['resume', 'indstilling', 'beslutning', 'sagsfremstilling', 'oekonomi', 'bilag']);

/** The profile's field key of a header field, by the markup's label (`Mødested` → `moedested`). */
const HEADER_FIELD_ID: Readonly<Record<string, string>> = Object.fromEntries(HEADER_FIELD_WORDS.map((w) => [w.name, w.key]));

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
/** A date as headings write it: numeric (01-09-2021, 20.09.2016, 1/9 2021) or with a month name (20. august 2020, 3. dec. 2024). */
const DATE_IN_HEADING = String.raw`\d{1,2}[-./]\d{1,2}[-./ ](?:\d{4}|\d{2})|\d{1,2}\.?\s*(?:${MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?\s+\d{4}`;
/**
 * A decision heading: an optional `Beslutning [i]`, the committee (perhaps in the genitive with
 * `møde`), `den`/`d.`/a comma, the date, an optional colon. Example lines: `Beslutning i
 * Byrådet den 01-09-2021`, `Byrådet, 16.12.2014`, `Hovedudvalgets møde den 28. april 2021:`.
 */
const DECISION_LINE = new RegExp(
  String.raw`^(?<pre>Beslutning(?:\s+i)?\s+)?(?<committee>\p{Lu}[\p{L}\-–& ]{1,70}?)(?<gen>s\s+møde)?(?<sep>\s+den|\s+d\.|,)\s+(?<date>${DATE_IN_HEADING})(?<pkt>\s*,\s*pkt\.\s*\d+)?(?<post>\s*:)?$`,
  'iu',
);
/** The same heading with the decision's text run in after the date (`Byrådet, 16.12.2014 Godkendt.`). */
const DECISION_RUN_IN = new RegExp(DECISION_LINE.source.replace(/\$$/, String.raw`\s+(?<rest>\p{Lu}.*)$`), 'iu');

/**
 * The usual order of the sections of published minutes (spec §10), for kinds the documents do
 * not order against each other: what the case is (who decides it, the decision asked for), its presentation and background, its
 * consequences and hearings, the proposal, the decision, the attachments. Evidence in the
 * documents always wins over it.
 */
const USUAL_ORDER = [
  'resume', 'kompetence', 'beslutningstema', 'sagstype', 'anledning', 'praesentation', 'sagsfremstilling', 'historik', 'sagsgang', 'behandling',
  'lovgrundlag', 'vurdering', 'oekonomi', 'konsekvenser', 'klima', 'bemaerkninger', 'hoering', 'kommunikation', 'tidsplan', 'personale',
  'indstilling', 'beslutning', 'bilag',
];

// ───────────────────────────── small helpers ─────────────────────────────

const lowerKey = (s: string) => s.toLocaleLowerCase('da').normalize('NFC').replace(/[:.]+$/, '').replace(/\s+/g, ' ').trim();

/** A published line without page decoration: no-break spaces, bullets, bold marks, markup `#`s. */
function plainLine(raw: string): string {
  return raw
    .replace(/\u00a0/g, ' ')
    .replace(/\*\*/g, '')
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/^\s*[•●▪◦]\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `viborg`, `lyngby-taarbaek`, `bornholm` (Bornholms Regionskommune): a profile name from a kommune name. */
export function slugOf(text: string): string {
  return text
    .toLocaleLowerCase('da')
    .replace(/s?\s+regionskommune$/u, '')
    .replace(/\s+kommune$/u, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The kind of a section heading: the vocabulary's (spec §4 and §10), or one named after the heading. */
function kindOf(name: string): string {
  return sectionWordFor(name)?.kind ?? (slugOf(lowerKey(name)) || 'afsnit');
}

function tally<T>(values: readonly T[]): [T, number][] {
  const m = new Map<T, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1]);
}

function majority<T>(values: readonly T[]): { value: T; count: number } | undefined {
  const t = tally(values)[0];
  return t && { value: t[0], count: t[1] };
}

function lines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\f/g, '\n').split('\n');
}

function both(da: string, en: string): { da: string; en: string } {
  return { da, en };
}

// ───────────────────────────── per document ─────────────────────────────

interface DocFacts {
  readonly name: string;
  readonly meeting: Meeting;
  readonly committee?: string;
  readonly date?: { year: number; month: number; day: number };
  /** Item heading templates found in the published text, one per item heading found. */
  readonly itemTemplates: string[];
  /** Item heading templates read from the contents entries, where no heading shows (a text that is its contents only). */
  readonly contentsTemplates: string[];
  /** Numbers of the items whose heading the published text shows (or all, for a .referat file). */
  readonly shownNumbers: Set<string>;
  /** This meeting's decision headings: template and date as written. */
  readonly decisions: { template: string; date: string }[];
  /** Items whose decision is a plain "Beslutning". */
  readonly plainDecisions: number;
  readonly caseLabels: string[];
  readonly headerLabels: { field: string; label: string }[];
  readonly kommune?: string;
  readonly closedNumbers: number[];
  readonly headerDates: string[];
  /** Whether the published text lists the items before the first one (a table of contents); unknown for markup only. */
  readonly contents?: boolean;
  /** The words the item headings print for an item's status (`1 (Åben) Title`), where they print one. */
  readonly statusWords?: { open: string; closed: string };
}

/** Lines that begin with an item number (after an optional word), by that number: where item headings may stand. */
function numberedLines(plain: readonly string[]): Map<string, number[]> {
  const m = new Map<string, number[]>();
  plain.forEach((t, k) => {
    // Also a number run into its title (`38Godkendelse af dagsorden`, a page that lost the space).
    const n = /^(?:[\p{L}]{1,15}\.?\s*(?:nr\.?\s*)?)?(\d{1,4}[a-z]?)\s*[.:)]?(?:\s|$|(?=\p{Lu}\p{Ll}))/u.exec(t)?.[1];
    if (n) m.set(n, [...(m.get(n) ?? []), k]);
  });
  return m;
}

/** The title as written in a published line, where the line holds the item's number before it. */
/** What stands before an item's title in its heading: an optional word (Punkt, Pkt., Sag …), the number, punctuation, and the item's status in parentheses (`1 (Åben) Title`). */
const HEADING_PREFIX = new RegExp(String.raw`^(?<word>[\p{L}]{1,15}\.?\s*)?(?<n>\d{1,4}[a-z]?)(?<punct>\s*[.:)\-–]?)\s*(?<status>${STATUS_MARKER_SOURCE}\s*)?$`, 'iu');
/** What stands before an item's title in a contents entry: the number, and the status. Group 3 holds the status. */
const CONTENTS_PREFIX = new RegExp(String.raw`(?:^|\s)(\d{1,4})(\.?)\s+(${STATUS_MARKER_SOURCE}\s+)?$`, 'iu');
/** A heading line that prints the item's status after its number; group 1 the status word. */
const STATUS_IN_HEADING = new RegExp(String.raw`^\s*(?:[\p{L}]{1,15}\.?\s*)?\d{1,4}[a-z]?\s*[.:)]?\s*${STATUS_MARKER_SOURCE}\s`, 'iu');

function itemTemplateOf(t: string, number: string, title: string, next?: string): string | undefined {
  const head = title.replace(/\s+/g, ' ').trim().slice(0, 40);
  if (head.length < 3) return undefined;
  const at = t.indexOf(head);
  // The number alone on its line (`Punkt 12`), the title on the next one: one heading.
  const prefix = at > 0 ? t.slice(0, at) : at < 0 && next?.startsWith(head) ? `${t} ` : undefined;
  if (prefix === undefined) return undefined;
  // The prefix: an optional word (Punkt, Pkt., Sag …), the number, optional punctuation.
  // … and the item's status in parentheses (`1 (Åben) Title`, FirstAgenda's form).
  const m = HEADING_PREFIX.exec(prefix);
  if (!m || m.groups!.n !== number) return undefined;
  // The word as written: `Punkt 12`, `Nr.143` (no space after an abbreviation's point).
  const rawWord = m.groups!.word ?? '';
  const word = rawWord ? (/\.$/.test(rawWord) ? rawWord : `${rawWord.trim()} `) : '';
  const punct = m.groups!.punct!.trim();
  // A dash stands apart: `Nr.143 - Title`.
  const sep = /^[-–]$/.test(punct) && /^\s/.test(m.groups!.punct!) ? ` ${punct}` : punct;
  return `${word}{n}${sep} ${m.groups!.status ? '({status}) ' : ''}{title}`;
}

/**
 * The form the contents entries give the items, where no item heading shows (the text is its
 * contents only, or lost its line breaks): the words just before each item's title, anywhere in
 * the text — `1 (Åben) Title` → `{n} ({status}) {title}`, `3. Title` → `{n}. {title}`.
 */
function contentsTemplatesOf(plain: readonly string[], meeting: Meeting): string[] {
  const text = plain.join(' ').replace(/\s+/g, ' ');
  const out: string[] = [];
  for (const item of meeting.items) {
    const head = item.title?.replace(/\s+/g, ' ').trim().slice(0, 40);
    if (!head || head.length < 3 || item.title === '(uden titel)') continue;
    const at = text.indexOf(head);
    if (at < 0) continue;
    const m = CONTENTS_PREFIX.exec(text.slice(Math.max(0, at - 20), at));
    if (!m || m[1] !== item.number) continue;
    out.push(`{n}${m[2]} ${m[3] ? '({status}) ' : ''}{title}`);
  }
  return out;
}

/** The words a document prints for an open and a closed item in its headings' status (`(Åbent)`), where it prints one. */
function statusWordsOf(plain: readonly string[]): { open: string; closed: string } | undefined {
  const seen = plain.map((t) => STATUS_IN_HEADING.exec(t)?.[1]).filter((w): w is string => !!w);
  const open = seen.find((w) => /^åben/iu.test(w));
  return open ? { open: open[0]!.toUpperCase() + open.slice(1).toLowerCase(), closed: 'Lukket' } : undefined;
}

/** The date format a written date shows (`01-09-2021` → `dd-mm-yyyy`, `20. august 2020` → `d. MMMM yyyy`). */
function dateFormatOf(written: string): { format: string; dayPadded?: boolean } | undefined {
  const t = written.trim();
  let m = /^(\d{1,2})([-./])(\d{1,2})([-./ ])(\d{4}|\d{2})$/u.exec(t);
  if (m) {
    const d = m[1]!.length === 2 && m[1]!.startsWith('0') ? 'dd' : m[1]!.length === 1 ? 'd' : 'dd';
    const mo = m[3]!.length === 2 ? 'mm' : 'm';
    return { format: `${d}${m[2]}${mo}${m[4]}${m[5]!.length === 4 ? 'yyyy' : 'yy'}`, dayPadded: m[1]!.length === 2 ? (m[1]!.startsWith('0') ? true : undefined) : false };
  }
  m = /^(\d{1,2})(\.?)(\s*)(\p{L}+)(\.?)\s+(\d{4})$/u.exec(t);
  if (m) {
    const full = MONTHS.includes(m[4]!.toLowerCase());
    const d = m[1]!.length === 2 && m[1]!.startsWith('0') ? 'dd' : 'd';
    return { format: `${d}${m[2]}${m[3] ? ' ' : ''}${full ? 'MMMM' : 'MMM'}${m[5]} yyyy`, dayPadded: m[1]!.startsWith('0') ? true : m[1]!.length === 1 ? false : undefined };
  }
  return undefined;
}

const sameDate = (a: { year: number; month: number; day: number } | undefined, b: { year: number; month: number; day: number } | undefined) =>
  !!a && !!b && a.year === b.year && a.month === b.month && a.day === b.day;

const norm = (s: string | undefined) => (s ?? '').toLocaleLowerCase('da').replace(/[-–\s]+/g, ' ').trim();

/** Whether a committee as written in a decision heading is the meeting's (genitive and spacing aside). */
function sameCommittee(written: string, committee: string | undefined): boolean {
  if (!committee) return false;
  const w = norm(written).replace(/s$/, '');
  const c = norm(committee).replace(/s$/, '');
  return w === c || w.endsWith(` ${c}`) || c.endsWith(` ${w}`);
}

type Ymd = { year: number; month: number; day: number };

/** A decision heading found in the text: the match, its named groups, the date it carries. */
interface DecisionCandidate {
  readonly m: RegExpExecArray;
  readonly g: Record<string, string | undefined>;
  readonly parsed?: Ymd;
}

function factsOf(given: InferDocument): DocFacts {
  // No published text (a reader that gives markup only, e.g. a PDF's): the markup is all there is.
  const doc: InferDocument = given.source !== undefined && !given.source.trim() ? { name: given.name, markup: given.markup, imported: true } : given;
  const { meeting } = analyze(doc.markup);
  const date = meeting.date?.valid ? meeting.date : meeting.titleDate;
  const committee = meeting.committee?.replace(/\s+(?:d\.|den)\s+.*$/u, '').replace(/s?\s+møde$/u, '').trim();
  // Only markup (a .referat file, a portal record): its item numbers are as published.
  const markupOnly = doc.source === undefined;
  // A contents heading run into its first entry (`Indholdsfortegnelse1. Fraværende`) is two lines, as the importer reads it.
  const src = lines(doc.source ?? doc.markup).flatMap((l) => contentsRunIn(l) ?? [l]);
  const plain = src.map(plainLine);
  const numbered = numberedLines(plain);
  const { itemTemplates, shownNumbers } = itemHeadingsShown(doc, meeting, plain, numbered);

  // Decision headings of this meeting (its date, else its committee), below the first item (the title is no decision).
  const firstItemLine = meeting.items.length && !markupOnly ? firstItemAt(plain, numbered, meeting) : Math.min(src.length, 60);
  const fromMarkup = doc.source === undefined || /^\s*[[{]/.test(doc.source);
  const markupLines = lines(doc.markup);
  const decisionSource = fromMarkup ? markupLines.slice(Math.max(0, markupLines.findIndex((l) => /^## /.test(l)))).map(plainLine) : plain.slice(firstItemLine);
  // An item's title (its heading, or the title repeated under it) is no decision heading, even
  // where it ends in a date (`Godkendelse af dagsorden til mødet den 4. juni 2020`).
  const titles = new Set(meeting.items.map((i) => norm(i.title)).filter((t) => t.length > 3));
  const isTitle = (t: string) => titles.has(norm(t.replace(/^(?:punkt\s+)?\d{1,4}[a-z]?\s*[.:)]?\s+/iu, '')));
  const decisions = meetingDecisions(decisionCandidates(decisionSource.filter((t) => !isTitle(t)), committee), date, committee);
  const opening = plain.slice(0, Math.max(0, firstItemLine));
  return {
    name: doc.name,
    meeting,
    committee,
    date: date ?? undefined,
    itemTemplates,
    contentsTemplates: itemTemplates.length || markupOnly || doc.imported ? [] : contentsTemplatesOf(plain, meeting),
    shownNumbers,
    decisions,
    plainDecisions: plainDecisionCount(meeting),
    caseLabels: caseLabelsOf(plain),
    headerLabels: headerLabelsOf(opening),
    kommune: kommuneOf(meeting, plain),
    closedNumbers: closedNumbersOf(meeting, plain),
    headerDates: headerDatesOf(opening),
    ...(markupOnly || doc.imported ? {} : { contents: hasContents(opening, meeting) }),
    ...(statusWordsOf(plain) ? { statusWords: statusWordsOf(plain)! } : {}),
  };
}

/** Item headings as published: the last line holding the item's number and title (a table of contents comes first). */
function itemHeadingsShown(doc: InferDocument, meeting: Meeting, plain: readonly string[], numbered: Map<string, number[]>): { itemTemplates: string[]; shownNumbers: Set<string> } {
  const markupOnly = doc.source === undefined;
  const itemTemplates: string[] = [];
  const shownNumbers = new Set<string>();
  for (const item of meeting.items) {
    // A .referat file writes its item headings as the house does (`## 12. Titel`); an imported portal record does not.
    if (markupOnly) shownNumbers.add(item.number);
    if (doc.imported || !item.title || item.title === '(uden titel)') continue;
    const at = numbered.get(item.number) ?? [];
    for (let j = at.length - 1; j >= 0; j--) {
      const k = at[j]!;
      const tpl = itemTemplateOf(plain[k]!, item.number, item.title, plain.slice(k + 1, k + 3).find((x) => x));
      if (tpl) {
        itemTemplates.push(tpl);
        shownNumbers.add(item.number);
        break;
      }
      // The number alone under the title (`Spørgetid` / `Sag nr. 129`): the number is shown; no template writes that form.
      const above = plain.slice(Math.max(0, k - 2), k).filter((x) => x).pop();
      if (/^[\p{L}]{1,15}\.?\s*(?:nr\.?\s*)?\d{1,4}[a-z]?$/u.test(plain[k]!) && above !== undefined && norm(above) === norm(item.title)) {
        shownNumbers.add(item.number);
        break;
      }
    }
  }
  return { itemTemplates, shownNumbers };
}

/** The lines that read as decision headings (of any meeting), with the meeting's committee run in where none stands at a line's start. */
function decisionCandidates(decisionSource: readonly string[], committee: string | undefined): DecisionCandidate[] {
  const candidates: DecisionCandidate[] = [];
  for (const t of decisionSource) {
    if (t.length > 400) continue;
    const m = DECISION_LINE.exec(t) ?? DECISION_RUN_IN.exec(t);
    if (!m) continue;
    const g = m.groups!;
    if (/\d/.test(g.committee!) || /^(?:referat|dagsorden|beslutningsprotokol|protokol|mødet?|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\b/iu.test(g.committee!) || g.committee!.split(/\s+/).length > 6) continue;
    // Text run in after the date (a PDF that lost its line breaks): only where the line is clearly a decision heading.
    if (g.rest && !g.pre && !sameCommittee(g.committee!, committee)) continue;
    candidates.push({ m, g, parsed: parseDanishDate(g.date!) });
  }
  // A page that lost its line breaks runs the decision heading into the text around it
  // ("… dagsorden. Byrådet, 16.12.2014 A var fraværende."): with none at a line's start, the
  // meeting's own committee and a date inside a line are one.
  if (candidates.length === 0 && committee && committee.length >= 4) {
    const name = committee.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const inline = new RegExp(
      String.raw`(?:^|[.!?]\s+|(?<=\s)(?=Beslutning\s))(?<pre>Beslutning(?:\s+i)?\s+)?(?<committee>${name})(?<gen>s\s+møde)?(?<sep>\s+den|\s+d\.|,)\s+(?<date>${DATE_IN_HEADING})(?<post>\s*:)?(?=\s+\p{Lu}|\s*$)`,
      'iu',
    );
    for (const t of decisionSource) {
      const m = inline.exec(t);
      if (m) candidates.push({ m, g: m.groups!, parsed: parseDanishDate(m.groups!.date!) });
    }
  }
  return candidates;
}

/** This meeting's decision headings among the candidates (its date, else the usual date, else its committee): template and date as written. */
function meetingDecisions(candidates: readonly DecisionCandidate[], date: Ymd | undefined, committee: string | undefined): { template: string; date: string }[] {
  // Without a meeting date, this meeting's date is the one most decision headings carry.
  const isoKey = (d?: Ymd) => (d ? `${d.year}-${d.month}-${d.day}` : '');
  const usual = date ? undefined : majority(candidates.map((c) => isoKey(c.parsed)).filter(Boolean))?.value;
  const decisions: { template: string; date: string }[] = [];
  for (const { g, parsed } of candidates) {
    const ours = date ? sameDate(parsed, date) : usual ? isoKey(parsed) === usual : sameCommittee(g.committee!, committee);
    if (!ours) continue;
    const sep = g.sep!.trim() === ',' ? ',' : ` ${g.sep!.trim()}`;
    const pre = g.pre ? g.pre.replace(/\s+/g, ' ').replace(/^beslutning/i, 'Beslutning') : '';
    // `Beslutning den 01-09-2021`: a dated decision heading without a committee.
    const who = /^beslutning$/iu.test(g.committee!.trim()) && !pre ? 'Beslutning' : `${pre}{committee}${g.gen ? 's møde' : ''}`;
    const template = `${who}${sep} {date}${g.post ? ':' : ''}`;
    decisions.push({ template, date: g.date! });
  }
  return decisions;
}

/** Items whose decision is a plain "Beslutning" heading. */
function plainDecisionCount(meeting: Meeting): number {
  let plainDecisions = 0;
  for (const item of meeting.items) {
    const d = item.sections.find((s) => s.kind === 'beslutning');
    if (d && !d.decisionBody && /^beslutning:?$/iu.test(d.node.title.trim())) plainDecisions++;
  }
  return plainDecisions;
}

/** Case-number labels as published. */
function caseLabelsOf(plain: readonly string[]): string[] {
  const caseLabels: string[] = [];
  for (const t of plain) {
    const c = caseNumberOf(t);
    if (c?.label) caseLabels.push(c.label.replace(/\s*:$/, ''));
    else if (/^(?:Sagsnr|Sagsnummer|Sagsid|Sags-id)\.?\s*:?$/iu.test(t)) caseLabels.push(t.replace(/\s*:$/, ''));
  }
  return caseLabels;
}

/** Dates as the opening lines write them (the date format where no decision heading shows one). */
function headerDatesOf(opening: readonly string[]): string[] {
  return opening.flatMap((t) => [...t.matchAll(new RegExp(`(?<![\\d.])(?:${DATE_IN_HEADING})(?![\\d])`, 'giu'))].map((m) => m[0]));
}

/** Header labels: the opening lines up to the first item heading. */
function headerLabelsOf(opening: readonly string[]): { field: string; label: string }[] {
  const headerLabels: { field: string; label: string }[] = [];
  // A header whose line breaks were lost (`… Mødeafholdelse Rådssalen Tilstede: A, B`): cut before each label, as the importer does.
  const cut = opening.flatMap((t) => {
    const at = t.length > 150 ? headerLabelsWithin(t) : [];
    if (at.length < 2) return [t];
    const cuts = [0, ...at, t.length];
    return cuts.slice(0, -1).map((c, n) => t.slice(c, cuts[n + 1]).trim()).filter(Boolean);
  });
  for (const t of cut) {
    const h = headerLabel(t);
    if (!h) continue;
    const label = /^([\p{L} ]{3,30}?)\s*(?::|\s|$)/u.exec(t)?.[1]?.trim();
    const id = HEADER_FIELD_ID[h.field];
    if (label && id) headerLabels.push({ field: id, label });
  }
  return headerLabels;
}

/**
 * Whether the opening (the lines before the first item) lists the items: a contents heading,
 * or at least two of the items' titles, and half of them, named there.
 */
function hasContents(opening: readonly string[], meeting: Meeting): boolean {
  const heading = opening.some((t) => /^(?:indholdsfortegnelse|indhold|dagsorden(?:spunkter)?)\s*:?$/iu.test(t));
  const titles = meeting.items.map((i) => lowerKey(i.title).slice(0, 40)).filter((t) => t.length >= 3 && t !== '(uden titel)');
  if (titles.length === 0) return heading;
  const text = opening.map(lowerKey);
  const named = titles.filter((t) => text.some((l) => l.includes(t))).length;
  // A contents heading with no entry under it (a page whose list its script draws) lists nothing.
  if (heading) return named > 0;
  // Two titles at least (one could be the first item's own heading, read before its case number).
  return named >= Math.max(2, Math.ceil(titles.length / 2));
}

function inferContents(facts: readonly DocFacts[]): { contents: boolean; line: InferLine } {
  const known = facts.filter((f) => f.contents !== undefined);
  const yes = known.filter((f) => f.contents).length;
  // None shown (markup only): the markup's default, a contents list.
  const contents = known.length === 0 || yes * 2 >= known.length;
  const agree = contents ? yes : known.length - yes;
  return {
    contents,
    line: {
      key: 'contents',
      agree,
      of: known.length,
      ...(known.length === 0
        ? both('indholdsfortegnelse: ikke synlig i teksten; skrives', 'table of contents: not visible in the text; written')
        : both(
            `indholdsfortegnelse: ${contents ? 'trykt' : 'ingen'} (${agree} af ${known.length} dokumenter er enige)`,
            `table of contents: ${contents ? 'printed' : 'none'} (${agree} of ${known.length} documents agree)`,
          )),
    },
  };
}

/** The kommune: the header field, else "X Kommune" as most often written. */
function kommuneOf(meeting: Meeting, plain: readonly string[]): string | undefined {
  const kommune = meeting.municipality?.trim();
  if (kommune) return kommune;
  const names: string[] = [];
  for (const t of plain) {
    for (const m of t.matchAll(/(?<![\p{L}])(\p{Lu}[\p{L}-]+(?:[- ]\p{Lu}[\p{L}]+)?)\s+(Regionskommune|Kommune|KOMMUNE|REGIONSKOMMUNE)(?![\p{L}])/gu)) {
      const word = m[1]!;
      if (/^(?:Den|Det|Til|Fra|Hele|Denne|Hver|Anden|Vores|Og|I|På)$/iu.test(word)) continue;
      const cap = (s: string) => s.toLocaleLowerCase('da').replace(/(^|[- ])(\p{L})/gu, (_x, p: string, c: string) => p + c.toLocaleUpperCase('da'));
      names.push(`${cap(word)}${m[2]!.toLowerCase().startsWith('regions') ? 's Regionskommune' : ' Kommune'}`.replace(/ss Regionskommune$/, 's Regionskommune'));
    }
  }
  return majority(names)?.value;
}

/** Closed items numbered apart: the model's closed items, and closed items a list names by number. */
function closedNumbersOf(meeting: Meeting, plain: readonly string[]): number[] {
  const closedNumbers = meeting.items.filter((i) => i.closed && i.numeric !== undefined).map((i) => i.numeric!);
  for (const t of plain) {
    const m = /^lukket\s+(?:punkt\s+)?(\d{1,4})\b/iu.exec(t) ?? /^(\d{1,4})\.?\s+.*\((?:lukket)\)\s*$/iu.exec(t) ?? /^(\d{1,4})\.?\s+lukket\b/iu.exec(t);
    if (m) closedNumbers.push(Number(m[1]));
  }
  return closedNumbers;
}

/** The line where the first item starts in the published text: its heading, its case number, or its first section heading. */
function firstItemAt(plain: readonly string[], numbered: Map<string, number[]>, meeting: Meeting): number {
  const first = meeting.items[0]!;
  // A table of contents names the items first: the heading is the last line that does.
  const headings = first.title && first.title !== '(uden titel)' ? (numbered.get(first.number) ?? []).filter((k) => itemTemplateOf(plain[k]!, first.number, first.title)) : [];
  const section = first.sections[0]?.node.title.replace(/\s*:$/, '').trim();
  let other = plain.length;
  for (let k = 0; k < plain.length && other === plain.length; k++) {
    const t = plain[k]!;
    if ((first.caseNumber && t.includes(first.caseNumber.text)) || (section && k > 0 && lowerKey(t) === lowerKey(section))) other = k;
  }
  if (headings.length && headings[0]! <= other) return headings[headings.length - 1]!;
  return other === plain.length ? Math.min(plain.length, 10) : other;
}

// ───────────────────────────── across documents ─────────────────────────────

function inferItemHeading(facts: readonly DocFacts[]): { value: string; line: InferLine } {
  const perDoc = facts.filter((f) => f.itemTemplates.length > 0).map((f) => majority(f.itemTemplates)!.value);
  const best = majority(perDoc);
  // No heading shows in any document: the contents entries' form, if most items have one.
  const fromContents = best ? undefined : majority(facts.filter((f) => 2 * f.contentsTemplates.length >= f.meeting.items.length && f.contentsTemplates.length > 0).map((f) => majority(f.contentsTemplates)!.value));
  if (fromContents) {
    return {
      value: fromContents.value,
      line: {
        key: 'itemHeading',
        agree: fromContents.count,
        of: facts.length,
        ...both(
          `punktoverskrift: "${fromContents.value}", som indholdsfortegnelsen skriver punkterne (ingen overskrift er synlig i teksten)`,
          `item heading: "${fromContents.value}", as the table of contents writes the items (no heading is visible in the text)`,
        ),
      },
    };
  }
  if (!best) {
    return {
      value: 'Punkt {n}: {title}',
      line: {
        key: 'itemHeading',
        agree: 0,
        of: facts.length,
        ...both(
          'punktoverskrift: ikke synlig i teksten (ingen af dokumenterne viser titler); markupens form "Punkt {n}: {title}" bruges',
          'item heading: not visible in the text (no document shows item titles); the markup\'s form "Punkt {n}: {title}" is used',
        ),
      },
    };
  }
  return {
    value: best.value,
    line: {
      key: 'itemHeading',
      agree: best.count,
      of: perDoc.length,
      ...both(`punktoverskrift: "${best.value}" (${best.count} af ${perDoc.length} dokumenter er enige)`, `item heading: "${best.value}" (${best.count} of ${perDoc.length} documents agree)`),
    },
  };
}

function inferDecision(facts: readonly DocFacts[]): { heading: string; aliases: string[]; dateFormat: string; line: InferLine } {
  const perDoc = facts.map((f) => {
    const dated = majority(f.decisions.map((d) => d.template));
    if (dated && dated.count >= f.plainDecisions) return dated.value;
    return f.plainDecisions > 0 ? 'Beslutning' : undefined;
  });
  const shown = perDoc.filter((v): v is string => v !== undefined);
  const best = majority(shown);
  const heading = best?.value ?? 'Beslutning';
  const all = facts.flatMap((f) => f.decisions);
  const aliases = [...new Set(all.map((d) => d.template))].filter((t) => t !== heading);
  // Date format: the form most decision headings of the chosen template show; a day below 10 tells d from dd.
  let dates = all.filter((d) => d.template === heading).map((d) => dateFormatOf(d.date)).filter((d): d is NonNullable<typeof d> => !!d);
  // No dated decision heading: the dates of the meetings' opening lines.
  if (dates.length === 0) dates = facts.flatMap((f) => f.headerDates).map(dateFormatOf).filter((d): d is NonNullable<typeof d> => !!d);
  let dateFormat = majority(dates.map((d) => d.format))?.value ?? 'dd-mm-yyyy';
  if (/^dd/.test(dateFormat) && dates.some((d) => d.dayPadded === false) && !dates.some((d) => d.dayPadded === true)) dateFormat = dateFormat.replace(/^dd/, 'd');
  if (/^d(?!d)/.test(dateFormat) && dates.some((d) => d.dayPadded === true)) dateFormat = dateFormat.replace(/^d/, 'dd');
  const shownDate = heading.includes('{date}') ? ` (dato ${dateFormat})` : '';
  const shownDateEn = heading.includes('{date}') ? ` (date ${dateFormat})` : '';
  const line: InferLine = best
    ? {
        key: 'decisionHeading',
        agree: best.count,
        of: shown.length,
        ...both(`beslutningsoverskrift: "${heading}"${shownDate} (${best.count} af ${shown.length} dokumenter er enige)`, `decision heading: "${heading}"${shownDateEn} (${best.count} of ${shown.length} documents agree)`),
      }
    : {
        key: 'decisionHeading',
        agree: 0,
        of: facts.length,
        ...both('beslutningsoverskrift: ingen beslutning i dokumenterne; "Beslutning" bruges', 'decision heading: no decision in the documents; "Beslutning" is used'),
      };
  return { heading, aliases, dateFormat, line };
}

interface SectionFacts {
  readonly sections: SectionDef[];
  readonly order: 'strict' | 'none';
  readonly lines: InferLine[];
}

/** A section heading as an item shows it: its name as written, and its kind. */
interface SeenSection {
  name: string;
  kind: string;
}

/** The sections of one open item, in order, and the document it stands in. */
interface ItemSections {
  readonly doc: number;
  readonly seen: SeenSection[];
}

/** The kinds of one item's sections: in order of first occurrence, and all of them in order. */
interface KindSequence {
  readonly doc: number;
  readonly kinds: string[];
  readonly all: string[];
}

function inferSections(facts: readonly DocFacts[]): SectionFacts {
  const items = sectionsOfItems(facts);
  giveRarerNamesOwnKinds(items);
  // Names per kind: the most used is the name, the others aliases.
  const namesOf = new Map<string, Map<string, number>>();
  for (const it of items) {
    for (const s of it.seen) {
      const m = namesOf.get(s.kind) ?? new Map<string, number>();
      m.set(s.name, (m.get(s.name) ?? 0) + 1);
      namesOf.set(s.kind, m);
    }
  }
  // Order: the kinds of each item in order (first occurrence), merged by majority of pairwise precedence.
  const seqs: KindSequence[] = items.map((it) => ({ doc: it.doc, kinds: [...new Set(it.seen.map((s) => s.kind))], all: it.seen.map((s) => s.kind) }));
  const order = mergedOrder(seqs);
  const rank = new Map(order.map((k, i) => [k, i]));
  const docs = [...new Set(seqs.map((s) => s.doc))];
  const agreeing = docs.filter((d) => seqs.filter((s) => s.doc === d).every((s) => s.all.every((k, i) => i === 0 || rank.get(s.all[i - 1]!)! <= rank.get(k)!)));
  const strict = docs.length > 0 && agreeing.length === docs.length;
  const itemsAgreeing = seqs.filter((s) => s.all.every((k, i) => i === 0 || rank.get(s.all[i - 1]!)! <= rank.get(k)!)).length;
  const sections = sectionDefs(order, namesOf);
  return { sections, order: strict ? 'strict' : 'none', lines: sectionLines(sections, strict, { facts: facts.length, docs: docs.length, agreeing: agreeing.length, items: seqs.length, itemsAgreeing }) };
}

/** The sections of each open item: names as written, their kind, and the document they stand in. */
function sectionsOfItems(facts: readonly DocFacts[]): ItemSections[] {
  const items: ItemSections[] = [];
  for (const [d, f] of facts.entries()) {
    for (const item of f.meeting.items) {
      if (item.closed) continue;
      const seen: SeenSection[] = [];
      for (const s of item.sections) {
        const title = s.node.title.replace(/\s*:$/, '').trim();
        if (!title) continue;
        // The import's heading over the case number's companions (Sagsbehandler: …) is no section of the house.
        if (seen.length === 0 && s.kind !== 'beslutning' && companionsOnly(s, f.meeting.source)) continue;
        // An earlier committee's decision in the item's chain is no section of the house.
        if (s.kind === 'earlier-decision' || (s.kind !== 'beslutning' && parseDecisionHeading(title)?.parsedDate)) continue;
        const decision = s.kind === 'beslutning' && (s.decisionBody || /^beslutning\b/iu.test(title) || parseDecisionHeading(title) !== undefined);
        seen.push(decision ? { name: 'Beslutning', kind: 'beslutning' } : { name: title, kind: kindOf(title) });
      }
      // A section the import split in two counts once (as the import in a profile's style writes it).
      // By name: two names of one kind in an item are two sections of the house (below).
      const split = splitHeadings(seen.map((x) => (x.kind === 'beslutning' ? 'beslutning' : lowerKey(x.name))));
      const kept = seen.filter((_, i) => !split.has(i));
      if (kept.length) items.push({ doc: d, seen: kept });
    }
  }
  return items;
}

/** Two different names of one kind in the same item are two sections of the house: the rarer gets a kind of its own (in place). */
function giveRarerNamesOwnKinds(items: readonly ItemSections[]): void {
  const count = new Map<string, number>();
  for (const it of items) for (const s of it.seen) count.set(s.name, (count.get(s.name) ?? 0) + 1);
  const own = new Map<string, string>();
  for (const it of items) {
    const byKind = new Map<string, Set<string>>();
    for (const s of it.seen) {
      if (s.kind === 'beslutning') continue;
      const set = byKind.get(s.kind) ?? new Set<string>();
      set.add(s.name);
      byKind.set(s.kind, set);
    }
    for (const names of byKind.values()) {
      if (names.size < 2) continue;
      const sorted = [...names].sort((a, b) => (count.get(b) ?? 0) - (count.get(a) ?? 0));
      for (const n of sorted.slice(1)) own.set(n, slugOf(n) || 'afsnit');
    }
  }
  for (const it of items) for (const s of it.seen) s.kind = own.get(s.name) ?? s.kind;
}

/** One order of all kinds, merged from the items' sequences by majority of pairwise precedence. */
function mergedOrder(seqs: readonly KindSequence[]): string[] {
  const before = new Map<string, number>();
  const firstSeen: string[] = [];
  const posSum = new Map<string, number>();
  const posN = new Map<string, number>();
  for (const s of seqs) {
    s.kinds.forEach((k, i) => {
      if (!firstSeen.includes(k)) firstSeen.push(k);
      // A section alone in its item says nothing about where it stands.
      if (s.kinds.length > 1) {
        posSum.set(k, (posSum.get(k) ?? 0) + i / (s.kinds.length - 1));
        posN.set(k, (posN.get(k) ?? 0) + 1);
      }
      for (const later of s.kinds.slice(i + 1)) before.set(`${k}\u0000${later}`, (before.get(`${k}\u0000${later}`) ?? 0) + 1);
    });
  }
  const b = (x: string, y: string) => before.get(`${x}\u0000${y}`) ?? 0;
  const remaining = [...firstSeen];
  const order: string[] = [];
  while (remaining.length) {
    // Next: a kind no remaining kind precedes (by majority of the items where both stand). Among
    // those the documents do not order, the usual order of published minutes decides; a kind of
    // the house's own goes by where it stands on average.
    const score = (k: string) => remaining.filter((o) => o !== k && b(o, k) > b(k, o)).length;
    const avg = (k: string) => (posN.get(k) ? posSum.get(k)! / posN.get(k)! : 0.5);
    const usual = (k: string) => (USUAL_ORDER.includes(k) ? USUAL_ORDER.indexOf(k) : avg(k) * USUAL_ORDER.length);
    remaining.sort((x, y) => score(x) - score(y) || usual(x) - usual(y) || firstSeen.indexOf(x) - firstSeen.indexOf(y));
    order.push(remaining.shift()!);
  }
  return order;
}

/** The profile's sections in order: each kind's most used name, the others (and the markup's own name) as aliases; a decision always. */
function sectionDefs(order: readonly string[], namesOf: Map<string, Map<string, number>>): SectionDef[] {
  const used = new Set<string>();
  for (const m of namesOf.values()) for (const n of m.keys()) used.add(lowerKey(n));
  const sections: SectionDef[] = order.map((kind) => {
    const names = [...(namesOf.get(kind) ?? new Map<string, number>())].sort((x, y) => y[1] - x[1]).map(([n]) => n);
    const word = WORD_OF.get(kind);
    const name = names[0] ?? word?.name ?? kind;
    const aliases = names.slice(1);
    // The markup's own name of a built-in kind stays accepted where the house does not use it for another section.
    const markup = CORE_KINDS.has(kind) ? word?.name : undefined;
    if (markup && !used.has(lowerKey(markup)) && lowerKey(markup) !== lowerKey(name)) aliases.push(markup);
    const def: SectionDef = { kind, name, aliases };
    if (word?.portalClass) def.portalClass = word.portalClass;
    return def;
  });
  if (!sections.some((s) => s.kind === 'beslutning')) sections.push({ kind: 'beslutning', name: 'Beslutning', aliases: [], portalClass: 'beslutning' });
  return sections;
}

/** The report's lines on the sections and their order. */
function sectionLines(
  sections: readonly SectionDef[],
  strict: boolean,
  n: { facts: number; docs: number; agreeing: number; items: number; itemsAgreeing: number },
): InferLine[] {
  const list = sections.map((s) => s.name).join(', ');
  return [
    {
      key: 'sections',
      agree: n.docs,
      of: n.facts,
      ...both(`afsnit: ${list} (fra ${n.docs} af ${n.facts} dokumenter)`, `sections: ${list} (from ${n.docs} of ${n.facts} documents)`),
    },
    strict
      ? {
          key: 'sectionOrder',
          agree: n.agreeing,
          of: n.docs,
          ...both(`afsnitsrækkefølge: fast (${n.agreeing} af ${n.docs} dokumenter er enige)`, `section order: strict (${n.agreeing} of ${n.docs} documents agree)`),
        }
      : {
          key: 'sectionOrder',
          agree: n.agreeing,
          of: n.docs,
          ...both(
            `afsnitsrækkefølge: ingen fast rækkefølge (${n.agreeing} af ${n.docs} dokumenter er enige om én; ${n.itemsAgreeing} af ${n.items} punkter)`,
            `section order: none (${n.agreeing} of ${n.docs} documents agree on one order; ${n.itemsAgreeing} of ${n.items} items)`,
          ),
        },
  ];
}

/** A committee treats some 10 to 40 items a month; the middle of that range, on a log scale. */
const USUAL_ITEMS_A_MONTH = 20;

/**
 * Whether a meeting's first item number is better explained by numbering through the election
 * term than through the year: the items before it, spread over the months since 1 January of
 * the meeting's year and since 1 January of the term's first year (2014, 2018, 2022 …), give
 * two rates; the one nearer a usual rate (on a log scale) wins, the year on a tie (the first
 * year of a term is both). Item 301 on 22 January cannot be the year's; item 126 in June can.
 */
function termLike(first: number, date: Ymd): boolean {
  const sinceNewYear = date.month - 1 + (date.day - 1) / 31;
  const termStart = 2014 + Math.floor((date.year - 2014) / 4) * 4;
  const sinceTerm = (date.year - termStart) * 12 + sinceNewYear;
  if (sinceTerm <= sinceNewYear) return false;
  const off = (months: number) => Math.abs(Math.log((first - 1) / Math.max(months, 0.5) / USUAL_ITEMS_A_MONTH));
  return off(sinceTerm) < off(sinceNewYear);
}

/**
 * Whether the house's template prints every section heading, also one with nothing under it:
 * a document shows an empty section that another section follows (an empty section at the end
 * of the text is where the stored text was cut, and says nothing).
 */
function inferEmptySections(facts: readonly DocFacts[]): { value: 'warn' | 'allowed'; line: InferLine } {
  const showing = facts.filter((f) =>
    f.meeting.items.some((item, i, items) => item.sections.some((s, k) => s.empty && s.kind !== 'beslutning' && (k < item.sections.length - 1 || i < items.length - 1))),
  ).length;
  const value = showing > 0 ? 'allowed' : 'warn';
  return {
    value,
    line: {
      key: 'emptySections',
      agree: showing,
      of: facts.length,
      ...(showing > 0
        ? both(`tomme afsnit: tilladt (${showing} af ${facts.length} dokumenter har en overskrift uden tekst under)`, `empty sections: allowed (${showing} of ${facts.length} documents print a heading with nothing under it)`)
        : both('tomme afsnit: rapporteres (intet dokument har en overskrift uden tekst under)', 'empty sections: reported (no document prints a heading with nothing under it)')),
    },
  };
}

function inferNumbering(facts: readonly DocFacts[]): { scheme: NumberingScheme; closedItemsFrom?: number; line: InferLine } {
  interface Run {
    committee: string;
    date?: { year: number; month: number; day: number };
    first: number;
    last: number;
  }
  const runs: Run[] = [];
  for (const f of facts) {
    const open = f.meeting.items.filter((i) => !i.closed && i.numeric !== undefined && f.shownNumbers.has(i.number)).map((i) => i.numeric!);
    if (open.length === 0) continue;
    runs.push({ committee: norm(f.committee), date: f.date, first: Math.min(...open), last: Math.max(...open) });
  }
  // Closed items in their own range: every closed number at or above a round start (x01) above every open number.
  let closedItemsFrom: number | undefined;
  const closed = facts.flatMap((f) => f.closedNumbers);
  const openMax = Math.max(0, ...runs.map((r) => r.last));
  if (closed.length > 0) {
    const min = Math.min(...closed);
    const start = Math.floor((min - 1) / 100) * 100 + 1;
    if (min >= 100 && start > openMax && closed.every((n) => n >= start)) closedItemsFrom = start;
  }
  if (runs.length === 0) {
    return {
      scheme: 'per-meeting',
      closedItemsFrom,
      line: {
        key: 'numbering',
        agree: 0,
        of: facts.length,
        ...both('nummerering: ingen punktnumre i teksten; pr. møde antages', 'numbering: no item numbers in the text; per meeting is assumed'),
      },
    };
  }
  // A meeting whose first item is above 1 numbers on from earlier meetings (through the year, or
  // through the term where it continues a meeting of the year before); one that starts at 1 fits
  // both per-meeting numbering and the first meeting of a year. Per meeting only when every meeting starts at 1.
  const key = (r: Run) => (r.date ? r.date.year * 10000 + r.date.month * 100 + r.date.day : 0);
  let continuous = 0;
  let perMeeting = 0;
  let acrossYears = false;
  let termRuns = 0;
  let yearRuns = 0;
  for (const r of runs) {
    if (r.first === 1) perMeeting++;
    else continuous++;
    const prev = runs.filter((p) => p !== r && p.committee === r.committee && key(p) > 0 && key(p) < key(r)).sort((x, y) => key(y) - key(x))[0];
    // Danish election terms run four years from 1 January 2014 (2018, 2022, 2026 …).
    const term = (y: number) => Math.floor((y - 2014) / 4);
    if (prev && r.first > prev.last && prev.date!.year !== r.date!.year && term(prev.date!.year) === term(r.date!.year) && r.first > 1) acrossYears = true;
    if (r.first > 1 && r.date) (termLike(r.first, r.date) ? termRuns++ : yearRuns++);
  }
  // One meeting alone: its first number against the time since New Year and since the term began.
  const scheme: NumberingScheme = continuous > 0 ? (acrossYears || termRuns > yearRuns ? 'term' : 'year') : 'per-meeting';
  // A meeting starting at 1 agrees with continuous numbering when it is the first of its committee's year among the documents.
  const firstOfYear = (r: Run) => !runs.some((p) => p !== r && p.committee === r.committee && p.date && r.date && p.date.year === r.date.year && key(p) < key(r));
  const agree = scheme === 'per-meeting' ? perMeeting : continuous + runs.filter((r) => r.first === 1 && firstOfYear(r)).length;
  const what = { year: ['gennem året', 'continuous through the year'], term: ['gennem valgperioden', 'continuous through the term'], 'per-meeting': ['pr. møde (starter ved 1)', 'per meeting (starts at 1)'] }[scheme];
  const closedDa = closedItemsFrom ? `; lukkede punkter fra ${closedItemsFrom}` : '';
  const closedEn = closedItemsFrom ? `; closed items from ${closedItemsFrom}` : '';
  return {
    scheme,
    closedItemsFrom,
    line: {
      key: 'numbering',
      agree,
      of: runs.length,
      ...both(`nummerering: ${what[0]}${closedDa} (${agree} af ${runs.length} dokumenter er enige)`, `numbering: ${what[1]}${closedEn} (${agree} of ${runs.length} documents agree)`),
    },
  };
}

/** A pattern for a case number no preset matches: its digits and letters generalised, its separators kept. */
export function generalisedPattern(value: string): string {
  let out = '';
  const re = /(\d+)|([A-ZÆØÅ]+)|([a-zæøå]+)|(\s+)|(.)/gu;
  for (const m of value.matchAll(re)) {
    if (m[1]) out += `\\d{${m[1].length}}`;
    else if (m[2]) out += `[A-ZÆØÅ]{${m[2].length}}`;
    else if (m[3]) out += `[a-zæøå]{${m[3].length}}`;
    else if (m[4]) out += '\\s*';
    else out += m[5]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'); // a hyphen needs no escape (and may not have one under the u flag)
  }
  return out;
}

/** Merges generalised patterns that differ only in the length of a digit run (`\d{4}` and `\d{5}` → `\d{4,5}`). */
function mergePatterns(patterns: readonly string[]): string[] {
  const groups = new Map<string, number[][]>();
  for (const p of patterns) {
    const shape = p.replace(/\\d\{\d+\}/g, '\\d{#}');
    const lens = [...p.matchAll(/\\d\{(\d+)\}/g)].map((m) => Number(m[1]));
    const g = groups.get(shape) ?? [];
    g.push(lens);
    groups.set(shape, g);
  }
  return [...groups].map(([shape, all]) => {
    let i = 0;
    return shape.replace(/\\d\{#\}/g, () => {
      const ls = all.map((l) => l[i]!);
      i++;
      const lo = Math.min(...ls);
      const hi = Math.max(...ls);
      return lo === hi ? `\\d{${lo}}` : `\\d{${lo},${hi}}`;
    });
  });
}

const PRESET_ORDER = ['kle', 'kle-compact', 'short', 'year-serial', 'kommune-serial', 'sbsys'] as const;

function inferCaseNumber(facts: readonly DocFacts[]): { patterns: string[]; required: boolean; label?: string; line: InferLine } {
  const values: string[] = [];
  let items = 0;
  let withNumber = 0;
  for (const f of facts) {
    for (const item of f.meeting.items) {
      items++;
      const v = item.caseNumber?.text.trim();
      if (v) {
        withNumber++;
        values.push(v);
      }
    }
  }
  const presets = new Set<string>();
  const odd: string[] = [];
  for (const v of values) {
    const preset = PRESET_ORDER.find((p) => CASE_NUMBER_FORMS[p]!.pattern.test(v));
    if (preset) presets.add(preset);
    else odd.push(generalisedPattern(v));
  }
  const patterns = [...PRESET_ORDER.filter((p) => presets.has(p)), ...mergePatterns(odd)];
  const label = majority(facts.flatMap((f) => f.caseLabels))?.value;
  const required = items > 0 && withNumber === items;
  const docsWith = facts.filter((f) => f.meeting.items.some((i) => i.caseNumber)).length;
  if (patterns.length === 0) {
    return {
      patterns: ['any'],
      required: false,
      label,
      line: {
        key: 'caseNumber',
        agree: 0,
        of: facts.length,
        ...both('sagsnumre: ingen i dokumenterne; alle kendte former accepteres, ikke påkrævet', 'case numbers: none in the documents; every known form accepted, not required'),
      },
    };
  }
  const shown = patterns.map((p) => ((PRESET_ORDER as readonly string[]).includes(p) ? p : `/${p}/`)).join(', ');
  const req = required ? ['påkrævet', 'required'] : ['ikke påkrævet', 'not required'];
  return {
    patterns,
    required,
    label,
    line: {
      key: 'caseNumber',
      agree: docsWith,
      of: facts.length,
      ...both(
        `sagsnumre: ${shown}${label ? `, mærket "${label}"` : ''}; ${req[0]} (${withNumber} af ${items} punkter har et; ${docsWith} af ${facts.length} dokumenter)`,
        `case numbers: ${shown}${label ? `, labelled "${label}"` : ''}; ${req[1]} (${withNumber} of ${items} items have one; ${docsWith} of ${facts.length} documents)`,
      ),
    },
  };
}

const LINE_NOTE = /^\**\s*(Fraværende med afbud|Fraværende|Ikke til stede|Afbud)\s*:/iu;
/** The label alone on its line (`Fraværende`), the names on the next. */
const LABEL_ALONE = /^(?:#{1,6}\s*)?\**\s*(Fraværende med afbud|Fraværende|Ikke til stede|Afbud)\s*:?\s*\**$/iu;
/** Absence from this item (spec §6.1): noted under the item's decision wherever the house notes it. */
const ITEM_ABSENCE = /\b(?:sagens behandling|behandlingen af (?:dette )?punkt(?:et)?|under punktet|inhabil|forlod mødet)\b/iu;
const SENTENCE_NOTE = /\b(?:deltog ikke|var fraværende|havde forfald|der var afbud fra|mødte som stedfortræder|som (?:suppleant|stedfortræder)(?:er)? (?:deltog|er indkaldt)|i stedet deltog|forlod mødet|inhabil)\b/iu;

/**
 * Whether the header's member list names those present (the absent are members too): in most
 * documents that list members and absent ones, an absent name is not among the members.
 */
function membersListedOf(facts: readonly DocFacts[]): 'present' | undefined {
  let present = 0;
  let all = 0;
  for (const { meeting } of facts) {
    // The list as written (the model adds the absent to the members under a profile that says so).
    const written = meeting.membersField?.names.names ?? [];
    if (written.length === 0 || meeting.afbud.length === 0) continue;
    const listed = new Set(written.map((mb) => mb.name.toLowerCase()));
    if (meeting.afbud.some((a) => !listed.has(a.name.toLowerCase()))) present++;
    else all++;
  }
  return present > all ? 'present' : undefined;
}

function inferAttendance(facts: readonly DocFacts[]): { placement: AttendancePlacement[]; style: 'line' | 'sentences'; label?: string; membersListed?: 'present'; line: InferLine } {
  const votes: AttendancePlacement[][] = [];
  const styles: ('line' | 'sentences')[] = [];
  const labels: string[] = [];
  for (const f of facts) {
    const m = f.meeting;
    const placement = new Set<AttendancePlacement>();
    if (m.afbud.length > 0 || m.afbudField) placement.add('header');
    const src = m.source;
    const itemNotes: number[] = [];
    // A note of absence from one item says the house notes attendance per item, not once.
    let itemLevel = false;
    for (const [k, item] of m.items.entries()) {
      const start = item.node.range.start.offset;
      const end = m.items[k + 1]?.node.range.start.offset ?? src.length;
      let noted = false;
      const rows = src.slice(start, end).split(/\r\n?|\n/).map((r) => r.trim());
      for (const [j, t] of rows.entries()) {
        const line = LINE_NOTE.exec(t);
        const alone = LABEL_ALONE.exec(t);
        const next = rows.slice(j + 1).find((r) => r);
        if ((line && t.replace(LINE_NOTE, '').replace(/\*\*/g, '').trim()) || (alone && next && /^\p{Lu}/u.test(next) && !next.startsWith('#'))) {
          noted = true;
          styles.push('line');
          labels.push((line ?? alone)![1]!);
        } else if (SENTENCE_NOTE.test(t)) {
          noted = true;
          styles.push('sentences');
          if (ITEM_ABSENCE.test(t)) itemLevel = true;
        }
      }
      if (item.node.fields.some((fl) => /^fraværende$/iu.test(fl.name.text.replace(/:\s*$/, '').trim()))) {
        noted = true;
        styles.push('line');
        labels.push('Fraværende');
      }
      if (noted) itemNotes.push(k);
    }
    const open = m.items.filter((i) => !i.closed).length;
    if (itemNotes.length >= 2 && itemNotes.length >= Math.ceil(open / 2)) placement.add('every-decision');
    else if (itemNotes.length >= 1 && itemNotes[0] === 0 && !itemLevel) placement.add('first-item');
    else if (itemNotes.length >= 1) placement.add('every-decision');
    if (placement.size) votes.push([...placement]);
  }
  const key = (p: AttendancePlacement[]) => ['header', 'first-item', 'every-decision'].filter((x) => p.includes(x as AttendancePlacement)).join('+');
  const best = majority(votes.map(key));
  const placement = (best?.value.split('+') as AttendancePlacement[] | undefined) ?? ['header'];
  const style = majority(styles)?.value ?? 'sentences';
  const label = style === 'line' ? majority(labels)?.value : undefined;
  const where = placement.join(', ');
  const whereDa = placement.map((p) => ({ header: 'i mødehovedet', 'first-item': 'under første punkt', 'every-decision': 'under hver beslutning' })[p]).join(', ');
  let line: InferLine = best
    ? {
        key: 'attendance',
        agree: best.count,
        of: votes.length,
        ...both(
          `fremmøde: ${whereDa}, ${style === 'line' ? `linje "${label ?? 'Fraværende'}:"` : 'sætninger'} (${best.count} af ${votes.length} dokumenter er enige)`,
          `attendance: ${where}, ${style === 'line' ? `a "${label ?? 'Fraværende'}:" line` : 'sentences'} (${best.count} of ${votes.length} documents agree)`,
        ),
      }
    : {
        key: 'attendance',
        agree: 0,
        of: facts.length,
        ...both('fremmøde: intet fravær noteret i dokumenterne; i mødehovedet antages', 'attendance: no absence noted in the documents; the header is assumed'),
      };
  const membersListed = membersListedOf(facts);
  if (membersListed) {
    line = {
      ...line,
      da: `${line.da}; medlemslisten nævner de fremmødte`,
      en: `${line.en}; the member list names those present`,
    };
  }
  return { placement, style, label, membersListed, line };
}

const MARKUP_LABEL: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(HEADER_FIELD_ID).map(([label, id]) => [id, label]));

function inferHeader(facts: readonly DocFacts[]): { header: HeaderFieldDef[]; line: InferLine } {
  const byField = new Map<string, string[]>();
  for (const f of facts) {
    for (const h of f.headerLabels) {
      const list = byField.get(h.field) ?? [];
      list.push(h.label);
      byField.set(h.field, list);
    }
  }
  const header: HeaderFieldDef[] = [];
  for (const [field, labels] of byField) {
    const ranked = tally(labels.map((l) => l.charAt(0).toLocaleUpperCase('da') + l.slice(1)));
    const label = ranked[0]![0];
    if (lowerKey(label) === lowerKey(MARKUP_LABEL[field] ?? '') && ranked.length === 1) continue;
    header.push({ field, label, aliases: ranked.slice(1).map(([l]) => l) });
  }
  const docs = facts.filter((f) => f.headerLabels.length > 0).length;
  const shown = header.map((h) => `${h.label} (${h.field})`).join(', ') || '—';
  return {
    header,
    line: {
      key: 'header',
      agree: docs,
      of: facts.length,
      ...both(`mødehoved: egne betegnelser ${shown} (fra ${docs} af ${facts.length} dokumenter)`, `header: own labels ${shown} (from ${docs} of ${facts.length} documents)`),
    },
  };
}

function isoOf(d: { year: number; month: number; day: number } | undefined): string | undefined {
  return d && `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/**
 * Infers one profile from documents of one kommune. Throws an Error when no document holds a
 * meeting (no items).
 */
export function inferProfile(docs: readonly InferDocument[], options: InferOptions = {}): InferredProfile {
  const facts = docs.map(factsOf).filter((f) => f.meeting.items.length > 0);
  if (facts.length === 0) throw new Error('no meeting in the documents (no agenda items found)');
  const kommune = majority(facts.map((f) => f.kommune).filter((k): k is string => !!k));
  const name = options.name ?? (kommune ? slugOf(kommune.value) : options.fallbackName ? slugOf(options.fallbackName) : '');
  const profileName = name || 'inferred';
  const item = inferItemHeading(facts);
  const decision = inferDecision(facts);
  const sections = inferSections(facts);
  const numbering = inferNumbering(facts);
  const caseNumber = inferCaseNumber(facts);
  const attendance = inferAttendance(facts);
  const header = inferHeader(facts);
  const contents = inferContents(facts);
  const empty = inferEmptySections(facts);
  const dates = facts.map((f) => f.date).filter((d): d is NonNullable<typeof d> => !!d);
  const years = [...new Set(dates.map((d) => d.year))].sort();
  const profile: ProfileInput & { name: string } = {
    name: profileName,
    ...(kommune ? { kommune: kommune.value } : {}),
    description: `Inferred by "referat profile infer" from ${facts.length} published ${facts.length === 1 ? 'minutes' : 'minutes documents'}.`,
    provenance: {
      kommune: (kommune?.value ?? profileName).replace(/\s+(?:Regions)?[Kk]ommune$/u, ''),
      minutes: facts.map((f) => [f.committee, isoOf(f.date)].filter(Boolean).join(' ') || f.name),
      ...(years.length ? { years: years.length === 1 ? String(years[0]) : `${years[0]}-${years[years.length - 1]}` } : {}),
      urls: [],
      notes: `Inferred from: ${facts.map((f) => f.name).join(', ')}.`,
    },
    itemHeading: item.value,
    decisionHeading: decision.heading,
    decisionHeadingAliases: decision.aliases,
    dateFormat: decision.dateFormat,
    sections: sections.sections,
    sectionOrder: sections.order,
    requiredSections: [],
    ...(empty.value === 'allowed' ? { emptySections: 'allowed' as const } : {}),
    caseNumber: { patterns: caseNumber.patterns, required: caseNumber.required, ...(caseNumber.label ? { label: caseNumber.label } : {}) },
    numbering: { scheme: numbering.scheme, ...(numbering.closedItemsFrom ? { closedItemsFrom: numbering.closedItemsFrom } : {}) },
    attendance: {
      placement: attendance.placement,
      style: attendance.style,
      ...(attendance.label ? { label: attendance.label } : {}),
      ...(attendance.membersListed ? { membersListed: attendance.membersListed } : {}),
    },
    header: header.header,
    contents: contents.contents,
    ...(item.value.includes('{status}') ? { statusWords: facts.find((f) => f.statusWords)?.statusWords ?? { open: 'Åben', closed: 'Lukket' } } : {}),
  };
  const config: ConfigInput = { profile: profileName, profiles: { [profileName]: profile } };
  // The result must load as any configuration does (the same schema, the same resolution).
  resolveConfig(parseConfig(config));
  const kommuneLine: InferLine = {
    key: 'kommune',
    agree: kommune?.count ?? 0,
    of: facts.length,
    ...(kommune
      ? both(`kommune: ${kommune.value} (${kommune.count} af ${facts.length} dokumenter)`, `kommune: ${kommune.value} (${kommune.count} of ${facts.length} documents)`)
      : both('kommune: ikke nævnt i dokumenterne', 'kommune: not named in the documents')),
  };
  const report = [kommuneLine, item.line, decision.line, ...sections.lines, empty.line, numbering.line, caseNumber.line, attendance.line, header.line, contents.line];
  return { name: profileName, profile, config, report };
}
