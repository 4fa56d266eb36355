/**
 * The structural recogniser on minutes in house styles of our own invention (no kommune's
 * text): item headings found by a form that repeats with rising numbers, a table of contents
 * dropped, items without titles, decision chains, run-in headings and page furniture.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/engine.js';
import { importText } from '../../server/src/import/index.js';

function items(markup: string) {
  return analyze(markup).meeting.items.map((i) => ({ number: i.number, title: i.title, caseNumber: i.caseNumber?.text, closed: i.closed }));
}

describe('minutes in other house styles', () => {
  it('finds "Punkt N Title" items, drops the table of contents and page furniture, keeps the numbered proposals', () => {
    const text = [
      'Vejudvalget - 04-03-2031',
      'Referat',
      'Indholdsfortegnelse',
      'Punkt 41 Ny cykelsti ved åen ........ 2',
      'Punkt 42 Salg af grund (Lukket) ........ 3',
      'Side 1 af 3',
      'Punkt 41 Ny cykelsti ved åen',
      'Sagsnr.: 05.01.02-P20-7-30',
      'Sagsbeskrivelse:',
      'Stien skal gå langs vandet.',
      'Indstillinger',
      'Direktøren indstiller,',
      '1. at stien anlægges.',
      '2. at udgiften afholdes af puljen.',
      'Beslutning i Vejudvalget den 04-03-2031',
      'Godkendt.',
      'Til toppen',
      'Punkt 42 Salg af grund (Lukket)',
    ].join('\n');
    const r = importText(text);
    expect(items(r.markup)).toEqual([
      { number: '41', title: 'Ny cykelsti ved åen', caseNumber: '05.01.02-P20-7-30', closed: false },
      { number: '42', title: 'Salg af grund (Lukket)', caseNumber: undefined, closed: true },
    ]);
    expect(r.markup).not.toContain('........');
    expect(r.markup).not.toMatch(/Side 1 af 3|Til toppen/);
    expect(r.furnitureDropped).toBe(2);
    expect(r.markup).toContain('### Beslutning i Vejudvalget den 04-03-2031\n\nGodkendt.');
    expect(r.markup).toContain('1. at stien anlægges.\n2. at udgiften afholdes af puljen.');
    expect(analyze(r.markup).parse.diagnostics).toEqual([]);
  });

  it('reads "183.   Title" items with a plain Beslutning and a run-in heading', () => {
    const text = ['Referat af møde i Havneudvalget', 'Den 02.05.2031 kl. 09:00', '', '183.   Godkendelse af dagsorden', '', 'BeslutningGodkendt.', '', '184.   Havnens budget', '', 'Indstilling', 'at budgettet godkendes.', '', 'Beslutning', 'Godkendt.'].join('\n');
    const r = importText(text);
    expect(items(r.markup).map((i) => [i.number, i.title])).toEqual([
      ['183', 'Godkendelse af dagsorden'],
      ['184', 'Havnens budget'],
    ]);
    expect(r.markup).toMatch(/### Beslutning\n\nGodkendt\./);
    expect(analyze(r.markup).meeting.items.every((i) => i.sections.some((s) => s.kind === 'beslutning'))).toBe(true);
  });

  it('keeps an earlier committee\'s decision in the item and makes this meeting\'s the Beslutning', () => {
    const text = [
      'Referat', 'Byrådet', 'Mødedato: 20. juni 2031', '',
      '7. Skolens tilbygning', 'Sagsnr.: 31/4455', 'Indstilling', 'at tilbygningen godkendes.',
      'Beslutning Skoleudvalget den 02-06-2031', 'Anbefalet.',
      'Beslutning Byrådet den 20-06-2031', 'Godkendt.',
      '8. Næste sag', 'Beslutning Byrådet den 20-06-2031', 'Godkendt.',
    ].join('\n');
    const r = importText(text);
    const a = analyze(r.markup);
    expect(a.meeting.items).toHaveLength(2);
    expect(r.markup).toContain('#### Beslutning Skoleudvalget den 02-06-2031\n\nAnbefalet.');
    expect(r.markup).toContain('### Beslutning Byrådet den 20-06-2031\n\nGodkendt.');
  });

  it('starts untitled items at their case-number lines and numbers them by place, saying so', () => {
    const text = ['Referat', 'Udvalg: Miljøudvalget', 'Mødedato: 3. marts 2031', 'Sagsnr.: 31/100', 'Sagsfremstilling', 'Første sag.', 'Beslutning', 'Godkendt.', 'Sagsnr.: 31/101', 'Sagsfremstilling', 'Anden sag.', 'Beslutning', 'Taget til efterretning.'].join('\n');
    const r = importText(text);
    expect(items(r.markup).map((i) => [i.number, i.caseNumber])).toEqual([
      ['1', '31/100'],
      ['2', '31/101'],
    ]);
    expect(r.guesses.join(' ')).toMatch(/without a title/);
    expect(r.markup).toMatch(/^# REFERAT Miljøudvalget/);
  });

  it('takes the items from a table of contents when the text ends in it, dropping the page column', () => {
    const text = [
      'Referat', 'Havneudvalget', 'Mødetidspunkt: 14-05-2031 10:00', '', 'Indholdsfortegnelse', '',
      '1 (Åben) Ny bådebro ved molen ........................ 3',
      '2 (Åben) Takster for 2032 ......... 5',
      '3 (Lukket) Salg af pakhus ......... 8',
    ].join('\n');
    const r = importText(text);
    expect(items(r.markup)).toEqual([
      { number: '1', title: 'Ny bådebro ved molen', caseNumber: undefined, closed: false },
      { number: '2', title: 'Takster for 2032', caseNumber: undefined, closed: false },
      { number: '3', title: 'Salg af pakhus', caseNumber: undefined, closed: true },
    ]);
    expect(r.guesses.join(' ')).toMatch(/table of contents/);
    expect(r.furnitureDropped).toBe(3);
  });

  it('reads a table of contents whose line breaks are lost and whose columns are interleaved', () => {
    const text =
      'Skoleudvalget Referat 2. februar 2031 Indholdsfortegnelse Pkt. Tekst Side ' +
      '1 Nyt tag på hallen (Beslutning) 4 2 Budget 2032 for skolerne (Beslutning) 7 ' +
      'Udvidelse af skolebussens rute til de nye boligområder ved 3 9 (Beslutning) 4 Lukning af svømmehal (Orientering) 12';
    const r = importText(text);
    expect(items(r.markup).map((i) => [i.number, i.title])).toEqual([
      ['1', 'Nyt tag på hallen (Beslutning)'],
      ['2', 'Budget 2032 for skolerne (Beslutning)'],
      ['3', 'Udvidelse af skolebussens rute til de nye boligområder ved (Beslutning)'],
      ['4', 'Lukning af svømmehal (Orientering)'],
    ]);
    // An entry's case type stays in the entry, as written: no section is made of it.
    expect(r.markup).not.toContain('### Sagstype');
  });

  it('never takes a table of contents for the items when the body has them', () => {
    const text = [
      'Referat', 'Havneudvalget', 'Mødedato: 14-05-2031', 'Indholdsfortegnelse',
      '1. Ny bådebro ........ 2', '2. Takster ........ 3',
      '1. Ny bådebro', 'Sagsfremstilling', 'Broen er gammel og skal skiftes ud, siger havnefogeden.', 'Beslutning', 'Godkendt.',
      '2. Takster', 'Sagsfremstilling', 'Taksterne stiger med prisudviklingen i det kommende år.', 'Beslutning', 'Godkendt.',
    ].join('\n');
    const r = importText(text);
    expect(items(r.markup).map((i) => i.title)).toEqual(['Ny bådebro', 'Takster']);
    expect(r.guesses.join(' ')).not.toMatch(/table of contents/);
  });

  it('keeps a repeated "…sag:" case-type prefix out of the title, as the item\'s Sagstype', () => {
    const text = [
      'Referat', 'Vejudvalget', 'Mødedato: 04-03-2031',
      'Punkt 1 Beslutningssag: Ny rundkørsel', 'Sagsfremstilling', 'Krydset er farligt for cyklister om morgenen.', 'Beslutning i Vejudvalget den 04-03-2031', 'Godkendt.',
      'Punkt 2 Orienteringssag: Vejarbejde i sommer', 'Sagsfremstilling', 'Arbejdet varer seks uger i alt.', 'Beslutning i Vejudvalget den 04-03-2031', 'Taget til efterretning.',
    ].join('\n');
    const r = importText(text);
    expect(items(r.markup).map((i) => i.title)).toEqual(['Ny rundkørsel', 'Vejarbejde i sommer']);
    expect(r.markup).toContain('### Sagstype\n\nBeslutningssag');
  });

  it('without titles or case numbers, ends each item at its decision (a decision chain stays in one item)', () => {
    const text = [
      'Referat', 'Miljøudvalget', 'Mødedato: 3. marts 2031',
      'Beslutningstema', 'Ny plan for grønne tage.', 'Sagsfremstilling', 'Planen er klar til politisk behandling.',
      'Beslutning i Teknikudvalget den 01-02-2031', 'Anbefalet.', 'Beslutning i Miljøudvalget den 03-03-2031', 'Godkendt.', 'Bilag', 'Planen.pdf',
      'Beslutningstema', 'Vandløb.', 'Indstilling', 'at sagen tages til efterretning.', 'Beslutning', 'Taget til efterretning.',
    ].join('\n');
    const r = importText(text);
    expect(items(r.markup).map((i) => i.number)).toEqual(['1', '2']);
    expect(r.markup).toContain('#### Beslutning i Teknikudvalget den 01-02-2031');
  });

  it('joins the lines the layout wrapped and keeps the lines the author broke', () => {
    // A text wrapped at about 60 characters, as a PDF's text is.
    const text = [
      'Referat', 'Teknikudvalget', 'Mødedato: 12-09-2031', '',
      '1. Ansøgning om tilladelse til at bygge en ny bådehal ved den gamle',
      'Havnekaj',
      'Sagsnr.: 31/2001',
      'Sagsfremstilling',
      'Havnen har siden midten af forrige århundrede haft en bådehal fra',
      '1990. Hallen er nu for lille, og foreningen ønsker at bygge en ny',
      'hal på den gamle plads ved kajen, hvor der er plads til flere både.',
      'Foreningen har sendt tegninger.',
      'Der er to muligheder:',
      '- en hal i træ, som falder godt ind i området ved havnen og kajen',
      'langs vandet',
      '- en hal i stål.',
      'Beslutning',
      'Godkendt med den ændring, at hallen bygges i træ som foreslået af',
      'foreningen. Udvalget ønsker at se de endelige tegninger inden byggeriet.',
      '2. Nyt fortov langs skolevejen i den nordlige del af byen ved søen',
      'Sagsnr.: 31/2002',
      'Sagsfremstilling',
      'Fortovet er smalt og i dårlig stand efter mange års brug af skolebørn.',
      'Beslutning',
      'Godkendt.',
    ].join('\n');
    const r = importText(text);
    expect(items(r.markup).map((i) => [i.number, i.title])).toEqual([
      ['1', 'Ansøgning om tilladelse til at bygge en ny bådehal ved den gamle Havnekaj'],
      ['2', 'Nyt fortov langs skolevejen i den nordlige del af byen ved søen'],
    ]);
    expect(r.markup).toContain('bådehal fra 1990. Hallen er nu for lille, og foreningen ønsker at bygge en ny hal på den gamle plads');
    expect(r.markup).toContain('\nForeningen har sendt tegninger.\n');
    expect(r.markup).toContain('- en hal i træ, som falder godt ind i området ved havnen og kajen langs vandet\n');
    expect(r.markup).toContain('som foreslået af foreningen. Udvalget');
  });

  it('imports an agenda (no decisions yet) as a DAGSORDEN, and minutes that say Dagsorden and Referat as a REFERAT', () => {
    const agenda = [
      'Dagsorden for Kulturudvalget', 'Mødedato: 02-10-2031',
      '1. Godkendelse af dagsorden', 'Sagsfremstilling', 'Dagsordenen forelægges til godkendelse af udvalget.', 'Beslutning',
      '2. Nyt bibliotek i Nordby', 'Sagsfremstilling', 'Byen har ønsket et bibliotek i mange år, og nu er der penge.', 'Beslutning',
    ].join('\n');
    const a = importText(agenda);
    expect(a.markup).toMatch(/^# DAGSORDEN Kulturudvalget\n/);
    expect(analyze(a.markup).parse.diagnostics).toEqual([]);
    const minutes = agenda.replace('Dagsorden for Kulturudvalget', 'Dagsorden\nReferat for Kulturudvalget').replace(/Beslutning$/m, 'Beslutning\nGodkendt.');
    expect(importText(minutes).markup).toMatch(/^# REFERAT Kulturudvalget\n/);
    const decided = agenda.replace(/Beslutning$/m, 'Beslutning\nGodkendt.');
    expect(importText(decided).markup).toMatch(/^# REFERAT /);
  });

  it('names untitled items from the table of contents before them, in order', () => {
    const text = [
      'Referat', 'Udvalg: Miljøudvalget', 'Mødedato: 3. marts 2031', 'Indholdsfortegnelse',
      '1 (Åben) Plan for grønne tage ........ 2', '2 (Lukket) Køb af grund ........ 3',
      'Sagsnr.: 31/100', 'Sagsfremstilling', 'Første sag om tagene i byen.', 'Beslutning', 'Godkendt.',
      'Sagsnr.: 31/101', 'Sagsfremstilling', 'Anden sag.',
    ].join('\n');
    const r = importText(text);
    expect(items(r.markup)).toEqual([
      { number: '1', title: 'Plan for grønne tage', caseNumber: '31/100', closed: false },
      { number: '2', title: 'Køb af grund', caseNumber: '31/101', closed: true },
    ]);
    expect(r.guesses.join(' ')).toMatch(/taken from the table of contents/);
  });

  it('of two decisions dated this meeting, makes the one naming this meeting\'s committee the Beslutning', () => {
    const text = [
      'Referat for Byrådet', 'Mødedato: 20. juni 2031', '',
      '7. Skolens tilbygning', 'Sagsnr.: 31/4455', 'Indstilling', 'at tilbygningen godkendes.',
      'Beslutning Byrådet den 20-06-2031', 'Godkendt.',
      'Beslutning Økonomiudvalget den 20-06-2031', 'Anbefalet samme dag, før byrådets møde.',
    ].join('\n');
    const r = importText(text);
    expect(r.markup).toContain('### Beslutning Byrådet den 20-06-2031\n\nGodkendt.');
    expect(r.markup).toContain('#### Beslutning Økonomiudvalget den 20-06-2031');
  });

  it('does not take a numbered list inside an item for items, nor a closed item\'s case number for the next item\'s', () => {
    const text = [
      'Referat', 'Udvalg: Havneudvalget', 'Mødedato: 2. maj 2031', '',
      '41. Godkendelse af dagsorden', '', '12.00.00-P35-1-31', '', 'Beslutning', 'Godkendt.',
      '42. Ny strategi for havnen', '', '12.00.00-P35-2-31', '', 'Sagsfremstilling', 'Strategien har fire spor:',
      '1. Fiskeri', 'Fiskerne skal have bedre kajer, og auktionen skal flyttes til den nye hal ved kajen i syd.',
      '2. Turisme', 'Flere lystbåde skal kunne ligge i havnen om sommeren, og der skal bygges nye toiletter.',
      '3. Erhverv', 'Virksomheder skal kunne leje pladser på den gamle kaj, hvor der nu står tomme skure.',
      'Beslutning', 'Godkendt.',
      '43. Lukket', '', '12.00.00-G01-3-31', '',
      '44. Havnens økonomi', '', '12.00.00-S00-4-31', '', 'Sagsfremstilling', 'Regnskabet viser et lille overskud.', 'Beslutning', 'Taget til efterretning.',
    ].join('\n');
    const r = importText(text);
    expect(items(r.markup)).toEqual([
      { number: '41', title: 'Godkendelse af dagsorden', caseNumber: '12.00.00-P35-1-31', closed: false },
      { number: '42', title: 'Ny strategi for havnen', caseNumber: '12.00.00-P35-2-31', closed: false },
      { number: '43', title: 'Lukket', caseNumber: '12.00.00-G01-3-31', closed: true },
      { number: '44', title: 'Havnens økonomi', caseNumber: '12.00.00-S00-4-31', closed: false },
    ]);
  });

  it('reads a table of contents whose numbers run on through the year, with one skipped', () => {
    const text = [
      'Referat', 'Havneudvalget', 'Mødedato: 14-05-2031', 'Side 2 af 9', 'Indholdsfortegnelse',
      '126 Ny bådebro ved molen ........ 3', '127 Takster for 2032 ........ 5', '129 Vinterlukning af havnen ........ 6',
    ].join('\n');
    const r = importText(text);
    expect(items(r.markup).map((i) => [i.number, i.title])).toEqual([
      ['126', 'Ny bådebro ved molen'],
      ['127', 'Takster for 2032'],
      ['129', 'Vinterlukning af havnen'],
    ]);
  });

  it('keeps an attachment named like a section in the Bilag list', () => {
    const text = [
      'Referat', 'Udvalg: Havneudvalget', 'Mødedato: 2. maj 2031',
      'Punkt 3 Ny kaj', 'Sagsfremstilling', 'Kajen er slidt op efter mange års brug.', 'Bilag', '• Indstilling', '• Tegning af kajen.pdf',
      'Beslutning i Havneudvalget den 02-05-2031', 'Godkendt.',
    ].join('\n');
    const r = importText(text);
    expect(r.markup).toContain('### Bilag\n\n- Indstilling\n- Tegning af kajen.pdf');
    expect(r.markup).toContain('### Beslutning i Havneudvalget den 02-05-2031');
  });

  it('reads a plural "Beslutninger" heading as the item\'s decision', () => {
    const text = ['Referat', 'Udvalg: Havneudvalget', 'Mødedato: 2. maj 2031', 'Punkt 3 Ny kaj', 'Sagsfremstilling', 'Kajen er slidt.', 'Beslutninger', 'Godkendt.'].join('\n');
    const a = analyze(importText(text).markup);
    expect(a.meeting.items[0]!.sections.map((s) => s.kind)).toContain('beslutning');
  });

  it('cuts a header whose line breaks were lost before each of its labels', () => {
    const text = [
      'Havneby Kommune Referat af møde i Havneudvalget Mødetidspunkt 02-05-2031 16:00 Mødeafholdelse Havnekontoret Tilstede: Anna Bak, Bo Holm, Carl Ravn og Dorte Sø Fraværende: Erik Lund',
      'Punkt 3 Ny kaj', 'Sagsfremstilling', 'Kajen er slidt op efter mange års brug.', 'Beslutning i Havneudvalget den 02-05-2031', 'Godkendt.',
    ].join('\n');
    const r = importText(text);
    expect(r.markup).toMatch(/^# REFERAT Havneudvalget\n/);
    expect(r.markup).toContain('\nMødedeltagere: Anna Bak, Bo Holm, Carl Ravn og Dorte Sø\n');
    expect(r.markup).toContain('\nAfbud: Erik Lund\n');
    expect(r.markup).toContain('\nMødested: Havnekontoret\n');
    expect(r.markup).toContain('\nHavneby Kommune Referat af møde i Havneudvalget\n');
  });

  it('reads a case system\'s prefixed case number, bare or after a label of any spelling', () => {
    const text = [
      'Referat', 'Udvalg: Havneudvalget', 'Mødedato: 2. maj 2031',
      '1. Ny kaj', 'XYZ-2031-000017', 'Sagsfremstilling', 'Kajen er slidt op efter mange års brug.', 'Beslutning', 'Godkendt.',
      '2. Ny bro', 'Sags nr.: Q7-31-2201', 'Sagsfremstilling', 'Broen er for smal til cyklerne om morgenen.', 'Beslutning', 'Godkendt.',
    ].join('\n');
    expect(items(importText(text).markup).map((i) => i.caseNumber)).toEqual(['XYZ-2031-000017', 'Q7-31-2201']);
  });

  it('finds no meeting in a text that is not minutes', () => {
    expect(importText('Kære Jens\n\nTak for sidst. Vi ses på fredag.\n').items).toBe(0);
  });
});
