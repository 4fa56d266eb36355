/**
 * `referat profile infer` learns whether the house prints a table of contents (the profile's
 * `contents`): from the opening of each document, before its first item. Invented minutes.
 */
import { describe, expect, it } from 'vitest';
import { importText } from '../../server/src/import/index.js';
import { inferProfile } from '../../server/src/infer/profile.js';

const item = (n: number, title: string) =>
  [`${n}. ${title}`, `Sagsnr.: 26/${100 + n}`, '', 'Sagsfremstilling', '', `Forvaltningen beskriver sagen om ${title.toLowerCase()}.`, '', 'Beslutning', '', 'Godkendt.', ''];
const titles = ['Godkendelse af dagsorden', 'Vejbelysning på Skovvej', 'Ny legeplads ved skolen'];
const head = ['Referat', 'Teknisk Udvalg', 'Mødedato: 4. marts 2026', ''];
const withContents = [...head, 'Indholdsfortegnelse', ...titles.map((t, i) => `${i + 1}. ${t}`), '', ...titles.flatMap((t, i) => item(i + 1, t))].join('\n');
const without = [...head, ...titles.flatMap((t, i) => item(i + 1, t))].join('\n');

const infer = (...sources: string[]) => inferProfile(sources.map((source, i) => ({ name: `${i}.txt`, source, markup: importText(source).markup })));

describe('inferring the contents list', () => {
  it('a contents list before the items: contents true', () => {
    const r = infer(withContents);
    expect(r.profile.contents).toBe(true);
    expect(r.report.find((l) => l.key === 'contents')!.en).toBe('table of contents: printed (1 of 1 documents agree)');
  });

  it('the items straight after the header: contents false', () => {
    const r = infer(without, without.replace(/2026/g, '2025'));
    expect(r.profile.contents).toBe(false);
    expect(r.report.find((l) => l.key === 'contents')!.en).toBe('table of contents: none (2 of 2 documents agree)');
  });

  it('.referat files say nothing about it: the markup\'s default, a contents list', () => {
    const markup = importText(without).markup;
    expect(inferProfile([{ name: 'a.referat', markup }]).profile.contents).toBe(true);
  });
});

describe('an item title that names a meeting and its date', () => {
  it('is no decision heading (`Godkendelse af dagsorden til mødet den 4. marts 2026`)', () => {
    const titled = (n: number, title: string, decision: string) => [`${n}. ${title}`, '', title, '', 'Indstilling', '', 'Forvaltningen indstiller, at sagen godkendes.', '', decision, '', 'Godkendt.', ''];
    const source = [
      ...head,
      ...titled(1, 'Godkendelse af dagsorden til mødet den 4. marts 2026', 'Beslutning i Teknisk Udvalg den 04-03-2026'),
      ...titled(2, 'Meddelelser til mødet den 4. marts 2026', 'Beslutning'),
    ].join('\n');
    const r = infer(source);
    expect([r.profile.decisionHeading, r.profile.dateFormat]).toEqual(['Beslutning i {committee} den {date}', 'dd-mm-yyyy']);
  });
});

describe('item headings with a word and a dash', () => {
  it('reads `Nr.41 - Title` as "Nr.{n} - {title}", numbering through the year where the first number is high', () => {
    const source = [
      'Referat',
      'Byrådet',
      'Mødedato: 5. oktober 2026',
      '',
      ...[141, 142].flatMap((n) => [`Nr.${n} - Sag nummer ${n} om skolerne`, '', `Sagsnr.: 26/${n}0`, '', 'Sagsfremstilling', '', 'Forvaltningen beskriver sagen.', '', 'Beslutning i Byrådet den 05-10-2026', '', 'Godkendt.', '']),
    ].join('\n');
    const r = infer(source);
    expect(r.profile.itemHeading).toBe('Nr.{n} - {title}');
    expect(r.profile.numbering!.scheme).not.toBe('per-meeting');
  });
});

describe('header labels of a header whose line breaks were lost', () => {
  it('are read label by label (`… Mødeafholdelse Rådssalen Tilstede: A, B Fraværende: C`)', () => {
    const header = 'BYEN KOMMUNE Referat af møde i Byrådet Mødetidspunkt 04-03-2026 18:00 Mødeafholdelse Rådssalen Tilstede: Anne Holm, Bo Ibsen, Carl Dam, Dorte Eng, Erik Falk og Gitte Hald Fraværende: Ib Jensen';
    const source = [header, '', ...titles.flatMap((t, i) => item(i + 1, t))].join('\n');
    const labels = infer(source).profile.header!.map((h) => `${h.field}=${h.label}`);
    expect(labels).toEqual(expect.arrayContaining(['moedested=Mødeafholdelse', 'moededeltagere=Tilstede']));
  });
});

describe('the item heading of a text that is its contents only', () => {
  it('is the form the contents entries give the items (`1 (Åben) Title`), said as such', () => {
    const source = 'HAVNEBY KOMMUNE Referat af møde i Havneudvalget Mødetidspunkt 02-05-2031 16:00 Mødeafholdelse Havnekontoret Indholdsfortegnelse 1 (Åben) Godkendelse af dagsorden ........ 2 2 (Åben) Nye fortøjninger ved kajen ........ 3 3 (Lukket) Salg af areal ........ 5';
    const r = inferProfile([{ name: 'havn.txt', source, markup: importText(source).markup }]);
    expect(r.profile.itemHeading).toBe('{n} ({status}) {title}');
    expect(r.report.find((l) => l.key === 'itemHeading')!.en).toBe('item heading: "{n} ({status}) {title}", as the table of contents writes the items (no heading is visible in the text)');
  });

  it('is not taken from the contents where the body shows the headings', () => {
    const r = infer(withContents);
    expect(r.profile.itemHeading).toBe('{n}. {title}');
  });
});
