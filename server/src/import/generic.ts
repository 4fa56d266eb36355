/**
 * Published minutes in any house style (text taken from a kommune's web page or PDF) →
 * referat markup. Used when the minutes are not in the Randers form that `text.ts` reads.
 *
 * Nothing here knows a kommune: the structure is found from the document itself.
 * - Items: a heading form (`Punkt 12: …`, `Punkt 12 …`, `12. …`, `• 12. …`) that repeats
 *   with rising numbers; a numbered list inside an item (it starts again at 1, its points
 *   begin "at …") is not one. Where the text has no item titles at all, each item starts at
 *   its case-number line and is numbered by its place.
 * - A table of contents is an earlier copy of the item headings (or lines ending in a page
 *   number): it is dropped, since the exports make their own.
 * - Sections: a line that is a section name (alone, with a colon, in capitals, as a bullet);
 *   a name run into its text (`BeslutningGodkendt.`) is split off.
 * - Decisions: of the decision headings of an item (`Beslutning i X den 01-09-2021`,
 *   `X, 16.12.2014`, `X den 20. august 2020:`), the one of this meeting (its date) becomes
 *   the item's Beslutning; earlier ones stay in the item as sub-headings.
 * - Page furniture ("Side 3 af 28", "Til toppen", "Udskriv" …) is dropped and counted; every
 *   other word is kept as content. Pure: no I/O.
 */
import { escapeCommentOpen, type ImportResult, type ImportWarning } from './text.js';
import { caseNumberOf as parseCaseNumber, isCaseNumberLabel, joinCutCaseNumbers } from './casenumber.js';
import { splitLabelRow } from './labelrow.js';
import { contentsRunIn, furniture, headerLabel, headerLabelsWithin, SECTION_WORDS } from './vocabulary.js';
import { builtinProfiles } from '../config/profiles.js';
import { parseDecisionHeading, STATUS_MARKER_SOURCE } from '../model/vocabulary.js';
import { DATE_SOURCE, findDate, findDates, parseMeetingDate } from '../model/dates.js';
import type { Profile } from '../config/schema.js';

export interface GenericStats {
  readonly items: number;
  readonly furnitureDropped: number;
  /** Words of the dropped furniture (lines and page numbers of a table of contents). */
  readonly furnitureWords: number;
  readonly guesses: string[];
}

interface Line {
  readonly no: number;
  readonly text: string;
}

interface ItemStart {
  readonly at: number;
  readonly number: string;
  readonly title: string | null;
  readonly caseAt?: number;
  /** Closed by a marker outside the title (a table of contents' `(Lukket)`). */
  readonly closed?: boolean;
  /** The case type the title opened with (`Beslutningssag:`): kept as the item's `Sagstype`. */
  readonly caseType?: string;
  /** The line that holds the item's number, where it stands under the title (`Sag nr. 130`). */
  readonly numberAt?: number;
}

const ITEM_FORMS: readonly { readonly id: string; readonly re: RegExp }[] = [
  { id: 'punkt', re: /^(?:[•●▪◦-]\s*)?Punkt\s+(\d{1,4}[a-z]?)\s*[:.]?\s+(\S.*)$/iu },
  // Another word before the number: `Nr.143 - Title`, `Pkt. 7: Title`, `Sag nr. 12 Title`.
  { id: 'word', re: /^(?:[•●▪◦]\s*)?(?:Nr|Pkt|Sag(?:\s+nr)?|Dagsordenspunkt)\.?\s*(\d{1,4}[a-z]?)\s*[-–:.]?\s+(\S.*)$/iu },
  { id: 'number', re: /^(?:[•●▪◦]\s*)?(\d{1,4})\.\s+(\p{Lu}.*|\p{Lu})$/u },
  { id: 'spaced', re: /^(\d{1,4})\s{2,}(\p{Lu}.*)$/u },
  // The item's status between number and title (`1 (Åben) Title`, the agenda systems' print form).
  { id: 'status', re: new RegExp(String.raw`^(\d{1,4})\.?\s+(${STATUS_MARKER_SOURCE}\s+\S.*)$`, 'iu') },
  // The number run into the title (a web page that lost the space): `1.Temamøde - Diger`.
  { id: 'run-in', re: /^(\d{1,4})\.(\p{Lu}[\p{L}\p{N}].*)$/u },
  // The number run into the title (a web page's text lost the space: `38Godkendelse af dagsorden`).
  { id: 'glued', re: /^(\d{1,4})(\p{Lu}\p{Ll}{2,}(?:\s.*)?)$/u },
  // A colon after the number: `1: Spørgetid i Byrådet`. Sub-headings inside items are often
  // written so (`1: Baggrund`): the form counts only where no other finds an item.
  { id: 'colon', re: /^(?:[•●▪◦]\s*)?(\d{1,4})\s?:\s+(\p{Lu}.*)$/u },
];

const DATE = DATE_SOURCE;
const DECISION_HEADING = new RegExp(String.raw`^(?:Beslutning(?:\s+i)?\s+)?(\p{Lu}[\p{L}\- &]*?)(?:,|\s+den|\s+d\.)\s+(${DATE})(?:,\s*pkt\.\s*\d+)?\s*:?$`, 'u');
/** A decision heading naming a committee and a date, in any form of spec §10 (the vocabulary's): its date as ISO, or undefined. */
function decisionHeadingDate(text: string): string | undefined {
  const d = parseDecisionHeading(text)?.parsedDate;
  return d ? `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}` : undefined;
}

function clean(raw: string): string {
  return raw.replace(/\u00a0/g, ' ').replace(/\*\*/g, '').replace(/\s+$/, '');
}

/** ISO date of a decision heading's matched date (its group `k`), or undefined. */
function isoOf(m: RegExpExecArray, k: number): string | undefined {
  const d = m[k] ? findDate(m[k]) : undefined;
  return d?.valid ? d.iso : undefined;
}

/** The first date written in the opening lines (at most 40), as ISO: the meeting's date. */
export function meetingDate(lines: readonly Line[]): string | undefined {
  for (const l of lines.slice(0, 40)) {
    for (const d of findDates(l.text)) if (d.valid) return d.iso;
  }
  return undefined;
}

const PAGE_COLUMN = /(?:\s*\.{2,}|\s*…+|\s{2,}|\t)\s*\d{1,3}\s*$/u;

function stripPage(title: string): string {
  return title.replace(PAGE_COLUMN, '').trim();
}

/** Whether the lines between two headings hold an item's body: a case number, a section, or prose. */
function hasBody(lines: readonly Line[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = lines[k]!.text.trim();
    if (t && (caseOf(t) || sectionName(t) || t.length > 80 || decisionLike(t))) return true;
  }
  return false;
}

/**
 * A run of two or more headings with no body between them (a list of closed items, a table of
 * contents without page numbers) is not items; a lone bodiless heading (a closed item shown by
 * its title only) is.
 */
function dropBodiless(lines: readonly Line[], cands: readonly ItemStart[]): ItemStart[] {
  const bare = cands.map((c, k) => !hasBody(lines, c.at + 1, cands[k + 1]?.at ?? lines.length));
  return cands.filter((c, k) => {
    if (!bare[k] || /\(lukket\)|^lukket\b/iu.test(c.title ?? '')) return true;
    const inRun = (bare[k - 1] && cands[k - 1]) || (bare[k + 1] && cands[k + 1]);
    return !inRun;
  });
}

/** Candidate item headings of one form, reduced to a run of rising numbers. */
function itemRun(lines: readonly Line[], form: RegExp): ItemStart[] {
  const cands: ItemStart[] = [];
  for (const [k, l] of lines.entries()) {
    const m = form.exec(l.text.trim());
    if (!m) continue;
    const title = m[2]!.trim();
    if (/^(at|og|der)\b/iu.test(title) || title.length > 200) continue;
    cands.push({ at: k, number: m[1]!, title });
  }
  // Table-of-contents entries: a page column (dot leaders or a gap, then a number), or the
  // same number and title again later in the body.
  const key = (c: ItemStart) => `${c.number} ${stripPage(c.title ?? '').toLowerCase()}`;
  const lastAt = new Map<string, number>();
  for (const [k, c] of cands.entries()) lastAt.set(key(c), k);
  const body = cands.filter((c, k) => lastAt.get(key(c)) === k && !PAGE_COLUMN.test(c.title ?? ''));
  cands.length = 0;
  cands.push(...dropBodiless(lines, body));
  // Longest strictly rising run by number (an inner list restarts at 1 and breaks in). A
  // list inside an item numbers below the item it is in: without the headings numbered at or
  // below the highest one before them, the run is taken if it keeps most of the headings
  // (a stray high number at the top, a year, would otherwise hide all items).
  // A numbered list that begins below the item it is in is a list to its end, even where a
  // later point's number would continue the items' (a list 1-6 inside item 2: its 3 is no
  // item 3). A list's points follow one another at once: on the next line, or at the list's
  // own indentation; its long points (no heading) count too.
  const chains = numberedChains(lines);
  const verdict = new Map<number, boolean>();
  const all = risingRun(cands);
  let top = -1;
  let restartsAtOne = true;
  let inner = false;
  const belowNone = cands.filter((c) => {
    const n = Number.parseInt(c.number, 10);
    const chain = chains.get(c.at);
    if (chain && !verdict.has(chain.first)) verdict.set(chain.first, chain.firstN <= top);
    if (n <= top || (chain && verdict.get(chain.first))) {
      if (!inner && (chain?.firstN ?? n) !== 1) restartsAtOne = false;
      inner = true;
      return false;
    }
    inner = false;
    // A year (`2024. …`) is no item number to measure the others by.
    if (n < 1900 || n > 2099) top = n;
    return true;
  });
  const kept = risingRun(belowNone);
  return kept.length >= all.length * 0.6 || (kept.length > 0 && restartsAtOne) ? kept : all;
}

/**
 * Numbered lines (`1. …`, `2) …`) that follow one another at once (the next line, or the same
 * indentation with only blank lines between) and count up by one: each line's list, by its
 * first line and first number. Lines alone are in no list.
 */
function numberedChains(lines: readonly Line[]): Map<number, { first: number; firstN: number }> {
  const points: { at: number; n: number; indent: number }[] = [];
  for (const [k, l] of lines.entries()) {
    const m = /^(\s*)(?:[•●▪◦]\s*)?(\d{1,3})[.)]\s+\S/u.exec(l.text);
    if (m) points.push({ at: k, n: Number(m[2]), indent: m[1]!.length });
  }
  const blankBetween = (a: number, b: number) => lines.slice(a + 1, b).every((l) => !l.text.trim());
  const out = new Map<number, { first: number; firstN: number }>();
  let chain: { first: number; firstN: number } | undefined;
  for (const [i, p] of points.entries()) {
    const q = points[i - 1];
    const follows = q !== undefined && p.n === q.n + 1 && (p.at === q.at + 1 || (p.indent === q.indent && blankBetween(q.at, p.at)));
    if (follows) {
      chain ??= { first: q.at, firstN: q.n };
      out.set(q.at, chain);
      out.set(p.at, chain);
    } else chain = undefined;
  }
  return out;
}

