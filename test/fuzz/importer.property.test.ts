/**
 * The importer never throws (in `auto` mode, what `referat import` uses by default), writes
 * markup without syntax errors, and keeps every word of its input somewhere in its output — outside comments, or in the
 * `<!-- import: … -->` comments it writes for text it could not place. Allowed losses are
 * the documented ones only: the table of contents and page artefacts (the tools generate
 * them), the `<b>`/`<i>` tags of extractions, and in a portal record everything but the
 * item fields (JSON keys, HTML tags, the portal page's AI summary).
 *
 * Inputs: the seeds (both text shapes and the printed portal record) mutated; published
 * text and portal JSON produced by the exporters from grammar documents, then mutated;
 * JSON-looking and arbitrary strings.
 */
import fc from 'fast-check';
import { Tokenizer, TokenizerMode } from 'parse5';
import { exportDocumentFromText } from '../../server/src/export/index.js';
import { renderJson } from '../../server/src/export/json.js';
import { renderText } from '../../server/src/export/text.js';
import { importReferat, looksLikePortal } from '../../server/src/import/index.js';
import { parsePrintedRecord, type PortalRecord } from '../../server/src/import/portal.js';
import { parse } from '../../server/src/syntax/parser.js';
import { mutate, mutatedRealFile, referatDocument, SEEDS, type Mutation } from './arbitraries.js';
import { fuzzProperty } from './harness.js';

const WORD = /[\p{L}\p{N}]+/gu;
/** Words compared without case: the importer writes known section names in their canonical case (`indstilling` → `### Indstilling`). */
const wordsOf = (s: string) => s.toLowerCase().match(WORD) ?? [];

const BLOCK_TAG =
  /^(?:p|div|section|article|aside|nav|header|footer|main|address|blockquote|figure|figcaption|pre|hr|br|li|ul|ol|dl|dt|dd|details|summary|fieldset|legend|table|caption|thead|tbody|tfoot|tr|td|th|h[1-6])$/;

/**
 * The text of an HTML fragment as a reader sees it, read by the HTML tokenizer (parse5's, as a
 * browser tokenizes): entities decoded, comments gone, `<>` and `a < b` text. Block-level tags
 * separate words; inline and unknown tags do not (`B<b>v` and `i<n>3` read "Bv" and "i3").
 */
function htmlText(html: string): string {
  let out = '';
  const chars = (t: { chars: string }) => void (out += t.chars);
  const tag = (t: { tagName: string }) => void (out += BLOCK_TAG.test(t.tagName) ? ' ' : '');
  const tokenizer = new Tokenizer({}, {
    onComment: () => undefined,
    onDoctype: () => undefined,
    onEof: () => undefined,
    onCharacter: chars,
    onNullCharacter: chars,
    onWhitespaceCharacter: chars,
    onStartTag: (t) => {
      tag(t);
      if (/^(?:style|xmp|iframe|noembed|noframes|script)$/.test(t.tagName)) tokenizer.state = TokenizerMode.RAWTEXT;
      else if (/^(?:textarea|title)$/.test(t.tagName)) tokenizer.state = TokenizerMode.RCDATA;
      else if (t.tagName === 'plaintext') tokenizer.state = TokenizerMode.PLAINTEXT;
    },
    onEndTag: tag,
  });
  tokenizer.write(html, true);
  return out;
}

/** The words a portal record must keep: its item fields, section HTML as text, attachment names. */
function recordWords(r: PortalRecord): string[] {
  const out: string[] = [];
  for (const v of [r.Punktnummer ?? r.Number, r.Navn ?? r.Caption, r.SagsNummer ?? r.CaseNumber]) if (v !== undefined && v !== null) out.push(...wordsOf(String(v)));
  for (const f of r.Felter ?? []) out.push(...wordsOf(f.Navn ?? ''), ...wordsOf(htmlText(f.Html ?? '')));
  for (const b of r.Bilag ?? []) out.push(...wordsOf(b.Navn ?? ''));
  return out;
}

