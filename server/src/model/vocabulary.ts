/**
 * The domain vocabulary every layer uses: header and item field names with their labels,
 * section kinds with their names and aliases, decision headings (built from the profile's
 * template and read back with it), the answer to a proposal, dates in the profile's form.
 * One place, so the quick fix, completion, the model, the importer and the exports agree.
 * Pure.
 */
import type { Profile } from '../config/schema.js';
import { DANISH_DATE_SOURCE, formatDatePattern, parseDanishDate } from './dates.js';

type DateParts = { year: number; month: number; day: number };

const lower = (s: string) => s.toLocaleLowerCase('da').replace(/\s+/g, ' ').trim();

// ─── Header and item fields ───────────────────────────────────────────────────────────

export interface FieldWord {
  /** Stable key, used by profiles (`header[].field`). */
  readonly key: string;
  /** The markup's label (`Mødested`). */
  readonly name: string;
  /** Other labels the markup accepts as this field. */
  readonly aliases: readonly string[];
  /** Labels of published minutes (spec §10) the importer reads as this field. */
  readonly published: readonly string[];
  /** Other words offered as "did you mean" although far in spelling (never accepted). */
  readonly synonyms: readonly string[];
}

/** The header fields of the markup (spec §2), in the order messages list them. */
export const HEADER_FIELD_WORDS: readonly FieldWord[] = [
  { key: 'kommune', name: 'Kommune', aliases: [], published: [], synonyms: ['kommunenavn'] },
  { key: 'udvalg', name: 'Udvalg', aliases: [], published: [], synonyms: ['udvalget'] },
  { key: 'moededato', name: 'Mødedato', aliases: ['Dato'], published: ['Mødetidspunkt', 'Mødetid', 'Tidspunkt'], synonyms: ['møde dato'] },
  { key: 'moedested', name: 'Mødested', aliases: ['Sted'], published: ['Lokale', 'Mødeafholdelse', 'Lokation'], synonyms: ['mødelokale', 'lokale', 'møde sted'] },
  { key: 'moededeltagere', name: 'Mødedeltagere', aliases: ['Deltagere', 'Medlemmer'], published: ['Tilstede', 'Til stede'], synonyms: ['møde deltagere'] },
  { key: 'afbud', name: 'Afbud', aliases: ['Fraværende'], published: ['Fraværende med afbud'], synonyms: ['forfald'] },
  { key: 'formand', name: 'Formand', aliases: [], published: [], synonyms: ['formandskab'] },
  { key: 'referent', name: 'Referent', aliases: [], published: [], synonyms: ['referat'] },
  { key: 'profil', name: 'Profil', aliases: [], published: [], synonyms: ['profile', 'husstil'] },
  { key: 'stedfortraedere', name: 'Stedfortrædere', aliases: ['Stedfortræder'], published: ['Suppleanter'], synonyms: [] },
];

/** The item fields of the markup (spec §3). */
export const ITEM_FIELD_WORDS: readonly FieldWord[] = [
  { key: 'sagsnr', name: 'Sagsnr', aliases: ['Sagsnummer', 'Sags nr'], published: ['Sagsid', 'Sags-id', 'Sag nr', 'Sagsnr.'], synonyms: ['journalnr', 'journalnummer', 'sag nr', 'sagnr'] },
  { key: 'lukket', name: 'Lukket', aliases: [], published: [], synonyms: ['lukket punkt'] },
  { key: 'fravaerende', name: 'Fraværende', aliases: [], published: ['Ikke til stede'], synonyms: ['fravær', 'deltog ikke'] },
];

/**
 * Companions of the case number in published minutes (spec §10: `Sagsbehandler: …`,
 * `Sagsinitialer: …`): accepted as item fields (kept, published as written), not listed
 * among the markup's own item fields.
 */
export const CASE_COMPANION_FIELDS: readonly string[] = ['Sagsbehandler', 'Sagsinitialer', 'Øvrige sagsbehandlere'];

export const HEADER_FIELD_NAMES: readonly string[] = HEADER_FIELD_WORDS.map((f) => f.name);
export const ITEM_FIELD_NAMES: readonly string[] = ITEM_FIELD_WORDS.map((f) => f.name);

function word(words: readonly FieldWord[], key: string): FieldWord {
  return words.find((w) => w.key === key)!;
}

/** Every label the markup (and the profile's `header`) accepts for a header field, the markup's own first. */
export function headerLabels(key: string, profile?: Profile): string[] {
  const w = word(HEADER_FIELD_WORDS, key);
  const own = profile?.header.filter((h) => h.field === key).flatMap((h) => [h.label, ...h.aliases]) ?? [];
  return [w.name, ...w.aliases, ...own];
}

