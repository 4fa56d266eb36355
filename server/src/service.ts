/**
 * The language service: one façade over the engine that every host uses (the LSP
 * server in Node and in a browser worker, tests). It never touches a file system or a
 * connection: the host hands it a {@link Workspace}. Each document is parsed, modelled
 * and linted once per version (and configuration generation), on demand.
 */
import type * as lsp from 'vscode-languageserver-types';
import { CONFIG_FILE_NAME, parseConfigText } from './config/discover.js';
import { ConfigError, defaultConfig, resolveConfig, type ResolvedConfig } from './config/resolve.js';
import type { Severity } from './config/schema.js';
import { analyze, lintAnalyzed, type Finding, type LintOptions, type PreviousAnalysis } from './engine.js';
import { langFromLocale, type Lang } from './i18n.js';
import { meetingSummary } from './rules/summary.js';
import type { MeetingSummary } from './rules/types.js';
export { meetingSummary } from './rules/summary.js';
import { provideCodeActions } from './features/codeActions.js';
import { provideCodeLenses } from './features/codeLens.js';
import { type Analysis, type CancellationTokenLike, noCancel, type TextDocumentLike, toRange } from './features/common.js';
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
import { type IndexedFile, provideWorkspaceSymbols } from './features/workspaceSymbols.js';

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

