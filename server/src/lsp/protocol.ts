/**
 * Referat's own requests between the extension (client) and the language server, in one
 * place that both import: method names, parameters and results. It holds only constants
 * and types, so the client bundle takes nothing of the server with it.
 *
 * - `referat/render` (client → server): the open document in an export format, for the
 *   live preview and the export commands.
 * - `referat/meetingState` (client → server): the state of a meeting for the status bar.
 * - `referat/readFile`, `referat/listFiles` (server → client): the web extension's file
 *   system, which only the client can read.
 */
import type { EditorRenderOptions, EditorRenderRefused, EditorRenderResult, MeetingState } from '../service.js';

export type { MeetingState } from '../service.js';

/** The export formats the editor offers (each has a command `referat.export.<format>`). */
export const EDITOR_EXPORT_FORMATS = ['pdf', 'html', 'docx', 'text', 'json'] as const;
export type EditorExportFormat = (typeof EDITOR_EXPORT_FORMATS)[number];

export const RenderRequest = 'referat/render';

/** The document (`uri`) in an export format or as the preview; the host adds the fonts. */
export interface RenderParams extends Omit<EditorRenderOptions, 'fonts'> {
  readonly uri: string;
}

/** Text formats as text, PDF and DOCX as base64. */
export type RenderResult = EditorRenderResult;

/** The public edition was not rendered: published text holds CPR numbers. */
export type RenderRefused = EditorRenderRefused;

export type RenderResponse = RenderResult | RenderRefused | null;

export const MeetingStateRequest = 'referat/meetingState';
export interface MeetingStateParams {
  readonly uri: string;
}
export type MeetingStateResponse = MeetingState | null;

export const ReadFileRequest = 'referat/readFile';
export interface ReadFileParams {
  readonly uri: string;
}
/** The file's text, or null when it cannot be read. */
export type ReadFileResponse = string | null;

export const ListFilesRequest = 'referat/listFiles';
/** URIs of the workspace's `.referat` files. */
export type ListFilesResponse = string[] | null;
