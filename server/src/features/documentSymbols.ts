/**
 * The outline: meeting → `Punkt N: title` (closed items marked) → sections, so that
 * VS Code's outline, breadcrumbs and sticky scroll show the meeting.
 */
import type * as lsp from 'vscode-languageserver-types';
import { plainText } from '../syntax/text.js';
import { type Analysis, type CancellationTokenLike, noCancel, toRange } from './common.js';

const SK = { File: 1, Module: 2, Namespace: 3, Property: 7, String: 15, Key: 20 } as const;

export function provideDocumentSymbols(a: Analysis, token: CancellationTokenLike = noCancel): lsp.DocumentSymbol[] {
  const doc = a.parse.ast;
  const m = a.meeting;
  const closedWord = a.lang === 'da' ? 'lukket' : 'closed';
  const items: lsp.DocumentSymbol[] = [];
  for (const item of m.items) {
    if (token.isCancellationRequested) return [];
    const sections: lsp.DocumentSymbol[] = item.sections.map((s) => ({
      name: s.node.title || s.displayName || '…',
      detail: s.kind !== 'unknown' && s.displayName !== s.node.title ? s.displayName : undefined,
      kind: SK.String,
      range: toRange(s.node.range),
      selectionRange: toRange(s.node.heading.range),
    }));
    const detail = [item.closed ? `🔒 ${closedWord}` : undefined, item.caseNumber?.text.trim()].filter(Boolean).join(' · ');
    items.push({
      name: `Punkt ${item.number}: ${item.title || '…'}${item.closed ? ' 🔒' : ''}`,
      detail: detail || undefined,
      kind: SK.Namespace,
      range: toRange(item.node.range),
      selectionRange: toRange(item.node.heading.range),
      children: sections,
    });
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
