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
import { caseNumberOf as parseCaseNumber, isCaseNumberLabel } from './casenumber.js';
import { furniture, headerLabel, SECTION_WORDS } from './vocabulary.js';
import { CASE_COMPANION_FIELDS, parseDecisionHeading } from '../model/vocabulary.js';

export interface GenericStats {
  readonly items: number;
  readonly furnitureDropped: number;
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
}

const ITEM_FORMS: readonly { readonly id: string; readonly re: RegExp }[] = [
  { id: 'punkt', re: /^(?:[•●▪◦-]\s*)?Punkt\s+(\d{1,4}[a-z]?)\s*[:.]?\s+(\S.*)$/iu },
  { id: 'number', re: /^(?:[•●▪◦]\s*)?(\d{1,4})\.\s+(\p{Lu}.*|\p{Lu})$/u },
  { id: 'spaced', re: /^(\d{1,4})\s{2,}(\p{Lu}.*)$/u },
];

const DATE = String.raw`(\d{1,2})[-./](\d{1,2})[-./](\d{2,4})|(\d{1,2})\.?\s+(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?\s+(\d{4})`;
/** A decision heading naming a committee and a date, in any form of spec §10 (the vocabulary's): its date as ISO, or undefined. */
function decisionHeadingDate(text: string): string | undefined {
  const d = parseDecisionHeading(text)?.parsedDate;
  return d ? `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}` : undefined;
}
const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

function clean(raw: string): string {
  return raw.replace(/\u00a0/g, ' ').replace(/\*\*/g, '').replace(/\s+$/, '');
}