function risingRun(cands: readonly ItemStart[]): ItemStart[] {
  const nums = cands.map((c) => Number.parseInt(c.number, 10));
  const best: number[] = [];
  const prev: number[] = [];
  for (let a = 0; a < cands.length; a++) {
    best[a] = 1;
    prev[a] = -1;
    for (let b = 0; b < a; b++) if (nums[b]! < nums[a]! && best[b]! + 1 > best[a]!) ((best[a] = best[b]! + 1), (prev[a] = b));
  }
  let end = best.indexOf(Math.max(0, ...best));
  const run: ItemStart[] = [];
  while (end >= 0) {
    run.unshift(cands[end]!);
    end = prev[end]!;
  }
  return run;
}

/** Item headings that are a table of contents: the same number and title come again later. */
function dropToc(run: ItemStart[]): { items: ItemStart[]; toc: ItemStart[] } {
  const key = (s: ItemStart) => `${s.number} ${stripPage(s.title ?? '').toLowerCase()}`;
  const last = new Map<string, number>();
  for (const [k, s] of run.entries()) last.set(key(s), k);
  const toc = run.filter((s, k) => last.get(key(s))! > k);
  return { items: run.filter((s, k) => last.get(key(s)) === k), toc };
}

/** `Sag nr. 129`, `Punkt 4`, `Pkt. 12` alone on a line: an item's number under its title. */
const NUMBER_UNDER_TITLE = /^(?:Sag|Punkt|Pkt\.?|Dagsordenspunkt)\s*(?:nr\.?)?\s*(\d{1,4})$/iu;

/** Items whose number stands on the line under the title: the title is the line before (blank lines aside). */
function numberUnderTitle(lines: readonly Line[]): ItemStart[] {
  const out: ItemStart[] = [];
  for (const [k, l] of lines.entries()) {
    const m = NUMBER_UNDER_TITLE.exec(l.text.trim());
    if (!m) continue;
    let p = k - 1;
    while (p >= 0 && k - p <= 2 && !lines[p]!.text.trim()) p--;
    const title = p >= 0 && k - p <= 2 ? lines[p]!.text.trim() : '';
    if (!title || title.length > 200 || sectionName(title) || headerLabel(title) || caseOf(title) || decisionLike(title) || NUMBER_UNDER_TITLE.test(title)) continue;
    out.push({ at: p, number: m[1]!, title, numberAt: k });
  }
  return out;
}

/**
 * Items from the heading lines a PDF's or Word document's layout marks, for minutes whose item
 * headings carry no number: the most prominent level of headings that are not a section, a
 * decision heading, a header label, a case number, furniture or the document's title (a level
 * holding only the document's first heading is its title). A heading that starts with a number
 * keeps it; the others are numbered by their place.
 */
function hintedItems(lines: readonly Line[], hints: ReadonlyMap<number, number>): ItemStart[] {
  const byLevel = new Map<number, number[]>();
  for (const [k, level] of hints) {
    const t = lines[k]?.text.trim() ?? '';
    if (!t || t.length > 200 || /[.;,!?]$/.test(t) || sectionName(t) || splitRunIn(t) || decisionLike(t) || headerLabel(t) || caseOf(t) || furniture(t)) continue;
    if (/^(?:referat|dagsorden|beslutningsprotokol)\b/iu.test(t)) continue;
    if (!byLevel.has(level)) byLevel.set(level, []);
    byLevel.get(level)!.push(k);
  }
  const first = Math.min(...hints.keys());
  for (const level of [...byLevel.keys()].sort((a, b) => a - b)) {
    const at = byLevel.get(level)!.sort((a, b) => a - b);
    if (at.length === 1 && at[0] === first && byLevel.size > 1) continue;
    let place = 0;
    return at.map((k) => {
      place++;
      const m = /^(?:Punkt\s+)?(\d{1,4}[a-z]?)[.:]?\s+(\S.*)$/iu.exec(lines[k]!.text.trim());
      return { at: k, number: m ? m[1]! : String(place), title: m ? m[2]! : lines[k]!.text.trim() };
    });
  }
  return [];
}

/**
 * An earlier copy of an item's heading before the first item is a contents entry, as is an
 * entry in the same form between them whose number runs on (an item the page cuts off): those
 * lines join the contents (`tocLines`), and the cut-off entries become items, title only. A
 * contents list read from one cell a line (`cellContents`) is a contents list by its form, so
 * one copy suffices there, and its entries run on however far apart.
 */
function withContentsEntries(lines: readonly Line[], items: ItemStart[], first: number, tocLines: Set<number>, guesses: string[]): ItemStart[] {
  const heading = (t: string) => ITEM_FORMS.map((f) => f.re.exec(t.trim())).find((m) => m);
  const key = (n: string, t: string) => `${n} ${stripPage(t).replace(/\s+/g, ' ').trim().toLowerCase()}`;
  const named = new Set(items.map((i) => key(i.number, i.title ?? '')));
  const copies = [...Array(first).keys()].filter((k) => {
    const m = heading(lines[k]!.text);
    return m !== undefined && m !== null && named.has(key(m[1]!, m[2]!));
  });
  const cells = copies.length > 0 && copies.every((k) => CELL_ENTRY.test(lines[k]!.text));
  if (copies.length < 2 && !cells) return items;
  let top = Math.max(...items.map((i) => Number.parseInt(i.number, 10)));
  let last = copies[copies.length - 1]!;
  const cutOff: ItemStart[] = [];
  for (let k = copies[0]!; k < first; k++) {
    const m = heading(lines[k]!.text);
    if (copies.includes(k)) tocLines.add(k);
    else if (m && Number.parseInt(m[1]!, 10) > top && (k <= last + 3 || (cells && CELL_ENTRY.test(lines[k]!.text)))) {
      // The contents names an item the body does not reach (the page is cut off): its title is kept as that item.
      tocLines.add(k);
      top = Number.parseInt(m[1]!, 10);
      last = k;
      cutOff.push({ at: lines.length, number: m[1]!, title: stripPage(m[2]!) });
    }
  }
  if (!cutOff.length) return items;
  guesses.push(`${cutOff.length} ${cutOff.length === 1 ? 'item' : 'items'} (${cutOff.map((c) => c.number).join(', ')}) taken from the table of contents: the text ends before ${cutOff.length === 1 ? 'it' : 'them'}`);
  return [...items, ...cutOff];
}

/** A contents entry joined from cells (`cellContents`): `12. Title`, a tab, its page. */
const CELL_ENTRY = /^\d{1,3}\. \S.*\t\d{1,3}$/u;

/**
 * A contents list whose cells stand one a line, as a PDF's text without its layout gives a
 * table (`1` / `Title` / `4`, a long title on two lines): after the contents heading, an
 * entry number rising by one, one to three lines of title, and a page number that does not go
 * down, with at most a few other lines between entries (a sub-heading, a running header).
 * Three or more such entries are joined, each to one line `1. Title<TAB>4`, which the contents
 * reading takes from there; the lines they came from are left blank.
 */
function cellContents(lines: readonly Line[], furniture: { furniture: number; words: number }): Line[] {
  const at = lines.slice(0, 200).findIndex((l) => /^\s*(?:indholdsfortegnelse|indhold)\s*:?\s*$/iu.test(l.text));
  if (at < 0) return [...lines];
  // An entry's number or page: at most three digits (a year on a title's second line is title).
  const isNum = (k: number) => /^\s*\d{1,3}\.?\s*$/u.test(lines[k]?.text ?? '');
  const num = (k: number) => Number.parseInt(lines[k]!.text, 10);
  const dateLine = (t: string) => parseMeetingDate(t.trim())?.valid === true;
  const entries: { from: number; to: number; n: number; title: string; page: number }[] = [];
  let k = at + 1;
  let gap = 0;
  while (k < lines.length && gap <= 6) {
    const want = entries.length ? entries[entries.length - 1]!.n + 1 : undefined;
    if (isNum(k) && (want === undefined ? num(k) <= 200 : num(k) === want)) {
      const title: string[] = [];
      let j = k + 1;
      // A date alone on its line (a page's running footer) ends the title too.
      while (j < lines.length && title.length < 3 && lines[j]!.text.trim() && !isNum(j) && !dateLine(lines[j]!.text)) title.push(lines[j++]!.text.trim());
      while (j < lines.length && !isNum(j) && dateLine(lines[j]!.text)) j++;
      const page = isNum(j) ? num(j) : undefined;
      if (title.length && page !== undefined && page >= (entries[entries.length - 1]?.page ?? 0)) {
        entries.push({ from: k, to: j, n: num(k), title: title.join(' '), page });
        k = j + 1;
        gap = 0;
        continue;
      }
    }
    if (lines[k]!.text.trim()) gap++;
    k++;
  }
  if (entries.length < 3) return [...lines];
  const out = [...lines];
  for (const [x, e] of entries.entries()) {
    out[e.from] = { no: lines[e.from]!.no, text: `${e.n}. ${e.title}\t${e.page}` };
    for (let j = e.from + 1; j <= e.to; j++) out[j] = { no: lines[j]!.no, text: '' };
    // Between two entries, a page number or a date alone on its line is the page's running footer.
    const next = entries[x + 1]?.from ?? e.to + 1;
    for (let j = e.to + 1; j < next; j++) {
      const t = lines[j]!.text.trim();
      if (!/^\d{1,3}$/.test(t) && !dateLine(t)) continue;
      furniture.furniture++;
      furniture.words += (t.match(/[\p{L}\p{N}]+/gu) ?? []).length;
      out[j] = { no: lines[j]!.no, text: '' };
    }
  }
  return out;
}

/** Words of a contents list that name no item: its heading and its column labels. */
const CONTENTS_WORDS = new Set(['indholdsfortegnelse', 'indhold', 'side', 'sag', 'nr', 'punkt', 'pkt', 'emne']);

/**
 * Whether a line that ends in a page number is the contents' entry of items found: its words
 * are the items' titles. A line whose words mostly name nothing found (a transcript's contents
 * on one line, its entry numbers lost, the body cut before the items it names) is text, kept.
 */
