import { describe, expect, test } from 'vitest';
import { joinNames, normalizeName, partyOf, sameName, stripParty, suggest, suggestMembers } from '../../server/src/rules/util/names.js';

describe('names util', () => {
  test('normalizeName folds case, whitespace and party letters', () => {
    expect(normalizeName('  Claus\n  Berggren (A) ')).toBe('claus berggren');
    expect(normalizeName('ANNE\u00a0HOLM (SF)')).toBe('anne holm');
    expect(sameName('Kim Østergaard', 'kim østergaard (Ø)')).toBe(true);
    expect(sameName('Kim Østergaard', 'Kim Ostergaard')).toBe(false);
    expect(stripParty('Anne Holm (A)')).toBe('Anne Holm');
    expect(partyOf('Anne Holm (Ø)')).toBe('Ø');
    expect(partyOf('Anne Holm')).toBeUndefined();
  });

  test('suggest: close candidates, best first, case-insensitive, exact matches excluded', () => {
    expect(suggest('Mødsted', ['Mødedato', 'Mødested', 'Kommune'])).toEqual(['Mødested']);
    expect(suggest('mødested', ['Mødested'])).toEqual([]);
    expect(suggest('Afbut', ['Afbud', 'Udvalg'])).toEqual(['Afbud']);
    expect(suggest('Sagsnummer', ['Sagsnr'])).toEqual([]);
    expect(suggest('Bo Holm', ['Bo Hald', 'Bo Holt'])).toEqual(['Bo Holt', 'Bo Hald']);
    expect(suggest('Bo Holm', ['Bo Hald', 'Bo Holt'], { limit: 1 })).toEqual(['Bo Holt']);
    expect(suggest('xyz', ['Mødested'])).toEqual([]);
    expect(suggest('', ['A'])).toEqual([]);
  });

  test('suggestMembers: parts of one name, then edit distance', () => {
    const members = ['Kasper Fuhr Christensen', 'Claus Berggren', 'Anne Holm', 'Anne Lund'];
    expect(suggestMembers('Kasper Christensen', members)).toEqual(['Kasper Fuhr Christensen']);
    expect(suggestMembers('Berggren', members)).toEqual(['Claus Berggren']);
    expect(suggestMembers('Anne', members)).toEqual(['Anne Holm', 'Anne Lund']);
    expect(suggestMembers('Claus Bergren (A)', members)).toEqual(['Claus Berggren']);
    expect(suggestMembers('claus berggren', members)).toEqual([]);
    expect(suggestMembers('Jens Jensen', members)).toEqual([]);
  });

  test('joinNames joins as Danish prose', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A og B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B og C');
    expect(joinNames(['A', 'B', 'C'], 'and')).toBe('A, B and C');
  });
});
