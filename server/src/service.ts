/**
 * The language service: one façade over the engine that every host uses (the LSP
 * server in Node and in a browser worker, tests). It never touches a file system or a
 * connection: the host hands it a {@link Workspace}. Each document is parsed, modelled
 * and linted once per version (and configuration generation), on demand. The command line
 * works on files instead, through the other half of the façade, `service/tasks.ts`.
 */
import type * as lsp from 'vscode-languageserver-types';
import { CONFIG_FILE_NAME } from './config/discover.js';
import { provideCodeActions } from './features/codeActions.js';
import { provideCodeLenses } from './features/codeLens.js';
import { type Analysis, type CancellationTokenLike, noCancel, type TextDocumentLike } from './features/common.js';
import { provideCompletion } from './features/completion.js';
import { DIAGNOSTIC_SOURCE, provideDiagnostics } from './features/diagnostics.js';
import { provideDocumentLinks } from './features/documentLinks.js';
import { provideDocumentSymbols } from './features/documentSymbols.js';
import { provideFoldingRanges } from './features/folding.js';
import { provideFormatting, provideRangeFormatting } from './features/formatting.js';
import { provideHover } from './features/hover.js';
import { provideInlayHints } from './features/inlayHints.js';
import { meetingState, type MeetingState } from './features/itemState.js';
import { renderForEditor, type EditorRenderOptions, type EditorRenderRefused, type EditorRenderResult } from './export/editor.js';
import { prepareRename, provideDefinition, provideDocumentHighlights, provideReferences, provideRename } from './features/references.js';
import { provideSemanticTokens, semanticTokensLegend } from './features/semanticTokens.js';
import { provideWorkspaceSymbols } from './features/workspaceSymbols.js';
import { DocumentAnalyses } from './service/analyses.js';
import { ConfigResolver, type Settings } from './service/config-resolver.js';
import { dirOf, isReferat } from './service/uri.js';
import { WorkspaceIndex } from './service/workspace-index.js';

export { meetingSummary } from './rules/summary.js';
export type { Settings } from './service/config-resolver.js';
export type { Analysis, CancellationTokenLike, TextDocumentLike } from './features/common.js';
export type { MeetingState } from './features/itemState.js';
export type { EditorRenderOptions, EditorRenderRefused, EditorRenderResult } from './export/editor.js';
export type { PdfFonts } from './export/index.js';
export { FIX_ALL_KIND } from './features/codeActions.js';
export { RenameError } from './features/references.js';
export { semanticTokensLegend } from './features/semanticTokens.js';

export const CONFIG_FILE = CONFIG_FILE_NAME;

export interface FileChange {
  readonly uri: string;
  readonly type: 'created' | 'changed' | 'deleted';
}

export interface Disposable {
  dispose(): void;
}

/** What the host provides: open documents, reading and listing files, change events. */
export interface Workspace {
  /** The editor's open documents; their text wins over the disk. */
  readonly documents: {
    get(uri: string): TextDocumentLike | undefined;
    all(): readonly TextDocumentLike[];
  };
  /** Reads a file; undefined when it does not exist or cannot be read. */
  readFile(uri: string): Promise<string | undefined>;
  /** Every `.referat` file of the workspace (URIs). */
  listFiles(): Promise<readonly string[]>;
  /** Roots of the workspace (URIs of folders); configuration is not searched above them. */
  readonly roots?: readonly string[];
  /** File changes (created, changed, deleted), `.referat` files and configuration files. */
  onDidChangeFiles?(listener: (changes: readonly FileChange[]) => void): Disposable;
}

export interface LanguageServiceInit {
  readonly workspace: Workspace;
  /** The host's display language (`da`, `en-US`…), used when neither settings nor configuration name one. */
  readonly locale?: string;
  readonly settings?: Settings;
  /** The documentation page of a rule, for `codeDescription`. */
  readonly ruleDocUri?: (ruleId: string) => string | undefined;
  /** Gives the host a turn between chunks of background work. */
  readonly yieldToHost?: () => Promise<void>;
  readonly log?: (message: string) => void;
}

