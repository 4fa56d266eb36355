/**
 * Folding ranges: items, sections, sub-headings, comments, lists, tables and
 * multi-line header fields. A range ends on the node's last non-blank line.
 */
import type * as lsp from 'vscode-languageserver-types';
import type { Block, Range } from '../syntax/ast.js';
import { type Analysis, type CancellationTokenLike, noCancel } from './common.js';

export function provideFoldingRanges(a: Analysis, token: CancellationTokenLike = noCancel): lsp.FoldingRange[] {
  const out: lsp.FoldingRange[] = [];
  const text = a.text;
  const lastLine = (r: Range): number => {
    let e = r.end.offset;
    while (e > r.start.offset && /\s/.test(text[e - 1]!)) e--;
    return a.lines.position(e).line;
  };
  const add = (r: Range, kind?: string, endLine = lastLine(r)) => {
    const startLine = r.start.line;
    if (endLine > startLine) out.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  const blocks = (list: readonly Block[], end?: number) => {
    list.forEach((b, i) => {
      switch (b.type) {
        case 'comment':
          add(b.range, 'comment');
          break;
        case 'list':
          add(b.range);
          for (const it of b.items) {
            add(it.range);
            blocks(it.children);
          }
          break;
        case 'table':
          add(b.range);
          break;
        case 'subheading': {
          // A sub-heading folds up to the next heading of the same or higher level.
          const next = list.slice(i + 1).find((x) => x.type === 'subheading' && x.level <= b.level);
          const until = next ? next.range.start.offset : end;
          if (until !== undefined) {
            const endLine = lastLine({ start: b.range.start, end: a.lines.position(until) });
            add(b.range, undefined, endLine);
          }
          break;
        }
        default:
          break;
      }
    });
  };
  const doc = a.parse.ast;
  for (const f of doc.fields) add(f.range);
  blocks(doc.headerBlocks, doc.items[0]?.range.start.offset);
  for (const item of doc.items) {
    if (token.isCancellationRequested) return [];
    add(item.range);
    blocks(item.preamble, item.sections[0]?.range.start.offset ?? item.range.end.offset);
    for (const s of item.sections) {
      add(s.range);
      blocks(s.blocks, s.range.end.offset);
    }
  }
  // Comments inside paragraphs (inline comments spanning lines).
  for (const c of doc.comments) if (c.type === 'comment' && !('terminated' in c)) add(c.range, 'comment');
  const seen = new Set<string>();
  return out
    .filter((r) => {
      const k = `${r.startLine}:${r.endLine}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((x, y) => x.startLine - y.startLine || y.endLine - x.endLine);
}
