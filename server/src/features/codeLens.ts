/** Code lens on item headings: decision missing, or how many proposals are answered. */
import type * as lsp from 'vscode-languageserver-types';
import { type Analysis, type CancellationTokenLike, noCancel, toRange } from './common.js';
import { itemStates } from './itemState.js';

export function provideCodeLenses(a: Analysis, token: CancellationTokenLike = noCancel): lsp.CodeLens[] {
  if (token.isCancellationRequested) return [];
  const da = a.lang === 'da';
  const out: lsp.CodeLens[] = [];
  for (const s of itemStates(a)) {
    const parts: string[] = [];
    if (s.item.closed) parts.push(da ? '🔒 lukket' : '🔒 closed');
    if (a.meeting.kind === 'REFERAT' && !s.item.closed && !s.hasDecision) parts.push(da ? '⚠ beslutning mangler' : '⚠ decision missing');
    if (s.proposals > 0 && a.meeting.kind === 'REFERAT') {
      parts.push(
        s.answered === s.proposals
          ? da
            ? `✓ ${s.proposals} indstilling${s.proposals === 1 ? '' : 'er'} besvaret`
            : `✓ ${s.proposals} proposal${s.proposals === 1 ? '' : 's'} answered`
          : da
            ? `${s.answered} af ${s.proposals} indstillinger besvaret`
            : `${s.answered} of ${s.proposals} proposals answered`,
      );
    }
    if (parts.length === 0) continue;
    const range = toRange(s.item.node.heading.range);
    out.push({ range, command: { title: parts.join(' · '), command: '' } });
  }
  return out;
}
