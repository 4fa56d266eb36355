/**
 * Lines a web page or a flipbook ran together (invented minutes in two such shapes): a contents
 * heading run into its first entry, and this meeting's decision heading run into its text.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/engine.js';
import { importText } from '../../server/src/import/index.js';

const items = (markup: string) => analyze(markup).meeting.items.map((i) => ({ number: i.number, title: i.title, decided: !!i.decisionSection }));

describe('run-together lines', () => {
  it('a contents heading run into the first entry: the entry is the first item', () => {
    const text = [
      'Teknisk Udvalg - Referat',
      '',
      'Dato: 4. marts 2031',
      '',
      'Indholdsfortegnelse1. Meddelelser',
      '',
      'Sagsfremstilling',
      '',
      'Formanden orienterede om vejarbejdet.',
      '',
      'Beslutning',
      '',
      'Taget til efterretning.',
      '',
      '2. Budgetopfølgning',
      '',
      'Sagsfremstilling',
      '',
      'Forvaltningen gennemgik tallene.',
      '',
      'Beslutning',
      '',
      'Godkendt.',
    ].join('\n');
    expect(items(importText(text).markup)).toEqual([
      { number: '1', title: 'Meddelelser', decided: true },
      { number: '2', title: 'Budgetopfølgning', decided: true },
    ]);
  });

  it("this meeting's decision heading run into its text is the decision, another date's is not", () => {
    const text = [
      'Referat af Kulturudvalgets møde d. 04.03.2031',
      '',
      'Punkt 11: Godkendelse af dagsorden',
      '',
      '01.02.03-A00-1-31 Beslutning Kulturudvalget, 04.03.2031 Ida Holm var fraværende. Godkendt.',
      '',
      'Punkt 12: Tilskud til foreninger',
      '',
      '01.02.03-A00-2-31 Sagsfremstilling Kulturudvalget, 01.02.2031 drøftede sagen. Tilskuddet fordeles efter antal medlemmer.',
      '',
      'Beslutning Kulturudvalget, 04.03.2031 Godkendt.',
    ].join('\n');
    const markup = importText(text).markup;
    expect(items(markup)).toEqual([
      { number: '11', title: 'Godkendelse af dagsorden', decided: true },
      { number: '12', title: 'Tilskud til foreninger', decided: true },
    ]);
    expect(markup).toMatch(/### Beslutning Kulturudvalget, 04\.03\.2031\n\nIda Holm var fraværende\. Godkendt\./);
    // A committee and another date inside a sentence stay text.
    expect(markup).toContain('Kulturudvalget, 01.02.2031 drøftede sagen.');
  });

  it('an item number run into its title (`1.Title`, the space lost) heads the item; a decimal (`1.2`) does not', () => {
    const source = [
      'Udvalg: Plan- og Miljøudvalget',
      'Mødedato: 12-05-2026',
      'Mødested: Mødelokale 3',
      '',
      '1.Ny cykelsti langs Åvej (B)',
      'Sagsnummer: 26/3310',
      '',
      'Indstilling',
      'Forvaltningen indstiller, at projektet godkendes.',
      '',
      'Beslutning Plan- og Miljøudvalget den 12-05-2026',
      'Godkendt.',
      '',
      'Sagsfremstilling',
      'Stien forbinder skolen med 1.2 km eksisterende sti mod nord.',
      '',
      '2.Status på affaldsordningen (O)',
      'Sagsnummer: 26/1187',
      '',
      'Beslutning Plan- og Miljøudvalget den 12-05-2026',
      'Taget til efterretning.',
    ].join('\n');
    const { meeting, parse } = analyze(importText(source).markup);
    expect(parse.diagnostics).toEqual([]);
    expect(meeting.items.map((i) => [i.number, i.title, i.caseNumber?.text])).toEqual([
      ['1', 'Ny cykelsti langs Åvej (B)', '26/3310'],
      ['2', 'Status på affaldsordningen (O)', '26/1187'],
    ]);
  });

  it('a header run into one line with its contents list: kept, and its last field ends where the contents begin', () => {
    const source = [
      'Havneby Kommune Referat af møde i Havneudvalget Mødetidspunkt 02-05-2031 16:00 Mødeafholdelse Havnekontoret Tilstede: Anna Bak, Bo Holm, Carl Ravn og Dorte Sø Fraværende: Erik Lund (stedfortræder: Dorte Sø) Indholdsfortegnelse Havneudvalget 02-05-2031 16:00 1 (Åben) Godkendelse af dagsorden ........ 2 2 (Åben) Nye fortøjninger ........ 3',
    ].join('\n');
    const markup = importText(source).markup;
    const { meeting } = analyze(markup);
    // The header is kept, though its line ends in the contents' page column.
    expect(markup).toContain('\nHavneby Kommune Referat af møde i Havneudvalget\n');
    expect(meeting.place?.trim()).toBe('Havnekontoret');
    expect(meeting.afbud.map((n) => n.name)).toEqual(['Erik Lund']);
    expect(markup).toMatch(/^Afbud: Erik Lund \(stedfortræder: Dorte Sø\)$/m);
    expect(meeting.items.map((i) => [i.number, i.title])).toEqual([
      ['1', 'Godkendelse af dagsorden'],
      ['2', 'Nye fortøjninger'],
    ]);
  });

  it('a transcript that runs each page into one line: item headings inside it are split where a case number or a section follows the title', () => {
    const source = [
      'Teknikudvalget Referat Dato: 4. marts 2031 Mødested: Rådhuset Medlemmer: Ane Berg, Bo Dahl, Carl Eg Fraværende: Ingen',
      '',
      '3 Teknikudvalget 4. marts 2031 Side 3 1. Godkendelse af dagsorden Sagsnr.: 31/1001 Sagsfremstilling Dagsordenen er udsendt til medlemmerne. Indstilling Forvaltningen indstiller, at dagsordenen godkendes. Beslutning Godkendt. 2. Ny busrute til Havnen vedr. kajen Sagsnr.: 31/1002 Sagsfremstilling Trafikselskabet foreslår en ny rute langs kajen, se punkt 1. Beslutning Godkendt med den ændring, at ruten kører hver halve time.',
      '',
      '4 Teknikudvalget 4. marts 2031 Side 4 3. Salg af grund på Møllevej 12.03.04-G01-7-31 Sagsfremstilling Der er kommet to bud på grunden: 1. Et bud fra en nabo Bilag vedlagt. Forvaltningen anbefaler det højeste. Beslutning Sagen udsættes til næste møde.',
    ].join('\n');
    const { meeting, parse } = analyze(importText(source).markup);
    expect(parse.diagnostics).toEqual([]);
    expect(meeting.items.map((i) => [i.number, i.title, i.caseNumber?.text, i.decisionSection ? 'decided' : ''])).toEqual([
      ['1', 'Godkendelse af dagsorden', '31/1001', 'decided'],
      ['2', 'Ny busrute til Havnen vedr. kajen', '31/1002', 'decided'],
      ['3', 'Salg af grund på Møllevej', '12.03.04-G01-7-31', 'decided'],
    ]);
  });
});
