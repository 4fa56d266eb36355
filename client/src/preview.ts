/**
 * The live preview beside the editor: the server's HTML export of the document, updated as
 * you type, under a Content-Security-Policy with a fresh nonce for its one script (scroll
 * sync between the editor and the preview).
 */
import * as vscode from 'vscode';
import type { RenderParams, RenderResponse } from '../../server/src/lsp/protocol.js';
import { LANGUAGE_ID } from './common.js';

export type Render = (uri: vscode.Uri, format: RenderParams['format'], extra?: Partial<RenderParams>) => Promise<RenderResponse>;

export interface Previews extends vscode.Disposable {
  show(uri?: vscode.Uri): Promise<void>;
  /** The document changed: refresh its preview shortly. */
  changed(doc: vscode.TextDocument): void;
  /** The editor scrolled: scroll its preview to the first visible line. */
  scrolled(e: vscode.TextEditorVisibleRangesChangeEvent): void;
}

export function createPreviews(context: vscode.ExtensionContext, render: Render): Previews {
  const previews = new Map<string, vscode.WebviewPanel>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let syncingFromPreview = 0;
  const script = vscode.Uri.joinPath(context.extensionUri, 'media', 'preview.js');
  // A fresh, unguessable nonce for every render (128 bits from the platform's CSPRNG).
  const nonce = () => btoa(String.fromCharCode(...globalThis.crypto.getRandomValues(new Uint8Array(16)))).replace(/[+/=]/g, '');

  const refresh = async (doc: vscode.TextDocument) => {
    const panel = previews.get(doc.uri.toString());
    if (!panel) return;
    try {
      const r = await render(doc.uri, 'preview', { cspSource: panel.webview.cspSource, nonce: nonce(), scriptUri: panel.webview.asWebviewUri(script).toString() });
      if (r && 'data' in r) panel.webview.html = r.data;
    } catch (error) {
      panel.webview.html = `<!DOCTYPE html><html><body><p>${vscode.l10n.t('The preview could not be rendered: {0}', String(error)).replace(/[<>&]/g, '')}</p></body></html>`;
    }
  };

  const show = async (uri?: vscode.Uri) => {
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== LANGUAGE_ID) return;
    const key = doc.uri.toString();
    let panel = previews.get(key);
    if (!panel) {
      panel = vscode.window.createWebviewPanel('referat.preview', vscode.l10n.t('Preview: {0}', doc.uri.path.split('/').pop() ?? ''), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')] });
      previews.set(key, panel);
      panel.onDidDispose(() => previews.delete(key));
      // Preview → editor: the preview reports the first visible block's source line.
      panel.webview.onDidReceiveMessage((m: { type?: string; line?: number }) => {
        if (m?.type !== 'reveal' || typeof m.line !== 'number') return;
        const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
        if (!editor) return;
        syncingFromPreview = Date.now() + 200;
        editor.revealRange(new vscode.Range(m.line, 0, m.line, 0), vscode.TextEditorRevealType.AtTop);
      });
    } else panel.reveal(vscode.ViewColumn.Beside, true);
    await refresh(doc);
  };

  return {
    show,
    changed(doc) {
      const key = doc.uri.toString();
      if (!previews.has(key)) return;
      const t = timers.get(key);
      if (t) clearTimeout(t);
      timers.set(key, setTimeout(() => void refresh(doc), 250));
    },
    scrolled(e) {
      if (Date.now() < syncingFromPreview) return;
      const panel = previews.get(e.textEditor.document.uri.toString());
      const top = e.visibleRanges[0]?.start.line;
      if (panel && top !== undefined) void panel.webview.postMessage({ type: 'scroll', line: top });
    },
    dispose: () => previews.forEach((p) => p.dispose()),
  };
}
