/**
 * The workspace the language service sees through the connection: open documents win over
 * the disk; files are read and listed by the host (Node) or, in the web extension, by the
 * client (`referat/readFile`, `referat/listFiles`); file events come from the client.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileChange, Workspace } from '../service.js';
import { ListFilesRequest, ReadFileRequest, type ListFilesResponse, type ReadFileResponse } from './protocol.js';

export interface WorkspaceHost {
  readFile?(uri: string): Promise<string | undefined>;
  listFiles?(roots: readonly string[]): Promise<readonly string[]>;
}

export interface ConnectionWorkspace {
  readonly workspace: Workspace;
  /** Passes file events on to the service. */
  fileEvents(changes: readonly FileChange[]): void;
}

export function connectionWorkspace(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  host: WorkspaceHost,
  state: { readonly roots: readonly string[]; readonly clientFileSystem: boolean },
): ConnectionWorkspace {
  const listeners = new Set<(c: readonly FileChange[]) => void>();
  const ask = async <T>(method: string, params: object, fallback: T): Promise<T> => {
    try {
      return (await connection.sendRequest<T | null>(method, params)) ?? fallback;
    } catch {
      return fallback;
    }
  };
  const readFile = async (uri: string): Promise<string | undefined> => {
    const open = documents.get(uri);
    if (open) return open.getText();
    if (state.clientFileSystem) return ask<ReadFileResponse | undefined>(ReadFileRequest, { uri }, undefined) as Promise<string | undefined>;
    return host.readFile ? host.readFile(uri) : undefined;
  };
  const listFiles = async (): Promise<readonly string[]> => {
    if (state.clientFileSystem) return ask<ListFilesResponse>(ListFilesRequest, {}, []) as Promise<string[]>;
    return host.listFiles ? host.listFiles(state.roots) : [];
  };
  const workspace: Workspace = {
    documents: { get: (uri) => documents.get(uri), all: () => documents.all() },
    readFile,
    listFiles,
    get roots() {
      return state.roots;
    },
    onDidChangeFiles(listener) {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
  };
  return { workspace, fileEvents: (changes) => listeners.forEach((l) => l(changes)) };
}
