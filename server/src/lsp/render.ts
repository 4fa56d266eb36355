/**
 * `referat/render`: the server renders the open document in an export format, for the
 * editor's live preview (HTML) and its export commands. PDF and Word need the Node host
 * (fonts from the package); the web worker answers the text formats.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { exportReferat, type Edition, type ExportFormat, type PdfFonts } from '../export/index.js';
import { renderPreview } from '../export/preview.js';
import type { LanguageService } from '../service.js';

export const RenderRequest = 'referat/render';

export interface RenderParams {
  readonly uri: string;
  /** An export format, or `preview`: the HTML export with source lines and the webview's CSP. */
  readonly format: ExportFormat | 'preview';
  readonly edition?: Edition;
  /** For `preview`: the webview's resource origin, a fresh nonce and the scroll-sync script. */
  readonly cspSource?: string;
  readonly nonce?: string;
  readonly scriptUri?: string;
}

export interface RenderResult {
  /** Text formats as text; PDF and DOCX as base64. */
  readonly data: string;
  readonly encoding: 'utf8' | 'base64';
  readonly extension: string;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function registerRender(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  service: () => LanguageService,
  fonts: () => PdfFonts | undefined,
): void {
  connection.onRequest(RenderRequest, async (p: RenderParams): Promise<RenderResult | null> => {
    const doc = documents.get(p.uri);
    if (!doc) return null;
    const { config } = await service().getAnalysis(doc);
    if (p.format === 'preview') {
      const html = renderPreview(doc.getText(), { edition: p.edition, config, cspSource: p.cspSource, nonce: p.nonce, scriptUri: p.scriptUri });
      return { data: html, encoding: 'utf8', extension: '.html' };
    }
    const result = await exportReferat(doc.getText(), { format: p.format, edition: p.edition ?? 'public', fonts: fonts(), config });
    return typeof result.data === 'string'
      ? { data: result.data, encoding: 'utf8', extension: result.extension }
      : { data: toBase64(result.data), encoding: 'base64', extension: result.extension };
  });
}