/** Every label accepted for an item field. */
export function itemLabels(key: string): string[] {
  const w = word(ITEM_FIELD_WORDS, key);
  return [w.name, ...w.aliases];
}

/** The label exports write for a header field: the profile's, or the markup's. */
export function headerLabel(key: string, profile?: Profile): string {
  return profile?.header.find((h) => h.field === key)?.label ?? word(HEADER_FIELD_WORDS, key)?.name ?? key;
}

/** Lower-cased accepted label → canonical markup name, for the header (with the profile's own fields and labels). */
export function headerAliasIndex(profile?: Profile): Map<string, string> {
  const m = new Map<string, string>();
  for (const w of HEADER_FIELD_WORDS) for (const l of headerLabels(w.key, profile)) m.set(lower(l), w.name);
  for (const h of profile?.header ?? []) {
    if (HEADER_FIELD_WORDS.some((w) => w.key === h.field)) continue;
    for (const l of [h.label, ...h.aliases]) m.set(lower(l), h.label); // a house-style field of its own
  }
  return m;
}

/** Lower-cased accepted label → canonical name, for item fields (with the case-number companions unless told otherwise). */
export function itemAliasIndex(withCompanions = true): Map<string, string> {
  const m = new Map<string, string>();
  for (const w of ITEM_FIELD_WORDS) for (const l of itemLabels(w.key)) m.set(lower(l), w.name);
  if (withCompanions) for (const c of CASE_COMPANION_FIELDS) m.set(lower(c), c);
  return m;
}

/** Synonyms (lower case → canonical) for "did you mean". */
export function synonymIndex(words: readonly FieldWord[]): Record<string, string> {
  return Object.fromEntries(words.flatMap((w) => w.synonyms.map((s) => [s, w.name] as const)));
}

/** A published header label (`Lokale`, `Medlemmer`, `Mødetidspunkt`) → the markup's field name, or undefined. */
export function publishedHeaderField(label: string): string | undefined {
  const l = lower(label);
  return HEADER_FIELD_WORDS.find((w) => [w.name, ...w.aliases, ...w.published].some((x) => lower(x) === l))?.name;
}

// ─── Sections ─────────────────────────────────────────────────────────────────────────

export interface SectionWord {
  readonly kind: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly portalClass?: string;
}

/**
 * Section kinds: those of the markup (spec §4) and the house-style sections of spec §10,
 * each with the headings published minutes use for it. A profile names and orders the ones
 * its house uses; these are known in every profile.
 */
export const SECTION_WORDS: readonly SectionWord[] = [
  { kind: 'resume', name: 'Resumé', aliases: ['Resume', 'Sagsresumé', 'Sagsresume', 'Resume og sagens baggrund', 'Sagens kerne'], portalClass: 'resume' },
  { kind: 'beslutningstema', name: 'Beslutningstema', aliases: ['Sagstema'] },
  { kind: 'sagstype', name: 'Sagstype', aliases: [] },
  { kind: 'anledning', name: 'Anledning', aliases: [] },
  { kind: 'praesentation', name: 'Præsentation', aliases: [] },
  { kind: 'indstilling', name: 'Indstilling', aliases: ['Indstillinger', 'Forslag', 'Forvaltningen foreslår', 'Indstilling og beslutning'], portalClass: 'indstilling' },
  { kind: 'beslutning', name: 'Beslutning', aliases: [], portalClass: 'beslutning' },
  { kind: 'sagsfremstilling', name: 'Sagsfremstilling', aliases: ['Sagsbeskrivelse', 'Redegørelse', 'Baggrund', 'Supplerende sagsfremstilling'], portalClass: 'sagsfremstilling' },
  { kind: 'historik', name: 'Historik', aliases: [] },
  { kind: 'sagsgang', name: 'Sagen behandles i', aliases: ['Forventet sagsgang'] },
  { kind: 'behandling', name: 'Behandling', aliases: ['Behandlingsplan'] },
  { kind: 'kompetence', name: 'Beslutningskompetence', aliases: ['Hvem beslutter', 'Kompetenceudvalg'] },
  { kind: 'lovgrundlag', name: 'Lovgrundlag', aliases: ['Retsgrundlag'], portalClass: 'lovgrundlag' },
  { kind: 'oekonomi', name: 'Økonomi', aliases: ['Økonomiske konsekvenser', 'Bevillingsmæssige konsekvenser', 'Oekonomi', 'Økonomi og finansiering'], portalClass: 'oekonomi' },
  { kind: 'konsekvenser', name: 'Andre konsekvenser', aliases: ['Konsekvenser'] },
  { kind: 'klima', name: 'Klima & bæredygtighed', aliases: ['Klima og bæredygtighed'] },
  { kind: 'vurdering', name: 'Vurdering', aliases: ['Administrationens vurdering'] },
  { kind: 'bemaerkninger', name: 'Centralforvaltningens bemærkninger', aliases: [] },
  { kind: 'hoering', name: 'Høring', aliases: ['Høringssvar', 'Høring og sagsgang'], portalClass: 'hoering' },
  { kind: 'kommunikation', name: 'Kommunikation', aliases: [], portalClass: 'kommunikation' },
  { kind: 'tidsplan', name: 'Tidsplan', aliases: [], portalClass: 'tidsplan' },
  { kind: 'personale', name: 'Personale', aliases: [] },
  { kind: 'bilag', name: 'Bilag', aliases: ['Bilagsnr', 'Bilagsnr.'], portalClass: 'bilag' },
];

