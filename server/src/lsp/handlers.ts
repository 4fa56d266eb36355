/**
 * The LSP requests of the language features, each passed to the service façade for the
 * document it names (null where the document is not open).
 */
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { RenameError, type LanguageService } from '../service.js';
import { MeetingStateRequest, type MeetingStateParams } from './protocol.js';

type Doc = (uri: string) => TextDocument | undefined;
type Svc = () => LanguageService;

/** Reading features: completion, hover, navigation, outline, tokens, links, lenses, hints. */
export function registerReadingHandlers(connection: Connection, doc: Doc, svc: Svc): void {
  const on = <P extends { textDocument: { uri: string } }, R>(fn: (d: TextDocument, p: P) => Promise<R>, none: R) => async (p: P) => {
    const d = doc(p.textDocument.uri);
    return d ? fn(d, p) : none;
  };
  connection.onCompletion((p, token) => on((d) => svc().getCompletionItems(d, p.position, token), null)(p));
  connection.onHover((p, token) => on(async (d) => (await svc().getHover(d, p.position, token)) ?? null, null)(p));
  connection.onDefinition((p, token) => on((d) => svc().getDefinition(d, p.position, token), null)(p));
  connection.onReferences((p, token) => on((d) => svc().getReferences(d, p.position, p.context, token), null)(p));
  connection.onDocumentHighlight((p, token) => on((d) => svc().getDocumentHighlights(d, p.position, token), null)(p));
  connection.onDocumentSymbol((p, token) => on((d) => svc().getDocumentSymbols(d, token), null)(p));
  connection.onFoldingRanges((p, token) => on((d) => svc().getFoldingRanges(d, token), null)(p));
  connection.languages.semanticTokens.on((p, token) => on((d) => svc().getSemanticTokens(d, token), { data: [] as number[] })(p));
  connection.onWorkspaceSymbol(async (p, token) => svc().getWorkspaceSymbols(p.query, token));
  connection.onDocumentLinks((p, token) => on((d) => svc().getDocumentLinks(d, token), null)(p));
  connection.onCodeLens((p, token) => on((d) => svc().getCodeLenses(d, token), null)(p));
  connection.languages.inlayHint.on((p, token) => on((d) => svc().getInlayHints(d, p.range, token), null)(p));
  connection.onRequest(MeetingStateRequest, async (p: MeetingStateParams) => {
    const d = doc(p.uri);
    return d ? svc().getMeetingState(d) : null;
  });
}

/** Editing features: rename, formatting, code actions. */
export function registerEditingHandlers(connection: Connection, doc: Doc, svc: Svc): void {
  connection.onPrepareRename(async (p) => {
    const d = doc(p.textDocument.uri);
    return d ? ((await svc().prepareRename(d, p.position)) ?? null) : null;
  });
  connection.onRenameRequest(async (p, token) => {
    const d = doc(p.textDocument.uri);
    if (!d) return null;
    try {
      return (await svc().getRenameEdit(d, p.position, p.newName, token)) ?? null;
    } catch (error) {
      if (error instanceof RenameError) return new ResponseError(ErrorCodes.InvalidParams, error.message);
      throw error;
    }
  });
  connection.onDocumentFormatting(async (p, token) => {
    const d = doc(p.textDocument.uri);
    return d ? svc().getFormattingEdits(d, token) : null;
  });
  connection.onDocumentRangeFormatting(async (p, token) => {
    const d = doc(p.textDocument.uri);
    return d ? svc().getRangeFormattingEdits(d, p.range, token) : null;
  });
  connection.onCodeAction(async (p, token) => {
    const d = doc(p.textDocument.uri);
    return d ? svc().getCodeActions(d, p.range, { only: p.context.only, diagnostics: p.context.diagnostics }, token) : null;
  });
}