function asRecords(input: string): PortalRecord[] | undefined {
  const t = input.replace(/^\uFEFF/, '').trim();
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      const raw = JSON.parse(t) as unknown;
      const list = Array.isArray(raw) ? raw : ((raw as { items?: unknown[] }).items ?? (raw as { Items?: unknown[] }).Items ?? [raw]);
      return list as PortalRecord[];
    } catch {
      return undefined;
    }
  }
  try {
    const r = parsePrintedRecord(t);
    return r ? [r] : undefined;
  } catch {
    return undefined;
  }
}

/** The words of a published text the importer must keep (all but contents lines, page artefacts, extraction tags). */
function textWords(input: string): string[] {
  const out: string[] = [];
  for (const line of input.split(/\r\n|\r|\n|\f/)) {
    const l = line.trim();
    if (/\.{3,}\s*\t?\s*\d+\s*$/.test(l) || /\t\d+\s*$/.test(l) || /^Side \d+( af \d+)?$/i.test(l) || /^[#*\s]*Indholdsfortegnelse[*\s]*$/i.test(l)) continue;
    out.push(...wordsOf(line.replace(/<\/?(b|i|strong|em)>/gi, ' ')));
  }
  return out;
}

/** The words of the markup: outside comments, or in the importer's own `<!-- import: … -->` comments. */
function markupWords(markup: string): Set<string> {
  const { ast } = parse(markup);
  let visible = '';
  let pos = 0;
  for (const c of [...ast.comments].sort((a, b) => a.range.start.offset - b.range.start.offset)) {
    const body = markup.slice(c.range.start.offset, c.range.end.offset);
    if (c.range.start.offset < pos || /^<!-- import:/.test(body)) continue;
    visible += `${markup.slice(pos, c.range.start.offset)} `;
    pos = c.range.end.offset;
  }
  visible += markup.slice(pos);
  // Emphasis the importer writes for <b>/<i> inside a word (`K<b>asper` → `K**asper`) renders
  // as one word: words are read with the markers as separators and without them.
  return new Set([...wordsOf(visible), ...wordsOf(visible.replace(/\*+/g, ''))]);
}

function check(input: string): void {
  const { markup } = importReferat(input);
  const errors = parse(markup).diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`the imported markup has syntax errors: ${errors.map((d) => `${d.code} at line ${d.range.start.line + 1}`).join(', ')}\n--- markup ---\n${markup.slice(0, 4000)}`);
  const records = looksLikePortal(input) ? asRecords(input) : undefined;
  const expected = records ? records.flatMap((r) => (r && typeof r === 'object' ? recordWords(r) : [])) : textWords(input);
  const have = markupWords(markup);
  const lost = [...new Set(expected)].filter((w) => !have.has(w));
  if (lost.length) throw new Error(`import lost ${lost.length} words: ${lost.slice(0, 20).join(' ')}\n--- markup ---\n${markup.slice(0, 4000)}`);
}

const publishedText = referatDocument().map((src) => renderText(exportDocumentFromText(src)));
const portalJson = referatDocument().map((src) => renderJson(exportDocumentFromText(src)));
const mutation = fc.constantFrom<Mutation[]>([]).chain(() => fc.array(fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('\uFEFF', '\u0000', '\ud800', '\r', '\t', '<b>', '</i>', '\\_', '{', '[', '"', '<!--', '-->', '#', '|', '•', 'Side 3 af 36', 'Indholdsfortegnelse\n', 'Punkt 7: Ny\n') }), { maxLength: 4 }));
const damaged = (a: fc.Arbitrary<string>) => fc.tuple(a, mutation).map(([t, ms]) => ms.reduce(mutate, t));

fuzzProperty({
  name: 'importer-words',
  arbitrary: fc.oneof(
    { arbitrary: mutatedRealFile(SEEDS), weight: 4 },
    { arbitrary: damaged(publishedText), weight: 3 },
    { arbitrary: damaged(portalJson), weight: 2 },
    { arbitrary: fc.json().map((j) => (j.startsWith('{') || j.startsWith('[') ? j : `[${j}]`)), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((s) => `{${s}`), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 300 }), weight: 1 },
  ),
  check,
  runs: 150,
  cost: 4,
});
