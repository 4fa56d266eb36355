/**
 * The published referat in the editor: a live preview beside the editor (the server's
 * HTML export, updated as you type, under a Content-Security-Policy without scripts) and
 * the export commands (PDF, HTML, Word, text, portal JSON) that write next to the file.
 * The parts: preview.ts and export.ts.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { EDITOR_EXPORT_FORMATS as FORMATS, RenderRequest, type RenderParams, type RenderResponse } from '../../server/src/lsp/protocol.js';
import { exportCommand } from './export.js';
import { createPreviews, type Render } from './preview.js';

export function registerPublishing(context: vscode.ExtensionContext, client: () => BaseLanguageClient): void {
  // The menus and the palette show the preview and export commands where they are
  // registered: in the Node extension host, also when the workbench runs in a browser
  // (code-server, Codespaces), not in the web extension, which has no file system to write to.
  void vscode.commands.executeCommand('setContext', 'referat.publishing', true);
  const render: Render = async (uri, format, extra = {}) => {
    const params: RenderParams = { uri: uri.toString(), format, edition: 'public', ...extra };
    return client().sendRequest<RenderResponse>(RenderRequest, params);
  };
  const previews = createPreviews(context, render);
  const exportAs = exportCommand(render);
  context.subscriptions.push(
    vscode.commands.registerCommand('referat.showPreview', (uri?: vscode.Uri) => previews.show(uri)),
    ...FORMATS.map((f) => vscode.commands.registerCommand(`referat.export.${f}`, exportAs(f))),
    vscode.workspace.onDidChangeTextDocument((e) => previews.changed(e.document)),
    // Editor → preview: scroll the preview to the first visible line.
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => previews.scrolled(e)),
    previews,
  );
}