/** A section heading normalised for comparison: case, a trailing colon or full stop, a bullet and space runs do not matter. */
export function normaliseSectionHeading(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFC')
    .replace(/^[•●▪◦-]\s*/, '')
    .replace(/[:.]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

let vocabularyIndex: Map<string, SectionWord> | undefined;

/** The vocabulary's kind of a section heading (names and aliases), or undefined. */
export function sectionWordFor(heading: string): SectionWord | undefined {
  if (!vocabularyIndex) {
    vocabularyIndex = new Map();
    for (const w of SECTION_WORDS) for (const n of [w.name, ...w.aliases]) vocabularyIndex.set(normaliseSectionHeading(n), w);
  }
  return vocabularyIndex.get(normaliseSectionHeading(heading));
}

/** Every section heading the vocabulary knows (as written), for the importer. */
export function knownSectionHeadings(): string[] {
  return SECTION_WORDS.flatMap((w) => [w.name, ...w.aliases]);
}

// ─── Decisions ────────────────────────────────────────────────────────────────────────

/** The standard answer to a proposal, from its verb ("godkendes" → "godkendt"); "godkendt" when the verb says nothing. */
export function answerFor(proposal: string): string {
  const p = proposal.toLowerCase();
  const table: readonly [RegExp, string][] = [
    [/tages?\s+til\s+efterretning|til\s+efterretning/, 'taget til efterretning'],
    [/drøft/, 'drøftet'],
    [/anbefal/, 'anbefalet'],
    [/vedtag/, 'vedtaget'],
    [/afvis/, 'afvist'],
    [/sendes\s+i\s+(?:offentlig\s+)?høring/, 'sendt i høring'],
    [/besluttes/, 'besluttet'],
    [/udsættes/, 'udsat'],
    [/bevilges/, 'bevilget'],
    [/tiltrædes/, 'tiltrådt'],
  ];
  for (const [re, answer] of table) if (re.test(p)) return answer;
  return 'godkendt';
}

/** The answer as a decision point: `at godkendt.` */
export function answerPoint(proposal: string): string {
  return `at ${answerFor(proposal)}.`;
}

/** Fills `{name}` placeholders; undefined when one of them has no value. */
function fill(template: string, values: Readonly<Record<string, string | undefined>>): string | undefined {
  let missing = false;
  const out = template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = values[k];
    if (v === undefined || v === '') missing = true;
    return v ?? '';
  });
  return missing ? undefined : out;
}

/** The profile's name of the decision section (`Beslutning`). */
export function decisionName(profile: Profile): string {
  return profile.sections.find((s) => s.kind === 'beslutning')?.name ?? 'Beslutning';
}

/** A date in the profile's dateFormat. */
export function formatProfileDate(profile: Profile, date: DateParts): string {
  return formatDatePattern(date, profile.dateFormat);
}

function isPlain(template: string): boolean {
  return normaliseSectionHeading(template) === 'beslutning';
}

/**
 * The decision heading as the house style writes it, for this meeting's committee and date
 * (`Beslutning Byrådet den 01-09-2021`, `Kommunalbestyrelsen den 20. august 2020:`). Falls back
 * to the plain decision name when the template needs a committee or date the meeting lacks.
 */
export function buildDecisionHeading(profile: Profile, committee: string | undefined, date: DateParts | undefined): string {
  const template = profile.decisionHeading;
  if (isPlain(template)) return decisionName(profile);
  return fill(template, { committee: committee?.trim(), date: date && formatProfileDate(profile, date) }) ?? decisionName(profile);
}

