/**
 * Folding ranges: items, sections, sub-headings, comments, lists, tables and
 * multi-line header fields. A range ends on the node's last non-blank line.
 */
import type * as lsp from 'vscode-languageserver-types';
import type { Block, Item, Range } from '../syntax/ast.js';
import { movedItem } from '../syntax/incremental.js';
import { type Analysis, type CancellationTokenLike, noCancel } from './common.js';

/** The folding ranges of an item node (in its tree's lines): an item's ranges depend on its node and its text alone. */
const itemRanges = new WeakMap<Item, readonly lsp.FoldingRange[]>();

/**
 * The folding ranges of an item: those found before for the same node, else, for an item
 * moved while typing whose content was not copied yet (syntax/incremental.ts), its source's
 * with the lines moved (reading the moved item's blocks would copy its content), else new.
 */
function rangesOfItem(a: Analysis, item: Item): readonly lsp.FoldingRange[] {
  const had = itemRanges.get(item);
  if (had) return had;
  const moving = movedItem(item);
  let ranges: readonly lsp.FoldingRange[];
  if (moving && !moving.copied && itemRanges.has(moving.source)) {
    const dl = moving.lineDelta;
    ranges = itemRanges.get(moving.source)!.map((r) => ({ ...r, startLine: r.startLine + dl, endLine: r.endLine + dl }));
  } else {
    const out: lsp.FoldingRange[] = [];
    const { add, blocks } = collector(a, out);
    add(item.range);
    blocks(item.preamble, item.sections[0]?.range.start.offset ?? item.range.end.offset);
    for (const s of item.sections) {
      add(s.range);
      blocks(s.blocks, s.range.end.offset);
    }
    ranges = out;
  }
  itemRanges.set(item, ranges);
  return ranges;
}

export function provideFoldingRanges(a: Analysis, token: CancellationTokenLike = noCancel): lsp.FoldingRange[] {
  const out: lsp.FoldingRange[] = [];
  const { add, blocks } = collector(a, out);
  const doc = a.parse.ast;
  for (const f of doc.fields) add(f.range);
  blocks(doc.headerBlocks, doc.items[0]?.range.start.offset);
  for (const item of doc.items) {
    if (token.isCancellationRequested) return [];
    for (const r of rangesOfItem(a, item)) out.push(r);
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

/** Adds the folding ranges of nodes and blocks of `a` to `out`. */
function collector(a: Analysis, out: lsp.FoldingRange[]) {
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
  return { add, blocks };
}
