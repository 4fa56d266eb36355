/**
 * Formatting (document and range). Conservative by construction: it only changes
 * whitespace, the numbers of ordered-list markers (renumbered from the list's first
 * number) and the dashes of table delimiter rows. Every other character stays, in
 * order, and formatting twice gives the same text (both proven by tests on every
 * example and on random documents).
 *
 * - headings: one space after the `#` marker, inner spaces folded, none at the end;
 * - blank lines: at most one in a row, one before every heading and after it (unless a
 *   field follows directly), none at the start, exactly one line break at the end;
 * - trailing whitespace removed;
 * - fields: `Name: value`;
 * - ordered lists: numbered n, n+1, n+2 …, one space after the marker;
 * - name lists: `A, B og C`;
 * - tables: pipes aligned, cells padded to the column width.
 */
import type * as lsp from 'vscode-languageserver-types';
import { applyEdits } from '../engine.js';
import type { TextEdit } from '../rules/types.js';
import type { Block, Heading, List, NameList, Table } from '../syntax/ast.js';
import { type Analysis, type CancellationTokenLike, noCancel, rangeOf } from './common.js';

const FIELD_LINE = /^[\p{L}][\p{L} ]{0,40}[ \t]*:(?:[ \t]|$)/u;

/** What the formatting steps share: the text, where its structures are, and the edits so far. */
interface Ctx {
  readonly a: Analysis;
  readonly text: string;
  readonly lines: Analysis['lines'];
  readonly lineCount: number;
  /** Lines inside multi-line comments (a `#` there is no heading): the gap after line l is inside. */
  readonly inComment: Uint8Array;
  readonly tableLine: Uint8Array;
  readonly headingLine: Uint8Array;
  readonly headings: Heading[];
  readonly tables: Table[];
  readonly lists: List[];
  /** Lines whose heading was rewritten whole. */
  readonly headingStarts: Set<number>;
  readonly edits: TextEdit[];
  push(start: number, end: number, newText: string): void;
  lineEnd(l: number): number;
  isBlank(l: number): boolean;
}

export function formatEdits(a: Analysis): TextEdit[] {
  const ctx = scan(a);
  headingEdits(ctx);
  fieldEdits(ctx);
  listEdits(ctx);
  nameListEdits(ctx);
  for (const t of ctx.tables) tableEdits(a, t, ctx.push);
  trailingWhitespaceEdits(ctx);
  blankLineEdits(ctx);
  return ctx.edits;
}

/** Finds the headings, tables, lists and comment lines of the document. */
function scan(a: Analysis): Ctx {
  const { text, lines } = a;
  const doc = a.parse.ast;
  const edits: TextEdit[] = [];
  const lineCount = lines.lineCount;
  const inComment = new Uint8Array(lineCount);
  for (const c of doc.comments) for (let l = c.range.start.line; l < c.range.end.line; l++) inComment[l] = 1;
  const ctx: Ctx = {
    a,
    text,
    lines,
    lineCount,
    inComment,
    tableLine: new Uint8Array(lineCount),
    headingLine: new Uint8Array(lineCount),
    headings: [],
    tables: [],
    lists: [],
    headingStarts: new Set<number>(),
    edits,
    push: (start, end, newText) => {
      if (text.slice(start, end) !== newText) edits.push({ start, end, newText });
    },
    lineEnd: (l) => {
      const next = l + 1 < lineCount ? lines.lineStart(l + 1) : text.length;
      let e = next;
      if (e > lines.lineStart(l) && text.charCodeAt(e - 1) === 10) e--;
      if (e > lines.lineStart(l) && text.charCodeAt(e - 1) === 13) e--;
      return e;
    },
    isBlank: (l) => /^[ \t]*$/.test(text.slice(lines.lineStart(l), ctx.lineEnd(l))),
  };
  const walk = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.type === 'table') ctx.tables.push(b);
      else if (b.type === 'list') {
        ctx.lists.push(b);
        for (const it of b.items) walk(it.children);
      } else if (b.type === 'subheading') ctx.headingLine[b.range.start.line] = 1;
    }
  };
  if (doc.title) ctx.headings.push(doc.title.heading);
  walk(doc.headerBlocks);
  for (const item of doc.items) {
    ctx.headings.push(item.heading);
    walk(item.preamble);
    for (const s of item.sections) {
      ctx.headings.push(s.heading);
      walk(s.blocks);
    }
  }
  for (const h of ctx.headings) ctx.headingLine[h.range.start.line] = 1;
  for (const t of ctx.tables) for (let l = t.range.start.line; l <= t.range.end.line; l++) ctx.tableLine[l] = 1;
  return ctx;
}

/** Past byte-order marks at a line start (the file's own, or a stray one the lexer also skips). */
function afterBoms(text: string, at: number): number {
  while (text.charCodeAt(at) === 0xfeff) at++;
  return at;
}

