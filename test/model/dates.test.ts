/** The one date reader (model/dates.ts): every shape kommuner print, in free text and as a Mødedato value. */
import { describe, expect, it } from 'vitest';
import { findDate, findDates, parseMeetingDate } from '../../server/src/model/dates.js';

describe('findDate', () => {
  it.each([
    ['Onsdag, April 3, 2031 - 18:00', '2031-04-03', 18, 'Onsdag'],
    ['Torsdag, 14 november, 2030 - 18:30', '2030-11-14', 18, 'Torsdag'],
    ['3. april 2031 kl. 18.00', '2031-04-03', 18, undefined],
    ['03-04-2031', '2031-04-03', undefined, undefined],
    ['den 3/4 2031', '2031-04-03', undefined, undefined],
    ['Tirsdag den 12. marts 2030, kl. 16:00', '2030-03-12', 16, 'Tirsdag'],
    ['Wednesday, March 5, 2031', '2031-03-05', undefined, 'Wednesday'],
    ['Onsdag den 15-maj-2030', '2030-05-15', undefined, 'Onsdag'],
    ['Mødet 20. aug. 2030', '2030-08-20', undefined, undefined],
    ['spørgetid 26/6-2031', '2031-06-26', undefined, undefined],
    ['Dato: 20.09.30', '2030-09-20', undefined, undefined],
    ['2030-12-03T16:30', '2030-12-03', 16, undefined],
    ['Udvalget - 14-11-2030', '2030-11-14', undefined, undefined],
  ])('%s', (text, iso, hour, weekday) => {
    const d = findDate(text)!;
    expect(d.iso).toBe(iso);
    expect(d.hour).toBe(hour);
    expect(d.weekday?.name).toBe(weekday);
  });

  it('finds no date in times, amounts and words', () => {
    for (const t of ['kl. 10.00-15.00 lørdag', '1.527.000 kr.', 'marked 3 2030', 'punkt 3, 2030', 'i morgen eftermiddag']) expect(findDate(t)).toBeUndefined();
  });

  it('finds every date of a text, impossible ones marked', () => {
    expect([...findDates('fra 31. februar 2030 til 1. marts 2030')].map((d) => [d.iso, d.valid])).toEqual([
      ['2030-02-31', false],
      ['2030-03-01', true],
    ]);
  });
});

describe('parseMeetingDate', () => {
  it('reads a whole value in any printed shape, with a Danish weekday and a time', () => {
    expect(parseMeetingDate('Onsdag, April 2, 2031 - 18:00')).toMatchObject({ year: 2031, month: 4, day: 2, hour: 18, minute: 0, weekday: { name: 'Onsdag' } });
    expect(parseMeetingDate('Torsdag, 14 november, 2030 - 18:30')).toMatchObject({ year: 2030, month: 11, day: 14, hour: 18, minute: 30 });
    expect(parseMeetingDate('den 3/4 2031')).toMatchObject({ year: 2031, month: 4, day: 3 });
    expect(parseMeetingDate('Tirsdag d. 03. december 2024 kl. 16:30')).toMatchObject({ form: 'long', hour: 16, weekday: { name: 'Tirsdag', start: 0, end: 7 } });
    expect(parseMeetingDate('2024-12-03 16:30')).toMatchObject({ form: 'iso', hour: 16, minute: 30 });
  });

  it('refuses a value with other words, or a weekday that is not Danish', () => {
    expect(parseMeetingDate('Byrådet 3. april 2031')).toBeUndefined();
    expect(parseMeetingDate('3. april 2031 i salen')).toBeUndefined();
    expect(parseMeetingDate('Wednesday, April 2, 2031')).toBeUndefined();
    expect(parseMeetingDate('Tirsdg d. 03. december 2024')).toBeUndefined();
  });
});
