/**
 * The outline: meeting → `Punkt N: title` (closed items marked) → sections, so that
 * VS Code's outline, breadcrumbs and sticky scroll show the meeting.
 */
import type * as lsp from 'vscode-languageserver-types';
import type { Lang } from '../i18n.js';
import { movedModelOrigin } from '../model/incremental.js';
import type { ItemModel } from '../model/types.js';
import { plainText } from '../syntax/text.js';
import { type Analysis, type CancellationTokenLike, noCancel, toRange } from './common.js';

const SK = { File: 1, Module: 2, Namespace: 3, Property: 7, String: 15, Key: 20 } as const;

/** The symbol of an item model, for a language: an item's symbol depends on its model alone. */
const symbols = new WeakMap<ItemModel, { readonly lang: Lang; readonly symbol: lsp.DocumentSymbol }>();

/**
 * The symbol of an item: the one made before for the same model, else, for a model moved
 * while typing (model/incremental.ts), its source's symbol with the lines moved (reading the
 * moved model's sections would copy the item's content), else a new one.
 */
function itemSymbol(item: ItemModel, lang: Lang, closedWord: string): lsp.DocumentSymbol {
  const had = symbols.get(item);
  if (had?.lang === lang) return had.symbol;
  const origin = movedModelOrigin(item);
  const symbol = origin ? moved(itemSymbol(origin.source, lang, closedWord), origin.lineDelta) : newItemSymbol(item, closedWord);
  symbols.set(item, { lang, symbol });
  return symbol;
}

function newItemSymbol(item: ItemModel, closedWord: string): lsp.DocumentSymbol {
  const sections: lsp.DocumentSymbol[] = item.sections.map((s) => ({
    name: s.node.title || s.displayName || '…',
    detail: s.kind !== 'unknown' && s.displayName !== s.node.title ? s.displayName : undefined,
    kind: SK.String,
    range: toRange(s.node.range),
    selectionRange: toRange(s.node.heading.range),
  }));
  const detail = [item.closed ? `🔒 ${closedWord}` : undefined, item.caseNumber?.text.trim()].filter(Boolean).join(' · ');
  return {
    name: `Punkt ${item.number}: ${item.title || '…'}${item.closed ? ' 🔒' : ''}`,
    detail: detail || undefined,
    kind: SK.Namespace,
    range: toRange(item.node.range),
    selectionRange: toRange(item.node.heading.range),
    children: sections,
  };
}

function moved(s: lsp.DocumentSymbol, lines: number): lsp.DocumentSymbol {
  if (lines === 0) return s;
  const range = (r: lsp.Range): lsp.Range => ({ start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } });
  const out: lsp.DocumentSymbol = { ...s, range: range(s.range), selectionRange: range(s.selectionRange) };
  if (s.children) out.children = s.children.map((c) => moved(c, lines));
  return out;
}

export function provideDocumentSymbols(a: Analysis, token: CancellationTokenLike = noCancel): lsp.DocumentSymbol[] {
  const doc = a.parse.ast;
  const m = a.meeting;
  const closedWord = a.lang === 'da' ? 'lukket' : 'closed';
  const items: lsp.DocumentSymbol[] = [];
  for (const item of m.items) {
    if (token.isCancellationRequested) return [];
    items.push(itemSymbol(item, a.lang, closedWord));
  }
  if (!doc.title) return items;
  const title = `${doc.title.kind}${doc.title.rest ? ` ${plainText(doc.title.rest.text)}` : ''}`;
  return [
    {
      name: title,
      detail: m.committee,
      kind: SK.Module,
      range: toRange(doc.range),
      selectionRange: toRange(doc.title.range),
      children: items,
    },
  ];
}