/** Headings: `##   Punkt 1:  Titel  ` → `## Punkt 1: Titel` (only when the heading is one line); subheadings the same. */
function headingEdits(ctx: Ctx): void {
  const { text, lines } = ctx;
  const rewrite = (l: number, keepEmpty: boolean) => {
    const ls = afterBoms(text, lines.lineStart(l));
    const le = ctx.lineEnd(l);
    const line = text.slice(ls, le);
    if (line.includes('<!--')) return;
    const m = /^(#+)[ \t]*(.*?)[ \t]*$/.exec(line);
    if (!m) return;
    const content = m[2]!.replace(/[ \t]+/g, ' ');
    ctx.headingStarts.add(l);
    ctx.push(ls, le, keepEmpty ? (content ? `${m[1]} ${content}` : m[1]!) : `${m[1]} ${content}`.trimEnd());
  };
  for (const h of ctx.headings) if (h.range.end.line === h.range.start.line) rewrite(h.range.start.line, true);
  for (let l = 0; l < ctx.lineCount; l++) {
    if (!ctx.headingLine[l] || ctx.headingStarts.has(l) || ctx.inComment[l] || (l > 0 && ctx.inComment[l - 1])) continue;
    rewrite(l, false);
  }
}

/** Fields: `Name :value` → `Name: value`. */
function fieldEdits(ctx: Ctx): void {
  const doc = ctx.a.parse.ast;
  for (const f of [...doc.fields, ...doc.items.flatMap((i) => i.fields)]) {
    const nameEnd = f.name.range.end.offset;
    const valueStart = f.value.segments.length ? f.value.segments[0]!.sourceOffset : -1;
    if (valueStart < 0) continue;
    if (/^[ \t]*:[ \t]*$/.test(ctx.text.slice(nameEnd, valueStart))) ctx.push(nameEnd, valueStart, ': ');
  }
}

/** Ordered lists: renumber from the first number; one space after the marker. */
function listEdits(ctx: Ctx): void {
  for (const list of ctx.lists) {
    if (!list.ordered) continue;
    const first = list.items[0]?.number ?? 1;
    list.items.forEach((it, i) => {
      const mk = it.marker;
      const m = /^(\d+)([.)])$/.exec(mk.text);
      if (!m) return;
      const want = String(first + i);
      if (m[1] !== want) ctx.push(mk.range.start.offset, mk.range.start.offset + m[1]!.length, want);
      const after = mk.range.end.offset;
      const contentStart = it.content.segments[0]?.sourceOffset;
      if (contentStart !== undefined && contentStart > after && /^[ \t]+$/.test(ctx.text.slice(after, contentStart))) ctx.push(after, contentStart, ' ');
    });
  }
}

/** Name lists: `A, B og C`. */
function nameListEdits(ctx: Ctx): void {
  const m = ctx.a.meeting;
  const nameLists: NameList[] = [];
  if (m.membersField) nameLists.push(m.membersField.names);
  if (m.afbudField) nameLists.push(m.afbudField.names);
  for (const item of m.items) {
    if (item.attendance.absentField) nameLists.push(item.attendance.absentField.names);
    for (const s of item.attendance.sentences) nameLists.push(s.names);
  }
  for (const nl of nameLists) {
    for (let i = 0; i + 1 < nl.names.length; i++) {
      const s = nl.names[i]!.range.end.offset;
      const e = nl.names[i + 1]!.range.start.offset;
      const gap = ctx.text.slice(s, e);
      if (/^[ \t]*,[ \t]*$/.test(gap)) ctx.push(s, e, ', ');
      else if (/^[ \t]+og[ \t]+$/.test(gap)) ctx.push(s, e, ' og ');
      else if (/^[ \t]*,[ \t]*og[ \t]+$/.test(gap)) ctx.push(s, e, ', og ');
    }
  }
}

/** Trailing whitespace of content lines (headings and tables are rewritten whole). */
function trailingWhitespaceEdits(ctx: Ctx): void {
  for (let l = 0; l < ctx.lineCount; l++) {
    if (ctx.isBlank(l) || ctx.headingStarts.has(l) || ctx.tableLine[l]) continue;
    const ls = ctx.lines.lineStart(l);
    const le = ctx.lineEnd(l);
    const line = ctx.text.slice(ls, le);
    // An empty bullet (`- `) keeps one space: without it, `-` is no bullet (and the structure would change).
    const trimmed = line.replace(/[ \t]+$/, '').replace(/^([ \t]*[-*+•])$/, '$1 ');
    if (trimmed.length !== line.length) {
      // Leave whitespace alone where another edit (a field gap) already starts.
      const at = ls + trimmed.length;
      if (!ctx.edits.some((e) => e.start < le && e.end > at)) ctx.push(at, le, '');
    }
  }
}

