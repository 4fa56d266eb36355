/**
 * Members as symbols: definition (the name in `Mødedeltagere`), references (every
 * mention in the file) and rename (every mention edited).
 */
import type * as lsp from 'vscode-languageserver-types';
import { normalizeName } from '../rules/util/names.js';
import { type Analysis, type CancellationTokenLike, noCancel, rangeOf, toRange } from './common.js';
import { members, mentionsOf, personAt } from './people.js';

export function provideDefinition(a: Analysis, position: lsp.Position, token: CancellationTokenLike = noCancel): lsp.Location[] {
  const p = personAt(a, a.lines.offsetAt(position.line, position.character));
  if (!p || token.isCancellationRequested) return [];
  const decl = members(a).find((m) => m.key === p.key)?.declaration;
  if (decl) return [{ uri: a.uri, range: toRange(decl.nameRange) }];
  return [];
}

export function provideReferences(
  a: Analysis,
  position: lsp.Position,
  context: { includeDeclaration: boolean } = { includeDeclaration: true },
  token: CancellationTokenLike = noCancel,
): lsp.Location[] {
  const p = personAt(a, a.lines.offsetAt(position.line, position.character));
  if (!p || token.isCancellationRequested) return [];
  const decl = members(a).find((m) => m.key === p.key)?.declaration;
  return mentionsOf(a, p.key)
    .filter((m) => context.includeDeclaration || !decl || m.start !== decl.nameRange.start.offset)
    .map((m) => ({ uri: a.uri, range: toRange(m.range) }));
}

export function prepareRename(a: Analysis, position: lsp.Position): { range: lsp.Range; placeholder: string } | undefined {
  const p = personAt(a, a.lines.offsetAt(position.line, position.character));
  if (!p) return undefined;
  return { range: rangeOf(a, p.start, p.end), placeholder: a.text.slice(p.start, p.end) };
}

export class RenameError extends Error {}

export function provideRename(
  a: Analysis,
  position: lsp.Position,
  newName: string,
  token: CancellationTokenLike = noCancel,
): lsp.WorkspaceEdit | undefined {
  const p = personAt(a, a.lines.offsetAt(position.line, position.character));
  if (!p || token.isCancellationRequested) return undefined;
  const name = newName.replace(/\s+/g, ' ').trim();
  if (!name || /[,.:()<>\r\n]/.test(name) || / og /.test(` ${name} `)) {
    throw new RenameError(a.lang === 'da' ? `Ugyldigt navn: "${newName}"` : `Invalid name: "${newName}"`);
  }
  const clash = members(a).find((m) => m.key === normalizeName(name) && m.key !== p.key);
  if (clash) throw new RenameError(a.lang === 'da' ? `${clash.name} er allerede mødedeltager` : `${clash.name} is already a member`);
  const edits = mentionsOf(a, p.key).map((m) => ({ range: toRange(m.range), newText: name }));
  return { changes: { [a.uri]: edits } };
}

/** Highlights every mention of the member under the cursor (the declaration as a write). */
export function provideDocumentHighlights(a: Analysis, position: lsp.Position, token: CancellationTokenLike = noCancel): lsp.DocumentHighlight[] {
  const p = personAt(a, a.lines.offsetAt(position.line, position.character));
  if (!p || token.isCancellationRequested) return [];
  const decl = members(a).find((m) => m.key === p.key)?.declaration;
  return mentionsOf(a, p.key).map((m) => ({ range: toRange(m.range), kind: decl && m.start === decl.nameRange.start.offset ? 3 : 2 }));
}
