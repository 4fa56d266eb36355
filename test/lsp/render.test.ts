/** `referat/render`: the preview's HTML and the export commands' bytes, from the real server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './client.js';

const text = [
  '# REFERAT Udvalg d. 03-12-2024',
  '',
  'Mødedato: Tirsdag d. 03. december 2024 kl. 16:30',
  'Mødedeltagere: Anne Holm og Bo Ibsen',
  '',
  '## Punkt 1: Åbent punkt <script>alert(1)</script>',
  'Sagsnr: 00.22.00-P35-1-24',
  '',
  '### Beslutning',
  'Godkendt. <!-- INTERN-NOTE -->',
  '',
  '## Punkt 2: Lukket',
  'Sagsnr: 00.22.00-P35-2-24',
  'Lukket: ja',
  '',
  '### Beslutning',
  'HEMMELIGT-INDHOLD',
  '',
].join('\n');

describe('referat/render', () => {
  let client: TestClient;
  const uri = 'file:///ws/render.referat';
  beforeAll(async () => {
    client = TestClient.inProcess();
    await client.initialize();
    await client.open(uri, text);
  });
  afterAll(() => client.shutdown());

  it('renders the public HTML edition for the preview: no closed body, no comment, no live markup', async () => {
    const r = await client.request<{ data: string; encoding: string; extension: string }>('referat/render', { uri, format: 'html' });
    expect(r.encoding).toBe('utf8');
    expect(r.extension).toBe('.html');
    expect(r.data).toContain('Åbent punkt');
    expect(r.data).not.toContain('HEMMELIGT-INDHOLD');
    expect(r.data).not.toContain('INTERN-NOTE');
    expect(r.data).not.toContain('<script>');
  });

  it('renders the preview with source lines for scroll sync and the webview CSP (the nonce script only)', async () => {
    const r = await client.request<{ data: string }>('referat/render', { uri, format: 'preview', cspSource: 'vscode-webview://x', nonce: 'N0NCE', scriptUri: 'vscode-webview://x/media/preview.js' });
    expect(r.data).toMatch(/data-line="\d+"/);
    expect(r.data).toContain("script-src 'nonce-N0NCE'");
    expect(r.data).toContain('<script nonce="N0NCE" src="vscode-webview://x/media/preview.js"></script>');
    expect(r.data.match(/<script/g)).toHaveLength(1);
    expect(r.data).not.toContain('HEMMELIGT-INDHOLD');
  });

  it('renders the internal edition when asked, and PDF as base64 bytes', async () => {
    const internal = await client.request<{ data: string }>('referat/render', { uri, format: 'text', edition: 'internal' });
    expect(internal.data).toContain('HEMMELIGT-INDHOLD');
    const pdf = await client.request<{ data: string; encoding: string; extension: string }>('referat/render', { uri, format: 'pdf' });
    expect(pdf.encoding).toBe('base64');
    expect(pdf.extension).toBe('.pdf');
    expect(Buffer.from(pdf.data, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('answers null for a document that is not open', async () => {
    expect(await client.request('referat/render', { uri: 'file:///ws/none.referat', format: 'html' })).toBeNull();
  });
});