/** Blank lines between content lines: at most one, one around headings, none at the start, one line break at the end. */
function blankLineEdits(ctx: Ctx): void {
  const { text, lines, a } = ctx;
  const eol = a.parse.ast.eol;
  const bom = a.parse.ast.bom ? 1 : 0;
  const content: number[] = [];
  for (let l = 0; l < ctx.lineCount; l++) if (!ctx.isBlank(l)) content.push(l);
  if (content.length === 0) {
    if (text.length > bom) ctx.push(bom, text.length, '');
    return;
  }
  const firstLine = content[0]!;
  if (firstLine > 0) ctx.push(bom, lines.lineStart(firstLine), '');
  for (let i = 0; i + 1 < content.length; i++) {
    const A = content[i]!;
    const B = content[i + 1]!;
    // Inside a comment spanning the gap: leave it.
    let protectedGap = false;
    for (let l = A; l < B; l++) if (ctx.inComment[l]) protectedGap = true;
    if (protectedGap) continue;
    if (ctx.tableLine[A] && ctx.tableLine[B] && B === A + 1) continue;
    const blanks = B - A - 1;
    let want = Math.min(blanks, 1);
    if (ctx.headingLine[B]) want = 1;
    if (ctx.headingLine[A]) {
      const next = text.slice(lines.lineStart(B), ctx.lineEnd(B));
      want = FIELD_LINE.test(next) && fieldOwnedOrItem(a, B) ? Math.min(blanks, 1) : 1;
    }
    // A continuation line (indented) right after a field must stay attached.
    if (blanks === 0 && /^[ \t]/.test(text.slice(lines.lineStart(B), ctx.lineEnd(B)))) want = 0;
    ctx.push(ctx.lineEnd(A), lines.lineStart(B), eol.repeat(want + 1));
  }
  const last = content[content.length - 1]!;
  ctx.push(ctx.lineEnd(last), text.length, eol);
}

function fieldOwnedOrItem(a: Analysis, line: number): boolean {
  return a.parse.ast.fields.some((f) => f.range.start.line === line) || a.parse.ast.items.some((i) => i.fields.some((f) => f.range.start.line === line));
}

function tableEdits(a: Analysis, t: Table, push: (s: number, e: number, n: string) => void) {
  const text = a.text;
  const rows = t.allRows;
  if (rows.length === 0) return;
  const raw = rows.map((r) => text.slice(r.range.start.offset, r.range.end.offset));
  if (raw.some((r) => r.includes('<!--') || /\r|\n/.test(r) || !/^[ \t]*\|.*\|[ \t]*$/.test(r) || r.includes('\\|'))) return;
  const cells = raw.map((r) => r.trim().slice(1, -1).split('|').map((c) => c.trim()));
  const n = cells[0]!.length;
  if (cells.some((c) => c.length !== n)) return;
  const width = new Array<number>(n).fill(3);
  rows.forEach((r, i) => {
    if (r.delimiter) return;
    cells[i]!.forEach((c, j) => (width[j] = Math.max(width[j]!, c.length)));
  });
  rows.forEach((r, i) => {
    let out: string;
    if (r.delimiter) {
      const parts = cells[i]!.map((c, j) => {
        if (!/^:?-+:?$/.test(c)) return undefined;
        const left = c.startsWith(':');
        const right = c.endsWith(':');
        const dashes = width[j]! - (left ? 1 : 0) - (right ? 1 : 0);
        return `${left ? ':' : ''}${'-'.repeat(Math.max(1, dashes))}${right ? ':' : ''}`;
      });
      if (parts.some((p) => p === undefined)) return;
      out = `| ${parts.join(' | ')} |`;
    } else {
      out = `| ${cells[i]!.map((c, j) => pad(c, width[j]!, t.align[j] ?? null)).join(' | ')} |`;
    }
    const ls = a.lines.lineStart(r.range.start.line);
    let le = r.range.end.offset;
    // include trailing whitespace on the row's line
    while (le < text.length && (text[le] === ' ' || text[le] === '\t')) le++;
    push(ls, le, out);
  });
}

function pad(cell: string, width: number, align: 'left' | 'center' | 'right' | null): string {
  if (align === 'right') return cell.padStart(width);
  if (align === 'center') {
    const left = Math.floor((width - cell.length) / 2);
    return (' '.repeat(Math.max(0, left)) + cell).padEnd(width);
  }
  return cell.padEnd(width);
}

/** Applies the formatting edits to the text (used by tests and the CLI). */
export function formatText(a: Analysis): string {
  return applyEdits(a.text, formatEdits(a)).text;
}

export function provideFormatting(a: Analysis, token: CancellationTokenLike = noCancel): lsp.TextEdit[] {
  if (token.isCancellationRequested) return [];
  return formatEdits(a).map((e) => ({ range: rangeOf(a, e.start, e.end), newText: e.newText }));
}

export function provideRangeFormatting(a: Analysis, range: lsp.Range, token: CancellationTokenLike = noCancel): lsp.TextEdit[] {
  if (token.isCancellationRequested) return [];
  const start = a.lines.lineStart(range.start.line);
  const endLine = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
  const end = endLine + 1 < a.lines.lineCount ? a.lines.lineStart(endLine + 1) : a.text.length;
  return formatEdits(a)
    .filter((e) => e.start >= start && e.end <= end)
    .map((e) => ({ range: rangeOf(a, e.start, e.end), newText: e.newText }));
}
