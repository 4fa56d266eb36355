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

export function formatEdits(a: Analysis): TextEdit[] {
  const text = a.text;
  const lines = a.lines;
  const doc = a.parse.ast;
  const eol = doc.eol;
  const edits: TextEdit[] = [];
  const push = (start: number, end: number, newText: string) => {
    if (text.slice(start, end) !== newText) edits.push({ start, end, newText });
  };

  // Lines we must not touch: inside multi-line comments (a `#` there is no heading) and table rows (rewritten whole).
  const lineCount = lines.lineCount;
  const inComment = new Uint8Array(lineCount);
  for (const c of doc.comments) {
    for (let l = c.range.start.line; l < c.range.end.line; l++) inComment[l] = 1; // the gap after line l is inside the comment
  }
  const tableLine = new Uint8Array(lineCount);
  const headingLine = new Uint8Array(lineCount);
  const headings: Heading[] = [];
  const tables: Table[] = [];
  const lists: List[] = [];
  const nameLists: NameList[] = [];

  const walk = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.type === 'table') tables.push(b);
      else if (b.type === 'list') {
        lists.push(b);
        for (const it of b.items) walk(it.children);
      } else if (b.type === 'subheading') {
        headingLine[b.range.start.line] = 1;
      }
    }
  };
  if (doc.title) headings.push(doc.title.heading);
  walk(doc.headerBlocks);
  for (const item of doc.items) {
    headings.push(item.heading);
    walk(item.preamble);
    for (const s of item.sections) {
      headings.push(s.heading);
      walk(s.blocks);
    }
  }
  for (const h of headings) headingLine[h.range.start.line] = 1;
  for (const t of tables) for (let l = t.range.start.line; l <= t.range.end.line; l++) tableLine[l] = 1;

  const lineEnd = (l: number) => {
    const next = l + 1 < lineCount ? lines.lineStart(l + 1) : text.length;
    let e = next;
    if (e > lines.lineStart(l) && text.charCodeAt(e - 1) === 10) e--;
    if (e > lines.lineStart(l) && text.charCodeAt(e - 1) === 13) e--;
    return e;
  };
  const isBlank = (l: number) => /^[ \t]*$/.test(text.slice(lines.lineStart(l), lineEnd(l)));

  /** Past byte-order marks at a line start (the file's own, or a stray one the lexer also skips). */
  const afterBoms = (at: number) => {
    while (text.charCodeAt(at) === 0xfeff) at++;
    return at;
  };
  // Headings: `##   Punkt 1:  Titel  ` → `## Punkt 1: Titel` (only when the heading is one line).
  const bom = doc.bom ? 1 : 0;
  const headingStarts = new Set<number>();
  for (const h of headings) {
    const l = h.range.start.line;
    if (h.range.end.line !== l) continue;
    const ls = afterBoms(lines.lineStart(l));
    const le = lineEnd(l);
    const line = text.slice(ls, le);
    if (line.includes('<!--')) continue;
    const m = /^(#+)[ \t]*(.*?)[ \t]*$/.exec(line);
    if (!m) continue;
    const content = m[2]!.replace(/[ \t]+/g, ' ');
    headingStarts.add(l);
    push(ls, le, content ? `${m[1]} ${content}` : m[1]!);
  }
  // Subheadings: same, from their lines.
  for (let l = 0; l < lineCount; l++) {
    if (!headingLine[l] || headingStarts.has(l) || inComment[l] || (l > 0 && inComment[l - 1])) continue;
    const ls = afterBoms(lines.lineStart(l));
    const le = lineEnd(l);
    const line = text.slice(ls, le);
    if (line.includes('<!--')) continue;
    const m = /^(#+)[ \t]*(.*?)[ \t]*$/.exec(line);
    if (!m) continue;
    headingStarts.add(l);
    push(ls, le, `${m[1]} ${m[2]!.replace(/[ \t]+/g, ' ')}`.trimEnd());
  }

  // Fields: `Name :value` → `Name: value`.
  const fields = [...doc.fields, ...doc.items.flatMap((i) => i.fields)];
  const fieldOwned = new Set<number>();
  for (const f of fields) {
    const nameEnd = f.name.range.end.offset;
    const valueStart = f.value.segments.length ? f.value.segments[0]!.sourceOffset : -1;
    if (valueStart < 0) continue;
    const gap = text.slice(nameEnd, valueStart);
    if (/^[ \t]*:[ \t]*$/.test(gap)) {
      push(nameEnd, valueStart, ': ');
      fieldOwned.add(f.range.start.line);
    }
  }

  // Ordered lists: renumber from the first number; one space after the marker.
  for (const list of lists) {
    if (!list.ordered) continue;
    const first = list.items[0]?.number ?? 1;
    list.items.forEach((it, i) => {
      const mk = it.marker;
      const m = /^(\d+)([.)])$/.exec(mk.text);
      if (!m) return;
      const want = String(first + i);
      if (m[1] !== want) push(mk.range.start.offset, mk.range.start.offset + m[1]!.length, want);
      const after = mk.range.end.offset;
      const contentStart = it.content.segments[0]?.sourceOffset;
      if (contentStart !== undefined && contentStart > after && /^[ \t]+$/.test(text.slice(after, contentStart))) push(after, contentStart, ' ');
    });
  }

  // Name lists.
  if (a.meeting.membersField) nameLists.push(a.meeting.membersField.names);
  if (a.meeting.afbudField) nameLists.push(a.meeting.afbudField.names);
  for (const item of a.meeting.items) {
    if (item.attendance.absentField) nameLists.push(item.attendance.absentField.names);
    for (const s of item.attendance.sentences) nameLists.push(s.names);
  }
  for (const nl of nameLists) {
    for (let i = 0; i + 1 < nl.names.length; i++) {
      const s = nl.names[i]!.range.end.offset;
      const e = nl.names[i + 1]!.range.start.offset;
      const gap = text.slice(s, e);
      if (/^[ \t]*,[ \t]*$/.test(gap)) push(s, e, ', ');
      else if (/^[ \t]+og[ \t]+$/.test(gap)) push(s, e, ' og ');
      else if (/^[ \t]*,[ \t]*og[ \t]+$/.test(gap)) push(s, e, ', og ');
    }
  }

  // Tables.
  for (const t of tables) tableEdits(a, t, push);

  // Trailing whitespace of content lines (headings and tables are rewritten whole).
  for (let l = 0; l < lineCount; l++) {
    if (isBlank(l) || headingStarts.has(l) || tableLine[l]) continue;
    const ls = lines.lineStart(l);
    const le = lineEnd(l);
    const line = text.slice(ls, le);
    // An empty bullet (`- `) keeps one space: without it, `-` is no bullet (and the structure would change).
    const trimmed = line.replace(/[ \t]+$/, '').replace(/^([ \t]*[-*+•])$/, '$1 ');
    if (trimmed.length !== line.length) {
      // Leave whitespace alone where another edit (a field gap) already starts.
      const at = ls + trimmed.length;
      if (!edits.some((e) => e.start < le && e.end > at)) push(at, le, '');
    }
  }

  // Blank lines between content lines.
  const content: number[] = [];
  for (let l = 0; l < lineCount; l++) if (!isBlank(l)) content.push(l);
  if (content.length === 0) {
    if (text.length > bom) push(bom, text.length, '');
    return edits;
  }
  const firstLine = content[0]!;
  if (firstLine > 0) push(bom, lines.lineStart(firstLine) + (firstLine === 0 ? bom : 0), '');
  for (let i = 0; i + 1 < content.length; i++) {
    const A = content[i]!;
    const B = content[i + 1]!;
    // Inside a comment spanning the gap: leave it.
    let protectedGap = false;
    for (let l = A; l < B; l++) if (inComment[l]) protectedGap = true;
    if (protectedGap) continue;
    if (tableLine[A] && tableLine[B] && B === A + 1) continue;
    const blanks = B - A - 1;
    let want = Math.min(blanks, 1);
    if (headingLine[B]) want = 1;
    if (headingLine[A]) {
      const next = text.slice(lines.lineStart(B), lineEnd(B));
      want = FIELD_LINE.test(next) && fieldOwnedOrItem(a, B) ? Math.min(blanks, 1) : 1;
    }
    // A continuation line (indented) right after a field must stay attached.
    if (blanks === 0 && /^[ \t]/.test(text.slice(lines.lineStart(B), lineEnd(B)))) want = 0;
    push(lineEnd(A), lines.lineStart(B), eol.repeat(want + 1));
  }
  const last = content[content.length - 1]!;
  push(lineEnd(last), text.length, eol);
  return edits;
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
