/**
 * The published referat in the editor: a live preview beside the editor (the server's
 * HTML export, updated as you type, under a Content-Security-Policy without scripts) and
 * the export commands (PDF, HTML, Word, text, portal JSON) that write next to the file.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { EDITOR_EXPORT_FORMATS as FORMATS, RenderRequest, type EditorExportFormat as Format, type RenderParams, type RenderRefused, type RenderResponse, type RenderResult } from '../../server/src/lsp/protocol.js';
import { LANGUAGE_ID } from './common.js';

function decode(r: RenderResult): Uint8Array {
  if (r.encoding === 'utf8') return new TextEncoder().encode(r.data);
  const bin = atob(r.data);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function registerPublishing(context: vscode.ExtensionContext, client: () => BaseLanguageClient): void {
  // The menus and the palette show the preview and export commands where they are
  // registered: in the Node extension host, also when the workbench runs in a browser
  // (code-server, Codespaces), not in the web extension, which has no file system to write to.
  void vscode.commands.executeCommand('setContext', 'referat.publishing', true);
  const previews = new Map<string, vscode.WebviewPanel>();
  let syncingFromPreview = 0;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const render = async (uri: vscode.Uri, format: Format | 'preview', extra: Partial<RenderParams> = {}) => {
    const params: RenderParams = { uri: uri.toString(), format, edition: 'public', ...extra };
    return client().sendRequest<RenderResponse>(RenderRequest, params);
  };
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

  const showPreview = async (uri?: vscode.Uri) => {
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

  /**
   * The public edition is refused while published text holds a CPR number (as `referat
   * export` refuses it without --allow-cpr): an error names the lines, offers to show the
   * first, or to export anyway.
   */
  const refusedByCpr = async (doc: vscode.TextDocument, refused: RenderRefused['refused']): Promise<boolean> => {
    const show = vscode.l10n.t('Show');
    const anyway = vscode.l10n.t('Export anyway');
    const lang = vscode.env.language.toLowerCase().startsWith('da') ? 'da' : 'en';
    const pick = await vscode.window.showErrorMessage(`Referat: ${refused.message[lang]}`, show, anyway);
    if (pick === show && refused.lines.length) {
      const editor = await vscode.window.showTextDocument(doc);
      const line = refused.lines[0]!;
      editor.selection = new vscode.Selection(line, 0, line, 0);
      editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenter);
    }
    return pick === anyway;
  };

  const exportAs = (format: Format) => async (uri?: vscode.Uri) => {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) return;
    const doc = await vscode.workspace.openTextDocument(target);
    if (doc.languageId !== LANGUAGE_ID) return;
    let written = await writeExport(doc, format, false);
    if (written && 'refused' in written) {
      if (!(await refusedByCpr(doc, written.refused))) return;
      written = await writeExport(doc, format, true);
    }
    if (written && !('refused' in written)) await wrote(written);
  };

  const writeExport = async (doc: vscode.TextDocument, format: Format, allowCpr: boolean): Promise<vscode.Uri | RenderRefused | undefined> =>
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Referat: exporting as {0}…', format.toUpperCase()) },
      async () => {
        const r = await render(doc.uri, format, allowCpr ? { allowCpr: true } : {});
        if (!r) throw new Error(vscode.l10n.t('the document is not open in the language server'));
        if ('refused' in r) return r;
        const dest = doc.uri.with({ path: doc.uri.path.replace(/\.referat$/i, '') + r.extension });
        await vscode.workspace.fs.writeFile(dest, decode(r));
        return dest;
      },
    ).then(
      (dest) => dest,
      (error: unknown) => {
        // An export never fails silently.
        void vscode.window.showErrorMessage(vscode.l10n.t('Referat: the export failed: {0}', error instanceof Error ? error.message : String(error)));
        return undefined;
      },
    );

  const wrote = async (out: vscode.Uri) => {
    const open = vscode.l10n.t('Open');
    const reveal = vscode.l10n.t('Reveal in folder');
    const pick = await vscode.window.showInformationMessage(vscode.l10n.t('Referat: wrote {0}', out.path.split('/').pop() ?? ''), open, reveal);
    if (pick === open) void vscode.env.openExternal(out);
    else if (pick === reveal) void vscode.commands.executeCommand('revealFileInOS', out);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('referat.showPreview', showPreview),
    ...FORMATS.map((f) => vscode.commands.registerCommand(`referat.export.${f}`, exportAs(f))),
    vscode.workspace.onDidChangeTextDocument((e) => {
      const key = e.document.uri.toString();
      if (!previews.has(key)) return;
      const t = timers.get(key);
      if (t) clearTimeout(t);
      timers.set(key, setTimeout(() => void refresh(e.document), 250));
    }),
    // Editor → preview: scroll the preview to the first visible line.
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
      if (Date.now() < syncingFromPreview) return;
      const panel = previews.get(e.textEditor.document.uri.toString());
      const top = e.visibleRanges[0]?.start.line;
      if (panel && top !== undefined) void panel.webview.postMessage({ type: 'scroll', line: top });
    }),
    { dispose: () => previews.forEach((p) => p.dispose()) },
  );
}
