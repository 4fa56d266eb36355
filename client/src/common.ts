/**
 * What the Node and the web extension share: client options, the restart command,
 * the status bar item with the meeting's state, and numbered-list continuation on Enter.
 * All language logic lives in the server; this only starts, stops and shows.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { MeetingStateRequest, type MeetingStateParams, type MeetingStateResponse } from '../../server/src/lsp/protocol.js';

export const LANGUAGE_ID = 'referat';


export function clientOptions(context: vscode.ExtensionContext, extra: { clientFileSystem?: boolean } = {}): LanguageClientOptions {
  return {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: {
      configurationSection: 'referat',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.referat,.referatrc.json}'),
    },
    initializationOptions: {
      locale: vscode.env.language,
      clientFileSystem: extra.clientFileSystem ?? false,
      clientWatchesFiles: true,
    },
    outputChannelName: 'Referat',
  };
}

/** Starts the client and registers what the extension contributes at runtime. */
export async function activateCommon(context: vscode.ExtensionContext, create: () => BaseLanguageClient): Promise<BaseLanguageClient> {
  let client = create();
  const status = vscode.window.createStatusBarItem('referat.meetingState', vscode.StatusBarAlignment.Left, 100);
  status.name = vscode.l10n.t('Referat: meeting state');
  status.command = 'workbench.actions.view.problems';
  context.subscriptions.push(status);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void updateStatus(), 150);
  };
  const updateStatus = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== LANGUAGE_ID || !client.isRunning()) {
      status.hide();
      return;
    }
    try {
      const state = await client.sendRequest<MeetingStateResponse>(MeetingStateRequest, { uri: editor.document.uri.toString() } satisfies MeetingStateParams);
      if (!state) {
        status.hide();
        return;
      }
      const icon = state.undecided > 0 || state.errors > 0 ? '$(warning)' : '$(check)';
      status.text = `${icon} ${state.text}`;
      status.tooltip = vscode.l10n.t('{0} items, {1} decided, {2} without decision, {3} closed. {4} errors, {5} warnings.', state.items, state.decided, state.undecided, state.closed, state.errors, state.warnings);
      status.show();
    } catch {
      status.hide();
    }
  };

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) refresh();
    }),
    vscode.commands.registerCommand('referat.restartServer', async () => {
      try {
        // A fresh client (and server process or worker) rather than restarting the old one.
        await client.stop().catch(() => undefined);
        client = create();
        await client.start();
        void vscode.window.showInformationMessage(vscode.l10n.t('Referat: the language server was restarted.'));
      } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Referat: the language server could not be restarted: {0}', String(error)));
      }
      refresh();
    }),
    vscode.commands.registerCommand('referat.showOutput', () => client.outputChannel.show()),
    vscode.workspace.onDidChangeTextDocument(continueNumberedList),
    { dispose: () => void client.stop() },
  );

  await client.start();
  refresh();
  return client;
}

const NUMBERED = /^([ \t]*)(\d+)([.)])[ \t]+(at\b)?.*\S/;

/** After Enter on `2. at …`, the new line starts `3. at ` (or `3. ` for a list without `at`). */
function continueNumberedList(e: vscode.TextDocumentChangeEvent): void {
  if (e.document.languageId !== LANGUAGE_ID || e.contentChanges.length !== 1 || e.reason !== undefined) return;
  const change = e.contentChanges[0]!;
  if (change.rangeLength !== 0 || !/^(\r?\n|\r)[ \t]*$/.test(change.text)) return;
  const editor = vscode.window.visibleTextEditors.find((x) => x.document === e.document);
  if (!editor) return;
  const line = change.range.start.line;
  if (line + 1 >= e.document.lineCount) return;
  const m = NUMBERED.exec(e.document.lineAt(line).text);
  if (!m) return;
  // Only when Enter was pressed at the end of the point (the new line is empty).
  const next = e.document.lineAt(line + 1);
  if (next.text.trim() !== '' || change.range.start.character < e.document.lineAt(line).text.trimEnd().length) return;
  const insert = `${m[1]}${Number(m[2]) + 1}${m[3]} ${m[4] ? 'at ' : ''}`;
  const version = e.document.version;
  void editor
    .edit((b) => b.replace(next.range, insert), { undoStopBefore: false, undoStopAfter: false })
    .then((ok) => {
      if (!ok || e.document.version !== version + 1) return;
      const end = new vscode.Position(line + 1, insert.length);
      editor.selection = new vscode.Selection(end, end);
    });
}