/** Editor settings; they override `.referatrc.json`. */
export interface Settings {
  readonly profile?: string;
  readonly rules?: Readonly<Record<string, Severity>>;
  readonly lang?: Lang | 'auto';
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

interface ConfigLookup {
  readonly uri?: string;
  readonly config?: ResolvedConfig;
  readonly error?: string;
}

interface IndexEntry {
  readonly uri: string;
  readonly summary: MeetingSummary;
  readonly file: IndexedFile;
  readonly caseNumbers: readonly string[];
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

function dirOf(uri: string): string {
  const i = uri.lastIndexOf('/');
  return i > 0 ? uri.slice(0, i) : uri;
}

/**
 * A string that holds its own characters. V8 makes a substring of 13 characters or more
 * a view (a "sliced string") that keeps the whole source text alive; a JSON round trip
 * copies it, in native code and in every host (Node, the browser worker).
 */
function own<T extends string | undefined>(s: T): T {
  return (s === undefined || s.length < 13 ? s : JSON.parse(JSON.stringify(s))) as T;
}

function isReferat(uri: string): boolean {
  return /\.referat$/i.test(uri);
}

export function createLanguageService(init: LanguageServiceInit): LanguageService {
  const ws = init.workspace;
  const log = init.log ?? (() => {});
  const yieldToHost = init.yieldToHost ?? (() => new Promise<void>((r) => setTimeout(r, 0)));
  let settings: Settings = init.settings ?? {};
  let generation = 0;
  const cache = new Map<string, { version: number; generation: number; text: string; analysis: Promise<Analysis> }>();
  /** The last analysis of each open document: the next version re-parses only the edited item. */
  const previous = new Map<string, PreviousAnalysis>();
  const configByDir = new Map<string, Promise<ConfigLookup>>();
  const index = new Map<string, IndexEntry>();
  const invalidateListeners = new Set<() => void>();
  const subscriptions: Disposable[] = [];

  const invalidate = () => {
    generation++;
    for (const l of invalidateListeners) l();
  };

  const settingsLang = (): Lang | undefined => (settings.lang && settings.lang !== 'auto' ? settings.lang : undefined);

  function underRoot(dir: string): boolean {
    if (!ws.roots || ws.roots.length === 0) return true;
    return ws.roots.some((r) => dir === r.replace(/\/$/, '') || dir.startsWith(r.replace(/\/$/, '') + '/'));
  }

  /** The nearest `.referatrc.json` up the folder tree, parsed and resolved (settings applied). */
  function lookupConfig(dir: string): Promise<ConfigLookup> {
    let p = configByDir.get(dir);
    if (!p) {
      p = (async (): Promise<ConfigLookup> => {
        const uri = `${dir}/${CONFIG_FILE}`;
        const text = await ws.readFile(uri);
        if (text !== undefined) {
          // The same parsing and messages as the CLI (config/discover.ts); the walk up the
          // tree is asynchronous here because the workspace may be remote (web worker).
          try {
            return { uri, config: resolve(parseConfigText(text, uri)) };
          } catch (error) {
            const message = error instanceof ConfigError ? error.message : String(error);
            return { uri, config: resolve(undefined), error: message };
          }
        }
        const parent = dirOf(dir);
        if (parent === dir || !underRoot(parent) || !/\/[^/]/.test(parent.replace(/^[a-z-]+:\/\//, ''))) return { config: resolve(undefined) };
        return lookupConfig(parent);
      })();
      configByDir.set(dir, p);
    }
    return p;
  }

  function resolve(config: Parameters<typeof resolveConfig>[0]): ResolvedConfig {
    const overrides = { profile: settings.profile || undefined, severities: settings.rules, lang: settingsLang() };
    try {
      return resolveConfig(config, overrides);
    } catch (error) {
      log(`configuration: ${String(error)}`);
      try {
        return resolveConfig(config, { ...overrides, profile: undefined });
      } catch {
        return defaultConfig;
      }
    }
  }

  function siblingsOf(uri: string): MeetingSummary[] {
    const dir = dirOf(uri);
    const out: MeetingSummary[] = [];
    for (const e of index.values()) if (e.uri !== uri && dirOf(e.uri) === dir) out.push(e.summary);
    return out;
  }

  /**
   * The index entry of a file: only what other files and workspace symbols need. Its
   * strings are copies: a substring of the source may share the source's memory (V8
   * slices), and the index outlives the source text of every file not open in the editor.
   */
  function indexEntry(a: Pick<Analysis, 'uri' | 'meeting' | 'parse'>): IndexEntry {
    const m = a.meeting;
    const committee = own(m.committee);
    const title = a.parse.ast.title ? `${a.parse.ast.title.kind}${committee ? ` ${committee}` : ''}` : undefined;
    const items = m.items.map((i) => ({
      number: own(i.number),
      title: own(i.title),
      caseNumber: own(i.caseNumber?.text.trim()),
      closed: i.closed,
      range: toRange(i.node.heading.range),
    }));
    return {
      uri: a.uri,
      summary: { ...meetingSummary(a.uri, m), committee },
      file: { uri: a.uri, title: own(title), items },
      caseNumbers: items.map((i) => i.caseNumber ?? '').filter(Boolean),
    };
  }

  async function compute(doc: TextDocumentLike, text: string): Promise<Analysis> {
    const lookup = await lookupConfig(dirOf(doc.uri));
    const base = lookup.config ?? defaultConfig;
    const { parse, meeting, config } = analyze(text, base, previous.get(doc.uri));
    previous.set(doc.uri, { text, parse, meeting, config });
    const lang: Lang = settingsLang() ?? config.lang ?? langFromLocale(init.locale);
    const lintOptions: LintOptions = { config: base, uri: doc.uri, siblings: siblingsOf(doc.uri) };
    let findings: Finding[] | undefined;
    const analysis: Analysis = {
      uri: doc.uri,
      version: doc.version,
      text,
      parse,
      lines: parse.lines,
      meeting,
      config,
      lang,
      lintOptions,
      findings: () => (findings ??= lintAnalyzed(text, parse, meeting, config, lintOptions).findings),
    };
    index.set(doc.uri, indexEntry(analysis));
    return analysis;
  }

  function getAnalysis(doc: TextDocumentLike): Promise<Analysis> {
    const text = doc.getText();
    const hit = cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.generation === generation && hit.text === text) return hit.analysis;
    const analysis = compute(doc, text);
    cache.set(doc.uri, { version: doc.version, generation, text, analysis });
    return analysis;
  }

  async function configDiagnostics(doc: TextDocumentLike): Promise<lsp.Diagnostic[]> {
    const lookup = await lookupConfig(dirOf(doc.uri));
    if (!lookup.error) return [];
    const a = await getAnalysis(doc);
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

  function filesChanged(changes: readonly FileChange[]) {
    let configChanged = false;
    let referatChanged = false;
    for (const c of changes) {
      if (c.uri.endsWith(`/${CONFIG_FILE}`)) configChanged = true;
      else if (isReferat(c.uri)) {
        referatChanged = true;
        if (c.type === 'deleted') index.delete(c.uri);
        else if (!ws.documents.get(c.uri)) void indexFile(c.uri);
      }
    }
    if (configChanged) configByDir.clear();
    if (configChanged || referatChanged) invalidate();
  }

  async function indexFile(uri: string): Promise<void> {
    const text = await ws.readFile(uri);
    if (text === undefined) {
      index.delete(uri);
      return;
    }
    try {
      const lookup = await lookupConfig(dirOf(uri));
      const { parse, meeting } = analyze(text, lookup.config ?? defaultConfig);
      index.set(uri, indexEntry({ uri, parse, meeting }));
    } catch (error) {
      log(`index ${uri}: ${String(error)}`);
    }
  }

  if (ws.onDidChangeFiles) subscriptions.push(ws.onDidChangeFiles(filesChanged));

  const service: LanguageService = {
    semanticTokensLegend,
    updateSettings(next) {
      settings = next ?? {};
      configByDir.clear();
      invalidate();
    },
    getAnalysis,
    async getDiagnostics(doc, token = noCancel) {
      const a = await getAnalysis(doc);
      if (token.isCancellationRequested) return [];
      return [...(await configDiagnostics(doc)), ...provideDiagnostics(a, token, init.ruleDocUri)];
    },
    async getCodeActions(doc, range, context, token = noCancel) {
      return provideCodeActions(await getAnalysis(doc), range, context, token);
    },
    async getDocumentSymbols(doc, token = noCancel) {
      return provideDocumentSymbols(await getAnalysis(doc), token);
    },
    async getFoldingRanges(doc, token = noCancel) {
      return provideFoldingRanges(await getAnalysis(doc), token);
    },
    async getCompletionItems(doc, position, token = noCancel) {
      const a = await getAnalysis(doc);
      const caseNumbers = new Set<string>();
      for (const e of index.values()) if (e.uri !== doc.uri) e.caseNumbers.forEach((c) => caseNumbers.add(c));
      return provideCompletion(a, position, { caseNumbers: [...caseNumbers] }, token);
    },
    async getHover(doc, position, token = noCancel) {
      return provideHover(await getAnalysis(doc), position, token);
    },
    async getDefinition(doc, position, token = noCancel) {
      return provideDefinition(await getAnalysis(doc), position, token);
    },
    async getReferences(doc, position, context, token = noCancel) {
      return provideReferences(await getAnalysis(doc), position, context, token);
    },
    async getDocumentHighlights(doc, position, token = noCancel) {
      return provideDocumentHighlights(await getAnalysis(doc), position, token);
    },
    async prepareRename(doc, position) {
      return prepareRename(await getAnalysis(doc), position);
    },
    async getRenameEdit(doc, position, newName, token = noCancel) {
      return provideRename(await getAnalysis(doc), position, newName, token);
    },
    async getFormattingEdits(doc, token = noCancel) {
      return provideFormatting(await getAnalysis(doc), token);
    },
    async getRangeFormattingEdits(doc, range, token = noCancel) {
      return provideRangeFormatting(await getAnalysis(doc), range, token);
    },
    async getSemanticTokens(doc, token = noCancel) {
      return provideSemanticTokens(await getAnalysis(doc), token);
    },
    async getWorkspaceSymbols(query, token = noCancel) {
      return provideWorkspaceSymbols(
        [...index.values()].map((e) => e.file),
        query,
        token,
      );
    },
    async getDocumentLinks(doc, token = noCancel) {
      return provideDocumentLinks(await getAnalysis(doc), token);
    },
    async getCodeLenses(doc, token = noCancel) {
      return provideCodeLenses(await getAnalysis(doc), token);
    },
    async getInlayHints(doc, range, token = noCancel) {
      return provideInlayHints(await getAnalysis(doc), range, token);
    },
    async getMeetingState(doc) {
      return meetingState(await getAnalysis(doc));
    },
    async render(doc, options) {
      const { config } = await getAnalysis(doc);
      return renderForEditor(doc.getText(), config, options);
    },
    async indexWorkspace(token = noCancel) {
      const uris = await ws.listFiles();
      let n = 0;
      for (const uri of uris) {
        if (token.isCancellationRequested) break;
        const open = ws.documents.get(uri);
        if (open) await getAnalysis(open);
        else await indexFile(uri);
        if (++n % 20 === 0) await yieldToHost();
      }
      if (n > 0) invalidate();
      return n;
    },
    filesChanged,
    documentClosed(uri) {
      cache.delete(uri);
      previous.delete(uri);
      void indexFile(uri);
    },
    onDidInvalidate(listener) {
      invalidateListeners.add(listener);
      return { dispose: () => invalidateListeners.delete(listener) };
    },
    dispose() {
      for (const s of subscriptions) s.dispose();
      cache.clear();
      previous.clear();
      index.clear();
      invalidateListeners.clear();
    },
  };
  return Object.freeze(service);
}
