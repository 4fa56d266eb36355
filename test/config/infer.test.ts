/**
 * Profile inference (infer/profile.ts) on invented minutes in three clearly different house
 * styles, several meetings each, and on each kommune's real minutes in ../shared/corpus/
 * (read from there, never copied): the inferred profile is valid, the documents imported lint
 * without house-style warnings under it, and it agrees with a shipped profile of the kommune.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inferProfile, generalisedPattern, slugOf, type InferDocument } from '../../server/src/infer/profile.js';
import { builtinProfiles } from '../../server/src/config/profiles.js';
import { parseConfig, resolveConfig } from '../../server/src/config/resolve.js';
import { lint } from '../../server/src/engine.js';
import { importReferat, importText } from '../../server/src/import/index.js';
import { restyleMarkup } from '../../server/src/import/style.js';
import { needsShared, sharedPath } from '../helpers/shared.js';

// ───────────── invented minutes ─────────────

interface Meeting {
  committee: string;
  date: [number, number, number];
  first: number;
  titles: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Style A: "Punkt 3 Title", Sagsnr.: 24/1021, Sagsresumé / Sagsbeskrivelse: / Indstillinger, "Beslutning i X den dd-mm-yyyy", per meeting. */
function styleA(m: Meeting): string {
  const [y, mo, d] = m.date;
  const date = `${pad(d)}-${pad(mo)}-${y}`;
  const out = [`${m.committee} - ${date}`, '', 'Referat', 'Dato:', `${d}. ${['januar', 'februar', 'marts', 'april', 'maj', 'juni'][mo - 1]} ${y} kl. 16:00`, 'Lokation:', 'Mødelokale 2', ''];
  m.titles.forEach((t, i) => {
    const n = m.first + i;
    out.push(`Punkt ${n} ${t}`, '', `Sagsnr.: ${String(y).slice(2)}/${1000 + n * 37}`, '', 'Sagsresumé', '', `Sagen om ${t.toLowerCase()} forelægges udvalget.`, '');
    out.push('Sagsbeskrivelse:', '', `Forvaltningen har undersøgt ${t.toLowerCase()} og beskriver her forløbet og de muligheder, udvalget har.`, '');
    out.push('Indstillinger', '', 'Forvaltningen indstiller, at sagen godkendes.', '', `Beslutning i ${m.committee} den ${date}`, '', 'Godkendt.', '');
  });
  return out.join('\n');
}

/** Style B: "14. Title", KLE case number on its own line, Resume / Indstilling / decision "X, dd.mm.yyyy" / Sagsfremstilling / Økonomi, numbers through the year. */
function styleB(m: Meeting): string {
  const [y, mo, d] = m.date;
  const out = [`Referat af ${m.committee}s møde`, `Mødedato: ${pad(d)}.${pad(mo)}.${y} kl. 17:00`, 'Mødested: Byrådssalen', 'Medlemmer: Anne Holm (A), Bo Ibsen (V), Carl Dam (C)', ''];
  m.titles.forEach((t, i) => {
    const n = m.first + i;
    out.push(`${n}. ${t}`, `0${n % 9}.0${(n + 2) % 9}.00-P${10 + (n % 80)}-${n}-${String(y).slice(2)}`, '', 'Resume', '', `Kort om ${t.toLowerCase()}.`, '', 'Indstilling', '', 'Direktøren indstiller, at forslaget godkendes.', '');
    out.push(`${m.committee}, ${pad(d)}.${pad(mo)}.${y}`, '', 'Godkendt.', '', 'Sagsfremstilling', '', `Baggrunden for ${t.toLowerCase()} er beskrevet i bilagene, og sagen har været drøftet i forvaltningen.`, '', 'Økonomi', '', 'Sagen har ingen økonomiske konsekvenser.', '');
  });
  return out.join('\n');
}

