/**
 * Shapes met in published minutes of kommuner outside the corpus, each in minutes of our own
 * words: a number and a colon before the title, a page's toolbar strung together, a header label
 * alone on its line over a page's footer, a transcript whose pages run into one line each with a
 * document number after the title.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/engine.js';
import { importText } from '../../server/src/import/index.js';
import { exportReferat } from '../../server/src/export/index.js';
import { parseConfig, resolveConfig } from '../../server/src/config/resolve.js';
import { restyleMarkup } from '../../server/src/import/style.js';
import { inferProfile } from '../../server/src/infer/profile.js';

const items = (markup: string) => analyze(markup).meeting.items.map((i) => [i.number, i.title, i.caseNumber?.text ?? null]);

describe('shapes from kommuner outside the corpus', () => {
  it('`1: Title` items, and a toolbar line `Kopier link til punktet - Print` dropped as furniture', () => {
    const text = [
      'Referat: 3. februar 2031 kl. 16:00',
      '',
      'Havneudvalget',
      '',
      'Kopier link til punktet  -   Print',
      '',
      '1: Godkendelse af dagsorden',
      '',
      'Beslutning',
      '',
      'Godkendt.',
      '',
      'Kopier link til punktet  -   Print',
      '',
      '2: Nye fortøjningspæle',
      '',
      'Sagsnr: 31/2202',
      '',
      'Sagsfremstilling',
      '',
      'Pælene ved kaj 4 er mørnede.',
      '',
      'Beslutning',
      '',
      'Godkendt.',
    ].join('\n');
    const r = importText(text);
    expect(items(r.markup)).toEqual([
      ['1', 'Godkendelse af dagsorden', null],
      ['2', 'Nye fortøjningspæle', '31/2202'],
    ]);
    expect(r.markup).not.toContain('Kopier link');
  });

  it('a label alone on its line takes the lines under it as its value, up to a date or a number (a page footer)', () => {
    const text = [
      'Skoleudvalget',
      'Mødedato:',
      '5. marts 2031',
      'Fraværende:',
      '5. marts 2031',
      '2',
      'Skoleudvalget',
      '1. Godkendelse af dagsorden',
      'Beslutning',
      'Godkendt.',
    ].join('\n');
    const { meeting } = analyze(importText(text).markup);
    expect(meeting.items.map((i) => i.title)).toEqual(['Godkendelse af dagsorden']);
    expect(importText(text).markup).not.toMatch(/^Afbud:/mu);
  });

  it('a transcript page run into one line, the title followed by a document number: `284. Title Dok.nr.: …`', () => {
    const text = [
      '1 Referat til Miljøudvalget Mødedato: Onsdag den 4. juni 2031 Mødested: Rådhuset',
      '',
      '3 41. Godkendelse af dagsorden Dok.nr.: 8812 Sagsid.: 31/400 Åben sag Beslutning Udvalget godkendte dagsordenen. Side 3',
      '',
      '4 42. Nyt vandløbsregulativ Dok.nr.',
    ].join('\n');
    const { markup } = importText(text);
    expect(items(markup).map(([n, t]) => [n, t])).toEqual([
      ['41', 'Godkendelse af dagsorden'],
      ['42', 'Nyt vandløbsregulativ'],
    ]);
    // The section name after the case's fields is a heading (a capitalised noun mid-line), and
    // the page numbers that opened the pages' lines (3, 4) are page furniture.
    expect(analyze(markup).meeting.items[0]!.decisionSection).toBeTruthy();
    expect(markup).not.toMatch(/^[34]$/mu);
  });

  it('a transcript whose item numbers were lost: the words each page opens with are its running header, the rest up to the case-number label the title', () => {
    const text = [
      '1 Havneudvalget Referat Dato 2. maj 2031 Mødetidspunkt 16:00 Sted Havnekontoret Medlemmer Ane Berg, Bo Dahl',
      '',
      '3 Holmby Kommune Dato Side Havneudvalget Godkendelse af dagsorden Sagsnr.: 31/ Sagen afgøres i: Havneudvalget Sagsfremstilling Dagsordenen er sendt ud. Indstilling Forvaltningen indstiller, at dagsordenen godkendes.',
      '',
      '4 Holmby Kommune Dato Side Havneudvalget Ny slæbested ved Sydkajen Sagsnr.: 31/ Sagen afgøres i: Havneudvalget Sagsfremstilling Sejlklubben ønsker et slæbested, og forvaltningen har fundet en plads.',
    ].join('\n');
    const { markup } = importText(text);
    expect(items(markup).map(([n, t]) => [n, t])).toEqual([
      ['1', 'Godkendelse af dagsorden'],
      ['2', 'Ny slæbested ved Sydkajen'],
    ]);
    expect(markup).not.toContain('Holmby Kommune Dato Side');
    expect(analyze(markup).meeting.items[1]!.sections.map((x) => x.displayName)).toContain('Sagsfremstilling');
  });

  it("a page's link text run into the heading is dropped; `1 : Title`; members as a list end where the list does; a date is no committee", () => {
    const text = [
      'Referat: 6. maj 2031 kl. 08:00',
      'Deltagere',
      '- Ane Berg',
      '- Bo Dahl',
      'Referat',
      '- Godkendelse af dagsorden',
      '- Ny legeplads',
      '1 : Godkendelse af dagsordenVis mere om Godkendelse af dagsorden',
      'BeslutningGodkendt.',
      '2 : Ny legepladsVis mere om Ny legeplads',
      'Sagsfremstilling',
      'Legepladsen ved skolen er slidt op.',
      'Beslutning',
      'Godkendt.',
    ].join('\n');
    const r = importText(text);
    expect(items(r.markup).map(([n, t]) => [n, t])).toEqual([
      ['1', 'Godkendelse af dagsorden'],
      ['2', 'Ny legeplads'],
    ]);
    expect(r.markup).not.toContain('Vis mere');
    expect(r.markup).toMatch(/^# REFERAT$/mu);
    expect((analyze(r.markup).meeting.members ?? []).map((m) => m.name)).toEqual(['Ane Berg', 'Bo Dahl']);
  });

  it('a header a crawler rendered as table cells: the bars are layout, a label and the value under it one field', () => {
    const text = [
      'Referat',
      'Dato: |',
      '03-09-2031 16:30:00 |',
      '---|---|',
      'Udvalg: |',
      'Skoleudvalget |',
      'Sted: |',
      'Mødelokale 2 |',
      'Sagsnr.: 00.01.00-A00-12-31',
      'Beslutning på udvalgsmødet den 3. september 2031',
      'Godkendt.',
    ].join('\n');
    const { markup } = importText(text);
    expect(markup).toMatch(/^# REFERAT Skoleudvalget$/mu);
    expect(markup).toContain('Mødedato: 03-09-2031 16:30:00');
    expect(markup).toContain('Mødested: Mødelokale 2');
    expect(markup).not.toContain('|');
    expect(items(markup)).toEqual([['1', '(uden titel)', '00.01.00-A00-12-31']]);
  });

  it('a contents line whose titles name no item found (numbers lost, the body cut before them) stays text', () => {
    const text = [
      'Havneudvalget',
      'Referat',
      'Indholdsfortegnelse Side 1. Godkendelse af dagsorden Nye fortøjningspæle ved kaj fire Salg af bådeskur til roklubben Eventuelt...9',
      '',
      '1. Godkendelse af dagsorden',
      '',
      'Beslutning',
      '',
      'Godkendt.',
    ].join('\n');
    const r = importText(text);
    expect(items(r.markup)).toEqual([['1', 'Godkendelse af dagsorden', null]]);
    expect(r.markup).toContain('Salg af bådeskur til roklubben');
  });

  it('`Sagnr.:` (the label without its s) is a case-number label', () => {
    const text = [
      'Referat af Havneudvalgets møde den 3. februar 2031',
      '',
      'Sagnr.: 1-22-33-4-31',
      '',
      '4. Nye fortøjningspæle',
      '',
      'Sagsfremstilling',
      '',
      'Pælene ved kaj 4 er mørnede.',
      '',
      'Beslutning',
      '',
      'Godkendt.',
      '',
      'Sagnr.: 1-22-33-5-31',
      '',
      '5. Nyt bådeskur',
      '',
      'Beslutning',
      '',
      'Godkendt.',
    ].join('\n');
    expect(items(importText(text).markup)).toEqual([
      ['4', 'Nye fortøjningspæle', '1-22-33-4-31'],
      ['5', 'Nyt bådeskur', '1-22-33-5-31'],
    ]);
  });

  it('a numbered list under an item, its points apart by blank lines, is the item\'s list to its end; `Dagsordenspunkt 1:` over the decision echoes the heading', () => {
    const text = [
      '1. Godkendelse af dagsorden',
      '',
      'Beslutning',
      '',
      'Dagsordenspunkt 1: Godkendelse af dagsorden',
      '',
      'Havneudvalgets beslutning i mødet den 3. februar 2031',
      '',
      'Deltagerne var:',
      '',
      '1. Formand Ib Kran (A)',
      '',
      '2. Åse Fjord (V)',
      '',
      '3. Bo Mole (C)',
      '',
      'Mødet blev holdt i pakhuset ved kajen, og dagsordenen blev herefter godkendt uden bemærkninger.',
    ].join('\n');
    expect(items(importText(text).markup)).toEqual([['1', 'Godkendelse af dagsorden', null]]);
  });

  it('a page\'s print block repeats the heading (`Pkt. 7` / its title) before the case number; a decision heading citing its item keeps `pkt. 7` in the house style', async () => {
    const text = [
      'Referat',
      '',
      'Dato: Mandag, Februar 3, 2031 - 16:00',
      '',
      ' • Pkt. 7 Nye fortøjningspæle',
      '',
      '  Tegning_kaj.pdf Tilbud_pæle.pdf',
      '',
      '  Pkt. 7',
      '',
      '  Nye fortøjningspæle',
      '',
      '  Sagsnr. 40711 Havneudvalget Åbent punkt',
      '',
      '  Sagsfremstilling',
      '',
      '  Pælene ved kaj 4 er mørnede.',
      '',
      '  Havneudvalget, 03-02-2031, pkt. 7',
      '',
      '  Godkendt.',
      '',
      ' • Pkt. 8 Nyt bådeskur',
      '',
      '  Pkt. 8',
      '',
      '  Nyt bådeskur',
      '',
      '  Sagsnr. 40712 Havneudvalget Åbent punkt',
      '',
      '  Havneudvalget, 03-02-2031, pkt. 8',
      '',
      '  Udsat.',
    ].join('\n');
    const r = importText(text);
    expect(items(r.markup)).toEqual([
      ['7', 'Nye fortøjningspæle', '40711'],
      ['8', 'Nyt bådeskur', '40712'],
    ]);
    const config = resolveConfig(parseConfig(inferProfile([{ name: 'havn', source: text, markup: r.markup }], { name: 'hus' }).config));
    const out = (await exportReferat(restyleMarkup(r.markup, config, 'hus'), { format: 'text', edition: 'internal', config })).data as string;
    expect(out).toContain('Havneudvalget, 03-02-2031, pkt. 7');
    expect(out).toContain('Havneudvalget, 03-02-2031, pkt. 8');
  });
});