/** ISO date of a matched decision-heading date, or undefined. */
function isoOf(m: RegExpExecArray, offset: number): string | undefined {
  const [d, mo, y, ld, lm, ly] = m.slice(offset, offset + 6);
  if (d && mo && y) return `${y.length === 2 ? `20${y}` : y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  if (ld && lm && ly) return `${ly}-${String(MONTHS.findIndex((m) => m.startsWith(lm.toLowerCase())) + 1).padStart(2, '0')}-${ld.padStart(2, '0')}`;
  return undefined;
}

/** The first date written in the opening lines, as ISO: the meeting's date. */
export function meetingDate(lines: readonly Line[]): string | undefined {
  const re = new RegExp(DATE, 'iu');
  for (const l of lines.slice(0, 40)) {
    const m = re.exec(l.text);
    if (m) {
      const iso = isoOf(m, 1);
      if (iso && /^\d{4}-(0[1-9]|1[0-2])-\d{2}$/.test(iso)) return iso;
    }
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
  // Longest strictly rising run by number (an inner list restarts at 1 and breaks in).
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

function findItems(lines: readonly Line[], guesses: string[]): { items: ItemStart[]; tocLines: Set<number> } {
  let items: ItemStart[] = [];
  let toc: ItemStart[] = [];
  for (const f of ITEM_FORMS) {
    const r = dropToc(itemRun(lines, f.re));
    if (r.items.length > items.length) ({ items, toc } = r);
  }
  // A TOC entry may have been re-found as a rising run of its own (TOC 1..5, body 1..5: the
  // run keeps the later ones); lines ending in a page number before the first item are TOC too.
  const tocLines = new Set(toc.map((t) => t.at));
  const first = items[0]?.at ?? lines.length;
  for (let k = 0; k < first; k++) if (PAGE_COLUMN.test(lines[k]!.text) && /\p{L}/u.test(lines[k]!.text)) tocLines.add(k);
  if (items.length > 0) return { items: attachCaseBefore(lines, items), tocLines };
  // No titles in the text: each item starts at its case-number line.
  const starts: ItemStart[] = [];
  for (const [k, l] of lines.entries()) {
    const c = parseCaseNumber(l.text);
    if (c && c.label) starts.push({ at: k, number: String(starts.length + 1), title: null, caseAt: k });
  }
  if (starts.length) {
    guesses.push(`${starts.length} items without a title in the text: each starts at its case number and is numbered by its place`);
    return { items: starts, tocLines };
  }
  // Neither titles nor case numbers: the section heading that opens the first item opens each.
  const opening = lines.map((l, k) => ({ k, name: sectionName(l.text) ?? (decisionLike(l.text) ? 'decision' : undefined) })).filter((x) => x.name);
  const openingName = opening[0]?.name;
  const byName = opening.filter((x) => x.name === openingName);
  if (byName.length) guesses.push(`${byName.length} items without a title or case number: each starts at the section "${openingName}" and is numbered by its place`);
  return { items: byName.map((x, n) => ({ at: x.k, number: String(n + 1), title: null })), tocLines };
}

/** A bare case number on the line before an item heading belongs to that item. */
function attachCaseBefore(lines: readonly Line[], items: ItemStart[]): ItemStart[] {
  return items.map((it) => {
    for (let k = it.at - 1; k >= 0 && k >= it.at - 2; k--) {
      const t = lines[k]!.text.trim();
      if (!t) continue;
      if (caseOf(t) && !parseCaseNumber(t)!.rest) return { ...it, caseAt: k };
      break;
    }
    return it;
  });
}

function decisionLike(text: string): boolean {
  const t = text.trim().replace(/^[•●▪◦-]\s*/, '');
  return t.length < 120 && decisionHeadingDate(t) !== undefined;
}

/** The case number a line holds, and what else it says. */
function caseOf(text: string): { value: string; rest: string } | undefined {
  const c = parseCaseNumber(text);
  return c ? { value: c.value, rest: c.rest } : undefined;
}

/** Where the item's case number is: within its first three lines, or after a label alone on its line. */
function findCaseLine(lines: readonly Line[], from: number, to: number): { at: number; labelAt?: number } | undefined {
  let seen = 0;
  for (let j = from; j < to && seen < 3; j++) {
    const t = lines[j]!.text.trim();
    if (!t) continue;
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

function titleOf(head: readonly Line[], agenda: boolean): { title: string; committee?: string } {
  const keyword = agenda ? 'DAGSORDEN' : 'REFERAT';
  for (const l of head) {
    const m = headerLabel(l.text.trim());
    if (m?.field === 'Udvalg' && m.value) return { title: `${keyword} ${m.value}`, committee: m.value };
  }
  const first = head.find((l) => l.text.trim())?.text.trim() ?? '';
  const c = /(?:møde i|for|af)\s+(.+?)(?:\s+(?:møde\s+)?den\b.*)?$/iu.exec(first)?.[1] ?? first.split(/\s+-\s+/)[0]!;
  const committee = c.replace(/^(Referat|Dagsorden|Beslutningsprotokol)\s*/iu, '').trim();
  return { title: committee ? `${keyword} ${committee}` : keyword, committee: committee || undefined };
}

/**
 * The title, the header fields (with `Profil`) and then the header's other text: a field
 * written after a line of text would continue that paragraph and be lost as a field.
 */
function writeHeader(head: readonly Line[], out: Out, date: string | undefined, agenda: boolean, profile: string): void {
  out.push(`# ${titleOf(head, agenda).title}`);
  out.push('');
  if (date) out.push(`Mødedato: ${date}`);
  const texts: string[] = [];
  for (let k = 0; k < head.length; k++) {
    const t = head[k]!.text.trim();
    if (!t) continue;
    const f = headerLabel(t);
    if (f && f.field !== 'Mødedato' && f.field !== 'Udvalg') {
      let value = f.value;
      // A label alone on its line: its value is on the next lines (one name a line).
      if (!value) {
        const vals: string[] = [];
        while (k + 1 < head.length && head[k + 1]!.text.trim() && !headerLabel(head[k + 1]!.text.trim())) vals.push(head[++k]!.text.trim());
        value = vals.join(', ');
      }
      if (value) {
        out.push(`${f.field}: ${value.replace(/,\s*\(/g, ' (').replace(/\s+/g, ' ')}`);
        continue;
      }
    }
    texts.push(body(t.replace(/^([\p{L} .]+):\s*$/u, '$1')).replace(/^([\p{L} .]+):(\s|$)/u, '$1 –$2'));
  }
  out.push(`Profil: ${profile}`);
  if (texts.length) out.blank();
  for (const t of texts) out.push(t);
}

