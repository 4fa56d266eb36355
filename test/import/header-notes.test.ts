/**
 * The header of published minutes often mixes free lines (a title word, the date written out,
 * a remark) with labelled fields. Each free line is a note of its own, so the fields after it
 * stay fields (the meeting keeps its place and members), and the export prints them in the
 * author's order. Invented minutes, in our own words.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/engine.js';
import { exportReferat } from '../../server/src/export/index.js';
import { importText } from '../../server/src/import/index.js';

const source = [
  'Beslutningsprotokol',
  '',
  'onsdag den 4. marts 2026 kl. 16:00',
  '',
  'Mødested: Byrådssalen',
  'Udvalg: Teknisk Udvalg',
  'Medlemmer: Anne Holm, Bo Ibsen, Carl Dam',
  'Bemærkninger:',
  '',
  '1. Godkendelse af dagsorden',
  'Sagsnr.: 26/118',
  '',
  'Sagsfremstilling',
  '',
  'Dagsordenen forelægges til godkendelse.',
  '',
  'Beslutning Teknisk Udvalg den 04-03-2026',
  '',
  'Godkendt.',
  '',
  '2. Vejbelysning på Skovvej',
  'Sagsnr.: 26/542',
  '',
  'Sagsfremstilling',
  '',
  'Lamperne på Skovvej udskiftes til LED i løbet af foråret.',
  '',
  'Beslutning Teknisk Udvalg den 04-03-2026',
  '',
  'Godkendt.',
].join('\n');

describe('a header of free lines and fields', () => {
  it('keeps the fields after a free line as fields', () => {
    const { meeting } = analyze(importText(source).markup);
    expect(meeting.place?.trim()).toBe('Byrådssalen');
    expect(meeting.membersField?.names.names.map((n) => n.name)).toEqual(['Anne Holm', 'Bo Ibsen', 'Carl Dam']);
    expect(meeting.items.map((i) => i.number)).toEqual(['1', '2']);
  });

  it('exports the free lines and the fields in the order the author wrote them', async () => {
    const text = String((await exportReferat(importText(source).markup, { format: 'text', edition: 'internal' })).data);
    const at = (s: string) => text.indexOf(s);
    expect(at('Beslutningsprotokol')).toBeGreaterThan(0);
    expect(at('Beslutningsprotokol')).toBeLessThan(at('onsdag den 4. marts 2026'));
    expect(at('onsdag den 4. marts 2026')).toBeLessThan(at('Byrådssalen'));
    expect(at('Byrådssalen')).toBeLessThan(at('Anne Holm'));
  });

  it('makes the date line, in its own words and place, the Mødedato, and the export prints it as written', async () => {
    const markup = importText(source).markup;
    expect(markup).toContain('\nMødedato: onsdag den 4. marts 2026 kl. 16:00\n');
    expect(markup).not.toContain('Mødedato: 2026-03-04');
    const { meeting } = analyze(markup);
    expect([meeting.date?.year, meeting.date?.month, meeting.date?.day, meeting.date?.hour]).toEqual([2026, 3, 4, 16]);
    const text = String((await exportReferat(markup, { format: 'text', edition: 'internal' })).data);
    expect(text).toMatch(/\nMødedato +onsdag den 4\. marts 2026 kl\. 16:00\n/);
    // A date in ISO form is printed in the Danish long form, as before.
    const iso = String((await exportReferat(markup.replace('onsdag den 4. marts 2026 kl. 16:00', '2026-03-04 16:00'), { format: 'text', edition: 'internal' })).data);
    expect(iso).toMatch(/\nMødedato +Onsdag d\. 04\. marts 2026 kl\. 16:00\n/);
  });
});
