/** The preview's page: pure (no `vscode` import), so tests can check it. */

/** The export's HTML with a strict CSP (no scripts, no network) and the editor's colours. */
export function previewHtml(html: string): string {
  const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;">`;
  const theme = `<style>body{background:var(--vscode-editor-background);color:var(--vscode-editor-foreground);} a{color:var(--vscode-textLink-foreground);} table,th,td{border-color:var(--vscode-editorWidget-border,#888)!important;}</style>`;
  return html.replace(/<head>/i, `<head>${csp}`).replace(/<\/head>/i, `${theme}</head>`);
}
