/**
 * A contents list whose cells stand one a line, as a PDF's text without its layout gives a
 * table: the entry's number, its title (a long one on two lines, a year alone on the second),
 * its page; a running footer (a date, a page number, the committee) between two entries.
 * Invented minutes, in our own words.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/engine.js';
import { importText } from '../../server/src/import/index.js';

const contents = [
  'Havneby Kommune – Byrådet',
  'Dagsorden',
  'Mødedato:',
  '12. marts 2031',
  'Mødelokale:',
  'Byrådssalen',
  'Indholdsfortegnelse',
  'Pkt.',
  'Tekst',
  'Side',
  '1',
  'Godkendelse af dagsorden',
  '3',
  '2',
  'Ny plan for vedligeholdelse af de kommunale veje og',
  'stier',
  '4',
  '3',
  'Regnskab for havnen',
  '2030',
  '6',
  '12. marts 2031',
  '2',
  'Havneby Kommune – Byrådet',
  '4',
  'Salg af grund',
  '8',
];

describe('a contents list of one cell a line', () => {
  it('names the items; where the text ends before them, they are the agenda’s items, title only', () => {
    const source = [...contents, '', '1. Godkendelse af dagsorden', 'Sagsnr.: 31/100', '', 'Sagsfremstilling', 'Dagsordenen er udsendt til byrådets medlemmer.'].join('\n');
    const markup = importText(source).markup;
    const { meeting, parse } = analyze(markup);
    expect(parse.diagnostics).toEqual([]);
    expect(meeting.items.map((i) => [i.number, i.title])).toEqual([
      ['1', 'Godkendelse af dagsorden'],
      ['2', 'Ny plan for vedligeholdelse af de kommunale veje og stier'],
      ['3', 'Regnskab for havnen 2030'],
      ['4', 'Salg af grund'],
    ]);
    // The contents' cells are not header notes (no `3`, `4` … paragraphs, no page column).
    const header = markup.slice(0, markup.indexOf('## '));
    expect(header).not.toMatch(/^\d{1,3}$/m);
    expect(header).not.toContain('Godkendelse af dagsorden');
  });

  it('in whole minutes, the contents entries are the body’s headings and are dropped, the body’s items kept', () => {
    const body = ['Godkendelse af dagsorden', 'Ny plan for vedligeholdelse af de kommunale veje og stier', 'Regnskab for havnen 2030', 'Salg af grund'].flatMap((t, k) => [
      '',
      `${k + 1}. ${t}`,
      `Sagsnr.: 31/10${k}`,
      '',
      'Sagsfremstilling',
      `Forvaltningen beskriver sagen om ${t.toLowerCase()}.`,
      '',
      'Beslutning',
      'Godkendt.',
    ]);
    const markup = importText([...contents, ...body].join('\n')).markup;
    const { meeting } = analyze(markup);
    expect(meeting.items.map((i) => [i.number, i.caseNumber?.text])).toEqual([
      ['1', '31/100'],
      ['2', '31/101'],
      ['3', '31/102'],
      ['4', '31/103'],
    ]);
    expect(meeting.items.every((i) => i.decisionSection)).toBe(true);
  });

  it('numbers that do not run on (a list of figures after a contents heading) are left as they are', () => {
    const figures = ['Indhold', '12', 'Antal ansøgninger', '40', '7', 'Bevilget', '3', '', '1. Orientering', 'Sagsnr.: 31/1', 'Beslutning', 'Taget til efterretning.'].join('\n');
    const markup = importText(figures).markup;
    expect(analyze(markup).meeting.items.map((i) => i.number)).toEqual(['1']);
    expect(markup).toContain('Antal ansøgninger');
    expect(markup).toContain('Bevilget');
  });
});