interface ItemCtx {
  readonly lines: readonly Line[];
  readonly from: number;
  readonly to: number;
  readonly date?: string;
  readonly start: ItemStart;
  readonly drop: Set<number>;
}

function decisionPick(ctx: ItemCtx): number | undefined {
  let pick: number | undefined;
  let plain: number | undefined;
  for (let k = ctx.from; k < ctx.to; k++) {
    const t = ctx.lines[k]!.text.trim().replace(/^[•●▪◦-]\s*/, '');
    if (/^beslutning:?$/iu.test(t)) plain ??= k;
    const iso = t.length < 120 ? decisionHeadingDate(t) : undefined;
    if (iso && (!ctx.date || iso === ctx.date)) pick = k;
  }
  return pick ?? plain;
}

function writeItem(ctx: ItemCtx, out: Out, stats: { furniture: number }): void {
  const { lines, start } = ctx;
  const rawTitle = start.title ?? '(uden titel)';
  const closed = /\(lukket\)|^lukket\b/iu.test(rawTitle) || /\bLukket\s*$/u.test(rawTitle);
  const title = rawTitle.replace(/\s{3,}(Åbent|Lukket)\s*$/u, '').replace(/\s+/g, ' ');
  out.blank();
  out.push(`## Punkt ${start.number}: ${title}`);
  let k = ctx.from;
  const found = start.caseAt !== undefined ? { at: start.caseAt } : findCaseLine(lines, ctx.from, ctx.to);
  let opened = false;
  if (found) {
    const c = caseOf(lines[found.at]!.text)!;
    out.push(`Sagsnr: ${c.value}`);
    ctx.drop.add(found.at);
    if (found.labelAt !== undefined) ctx.drop.add(found.labelAt);
    if (closed) out.push('Lukket: ja');
    if (c.rest) opened = writeCompanions(c.rest, out);
  } else if (closed) out.push('Lukket: ja');
  const decision = decisionPick(ctx);
  let inSection = opened;
  for (; k < ctx.to; k++) {
    if (ctx.drop.has(k)) continue;
    const t = lines[k]!.text.trim();
    if (!t) {
      out.blank();
      continue;
    }
    if (furniture(t)) {
      stats.furniture++;
      continue;
    }
    if (k === decision) {
      out.blank();
      out.push(/^(?:[•●▪◦-]\s*)?Beslutning/iu.test(t) ? `### ${t.replace(/^[•●▪◦-]\s*/, '').replace(/:$/, '')}` : '### Beslutning');
      if (!/^(?:[•●▪◦-]\s*)?Beslutning/iu.test(t)) (out.blank(), out.push(`**${t}**`));
      out.blank();
      inSection = true;
      continue;
    }
    const name = sectionName(t);
    const runIn = name ? undefined : splitRunIn(t);
    if (name || runIn) {
      const n = name ?? runIn![0];
      out.blank();
      out.push(/^beslutning$/iu.test(n) && decision !== undefined && decision !== k ? '#### Beslutning' : `### ${n}`);
      out.blank();
      if (runIn) out.push(body(runIn[1]));
      inSection = true;
      continue;
    }
    if (t.length < 120 && decisionHeadingDate(t.replace(/^[•●▪◦-]\s*/, '')) !== undefined) {
      out.blank();
      out.push(`#### ${t.replace(/^[•●▪◦-]\s*/, '')}`);
      out.blank();
      continue;
    }
    // `Kompetenceudvalg: Byrådet`: a section name with its content on the same line.
    if (labelledSection(t, out)) {
      inSection = true;
      continue;
    }
    if (!inSection && COMPANION_LINE.test(t)) {
      out.push(t.replace(/\s+/g, ' '));
      continue;
    }
    if (!inSection) {
      // Text before the first section stays in the item's preamble where it cannot read as a
      // field; otherwise (and once a section has begun) it is the case presentation.
      if (!FIELD_LIKE.test(t) && !noSectionLater(ctx, k)) {
        out.push(body(t));
        continue;
      }
      out.blank();
      out.push('### Sagsfremstilling');
      out.blank();
      inSection = true;
    }
    out.push(body(t));
  }
}

