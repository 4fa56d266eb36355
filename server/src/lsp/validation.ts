/**
 * The validation scheduler of the server: diagnostics are pushed after a short debounce
 * (lsp/schedule.ts), tagged with the document version, and a result is never published
 * over a newer one (the document changed or closed meanwhile).
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../service.js';
import { ValidationScheduler } from './schedule.js';

export interface Validation {
  opened(uri: string): void;
  changed(uri: string): void;
  closed(uri: string): void;
  /** Validates every open document again (settings, configuration or a sibling changed). */
  revalidateAll(): void;
  dispose(): void;
}

export function createValidation(connection: Connection, documents: TextDocuments<TextDocument>, service: () => LanguageService | undefined): Validation {
  const published = new Map<string, number>();
  const validate = async (uri: string, cancel: { isCancellationRequested: boolean }) => {
    const doc = documents.get(uri);
    const svc = service();
    if (!doc || !svc) return;
    const version = doc.version;
    try {
      const diagnostics = await svc.getDiagnostics(doc, cancel);
      const current = documents.get(uri);
      if (cancel.isCancellationRequested || !current || current.version !== version) return;
      if ((published.get(uri) ?? -1) > version) return;
      published.set(uri, version);
      await connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (error) {
      connection.console.error(`referat: validation of ${uri} failed: ${String(error)}`);
    }
  };
  const scheduler = new ValidationScheduler(validate);
  return {
    opened: (uri) => scheduler.opened(uri),
    changed: (uri) => scheduler.changed(uri),
    closed(uri) {
      scheduler.closed(uri);
      published.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    },
    revalidateAll() {
      for (const d of documents.all()) scheduler.schedule(d.uri);
    },
    dispose: () => scheduler.dispose(),
  };
}
