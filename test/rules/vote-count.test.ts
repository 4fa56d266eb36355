import { describe, expect, test } from 'vitest';
import { applyFixes } from '../../server/src/engine.js';
import { config, covered, crlf, findings, meeting, positionOf } from './people-meeting.js';

const ID = 'vote-count';
const ERIK_AWAY = 'Erik Lund deltog ikke i sagens behandling.';

describe('vote-count', () => {
  test('a count that disagrees with the names: range on the number, messages, suggestion (not a safe fix)', () => {
    const text = meeting({ items: [{ decision: ['For stemte: Anne Holm (A) og Claus Berggren (A) (3).', 'Imod stemte: Bo Vestergaard (V) (1).'] }] });
    const [f, ...rest] = findings(text, ID);
    expect(rest).toEqual([]);
    expect(f!.ruleId).toBe(ID);
    expect(f!.severity).toBe('error');
    expect(f!.messageId).toBe('countMismatch');
    expect(f!.message.en).toBe('The count (3) does not match the 2 names in the vote. Change the count to (2), or correct the names.');
    expect(f!.message.da).toBe('Antallet (3) passer ikke med 2 navne i afstemningen. Ret antallet til (2), eller ret navnene.');
    expect(covered(text, f!).replace(/[()]/g, '')).toBe('3');
    expect(f!.range.start.line).toBe(positionOf(text, 'For stemte').line);
    expect(f!.fix).toBeUndefined();
    expect(f!.suggestions?.[0]?.title).toEqual({ da: 'Ret antallet til 2', en: 'Change the count to 2' });
    expect(applyFixes(text, [f!.suggestions![0]!]).text).toContain('For stemte: Anne Holm (A) og Claus Berggren (A) (2).');
  });

  test('counts are optional, and right counts are clean', () => {
    const text = meeting({
      items: [{ decision: ['For stemte: Anne Holm (A), Bo Vestergaard (V) og Claus Berggren (A) (3).', 'Imod stemte: Dorte Madsen (O).', 'Undlod at stemme: Erik Lund (F) (1).'] }],
    });
    expect(findings(text, ID)).toEqual([]);
  });

  test('an inhabil member who votes: range on the name, § 14 in the message', () => {
    const text = meeting({ items: [{ decision: ['Dorte Madsen erklærede sig inhabil.', 'For stemte: Anne Holm (A), Bo Vestergaard (V) og Dorte Madsen (O) (3).'] }] });
    const [f, ...rest] = findings(text, ID);
    expect(rest).toEqual([]);
    expect(f!.messageId).toBe('votesInhabil');
    expect(covered(text, f!)).toBe('Dorte Madsen');
    expect(f!.range.start).toMatchObject({ line: positionOf(text, 'For stemte').line, character: 'For stemte: Anne Holm (A), Bo Vestergaard (V) og '.length });
    expect(f!.message.en).toBe(
      'Dorte Madsen declared a conflict of interest (inhabil) on item 1 and may not vote (kommunestyrelsesloven § 14). Remove the name from the vote.',
    );
    expect(f!.message.da).toBe('Dorte Madsen erklærede sig inhabil på punkt 1 og må ikke stemme (kommunestyrelsesloven § 14). Fjern navnet fra afstemningen.');
  });

  test('a member in Afbud, with forfald, absent on the item, who left, or replaced by a substitute, who votes', () => {
    const text = meeting({
      members: 'Anne Holm (A), Bo Vestergaard (V), Claus Berggren (A), Dorte Madsen (O), Erik Lund (F), Martin Bech (V), Kim Østergaard',
      header: ['Afbud: Erik Lund', 'Stedfortrædere: Kim Østergaard for Martin Bech'],
      items: [
        { decision: ['Anne Holm havde forfald.', ERIK_AWAY, 'Bo Vestergaard forlod mødet efter punkt 1.'] },
        { decision: [ERIK_AWAY, 'Claus Berggren var fraværende.', 'For stemte: Erik Lund, Anne Holm, Bo Vestergaard, Claus Berggren og Martin Bech (5).'] },
      ],
    });
    const fs = findings(text, ID);
    expect(fs.map((f) => [f.messageId, covered(text, f)])).toEqual([
      ['votesAfbud', 'Erik Lund'],
      ['votesAfbud', 'Anne Holm'],
      ['votesLeft', 'Bo Vestergaard'],
      ['votesAbsent', 'Claus Berggren'],
      ['votesSubstituted', 'Martin Bech'],
    ]);
    const byId = Object.fromEntries(fs.map((f) => [f.messageId, f.message]));
    expect(byId.votesLeft!.en).toBe('Bo Vestergaard left the meeting before item 2 but is listed as voting. Remove the name from the vote, or correct the note about leaving.');
    expect(byId.votesAbsent!.da).toBe('Claus Berggren er noteret fraværende på punkt 2, men står som stemmende. Fjern navnet fra afstemningen eller fra fraværsnoten.');
    expect(byId.votesSubstituted!.en).toBe("Martin Bech is replaced by a substitute but is listed as voting on item 2. Write the substitute's name instead.");
  });

  test('a substitute votes in place of the member: clean', () => {
    const text = meeting({
      members: 'Anne Holm (A), Martin Bech (V), Claus Berggren (A)',
      header: ['Afbud: Martin Bech', 'Stedfortrædere: Kim Østergaard for Martin Bech'],
      items: [{ decision: ['Martin Bech deltog ikke i sagens behandling.', 'For stemte: Anne Holm (A), Kim Østergaard og Claus Berggren (A) (3).'] }],
    });
    expect(findings(text, ID)).toEqual([]);
  });

  test('the same member twice in one item: reported at the second name, related to the first', () => {
    const text = meeting({ items: [{ decision: ['For stemte: Anne Holm (A) og Bo Vestergaard (V).', 'Imod stemte: Claus Berggren (A) og ANNE HOLM (A).'] }] });
    const [f, ...rest] = findings(text, ID);
    expect(rest).toEqual([]);
    expect(f!.messageId).toBe('votesTwice');
    expect(covered(text, f!)).toBe('ANNE HOLM');
    expect(f!.related?.[0]?.range.start.offset).toBe(positionOf(text, 'Anne Holm (A) og Bo').offset);
    expect(f!.message.en).toBe('ANNE HOLM is listed twice in the votes on item 1. A member votes once: remove one of the names.');
    // The same member may vote on another item.
    const two = meeting({ items: [{ decision: ['For stemte: Anne Holm.'] }, { decision: ['For stemte: Anne Holm.'] }] });
    expect(findings(two, ID)).toEqual([]);
  });

  test('more votes than members present (a non-member voting)', () => {
    const text = meeting({
      header: ['Afbud: Erik Lund'],
      items: [
        {
          decision: [
            ERIK_AWAY,
            'For stemte: Anne Holm (A), Bo Vestergaard (V) og Claus Berggren (A) (3).',
            'Imod stemte: Dorte Madsen (O) og Jens Jensen (2).',
          ],
        },
      ],
    });
    const [f, ...rest] = findings(text, ID);
    expect(rest).toEqual([]);
    expect(f!.messageId).toBe('tooManyVoters');
    expect(f!.message.en).toBe(
      '5 votes on item 1, but only 4 members are present (Mødedeltagere minus apologies and absence). Correct the vote or the attendance notes.',
    );
    expect(f!.message.da).toBe(
      '5 stemmer på punkt 1, men kun 4 medlemmer er til stede (Mødedeltagere minus afbud og fravær). Ret afstemningen eller fraværsnoterne.',
    );
    expect(f!.range.start.line).toBe(positionOf(text, 'For stemte').line);
    // Checked against the configured roster when the file names no members; not at all without either.
    const noMembers = meeting({ members: null, items: [{ decision: ['For stemte: Anne Holm, Bo Vestergaard og Jens Jensen (3).'] }] });
    expect(findings(noMembers, ID)).toEqual([]);
    expect(findings(noMembers, ID, config({ members: ['Anne Holm', 'Bo Vestergaard'] })).map((x) => x.messageId)).toEqual(['tooManyVoters']);
  });

  test('one mistake, one finding: a wrong count does not also count as too many voters', () => {
    const text = meeting({ members: 'Anne Holm, Bo Vestergaard, Claus Berggren', items: [{ decision: ['For stemte: Anne Holm og Bo Vestergaard (9).'] }] });
    expect(findings(text, ID).map((f) => f.messageId)).toEqual(['countMismatch']);
  });

  test('CRLF: ranges are exact', () => {
    const text = crlf(meeting({ items: [{ decision: ['Dorte Madsen erklærede sig inhabil.', 'For stemte: Dorte Madsen (O) og Anne Holm (A) (3).'] }] }));
    const fs = findings(text, ID);
    expect(fs.map((f) => [f.messageId, covered(text, f).replace(/[()]/g, '')])).toEqual([
      ['votesInhabil', 'Dorte Madsen'],
      ['countMismatch', '3'],
    ]);
    expect(fs[0]!.range.start).toMatchObject({ line: positionOf(text, 'For stemte').line, character: 'For stemte: '.length });
  });
});
