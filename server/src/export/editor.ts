/**
 * What the editor asks of the exporters: the live preview (the HTML export with source
 * lines under the webview's Content-Security-Policy) and an export in one format, refused
 * for the public edition while published text holds a CPR number (unless the user said
 * "Export anyway"). The language server answers `referat/render` with this.
 */
import type { ResolvedConfig } from '../config/resolve.js';
import { cprBlockers, cprSummary } from './cpr-guard.js';
import { exportReferat, type Edition, type ExportFormat, type PdfFonts } from './index.js';
import { renderPreview } from './preview.js';

export interface EditorRenderOptions {
  /** An export format, or `preview`. */
  readonly format: ExportFormat | 'preview';
  readonly edition?: Edition;
  readonly cspSource?: string;
  readonly nonce?: string;
  readonly scriptUri?: string;
  readonly allowCpr?: boolean;
  /** The PDF fonts (the Node host has them; the web worker has none). */
  readonly fonts?: PdfFonts;
}

export interface EditorRenderResult {
  /** Text formats as text; PDF and DOCX as base64. */
  readonly data: string;
  readonly encoding: 'utf8' | 'base64';
  readonly extension: string;
}

export interface EditorRenderRefused {
  readonly refused: {
    readonly reason: 'cpr-number';
    readonly message: { readonly da: string; readonly en: string };
    /** 0-based lines of the numbers, for revealing the first. */
    readonly lines: readonly number[];
  };
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export async function renderForEditor(
  text: string,
  config: ResolvedConfig,
  o: EditorRenderOptions,
): Promise<EditorRenderResult | EditorRenderRefused> {
  if (o.format === 'preview') {
    const html = renderPreview(text, { edition: o.edition, config, cspSource: o.cspSource, nonce: o.nonce, scriptUri: o.scriptUri });
    return { data: html, encoding: 'utf8', extension: '.html' };
  }
  const edition = o.edition ?? 'public';
  if (!o.allowCpr) {
    const blockers = cprBlockers(text, edition, config);
    if (blockers.length > 0) {
      const message = { da: cprSummary(blockers, 'da'), en: cprSummary(blockers, 'en') };
      return { refused: { reason: 'cpr-number', message, lines: blockers.map((b) => b.line) } };
    }
  }
  const result = await exportReferat(text, { format: o.format, edition, fonts: o.fonts, config });
  return typeof result.data === 'string'
    ? { data: result.data, encoding: 'utf8', extension: result.extension }
    : { data: toBase64(result.data), encoding: 'base64', extension: result.extension };
}
