import { describe, expect, test } from 'vitest';
import { config, covered, crlf, findings, meeting, positionOf } from './people-meeting.js';

const ID = 'quorum';
// MEMBERS has 5 members: at least 3 must be present.
const TWO_AWAY = 'Dorte Madsen og Erik Lund deltog ikke i sagens behandling.';

describe('quorum', () => {
  test('fewer than half present: message, range on the item heading, related Mødedeltagere', () => {
    const text = meeting({
      header: ['Afbud: Dorte Madsen, Erik Lund'],
      items: [{ decision: [TWO_AWAY] }, { title: 'Salg af grund', decision: ['Claus Berggren (A) erklærede sig inhabil.', TWO_AWAY] }],
    });
    const [f, ...rest] = findings(text, ID);
    expect(rest).toEqual([]);
    expect(f!.ruleId).toBe(ID);
    expect(f!.severity).toBe('warning');
    expect(f!.messageId).toBe('notQuorate');
    expect(f!.message.en).toBe(
      'Only 2 of 5 members were present for item 2, so the committee could not decide (kommunestyrelsesloven § 11 requires at least 3). Check Afbud and the absence notes, or note the substitutes.',
    );
    expect(f!.message.da).toBe(
      'Kun 2 af 5 medlemmer var til stede ved punkt 2, så udvalget var ikke beslutningsdygtigt (kommunestyrelsesloven § 11 kræver mindst 3). Kontrollér Afbud og fraværsnoterne, eller notér stedfortrædere.',
    );
    expect(covered(text, f!)).toBe('## Punkt 2: Salg af grund');
    expect(f!.range.start).toMatchObject({ line: positionOf(text, '## Punkt 2').line, character: 0 });
    expect(f!.related?.[0]?.range.start.line).toBe(positionOf(text, 'Mødedeltagere:').line);
    expect(f!.fix).toBeUndefined();
  });

  test('exactly half is enough', () => {
    const text = meeting({
      members: 'Anne Holm, Bo Vestergaard, Claus Berggren, Dorte Madsen',
      header: ['Afbud: Claus Berggren, Dorte Madsen'],
      items: [{ decision: ['Claus Berggren og Dorte Madsen deltog ikke i sagens behandling.'] }],
    });
    expect(findings(text, ID)).toEqual([]);
    expect(findings(text.replace('Afbud: Claus Berggren, Dorte Madsen', 'Afbud: Bo Vestergaard, Claus Berggren, Dorte Madsen'), ID)).toHaveLength(1);
  });

  test('a substitute restores the quorum; substitutes do not add seats', () => {
    const base = {
      header: ['Afbud: Dorte Madsen, Erik Lund'],
      items: [{ decision: ['Claus Berggren erklærede sig inhabil.', TWO_AWAY] }],
    };
    expect(findings(meeting(base), ID)).toHaveLength(1);
    const withSubstitute = meeting({ ...base, header: [...base.header, 'Stedfortrædere: Kim Østergaard (F) for Erik Lund'] });
    expect(findings(withSubstitute, ID)).toEqual([]);
    const inSentence = meeting({ ...base, items: [{ decision: ['Kim Østergaard mødte som stedfortræder for Erik Lund.', 'Claus Berggren erklærede sig inhabil.', TWO_AWAY] }] });
    expect(findings(inSentence, ID)).toEqual([]);
  });

  test('members who left before the item and forfald notes count as away', () => {
    const text = meeting({
      items: [
        { decision: ['Anne Holm havde forfald.', 'Bo Vestergaard forlod mødet efter punkt 1.'] },
        { decision: ['Anne Holm og Bo Vestergaard deltog ikke i sagens behandling.', 'Claus Berggren forlod mødet under behandlingen af punktet.'] },
        { decision: ['Anne Holm, Bo Vestergaard og Claus Berggren deltog ikke i sagens behandling.'] },
      ],
    });
    const fs = findings(text, ID);
    expect(fs.map((f) => f.range.start.line)).toEqual([positionOf(text, '## Punkt 3').line]);
    expect(fs[0]!.message.en).toContain('Only 2 of 5 members were present for item 3');
  });

  test('closed items count (decided behind closed doors); items without a decision and agendas do not', () => {
    const header = ['Afbud: Claus Berggren, Dorte Madsen, Erik Lund'];
    const closed = meeting({ header, items: [{ title: 'Lukket: Personalesag', fields: ['Lukket: ja'], decision: null }] });
    expect(findings(closed, ID).map((f) => f.message.en)).toEqual([expect.stringContaining('Only 2 of 5 members were present for item 1')]);
    expect(findings(meeting({ header, items: [{ decision: null }] }), ID)).toEqual([]);
    expect(findings(meeting({ kind: 'DAGSORDEN', header, items: [{ decision: [] }] }), ID)).toEqual([]);
  });

  test('members unknown: not checked; the configured roster is used without Mødedeltagere', () => {
    const text = meeting({ members: null, header: ['Afbud: Claus Berggren, Dorte Madsen'], items: [{ decision: [] }] });
    expect(findings(text, ID)).toEqual([]);
    expect(findings(text, ID, config({ members: ['Anne Holm (A)', 'Claus Berggren (A)', 'Dorte Madsen (O)'] }))).toHaveLength(1);
    expect(findings(text, ID, config({ members: ['Anne Holm', 'Bo Vestergaard', 'Claus Berggren', 'Dorte Madsen'] }))).toEqual([]);
  });

  test('CRLF: the range is the item heading', () => {
    const text = crlf(meeting({ header: ['Afbud: Claus Berggren, Dorte Madsen, Erik Lund'], items: [{ decision: [] }] }));
    const [f] = findings(text, ID);
    expect(covered(text, f!)).toBe('## Punkt 1: Sag nummer 1');
    expect(f!.range.start.line).toBe(positionOf(text, '## Punkt 1').line);
  });
});

