import { describe, expect, it } from 'vitest';
import { builtinProfiles } from '../../server/src/config/profiles.js';
import { resolveConfig } from '../../server/src/config/resolve.js';
import { analyze, lint } from '../../server/src/engine.js';
import { formatDatePattern, parseDanishDate } from '../../server/src/model/dates.js';
import {
  answerFor,
  buildDecisionHeading,
  buildItemHeading,
  headerAliasIndex,
  parseDecisionHeading,
  sectionWordFor,
} from '../../server/src/model/vocabulary.js';
import { termStart } from '../../server/src/rules/item-numbering.js';

const day = { year: 2020, month: 8, day: 20 };

describe('domain vocabulary', () => {
  it('reads every decision-heading form of spec §10', () => {
    const cases: [string, string, string][] = [
      ['Beslutning i Byrådet den 01-09-2021', 'Byrådet', '01-09-2021'],
      ['Beslutning Økonomiudvalget den 18-03-2019', 'Økonomiudvalget', '18-03-2019'],
      ['Beslutning Byrådet, 20.09.2016', 'Byrådet', '20.09.2016'],
      ['Byrådet, 16.12.2014', 'Byrådet', '16.12.2014'],
      ['Kommunalbestyrelsen den 20. august 2020:', 'Kommunalbestyrelsen', '20. august 2020'],
      ['Hovedudvalgets møde den 28. april 2021:', 'Hovedudvalget', '28. april 2021'],
      ['Social og Sundhed, 6. januar 2020, pkt. 123:', 'Social og Sundhed', '6. januar 2020'],
      ['• Beslutning i Teknik- og Miljøudvalget den 01-09-2021', 'Teknik- og Miljøudvalget', '01-09-2021'],
    ];
    for (const [heading, committee, date] of cases) expect(parseDecisionHeading(heading), heading).toMatchObject({ committee, date });
    expect(parseDecisionHeading('Beslutning')).toEqual({});
    expect(parseDecisionHeading('Sagsfremstilling')).toBeUndefined();
    expect(parseDecisionHeading('Forvaltningen den bedste')).toBeUndefined();
  });

  it('builds the decision heading from the profile template in its date form', () => {
    const p = builtinProfiles;
    expect(buildDecisionHeading(p.randers!, 'Byrådet', day)).toBe('Beslutning');
    expect(buildDecisionHeading(p.sonderborg!, 'Byrådet', day)).toBe('Beslutning Byrådet den 20-08-2020');
    expect(buildDecisionHeading(p.viborg!, 'Byrådet', day)).toBe('Beslutning i Byrådet den 20-08-2020');
    expect(buildDecisionHeading(p.bornholm!, 'Kommunalbestyrelsen', day)).toBe('Kommunalbestyrelsen den 20. august 2020:');
    expect(buildDecisionHeading(p.kalundborg!, 'Hovedudvalget', day)).toBe('Hovedudvalgets møde den 20. august 2020:');
    expect(buildDecisionHeading(p.naestved!, 'Byrådet', day)).toBe('Byrådet, 20.08.2020');
    // Without a committee or a date the plain name is written.
    expect(buildDecisionHeading(p.sonderborg!, undefined, day)).toBe('Beslutning');
    expect(buildItemHeading(p.koege!, '183', 'Godkendelse af dagsorden')).toBe('183. Godkendelse af dagsorden');
    expect(buildItemHeading(p.fredericia!, '126', 'Godkendelse af dagsorden')).toBe('Punkt 126 Godkendelse af dagsorden');
  });

  it('Danish dates in and out', () => {
    expect(formatDatePattern({ year: 2021, month: 9, day: 1 }, 'd. MMMM yyyy')).toBe('1. september 2021');
    expect(formatDatePattern({ year: 2021, month: 9, day: 1 }, 'dd.mm.yy')).toBe('01.09.21');
    expect(parseDanishDate('20. aug. 2020')).toEqual(day);
    expect(parseDanishDate('d. 20-08-2020')).toEqual(day);
  });

  it('one answer to a proposal, one list of fields, one list of section kinds', () => {
    expect(answerFor('at sagen godkendes')).toBe('godkendt');
    expect(answerFor('at orienteringen tages til efterretning')).toBe('taget til efterretning');
    expect(answerFor('at forslaget anbefales over for byrådet')).toBe('anbefalet');
    expect(answerFor('at planen sendes i høring')).toBe('sendt i høring');
    expect(headerAliasIndex(builtinProfiles.aabenraa).get('medlemmer')).toBe('Mødedeltagere');
    expect(headerAliasIndex(builtinProfiles.aabenraa).get('bemærkninger')).toBe('Bemærkninger');
    expect(sectionWordFor('Sagsbeskrivelse:')?.kind).toBe('sagsfremstilling');
    expect(sectionWordFor('INDSTILLINGER')?.kind).toBe('indstilling');
  });
});

describe('the grammar and the model read the profile\'s headings', () => {
  const meeting = (body: string) =>
    ['# REFERAT Byrådet d. 01-09-2021', '', 'Mødedato: 2021-09-01 17:00', 'Mødedeltagere: Anne Holm, Bo Ibsen', '', body].join('\n');

  it('item headings without "Punkt" or without the colon are items', () => {
    const { meeting: m, parse } = analyze(meeting('## 12. Godkendelse\n\n## Punkt 13 Budget\n\n## Punkt 14. Salg\n\n## Punkt 15: Lukket\n'));
    expect(parse.diagnostics).toEqual([]);
    expect(m.items.map((i) => [i.number, i.title])).toEqual([
      ['12', 'Godkendelse'],
      ['13', 'Budget'],
      ['14', 'Salg'],
      ['15', 'Lukket'],
    ]);
  });

  it('a decision heading in the house form is the decision; another committee\'s on another day is an earlier one', () => {
    const text = meeting(
      '## Punkt 1: Sag\nSagsnr: 00.22.00-P35-1-21\n\n### Indstilling\n1. at sagen godkendes.\n\n### Beslutning Økonomiudvalget den 16-08-2021\n1. at anbefalet.\n\n### Byrådet den 1. september 2021:\n1. at godkendt.\n',
    );
    const { meeting: m } = analyze(text);
    expect(m.items[0]!.sections.map((s) => s.kind)).toEqual(['indstilling', 'earlier-decision', 'beslutning']);
    expect(lint(text).findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId)).toEqual([]);
  });

  it('numbering through the election term, and closed items in a range of their own', () => {
    expect([2018, 2021, 2022, 2025, 2026].map(termStart)).toEqual([2018, 2018, 2022, 2022, 2026]);
    const config = resolveConfig(undefined, { profile: 'bornholm' });
    const items = (ns: number[]) => meeting(ns.map((n) => `## Punkt ${n}: Sag ${n}\n\n### Indstilling\n1. at sagen godkendes.\n\n### Beslutning\nGodkendt.\n`).join('\n'));
    const numbering = (ns: number[]) => lint(items(ns), { config }).findings.filter((f) => f.ruleId === 'item-numbering').map((f) => f.messageId);
    expect(numbering([1, 2, 3, 101, 102])).toEqual([]);
    expect(numbering([1, 2, 101, 103])).toEqual(['skip']);
    expect(numbering([1, 2, 102])).toEqual(['firstClosed']);
  });
});
