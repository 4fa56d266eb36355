/**
 * The export commands: the document in an export format, written next to the file. The
 * public edition is refused while published text holds a CPR number, as `referat export`
 * refuses it without --allow-cpr; the user may look at the number or export anyway.
 */
import * as vscode from 'vscode';
import type { EditorExportFormat as Format, RenderRefused, RenderResult } from '../../server/src/lsp/protocol.js';
import { LANGUAGE_ID } from './common.js';
import type { Render } from './preview.js';

function decode(r: RenderResult): Uint8Array {
  if (r.encoding === 'utf8') return new TextEncoder().encode(r.data);
  const bin = atob(r.data);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The command that exports a document (the given one, or the active editor's) in a format. */
export function exportCommand(render: Render): (format: Format) => (uri?: vscode.Uri) => Promise<void> {
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

  return (format: Format) => async (uri?: vscode.Uri) => {
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
}
