/** `referat/render` refuses the public edition while published text holds a CPR number, as `referat export` does. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './client.js';

const text = [
  '# REFERAT Udvalg d. 03-12-2024',
  '',
  'Mødedato: Tirsdag d. 03. december 2024 kl. 16:30',
  'Mødedeltagere: Anne Holm og Bo Ibsen',
  '',
  '## Punkt 1: Klage',
  'Sagsnr: 00.22.00-P35-1-24',
  '',
  '### Sagsfremstilling',
  'Borgeren (CPR 211062-2021) har klaget.',
  '',
  '### Beslutning',
  '1. at godkendt.',
  '',
].join('\n');

type Refused = { refused: { reason: string; message: { da: string; en: string }; lines: number[] } };

describe('referat/render and CPR numbers', () => {
  let client: TestClient;
  const uri = 'file:///ws/cpr.referat';
  beforeAll(async () => {
    client = TestClient.inProcess();
    await client.initialize();
    await client.open(uri, text);
  });
  afterAll(() => client.shutdown());

  it('refuses the public edition in every export format, naming the line and never the number', async () => {
    for (const format of ['html', 'pdf', 'docx', 'text', 'json']) {
      const r = await client.request<Refused>('referat/render', { uri, format });
      expect(r.refused.reason).toBe('cpr-number');
      expect(r.refused.lines).toEqual([9]);
      expect(r.refused.message.en).toBe(
        'The public edition is not written: a CPR number in published text (line 10). Remove or mask it (xxxxxx-xxxx), or make the item closed.',
      );
      expect(r.refused.message.da).toMatch(/^Den offentlige udgave skrives ikke: et CPR-nummer .*\(linje 10\)/);
      expect(JSON.stringify(r)).not.toContain('211062');
    }
  });

  it('renders when the user chooses to export anyway, and always for the internal edition and the preview', async () => {
    const anyway = await client.request<{ data: string }>('referat/render', { uri, format: 'text', allowCpr: true });
    expect(anyway.data).toContain('211062-2021');
    const internal = await client.request<{ data: string }>('referat/render', { uri, format: 'text', edition: 'internal' });
    expect(internal.data).toContain('211062-2021');
    const preview = await client.request<{ data: string }>('referat/render', { uri, format: 'preview' });
    expect(preview.data).toContain('211062-2021');
  });
});