/** Style C: "Punkt 301: Title" (markup-like), Sagsnummer: 2024-003610, Beslutningstema / Indstilling / "Kommunalbestyrelsen den 4. april 2024:", closed items from 101, per meeting. */
function styleC(m: Meeting): string {
  const [y, mo, d] = m.date;
  const months = ['januar', 'februar', 'marts', 'april', 'maj', 'juni'];
  const out = [`Referat`, `${m.committee}`, `Mødetidspunkt: ${d}. ${months[mo - 1]} ${y} kl. 18:00`, 'Mødeafholdelse: Rådssalen', ''];
  m.titles.forEach((t, i) => {
    const n = m.first + i;
    out.push(`Punkt ${n}: ${t}`, `Sagsnummer: ${y}-00${3600 + n}`, '', 'Beslutningstema', '', `Kommunalbestyrelsen skal tage stilling til ${t.toLowerCase()}.`, '', 'Indstilling', '', 'Administrationen indstiller, at sagen godkendes.', '');
    out.push(`${m.committee} den ${d}. ${months[mo - 1]} ${y}:`, '', 'Godkendt.', '', 'Fraværende: Bo Ibsen', '');
  });
  out.push(`Punkt 101: Lukket punkt: Salg af areal`, `Sagsnummer: ${y}-004101`, '');
  return out.join('\n');
}

/** Style D (PolWeb-like): "2.     Title   Åbent", Sagsnr.: 326-2021-70013 with J.nr., headings in capitals, "Hovedudvalgets møde den 28. april 2021:" after the proposal. */
function styleD(m: Meeting): string {
  const [y, mo, d] = m.date;
  const months = ['januar', 'februar', 'marts', 'april', 'maj', 'juni'];
  const out = ['Referat', m.committee, `Mødedato: ${d}. ${months[mo - 1]} ${y}`, ''];
  m.titles.forEach((t, i) => {
    const n = m.first + i;
    out.push(`${n}.     ${t}                      Åbent`, '', `Sagsnr.: 326-${y}-${70000 + n * 13}       J.nr.: 00.32.10`, '', 'RESUME', '', `Et kort resume af ${t.toLowerCase()}.`, '', 'INDSTILLINGER', '', 'Direktionen indstiller, at sagen drøftes.', '');
    out.push(`${m.committee.replace(/et$/, 'ets')} møde den ${d}. ${months[mo - 1]} ${y}:`, '', 'Drøftet.', '', 'SAGSFREMSTILLING', '', 'Den lange fremstilling af sagen, som udvalget har bedt om.', '');
  });
  return out.join('\n');
}

/** Style E (SBSYS-like): the case number on the line before the title, "• Resumé" bullets, "Beslutning Byrådet, 20.01.2016", absence under every decision. */
function styleE(m: Meeting): string {
  const [y, mo, d] = m.date;
  const months = ['januar', 'februar', 'marts', 'april', 'maj', 'juni'];
  const out = [`Referat til mødet i ${m.committee} den ${d}. ${months[mo - 1]} ${y} kl. 17:30`, '', 'Åbne dagsordenspunkter', ''];
  m.titles.forEach((t, i) => {
    const n = m.first + i;
    out.push(`85.02.02-G01-${n}-${String(y).slice(2)}`, `${n}. ${t}`, '', '• Resumé', '', 'Resume af sagen.', '', '• Indstilling', '', 'Forvaltningen indstiller, at sagen godkendes.', '');
    out.push(`Beslutning ${m.committee}, ${pad(d)}.${pad(mo)}.${y}`, '', 'Godkendt.', '', 'Helle Jensen deltog ikke i sagens behandling.', '', '• Sagsfremstilling', '', 'Sagen er beskrevet her med nogle flere ord.', '');
  });
  return out.join('\n');
}

const TITLES = ['Godkendelse af dagsorden', 'Vejbelysning på Stationsvej', 'Budgetopfølgning', 'Ny legeplads i Nordbyen', 'Trafiksikkerhedsplan'];

function docs(style: (m: Meeting) => string, meetings: Meeting[]): InferDocument[] {
  return meetings.map((m, i) => {
    const source = style(m);
    return { name: `meeting-${i + 1}.txt`, source, markup: importReferat(source).markup };
  });
}

