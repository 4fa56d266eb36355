/**
 * Document links: `[text](target)` links (attachments under `Bilag` above all),
 * resolved against the document's URI when relative.
 */
import type * as lsp from 'vscode-languageserver-types';
import type { Block, InlineText } from '../syntax/ast.js';
import { rangeOfText } from '../syntax/text.js';
import { type Analysis, type CancellationTokenLike, noCancel, toRange } from './common.js';

const LINK = /\[([^\]\r\n]*)\]\(\s*(<[^>\r\n]*>|[^()\s]+)(?:\s+"[^"]*")?\s*\)/g;

export function resolveTarget(base: string, target: string): string | undefined {
  try {
    return new URL(target, base).toString();
  } catch {
    return undefined;
  }
}

export function provideDocumentLinks(a: Analysis, token: CancellationTokenLike = noCancel): lsp.DocumentLink[] {
  const out: lsp.DocumentLink[] = [];
  const inline = (t: InlineText) => {
    for (const m of t.text.matchAll(LINK)) {
      const raw = m[2]!.replace(/^<|>$/g, '');
      const from = m.index! + m[0].indexOf('(', m[1]!.length + 1) + 1;
      const idx = t.text.indexOf(m[2]!, from);
      const target = resolveTarget(a.uri, raw);
      if (!target || /^javascript:/i.test(target)) continue;
      out.push({ range: toRange(rangeOfText(t, a.lines, idx, idx + m[2]!.length)), target });
    }
  };
  const blocks = (bs: readonly Block[]) => {
    for (const b of bs) {
      if (b.type === 'paragraph') inline(b.content);
      else if (b.type === 'list') {
        for (const it of b.items) {
          inline(it.content);
          blocks(it.children);
        }
      } else if (b.type === 'table') for (const r of b.allRows) for (const c of r.cells) inline(c.content);
      else if (b.type === 'subheading') inline(b.content);
    }
  };
  blocks(a.parse.ast.headerBlocks);
  for (const item of a.parse.ast.items) {
    if (token.isCancellationRequested) return [];
    blocks(item.preamble);
    for (const s of item.sections) blocks(s.blocks);
  }
  return out;
}
