/**
 * Shapes of published minutes found on kommuner's pages outside the corpus, tested with
 * invented minutes in our own words: an item heading with a word before its number
 * (`Nr.12 - Title`, `Pkt. 3: Title`), a case number after the plain word `Sag`, a committee
 * with its election period in the decision heading (`Beslutning i Byrådet (22-25) den …`),
 * and a house form without committee and date that must not drop them when restyling.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig, resolveConfig } from '../../server/src/config/resolve.js';
import { analyze, lint } from '../../server/src/engine.js';
import { caseNumberOf } from '../../server/src/import/casenumber.js';
import { importText } from '../../server/src/import/index.js';
import { restyleMarkup } from '../../server/src/import/style.js';

const item = (heading: string, caseLine: string, decision: string, text: string) => [heading, '', caseLine, '', 'Sagsfremstilling', '', text, '', decision, '', 'Godkendt.', ''];
const source = [
  'Referat',
  'Byrådet',
  'Mødedato: 14-04-2026 kl. 17:00',
  'Mødested: Byrådssalen',
  '',
  ...item('Nr.41 - Godkendelse af dagsorden', 'Sagsnr.: 26/77', 'Beslutning i Byrådet (22-25) den 14-04-2026', 'Dagsordenen forelægges.'),
  ...item('Nr.42 - Salg af grund på Engvej', 'Sagsnr.: 26/912', 'Beslutning i Byrådet (22-25) den 14-04-2026', 'Grunden udbydes til salg efter offentlig annoncering.'),
].join('\n');

describe('headings and labels of other publishing systems', () => {
  it('reads `Nr.41 - Title` as item 41, and a decision heading naming the committee with its period', () => {
    const { meeting, parse } = analyze(importText(source).markup);
    expect(parse.diagnostics).toEqual([]);
    expect(meeting.items.map((i) => [i.number, i.title, i.caseNumber?.text])).toEqual([
      ['41', 'Godkendelse af dagsorden', '26/77'],
      ['42', 'Salg af grund på Engvej', '26/912'],
    ]);
    for (const i of meeting.items) expect(i.sections.find((s) => s.kind === 'beslutning')?.decisionBody?.committee).toBe('Byrådet (22-25)');
  });

  it('reads `Pkt. 3: Title` and `Dagsordenspunkt 4 Title`', () => {
    const other = source.replace('Nr.41 - ', 'Pkt. 41: ').replace('Nr.42 - ', 'Dagsordenspunkt 42 ');
    expect(analyze(importText(other).markup).meeting.items.map((i) => [i.number, i.title])).toEqual([
      ['41', 'Godkendelse af dagsorden'],
      ['42', 'Salg af grund på Engvej'],
    ]);
  });

  it('takes `Sag 306-2009-600` for a case number, but not `Sag` before a word or an odd number', () => {
    expect(caseNumberOf('Sag 306-2009-600')).toMatchObject({ value: '306-2009-600', label: 'Sag' });
    expect(caseNumberOf('Sag om vejbelysning')).toBeUndefined();
    expect(caseNumberOf('Sag 12')).toBeUndefined();
  });

  it('restyling in a house whose decision heading is a plain Beslutning keeps the committee and date the heading names', () => {
    const markup = importText(source).markup;
    const config = resolveConfig(parseConfig({ profile: 'hus', profiles: { hus: { extends: 'randers', decisionHeading: 'Beslutning' } } }));
    const styled = restyleMarkup(markup, config, 'hus');
    expect(styled.match(/^### Beslutning i Byrådet \(22-25\) den 14-04-2026$/gm)).toHaveLength(2);
  });

  it('a page with no date in its opening takes it from decision headings citing this item (`…, 03-04-2026, pkt. 42`), not another', () => {
    const page = (cite: (n: number) => number) =>
      [
        'Referat',
        'Sted: Mødelokale 4',
        '',
        ...[42, 43].flatMap((n) => [`Pkt. ${n} Sag nummer ${n} om stierne`, '', `Sagsnr. 26${n}10`, '', 'Sagsfremstilling', '', 'Forvaltningen beskriver sagen.', '', `Kultur- og Idrætsudvalget, 03-04-2026, pkt. ${cite(n)}`, '', 'Godkendt.', '']),
      ].join('\n');
    const own = importText(page((n) => n));
    expect(analyze(own.markup).meeting.date).toMatchObject({ year: 2026, month: 4, day: 3 });
    // Decision headings citing other items are earlier meetings' decisions: no date is taken from them.
    const other = importText(page((n) => n - 30));
    expect(other.markup).not.toMatch(/^Mødedato: 2026-04-03/m);
  });

  it('a contents list in the header is no text of the header; an entry the cut-off page does not reach is kept as its last item', () => {
    const body = (n: number, title: string) => [`${n}. ${title}`, '', 'Sagsfremstilling', '', 'Forvaltningen beskriver sagen.', '', 'Beslutning i Teknisk Udvalg den 04-06-2026', '', 'Godkendt.', ''];
    const page = [
      'UDVALG', '', 'Teknisk Udvalg', '', 'STARTTIDSPUNKT', '', '04-06-2026 09:00', '', 'PUNKTER', '',
      '17. Godkendelse af dagsorden', '18. Ny bro over åen', '19. Orientering om vejarbejder', '',
      ...body(17, 'Godkendelse af dagsorden'),
      ...body(18, 'Ny bro over åen'),
    ].join('\n');
    const r = importText(page);
    const { meeting, findings } = lint(r.markup);
    expect(meeting.items.map((i) => [i.number, i.title])).toEqual([
      ['17', 'Godkendelse af dagsorden'],
      ['18', 'Ny bro over åen'],
      ['19', 'Orientering om vejarbejder'],
    ]);
    expect(r.guesses.join('\n')).toContain('1 item (19) taken from the table of contents: the text ends before it');
    // The header holds no copy of the contents (a list numbered from 17 would be wrongly numbered).
    expect(findings.filter((f) => f.ruleId === 'list-numbering')).toEqual([]);
    expect(r.markup.split(/^## /m)[0]).not.toContain('Ny bro over åen');
  });
});

