/**
 * Shapes inside an item that the importer must not misread, in small invented minutes: a
 * numbered list whose numbers would continue the items', a flipbook's text that runs an item
 * into one paragraph, a one-item page without the meeting's date.
 */
import { describe, expect, it } from 'vitest';
import { analyze, lint } from '../../server/src/engine.js';
import { importText } from '../../server/src/import/index.js';

describe('a numbered list inside an item', () => {
  const minutes = (indent: string) =>
    [
      'Referat af møde i Vejudvalget',
      'Den 14.03.2023 kl. 15:00 i Mødelokale 3',
      '',
      '1.   Godkendelse af dagsorden',
      '',
      'Beslutning',
      '',
      'Godkendt.',
      '',
      '2.   Nye regler for vejarbejde om natten',
      '',
      'Indstilling',
      '',
      'Forvaltningen indstiller, at udvalget fastsætter disse vilkår for arbejde om natten:',
      '',
      `${indent}1. Arbejde med maskiner efter kl. 22 skal aftales med forvaltningen i hvert enkelt tilfælde, og forvaltningen afgør, om arbejdet larmer,`,
      `${indent}2. Entreprenøren skal varsle de nærmeste naboer skriftligt, senest en uge før arbejdet begynder, og oplyse et telefonnummer,`,
      `${indent}3. Entreprenøren sender en kort rapport om støjen til forvaltningen hver uge.`,
      `${indent}4. Der må ikke læsses materialer af om natten,`,
      '',
      'Beslutning',
      '',
      'Godkendt.',
      '',
      '3.   Orientering om vintertjenesten',
      '',
      'Beslutning',
      '',
      'Taget til efterretning.',
    ].join('\n');

  for (const [shape, indent] of [
    ['indented', '  '],
    ['flush left', ''],
  ] as const) {
    it(`is a list, not items, where its points follow one another (${shape}) and its 3 would continue the items`, () => {
      const r = importText(minutes(indent));
      const { meeting } = analyze(r.markup);
      expect(meeting.items.map((i) => [i.number, i.title])).toEqual([
        ['1', 'Godkendelse af dagsorden'],
        ['2', 'Nye regler for vejarbejde om natten'],
        ['3', 'Orientering om vintertjenesten'],
      ]);
      expect(r.markup).toMatch(/^3\. Entreprenøren sender/m);
      expect(r.markup).toMatch(/^4\. Der må ikke/m);
    });
  }

  it('a list cut off by the end of the text is still a list', () => {
    const cut = minutes('  ').split('\n').slice(0, 18).join('\n');
    const { meeting } = analyze(importText(cut).markup);
    expect(meeting.items.map((i) => i.number)).toEqual(['1', '2']);
  });
});

