/**
 * `referat/render`: the server renders the open document in an export format, for the
 * editor's live preview (HTML) and its export commands. PDF and Word need the Node host
 * (fonts from the package); the web worker answers the text formats.
 */
import { RequestType, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { exportReferat, type Edition, type ExportFormat, type PdfFonts } from '../export/index.js';
import { renderPreview } from '../export/preview.js';
import type { LanguageService } from '../service.js';
import { cprBlockers, cprSummary } from '../export/cpr-guard.js';
import type { Localized } from '../rules/types.js';

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
  /** Export the public edition even when published text holds a CPR number ("Export anyway"). */
  readonly allowCpr?: boolean;
}

export interface RenderResult {
  /** Text formats as text; PDF and DOCX as base64. */
  readonly data: string;
  readonly encoding: 'utf8' | 'base64';
  readonly extension: string;
}

/** The public edition was not rendered: published text holds CPR numbers (see export/cpr-guard.ts). */
export interface RenderRefused {
  readonly refused: {
    readonly reason: 'cpr-number';
    /** For the user, in both languages (the client picks). */
    readonly message: Localized;
    /** 0-based lines of the numbers, for revealing the first. */
    readonly lines: readonly number[];
  };
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
  connection.onRequest(new RequestType<RenderParams, RenderResult | RenderRefused | null, void>(RenderRequest), async (p: RenderParams): Promise<RenderResult | RenderRefused | null> => {
    const doc = documents.get(p.uri);
    if (!doc) return null;
    const { config } = await service().getAnalysis(doc);
    if (p.format === 'preview') {
      const html = renderPreview(doc.getText(), { edition: p.edition, config, cspSource: p.cspSource, nonce: p.nonce, scriptUri: p.scriptUri });
      return { data: html, encoding: 'utf8', extension: '.html' };
    }
    const edition = p.edition ?? 'public';
    if (!p.allowCpr) {
      const blockers = cprBlockers(doc.getText(), edition, config);
      if (blockers.length > 0) {
        return { refused: { reason: 'cpr-number', message: { da: cprSummary(blockers, 'da'), en: cprSummary(blockers, 'en') }, lines: blockers.map((b) => b.line) } };
      }
    }
    const result = await exportReferat(doc.getText(), { format: p.format, edition, fonts: fonts(), config });
    return typeof result.data === 'string'
      ? { data: result.data, encoding: 'utf8', extension: result.extension }
      : { data: toBase64(result.data), encoding: 'base64', extension: result.extension };
  });
}
