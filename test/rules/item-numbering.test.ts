import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine.js';
import type { MeetingSummary } from '../../server/src/rules/types.js';
import { fixRule } from '../helpers/lint.js';
import { HEAD, item, OK_BODY } from './structure-helpers.js';

const of = (text: string, siblings?: MeetingSummary[]) => lint(text, { siblings }).findings.filter((f) => f.ruleId === 'item-numbering');
const meeting = (...numbers: (number | string)[]) => HEAD + numbers.map((n) => item(n, 'Et punkt', OK_BODY)).join('\n');

describe('item-numbering', () => {
  it('flags skips, repeats and backwards steps on the number', () => {
    const fs = of(meeting(5, 6, 8, 8, 7));
    expect(fs.map((f) => f.messageId)).toEqual(['skip', 'repeat', 'backwards']);
    expect(fs[0]!.range).toMatchObject({ start: { line: 24, character: 9 }, end: { line: 24, character: 10 } });
    expect(fs[0]!.message.en).toBe('Item 8 follows item 6: expected 7. Number the items without gaps.');
  });

  it('renumbers the items from the first', () => {
    const fixed = fixRule(meeting(5, 6, 8, 8, 7), 'item-numbering');
    expect(fixed).toBe(meeting(5, 6, 7, 8, 9));
  });

  it('ignores alphanumeric sub-items', () => {
    expect(of(meeting(1, '1.a', 2))).toEqual([]);
  });

  it('continues the previous meeting of the committee in the same year (continuous numbering)', () => {
    const siblings: MeetingSummary[] = [
      { uri: 'file:///a/nov.referat', committee: 'Udvalg', date: { year: 2024, month: 11, day: 5 }, itemNumbers: [110, 111, 112] },
      { uri: 'file:///a/jan.referat', committee: 'Udvalg', date: { year: 2024, month: 1, day: 9 }, itemNumbers: [1, 2] },
      { uri: 'file:///a/other.referat', committee: 'Økonomiudvalget', date: { year: 2024, month: 11, day: 20 }, itemNumbers: [300] },
      { uri: 'file:///a/2025.referat', committee: 'Udvalg', date: { year: 2025, month: 1, day: 9 }, itemNumbers: [1] },
    ];
    const [f] = of(meeting(120, 121), siblings);
    expect(f!.messageId).toBe('firstContinuous');
    expect(f!.message.en).toBe('The first item is number 120, but the previous meeting (05-11-2024) ended with item 112: expected 113 (numbering continues through the year).');
    expect(of(meeting(113, 114), siblings)).toEqual([]);
    expect(fixRule(meeting(120, 121), 'item-numbering', { siblings })).toBe(meeting(113, 114));
    // The first meeting of a year has no earlier one to continue.
    expect(of(meeting(120, 121), siblings.filter((s) => s.date!.month > 11))).toEqual([]);
  });

  it('starts every meeting at 1 where the house style numbers per meeting', () => {
    const sb = (HEAD.replace('Mødedato', 'Profil: sonderborg\nMødedato') + [3, 4].map((n) => item(n, 'A', '### Indstilling\n1. at x godkendes.\n\n### Beslutning\n1. at godkendt.\n', '23/64938')).join('\n'));
    const [f] = of(sb);
    expect(f!.messageId).toBe('firstPerMeeting');
    expect(fixRule(sb, 'item-numbering')).toContain('## Punkt 1: A');
  });
});
