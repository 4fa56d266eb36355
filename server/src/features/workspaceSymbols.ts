/** Workspace symbols: every item of every `.referat` file of the workspace index. */
import type * as lsp from 'vscode-languageserver-types';
import { type CancellationTokenLike, noCancel } from './common.js';

export interface IndexedItem {
  readonly number: string;
  readonly title: string;
  readonly caseNumber?: string;
  readonly closed: boolean;
  readonly range: lsp.Range;
}

export interface IndexedFile {
  readonly uri: string;
  readonly title?: string;
  readonly items: readonly IndexedItem[];
}

function matches(query: string, text: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  const t = text.toLowerCase();
  // Fuzzy: the query's characters in order.
  let i = 0;
  for (const ch of t) if (ch === q[i]) i++;
  return i === q.length || t.includes(q);
}

export function provideWorkspaceSymbols(files: Iterable<IndexedFile>, query: string, token: CancellationTokenLike = noCancel): lsp.SymbolInformation[] {
  const out: lsp.SymbolInformation[] = [];
  for (const f of files) {
    if (token.isCancellationRequested) return out;
    for (const it of f.items) {
      const name = `Punkt ${it.number}: ${it.title}${it.closed ? ' 🔒' : ''}`;
      if (!matches(query, `${name} ${it.caseNumber ?? ''}`)) continue;
      out.push({ name, kind: 3, location: { uri: f.uri, range: it.range }, containerName: f.title });
    }
  }
  return out;
}
