/**
 * The LSP adapter shared by the Node and browser entry points: wires a connection to
 * the language service. The only code (with node.ts and browser.ts) that knows
 * vscode-languageserver. Diagnostics are pushed after a short debounce, tagged with
 * the document version, and a result is never published over a newer one.
 */
import {
  CodeActionKind,
  type Connection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type InitializeParams,
  type InitializeResult,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  ErrorCodes,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocUrl } from '../docs.js';
import { createLanguageService, FIX_ALL_KIND, RenameError, type FileChange, type LanguageService, type Settings, type Workspace } from '../service.js';
import { ListFilesRequest, MeetingStateRequest, ReadFileRequest, type ListFilesResponse, type MeetingStateParams, type ReadFileResponse } from './protocol.js';
import { ValidationScheduler } from './schedule.js';

export { VALIDATION_DELAY_MS, validationDelay } from './schedule.js';

export interface ServerHost {
  /** Reads a file by URI; undefined when absent. Defaults to asking the client (`referat/readFile`). */
  readFile?(uri: string): Promise<string | undefined>;
  /** Lists `.referat` files under the roots. Defaults to asking the client (`referat/listFiles`). */
  listFiles?(roots: readonly string[]): Promise<readonly string[]>;
  /** Registers host-specific requests (the Node host adds `referat/render` for previews and exports). */
  extend?(connection: Connection, documents: TextDocuments<TextDocument>, service: () => LanguageService): void;
  /** The documentation page of a rule (for `codeDescription`). */
  ruleDocUri?(ruleId: string, initializationOptions: InitOptions): string | undefined;
}

export interface InitOptions {
  /** The editor's display language, e.g. `da` or `en`. */
  readonly locale?: string;
  readonly settings?: Settings;
  /** Base URI of the rule documentation folder (`…/docs/rules`); by default the project's https pages (server/src/docs.ts). */
  readonly ruleDocsBase?: string;
  /** Whether the client answers `referat/readFile` and `referat/listFiles` (the web extension does). */
  readonly clientFileSystem?: boolean;
  /** The client forwards file events itself (the VS Code extension's `synchronize.fileEvents`): no dynamic registration. */
  readonly clientWatchesFiles?: boolean;
}


function settingsFrom(raw: unknown): Settings {
  if (!raw || typeof raw !== 'object') return {};
  const r = raw as Record<string, unknown>;
  const rules: Record<string, 'error' | 'warning' | 'info' | 'off'> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [k, v] of Object.entries(r.rules as Record<string, unknown>)) {
      if (v === 'error' || v === 'warning' || v === 'info' || v === 'off') rules[k] = v;
    }
  }
  const lang = r.lang === 'da' || r.lang === 'en' ? r.lang : undefined;
  const profile = typeof r.profile === 'string' && r.profile.trim() ? r.profile.trim() : undefined;
  return { profile, rules, lang };
}