function namesItems(text: string, items: readonly ItemStart[]): boolean {
  const bag = new Map<string, number>();
  for (const it of items) for (const w of (it.title ?? '').toLowerCase().match(/\p{L}+/gu) ?? []) bag.set(w, (bag.get(w) ?? 0) + 1);
  const own = (stripPage(text).toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => !CONTENTS_WORDS.has(w));
  let unnamed = 0;
  for (const w of own) {
    const n = bag.get(w) ?? 0;
    if (n > 0) bag.set(w, n - 1);
    else unnamed++;
  }
  return unnamed <= Math.max(3, own.length / 3);
}

function findItems(lines: Line[], guesses: string[], hints?: ReadonlyMap<number, number>): { items: ItemStart[]; tocLines: Set<number>; pages?: number } {
  let items: ItemStart[] = [];
  let toc: ItemStart[] = [];
  // A run that is one numbered list (its headings on consecutive lines, no body between them)
  // gives way to a form whose run has bodies: `38Godkendelse af dagsorden` … over a list 1-4.
  const chains = numberedChains(lines);
  const oneList = (run: readonly ItemStart[]) => run.length > 1 && run.every((it) => chains.get(it.at) !== undefined && chains.get(it.at) === chains.get(run[0]!.at));
  let itemsOneList = false;
  // A contents entry joined from its cells is never an item heading (it names one).
  const scan = lines.map((l) => (CELL_ENTRY.test(l.text) ? { no: l.no, text: '' } : l));
  for (const f of ITEM_FORMS) {
    if (f.id === 'colon' && items.length) continue;
    const r = dropToc(itemRun(scan, f.re));
    const list = oneList(r.items);
    // Of two forms that find as many items, the one whose headings come first: the other's
    // are their echoes inside the items (`1. Title`, then `Dagsordenspunkt 1: Title` over its decision).
    const more = r.items.length > items.length || (r.items.length === items.length && r.items.length > 0 && r.items[0]!.at < items[0]!.at);
    if ((more && (!list || itemsOneList || items.length === 0)) || (itemsOneList && !list && r.items.length > 0)) {
      ({ items, toc } = r);
      itemsOneList = list;
    }
  }
  // The number on its own line under the title (`Spørgetid` / `Sag nr. 129`), where that finds more.
  const numberedBelow = risingRun(numberUnderTitle(lines));
  if (numberedBelow.length > items.length) {
    items = numberedBelow;
    toc = [];
    guesses.push(`${items.length} items whose number stands on the line under the title ("Sag nr. 129")`);
  }
  // Headings without numbers: the layout's heading lines (PDF, Word), where the text's own forms find none.
  if (items.length === 0 && hints?.size) {
    items = hintedItems(lines, hints);
    if (items.length) guesses.push(`${items.length} items taken from the headings the layout marks (bold, larger or a heading style)`);
  }
  // A TOC entry may have been re-found as a rising run of its own (TOC 1..5, body 1..5: the
  // run keeps the later ones); lines ending in a page number before the first item are TOC too.
  const tocLines = new Set(toc.map((t) => t.at));
  const first = items[0]?.at ?? lines.length;
  for (let k = 0; k < first; k++) if (PAGE_COLUMN.test(lines[k]!.text) && /\p{L}/u.test(lines[k]!.text) && namesItems(lines[k]!.text, items)) tocLines.add(k);
  items = withContentsEntries(lines, items, first, tocLines, guesses);
  if (items.length > 0) return { items: caseTypePrefixes(attachCaseBefore(lines, items), guesses), tocLines };
  // No titles in the text: each item starts at its case-number line; failing that, it runs
  // from its first section to its decision.
  let starts = caseStarts(lines);
  let how = 'each starts at its case number';
  if (!starts.length) {
    starts = sectionRuns(lines).map((k, n) => ({ at: k, number: String(n + 1), title: null }));
    how = 'each runs from its first section to its decision';
  }
  // A table of contents before the first item: its entries name the items the body does not.
  const contents = tableOfContents(lines.slice(0, starts[0]?.at ?? lines.length));
  const useToc = contents && contents.entries.length >= Math.max(2, starts.length);
  if (useToc) {
    const { line, col } = contents.first;
    const before = lines[line]!.text.slice(0, col).trimEnd();
    lines[line] = { no: lines[line]!.no, text: before };
    // The text before the contents on its line (a header run into it) is the header's, even where the line ends in a page column.
    for (let k = line; k <= contents.last; k++) tocLines[k > line || !before ? 'add' : 'delete'](k);
  }
  if (starts.length) {
    if (useToc) {
      guesses.push(`${starts.length} items without a title in the text (${how}): number and title taken from the table of contents, in order`);
      const named = starts.map((s, n) => ({ ...s, number: contents.entries[n]!.number, title: contents.entries[n]!.title, closed: contents.entries[n]!.closed }));
      return { items: caseTypePrefixes(named, guesses), tocLines, pages: contents.pages };
    }
    guesses.push(`${starts.length} items without a title in the text: ${how}, numbered by its place`);
    return { items: starts, tocLines };
  }
  // No item in the body, but a table of contents (the text ends in it): its entries are the items.
  if (useToc) {
    guesses.push(`${contents.entries.length} items taken from the table of contents (no item in the body): titles only, page column dropped`);
    const fromToc = contents.entries.map((e) => ({ at: lines.length, number: e.number, title: e.title, closed: e.closed }));
    return { items: caseTypePrefixes(fromToc, guesses), tocLines, pages: contents.pages };
  }
  return { items: [], tocLines };
}

/** Items without titles in the text: each starts at its labelled case-number line, numbered by its place. */
function caseStarts(lines: readonly Line[]): ItemStart[] {
  const starts: ItemStart[] = [];
  for (const [k, l] of lines.entries()) {
    const c = parseCaseNumber(l.text);
    // A title a transcript's page gave without its number stands on the line before
    // (its case number may be cut short, `Sagsnr.: 14/`: the label on that line is the sign).
    if (k > 0 && RUN_TITLES.has(lines[k - 1]!)) starts.push({ at: k - 1, number: String(starts.length + 1), title: lines[k - 1]!.text, ...(c ? { caseAt: k } : {}) });
    else if (c && c.label) starts.push({ at: k, number: String(starts.length + 1), title: null, caseAt: k });
  }
  return starts;
}

/**
 * Where items with neither title nor case number start: an item is its sections up to and
 * including its decision; the first section after a decision's text opens the next item (an
 * attachment list still belongs to the item before).
 */
function sectionRuns(lines: readonly Line[]): number[] {
  const heads = lines
    .map((l, k) => {
      const t = l.text.trim();
      const name = sectionName(t);
      const decision = decisionLike(t) || /^beslutning(?:er)?$/iu.test(name ?? '');
      return { k, name, decision };
    })
    .filter((x) => x.name || x.decision);
  const opens: number[] = [];
  let afterDecision = false;
  for (const h of heads) {
    const attachment = /^bilag/iu.test(h.name ?? '');
    if (opens.length === 0 || (afterDecision && !h.decision && !attachment)) opens.push(h.k);
    if (!attachment) afterDecision = h.decision;
  }
  return opens;
}

interface TocEntry {
  readonly number: string;
  readonly title: string;
  readonly closed: boolean;
  readonly page?: number;
}

interface Token {
  readonly text: string;
  readonly line: number;
  readonly col: number;
}

const INT = /^\d{1,3}$/;
const OPEN_CLOSED = new RegExp(`^${STATUS_MARKER_SOURCE}$`, 'iu');

/**
 * A table of contents read as a stream of words (a PDF's text may have lost its line breaks
 * or interleaved its columns): entry numbers 1, 2, 3 … in order, each followed by its title
 * and ending in its page number. It starts after the word "Indholdsfortegnelse" (or "Indhold"
 * alone on a line), else at the first line with a page column. Where the PDF put an entry's
 * number and page inside its wrapped title (`… langs vejen 9 27 (Beslutning)`), the page comes
 * first after the number: the title's start is then the tail of the entry before, after that
 * entry's own page. `first` is where the first entry starts (line, column).
 */
export function tableOfContents(lines: readonly Line[]): { entries: TocEntry[]; pages: number; first: { line: number; col: number }; last: number } | undefined {
  let startLine = -1;
  let startCol = 0;
  for (const [k, l] of lines.entries()) {
    const m = /\bIndholdsfortegnelse\b|^\s*Indhold\s*$/iu.exec(l.text);
    if (m) {
      startLine = k;
      startCol = m.index + m[0].length;
      break;
    }
  }
  if (startLine < 0) {
    startLine = lines.findIndex((l) => PAGE_COLUMN.test(l.text) && /\p{L}/u.test(l.text));
    if (startLine < 0) return undefined;
  }
  const tokens: Token[] = [];
  for (let k = startLine; k < lines.length; k++) {
    const text = lines[k]!.text.replace(/\.{2,}|…+/g, (d) => ' '.repeat(d.length));
    const re = /\S+/g;
    for (let m = re.exec(text); m; m = re.exec(text)) if (k > startLine || m.index >= startCol) tokens.push({ text: m[0], line: k, col: m.index });
  }
  // Entry numbers: 1, 2, 3 … each the first token with that number after the one before that
  // follows a page number or a parenthesis (or starts the list); failing that, the first with that number that
  // has a page number right after it.
  // The first entry: the first number (1–999) followed by a title (a capital, a parenthesis, or
  // a number with a full stop); numbers may run on from earlier meetings (126, 127 …).
  const firstAt = tokens.findIndex((x, t) => INT.test(x.text) && Number(x.text) > 0 && /^[\p{Lu}(]|^\d+\.$/u.test(tokens[t + 1]?.text ?? ''));
  if (firstAt < 0) return undefined;
  const at: number[] = [firstAt];
  const numbers: number[] = [Number(tokens[firstAt]!.text)];
  let from = firstAt + 1;
  const find = (n: number): number => {
    const want = String(n);
    let hit = -1;
    for (let t = from; t < tokens.length - 1; t++) {
      if (tokens[t]!.text !== want) continue;
      // Elsewhere in a line, an entry number has its page right after it (columns interleaved).
      if (hit < 0 && INT.test(tokens[t + 1]!.text)) hit = t;
      if (t === from || INT.test(tokens[t - 1]!.text) || /\)\.?$/u.test(tokens[t - 1]!.text)) return t;
    }
    return hit;
  };
  for (;;) {
    // The next number, or one a little further on (an item listed elsewhere, a closed one).
    const last = numbers[numbers.length - 1]!;
    let hit = -1;
    let n = last;
    for (let step = 1; step <= 3 && hit < 0; step++) hit = find((n = last + step));
    if (hit < 0) break;
    at.push(hit);
    numbers.push(n);
    from = hit + 1;
  }
  if (at.length < 2) return undefined;
  const raw = at.map((t, k) => tokens.slice(t + 1, at[k + 1] ?? tokens.length).map((x) => x.text));
  const entries: { number: string; words: string[]; closed: boolean; page?: number }[] = [];
  for (const [k, ws] of raw.entries()) {
    const words = [...ws];
    let closed = false;
    if (words.length && OPEN_CLOSED.test(words[0]!)) closed = /lukket/iu.test(words.shift()!);
    let page: number | undefined;
    // Page first: the number and page sat inside the wrapped title; its start is the tail of the entry before.
    if (words.length && INT.test(words[0]!) && k > 0) {
      page = Number(words.shift());
      const prev = entries[k - 1]!;
      const low = entries[k - 2]?.page ?? 0;
      for (let j = prev.words.length - 2; j >= 0; j--) {
        const v = INT.test(prev.words[j]!) ? Number(prev.words[j]) : NaN;
        if (v >= low && v <= page && /^\p{Lu}/u.test(prev.words[j + 1]!)) {
          words.unshift(...prev.words.splice(j + 1));
          prev.words.pop();
          prev.page = v;
          break;
        }
      }
    } else if (words.length && INT.test(words[words.length - 1]!)) page = Number(words.pop());
    entries.push({ number: String(numbers[k]), words, closed, page });
  }
  const withPage = entries.filter((e) => e.page !== undefined).length;
  if (withPage < Math.max(2, entries.length / 2)) return undefined;
  // A parenthesised word an entry ends in (`(Beslutning)`, `(Orientering)`: the house style's
  // case type) is part of the entry as the document writes it, and stays in its title.
  const out: TocEntry[] = entries.map((e) => ({ number: e.number, title: e.words.join(' ').trim(), closed: e.closed, page: e.page }));
  const firstTok = tokens[at[0]!]!;
  return { entries: out.filter((e) => e.title), pages: withPage, first: { line: firstTok.line, col: firstTok.col }, last: tokens[tokens.length - 1]!.line };
}

