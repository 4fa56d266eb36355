/** The meeting's date in the shapes kommuner print it (invented minutes): one date reader for them all. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/engine.js';
import { importText } from '../../server/src/import/index.js';

const minutes = (dateLines: string[]) =>
  [
    'Vejudvalget',
    '',
    ...dateLines,
    '',
    'Punkt 1 Godkendelse af dagsorden',
    '',
    'Beslutning',
    '',
    'Godkendt.',
    '',
    'Punkt 2 Ny belægning på Enghavevej',
    '',
    'Sagsfremstilling',
    '',
    'Vejen trænger til ny asfalt.',
    '',
    'Beslutning',
    '',
    'Godkendt.',
  ].join('\n');

describe('the meeting date', () => {
  it.each([
    [['Dato: Onsdag, April 2, 2031 - 18:00'], '2031-04-02'],
    [['Dato:', 'Torsdag, 13 november, 2031 - 18:30'], '2031-11-13'],
    [['3. april 2031 kl. 18.00'], '2031-04-03'],
    [['03-04-2031'], '2031-04-03'],
    [['Mødet holdes den 3/4 2031 i salen'], '2031-04-03'],
    [['Tirsdag den 11. marts 2031, kl. 16:00'], '2031-03-11'],
  ])('%j is the Mødedato, in its own words', (dateLines, iso) => {
    const { markup } = importText(minutes(dateLines));
    const m = analyze(markup).meeting;
    const d = m.date!;
    expect(`${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`).toBe(iso);
    expect(m.items.map((i) => i.title)).toEqual(['Godkendelse af dagsorden', 'Ny belægning på Enghavevej']);
    // A date line that is the date alone is the field in the author's words; a label alone on its line is the field's name.
    if (dateLines.length === 2) expect(markup).toContain(`Mødedato: ${dateLines[1]}`);
    expect(markup).not.toMatch(/^Dato$/mu);
  });

  it("a page whose opening gives the date but not the committee: this meeting's dated headings name it", () => {
    const text = [
      'Referat',
      '',
      'Dato: Onsdag, April 2, 2031 - 18:00',
      'Sted: Mødelokale 4',
      ' • Pkt. 12 Godkendelse af dagsorden',
      '',
      '  Miljøudvalget, 02-04-2031, pkt. 12',
      '',
      '  Godkendt.',
      '',
      ' • Pkt. 13 Nyt regnvandsbassin',
      '',
      '  Sagsfremstilling',
      '',
      '  Bassinet skal ligge ved Engvej.',
      '',
      '  Miljøudvalget, 02-04-2031, pkt. 13',
      '',
      '  Godkendt.',
    ].join('\n');
    const { markup } = importText(text);
    expect(markup).toMatch(/^# REFERAT Miljøudvalget$/mu);
    expect(markup).toContain('Mødedato: Onsdag, April 2, 2031 - 18:00');
    expect(analyze(markup).meeting.items.map((i) => [i.number, !!i.decisionSection])).toEqual([
      ['12', true],
      ['13', true],
    ]);
  });
});
