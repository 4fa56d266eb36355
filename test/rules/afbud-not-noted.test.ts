import { describe, expect, test } from 'vitest';
import { fixAll } from '../../server/src/engine.js';
import { config, covered, crlf, findings, meeting, positionOf } from './people-meeting.js';

const ID = 'afbud-not-noted';

describe('afbud-not-noted', () => {
  test('a member in Afbud not noted on an item: message, range on the Beslutning heading, related Afbud', () => {
    const text = meeting({ header: ['Afbud: Claus Berggren (A)'], items: [{ decision: [] }] });
    const [f, ...rest] = findings(text, ID);
    expect(rest).toEqual([]);
    expect(f!.ruleId).toBe(ID);
    expect(f!.severity).toBe('warning');
    expect(f!.messageId).toBe('notNoted');
    expect(f!.message.en).toBe(
      'Claus Berggren sent apologies (Afbud) but is not noted absent in the decision of item 1. Add "Claus Berggren deltog ikke i sagens behandling."',
    );
    expect(f!.message.da).toBe(
      'Claus Berggren har meldt afbud, men er ikke noteret fraværende i beslutningen på punkt 1. Tilføj "Claus Berggren deltog ikke i sagens behandling."',
    );
    expect(covered(text, f!)).toBe('### Beslutning');
    expect(f!.range.start.line).toBe(positionOf(text, '### Beslutning').line);
    expect(f!.related?.[0]?.range.start.line).toBe(positionOf(text, 'Afbud:').line);
    expect(f!.fix?.title).toEqual({ da: 'Notér Claus Berggren fraværende på punkt 1', en: 'Note Claus Berggren absent on item 1' });
  });

  test('fix: a new paragraph after the decision, names without party letters, joined "A, B og C"', () => {
    const text = meeting({ header: ['Afbud: Claus Berggren (A), Dorte Madsen (O)'], items: [{ decision: [] }] });
    const [f] = findings(text, ID);
    expect(f!.messageId).toBe('notNotedMany');
    expect(f!.message.en).toContain('Claus Berggren and Dorte Madsen sent apologies (Afbud) but are not noted absent');
    expect(f!.message.da).toContain('Claus Berggren og Dorte Madsen har meldt afbud');
    expect(fixAll(text, { rules: [ID] }).text).toBe(
      text.replace('1. at godkendt.\n', '1. at godkendt.\n\nClaus Berggren og Dorte Madsen deltog ikke i sagens behandling.\n'),
    );
  });

  test('fix: merges into an existing absence sentence', () => {
    const text = meeting({
      header: ['Afbud: Claus Berggren, Dorte Madsen'],
      items: [{ decision: ['Claus Berggren (A) deltog ikke i sagens behandling.'] }],
    });
    const [f] = findings(text, ID);
    expect(f!.message.en).toContain('Dorte Madsen sent apologies');
    expect(fixAll(text, { rules: [ID] }).text).toContain('\nClaus Berggren (A) og Dorte Madsen deltog ikke i sagens behandling.\n');
  });

  test('fix: adds to the item field Fraværende when the item has one', () => {
    const text = meeting({
      header: ['Afbud: Anne Holm, Claus Berggren, Dorte Madsen'],
      items: [{ fields: ['Fraværende: Anne Holm'], decision: [] }],
    });
    expect(fixAll(text, { rules: [ID] }).text).toBe(text.replace('Fraværende: Anne Holm', 'Fraværende: Anne Holm, Claus Berggren og Dorte Madsen'));
  });

  test('noted by havde forfald, deltog ikke, var fraværende or Fraværende: clean', () => {
    const text = meeting({
      header: ['Afbud: Claus Berggren (A)'],
      items: [
        { decision: ['Claus Berggren havde forfald.'] },
        { decision: ['Claus Berggren deltog ikke i sagens behandling.'] },
        { decision: ['Claus Berggren deltog ikke i behandlingen af dette punkt.'] },
        { decision: ['Claus Berggren var fraværende.'] },
        { fields: ['Fraværende: Claus Berggren'], decision: [] },
        { decision: ['claus BERGGREN deltog ikke i sagens behandling.'.replace('claus', 'Claus')] },
      ],
    });
    expect(findings(text, ID)).toEqual([]);
  });

  test('only open items with a non-empty decision, only in a REFERAT', () => {
    const items = [
      { decision: null }, // no Beslutning: missing-decision's business
      { fields: ['Lukket: ja'], decision: [] }, // closed
    ];
    expect(findings(meeting({ header: ['Afbud: Claus Berggren'], items }), ID)).toEqual([]);
    const agenda = meeting({ kind: 'DAGSORDEN', header: ['Afbud: Claus Berggren'], items: [{ decision: [] }] });
    expect(findings(agenda, ID)).toEqual([]);
    const empty = meeting({ header: ['Afbud: Claus Berggren'], items: [{ decision: [] }] }).replace('### Beslutning\n1. at godkendt.\n', '### Beslutning\n');
    expect(findings(empty, ID)).toEqual([]);
  });

  test('a name in Afbud that is not a member is left to unknown-person', () => {
    const text = meeting({ header: ['Afbud: Claus Bergren'], items: [{ decision: ['Claus Berggren deltog ikke i sagens behandling.'] }] });
    expect(findings(text, ID)).toEqual([]);
    expect(findings(text, 'unknown-person').map((f) => covered(text, f))).toEqual(['Claus Bergren']);
    // Without Mødedeltagere (members unknown) every name in Afbud is taken as written.
    const noMembers = meeting({ members: null, header: ['Afbud: Claus Bergren'], items: [{ decision: [] }] });
    expect(findings(noMembers, ID)).toHaveLength(1);
  });

  test('sonderborg house style notes absence once: silent', () => {
    const text = meeting({ header: ['Afbud: Claus Berggren'], items: [{ decision: [] }, { decision: [] }] });
    expect(findings(text, ID)).toHaveLength(2);
    expect(findings(text, ID, config({ profile: 'sonderborg' }))).toEqual([]);
    expect(findings(text.replace('Afbud: Claus Berggren', 'Afbud: Claus Berggren\nProfil: sonderborg'), ID)).toEqual([]);
  });

  test('one finding per item, naming only the members missing there', () => {
    const text = meeting({
      header: ['Afbud: Claus Berggren, Dorte Madsen'],
      items: [{ decision: ['Dorte Madsen deltog ikke i sagens behandling.'] }, { decision: ['Claus Berggren og Dorte Madsen deltog ikke i sagens behandling.'] }, { decision: [] }],
    });
    const fs = findings(text, ID);
    expect(fs.map((f) => [f.range.start.line, f.message.en.split(' sent')[0]])).toEqual([
      [positionOf(text, '### Beslutning', 0).line, 'Claus Berggren'],
      [positionOf(text, '### Beslutning', 2).line, 'Claus Berggren and Dorte Madsen'],
    ]);
  });

  test('CRLF: the inserted note uses the file\'s line ending', () => {
    const text = crlf(meeting({ header: ['Afbud: Claus Berggren'], items: [{ decision: [] }, { decision: ['Godkendt uden bemærkninger.'] }] }));
    const fixed = fixAll(text, { rules: [ID] }).text;
    expect(fixed).toBe(
      text
        .replace('1. at godkendt.\r\n\r\n## Punkt 2', '1. at godkendt.\r\n\r\nClaus Berggren deltog ikke i sagens behandling.\r\n\r\n## Punkt 2')
        .replace('Godkendt uden bemærkninger.\r\n', 'Godkendt uden bemærkninger.\r\n\r\nClaus Berggren deltog ikke i sagens behandling.\r\n'),
    );
    expect(fixed.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(findings(fixed, ID)).toEqual([]);
  });
});