export function startLanguageServer(connection: Connection, host: ServerHost = {}): void {
  const documents = new TextDocuments(TextDocument);
  let service: LanguageService | undefined;
  let roots: string[] = [];
  let hasConfigurationCapability = false;
  let hasWatchCapability = false;
  let initOptions: InitOptions = {};
  const changeListeners = new Set<(c: readonly FileChange[]) => void>();

  // ─── Validation: debounced, versioned, cancellable ────────────────────────
  const published = new Map<string, number>();
  const validate = async (uri: string, cancel: { isCancellationRequested: boolean }) => {
    const doc = documents.get(uri);
    if (!doc || !service) return;
    const version = doc.version;
    try {
      const diagnostics = await service.getDiagnostics(doc, cancel);
      const current = documents.get(uri);
      // Never publish a stale result: the document changed (or closed) meanwhile.
      if (cancel.isCancellationRequested || !current || current.version !== version) return;
      if ((published.get(uri) ?? -1) > version) return;
      published.set(uri, version);
      await connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (error) {
      connection.console.error(`referat: validation of ${uri} failed: ${String(error)}`);
    }
  };
  const scheduler = new ValidationScheduler(validate);
  const schedule = (uri: string) => scheduler.schedule(uri);

  const revalidateAll = () => {
    for (const d of documents.all()) schedule(d.uri);
  };

  // ─── The workspace the service sees ───────────────────────────────────────
  const readFile = async (uri: string): Promise<string | undefined> => {
    const open = documents.get(uri);
    if (open) return open.getText();
    if (host.readFile && !initOptions.clientFileSystem) return host.readFile(uri);
    if (initOptions.clientFileSystem) {
      try {
        const r = await connection.sendRequest<ReadFileResponse>(ReadFileRequest, { uri });
        return r ?? undefined;
      } catch {
        return undefined;
      }
    }
    return undefined;
  };
  const listFiles = async (): Promise<readonly string[]> => {
    if (host.listFiles && !initOptions.clientFileSystem) return host.listFiles(roots);
    if (initOptions.clientFileSystem) {
      try {
        return (await connection.sendRequest<ListFilesResponse>(ListFilesRequest, {})) ?? [];
      } catch {
        return [];
      }
    }
    return host.listFiles ? host.listFiles(roots) : [];
  };
  const workspace: Workspace = {
    documents: { get: (uri) => documents.get(uri), all: () => documents.all() },
    readFile,
    listFiles,
    get roots() {
      return roots;
    },
    onDidChangeFiles(listener) {
      changeListeners.add(listener);
      return { dispose: () => changeListeners.delete(listener) };
    },
  };

  const fetchSettings = async (): Promise<Settings> => {
    if (!hasConfigurationCapability) return initOptions.settings ?? {};
    try {
      const [raw] = await connection.workspace.getConfiguration([{ section: 'referat' }]);
      return settingsFrom(raw);
    } catch {
      return initOptions.settings ?? {};
    }
  };

  const svc = () => {
    if (!service) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'referat: not initialized');
    return service;
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    initOptions = (params.initializationOptions ?? {}) as InitOptions;
    roots = (params.workspaceFolders ?? []).map((f) => f.uri.replace(/\/$/, ''));
    if (roots.length === 0 && params.rootUri) roots = [params.rootUri.replace(/\/$/, '')];
    hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
    hasWatchCapability = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    service = createLanguageService({
      workspace,
      locale: initOptions.locale ?? params.locale,
      settings: initOptions.settings,
      ruleDocUri: (id) =>
        host.ruleDocUri?.(id, initOptions) ?? (initOptions.ruleDocsBase ? `${initOptions.ruleDocsBase.replace(/\/$/, '')}/${id}.md` : ruleDocUrl(id)),
      log: (m) => connection.console.log(m),
    });
    service.onDidInvalidate(revalidateAll);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        completionProvider: { triggerCharacters: [' ', ':', '#', ','], resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: { label: 'Referat' },
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        semanticTokensProvider: { legend: service.semanticTokensLegend, full: true, range: false },
        workspaceSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
      },
      serverInfo: { name: 'referat', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (hasWatchCapability && !initOptions.clientWatchesFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.referat' }, { globPattern: '**/.referatrc.json' }],
      });
    }
    if (hasConfigurationCapability) {
      svc().updateSettings(await fetchSettings());
    }
    // Index the workspace in the background; open documents are validated meanwhile.
    void svc()
      .indexWorkspace()
      .catch((e: unknown) => connection.console.error(`referat: indexing failed: ${String(e)}`));
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (!service) return;
    const raw = (change.settings as { referat?: unknown } | undefined)?.referat;
    service.updateSettings(hasConfigurationCapability ? await fetchSettings() : settingsFrom(raw));
  });

  connection.onDidChangeWatchedFiles((params) => {
    const type = (t: number): FileChange['type'] => (t === FileChangeType.Created ? 'created' : t === FileChangeType.Deleted ? 'deleted' : 'changed');
    const changes = params.changes.map((c) => ({ uri: c.uri, type: type(c.type) }));
    for (const l of changeListeners) l(changes);
  });

  documents.onDidOpen((e) => scheduler.opened(e.document.uri));
  documents.onDidChangeContent((e) => {
    scheduler.changed(e.document.uri);
  });
  documents.onDidClose((e) => {
    scheduler.closed(e.document.uri);
    published.delete(e.document.uri);
    service?.documentClosed(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  const doc = (uri: string) => documents.get(uri);

  connection.onCompletion(async (p, token) => {
    const d = doc(p.textDocument.uri);
    return d ? svc().getCompletionItems(d, p.position, token) : null;
  });
  connection.onHover(async (p, token) => {
    const d = doc(p.textDocument.uri);
    return d ? ((await svc().getHover(d, p.position, token)) ?? null) : null;
  });
  connection.onDefinition(async (p, token) => {
    const d = doc(p.textDocument.uri);
    return d ? svc().getDefinition(d, p.position, token) : null;
  });
  connection.onReferences(async (p, token) => {
    const d = doc(p.textDocument.uri);
    return d ? svc().getReferences(d, p.position, p.context, token) : null;
  });
  connection.onDocumentHighlight(async (p, token) => {
    const d = doc(p.textDocument.uri);
    return d ? svc().getDocumentHighlights(d, p.position, token) : null;
  });
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
  connection.onDocumentSymbol(async (p, token) => {
    const d = doc(p.textDocument.uri);
    return d ? svc().getDocumentSymbols(d, token) : null;
  });
  connection.onFoldingRanges(async (p, token) => {
    const d = doc(p.textDocument.uri);
    return d ? svc().getFoldingRanges(d, token) : null;
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
  connection.languages.semanticTokens.on(async (p, token) => {
    const d = doc(p.textDocument.uri);
    return d ? svc().getSemanticTokens(d, token) : { data: [] };
  });
  connection.onWorkspaceSymbol(async (p, token) => svc().getWorkspaceSymbols(p.query, token));
  connection.onDocumentLinks(async (p, token) => {
    const d = doc(p.textDocument.uri);
    return d ? svc().getDocumentLinks(d, token) : null;
  });
  connection.onCodeLens(async (p, token) => {
    const d = doc(p.textDocument.uri);
    return d ? svc().getCodeLenses(d, token) : null;
  });
  connection.languages.inlayHint.on(async (p, token) => {
    const d = doc(p.textDocument.uri);
    return d ? svc().getInlayHints(d, p.range, token) : null;
  });
  connection.onRequest(MeetingStateRequest, async (p: MeetingStateParams) => {
    const d = doc(p.uri);
    return d ? svc().getMeetingState(d) : null;
  });

  connection.onShutdown(() => {
    scheduler.dispose();
    service?.dispose();
  });

  host.extend?.(connection, documents, svc);
  documents.listen(connection);
  connection.listen();
}