describe('the rules about people on a meeting in the style of the Randers seed', () => {
  const seedLike = [
    '# REFERAT Beskæftigelsesudvalget d. 03-12-2024',
    '',
    'Mødedato: Tirsdag d. 03. december 2024 kl. 16:30',
    'Mødested: C.2.25',
    'Mødedeltagere: Claus Berggren, Kasper Fuhr Christensen, Jesper Gade,',
    '  Henriette Malland, Bjarne Overmark, Bo Vestergaard, Jens Peter Hansen',
    'Afbud: Claus Berggren',
    '',
    '## Punkt 122: Godkendelse af dagsorden',
    'Sagsnr: 00.22.00-P35-1-24',
    '',
    '### Beslutning',
    'Godkendt.',
    '',
    'Claus Berggren havde forfald.',
    '',
    '## Punkt 123: Omstilling af Ydelseskantoret',
    'Sagsnr: 00.22.00-P35-1-24',
    '',
    '### Indstilling',
    'Forvaltningen indstiller til beskæftigelsesudvalget,',
    '',
    '1. at orienteringen om Ydelseskantoret tages til efterretning.',
    '',
    '### Beslutning',
    '1. at taget til efterretning.',
    '',
    'Claus Berggren deltog ikke i sagens behandling.',
    '',
    'Bjarne Overmark forlod mødet efter punkt 123.',
    '',
    '## Punkt 124: Redegørelse for repatrieringsindsatsen',
    'Sagsnr: 00.22.00-P35-1-24',
    '',
    '### Indstilling',
    'Forvaltningen indstiller til byrådet via beskæftigelsesudvalget og økonomiudvalget,',
    '',
    '1. at redegørelsen tages til efterretning.',
    '2. at forvaltningens forslag til fremtidig indsats godkendes.',
    '',
    '### Beslutning',
    '1. at taget til efterretning.',
    '2. at indstilles godkendt.',
    '',
    'For stemte: Kasper Fuhr Christensen, Jesper Gade, Henriette Malland og Bo Vestergaard (4).',
    '',
    'Imod stemte: Jens Peter Hansen (1).',
    '',
    'Claus Berggren og Bjarne Overmark deltog ikke i sagens behandling.',
    '',
    'Kasper Fuhr Christensen begærede sagen i byrådet.',
    '',
    'Lars Præcius, afdelingsleder, deltog under punktet.',
    '',
    '## Punkt 125: Lukket',
    'Sagsnr: 00.22.00-P35-1-24',
    '',
  ].join('\n');

  test('clean', () => {
    for (const id of ['unknown-person', 'afbud-not-noted', 'left-not-noted', 'vote-count', 'quorum']) {
      expect(findings(seedLike, id), id).toEqual([]);
      expect(findings(crlf(seedLike), id), id).toEqual([]);
    }
  });

  test('typical mistakes are each found once, by the right rule', () => {
    const wrong = seedLike
      .replace('For stemte: Kasper Fuhr Christensen, Jesper Gade, Henriette Malland og Bo Vestergaard (4).', 'For stemte: Kasper Christensen, Jesper Gade, Henriette Malland, Bjarne Overmark og Bo Vestergaard (4).')
      .replace('Claus Berggren og Bjarne Overmark deltog ikke i sagens behandling.', 'Claus Berggren deltog ikke i sagens behandling.');
    const all = ['unknown-person', 'afbud-not-noted', 'left-not-noted', 'vote-count', 'quorum'].flatMap((id) =>
      findings(wrong, id).map((f) => `${id}:${f.messageId}:${covered(wrong, f)}`),
    );
    expect(all).toEqual([
      'unknown-person:unknownDidYouMean:Kasper Christensen',
      'left-not-noted:notNoted:### Beslutning',
      'vote-count:votesLeft:Bjarne Overmark',
      'vote-count:countMismatch:4',
    ]);
  });
});