const CASE_TYPE_PREFIX = /^(\p{Lu}\p{Ll}{2,}sag)\s*:\s+(\S.*)$/u;

/**
 * A case type written before the title (`Beslutningssag: …`, `Orienteringssag: …`): where two
 * or more titles open with a `<Word>sag:` prefix, it is the house style's case type, not title;
 * it is kept as the item's `Sagstype`, so no word is lost.
 */
function caseTypePrefixes(items: ItemStart[], guesses: string[]): ItemStart[] {
  const typed = items.filter((it) => it.title && CASE_TYPE_PREFIX.test(it.title)).length;
  if (typed < 2) return items;
  guesses.push(`${typed} titles open with a case type ("…sag:"): kept as the item's Sagstype, not in the title`);
  return items.map((it) => {
    const m = it.title ? CASE_TYPE_PREFIX.exec(it.title) : null;
    return m ? { ...it, title: m[2]!, caseType: m[1]! } : it;
  });
}

/** A bare case number on the line before an item heading belongs to that item. */
function attachCaseBefore(lines: readonly Line[], items: ItemStart[]): ItemStart[] {
  const bare = (k: number) => {
    const t = lines[k]?.text.trim() ?? '';
    return Boolean(t && caseOf(t) && !parseCaseNumber(t)!.rest);
  };
  const near = (at: number, step: number) => {
    for (let k = at + step, n = 0; k >= 0 && k < lines.length && n < 2; k += step, n++) if (lines[k]!.text.trim()) return k;
    return -1;
  };
  // The house style puts the case number after the heading where more items have it there:
  // then a case number just before a heading ends the item before it.
  const after = items.filter((it) => bare(near(it.at, 1))).length;
  const before = items.filter((it) => bare(near(it.at, -1))).length;
  if (after >= before) return items;
  return items.map((it) => {
    const k = near(it.at, -1);
    return k >= 0 && bare(k) ? { ...it, caseAt: k } : it;
  });
}

function decisionLike(text: string): boolean {
  const t = text.trim().replace(/^[•●▪◦-]\s*/, '');
  return t.length < 120 && (DECISION_HEADING.test(t) || decisionHeadingDate(t) !== undefined);
}

/** The case number a line holds, and what else it says. */
function caseOf(text: string): { value: string; rest: string } | undefined {
  const c = parseCaseNumber(text);
  return c ? { value: c.value, rest: c.rest } : undefined;
}

/** Where the item's case number is: within its first three lines, or after a label alone on its line. */
function findCaseLine(lines: readonly Line[], from: number, to: number, start?: ItemStart): { at: number; labelAt?: number } | undefined {
  let seen = 0;
  // The heading shown again under itself (`Pkt. 44` / its title, a page's print block) is not one of the item's first lines.
  const echo = (t: string) => start !== undefined && (t === start.title?.trim() || NUMBER_UNDER_TITLE.exec(t)?.[1] === start.number);
  for (let j = from; j < to && seen < 3; j++) {
    const t = lines[j]!.text.trim();
    if (!t || echo(t)) continue;
    seen++;
    if (isCaseNumberLabel(t)) {
      for (let v = j + 1; v < to; v++) if (lines[v]!.text.trim()) return caseOf(lines[v]!.text) ? { at: v, labelAt: j } : undefined;
    }
    if (caseOf(t)) return { at: j };
    if (sectionName(t)) return undefined;
  }
  return undefined;
}

function sectionName(text: string): string | undefined {
  const t = text.trim().replace(/^[•●▪◦-]\s*/, '').replace(/\s*:$/, '');
  if (!t || t.length > 60) return undefined;
  const hit = SECTION_WORDS.get(t.toLowerCase());
  if (!hit) return undefined;
  return t === t.toUpperCase() && t.length > 1 ? t.charAt(0) + t.slice(1).toLowerCase() : t;
}

/** `BeslutningGodkendt.` → ['Beslutning', 'Godkendt.']. */
function splitRunIn(text: string): [string, string] | undefined {
  const m = /^([\p{L} ]{4,40}?)(\p{Lu}\p{Ll}.*)$/u.exec(text.trim());
  if (!m || /\s$/.test(m[1]!)) return undefined;
  const name = sectionName(m[1]!);
  return name ? [name, m[2]!] : undefined;
}

