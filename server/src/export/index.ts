/**
 * The export pipeline: referat text → meeting model → export document (edition and house
 * style applied) → one renderer per format. Pure apart from the font bytes the host passes
 * in for PDF; the CLI and the editor call this.
 */
import { defaultConfig, type ResolvedConfig } from '../config/resolve.js';
import { analyze } from '../engine.js';
import type { Localized } from '../rules/types.js';
import { buildExportDocument } from './document.js';
import type { DocxOptions } from './docx.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import type { Edition, ExportDocument, ExportFormat } from './model.js';
import { renderPdf, type PdfFonts } from './pdf.js';
import { renderText } from './text.js';

export type { Edition, ExportDocument, ExportFormat } from './model.js';
export { EDITIONS, EXPORT_FORMATS } from './model.js';
export type { PdfFonts } from './pdf.js';
export { buildExportDocument, renderHtml, renderJson, renderPdf, renderText };

/** Word (DOCX). The docx library is loaded on first use, so that other exports do not evaluate it. */
export async function renderDocx(doc: ExportDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const docx = await import('./docx.js');
  return docx.renderDocx(doc, options);
}

import { EXTENSIONS } from './model.js';
export { EXTENSIONS };

export const MIME_TYPES: Readonly<Record<ExportFormat, string>> = {
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  text: 'text/plain; charset=utf-8',
  json: 'application/json',
  akn: 'application/akn+xml',
};

export interface ExportOptions {
  readonly format: ExportFormat;
  readonly edition?: Edition;
  readonly config?: ResolvedConfig;
  /** Required for PDF. */
  readonly fonts?: PdfFonts;
  /** Fixed creation date for PDF/DOCX metadata (reproducible output). */
  readonly creationDate?: Date;
  /** PDF only: write PDF/A-1b. */
  readonly pdfa?: boolean;
  /** The text already analysed by {@link analyzeForExport} (spares parsing it again). */
  readonly analysis?: ExportAnalysis;
}

/** The parse and model of a referat, as `analyze` gives them. */
export type ExportAnalysis = ReturnType<typeof analyze>;

export interface ExportResult {
  /** Text formats give a string, PDF and DOCX bytes. */
  readonly data: string | Uint8Array;
  readonly format: ExportFormat;
  readonly extension: string;
  readonly mime: string;
  readonly document: ExportDocument;
}

/** An export that could not be produced, with a message in both languages. */
export class ExportError extends Error {
  constructor(readonly localized: Localized, options?: { cause?: unknown }) {
    super(localized.en, options);
    this.name = 'ExportError';
  }
}

/** Parses, builds the model and the export document (no rendering). */
export function exportDocumentFromText(text: string, edition: Edition = 'public', config: ResolvedConfig = defaultConfig): ExportDocument {
  const { meeting, config: cfg } = analyze(text, config);
  return buildExportDocument(meeting, cfg.profile, { edition });
}

/** Renders an export document in one format. Rejects with {@link ExportError}; never yields empty output. */
export async function renderDocument(doc: ExportDocument, options: ExportOptions): Promise<ExportResult> {
  const { format } = options;
  const wrap = (data: string | Uint8Array): ExportResult => ({
    data,
    format,
    extension: EXTENSIONS[format],
    mime: MIME_TYPES[format],
    document: doc,
  });
  try {
    switch (format) {
      case 'text':
        return wrap(renderText(doc));
      case 'html':
        return wrap(renderHtml(doc));
      case 'json':
        return wrap(renderJson(doc));
      case 'akn': {
        // Akoma Ntoso needs the meeting model too (members, absence, votes), not only the document.
        if (!options.analysis) {
          throw new ExportError({ da: 'Akoma Ntoso-eksport kræver mødemodellen', en: 'Akoma Ntoso export needs the meeting model' });
        }
        const { renderAknFromModel } = await import('./akn.js');
        const a = options.analysis;
        return wrap(renderAknFromModel({ file: '', meeting: a.meeting, profile: a.config.profile }, doc.edition));
      }
      case 'docx':
        return wrap(await renderDocx(doc, { creationDate: options.creationDate }));
      case 'pdf':
        if (!options.fonts) {
          throw new ExportError({
            da: 'PDF-eksport kræver skrifttyperne DejaVu Sans (mappen fonts/ i pakken blev ikke fundet)',
            en: 'PDF export needs the DejaVu Sans fonts (the package folder fonts/ was not found)',
          });
        }
        return wrap(await renderPdf(doc, options.fonts, { creationDate: options.creationDate, pdfa: options.pdfa }));
      default:
        throw new ExportError({ da: `Ukendt format: ${String(format)}`, en: `Unknown format: ${String(format)}` });
    }
  } catch (error) {
    if (error instanceof ExportError) throw error;
    const msg = error instanceof Error ? error.message : String(error);
    throw new ExportError({ da: `Eksport som ${format} mislykkedes: ${msg}`, en: `Export as ${format} failed: ${msg}` }, { cause: error });
  }
}

function unreadable(error: unknown): ExportError {
  const msg = error instanceof Error ? error.message : String(error);
  return new ExportError({ da: `Dokumentet kunne ikke læses: ${msg}`, en: `The document could not be read: ${msg}` }, { cause: error });
}

/** Parses a referat and builds its model once, for a caller that checks it before exporting. Rejects with {@link ExportError}. */
export function analyzeForExport(text: string, config: ResolvedConfig = defaultConfig): ExportAnalysis {
  try {
    return analyze(text, config);
  } catch (error) {
    throw unreadable(error);
  }
}

/** Text of a referat → the export in one format. */
export async function exportReferat(text: string, options: ExportOptions): Promise<ExportResult> {
  let doc: ExportDocument;
  try {
    const edition = options.edition ?? 'public';
    doc = options.analysis
      ? buildExportDocument(options.analysis.meeting, options.analysis.config.profile, { edition })
      : exportDocumentFromText(text, edition, options.config ?? defaultConfig);
  } catch (error) {
    throw unreadable(error);
  }
  // Akoma Ntoso is drawn from the model as well as the document: analyse the text if the caller has not.
  const analysis = options.format === 'akn' && !options.analysis ? analyzeForExport(text, options.config ?? defaultConfig) : options.analysis;
  return renderDocument(doc, { ...options, analysis });
}
