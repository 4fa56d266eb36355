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

describe('the minutes’ own opening', () => {
  const opening = [
    'Referat til mødet i Teknisk Udvalg den 4. marts 2026 kl. 16:00 i Byrådssalen',
    '',
    '1. Godkendelse af dagsorden',
    'Sagsnr.: 26/118',
    '',
    'Beslutning',
    '',
    'Godkendt.',
  ].join('\n');

  it('is published as the title, once, with no generated title or Mødedato beside it', async () => {
    const text = String((await exportReferat(importText(opening).markup, { format: 'text', edition: 'internal' })).data);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Referat til mødet i Teknisk Udvalg den 4. marts 2026 kl. 16:00 i Byrådssalen');
    expect(text.split('Referat til mødet').length).toBe(2);
    expect(text).not.toContain('REFERAT Teknisk Udvalg');
    expect(text).not.toMatch(/Mødedato/);
  });

  it('is the title when it is two lines, the kind and the committee', async () => {
    const twoLines = opening.replace('Referat til mødet i Teknisk Udvalg den 4. marts 2026 kl. 16:00 i Byrådssalen', 'Referat\n\nTeknisk Udvalg\n\n04-03-2026 kl. 16:00');
    const text = String((await exportReferat(importText(twoLines).markup, { format: 'text', edition: 'internal' })).data);
    expect(text.split('\n')[0]).toBe('Referat Teknisk Udvalg');
    // Once above the first item (a decision heading may name it again).
    expect(text.split('Godkendelse af dagsorden')[0]!.match(/Teknisk Udvalg/g)?.length).toBe(1);
    expect(text).toContain('04-03-2026 kl. 16:00');
  });

  it('in an agenda, a system label naming the kind but not the committee is passed over for the opening after it', async () => {
    const agenda = `Sagssystem dagsorden visning\n\n${opening.replace('Referat til mødet', 'Dagsorden til mødet').replace(/\nBeslutning\n\nGodkendt\./, '')}`;
    const markup = importText(agenda).markup;
    expect(markup).toMatch(/^# DAGSORDEN /);
    const text = String((await exportReferat(markup, { format: 'text', edition: 'internal' })).data);
    expect(text.split('\n')[0]).toBe('Dagsorden til mødet i Teknisk Udvalg den 4. marts 2026 kl. 16:00 i Byrådssalen');
    expect(text).toContain('\nSagssystem dagsorden visning\n');
  });

  it('is not a line that names neither the kind nor the committee, and a system label is not the title', async () => {
    const labelled = `Sagssystem dagsorden visning\n\n${opening}`;
    const text = String((await exportReferat(importText(labelled).markup, { format: 'text', edition: 'internal' })).data);
    expect(text.split('\n')[0]).toBe('Referat til mødet i Teknisk Udvalg den 4. marts 2026 kl. 16:00 i Byrådssalen');
    expect(text).toContain('\nSagssystem dagsorden visning\n');
  });

  it('reads a date label without a colon (`Mødetidspunkt 04-03-2026 16:00`) as the Mødedato, written as it was', async () => {
    const bare = ['Referat af møde i Teknisk Udvalg', '', 'Mødetidspunkt 04-03-2026 16:00', '', opening.split('\n').slice(2).join('\n')].join('\n');
    const markup = importText(bare).markup;
    expect(markup).toContain('\nMødedato: 04-03-2026 16:00\n');
    const { meeting } = analyze(markup);
    expect([meeting.date?.year, meeting.date?.month, meeting.date?.day, meeting.date?.hour]).toEqual([2026, 3, 4, 16]);
  });
});