export interface LanguageService {
  readonly semanticTokensLegend: typeof semanticTokensLegend;
  updateSettings(settings: Settings): void;
  getAnalysis(doc: TextDocumentLike): Promise<Analysis>;
  getDiagnostics(doc: TextDocumentLike, token?: CancellationTokenLike): Promise<lsp.Diagnostic[]>;
  getCodeActions(doc: TextDocumentLike, range: lsp.Range, context: { only?: readonly string[]; diagnostics?: readonly lsp.Diagnostic[] }, token?: CancellationTokenLike): Promise<lsp.CodeAction[]>;
  getDocumentSymbols(doc: TextDocumentLike, token?: CancellationTokenLike): Promise<lsp.DocumentSymbol[]>;
  getFoldingRanges(doc: TextDocumentLike, token?: CancellationTokenLike): Promise<lsp.FoldingRange[]>;
  getCompletionItems(doc: TextDocumentLike, position: lsp.Position, token?: CancellationTokenLike): Promise<lsp.CompletionList>;
  getHover(doc: TextDocumentLike, position: lsp.Position, token?: CancellationTokenLike): Promise<lsp.Hover | undefined>;
  getDefinition(doc: TextDocumentLike, position: lsp.Position, token?: CancellationTokenLike): Promise<lsp.Location[]>;
  getReferences(doc: TextDocumentLike, position: lsp.Position, context: { includeDeclaration: boolean }, token?: CancellationTokenLike): Promise<lsp.Location[]>;
  getDocumentHighlights(doc: TextDocumentLike, position: lsp.Position, token?: CancellationTokenLike): Promise<lsp.DocumentHighlight[]>;
  prepareRename(doc: TextDocumentLike, position: lsp.Position, token?: CancellationTokenLike): Promise<{ range: lsp.Range; placeholder: string } | undefined>;
  getRenameEdit(doc: TextDocumentLike, position: lsp.Position, newName: string, token?: CancellationTokenLike): Promise<lsp.WorkspaceEdit | undefined>;
  getFormattingEdits(doc: TextDocumentLike, token?: CancellationTokenLike): Promise<lsp.TextEdit[]>;
  getRangeFormattingEdits(doc: TextDocumentLike, range: lsp.Range, token?: CancellationTokenLike): Promise<lsp.TextEdit[]>;
  getSemanticTokens(doc: TextDocumentLike, token?: CancellationTokenLike): Promise<{ data: number[] }>;
  getWorkspaceSymbols(query: string, token?: CancellationTokenLike): Promise<lsp.SymbolInformation[]>;
  getDocumentLinks(doc: TextDocumentLike, token?: CancellationTokenLike): Promise<lsp.DocumentLink[]>;
  getCodeLenses(doc: TextDocumentLike, token?: CancellationTokenLike): Promise<lsp.CodeLens[]>;
  getInlayHints(doc: TextDocumentLike, range: lsp.Range | undefined, token?: CancellationTokenLike): Promise<lsp.InlayHint[]>;
  getMeetingState(doc: TextDocumentLike): Promise<MeetingState>;
  /** The document in an export format or as the live preview (`referat/render`). */
  render(doc: TextDocumentLike, options: EditorRenderOptions): Promise<EditorRenderResult | EditorRenderRefused>;
  /** Indexes every `.referat` file of the workspace in the background (chunked). */
  indexWorkspace(token?: CancellationTokenLike): Promise<number>;
  /** Tells the service about changed files (when the workspace has no change events of its own). */
  filesChanged(changes: readonly FileChange[]): void;
  /** Forgets a closed document's analysis (its index entry stays, re-read from disk). */
  documentClosed(uri: string): void;
  /** The URIs of open documents whose results may have changed (after settings or configuration changes). */
  onDidInvalidate(listener: () => void): Disposable;
  dispose(): void;
}

/** The parts of the service, each named for what it does. */
interface Parts {
  readonly init: LanguageServiceInit;
  readonly config: ConfigResolver;
  readonly index: WorkspaceIndex;
  readonly analyses: DocumentAnalyses;
  readonly invalidate: () => void;
  readonly listeners: Set<() => void>;
}

export function createLanguageService(init: LanguageServiceInit): LanguageService {
  const ws = init.workspace;
  const log = init.log ?? (() => {});
  let settings: Settings = init.settings ?? {};
  const config = new ConfigResolver((uri) => ws.readFile(uri), ws.roots, () => settings, log);
  const index = new WorkspaceIndex((uri) => ws.readFile(uri), config, log);
  const analyses = new DocumentAnalyses(config, index, init.locale);
  const listeners = new Set<() => void>();
  const invalidate = () => {
    analyses.generation++;
    for (const l of listeners) l();
  };
  const parts: Parts = { init, config, index, analyses, invalidate, listeners };
  const subscription = ws.onDidChangeFiles?.((changes) => filesChanged(parts, changes));
  return Object.freeze({
    semanticTokensLegend,
    ...documentFeatures(parts),
    ...workspaceFeatures(parts),
    updateSettings(next: Settings) {
      settings = next ?? {};
      config.clear();
      invalidate();
    },
    dispose() {
      subscription?.dispose();
      analyses.clear();
      index.clear();
      listeners.clear();
    },
  });
}

