/**
 * The web worker's stand-in for `editor.ts` (scripts/build.mjs puts it in its place): the
 * web extension offers no preview or export, so its bundle carries no exporter.
 */
import type { ResolvedConfig } from '../config/resolve.js';
import type { EditorRenderOptions, EditorRenderRefused, EditorRenderResult } from './editor.js';

export type { EditorRenderOptions, EditorRenderRefused, EditorRenderResult } from './editor.js';

export async function renderForEditor(_text: string, _config: ResolvedConfig, _o: EditorRenderOptions): Promise<EditorRenderResult | EditorRenderRefused> {
  throw new Error('Rendering is not available in the web extension');
}
