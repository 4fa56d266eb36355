/**
 * The web extension (vscode.dev, github.dev): the language server runs in a web
 * worker and reads the workspace through VS Code's file system API.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { ListFilesRequest, ReadFileRequest, type ListFilesResponse, type ReadFileParams, type ReadFileResponse } from '../../server/src/lsp/protocol.js';
import { activateCommon, clientOptions } from './common.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser-server.js');
  await activateCommon(context, () => {
    // A worker object (not a factory: inside the extension host `instanceof Worker` fails for
    // the host's worker shim); a restart creates a new client and so a new worker.
    const worker = new Worker(serverMain.toString(true));
    client = new LanguageClient('referat', vscode.l10n.t('Referat language server'), worker, clientOptions(context, { clientFileSystem: true }));
    client.onRequest(ReadFileRequest, async (p: ReadFileParams): Promise<ReadFileResponse> => {
      try {
        const bytes = await vscode.workspace.fs.readFile(vscode.Uri.parse(p.uri));
        return new TextDecoder('utf-8').decode(bytes);
      } catch {
        return null;
      }
    });
    client.onRequest(ListFilesRequest, async (): Promise<ListFilesResponse> => {
      const uris = await vscode.workspace.findFiles('**/*.referat', '**/node_modules/**', 10_000);
      return uris.map((u) => u.toString());
    });
    return client;
  });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