describe('inferProfile on invented minutes', () => {
  it('style A: "Punkt {n} {title}", "Beslutning i {committee} den {date}", per-meeting numbering, short case numbers', () => {
    const d = docs(styleA, [
      { committee: 'Teknisk Udvalg', date: [2024, 3, 5], first: 1, titles: TITLES.slice(0, 3) },
      { committee: 'Teknisk Udvalg', date: [2024, 4, 9], first: 1, titles: TITLES.slice(1, 5) },
      { committee: 'Teknisk Udvalg', date: [2024, 5, 14], first: 1, titles: TITLES.slice(0, 2) },
    ]);
    const r = inferProfile(d, { name: 'husa' });
    expect(r.profile.itemHeading).toBe('Punkt {n} {title}');
    expect(r.profile.decisionHeading).toBe('Beslutning i {committee} den {date}');
    expect(r.profile.dateFormat).toBe('dd-mm-yyyy');
    expect(r.profile.sections!.map((s) => s.name)).toEqual(['Sagsresumé', 'Sagsbeskrivelse', 'Indstillinger', 'Beslutning']);
    expect(r.profile.sectionOrder).toBe('strict');
    expect(r.profile.numbering).toEqual({ scheme: 'per-meeting' });
    expect(r.profile.caseNumber).toMatchObject({ patterns: ['short'], required: true, label: 'Sagsnr.' });
    expect(r.report.find((l) => l.key === 'sectionOrder')!.en).toBe('section order: strict (3 of 3 documents agree)');
    expect(r.report.find((l) => l.key === 'itemHeading')!.en).toContain('3 of 3 documents agree');
  });

  it('style B: "{n}. {title}", "{committee}, {date}" in dd.mm.yyyy, numbering through the year, KLE case numbers', () => {
    const d = docs(styleB, [
      { committee: 'Byrådet', date: [2024, 1, 29], first: 1, titles: TITLES.slice(0, 4) },
      { committee: 'Byrådet', date: [2024, 2, 26], first: 5, titles: TITLES.slice(0, 3) },
      { committee: 'Byrådet', date: [2024, 3, 25], first: 8, titles: TITLES.slice(1, 5) },
    ]);
    const r = inferProfile(d, { name: 'husb' });
    expect(r.profile.itemHeading).toBe('{n}. {title}');
    expect(r.profile.decisionHeading).toBe('{committee}, {date}');
    expect(r.profile.dateFormat).toBe('dd.mm.yyyy');
    expect(r.profile.sections!.map((s) => s.kind)).toEqual(['resume', 'indstilling', 'beslutning', 'sagsfremstilling', 'oekonomi']);
    expect(r.profile.numbering).toEqual({ scheme: 'year' });
    expect(r.profile.caseNumber!.patterns).toEqual(['kle']);
    expect(r.report.find((l) => l.key === 'numbering')!.en).toBe('numbering: continuous through the year (3 of 3 documents agree)');
  });

  it('style C: "Punkt {n}: {title}", "{committee} den {date}:" with month names, closed items from 101, a generalised case-number form', () => {
    const d = docs(styleC, [
      { committee: 'Kommunalbestyrelsen', date: [2024, 4, 4], first: 1, titles: TITLES.slice(0, 3) },
      { committee: 'Kommunalbestyrelsen', date: [2024, 5, 16], first: 1, titles: TITLES.slice(2, 5) },
    ]);
    const r = inferProfile(d, { name: 'husc' });
    expect(r.profile.itemHeading).toBe('Punkt {n}: {title}');
    expect(r.profile.decisionHeading).toBe('{committee} den {date}:');
    expect(r.profile.dateFormat).toBe('d. MMMM yyyy');
    expect(r.profile.numbering).toEqual({ scheme: 'per-meeting', closedItemsFrom: 101 });
    expect(r.profile.caseNumber).toMatchObject({ patterns: ['year-serial'], label: 'Sagsnummer' });
    expect(r.profile.attendance).toMatchObject({ placement: ['every-decision'], style: 'line', label: 'Fraværende' });
    expect(r.profile.header).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'moededato', label: 'Mødetidspunkt' })]));
  });

  it('style D: headings in capitals, a genitive decision heading with a colon, kommune-number case numbers', () => {
    const d = docs(styleD, [
      { committee: 'Hovedudvalget', date: [2021, 4, 28], first: 1, titles: TITLES.slice(0, 3) },
      { committee: 'Hovedudvalget', date: [2021, 5, 26], first: 4, titles: TITLES.slice(0, 3) },
    ]);
    const r = inferProfile(d, { name: 'husd' });
    expect(r.profile.itemHeading).toBe('{n}. {title}');
    expect(r.profile.decisionHeading).toBe('{committee}s møde den {date}:');
    expect(r.profile.dateFormat).toBe('d. MMMM yyyy');
    expect(r.profile.sections!.map((s) => s.name)).toEqual(['Resume', 'Indstillinger', 'Beslutning', 'Sagsfremstilling']);
    expect(r.profile.numbering).toEqual({ scheme: 'year' });
    expect(r.profile.caseNumber!.patterns).toEqual(['kommune-serial']);
  });

  it('style E: the case number before the title, bulleted headings, "Beslutning {committee}, {date}", absence noted in every decision', () => {
    const d = docs(styleE, [
      // Item 130 in May is the year's numbering (on 20 January it could only be the term's).
      { committee: 'Byrådet', date: [2016, 5, 23], first: 130, titles: TITLES.slice(0, 3) },
      { committee: 'Byrådet', date: [2016, 6, 20], first: 150, titles: TITLES.slice(1, 4) },
    ]);
    const r = inferProfile(d, { name: 'huse' });
    expect(r.profile.itemHeading).toBe('{n}. {title}');
    expect(r.profile.decisionHeading).toBe('Beslutning {committee}, {date}');
    expect(r.profile.dateFormat).toBe('dd.mm.yyyy');
    expect(r.profile.sections!.map((s) => s.kind)).toEqual(['resume', 'indstilling', 'beslutning', 'sagsfremstilling']);
    expect(r.profile.numbering).toEqual({ scheme: 'year' });
    expect(r.profile.attendance).toMatchObject({ placement: ['every-decision'], style: 'sentences' });
  });

  it('a single meeting whose first number is too high for the year so far numbers through the term', () => {
    // Item 301 on 25 January 2021 (the term began in 2018) is no year's numbering; item 121 in June 2021 is.
    const term = inferProfile(docs(styleB, [{ committee: 'Byrådet', date: [2021, 1, 25], first: 301, titles: TITLES.slice(0, 3) }]));
    expect(term.profile.numbering).toEqual({ scheme: 'term' });
    const year = inferProfile(docs(styleB, [{ committee: 'Byrådet', date: [2021, 6, 21], first: 121, titles: TITLES.slice(0, 3) }]));
    expect(year.profile.numbering).toEqual({ scheme: 'year' });
    // In the term's first year the two are one: the year is said.
    const first = inferProfile(docs(styleB, [{ committee: 'Byrådet', date: [2022, 2, 21], first: 301, titles: TITLES.slice(0, 3) }]));
    expect(first.profile.numbering).toEqual({ scheme: 'year' });
  });

  it('a template that prints an empty heading before another section allows empty sections; an empty last section (the text cut) does not', () => {
    const one = styleA({ committee: 'Teknisk Udvalg', date: [2024, 3, 5], first: 1, titles: TITLES.slice(0, 3) });
    // The first item's Sagsresumé with nothing under it, another section after it.
    const empty = one.replace(/Sagsresumé\n\nSagen om godkendelse af dagsorden forelægges udvalget\.\n/, 'Sagsresumé\n\n');
    expect(empty).not.toBe(one);
    const r = inferProfile([{ name: 'a.txt', source: empty, markup: importReferat(empty).markup }]);
    expect(r.profile.emptySections).toBe('allowed');
    expect(r.report.find((l) => l.key === 'emptySections')!.en).toBe('empty sections: allowed (1 of 1 documents print a heading with nothing under it)');
    const cut = one.replace(/\n\nGodkendt\.\n$/, '').replace(/Beslutning i Teknisk Udvalg den 05-03-2024\n*$/, '').replace(/Indstillinger\n\nForvaltningen indstiller, at sagen godkendes\.\n*$/, 'Indstillinger\n');
    expect(cut.trimEnd().endsWith('Indstillinger')).toBe(true);
    expect(inferProfile([{ name: 'b.txt', source: cut, markup: importReferat(cut).markup }]).profile.emptySections).toBeUndefined();
  });

  it('a member list without the absent names those present; one that names them too names every member', () => {
    const markup = (absent: string) =>
      `# REFERAT Byrådet\n\nMødedato: 2024-03-25\nMødedeltagere: Anne Holm (A), Bo Ibsen (V), Carl Dam (C)\nAfbud: ${absent}\n\n## 8. Vejene\nSagsnr: 24/1\n\n### Beslutning\n\nGodkendt.\n`;
    const present = inferProfile([{ name: 'a.referat', markup: markup('Dorte Lund (F)') }]);
    expect(present.profile.attendance).toMatchObject({ membersListed: 'present' });
    expect(present.report.find((l) => l.key === 'attendance')!.en).toMatch(/; the member list names those present$/);
    expect(inferProfile([{ name: 'b.referat', markup: markup('Bo Ibsen (V)') }]).profile.attendance!.membersListed).toBeUndefined();
  });

  it('a contents heading run into the first entry shows that item\'s number: numbering per meeting', () => {
    const source = styleA({ committee: 'Teknisk Udvalg', date: [2024, 3, 5], first: 1, titles: TITLES.slice(0, 3) }).replace('Punkt 1 ', 'IndholdsfortegnelsePunkt 1 ').replace(/^Punkt (\d+) /gm, '$1. ').replace('IndholdsfortegnelsePunkt 1 ', 'Indholdsfortegnelse1. ');
    expect(source).toContain('Indholdsfortegnelse1. Godkendelse af dagsorden');
    const r = inferProfile([{ name: 'a.txt', source, markup: importReferat(source).markup }]);
    expect(r.profile.numbering).toEqual({ scheme: 'per-meeting' });
    expect(r.profile.itemHeading).toBe('{n}. {title}');
  });

  it('an item title that ends in the meeting date is no decision heading', () => {
    // The page repeats the title under the heading (as some do): two lines that end in the date, one decision heading.
    const title = 'Godkendelse af dagsorden til mødet den 5. marts 2024';
    const source = styleA({ committee: 'Teknisk Udvalg', date: [2024, 3, 5], first: 1, titles: [title] }).replace(`Punkt 1 ${title}\n`, `Punkt 1 ${title}\n\n${title}\n`);
    expect(source.split(title)).toHaveLength(3);
    const r = inferProfile([{ name: 'a.txt', source, markup: importReferat(source).markup }]);
    expect(r.profile.decisionHeading).toBe('Beslutning i {committee} den {date}');
  });

  it('reads an item number run into its title as the item heading "{n} {title}", and its number', () => {
    const source = styleA({ committee: 'Teknisk Udvalg', date: [2024, 5, 14], first: 61, titles: TITLES.slice(0, 3) }).replace(/^Punkt (\d+) /gm, '$1');
    expect(source).toMatch(/^61Godkendelse af dagsorden$/m);
    const r = inferProfile([{ name: 'a.txt', source, markup: importReferat(source).markup }]);
    expect(r.profile.itemHeading).toBe('{n} {title}');
    expect(r.profile.numbering).toEqual({ scheme: 'year' });
  });

  it('an item number on the line under the title counts as shown', () => {
    const source = styleA({ committee: 'Teknisk Udvalg', date: [2024, 5, 14], first: 61, titles: TITLES.slice(0, 3) }).replace(/^Punkt (\d+) (.*)$/gm, '$2\nSag nr. $1');
    expect(source).toMatch(/^Godkendelse af dagsorden\nSag nr\. 61$/m);
    const r = inferProfile([{ name: 'a.txt', source, markup: importReferat(source).markup }]);
    expect(r.profile.numbering).toEqual({ scheme: 'year' });
  });

  it('reads the other decision-heading forms: no committee, a trailing item reference, an abbreviated month', () => {
    const mk = (h: string) => `Referat\nByrådet\nMødedato: 5. marts 2024\n\nPunkt 1: Godkendelse af dagsorden\nSagsnr.: 24/1\n\nResumé\n\nTekst om sagen.\n\n${h}\n\nGodkendt.\n`;
    const cases: [string, string, string][] = [
      ['Beslutning den 05-03-2024', 'Beslutning den {date}', 'dd-mm-yyyy'],
      ['Byrådet, 5. marts 2024, pkt. 12:', '{committee}, {date}:', 'd. MMMM yyyy'],
      ['Beslutning i Byrådet den 5. mar. 2024', 'Beslutning i {committee} den {date}', 'd. MMM. yyyy'],
    ];
    for (const [heading, template, format] of cases) {
      const source = mk(heading);
      const r = inferProfile([{ name: 'a.txt', source, markup: importReferat(source).markup }]);
      expect([r.profile.decisionHeading, r.profile.dateFormat], heading).toEqual([template, format]);
    }
  });

  it('the documents disagreeing on the order gives sectionOrder none, and says how many agree', () => {
    const a = docs(styleA, [{ committee: 'Teknisk Udvalg', date: [2024, 3, 5], first: 1, titles: TITLES.slice(0, 2) }]);
    const swapped = styleA({ committee: 'Teknisk Udvalg', date: [2024, 4, 9], first: 1, titles: TITLES.slice(0, 2) }).replace(
      /Sagsbeskrivelse:\n\n(.*)\n\nIndstillinger\n\n(.*)\n/g,
      'Indstillinger\n\n$2\n\nSagsbeskrivelse:\n\n$1\n',
    );
    const r = inferProfile([...a, { name: 'b.txt', source: swapped, markup: importReferat(swapped).markup }]);
    expect(r.profile.sectionOrder).toBe('none');
    expect(r.report.find((l) => l.key === 'sectionOrder')!.en).toBe('section order: none (1 of 2 documents agree on one order; 2 of 4 items)');
  });

  it('reads an item heading whose number stands alone on its line, the title on the next', () => {
    const one = styleA({ committee: 'Teknisk Udvalg', date: [2024, 3, 5], first: 1, titles: TITLES.slice(0, 3) });
    const source = one.replace(/^(Punkt \d+) /gm, '$1\n');
    expect(inferProfile([{ name: 'a.txt', source, markup: importReferat(one).markup }]).profile.itemHeading).toBe('Punkt {n} {title}');
  });

  it('names the profile after the kommune', () => {
    expect(['Bornholms Regionskommune', 'Lyngby-Taarbæk Kommune', 'Køge Kommune', 'Høje-Taastrup Kommune'].map(slugOf)).toEqual(['bornholm', 'lyngby-taarbaek', 'koege', 'hoeje-taastrup']);
  });

  it('generalises a case number no preset knows into a pattern, never the number itself', () => {
    expect(generalisedPattern('K-2024/0113')).toBe('[A-ZÆØÅ]{1}-\\d{4}\\/\\d{4}');
    const source = styleA({ committee: 'Teknisk Udvalg', date: [2024, 3, 5], first: 1, titles: TITLES.slice(0, 2) }).replace(/Sagsnr\.: \d+\/(\d+)/g, 'Sagsnr.: $1');
    const markup = importReferat(source).markup.replace(/^(## Punkt \d+: .*)$/gm, (l, h: string) => `${h}\nSagsnr: SAG-${h.length}0${h.length}`);
    const r = inferProfile([{ name: 'x.referat', markup }]);
    expect(r.profile.caseNumber!.patterns.some((p) => p.includes('SAG'))).toBe(false);
    expect(r.profile.caseNumber!.patterns.join()).toContain('\\d{');
  });

  it('reads the item heading of .referat files written in the house form', () => {
    const text = '# REFERAT Udvalget\n\nMødedato: 2024-03-05\n\n## 7. Vejene\nSagsnr: 24/1\n\n### Beslutning\n\nGodkendt.\n\n## 8. Stierne\nSagsnr: 24/2\n\n### Beslutning\n\nGodkendt.\n';
    expect(inferProfile([{ name: 'a.referat', markup: text }]).profile.itemHeading).toBe('{n}. {title}');
  });

  it('learns from .referat files too, and the result is a valid configuration that selects the profile', () => {
    const text = '# REFERAT Udvalget\n\nMødedato: 2024-03-05\n\n## Punkt 7: A\nSagsnr: 24/1\n\n### Resumé\n\nTekst.\n\n### Beslutning\n\nGodkendt.\n';
    const r = inferProfile([{ name: 'a.referat', markup: text }], { name: 'mit' });
    expect(r.config.profile).toBe('mit');
    const resolved = resolveConfig(parseConfig(r.config));
    expect(resolved.profile.name).toBe('mit');
    expect(r.profile.numbering!.scheme).toBe('year');
  });

  it('import in the inferred house style lints without house-style warnings', () => {
    for (const style of [styleA, styleB, styleC, styleD, styleE]) {
      const d = docs(style, [
        { committee: 'Byrådet', date: [2024, 3, 5], first: 1, titles: TITLES.slice(0, 3) },
        { committee: 'Byrådet', date: [2024, 4, 9], first: 1, titles: TITLES.slice(1, 4) },
      ]);
      const r = inferProfile(d, { name: 'hus' });
      const config = resolveConfig(parseConfig(r.config));
      for (const doc of d) {
        const styled = restyleMarkup(doc.markup, config, 'hus');
        expect(styled).toMatch(/^Profil: hus$/m);
        expect(lint(styled).meeting.profileField?.text.trim(), style.name).toBe('hus');
        // Item headings in the house's form where the grammar reads them back (style B: "## 14. Title").
        if (style === styleB) expect(styled).toMatch(/^## \d+\. \S/m);
        if (style === styleA) expect(styled).toMatch(/^## Punkt \d+ \S/m);
        const found = lint(styled, { config }).findings.filter((f) => HOUSE.includes(f.ruleId) || f.severity === 'error');
        expect(found.map((f) => `${f.ruleId}: ${f.message.en}`), style.name).toEqual([]);
      }
    }
  });
});

// ───────────── the corpus ─────────────

const HOUSE = ['section-order', 'unknown-field', 'case-number', 'empty-section', 'duplicate-section'];
const corpus = sharedPath('corpus');

/** The corpus files by kommune (the file name's first part; Lyngby-Taarbæk has a hyphen). */
function byKommune(dir: string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    const k = f.startsWith('lyngby-taarbaek') ? 'lyngby-taarbaek' : f.split('-')[0]!;
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  return groups;
}

describe.runIf(corpus !== undefined)(needsShared('inferProfile on each kommune of ../shared/corpus', 'corpus'), () => {
  it('is valid, its documents lint under it, and it agrees with the shipped profile', () => {
    const rows: string[] = [];
    let kommuner = 0;
    let clean = 0;
    let compared = 0;
    let agreeing = 0;
    for (const [kommune, files] of byKommune(corpus!)) {
      // The importer says when the text ends inside its table of contents (items from its entries, no item in the body).
      const contentsOnly = new Set<string>();
      const d: InferDocument[] = files
        .map((f) => {
          const source = readFileSync(path.join(corpus!, f), 'utf8');
          if (importText(source).guesses.some((g) => g.includes('taken from the table of contents (no item in the body)'))) contentsOnly.add(f);
          return { name: f, source, markup: importReferat(source).markup };
        })
        .filter((x) => /^## Punkt /m.test(x.markup));
      if (d.length === 0) {
        rows.push(`${kommune}: no items imported (table of contents only)`);
        continue;
      }
      kommuner++;
      const r = inferProfile(d, { name: kommune });
      const config = resolveConfig(parseConfig(r.config)); // valid under the schema
      expect(config.profile.name).toBe(kommune);
      const problems: string[] = [];
      for (const doc of d) {
        const res = lint(restyleMarkup(doc.markup, config, kommune), { config });
        const last = res.meeting.items.at(-1);
        for (const f of res.findings) {
          // A cut-off last item may lack its decision, and its last section may be empty (as in profiles-corpus.test.ts);
          // where the text ends in its table of contents, every item is cut off.
          const cutOff = ['missing-decision', 'empty-section', 'decision-points'].includes(f.ruleId) && last && (contentsOnly.has(doc.name) || f.range.start.line >= last.node.range.start.line);
          if (!cutOff && (f.severity === 'error' || HOUSE.includes(f.ruleId))) problems.push(`${doc.name}: ${f.ruleId}`);
        }
        // What the profile decides never fails: the order, the case numbers and the fields are the house's.
        expect(res.findings.filter((f) => ['section-order', 'case-number', 'unknown-field'].includes(f.ruleId)).map((f) => f.message.en), doc.name).toEqual([]);
      }
      if (problems.length === 0) clean++;
      let agreement = '';
      // A shipped profile of the kommune is named after it (profiles/<kommune>.json).
      const shipped = builtinProfiles[kommune];
      if (shipped) {
        compared++;
        const diffs = agreementWith(r, shipped);
        if (diffs.length === 0) agreeing++;
        agreement = diffs.length ? `; differs from shipped ${shipped.name}: ${diffs.join(', ')}` : `; agrees with shipped ${shipped.name}`;
      }
      const cut = d.every((x) => contentsOnly.has(x.name)) ? ' (the text ends in its table of contents: every item cut off)' : '';
      rows.push(`${kommune}: ${problems.length ? `${problems.length} findings (${[...new Set(problems)].join('; ')})` : 'clean'}${cut}${agreement}`);
    }
    console.log(`Inferred profiles on the corpus: ${clean} of ${kommuner} kommuner lint clean; ${agreeing} of ${compared} agree with a shipped profile\n${rows.join('\n')}`);
    expect(kommuner).toBeGreaterThan(15);
    // Every kommune lints clean under its inferred profile (24 of 24 today; three of them, whose
    // text ends in its table of contents, have no item content to check).
    expect(clean).toBe(kommuner);
    // And every inferred profile agrees with the shipped one (18 of 18 today).
    expect(agreeing).toBe(compared);
  });
});

const seeds = sharedPath('seeds');

describe.runIf(seeds !== undefined)(needsShared('inferProfile on the Randers seeds'), () => {
  it('agrees with the shipped randers profile on item heading, decision heading, numbering and the order of the sections', () => {
    const d = readdirSync(seeds!)
      .filter((f) => /\.(txt|json)$/.test(f))
      .map((f) => {
        const source = readFileSync(path.join(seeds!, f), 'utf8');
        const portal = source.trimStart().startsWith('{') || source.trimStart().startsWith('[');
        return { name: f, ...(portal ? { imported: true } : { source }), markup: importReferat(source).markup };
      });
    const r = inferProfile(d);
    const randers = builtinProfiles.randers!;
    expect(r.name).toBe('randers');
    expect(r.profile.itemHeading).toBe(randers.itemHeading);
    expect(r.profile.decisionHeading).toBe(randers.decisionHeading);
    expect(r.profile.numbering!.scheme).toBe(randers.numbering.scheme);
    expect(r.profile.caseNumber!.patterns[0]).toBe('kle');
    const rank = new Map(randers.sections.map((s, i) => [s.kind, i]));
    const kinds = r.profile.sections!.map((s) => s.kind).filter((k) => rank.has(k));
    expect(kinds).toEqual([...kinds].sort((a, b) => rank.get(a)! - rank.get(b)!));
    // Two items of the 2018 meeting put Sagsfremstilling before Indstilling: no fixed order, and the report says so.
    expect(r.report.find((l) => l.key === 'sectionOrder')!.en).toMatch(/^section order: (strict|none) \(\d+ of 3 documents/);
  });
});

/**
 * Where an inferred profile and a shipped one differ on item heading, decision heading, section
 * order (the relative order of the kinds both name) and numbering. A part the documents do not
 * show (no item title in the text, no item number) says nothing and is not compared.
 */
function agreementWith(inferred: ReturnType<typeof inferProfile>, shipped: (typeof builtinProfiles)[string]): string[] {
  const diffs: string[] = [];
  const p = inferred.profile;
  const shown = (key: string) => (inferred.report.find((l) => l.key === key)?.agree ?? 0) > 0;
  if (shown('itemHeading') && p.itemHeading !== shipped.itemHeading) diffs.push(`itemHeading ${p.itemHeading} ≠ ${shipped.itemHeading}`);
  if (shown('decisionHeading') && ![shipped.decisionHeading, ...shipped.decisionHeadingAliases].includes(p.decisionHeading!)) diffs.push(`decisionHeading ${p.decisionHeading} ≠ ${shipped.decisionHeading}`);
  if (p.sectionOrder !== shipped.sectionOrder) diffs.push(`sectionOrder ${p.sectionOrder} ≠ ${shipped.sectionOrder}`);
  const rank = new Map(shipped.sections.map((s, i) => [s.kind, i]));
  const kinds = p.sections!.map((s) => s.kind).filter((k) => rank.has(k));
  if (kinds.some((k, i) => i > 0 && rank.get(kinds[i - 1]!)! > rank.get(k)!)) diffs.push(`section order ${kinds.join(',')} ≠ ${shipped.sections.map((s) => s.kind).join(',')}`);
  if (shown('numbering') && p.numbering!.scheme !== shipped.numbering.scheme) diffs.push(`numbering ${p.numbering!.scheme} ≠ ${shipped.numbering.scheme}`);
  return diffs;
}
