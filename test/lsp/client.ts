/**
 * A minimal LSP client for protocol tests: drives the real server in-process over a
 * pair of streams (or a spawned `--stdio` process), and waits for events instead of
 * sleeping.
 */
import { PassThrough } from 'node:stream';
import {
  createConnection,
  createMessageConnection,
  type MessageConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import type * as lsp from 'vscode-languageserver-types';
import type { ServerCapabilities } from 'vscode-languageserver';
import { startServer } from '../../server/src/lsp/node.js';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: lsp.Diagnostic[];
}

export class TestClient {
  readonly published: PublishedDiagnostics[] = [];
  private waiters: { pred: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void }[] = [];
  private versions = new Map<string, number>();
  readonly texts = new Map<string, string>();
  /** Files the client serves for `referat/readFile` (the web extension's way). */
  readonly files = new Map<string, string>();
  configuration: unknown = {};

  constructor(readonly conn: MessageConnection) {
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => {
        if (!w.pred(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.configuration));
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('referat/readFile', (p: { uri: string }) => this.files.get(p.uri) ?? null);
    conn.onRequest('referat/listFiles', () => [...this.files.keys()].filter((u) => u.endsWith('.referat')));
    conn.onNotification('window/logMessage', () => {});
    conn.listen();
  }

  /** A server in this process, over two in-memory streams. */
  static inProcess(): TestClient {
    const up = new PassThrough();
    const down = new PassThrough();
    startServer(createConnection(ProposedFeatures.all, new StreamMessageReader(up), new StreamMessageWriter(down)));
    return new TestClient(createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up)));
  }

  async initialize(options: { rootUri?: string; initializationOptions?: unknown; configuration?: boolean } = {}): Promise<ServerCapabilities> {
    const result = await this.conn.sendRequest<{ capabilities: ServerCapabilities }>('initialize', {
      processId: null,
      rootUri: options.rootUri ?? null,
      workspaceFolders: options.rootUri ? [{ uri: options.rootUri, name: 'root' }] : null,
      capabilities: {
        workspace: { configuration: options.configuration ?? false, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true } },
      },
      initializationOptions: options.initializationOptions ?? { locale: 'en' },
    });
    await this.conn.sendNotification('initialized', {});
    return result.capabilities;
  }

  waitForDiagnostics(uri: string, pred: (p: PublishedDiagnostics) => boolean = () => true, timeoutMs = 10_000): Promise<PublishedDiagnostics> {
    const seen = this.published.find((p) => p.uri === uri && pred(p));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        pred: (p) => p.uri === uri && pred(p),
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'referat', version: 1, text } });
  }

  /** Sends an incremental change; returns the new version. */
  async change(uri: string, range: lsp.Range, newText: string): Promise<number> {
    const v = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, v);
    this.texts.set(uri, applyTextEdits(this.texts.get(uri)!, [{ range, newText }]));
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range, text: newText }] });
    return v;
  }

  /** Replaces the whole text through an incremental change covering the document. */
  async replaceAll(uri: string, text: string): Promise<number> {
    const old = this.texts.get(uri)!;
    const lines = old.split(/\r\n|\r|\n/);
    return this.change(uri, { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1]!.length } }, text);
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest<R>(method, params);
  }

  async shutdown(): Promise<void> {
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      /* the in-process server may already be gone */
    }
    this.conn.dispose();
  }
}

/** Applies LSP text edits to a text (edits must not overlap). */
export function applyTextEdits(text: string, edits: readonly lsp.TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) {
      starts.push(i + 2);
      i++;
    } else if (c === 10 || c === 13) starts.push(i + 1);
  }
  const off = (p: lsp.Position) => Math.min(text.length, (starts[p.line] ?? text.length) + p.character);
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}

/** Splits a fixture with a `|` cursor marker into text and position. */
export function cursor(fixture: string, marker = '|'): { text: string; position: lsp.Position } {
  const at = fixture.indexOf(marker);
  if (at < 0) throw new Error(`no ${marker} cursor marker in fixture`);
  const text = fixture.slice(0, at) + fixture.slice(at + marker.length);
  const before = fixture.slice(0, at).split(/\r\n|\r|\n/);
  return { text, position: { line: before.length - 1, character: before[before.length - 1]!.length } };
}