/** The features of one document: each analyses it (once per version) and asks its provider. */
function documentFeatures(p: Parts) {
  const get = (doc: TextDocumentLike) => p.analyses.get(doc);
  return {
    getAnalysis: get,
    async getDiagnostics(doc: TextDocumentLike, token: CancellationTokenLike = noCancel) {
      const a = await get(doc);
      if (token.isCancellationRequested) return [];
      return [...(await configDiagnostics(p, a)), ...provideDiagnostics(a, token, p.init.ruleDocUri)];
    },
    getCodeActions: async (doc: TextDocumentLike, range: lsp.Range, context: { only?: readonly string[]; diagnostics?: readonly lsp.Diagnostic[] }, token = noCancel) =>
      provideCodeActions(await get(doc), range, context, token),
    getDocumentSymbols: async (doc: TextDocumentLike, token = noCancel) => provideDocumentSymbols(await get(doc), token),
    getFoldingRanges: async (doc: TextDocumentLike, token = noCancel) => provideFoldingRanges(await get(doc), token),
    getCompletionItems: async (doc: TextDocumentLike, position: lsp.Position, token = noCancel) =>
      provideCompletion(await get(doc), position, { caseNumbers: p.index.caseNumbersBesides(doc.uri) }, token),
    getHover: async (doc: TextDocumentLike, position: lsp.Position, token = noCancel) => provideHover(await get(doc), position, token),
    getDefinition: async (doc: TextDocumentLike, position: lsp.Position, token = noCancel) => provideDefinition(await get(doc), position, token),
    getReferences: async (doc: TextDocumentLike, position: lsp.Position, context: { includeDeclaration: boolean }, token = noCancel) =>
      provideReferences(await get(doc), position, context, token),
    getDocumentHighlights: async (doc: TextDocumentLike, position: lsp.Position, token = noCancel) =>
      provideDocumentHighlights(await get(doc), position, token),
    prepareRename: async (doc: TextDocumentLike, position: lsp.Position) => prepareRename(await get(doc), position),
    getRenameEdit: async (doc: TextDocumentLike, position: lsp.Position, newName: string, token = noCancel) =>
      provideRename(await get(doc), position, newName, token),
    getFormattingEdits: async (doc: TextDocumentLike, token = noCancel) => provideFormatting(await get(doc), token),
    getRangeFormattingEdits: async (doc: TextDocumentLike, range: lsp.Range, token = noCancel) => provideRangeFormatting(await get(doc), range, token),
    getSemanticTokens: async (doc: TextDocumentLike, token = noCancel) => provideSemanticTokens(await get(doc), token),
    getDocumentLinks: async (doc: TextDocumentLike, token = noCancel) => provideDocumentLinks(await get(doc), token),
    getCodeLenses: async (doc: TextDocumentLike, token = noCancel) => provideCodeLenses(await get(doc), token),
    getInlayHints: async (doc: TextDocumentLike, range: lsp.Range | undefined, token = noCancel) => provideInlayHints(await get(doc), range, token),
    getMeetingState: async (doc: TextDocumentLike) => meetingState(await get(doc)),
    async render(doc: TextDocumentLike, options: EditorRenderOptions) {
      const { config } = await get(doc);
      return renderForEditor(doc.getText(), config, options);
    },
  };
}

/** The workspace: its index of files, their changes, and the invalidation of open documents. */
function workspaceFeatures(p: Parts) {
  const ws = p.init.workspace;
  const yieldToHost = p.init.yieldToHost ?? (() => new Promise<void>((r) => setTimeout(r, 0)));
  return {
    getWorkspaceSymbols: async (query: string, token: CancellationTokenLike = noCancel) => provideWorkspaceSymbols(p.index.files(), query, token),
    async indexWorkspace(token: CancellationTokenLike = noCancel) {
      const uris = await ws.listFiles();
      let n = 0;
      for (const uri of uris) {
        if (token.isCancellationRequested) break;
        const open = ws.documents.get(uri);
        if (open) await p.analyses.get(open);
        else await p.index.indexFile(uri);
        if (++n % 20 === 0) await yieldToHost();
      }
      if (n > 0) p.invalidate();
      return n;
    },
    filesChanged: (changes: readonly FileChange[]) => filesChanged(p, changes),
    documentClosed(uri: string) {
      p.analyses.forget(uri);
      void p.index.indexFile(uri);
    },
    onDidInvalidate(listener: () => void): Disposable {
      p.listeners.add(listener);
      return { dispose: () => p.listeners.delete(listener) };
    },
  };
}

function filesChanged(p: Parts, changes: readonly FileChange[]): void {
  let configChanged = false;
  let referatChanged = false;
  for (const c of changes) {
    if (c.uri.endsWith(`/${CONFIG_FILE}`)) configChanged = true;
    else if (isReferat(c.uri)) {
      referatChanged = true;
      if (c.type === 'deleted') p.index.delete(c.uri);
      else if (!p.init.workspace.documents.get(c.uri)) void p.index.indexFile(c.uri);
    }
  }
  if (configChanged) p.config.clear();
  if (configChanged || referatChanged) p.invalidate();
}

/** A broken configuration file, as a diagnostic at the top of each document it applies to. */
async function configDiagnostics(p: Parts, a: Analysis): Promise<lsp.Diagnostic[]> {
  const lookup = await p.config.lookup(dirOf(a.uri));
  if (!lookup.error) return [];
  const da = a.lang === 'da';
  return [
    {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 1,
      code: 'config',
      source: DIAGNOSTIC_SOURCE,
      message: da ? `Fejl i konfigurationen: ${lookup.error}` : `Configuration error: ${lookup.error}`,
    },
  ];
}
