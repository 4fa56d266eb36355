import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../server/src/export/html.js';
import { exportReferat } from '../../server/src/export/index.js';
import { root } from './helpers.js';

const source = readFileSync(path.join(root, 'test/fixtures/export/meeting.referat'), 'utf8');

async function html(text = source): Promise<string> {
  return (await exportReferat(text, { format: 'html' })).data as string;
}

/** Every start tag in the document, as written. */
function tags(out: string): string[] {
  return out.match(/<[a-zA-Z][^>]*>/g) ?? [];
}

describe('HTML export', () => {
  it('is one semantic, self-contained Danish document', async () => {
    const out = await html();
    expect(out.startsWith('<!DOCTYPE html>\n<html lang="da">')).toBe(true);
    expect(out.match(/<h1[ >]/g)).toHaveLength(1);
    // One h2 per item plus the table of contents heading.
    expect(out.match(/<h2[ >]/g)).toHaveLength(4 + 1);
    expect(out).toMatch(/<nav aria-labelledby="indholdsfortegnelse">/);
    for (const anchor of ['punkt-122', 'punkt-123', 'punkt-124', 'punkt-125']) {
      expect(out).toContain(`<a href="#${anchor}">`);
      expect(out).toContain(`<article id="${anchor}"`);
    }
    expect(out).toContain('<th scope="col">Indsats</th>');
    expect(out).toMatch(/<h3>Resumé<\/h3>/);
    expect(out).toContain('@media print');
    expect(out).toContain('name="viewport"');
    // No scripts and nothing fetched from elsewhere.
    for (const tag of tags(out)) expect(tag, tag).not.toMatch(/^<(script|link|iframe|object|embed|img|base)\b|\ssrc=/i);
    expect(out).not.toMatch(/url\(|@import/i);
    expect(out).toContain("default-src 'none'");
  });

  it('renders injection payloads inert', async () => {
    const out = await html();
    // Payloads from titles and text appear escaped, as text.
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;img src=x onerror=alert(6)&gt;');
    for (const tag of tags(out)) {
      expect(tag, tag).not.toMatch(/^<(script|img|iframe|svg|object)/i);
      expect(tag, tag).not.toMatch(/\son[a-z]+\s*=/i);
      expect(tag, tag).not.toMatch(/javascript:/i);
    }
    expect(out).not.toMatch(/href="(?!https?:|mailto:|#|bilag\/)/);
    // The text of a dropped javascript: link survives as plain text.
    expect(out).toContain('et farligt link samt et andet');
  });

  it('escapes attribute and text context alike', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;');
  });

  it('escapes a hostile title, case number and header values', async () => {
    const out = await html(
      '# REFERAT <b onmouseover=alert(1)>Udvalg</b>\n\nMødested: "><script>alert(2)</script>\n\n## Punkt 1: x\nSagsnr: <svg onload=alert(3)>\n\n### Beslutning\nGodkendt.\n',
    );
    for (const tag of tags(out)) {
      expect(tag, tag).not.toMatch(/^<(script|svg|b )/i);
      expect(tag, tag).not.toMatch(/\son[a-z]+\s*=/i);
    }
    expect(out).toContain('&lt;svg onload=alert(3)&gt;');
  });
});

describe('editor preview', () => {
  it('marks items, sections and blocks with their source line and uses the webview CSP', async () => {
    const { renderPreview } = await import('../../server/src/export/preview.js');
    const out = renderPreview(source, { cspSource: 'vscode-resource:', nonce: 'abc123', scriptUri: 'vscode-resource:/preview.js' });
    const lines = source.split('\n');
    const at = (needle: string) => lines.findIndex((l) => l.startsWith(needle));
    expect(out).toContain(`<article id="punkt-123" aria-labelledby="punkt-123-h" data-line="${at('## Punkt 123')}">`);
    expect(out).toContain(`<section class="resume" data-line="${at('### Resumé')}">`);
    expect(out).toContain(`<ol data-line="${at('1. at orienteringen')}">`);
    expect(out).toContain("script-src 'nonce-abc123'");
    expect(out).toContain('<script nonce="abc123" src="vscode-resource:/preview.js"></script>');
    // The published export itself has no source lines and no scripts.
    expect(await html()).not.toContain('data-line');
  });
});