/** Whether a heading has words the other lacks (so that writing the other in its place would drop them). */
export function saysMore(published: string, written: string): boolean {
  const have = new Map<string, number>();
  for (const w of written.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) have.set(w, (have.get(w) ?? 0) + 1);
  for (const w of published.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const n = have.get(w) ?? 0;
    if (n === 0) return true;
    have.set(w, n - 1);
  }
  return false;
}

/** A placeholder form of the decision heading for completion, when the date is unknown (`… den DD-MM-YYYY`). */
export function decisionHeadingPlaceholder(profile: Profile, committee: string | undefined): string {
  if (isPlain(profile.decisionHeading)) return decisionName(profile);
  const date = profile.dateFormat.replace(/MMMM|MMM|yyyy|yy|dd|d|mm|m/g, (t) => (t[0] === 'y' ? 'YYYY' : t[0] === 'd' ? 'DD' : 'MM'));
  return profile.decisionHeading.replace(/\{committee\}/g, committee?.trim() ?? '').replace(/\{date\}/g, date).replace(/\s+/g, ' ').trim();
}

/** The decision heading of a chain entry of another committee (`Beslutning Økonomiudvalget den 16-06-2014`), read back. */
export interface DecisionHeadingParts {
  readonly committee?: string;
  /** The date as written. */
  readonly date?: string;
  readonly parsedDate?: DateParts;
}

const COMMITTEE = String.raw`(\p{Lu}[\p{L}\p{N}\- &.,()]*?)`;
/** The decision-heading forms of spec §10 that name a committee and a date (whatever the profile). */
const GENERAL_FORMS = [
  'Beslutning i {committee} den {date}',
  'Beslutning {committee} den {date}',
  'Beslutning i {committee}, {date}',
  'Beslutning {committee}, {date}',
  'Beslutning {committee} d. {date}',
  '{committee}s møde den {date}',
  '{committee}s møde {date}',
  '{committee} den {date}',
  '{committee} d. {date}',
  '{committee}, {date}',
];

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regular expression for a heading template: literal text (case and spacing free), {committee}, {date} in any Danish form. */
function templateRegex(template: string): RegExp {
  const t = template.trim().replace(/:$/, '');
  let src = '';
  let rest = t;
  while (rest.length) {
    const m = /\{(committee|date)\}/.exec(rest);
    const lit = m ? rest.slice(0, m.index) : rest;
    src += escapeRe(lit).replace(/\s+/g, String.raw`\s+`).replace(/,/g, String.raw`\s*,`);
    if (!m) break;
    src += m[1] === 'committee' ? COMMITTEE : `(${DANISH_DATE_SOURCE})`;
    rest = rest.slice(m.index + m[0].length);
  }
  // A trailing `, pkt. 123` (Stevns) and a trailing colon are allowed.
  return new RegExp(String.raw`^(?:[•●▪◦-]\s*)?${src}(?:\s*,\s*pkt\.\s*\d+)?\s*:?$`, 'iu');
}

const regexCache = new Map<string, RegExp>();
function cachedRegex(template: string): RegExp {
  let re = regexCache.get(template);
  if (!re) regexCache.set(template, (re = templateRegex(template)));
  return re;
}

function groupsOf(template: string, m: RegExpExecArray): DecisionHeadingParts {
  const order = [...template.matchAll(/\{(committee|date)\}/g)].map((x) => x[1]);
  let committee: string | undefined;
  let date: string | undefined;
  order.forEach((name, i) => {
    if (name === 'committee') committee = m[i + 1]?.trim().replace(/[,]$/, '').replace(/^beslutning\s+(?:i\s+)?/iu, '').replace(/^i\s+/u, '');
    else date = m[i + 1]?.trim();
  });
  return { committee, date, parsedDate: date ? parseDanishDate(date) : undefined };
}

/**
 * Reads a section heading as a decision heading: the profile's template and aliases first,
 * then every form of spec §10 that names a committee and a date. A plain `Beslutning` gives
 * `{}`; anything else undefined.
 */
export function parseDecisionHeading(heading: string, profile?: Profile): DecisionHeadingParts | undefined {
  const h = heading.trim().replace(/\s+/g, ' ');
  if (/^(?:[•●▪◦-]\s*)?beslutning\s*:?$/iu.test(h)) return {};
  const templates = [...(profile ? [profile.decisionHeading, ...profile.decisionHeadingAliases] : []), ...GENERAL_FORMS];
  for (const t of templates) {
    if (isPlain(t)) continue;
    const m = cachedRegex(t).exec(h);
    if (m) {
      const parts = groupsOf(t, m);
      // A form that needs a date must have a readable one: "Forvaltningen den …" stays text otherwise.
      if (t.includes('{date}') && !parts.parsedDate) continue;
      return parts;
    }
  }
  return undefined;
}

