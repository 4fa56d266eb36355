import { describe, expect, test } from 'vitest';
import { fixAll } from '../../server/src/engine.js';
import { config, covered, crlf, findings, meeting, positionOf } from './people-meeting.js';

const ID = 'left-not-noted';

describe('left-not-noted', () => {
  test('left after item 1, not noted on item 2: message, range, related sentence, fix', () => {
    const text = meeting({ items: [{ decision: ['Bo Vestergaard (V) forlod mødet efter punkt 1.'] }, { decision: [] }] });
    const [f, ...rest] = findings(text, ID);
    expect(rest).toEqual([]);
    expect(f!.ruleId).toBe(ID);
    expect(f!.severity).toBe('warning');
    expect(f!.messageId).toBe('notNoted');
    expect(f!.message.en).toBe(
      'Bo Vestergaard left the meeting after item 1 but is not noted absent in the decision of item 2. Add "Bo Vestergaard deltog ikke i sagens behandling."',
    );
    expect(f!.message.da).toBe(
      'Bo Vestergaard forlod mødet efter punkt 1, men er ikke noteret fraværende i beslutningen på punkt 2. Tilføj "Bo Vestergaard deltog ikke i sagens behandling."',
    );
    expect(covered(text, f!)).toBe('### Beslutning');
    expect(f!.range.start.line).toBe(positionOf(text, '### Beslutning', 1).line);
    expect(f!.related?.[0]?.range.start.line).toBe(positionOf(text, 'Bo Vestergaard (V) forlod').line);
    expect(f!.related?.[0]?.message.en).toBe('Bo Vestergaard left the meeting here.');
    expect(fixAll(text, { rules: [ID] }).text).toBe(text.replace(/1\. at godkendt\.\n$/, '1. at godkendt.\n\nBo Vestergaard deltog ikke i sagens behandling.\n'));
  });

  test('left during an item: absent from the later items, not from that one', () => {
    const text = meeting({
      items: [{ decision: [] }, { decision: ['Claus Berggren forlod mødet under behandlingen af punktet.'] }, { decision: [] }, { decision: ['Claus Berggren deltog ikke i sagens behandling.'] }],
    });
    const fs = findings(text, ID);
    expect(fs).toHaveLength(1);
    expect(fs[0]!.messageId).toBe('notNotedDuring');
    expect(fs[0]!.message.en).toContain('Claus Berggren left the meeting during item 2 but is not noted absent in the decision of item 3.');
    expect(fs[0]!.message.da).toContain('Claus Berggren forlod mødet under behandlingen af punkt 2, men');
    expect(fs[0]!.range.start.line).toBe(positionOf(text, '### Beslutning', 2).line);
  });

  test('"efter punkt <n>" names an item by its number, wherever the sentence stands', () => {
    const text = meeting({ items: [{ decision: ['Anne Holm forlod mødet efter punkt 2.'] }, { decision: [] }, { decision: [] }] });
    const fs = findings(text, ID);
    expect(fs.map((f) => f.range.start.line)).toEqual([positionOf(text, '### Beslutning', 2).line]);
  });

  test('several members missing on one item: one finding, one merged sentence; combines with afbud-not-noted', () => {
    const text = meeting({
      header: ['Afbud: Erik Lund'],
      items: [
        { decision: ['Erik Lund deltog ikke i sagens behandling.', 'Bo Vestergaard forlod mødet efter punkt 1.'] },
        { decision: ['Erik Lund og Bo Vestergaard deltog ikke i sagens behandling.', 'Claus Berggren forlod mødet under behandlingen af punktet.'] },
        { decision: [] },
      ],
    });
    const fs = findings(text, ID);
    expect(fs).toHaveLength(1);
    expect(fs[0]!.messageId).toBe('notNotedMany');
    expect(fs[0]!.message.en).toContain('Bo Vestergaard and Claus Berggren left the meeting earlier');
    const both = fixAll(text, { rules: [ID, 'afbud-not-noted'] }).text;
    // afbud-not-noted comes first in the registry: its note is added, then extended in the next pass.
    expect(both).toBe(text.replace(/1\. at godkendt\.\n$/, '1. at godkendt.\n\nErik Lund, Bo Vestergaard og Claus Berggren deltog ikke i sagens behandling.\n'));
    expect(findings(both, ID)).toEqual([]);
    expect(findings(both, 'afbud-not-noted')).toEqual([]);
  });

  test('items without a decision, closed items and agendas are not checked', () => {
    const items = [{ decision: ['Anne Holm forlod mødet efter punkt 1.'] }, { decision: null }, { fields: ['Lukket: ja'], decision: [] }];
    expect(findings(meeting({ items }), ID)).toEqual([]);
    expect(findings(meeting({ kind: 'DAGSORDEN', items: [{ decision: ['Anne Holm forlod mødet efter punkt 1.'] }, { decision: [] }] }), ID)).toEqual([]);
  });

  test('a name that is not a member is left to unknown-person', () => {
    const text = meeting({ items: [{ decision: ['Jens Jensen forlod mødet efter punkt 1.'] }, { decision: [] }] });
    expect(findings(text, ID)).toEqual([]);
  });

  test('sonderborg house style notes absence once: silent', () => {
    const text = meeting({ items: [{ decision: ['Anne Holm forlod mødet efter punkt 1.'] }, { decision: [] }] });
    expect(findings(text, ID)).toHaveLength(1);
    expect(findings(text, ID, config({ profile: 'sonderborg' }))).toEqual([]);
  });

  test('CRLF: the inserted note uses the file\'s line ending', () => {
    const text = crlf(meeting({ items: [{ decision: ['Anne Holm forlod mødet efter punkt 1.'] }, { decision: [] }] }));
    const fixed = fixAll(text, { rules: [ID] }).text;
    expect(fixed).toBe(text.replace(/1\. at godkendt\.\r\n$/, '1. at godkendt.\r\n\r\nAnne Holm deltog ikke i sagens behandling.\r\n'));
  });
});
