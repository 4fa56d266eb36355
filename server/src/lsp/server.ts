/**
 * The LSP adapter shared by the Node and browser entry points: wires a connection to
 * the language service. With node.ts, browser.ts and the parts it wires (validation.ts,
 * the validation scheduler; workspace.ts, the workspace seen through the connection;
 * handlers.ts, the feature requests) the only code that knows vscode-languageserver.
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
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocUrl } from '../docs.js';
import { createLanguageService, FIX_ALL_KIND, type FileChange, type LanguageService, type Settings } from '../service.js';
import { trackedDocuments } from './documents.js';
import { registerEditingHandlers, registerReadingHandlers } from './handlers.js';
import { createValidation } from './validation.js';
import { connectionWorkspace } from './workspace.js';

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

/** What the server knows of its client, set at `initialize`. */
interface ClientState {
  roots: string[];
  clientFileSystem: boolean;
  configuration: boolean;
  watch: boolean;
  initOptions: InitOptions;
}

export function startLanguageServer(connection: Connection, host: ServerHost = {}): void {
  const documents: TextDocuments<TextDocument> = new TextDocuments(trackedDocuments);
  let service: LanguageService | undefined;
  const state: ClientState = { roots: [], clientFileSystem: false, configuration: false, watch: false, initOptions: {} };
  const validation = createValidation(connection, documents, () => service);
  const ws = connectionWorkspace(connection, documents, host, state);
  const svc = () => {
    if (!service) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'referat: not initialized');
    return service;
  };
  const fetchSettings = () => settingsOf(connection, state);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    readClient(state, params);
    const init = state.initOptions;
    service = createLanguageService({
      workspace: ws.workspace,
      locale: init.locale ?? params.locale,
      settings: init.settings,
      ruleDocUri: (id) => host.ruleDocUri?.(id, init) ?? (init.ruleDocsBase ? `${init.ruleDocsBase.replace(/\/$/, '')}/${id}.md` : ruleDocUrl(id)),
      log: (m) => connection.console.log(m),
    });
    service.onDidInvalidate(() => validation.revalidateAll());
    return { capabilities: serverCapabilities(service), serverInfo: { name: 'referat', version: '0.1.0' } };
  });

  connection.onInitialized(async () => {
    if (state.watch && !state.initOptions.clientWatchesFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.referat' }, { globPattern: '**/.referatrc.json' }],
      });
    }
    if (state.configuration) svc().updateSettings(await fetchSettings());
    // Index the workspace in the background; open documents are validated meanwhile.
    void svc()
      .indexWorkspace()
      .catch((e: unknown) => connection.console.error(`referat: indexing failed: ${String(e)}`));
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (!service) return;
    const raw = (change.settings as { referat?: unknown } | undefined)?.referat;
    service.updateSettings(state.configuration ? await fetchSettings() : settingsFrom(raw));
  });

  connection.onDidChangeWatchedFiles((params) => {
    const type = (t: number): FileChange['type'] => (t === FileChangeType.Created ? 'created' : t === FileChangeType.Deleted ? 'deleted' : 'changed');
    ws.fileEvents(params.changes.map((c) => ({ uri: c.uri, type: type(c.type) })));
  });

  documents.onDidOpen((e) => validation.opened(e.document.uri));
  documents.onDidChangeContent((e) => validation.changed(e.document.uri));
  documents.onDidClose((e) => {
    validation.closed(e.document.uri);
    service?.documentClosed(e.document.uri);
  });

  const doc = (uri: string) => documents.get(uri);
  registerReadingHandlers(connection, doc, svc);
  registerEditingHandlers(connection, doc, svc);

  connection.onShutdown(() => {
    validation.dispose();
    service?.dispose();
  });

  host.extend?.(connection, documents, svc);
  documents.listen(connection);
  connection.listen();
}

function readClient(state: ClientState, params: InitializeParams): void {
  state.initOptions = (params.initializationOptions ?? {}) as InitOptions;
  state.clientFileSystem = !!state.initOptions.clientFileSystem;
  state.roots = (params.workspaceFolders ?? []).map((f) => f.uri.replace(/\/$/, ''));
  if (state.roots.length === 0 && params.rootUri) state.roots = [params.rootUri.replace(/\/$/, '')];
  state.configuration = !!params.capabilities.workspace?.configuration;
  state.watch = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
}

async function settingsOf(connection: Connection, state: ClientState): Promise<Settings> {
  if (!state.configuration) return state.initOptions.settings ?? {};
  try {
    const [raw] = await connection.workspace.getConfiguration([{ section: 'referat' }]);
    return settingsFrom(raw);
  } catch {
    return state.initOptions.settings ?? {};
  }
}

function serverCapabilities(service: LanguageService): InitializeResult['capabilities'] {
  return {
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
  };
}