/** `Kompetenceudvalg: Byrådet`: a section name and its content on one line, written as that section; false when the line is not one. */
function labelledSection(text: string, out: Out): boolean {
  const m = /^([\p{L}][\p{L} &]{2,40}?)\s*:\s+(\S.*)$/u.exec(text);
  const name = m ? sectionName(m[1]!) : undefined;
  if (!m || !name || /^beslutning$/iu.test(m[1]!)) return false;
  out.blank();
  out.push(`### ${name}`);
  out.blank();
  out.push(body(m[2]!));
  return true;
}

/** A case-number companion on its own line (`Sagsbehandler: Hanne Thouber`): an item field. */
const COMPANION_LINE = new RegExp(`^(?:${CASE_COMPANION_FIELDS.join('|')})\\s*:`, 'iu');

/** A line the grammar would read as a `Name: value` field. */
const FIELD_LIKE = /^\p{Lu}[\p{L}\p{M}-]*(?: [\p{L}\p{M}-]+){0,3}[ \t]*:(?=[ \t]|$)/u;

/** Whether the item has no section heading after line k (then its text is the case presentation). */
function noSectionLater(ctx: ItemCtx, k: number): boolean {
  for (let j = k + 1; j < ctx.to; j++) {
    const t = ctx.lines[j]!.text.trim();
    if (t && (sectionName(t) || splitRunIn(t))) return false;
  }
  return true;
}

/**
 * What follows the case number on its line (`Sagsbehandler: …`, `, Sagsinitialer: …`,
 * `J.nr.: … Dokumentnr.: …`): the companions the vocabulary knows become item fields; other
 * text stays in the item's preamble, unless it would read as a field.
 */
function writeCompanions(rest: string, out: Out): boolean {
  const parts = rest.split(/\s*,\s*(?=\p{Lu}[\p{L}-]*\s*:)/u).map((p) => p.trim()).filter(Boolean);
  const known = new Set(CASE_COMPANION_FIELDS.map((f) => f.toLowerCase()));
  const fields = parts.map((p) => /^(\p{Lu}[\p{L}-]*)\s*:\s*(.*)$/u.exec(p));
  if (fields.every((m) => m && known.has(m[1]!.toLowerCase()))) {
    for (const m of fields) out.push(`${m![1]}: ${m![2]}`);
    return false;
  }
  if (!FIELD_LIKE.test(rest)) {
    out.blank();
    out.push(body(rest));
    return false;
  }
  if (labelledSection(rest, out)) return true;
  out.blank();
  out.push('### Sagsfremstilling');
  out.blank();
  out.push(body(rest));
  return true;
}

/**
 * Imports minutes in any house style. `items` is 0 when no meeting was recognised: the
 * caller refuses the input then.
 */
export function importGeneric(input: string, profile: string): ImportResult & { stats: GenericStats } {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\f/g, '\n');
  const lines: Line[] = text.split('\n').map((t, no) => ({ no, text: clean(t) }));
  const guesses: string[] = [];
  const warnings: ImportWarning[] = [];
  const { items, tocLines } = findItems(lines, guesses);
  const date = meetingDate(lines);
  const agenda = !/\b(referat|beslutningsprotokol|beslutning)\b/iu.test(text) && /\bdagsorden\b/iu.test(text);
  const out = makeOut();
  const stats = { furniture: 0 };
  const firstAt = Math.min(...items.map((i) => Math.min(i.at, i.caseAt ?? i.at)), lines.length);
  const head = lines.slice(0, firstAt).filter((l, k) => !tocLines.has(k) && !(furniture(l.text.trim()) && ++stats.furniture));
  writeHeader(head, out, date, agenda, profile);
  const drop = new Set<number>();
  for (const [n, it] of items.entries()) {
    const next = items[n + 1];
    const to = next ? Math.min(next.at, next.caseAt ?? next.at) : lines.length;
    const from = it.title === null ? it.at : it.at + 1;
    writeItem({ lines, from, to, date, start: it, drop }, out, stats);
  }
  if (!date) guesses.push('no meeting date found in the opening lines');
  const markup = out.lines.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\s+$/, '') + '\n';
  return { markup, warnings, profile, stats: { items: items.length, furnitureDropped: stats.furniture, guesses } };
}