/** Whether a heading without the word "Beslutning" reads as a decision heading (a committee and a date). */
export function isCommitteeDateHeading(heading: string, profile?: Profile): boolean {
  const p = parseDecisionHeading(heading, profile);
  return !!p && p.parsedDate !== undefined;
}

// ─── Items ────────────────────────────────────────────────────────────────────────────

/** The item heading text (after `## `) as the house style writes it; `{status}` says whether the item is open or closed. */
export function buildItemHeading(profile: Profile, n: string, title: string, closed = false): string {
  const status = closed ? profile.statusWords.closed : profile.statusWords.open;
  return profile.itemHeading
    .replace(/\{n\}/g, n)
    .replace(/\{status\}/g, status)
    .replace(/\{title\}/g, title)
    .replace(/\s+$/, '')
    .replace(/[:.]$/, (m) => (title ? m : ''));
}

/** An item's status as the agenda systems print it beside the title, `(Åben)`, `(Åbent)`, `(Lukket)` (a regular-expression source, case-insensitive use; group 1 the word). */
export const STATUS_MARKER_SOURCE = String.raw`\((åben|åbent|lukket)\)`;

/**
 * A heading title's status marker, where the house style prints one (`{n} ({status}) {title}`:
 * the title `(Åben) Godkendelse af dagsorden`): the title without it, and whether the marker
 * says closed. Any of the common words is read (`Åben`, `Åbent`, `Lukket`, the profile's own).
 */
export function splitStatus(profile: Profile, title: string): { title: string; closed?: boolean } {
  if (!profile.itemHeading.includes('{status}')) return { title };
  const re = statusRegex(profile);
  const m = re.exec(title);
  if (!m) return { title };
  const found = m[1]!.toLowerCase();
  return { title: (title.slice(0, m.index) + title.slice(m.index + m[0].length)).trim(), closed: found === profile.statusWords.closed.toLowerCase() || found.startsWith('lukket') };
}

/** The status marker as a profile's item heading writes it, made once per template and words (an item's model is rebuilt at every keystroke). */
const statusRegexes = new Map<string, RegExp>();
function statusRegex(profile: Profile): RegExp {
  const t = profile.itemHeading;
  const key = `${t}\u0000${profile.statusWords.open}\u0000${profile.statusWords.closed}`;
  let re = statusRegexes.get(key);
  if (re) return re;
  const words = [profile.statusWords.open, profile.statusWords.closed, 'Åben', 'Åbent', 'Lukket', 'Lukket punkt'];
  const word = [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
  const statusFirst = t.indexOf('{status}') < t.indexOf('{title}');
  // The marker's own punctuation, as the template writes it around {status} (`({status})`).
  const before = escapeRe(/([^\s}]*)\{status\}/.exec(t)?.[1] ?? '');
  const after = escapeRe(/\{status\}([^\s{]*)/.exec(t)?.[1] ?? '');
  re = statusFirst ? new RegExp(`^${before}(${word})${after}\\s*`, 'iu') : new RegExp(`\\s*${before}(${word})${after}$`, 'iu');
  statusRegexes.set(key, re);
  return re;
}

/** A regular expression reading an item heading in the profile's form: groups `n` and `title`. */
export function itemHeadingRegex(template: string): RegExp {
  let src = '';
  let rest = template.trim();
  while (rest.length) {
    const m = /\{(n|title|status)\}/.exec(rest);
    const lit = m ? rest.slice(0, m.index) : rest;
    src += escapeRe(lit).replace(/\s+/g, String.raw`\s+`);
    if (!m) break;
    src += m[1] === 'n' ? String.raw`(?<n>\d{1,4}[A-Za-z]?(?:\.\d+)?)` : m[1] === 'status' ? String.raw`(?<status>\p{L}+(?: \p{L}+)?)` : String.raw`(?<title>.*?)`;
    rest = rest.slice(m.index + m[0].length);
  }
  return new RegExp(String.raw`^${src}\s*$`, 'iu');
}

/** Whether a heading is a decision heading in one of the profile's own forms (its template or aliases, not the general ones). */
export function isProfileDecisionHeading(heading: string, profile: Profile): boolean {
  const h = heading.trim().replace(/\s+/g, ' ');
  return [profile.decisionHeading, ...profile.decisionHeadingAliases].some((t) => {
    if (isPlain(t)) return /^(?:[•●▪◦-]\s*)?beslutning\s*:?$/iu.test(h);
    const m = cachedRegex(t).exec(h);
    return !!m && (!t.includes('{date}') || !!groupsOf(t, m).parsedDate);
  });
}
