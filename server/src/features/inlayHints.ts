/** Inlay hints: who is away from each item, shown after its heading. */
import type * as lsp from 'vscode-languageserver-types';
import { type Analysis, type CancellationTokenLike, noCancel } from './common.js';
import { REASON, itemStates } from './itemState.js';

export function provideInlayHints(a: Analysis, range?: lsp.Range, token: CancellationTokenLike = noCancel): lsp.InlayHint[] {
  if (token.isCancellationRequested) return [];
  const out: lsp.InlayHint[] = [];
  const da = a.lang === 'da';
  for (const s of itemStates(a)) {
    if (s.away.length === 0) continue;
    const h = s.item.node.heading.range;
    if (range && (h.end.line < range.start.line || h.start.line > range.end.line)) continue;
    out.push({
      position: { line: h.end.line, character: h.end.character },
      label: `${da ? 'fraværende' : 'absent'}: ${s.away.map((x) => x.name).join(', ')}`,
      tooltip: s.away.map((x) => `${x.name}: ${REASON[x.reason][a.lang]}`).join('\n'),
      paddingLeft: true,
      kind: undefined,
    });
  }
  return out;
}