function body(text: string): string {
  let s = escapeCommentOpen(text);
  const bullet = /^\s*[•●▪◦–]\s*(.*)$/.exec(s);
  if (bullet) return `- ${bullet[1]}`;
  if (/^\s*#{1,6}(\s|$)/.test(s)) s = s.replace('#', '\\#');
  if (/^\s*\|/.test(s)) s = s.replace('|', '\\|');
  return s.trim();
}

interface Out {
  lines: string[];
  blank(): void;
  push(s: string): void;
}

function makeOut(): Out {
  const lines: string[] = [];
  return {
    lines,
    blank() {
      if (lines.length && lines[lines.length - 1] !== '') lines.push('');
    },
    push(s: string) {
      lines.push(s);
    },
  };
}

/**
 * A header whose line breaks the PDF's text lost (`… Tilstede: A, B Fraværende: C`): a long
 * line holding two or more header labels is cut before each of them.
 */
function splitRunTogether(head: readonly Line[]): Line[] {
  return head.flatMap((l) => {
    const at = l.text.length > 150 ? headerLabelsWithin(l.text) : [];
    if (at.length < 2) return [l];
    const cuts = [0, ...at, l.text.length];
    return cuts.slice(0, -1).map((c, n) => ({ no: l.no, text: l.text.slice(c, cuts[n + 1]).trim() })).filter((x) => x.text);
  });
}

/**
 * A header a crawler rendered as a table, one cell a line (`Dato: |`, `22-06-2022 17:30:00 |`,
 * `---|---|`): where three or more of its lines end in a cell's bar, the bars are layout, not
 * words, and a label and its value read as on separate lines.
 */
function tableCells(head: readonly Line[]): Line[] {
  const barred = head.filter((l) => /\S\s*\|\s*$/u.test(l.text)).length;
  if (barred < 3) return [...head];
  return head.map((l) => ({ no: l.no, text: l.text.replace(/\s*\|\s*$/u, '') })).filter((l) => !/^[-|\s]*$/u.test(l.text) || !l.text.includes('|'));
}

function titleOf(head: readonly Line[], agenda: boolean): { title: string; committee?: string } {
  const keyword = agenda ? 'DAGSORDEN' : 'REFERAT';
  for (const [k, l] of head.entries()) {
    const m = headerLabel(l.text.trim().replace(/\s*\|$/u, ''));
    // The value on the label's line, or (a label alone, a table's cell) on the next.
    const next = head.slice(k + 1).find((x) => x.text.trim())?.text.trim().replace(/\s*\|$/u, '');
    const value = m?.value || (m && next && !headerLabel(next) && /^\p{Lu}/u.test(next) ? next : '');
    if (m?.field === 'Udvalg' && value && !/^(?:Dato|Type|Tid)\b/u.test(value)) return { title: `${keyword} ${value}`, committee: value };
  }
  // The line that says whose meeting it is (`… møde i X`, `mødet i X`, `Referat for|af|fra X`),
  // else the first line that names more than the document's kind, and is no date.
  const named = (t: string) => t && !headerLabel(t) && !/^(referat|dagsorden|beslutningsprotokol)$/iu.test(t) && !/^(\d|[•●▪◦|*-]|(man|tirs|ons|tors|fre|lør|søn)dag\b)/iu.test(t);
  const whose = /(?:\bmødet?\s+i|^(?:\S+\s+\S+\s+)?(?:referat|dagsorden|beslutningsprotokol)\s+(?:for|af|fra)(?:\s+mødet?\s+i)?)\s+(.+?)(?:\s+(?:møde\s+)?(?:den|d\.)\s.*)?$/iu;
  const texts = head.map((l) => l.text.trim());
  const first = texts.find((t) => named(t) && whose.test(t)) ?? texts.find(named) ?? '';
  // `Referat - Miljøudvalget`: the kind before a dash is no committee.
  const c = whose.exec(first)?.[1] ?? first.replace(/^(?:Referat|Dagsorden|Beslutningsprotokol)\s*[-–—:]\s*/iu, '').split(/\s+[-–—]\s+/)[0]!;
  // The committee's name ends where a date, a time or a header label begins.
  let committee = c
    .replace(/^(Referat|Dagsorden|Beslutningsprotokol)\s*(?:[:–-]\s*)?/iu, '')
    .split(/\s+(?=\d|(?:Mødetidspunkt|Mødedato|Mødested|Mødeafholdelse|Dato|Tidspunkt|Sted|Type)\b)/u)[0]!
    // `… d. 13-08-2024`, `… tirsdag den 1. marts`: the words before the date go with it.
    .replace(/\s+(?:den|d\.)$/u, '')
    .replace(/\s+(?:man|tirs|ons|tors|fre|lør|søn)dag$/iu, '')
    .trim();
  // `Referat af Byrådets møde d. …`: the genitive before `møde` names the committee `Byrådet`.
  if (/[^s]s$/u.test(committee) && first.includes(`${committee} møde`)) committee = committee.slice(0, -1);
  else if (/[^s]s\s+møde$/u.test(committee)) committee = committee.replace(/s\s+møde$/u, '');
  // A name has letters and is no date (`Referat: 27. oktober 2025` names no committee).
  if (!/\p{L}/u.test(committee) || findDate(committee)?.outerStart === 0 || /^\d{1,2}\.\s+\p{Ll}/u.test(committee)) committee = '';
  return { title: committee ? `${keyword} ${committee}` : keyword, committee: committee || undefined };
}

function writeHeader(head: readonly Line[], out: Out, date: string | undefined, agenda: boolean, profile: string, guessed?: { committee?: string; note: string }, committee?: string): void {
  const title = titleOf(head, agenda);
  const keyword = agenda ? 'DAGSORDEN' : 'REFERAT';
  // The title's text as text: a `<!--` in it would open a comment and swallow the header.
  out.push(`# ${escapeCommentOpen(committee && committee !== title.committee ? `${keyword} ${committee}` : title.title)}`);
  out.push('');
  // The meeting's date as the header writes it (`tirsdag den 1. november 2016 kl. 15:30`,
  // `Dato: 05.03.2024`) is the Mødedato, in its words and place; else the date found, in ISO form.
  const dateAt = date ? head.findIndex((l) => writtenDate(l.text.trim())?.iso === date) : -1;
  if (date && dateAt < 0) out.push(`Mødedato: ${date}`);
  // `Dato:` alone on its line, the date on the next: one field (the label is the field's name).
  const labelAt = dateAt > 0 ? dateAt - 1 : -1;
  const dateLabel = labelAt >= 0 && headerLabel(head[labelAt]!.text.trim())?.field === 'Mødedato' && !headerLabel(head[labelAt]!.text.trim())!.value;
  out.push(`Profil: ${profile}`);
  if (guessed) out.push(`<!-- import: ${guessed.note.replace(/--/g, '- -')} -->`);
  for (let k = 0; k < head.length; k++) {
    const t = head[k]!.text.trim();
    if (!t || (dateLabel && k === labelAt)) continue;
    if (k === dateAt) {
      out.blank();
      out.push(`Mødedato: ${writtenDate(t)!.value}`);
      out.blank();
      continue;
    }
    const f = headerLabel(t);
    if (f && f.field !== 'Mødedato' && f.field !== 'Udvalg') {
      let value = f.value;
      // A label alone on its line: its value is on the next lines (one name a line).
      if (!value) {
        const vals: string[] = [];
        // A line that is no such value ends them: another label, a number or a date (a page's footer), the contents.
        const isValue = (t: string) => t && !headerLabel(t) && !/:$/u.test(t) && !/^\d/u.test(t) && !findDate(t) && !/^(?:Indholdsfortegnelse|Indhold)\b/iu.test(t);
        // Values written as a list (`- Name`, `• Name`) end where the list does.
        const bullet = /^[-•●▪◦–]\s+/u;
        const listed = bullet.test(head[k + 1]?.text.trim() ?? '');
        while (k + 1 < head.length && isValue(head[k + 1]!.text.trim()) && (!listed || bullet.test(head[k + 1]!.text.trim()))) vals.push(head[++k]!.text.trim().replace(bullet, ''));
        value = vals.join(', ');
      }
      if (value) {
        out.push(`${f.field}: ${value.replace(/,\s*\(/g, ' (').replace(/\s+/g, ' ')}`);
        continue;
      }
    }
    // A note is its own paragraph: run on into the fields' lines it would swallow them (a
    // `Mødested:` after it read as note text, the meeting without its place and members).
    out.blank();
    out.push(body(t.replace(/^([\p{L} .]+):\s*$/u, '$1')).replace(/^([\p{L} .]+):(\s|$)/u, '$1 –$2'));
    out.blank();
  }
}

/** A header line that is the meeting's date (the date alone, weekday, `den`, time allowed, or a date field's value): as written, and as ISO. */
function writtenDate(t: string): { value: string; iso: string } | undefined {
  const f = headerLabel(t);
  const value = f ? (f.field === 'Mødedato' ? f.value : undefined) : t;
  if (!value || /<!--|-->/.test(value)) return undefined;
  const d = parseMeetingDate(value);
  return d?.valid ? { value: value.replace(/\s+/g, ' '), iso: `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}` } : undefined;
}

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

interface ItemCtx {
  readonly lines: readonly Line[];
  readonly from: number;
  readonly to: number;
  readonly date?: string;
  readonly start: ItemStart;
  readonly drop: Set<number>;
  /** Heading lines the layout marks (PDF, Word). */
  readonly hints?: ReadonlyMap<number, number>;
  /** Whether the layout marks the section headings (most section names are marked lines). */
  readonly layoutSections?: boolean;
  /** This meeting's committee, as the title names it. */
  readonly committee?: string;
}

/**
 * This meeting's committee: the title's, unless this meeting's decision headings (dated its
 * date, and saying `Beslutning`) name another that the title's line does not contain (a page
 * whose first line is a UI label, `Mødedetaljer`, above `Beslutning i Byrådet den
 * 20-06-2018`): then the one most of them name.
 */
function meetingCommittee(fromTitle: string | undefined, lines: readonly Line[], from: number, date: string | undefined): string | undefined {
  if (!date) return fromTitle;
  const named: string[] = [];
  const bare: string[] = [];
  for (let k = from; k < lines.length; k++) {
    const t = lines[k]!.text.trim().replace(/^[•●▪◦-]\s*/, '');
    const m = t.length < 120 ? DECISION_HEADING.exec(t) : null;
    const who = m?.[1]?.replace(/(?<=[^s])s\s+møde$/u, '').trim();
    if (!m || !who || isoOf(m, 2) !== date) continue;
    // A heading that says it is a decision (`Beslutning [i] X den …`); `Beslutning på byrådsmødet den …` names the meeting, not a committee.
    if (/^beslutning\s/iu.test(t)) {
      if (!/^beslutning\b/iu.test(who)) named.push(who);
    } else if (/,\s*pkt\.\s*\d+\s*:?$/u.test(t)) bare.push(who);
  }
  // Where the title names no committee, this meeting's dated headings without the word that
  // cite their item (`Kultur- og Idrætsudvalget, 03-04-2019, pkt. 42`) name it; a case's
  // schedule (`Kommunalbestyrelsen den 30. august 2022`) or a weekday does not.
  if (!named.length && !fromTitle) named.push(...bare);
  const count = (c: string) => named.filter((n) => n === c).length;
  const most = [...new Set(named)].sort((a, b) => count(b) - count(a))[0];
  if (!most || !fromTitle) return fromTitle ?? most;
  const a = fromTitle.toLowerCase();
  const b = most.toLowerCase();
  return a.includes(b) || b.includes(a) || sameCommittee(most, fromTitle) ? fromTitle : most;
}

/** The line just before a heading (blank lines aside) that says the same (spacing aside: `2. Title`, `2.     Title`), if there is one. */
function repeatedBefore(lines: readonly Line[], at: number): number | undefined {
  const key = (t: string) => t.trim().replace(/\s+/g, ' ').toLowerCase();
  if (at >= lines.length) return undefined;
  for (let k = at - 1; k >= 0 && k >= at - 3; k--) {
    const t = lines[k]!.text.trim();
    if (!t) continue;
    return key(t) === key(lines[at]!.text) ? k : undefined;
  }
  return undefined;
}

/** Whether a decision heading's committee is this meeting's (`Byrådet`, `Byrådets møde`). */
function sameCommittee(named: string, committee: string | undefined): boolean {
  if (!committee) return false;
  const a = named.toLowerCase().replace(/s?\s+møde$/u, '').trim();
  const b = committee.toLowerCase().trim();
  return a === b || a === `${b}s` || b === `${a}s`;
}

/**
 * This meeting's decision among the item's decision headings: the one dated this meeting's
 * date (of several, the one naming this meeting's committee); with no date known, the one
 * naming the committee, else the last; failing all, a plain `Beslutning`.
 */
function decisionPick(ctx: ItemCtx): number | undefined {
  const dated: { k: number; ours: boolean }[] = [];
  let plain: number | undefined;
  for (let k = ctx.from; k < ctx.to; k++) {
    const t = ctx.lines[k]!.text.trim().replace(/^[•●▪◦-]\s*/, '');
    if (/^beslutning(?:er)?:?$/iu.test(t)) plain ??= k;
    const m = DECISION_HEADING.exec(t);
    const iso = t.length < 120 ? (m ? isoOf(m, 2) : decisionHeadingDate(t)) : undefined;
    if (iso && (!ctx.date || iso === ctx.date)) dated.push({ k, ours: m ? sameCommittee(m[1]!, ctx.committee) : false });
  }
  const pick = (dated.filter((d) => d.ours).pop() ?? dated.pop())?.k;
  // `Høring og sagsgang` / `Kommunalbestyrelsen den 30. august 2022` (who treats the case when),
  // then `Beslutning` / `Godkendt.`: a committee and a date without the word Beslutning that a
  // plain `Beslutning` follows is the case's schedule; the plain heading is the decision.
  if (pick !== undefined && plain !== undefined && plain > pick && !/^(?:[•●▪◦-]\s*)?beslutning\b/iu.test(ctx.lines[pick]!.text.trim())) return plain;
  return pick ?? plain;
}

const LEADING_STATUS = new RegExp(String.raw`^${STATUS_MARKER_SOURCE}\s+(?=\S)`, 'iu');

/** The item's title as the heading writes it, and whether a marker in it (or beside it) says closed. */
function itemTitle(start: ItemStart): { title: string; closed: boolean } {
  const rawTitle = start.title ?? '(uden titel)';
  const closed = start.closed || /\(lukket(?: punkt| sag)?\)|^lukket\b/iu.test(rawTitle) || /\bLukket\s*$/u.test(rawTitle);
  // The status before the title (`1 (Åben) Title`, the agenda systems' print form) is the item's state, not its
  // title: a closed one is `Lukket: ja`, and a house style with `{status}` in its item heading prints it again.
  const title = rawTitle.replace(/\s{3,}(Åbent|Lukket)\s*$/u, '').replace(LEADING_STATUS, '').replace(/\s+/g, ' ');
  return { title, closed };
}

function writeItem(ctx: ItemCtx, out: Out, stats: { furniture: number; words: number }): void {
  const { lines, start } = ctx;
  const { title, closed } = itemTitle(start);
  out.blank();
  out.push(`## Punkt ${start.number}: ${title}`);
  let k = ctx.from;
  const found = start.caseAt !== undefined ? { at: start.caseAt } : findCaseLine(lines, ctx.from, ctx.to, start);
  if (found) {
    const c = caseOf(lines[found.at]!.text)!;
    out.push(`Sagsnr: ${c.value}`);
    ctx.drop.add(found.at);
    if (found.labelAt !== undefined) ctx.drop.add(found.labelAt);
    if (closed) out.push('Lukket: ja');
  } else if (closed) out.push('Lukket: ja');
  if (start.caseType) (out.blank(), out.push('### Sagstype'), out.blank(), out.push(body(start.caseType)));
  const decision = decisionPick(ctx);
  let inSection = false;
  let opening = true;
  let inAttachments = false;
  const fieldSafe = (s: string) => (opening ? s.replace(/^(\p{Lu}[\p{L}\p{M}-]*(?: [\p{L}\p{M}-]+){0,3}[ \t]*:)(?=\s|$)/u, '**$1**') : s);
  for (; k < ctx.to; k++) {
    // What the case-number line says besides the number (`J.nr.: …`) stays where it was.
    const rest = found && k === found.at ? caseOf(lines[k]!.text)!.rest : '';
    if (rest) {
      if (!inSection) (out.blank(), (inSection = true));
      out.push(fieldSafe(body(rest)));
      continue;
    }
    if (ctx.drop.has(k)) continue;
    const t = lines[k]!.text.trim();
    if (!t) {
      out.blank();
      continue;
    }
    if (furniture(t)) {
      stats.furniture++;
      stats.words += wordCount(t);
      continue;
    }
    if (k === decision) {
      inAttachments = false;
      out.blank();
      // `Beslutninger` (the plural some systems print) is the markup's `Beslutning`.
      out.push(/^(?:[•●▪◦-]\s*)?Beslutning/iu.test(t) ? `### ${t.replace(/^[•●▪◦-]\s*/, '').replace(/:$/, '').replace(/^Beslutninger$/iu, 'Beslutning')}` : '### Beslutning');
      if (!/^(?:[•●▪◦-]\s*)?Beslutning/iu.test(t)) (out.blank(), out.push(`**${t}**`));
      out.blank();
      inSection = true;
      opening = false;
      continue;
    }
    // Under Bilag, a listed attachment named like a section (`• Indstilling`) is an attachment;
    // where the layout marks the section headings, a section name it does not mark is text.
    const listed = inAttachments && /^[•●▪◦–-]\s/u.test(t);
    const name = listed || (ctx.layoutSections && !ctx.hints?.has(k)) ? undefined : sectionName(t);
    const runIn = name || listed ? undefined : splitRunIn(t);
    if (name || runIn) {
      const n = name ?? runIn![0];
      inAttachments = /^bilag/iu.test(n);
      out.blank();
      out.push(/^beslutning(?:er)?$/iu.test(n) && decision !== undefined && decision !== k ? `#### ${n}` : `### ${n}`);
      out.blank();
      if (runIn) out.push(body(runIn[1]));
      inSection = true;
      opening = false;
      continue;
    }
    if (decisionLike(t)) {
      out.blank();
      out.push(`#### ${t.replace(/^[•●▪◦-]\s*/, '')}`);
      out.blank();
      continue;
    }
    // `Kompetenceudvalg: Byrådet`: a section name with its content on the same line; right
    // under a heading with nothing under it yet, it is that section's first line.
    if (!justUnderHeading(out) && labelledSection(t, out)) {
      inSection = true;
      opening = false;
      continue;
    }
    // A heading the layout marks that names no section: a sub-heading of the item.
    if (ctx.hints?.has(k) && t.length < 150 && !/[.;,!?]$/.test(t)) {
      if (!inSection) (out.blank(), out.push('### Sagsfremstilling'));
      inSection = true;
      out.blank();
      out.push(`#### ${body(t).replace(/^[-#\\]+\s*/, '')}`);
      out.blank();
      continue;
    }
    // Text before the item's first section stays where it is, in the item's opening (no section is invented).
    // A blank line after the item's fields, so that a `Label: value` line of the text is no field.
    if (!inSection) {
      out.blank();
      inSection = true;
    }
    // In the item's opening a `Label: value` line would read as an item field: its label is set bold.
    out.push(fieldSafe(body(t)));
  }
}

/** Whether the last line written is a section heading (a blank line aside). */
function justUnderHeading(out: Out): boolean {
  const last = [...out.lines].reverse().find((l) => l !== '');
  return last !== undefined && /^### /.test(last);
}

/** `Kompetenceudvalg: Byrådet`: a section name and its content on one line, written as that section; false when the line is not one. */
function labelledSection(text: string, out: Out): boolean {
  const m = /^([\p{L}][\p{L} &]{2,40}?)\s*:\s+(\S.*)$/u.exec(text);
  const name = m ? sectionName(m[1]!) : undefined;
  if (!m || !name || /^beslutning(?:er)?$/iu.test(m[1]!)) return false;
  out.blank();
  out.push(`### ${name}`);
  out.blank();
  out.push(body(m[2]!));
  return true;
}

/**
 * The width the layout wrapped the text at, where it did: many lines end close to one longest
 * length (a PDF's or a mail's text). Web pages, whose paragraphs are one line each, have none.
 */
function wrapWidth(lines: readonly Line[]): number | undefined {
  const lengths = lines.map((l) => l.text.trim().length).filter((n) => n >= 20).sort((a, b) => a - b);
  if (lengths.length < 8) return undefined;
  const width = lengths[Math.floor(lengths.length * 0.95) - (lengths.length >= 20 ? 0 : 1)]!;
  const near = lengths.filter((n) => n >= width * 0.8 && n <= width * 1.05).length;
  // A column narrower than 40 characters is a list (of names, of figures), not a wrapped text.
  return width >= 40 && near >= Math.max(4, lengths.length * 0.3) ? width : undefined;
}

const SENTENCE_END = /[.!?:;]["”’)]*$/u;

/** The number of a numbered point (`2. Bygherre …`, `3) At …`), or undefined. */
function pointNumber(text: string): number | undefined {
  const m = /^(\d{1,3})[.)]\s+\p{Lu}/u.exec(text);
  return m ? Number(m[1]) : undefined;
}

/**
 * Joins the lines the layout wrapped: a line that reaches the wrap width and ends no sentence,
 * followed by a line that goes on in lower case or with a number (`1990. …` is then no numbered
 * point), or that completes a title. A line the author broke (short of the width, or ending a
 * sentence) is kept; so is any line followed by a heading, a section, a bullet or a blank line.
 */
export function joinWrapped(lines: readonly Line[]): Line[] {
  const width = wrapWidth(lines);
  if (!width) return [...lines];
  const out: Line[] = [];
  let p = ''; // the last physical line
  for (const l of lines) {
    const prev = out[out.length - 1];
    const t = l.text.trim();
    const long = p.length >= width * 0.8 && p.length <= width * 1.1;
    // The next point of a numbered list (`2. Bygherre …` after `1. Udendørs …`) is no wrapped line.
    const nextPoint = pointNumber(t) !== undefined && prev !== undefined && pointNumber(prev.text.trim()) === pointNumber(t)! - 1;
    const goesOn = /^[\p{Ll}\d(]/u.test(t) && !/^[•●▪◦–-]\s/u.test(t) && !nextPoint;
    // A title the wrap cut goes on with its last words, a capital or not, short of the width.
    const titleGoesOn = prev !== undefined && ITEM_FORMS.some((f) => f.re.test(prev.text.trim())) && !ITEM_FORMS.some((f) => f.re.test(t)) && t.length < width * 0.8 && !decisionLike(t);
    if (prev && t && long && !SENTENCE_END.test(p) && (goesOn || titleGoesOn) && !sectionName(t) && !caseOf(t) && !furniture(t) && !sectionName(p)) {
      out[out.length - 1] = { no: prev.no, text: `${prev.text.trimEnd()} ${t}` };
      p = t;
      continue;
    }
    out.push(l);
    p = t;
  }
  return out;
}

/**
 * A contents heading run into the first entry (a web page's text lost the line break:
 * `Indholdsfortegnelse1. Fraværende`): split, so that the entry reads as a numbered heading.
 */
function splitContentsHeading(lines: readonly Line[]): Line[] {
  return lines.flatMap((l) => {
    const m = contentsRunIn(l.text);
    return m ? [{ no: l.no, text: m[0] }, { no: l.no, text: m[1] }] : [l];
  });
}

/**
 * A decision heading of this meeting run into a line of text (a flipbook's text runs an item
 * into one paragraph: `Godkendelse af dagsorden. Byrådet, 16.12.2014 A var fraværende.
 * Godkendt.`): after a sentence's end, the committee and this meeting's date, then text. The
 * line is split there (also where the line begins with the heading, or the word Beslutning
 * follows a case number), so that the heading opens
 * the decision. Only this meeting's date: a
 * committee and a date inside a sentence is no heading.
 */
function splitRunOnDecisions(lines: readonly Line[], date: string | undefined): Line[] {
  if (!date) return [...lines];
  const split = splitRunOnDecisionLines(lines, date);
  return split.length > lines.length ? splitRunOnSections(split) : split;
}

/** The section names, longest first, as a pattern: `Resume og sagens baggrund` before `Resume`. */
const SECTION_NAMES = [...SECTION_WORDS.keys()]
  .filter((n) => n.length >= 5)
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
  .join('|');

/** A case-number label (`Sagsnr.:`, `Sagsid.:`, `J.nr.:`) where a run-together line goes on. */
const CASE_LABEL_AHEAD = /^(?:Sagsnr|Sagsnummer|Sagsid|Sags-id|Sags? nr|J\.\s?nr|Journalnr|Dok\.\s?nr|Dokumentnr)\.?\s*(?::|$)/iu;

/** What ends an item's title inside a run-together line: a case number (labelled or bare) or a section name before its text. */
function titleStop(rest: string): boolean {
  if (CASE_LABEL_AHEAD.test(rest) || caseOf(rest)?.value.includes('-') || /^\d{2}\/\d{3,}/u.test(rest)) return true;
  const m = new RegExp(String.raw`^(?:${SECTION_NAMES})(?!\p{L})`, 'iu').exec(rest);
  // Capitalised, and its text begins with a capital (the `i` flag would let \p{Lu} match any letter).
  return !!m && /^\p{Lu}/u.test(m[0]) && /^:?(?:\s+\p{Lu}|\s*$)/u.test(rest.slice(m[0].length));
}

/**
 * Item headings inside a line that runs a page together (a transcript of a PDF that lost its
 * line breaks, one line a page: `… Godkendt. 2. Ny busrute Sagsnr.: 31/1002 Sagsfremstilling
 * …`). Where the structure shows them — a number, a title in capitals' case and then a case
 * number or a section name, in a line that holds at least two of those signs, the numbers rising
 * through the document — the line is split before the heading and after its title (and after a
 * case number that follows it), and the section names run into the text are split off as in a
 * flipbook's page. A list point (`1. Kommunens budget`) inside an item is not followed by such a
 * sign, and a number below the last heading's is no heading. Once a line has shown the loss,
 * a shorter line with one sign counts too. The page number that opens each page's line (1, 2, 3 …)
 * is dropped as page furniture (counted in `dropped`).
 */
function splitRunOnItems(lines: readonly Line[], dropped: { furniture: number; words: number }): Line[] {
  const signs = new RegExp(String.raw`(?:^|\s)(?:Sagsnr|Sagsid|Sagsnummer|J\.\s?nr|Dok\.\s?nr|${SECTION_NAMES})\b`, 'giu');
  const cuts = new Map<number, { at: number; end: number }[]>();
  let last = -1;
  for (const [k, l] of lines.entries()) {
    // Once the document has shown the loss, a shorter line counts too (a page's last line, cut).
    const n = [...l.text.matchAll(signs)].length;
    if (cuts.size ? n < 1 : l.text.length < 100 || n < 2) continue;
    for (const m of l.text.matchAll(/(?<=^|\s)(\d{1,4})\.\s+(?=\p{Lu})/gu)) {
      const n = Number(m[1]);
      if (n <= last) continue;
      const from = m.index! + m[0].length;
      // The title: up to 25 words, no sentence's end in it, then a stop.
      const words = [...l.text.slice(from).matchAll(/\S+/gu)].slice(0, 26);
      let titleEnd: number | undefined;
      for (let w = 1; w < words.length; w++) {
        const prev = words[w - 1]![0];
        // A sentence's end (`Godkendt. Sagen …`), not an abbreviation (`vedr. kommunens`).
        if (/\p{L}{3,}[.!?]$/u.test(prev) && /^\p{Lu}/u.test(words[w]![0])) break;
        if (titleStop(l.text.slice(from + words[w]!.index!))) {
          titleEnd = from + words[w - 1]!.index! + prev.length;
          break;
        }
      }
      if (titleEnd === undefined) continue;
      last = n;
      const spans = [{ at: m.index!, end: titleEnd }];
      // A case number right after the title is its own line (its companions stay with the text).
      const rest = l.text.slice(titleEnd).trimStart();
      const cn = caseOf(rest);
      if (cn) spans.push({ at: titleEnd, end: l.text.length - rest.length + rest.indexOf(cn.value) + cn.value.length });
      cuts.set(k, [...(cuts.get(k) ?? []), ...spans]);
    }
  }
  if (cuts.size === 0) return unnumberedPages(lines, signs, dropped);
  // A transcript's page number opens each page's line (1, 2, 3 …): page furniture.
  const paged = lines.map((l, k) => ({ l, n: l.text.length >= 100 || cuts.has(k) ? /^(\d{1,3})\s+(?=\S)/u.exec(l.text) : null }));
  const numbered = paged.filter((p) => p.n);
  const pageRun = numbered.length >= 2 && numbered.every((p, i) => i === 0 || Number(p.n![1]) === Number(numbered[i - 1]!.n![1]) + 1);
  const unpaged = paged.map(({ l, n }) => {
    if (!pageRun || !n) return l;
    dropped.furniture++;
    dropped.words++;
    return { no: l.no, text: l.text.slice(n[0].length) };
  });
  return splitRunOnSections(
    unpaged.flatMap((l, k) => (cuts.has(k) ? cutLine(l, cuts.get(k)!.map((c) => shift(c, lines[k]!.text.length - l.text.length))) : [l])),
    true,
  );
}

/**
 * A page's link text run into an item heading (`1. Godkendelse af dagsordenKlik her for at
 * folde ud og læse mere om Godkendelse af dagsorden`): where a heading's title goes on, with no
 * space, into text that ends with the title again, that text is the page's, not the title's.
 * It is dropped as page furniture (counted in `dropped`).
 */
function dropLinkText(lines: readonly Line[], dropped: { furniture: number; words: number }): Line[] {
  return lines.map((l) => {
    const t = l.text.trim();
    for (const f of ITEM_FORMS) {
      const m = f.re.exec(t);
      if (!m) continue;
      const title = m[2]!;
      for (const g of title.matchAll(/(?<=[\p{Ll}\p{N})])(?=\p{Lu})/gu)) {
        const own = title.slice(0, g.index).trim();
        if (own.length >= 3 && title.slice(g.index).endsWith(` ${own}`)) {
          dropped.furniture++;
          dropped.words += wordCount(title.slice(g.index));
          return { no: l.no, text: t.slice(0, t.length - title.length + g.index!) };
        }
      }
      return l;
    }
    return l;
  });
}

/** Titles a transcript's pages gave without a number (see {@link unnumberedPages}): an item starts at one, its case number on the next line. */
const RUN_TITLES = new WeakSet<Line>();

/**
 * A transcript whose item numbers were lost (`3 Vordingborg Kommune Dato Side Udvalget Title
 * Sagsnr.: 14/… Sagsfremstilling …`): each page's line holds a case-number label after its
 * title. The words every such line opens with (after its page number) are the running header,
 * page furniture; what follows them up to the label is the item's title. Only where two or more
 * lines show it and each has a title left.
 */
function unnumberedPages(lines: readonly Line[], signs: RegExp, dropped: { furniture: number; words: number }): Line[] {
  const label = /(?<=\s)(?:Sagsnr|Sagsid|Sagsnummer)\.?\s*:/u;
  const pages = lines.flatMap((l, k) => {
    const m = l.text.length >= 100 && [...l.text.matchAll(signs)].length >= 2 ? label.exec(l.text) : null;
    const page = /^\d{1,3}\s+/u.exec(l.text)?.[0] ?? '';
    return m ? [{ k, page, words: l.text.slice(page.length, m.index).trim().split(/\s+/u), at: m.index }] : [];
  });
  if (pages.length < 2) return [...lines];
  let common = 0;
  while (pages.every((p) => p.words[common] !== undefined && p.words[common] === pages[0]!.words[common] && p.words.length > common + 1)) common++;
  if (common === 0) return [...lines];
  const byLine = new Map(pages.map((p) => [p.k, p]));
  return lines.flatMap((l, k) => {
    const p = byLine.get(k);
    if (!p) return [l];
    dropped.furniture++;
    dropped.words += common + (p.page ? 1 : 0);
    const title: Line = { no: l.no, text: p.words.slice(common).join(' ') };
    RUN_TITLES.add(title);
    return [title, ...splitRunOnSections([{ no: l.no, text: l.text.slice(p.at) }], true)];
  });
}

function shift(span: { at: number; end: number }, by: number): { at: number; end: number } {
  return { at: Math.max(0, span.at - by), end: span.end - by };
}

/** A line cut into pieces: the text before each span, the span, and the rest after the last. */
function cutLine(l: Line, spans: readonly { at: number; end: number }[]): Line[] {
  const out: Line[] = [];
  let at = 0;
  for (const c of spans) {
    const before = l.text.slice(at, c.at).trim();
    if (before) out.push({ no: l.no, text: before });
    out.push({ no: l.no, text: l.text.slice(c.at, c.end).trim() });
    at = c.end;
  }
  const rest = l.text.slice(at).trim();
  if (rest) out.push({ no: l.no, text: rest });
  return out;
}


/**
 * Section headings run into the text of a page that lost its line breaks (a flipbook's text
 * runs an item into one paragraph: `00.30.10-S00-3-16 Resume Kompetenceudvalg: Byrådet … INDSTILLING
 * Økonomiudvalget indstiller, at … Sagsfremstilling Økonomiudvalget fremlægger …`). Only where the
 * document shows that loss (a decision heading run into text), and only a section name that opens
 * the line (after its case number), follows a sentence's end, or is written in capitals, and is
 * followed by a capital letter: a section word inside a sentence (`… en indstilling om …`) stays.
 */
function splitRunOnSections(lines: readonly Line[], anywhere = false): Line[] {
  // In a transcript whose pages lost their line breaks (items found inside its lines), a
  // capitalised section name anywhere is a heading: Danish writes nouns in lower case.
  const named = new RegExp(String.raw`(?<=${anywhere ? String.raw`^|\s` : String.raw`^|[.!?]\s+|^\S*\d\S*\s+`})(?:${SECTION_NAMES})(?=\s+\S)`, 'giu');
  const capitals = /(?<=\s)\p{Lu}{5,}(?:\s+\p{Lu}{2,})*(?=\s+\p{Lu})/gu;
  const out: Line[] = [];
  for (const l of lines) {
    const cuts: { at: number; end: number }[] = [];
    if (l.text.length > 60) {
      // A name in running text is capitalised as a heading and followed by a capital (`Sagsfremstilling Økonomiudvalget …`).
      for (const m of l.text.matchAll(named)) {
        const end = m.index! + m[0].length;
        if (/^\p{Lu}/u.test(m[0]) && /^\s+\p{Lu}/u.test(l.text.slice(end))) cuts.push({ at: m.index!, end });
      }
      for (const m of l.text.matchAll(capitals)) if (SECTION_WORDS.has(m[0].toLowerCase().replace(/\s+/g, ' '))) cuts.push({ at: m.index!, end: m.index! + m[0].length });
      cuts.sort((a, b) => a.at - b.at);
      for (let i = cuts.length - 1; i > 0; i--) if (cuts[i]!.at < cuts[i - 1]!.end) cuts.splice(i, 1);
    }
    out.push(...(cuts.length ? cutLine(l, cuts) : [l]));
  }
  return out;
}

function splitRunOnDecisionLines(lines: readonly Line[], date: string): Line[] {
  const re = new RegExp(String.raw`(?:(?<=^|[.!?:]\s+)|(?<=\s)(?=Beslutning\s))((?:Beslutning(?:\s+i)?\s+)?\p{Lu}[\p{L}\-]*(?:\s[\p{L}\-&]+){0,3}(?:,|\s+den|\s+d\.)\s+(${DATE}))(?::)?\s+(?=\p{Lu})`, 'gu');
  const out: Line[] = [];
  for (const l of lines) {
    let at = 0;
    let split = false;
    for (const m of l.text.matchAll(re)) {
      // The date groups begin after the heading's group.
      if (isoOf(m as RegExpExecArray, 2) !== date) continue;
      const before = l.text.slice(at, m.index).trimEnd();
      if (before) out.push({ no: l.no, text: before });
      out.push({ no: l.no, text: m[1]! });
      at = m.index + m[0].length;
      split = true;
    }
    out.push(split ? { no: l.no, text: l.text.slice(at) } : l);
  }
  return out;
}

/**
 * This meeting's date and committee as its decision headings write them, for a page whose
 * opening names no date. An item's own decision is its last dated decision heading (a chain of
 * decisions ends with this meeting's), where the item has no plain `Beslutning` (then the dated
 * ones are earlier bodies') and the heading cites no other meeting's item (`…, pkt. 123:`).
 * Of the items' dates, the one most carry (the latest on a tie); the committee of its last
 * heading (`Hovedudvalgets møde` → `Hovedudvalget`); the line of that heading.
 */
function meetingFromDecisions(lines: readonly Line[], items: readonly ItemStart[]): { date: string; committee?: string; at: number } | undefined {
  const found: { iso: string; committee: string; at: number }[] = [];
  for (const [n, it] of items.entries()) {
    const to = items[n + 1]?.at ?? lines.length;
    let own: { iso: string; committee: string; at: number } | undefined;
    let plain = false;
    for (let k = it.at; k < to; k++) {
      const t = lines[k]!.text.trim().replace(/^[•●▪◦-]\s*/, '');
      if (/^beslutning(?:er)?:?$/iu.test(t)) plain = true;
      // `…, pkt. 12` cites an item: another meeting's, unless it is this item's own number.
      const cited = /\bpkt\.\s*(\d+)/u.exec(t)?.[1];
      const m = t.length < 120 && (cited === undefined || cited === it.number) ? DECISION_HEADING.exec(t) : null;
      const iso = m ? isoOf(m, 2) : undefined;
      if (m && iso) own = { iso, committee: m[1]!.replace(/^beslutning(?:\s+i)?$/iu, '').replace(/(?<=[^s])s\s+møde$/u, '').trim(), at: k };
    }
    if (own && !plain) found.push(own);
  }
  if (found.length === 0) return undefined;
  const count = (iso: string) => found.filter((f) => f.iso === iso).length;
  const best = found.map((f) => f.iso).sort((a, b) => count(b) - count(a) || b.localeCompare(a))[0]!;
  const last = found.filter((f) => f.iso === best).pop()!;
  return { date: best, committee: last.committee || undefined, at: last.at };
}

/**
 * Failing a decision heading, the first date in the first 40 lines, where it stands (an item's
 * text may name the meeting's date); an earlier body's decision heading is no such line.
 */
function firstDateLine(lines: readonly Line[]): { date: string; at: number } | undefined {
  for (let k = 0; k < Math.min(40, lines.length); k++) {
    if (decisionLike(lines[k]!.text) || /\bpkt\.\s*\d/u.test(lines[k]!.text)) continue;
    const date = meetingDate([lines[k]!]);
    if (date) return { date, at: k };
  }
  return undefined;
}

/**
 * Whether the document is an agenda (DAGSORDEN): its opening names it so ("Dagsorden", not
 * "Godkendelse af dagsorden") and does not say "Referat" or "Beslutningsprotokol", and no item
 * holds a decision yet (a decision heading dated this meeting, or a `Beslutning` with text).
 */
function isAgenda(lines: readonly Line[], items: readonly ItemStart[], date: string | undefined): boolean {
  const firstAt = Math.min(...items.map((i) => Math.min(i.at, i.caseAt ?? i.at)), lines.length);
  const head = lines.slice(0, firstAt).map((l) => l.text).join('\n');
  if (/\b(referat|beslutningsprotokol)\b/iu.test(head)) return false;
  if (!/\bdagsorden\b/iu.test(head.replace(/godkendelse af (?:den )?dagsorden/giu, ''))) return false;
  for (let k = firstAt; k < lines.length; k++) {
    const t = lines[k]!.text.trim().replace(/^[•●▪◦-]\s*/, '');
    const m = DECISION_HEADING.exec(t);
    if (m && t.length < 120 && (!date || isoOf(m, 2) === date)) return false;
    if (/^beslutning(?:er)?:?$/iu.test(t)) {
      const next = lines.slice(k + 1).find((l) => l.text.trim());
      if (next && !sectionName(next.text) && !ITEM_FORMS.some((f) => f.re.test(next.text.trim()))) return false;
    }
  }
  return true;
}

/** Pairs of an item's sections that the profile would print in the other order. */
function inversions(markup: string, profile: Profile): number {
  const kindOf = (heading: string) => {
    const h = heading.toLowerCase();
    return profile.sections.findIndex((d) => [d.name, ...d.aliases].some((n) => h === n.toLowerCase()) || (d.kind === 'beslutning' && /^beslutning\b/.test(h)));
  };
  let count = 0;
  for (const item of markup.split(/^## /m).slice(1)) {
    const order = [...item.matchAll(/^### (.+)$/gm)].map((m) => kindOf(m[1]!.trim())).filter((k) => k >= 0);
    for (let a = 0; a < order.length; a++) for (let b = a + 1; b < order.length; b++) if (order[a]! > order[b]!) count++;
  }
  return count;
}

/**
 * The profile whose section order the document follows best (fewest sections it would move),
 * the given one on a tie: the exports print sections in the profile's order.
 */
function profileByOrder(markup: string, given: string): string {
  let best = given;
  let fewest = builtinProfiles[given] ? inversions(markup, builtinProfiles[given]!) : Infinity;
  for (const [name, p] of Object.entries(builtinProfiles)) {
    const n = inversions(markup, p);
    if (n < fewest) ((best = name), (fewest = n));
  }
  return best;
}

/**
 * Imports minutes in any house style. `items` is 0 when no meeting was recognised: the
 * caller refuses the input then.
 */
export function importGeneric(
  input: string,
  given: string,
  options: { fitProfile?: boolean; headings?: ReadonlyMap<number, number> } = {},
): ImportResult & { stats: GenericStats } {
  let profile = given;
  const hints = options.headings;
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\f/g, '\n');
  const raw: Line[] = text.split('\n').map((t, no) => ({ no, text: clean(t) }));
  // A PDF's or Word document's lines come joined from their layout, and their heading hints
  // name lines by their place: only plain text is joined here.
  const paged = { furniture: 0, words: 0 };
  const lines: Line[] = hints?.size ? raw : dropLinkText(splitRunOnDecisions(splitRunOnItems(joinWrapped(cellContents(splitContentsHeading(splitLabelRow(joinCutCaseNumbers(raw))), paged)), paged), meetingDate(raw)), paged);
  const guesses: string[] = [];
  const warnings: ImportWarning[] = [];
  const { items, tocLines, pages } = findItems(lines, guesses, hints);
  const firstItemAt = Math.min(...items.map((i) => Math.min(i.at, i.caseAt ?? i.at)), lines.length);
  // A page without the meeting's header (one item of a PolWeb meeting): its decision headings
  // date the meeting. The date is the importer's reading, and it says so.
  // The opening is the text before the first item: a date in an item's text is no meeting date.
  const opened = meetingDate(lines.slice(0, firstItemAt));
  const fromDecision = opened ? undefined : meetingFromDecisions(lines, items);
  const fromText = opened || fromDecision ? undefined : firstDateLine(lines);
  const guessed = fromDecision ?? fromText;
  const date = opened ?? guessed?.date;
  let guessNote: { committee?: string; note: string } | undefined;
  if (guessed) {
    const line = lines[guessed.at]!.text.trim();
    const where = fromDecision ? `the decision heading "${line}"` : `the text "${line.slice(0, 80)}"`;
    const whereDa = fromDecision ? `beslutningsoverskriften "${line}"` : `teksten "${line.slice(0, 80)}"`;
    guessNote = { committee: fromDecision?.committee, note: `Mødedato read from ${where}; the page's opening names no date` };
    guesses.push(`meeting date ${guessed.date} taken from ${where}: the opening names no date`);
    warnings.push({
      line: lines[guessed.at]!.no + 1,
      message: {
        da: `Mødedato ${guessed.date} er læst af ${whereDa}: sidens indledning nævner ingen dato`,
        en: `Mødedato ${guessed.date} is read from ${where}: the page's opening names no date`,
      },
    });
  }
  const agenda = isAgenda(lines, items, date);
  const out = makeOut();
  // A table of contents' page column is page furniture.
  const stats = { furniture: (pages ?? 0) + paged.furniture, words: (pages ?? 0) + paged.words };
  const firstAt = firstItemAt;
  const head = tableCells(splitRunTogether(lines.slice(0, firstAt).filter((l, k) => !tocLines.has(k) && !(furniture(l.text.trim()) && ++stats.furniture && (stats.words += wordCount(l.text))))));
  const committee = meetingCommittee(titleOf(head, agenda).committee, lines, firstAt, date) ?? guessNote?.committee;
  writeHeader(head, out, date, agenda, profile, guessNote, committee);
  // A heading repeated just before the item it names (a page's link to the item, then the
  // item): the first is the page's, not text of the item before.
  const drop = new Set<number>(items.map((it) => repeatedBefore(lines, it.at)).filter((k): k is number => k !== undefined && k >= firstAt));
  const named = lines.filter((l) => sectionName(l.text));
  const marked = named.filter((l) => hints?.has(l.no)).length;
  const layoutSections = marked >= 2 && marked >= named.length * 0.6;
  for (const it of items) if (it.numberAt !== undefined) drop.add(it.numberAt);
  // A heading shown twice (the page's link to the item, a number alone under its title) is page furniture, counted as such.
  for (const k of drop) {
    stats.furniture++;
    stats.words += wordCount(lines[k]!.text);
  }
  for (const [n, it] of items.entries()) {
    const next = items[n + 1];
    const to = next ? Math.min(next.at, next.caseAt ?? next.at) : lines.length;
    const from = it.title === null ? it.at : it.at + 1;
    writeItem({ lines, from, to, date, start: it, drop, committee, hints, layoutSections }, out, stats);
  }
  if (!date) guesses.push('no meeting date found: none in the opening, a decision heading or the first 40 lines');
  let markup = out.lines.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\s+$/, '') + '\n';
  if (options.fitProfile) {
    const fit = profileByOrder(markup, given);
    if (fit !== given) {
      guesses.push(`profile "${fit}" chosen: its section order is the document's`);
      markup = markup.replace(`\nProfil: ${given}\n`, `\nProfil: ${fit}\n`);
      profile = fit;
    }
  }
  return { markup, warnings, profile, stats: { items: items.length, furnitureDropped: stats.furniture, furnitureWords: stats.words, guesses } };
}
