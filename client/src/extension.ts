/** The VS Code extension (desktop): runs the language server in Node over IPC. */
import * as vscode from 'vscode';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { activateCommon, clientOptions } from './common.js';
import { registerPublishing } from './publish.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  await activateCommon(context, () => {
    client = new LanguageClient('referat', vscode.l10n.t('Referat language server'), serverOptions, clientOptions(context));
    return client;
  });
  // Preview and export need the Node server (PDF fonts, file output); the web extension has neither.
  registerPublishing(context, () => client!);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
