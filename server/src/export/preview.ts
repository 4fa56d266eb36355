/**
 * The live preview for an editor webview: the HTML export with source lines on every
 * block (`data-line`, for scroll sync both ways), the webview's own Content-Security-Policy
 * (its resource origin and a script nonce), and colours that follow the editor theme.
 * Pure: the extension passes the webview's `cspSource`, a fresh nonce and its script URI.
 */
import { defaultConfig, type ResolvedConfig } from '../config/resolve.js';
import { analyze } from '../engine.js';
import { buildExportDocument } from './document.js';
import { renderHtml } from './html.js';
import type { Edition } from './model.js';

export interface PreviewOptions {
  readonly edition?: Edition;
  readonly config?: ResolvedConfig;
  /** The webview's resource origin (`webview.cspSource`). */
  readonly cspSource?: string;
  /** A fresh nonce for the preview script. */
  readonly nonce?: string;
  /** The preview script (scroll sync), loaded with the nonce. */
  readonly scriptUri?: string;
}

/** Colours from the editor theme (VS Code sets these variables in webviews). */
const THEME_CSS = `<style>
body.vscode-light,body.vscode-dark,body.vscode-high-contrast{--fg:var(--vscode-editor-foreground);--bg:var(--vscode-editor-background);--link:var(--vscode-textLink-foreground);--muted:var(--vscode-descriptionForeground);--rule:var(--vscode-panel-border,#8888);--band:var(--vscode-editor-inactiveSelectionBackground)}
body{font-family:var(--vscode-font-family, sans-serif)}
[data-line].referat-active{outline:1px dashed var(--vscode-focusBorder);outline-offset:4px}
</style>`;

const attr = (s: string) => s.replace(/[&"<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c]!);

/** Preview HTML for a referat text; never throws (an unreadable text shows as an empty referat). */
export function renderPreview(text: string, options: PreviewOptions = {}): string {
  const { meeting, config } = analyze(text, options.config ?? defaultConfig);
  const doc = buildExportDocument(meeting, config.profile, { edition: options.edition ?? 'public' });
  const src = options.cspSource ? ` ${options.cspSource}` : '';
  const script = options.nonce ? `; script-src 'nonce-${options.nonce}'` : '';
  const csp = `default-src 'none'; style-src 'unsafe-inline'${src}; img-src data:${src}; font-src${src || " 'none'"}${script}`;
  const head =
    THEME_CSS +
    (options.scriptUri && options.nonce ? `\n<script nonce="${attr(options.nonce)}" src="${attr(options.scriptUri)}"></script>` : '');
  return renderHtml(doc, { sourceLines: true, csp, head });
}
