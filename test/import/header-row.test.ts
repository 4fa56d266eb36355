/**
 * Shapes of laid-out minutes met outside the corpus, in minutes of our own words: a meeting
 * header as a label row over a value row, and a case number the layout wrapped after its
 * separator.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/engine.js';
import { importText } from '../../server/src/import/index.js';
import { exportReferat } from '../../server/src/export/index.js';
import { parseConfig, resolveConfig } from '../../server/src/config/resolve.js';
import { restyleMarkup } from '../../server/src/import/style.js';
import { inferProfile } from '../../server/src/infer/profile.js';

const items = (markup: string) => analyze(markup).meeting.items.map((i) => [i.number, i.title, i.caseNumber?.text ?? null]);

const minutes = (header: string[], caseLines: string[]) =>
  [
    'Havneudvalget',
    '',
    'Referat',
    '',
    ...header,
    '',
    '1. Nye fortøjningspæle ved kaj fire',
    ...caseLines,
    'Sagsfremstilling',
    'Pælene ved kaj 4 er mørnede og skal skiftes inden vinteren.',
    'Beslutning i Havneudvalget den 4. december 2031',
    'Godkendt.',
    '2. Nyt bådeskur',
    'Sagsnr.: 31/2203',
    'Beslutning i Havneudvalget den 4. december 2031',
    'Udsat.',
  ].join('\n');

describe('laid-out header rows and wrapped case numbers', () => {
  it('a label row over a value row: each label takes its value (the date, the time, the rest)', () => {
    const { markup } = importText(minutes(['Dato Tid Sted', '4. december 2031 17.00 Mødelokale 2'], ['Sagsnr.: 31/2202']));
    expect(markup).toContain('Mødedato: 4. december 2031');
    expect(markup).toContain('Mødested: Mødelokale 2');
    expect(markup).toContain('17.00');
    expect(analyze(markup).meeting.date?.valid).toBe(true);
  });

  it('a value row that cannot be read so (two labels of free text) stays as written', () => {
    const { markup } = importText(minutes(['Sted Medlemmer', 'Mødelokale 2 Ib Kran, Åse Fjord'], ['Sagsnr.: 31/2202']));
    expect(markup).not.toContain('Medlemmer: Ib Kran');
    expect(markup).toContain('Mødelokale 2 Ib Kran, Åse Fjord');
  });

  it('a case number wrapped after its separator (`Sagsnr.: 31/` then `2202`) is one number', () => {
    const { markup } = importText(minutes(['Dato: 4. december 2031'], ['Sagsnr.: 31/', '2202']));
    expect(items(markup)).toEqual([
      ['1', 'Nye fortøjningspæle ved kaj fire', '31/2202'],
      ['2', 'Nyt bådeskur', '31/2203'],
    ]);
  });

  it('a contents heading with no entry under it (the page\'s script drew the list) is no contents list: the house style prints none', async () => {
    const text = minutes(['Dato: 4. december 2031', '', 'Indholdsfortegnelse'], ['Sagsnr.: 31/2202']);
    const r = importText(text);
    const config = resolveConfig(parseConfig(inferProfile([{ name: 'havn', source: text, markup: r.markup }], { name: 'hus' }).config));
    const out = (await exportReferat(restyleMarkup(r.markup, config, 'hus'), { format: 'text', edition: 'internal', config })).data as string;
    expect(out.match(/Indholdsfortegnelse/g)?.length).toBe(1);
  });
});