describe('a one-item page without the meeting header', () => {
  const page = (decision: string) =>
    [
      '4.     Fælles kantineordning                                              Åbent',
      '',
      'Sagsnr.: 440-2022-11873       J.nr.: 00.15.00',
      '',
      'Resume og sagens baggrund',
      '',
      'Udvalget drøfter en fælles ordning for kantinerne på rådhusene.',
      '',
      'Indstillinger',
      '',
      'Direktøren indstiller, at sagen drøftes.',
      '',
      decision,
      '',
      'Sagen blev drøftet, og der arbejdes videre med en model.',
    ].join('\n');

  it("takes the meeting's date and committee from its decision heading, and says so (guess, warning, comment)", () => {
    const r = importText(page('Samarbejdsudvalgets møde den 7. marts 2023:'));
    expect(r.markup).toMatch(/^# REFERAT Samarbejdsudvalget$/m);
    expect(r.markup).toMatch(/^Mødedato: 2023-03-07$/m);
    expect(r.markup).toContain('<!-- import: Mødedato read from the decision heading "Samarbejdsudvalgets møde den 7. marts 2023:"');
    expect(r.guesses.join('\n')).toContain('meeting date 2023-03-07 taken from the decision heading');
    expect(r.warnings.map((w) => [w.line, w.message.en])).toEqual([[13, expect.stringContaining('Mødedato 2023-03-07 is read from the decision heading')]]);
    const { meeting } = analyze(r.markup);
    expect(meeting.date).toMatchObject({ year: 2023, month: 3, day: 7 });
    expect(meeting.items[0]!.sections.find((s) => s.kind === 'beslutning')).toBeDefined();
  });

  it("a plain Beslutning and a heading citing another meeting's item date nothing; a date in the text is used, and said", () => {
    const r = importText(page('Beslutning').replace('Udvalget drøfter', 'Personaleudvalget, 2. marts 2023, pkt. 14:\n\nAnbefales.\n\nUdvalget drøfter på mødet den 9. marts 2023'));
    expect(r.markup).toMatch(/^Mødedato: 2023-03-09$/m);
    expect(r.markup).toContain('<!-- import: Mødedato read from the text "Udvalget drøfter på mødet den 9. marts 2023');
    expect(r.warnings).toHaveLength(1);
  });

  it('invents no date where no decision heading carries one', () => {
    const r = importText(page('Beslutning'));
    expect(r.markup).not.toMatch(/^Mødedato:/m);
    expect(r.warnings).toEqual([]);
    expect(r.guesses).toContain('no meeting date found: none in the opening, a decision heading or the first 40 lines');
  });
});

describe('a committee and a date under a section, then a plain Beslutning', () => {
  it('is the case schedule; the plain heading is the decision', () => {
    const text = [
      'Referat',
      'Mødedato: 12. september 2023',
      '',
      '41. Godkendelse af dagsorden',
      '',
      'Sagstema',
      '',
      'Dagsordenen for mødet skal godkendes.',
      '',
      'Høring og sagsgang',
      '',
      'Byrådet den 12. september 2023',
      '',
      'Indstilling',
      '',
      'Til godkendelse.',
      '',
      'Beslutning',
      '',
      'Godkendt.',
      '',
      '42. Trafikplan for bymidten',
      '',
      'Sagstema',
      '',
      'En ny plan for trafikken i bymidten.',
      '',
      'Beslutning',
      '',
      'Godkendt.',
    ].join('\n');
    const { meeting } = analyze(importText(text).markup);
    const first = meeting.items[0]!;
    expect(first.sections.map((s) => s.kind)).toContain('indstilling');
    const decision = first.sections.find((s) => s.kind === 'beslutning');
    expect(decision?.empty).toBe(false);
    // The decision comes after the Indstilling, as published.
    expect(first.sections.map((s) => s.kind).slice(-2)).toEqual(['indstilling', 'beslutning']);
  });
});

describe("a flipbook's text that runs each item into one paragraph", () => {
  const runOn = [
    'Referat af Udvalgets møde d. 03.05.2022',
    '',
    'Punkt 41: Godkendelse af dagsorden',
    '',
    '00.22.02-A00-4-22 Beslutning Miljøudvalget, 03.05.2022 Karen Vester var fraværende. Godkendt.',
    '',
    'Punkt 42: Ny affaldsordning for sommerhuse',
    '',
    '07.00.00-P20-2-22 Resume Kompetenceudvalg: Miljøudvalget En ordning for affald fra sommerhuse i hele kommunen forelægges. INDSTILLING Forvaltningen indstiller, at ordningen godkendes. Beslutning Miljøudvalget, 03.05.2022 Karen Vester var fraværende. Godkendt. Sagsfremstilling Ordningen er udarbejdet sammen med grundejerforeningerne, og der er en indstilling om at starte til sommer.',
  ].join('\n');

  it('splits the paragraph before each section name that opens it, follows a sentence or is in capitals', () => {
    const r = importText(runOn);
    const { meeting } = analyze(r.markup);
    // `Referat af Udvalgets møde`: the committee is Udvalget.
    expect(r.markup).toMatch(/^# REFERAT Udvalget$/m);
    const item = meeting.items.find((i) => i.number === '42')!;
    expect(item.caseNumber?.text).toBe('07.00.00-P20-2-22');
    expect(item.sections.map((s) => s.kind)).toEqual(['resume', 'indstilling', 'beslutning', 'sagsfremstilling']);
    // A labelled line right under a heading stays that section's text; a section word inside a sentence stays text.
    expect(r.markup).toMatch(/^Kompetenceudvalg: Miljøudvalget En ordning/m);
    expect(r.markup).toContain('og der er en indstilling om at starte til sommer.');
    expect(item.sections.every((s) => !s.empty)).toBe(true);
  });

  it('leaves a long paragraph alone where no decision heading was run into the text', () => {
    const text = [
      'Referat',
      'Mødedato: 3. maj 2022',
      '',
      '1. Ny affaldsordning',
      '',
      'Sagsfremstilling',
      '',
      'Ordningen er ny. Indstilling Forvaltningen har skrevet en lang tekst om ordningen, som her fylder mere end en linje i alt.',
      '',
      'Beslutning',
      '',
      'Vedtaget som indstillet.',
    ].join('\n');
    const kinds = analyze(importText(text).markup).meeting.items[0]!.sections.map((s) => s.kind);
    expect(kinds).toEqual(['sagsfremstilling', 'beslutning']);
  });
});

describe("a page that links each item's heading just before the item", () => {
  it('drops the link line, so the item before does not end in a numbered line, and titles the page before its dash', () => {
    const text = [
      'Teknikudvalget – Referat – 4. marts 2021',
      '',
      '1. Godkendelse af dagsorden',
      '',
      '1.     Godkendelse af dagsorden',
      '',
      'Sagsnr.: 21/310',
      'Indstilling',
      'Direktøren indstiller,',
      '1.    at dagsordenen godkendes',
      'Beslutning i Teknikudvalget den 4. marts 2021:',
      'Godkendt.',
      '',
      '2. Nye bænke ved søen',
      '',
      '2.     Nye bænke ved søen',
      '',
      'Sagsnr.: 21/311',
      'Indstilling',
      'Direktøren indstiller,',
      '1.    at bænkene købes',
      'Beslutning i Teknikudvalget den 4. marts 2021:',
      'Godkendt.',
    ].join('\n');
    const r = importText(text);
    expect(r.markup).toMatch(/^# REFERAT Teknikudvalget$/m);
    expect(r.markup.match(/Nye bænke ved søen/g)).toHaveLength(1);
    const found = lint(r.markup).findings.filter((f) => f.severity === 'error');
    expect(found.map((f) => f.ruleId)).toEqual([]);
  });
});

describe("the meeting's committee", () => {
  it("is the one this meeting's decision headings name, where the page's first line is no committee", () => {
    const text = [
      'Mødeoversigt',
      '',
      'Udvalg Dato Type',
      'Byrådet 21-05-2019 17:00 Referat',
      '',
      'Punkt 88 Trafikplan',
      '  • Resumé',
      '',
      '    Planen for trafikken i byen.',
      '',
      '  • Beslutning i Kulturudvalget den 02-05-2019',
      '',
      '    Anbefales.',
      '',
      '  • Beslutning i Byrådet den 21-05-2019',
      '',
      '    Godkendt.',
      '',
      'Punkt 89 Nye bænke',
      '  • Beslutning i Byrådet den 21-05-2019',
      '',
      '    Godkendt.',
    ].join('\n');
    const r = importText(text);
    expect(r.markup).toMatch(/^# REFERAT Byrådet$/m);
    // Only this meeting's decision is the item's Beslutning; the Kulturudvalget's stays in the item.
    expect(r.markup).toMatch(/^### Beslutning i Byrådet den 21-05-2019$/m);
    expect(r.markup).toMatch(/^#### Beslutning i Kulturudvalget den 02-05-2019$/m);
  });
});

describe('the title line', () => {
  const titleOf = (opening: string[]) =>
    importText([...opening, '', '1. Godkendelse af dagsorden', '', 'Beslutning', '', 'Godkendt.', '', '2. Vejene', '', 'Beslutning', '', 'Godkendt.'].join('\n')).markup.split('\n')[0];
  it('names the committee whose meeting it is, wherever the line says so, and not a weekday', () => {
    expect(titleOf(['Referat', 'til', 'mødet i Vejudvalget', 'den 3. maj 2022 kl. 16:00'])).toBe('# REFERAT Vejudvalget');
    expect(titleOf(['Mødevisning', 'Referat til mødet i Udvalget for Natur og Miljø den 3. maj 2022 kl. 16:00'])).toBe('# REFERAT Udvalget for Natur og Miljø');
    expect(titleOf(['Referat', 'Vejudvalget tirsdag den 3. maj 2022 kl. 16.00'])).toBe('# REFERAT Vejudvalget');
    expect(titleOf(['Referat for Vejudvalget møde den 3. maj 2022'])).toBe('# REFERAT Vejudvalget');
  });
});

describe('an item number run into its title', () => {
  const text = [
    'Vejudvalgets møde den 9. maj 2023',
    '',
    'Referat',
    '',
    '51Godkendelse af dagsorden',
    '',
    'Beslutning',
    '',
    'Godkendt',
    '',
    '52Nye p-pladser ved stationen',
    '',
    'Indstilling',
    '',
    'Forvaltningen indstiller, at udvalget:',
    '',
    '  1. godkender, at der anlægges 40 nye p-pladser ved stationen, som beskrevet i sagen og i tegningerne fra rådgiveren',
    '  2. godkender, at anlægget finansieres af puljen til trafikprojekter i 2023, og at resten overføres til næste år',
    '  3. beder forvaltningen om at orientere naboerne om arbejdet, før det begynder, og om de ændrede adgangsforhold',
    '',
    'Beslutning',
    '',
    'Godkendt',
  ].join('\n');

  it('is an item heading (`51Godkendelse …`), and the numbered list under it stays a list', () => {
    const r = importText(text);
    const { meeting } = analyze(r.markup);
    expect(meeting.items.map((i) => [i.number, i.title])).toEqual([
      ['51', 'Godkendelse af dagsorden'],
      ['52', 'Nye p-pladser ved stationen'],
    ]);
    expect(r.markup).toMatch(/^1\. godkender, at der anlægges/m);
  });
});

describe('the item number on the line under the title', () => {
  const text = [
    'Byrådet',
    '',
    '12-03-2024',
    '',
    'Sager 41 - 42',
    '',
    'Borgernes spørgetid',
    'Sag nr. 41',
    '',
    'Sagens kerne',
    '',
    'Borgerne kan stille spørgsmål til byrådet.',
    '',
    'Beslutning',
    '',
    'Der blev stillet to spørgsmål.',
    '',
    'Ny skolesti ved Engvej',
    'Sag nr. 42',
    '',
    'Sagens kerne',
    '',
    'En sti gør skolevejen mere sikker.',
    '',
    'Beslutning',
    '',
    'Godkendt.',
  ].join('\n');

  it('is the item heading: number and title, the number line gone, "Sagens kerne" a summary', () => {
    const r = importText(text);
    const { meeting } = analyze(r.markup);
    expect(meeting.items.map((i) => [i.number, i.title])).toEqual([
      ['41', 'Borgernes spørgetid'],
      ['42', 'Ny skolesti ved Engvej'],
    ]);
    expect(r.markup).not.toMatch(/^Sag nr\./m);
    expect(meeting.items[1]!.sections.map((s) => s.kind)).toEqual(['resume', 'beslutning']);
  });
});
