/**
 * The attendance forms of spec §6.1 in every place they are noted (header, first item, each
 * decision): per form, the model (who is away, substitute or inhabil for which items) and a
 * finding a user sees (rule id and range).
 */
import { describe, expect, it } from 'vitest';
import { analyze, lint, type Finding } from '../../server/src/engine.js';
import { awayFromItem, itemIndexes, memberList, presence } from '../../server/src/rules/util/attendance.js';

const members = 'Ane Lund (A), Bo Krog (Løsgænger), Carl Dahl (), Dina Holm (V)';

function meeting(opts: { header?: string[]; items: { title?: string; decision?: string[]; body?: string[] }[] }): string {
  const out = ['# REFERAT Miljøudvalget', '', 'Mødedato: 2024-03-05 16:00', `Mødedeltagere: ${members}`, ...(opts.header ?? []), ''];
  opts.items.forEach((it, i) => {
    const n = i + 1;
    out.push(`## Punkt ${n}: ${it.title ?? `Sag ${n}`}`, `Sagsnr: 00.01.00-A00-${n}-24`, '');
    if (it.body) out.push(...it.body, '');
    out.push('### Indstilling', '1. at sagen godkendes.', '', '### Beslutning', '1. at godkendt.', '');
    for (const d of it.decision ?? []) out.push(d, '');
  });
  return out.join('\n');
}

const of = (text: string, rule: string): Finding[] => lint(text).findings.filter((f) => f.ruleId === rule);
const covered = (text: string, f: Finding) => text.slice(f.range.start.offset, f.range.end.offset);
/** Away reasons per item, by name key. */
function away(text: string): Record<string, string>[] {
  const { meeting: m } = analyze(text);
  return m.items.map((_, i) => Object.fromEntries(awayFromItem(m, i)));
}

describe('absent, in the header', () => {
  it('an "Ikke til stede:" header line: absent from every item, a vote is flagged on the name', () => {
    const text = meeting({ header: ['Ikke til stede: Dina Holm (V)'], items: [{ decision: ['For stemte: Ane Lund og Dina Holm (2).'] }] });
    expect(away(text)[0]).toEqual({ 'dina holm': 'absent' });
    const [f] = of(text, 'vote-count');
    expect(f!.messageId).toBe('votesAbsent');
    expect(f!.range.start.offset).toBe(text.lastIndexOf('Dina Holm'));
  });

  it('"Der var afbud fra A og B." as a header paragraph: apologies for the meeting', () => {
    const text = meeting({ header: ['', 'Der var afbud fra Ane Lund (A) og Bo Krog (Løsgænger).'], items: [{ decision: ['For stemte: Bo Krog (1).'] }] });
    const { meeting: m } = analyze(text);
    expect(m.attendance.absentFromMeeting.map((a) => [a.name.name, a.apologies])).toEqual([
      ['Ane Lund', true],
      ['Bo Krog', true],
    ]);
    const [f] = of(text, 'vote-count');
    expect(f!.messageId).toBe('votesAfbud');
    expect(covered(text, f!)).toBe('Bo Krog');
    expect(f!.range.start.offset).toBe(text.lastIndexOf('Bo Krog'));
  });

  it('"Bemærkninger: Afbud fra A." (a remark field) is read; a non-member there is flagged', () => {
    const text = meeting({ header: ['Bemærkninger: Afbud fra Ane Lund og Erik Berg.'], items: [{ decision: ['Godkendt.'] }] });
    const { meeting: m } = analyze(text);
    expect(m.attendance.header.forfald.map((n) => n.name)).toEqual(['Ane Lund', 'Erik Berg']);
    const [f] = of(text, 'unknown-person');
    expect(covered(text, f!)).toBe('Erik Berg');
  });

  it('"Fraværende med afbud" with the names in a list below it', () => {
    const text = meeting({ header: ['', 'Fraværende med afbud', '- Carl Dahl ()', '- Dina Holm (V)'], items: [{ decision: ['Undlod at stemme: Carl Dahl (1).'] }] });
    const { meeting: m } = analyze(text);
    expect(m.attendance.header.apologies.map((n) => [n.name, n.party ?? ''])).toEqual([
      ['Carl Dahl', ''],
      ['Dina Holm', 'V'],
    ]);
    expect(of(text, 'vote-count').map((f) => [f.messageId, covered(text, f)])).toEqual([['votesAfbud', 'Carl Dahl']]);
  });
});

describe('absent, under the first item', () => {
  it('"Fraværende" then the name on the next line covers the meeting where later items note nobody', () => {
    const text = meeting({ items: [{ decision: ['Fraværende\nCarl Dahl ()'] }, { decision: ['For stemte: Carl Dahl og Ane Lund (2).'] }] });
    const { meeting: m } = analyze(text);
    expect(m.attendance.firstItemCoversMeeting).toBe(true);
    expect(m.items[0]!.attendance.absent.map((n) => n.name)).toEqual(['Carl Dahl']);
    expect(away(text)[1]).toEqual({ 'carl dahl': 'absent' });
    const [f] = of(text, 'vote-count');
    expect(f!.range.start.offset).toBe(text.lastIndexOf('Carl Dahl og'));
  });

  it('where later items note absence too, each note is about its own item', () => {
    const text = meeting({ items: [{ decision: ['Fraværende: Carl Dahl ().'] }, { decision: ['Ikke til stede: Dina Holm (V)', 'For stemte: Carl Dahl (1).'] }] });
    const { meeting: m } = analyze(text);
    expect(m.attendance.firstItemCoversMeeting).toBe(false);
    expect(away(text)).toEqual([{ 'carl dahl': 'absent' }, { 'dina holm': 'absent' }]);
    expect(of(text, 'vote-count')).toEqual([]);
  });

  it('"deltog ikke i sagens behandling" names its item: never the whole meeting', () => {
    const text = meeting({ items: [{ decision: ['Bo Krog deltog ikke i sagens behandling.'] }, { decision: ['For stemte: Bo Krog (1).'] }] });
    expect(away(text)).toEqual([{ 'bo krog': 'absent' }, {}]);
    expect(of(text, 'vote-count')).toEqual([]);
  });

  it('"Fraværende: Ingen" names nobody', () => {
    const text = meeting({ items: [{ decision: ['Fraværende: Ingen'] }] });
    const { meeting: m } = analyze(text);
    expect(m.items[0]!.attendance.sentences.map((s) => [s.kind, s.names.names.length])).toEqual([['absent', 0]]);
    expect(away(text)).toEqual([{}]);
  });
});

describe('absent, in a decision', () => {
  it('"A deltog ikke i behandlingen." (no item named) is the note for this item, as "… i sagens behandling."', () => {
    const short = meeting({ header: ['Afbud: Dina Holm (V)'], items: [{ decision: ['Dina Holm (V) deltog ikke i behandlingen.'] }, { decision: ['Godkendt.'] }] });
    const { meeting: m } = analyze(short);
    expect(m.items[0]!.attendance.sentences.map((x) => [x.kind, x.names.names.map((n) => n.name)])).toEqual([['absent', ['Dina Holm']]]);
    expect(m.items[1]!.attendance.sentences).toEqual([]);
    // Noted on item 1; only item 2 lacks the note, exactly as with the spec's wording.
    const findings = of(short, 'afbud-not-noted');
    expect(findings.map((f) => f.range.start.line)).toEqual(of(short.replace('i behandlingen.', 'i sagens behandling.'), 'afbud-not-noted').map((f) => f.range.start.line));
    expect(findings.map((f) => f.range.start.line)).toEqual([short.split('\n').lastIndexOf('### Beslutning')]);
  });
});

describe('absent from a range of items', () => {
  const text = meeting({
    header: ['Afbud: Ane Lund'],
    items: [
      { decision: ['Ane Lund deltog ikke i sagens behandling.', 'Bo Krog (Løsgænger) deltog ikke under punkterne 2-3.', 'Carl Dahl var fraværende under punkt 2.'] },
      { decision: ['Ane Lund deltog ikke i sagens behandling.'] },
      { decision: ['Ane Lund deltog ikke i sagens behandling.', 'For stemte: Bo Krog og Dina Holm (2).'] },
      { decision: ['Ane Lund deltog ikke i sagens behandling.', 'For stemte: Bo Krog og Dina Holm (2).'] },
    ],
  });

  it('resolves the ranges to the items they name', () => {
    const { meeting: m } = analyze(text);
    expect(m.attendance.absentFromItems.map((x) => [x.name.name, [...itemIndexes(m, x.items)]])).toEqual([
      ['Bo Krog', [1, 2]],
      ['Carl Dahl', [1]],
    ]);
    expect(away(text).map((a) => Object.keys(a).sort())).toEqual([['ane lund'], ['ane lund', 'bo krog', 'carl dahl'], ['ane lund', 'bo krog'], ['ane lund']]);
  });

  it('quorum: only the item where too few were present', () => {
    const f = of(text, 'quorum');
    expect(f.map((x) => x.range.start.line)).toEqual([text.split('\n').findIndex((l) => l.startsWith('## Punkt 2:'))]);
    expect(f[0]!.message.en).toContain('Only 1 of 4 members were present for item 2');
    const { meeting: m } = analyze(text);
    const list = memberList({ meeting: m, roster: undefined })!;
    expect(presence(list, m, 3).present.map((x) => x.name)).toEqual(['Bo Krog', 'Carl Dahl', 'Dina Holm']);
  });

  it('vote-count: a vote in the range is flagged, the same vote after it is not', () => {
    const f = of(text, 'vote-count');
    expect(f).toHaveLength(1);
    expect(f[0]!.messageId).toBe('votesAbsent');
    expect(f[0]!.message.en).toContain('item 3');
    expect(f[0]!.range.start.offset).toBe(text.indexOf('For stemte: Bo Krog') + 'For stemte: '.length);
  });

  it('afbud-not-noted: a range note counts as the note on those items', () => {
    const t = meeting({
      header: ['Afbud: Dina Holm'],
      items: [{ decision: ['Dina Holm deltog ikke i pkt. 1 og 2.'] }, { decision: ['Godkendt.'] }, { decision: ['Godkendt.'] }],
    });
    const f = of(t, 'afbud-not-noted');
    expect(f.map((x) => x.message.en.match(/decision of item (\d+)/)![1])).toEqual(['3']);
    expect(f[0]!.range.start.offset).toBe(t.indexOf('### Beslutning', t.indexOf('## Punkt 3')));
  });
});

describe('substitutes', () => {
  it('"A var fraværende. Som stedfortræder deltog B": B is a member, A is replaced', () => {
    const text = meeting({ items: [{ decision: ['Carl Dahl () var fraværende. Som stedfortræder deltog Eva Bak ().'] }, { decision: ['For stemte: Eva Bak, Carl Dahl (2).'] }] });
    const { meeting: m } = analyze(text);
    expect(m.attendance.substitutions.map((s) => [s.substitute.name, s.for.name])).toEqual([['Eva Bak', 'Carl Dahl']]);
    expect(m.members?.find((x) => x.name === 'Eva Bak')?.substitute).toBe(true);
    expect(of(text, 'unknown-person')).toEqual([]);
    expect(of(text, 'vote-count').map((f) => covered(text, f))).toEqual(['Carl Dahl']);
  });

  it('"Der var afbud fra A og B. Som suppleanter deltog C og D." pairs them in order; the substitutes count for the quorum', () => {
    const text = meeting({
      header: ['', 'Der var afbud fra Ane Lund, Bo Krog og Carl Dahl. Som suppleanter deltog Eva Bak, Finn Ry og Gry Sø.'],
      items: [{ decision: ['Godkendt.'] }],
    });
    const { meeting: m } = analyze(text);
    expect(m.attendance.substitutions.map((s) => `${s.substitute.name}>${s.for.name}`)).toEqual(['Eva Bak>Ane Lund', 'Finn Ry>Bo Krog', 'Gry Sø>Carl Dahl']);
    expect(of(text, 'quorum')).toEqual([]);
    // Without the substitutes, 1 of 4 is present.
    const without = text.replace(' Som suppleanter deltog Eva Bak, Finn Ry og Gry Sø.', '');
    expect(of(without, 'quorum')).toHaveLength(1);
  });

  it('"I stedet deltog B", "A (stedfortræder: B)", "B er indkaldt som suppleant for A", "Stedfortrædere: B"', () => {
    const forms: [string[], string[], string][] = [
      [[], ['Dina Holm (V) var fraværende. I stedet deltog Eva Bak (V).'], 'Eva Bak>Dina Holm'],
      [['Fraværende: Dina Holm (stedfortræder: Eva Bak)'], [], 'Eva Bak>Dina Holm'],
      [[], ['Eva Bak er indkaldt som suppleant for Dina Holm.'], 'Eva Bak>Dina Holm'],
      [['Afbud: Dina Holm', 'Stedfortrædere: Eva Bak'], [], 'Eva Bak>Dina Holm'],
      [['', 'Afbud fra Dina Holm stedfortræder Eva Bak.'], [], 'Eva Bak>Dina Holm'],
    ];
    for (const [header, decision, pair] of forms) {
      const text = meeting({ header, items: [{ decision: [...decision, 'For stemte: Eva Bak (1).'] }] });
      const { meeting: m } = analyze(text);
      expect(m.attendance.substitutions.map((s) => `${s.substitute.name}>${s.for.name}`), JSON.stringify([header, decision])).toEqual([pair]);
      expect(of(text, 'unknown-person'), JSON.stringify([header, decision])).toEqual([]);
    }
  });

  it('a substitute with nobody named beside it is still a member', () => {
    const text = meeting({ items: [{ decision: ['Som suppleant deltog Eva Bak.', 'For stemte: Eva Bak (1).'] }] });
    const { meeting: m } = analyze(text);
    expect(m.attendance.unpairedSubstitutes.map((n) => n.name)).toEqual(['Eva Bak']);
    expect(of(text, 'unknown-person')).toEqual([]);
  });
});

describe('inhabil', () => {
  it('"A oplyste, at han var inhabil i behandlingen af punkt 2" under the first item: not counted in item 2\'s vote', () => {
    const text = meeting({
      items: [
        { decision: ['Bo Krog oplyste, at han var inhabil i behandlingen af punkt 2. Udvalget tiltrådte dette.'] },
        { decision: ['For stemte: Ane Lund og Bo Krog (2).'] },
        { decision: ['For stemte: Ane Lund og Bo Krog (2).'] },
      ],
    });
    expect(away(text)).toEqual([{}, { 'bo krog': 'inhabil' }, {}]);
    const f = of(text, 'vote-count');
    expect(f.map((x) => x.messageId)).toEqual(['votesInhabil']);
    expect(f[0]!.range.start.offset).toBe(text.indexOf('Bo Krog (2)'));
  });

  it('"A er erklæret inhabil i sager om …" with a substitute for those cases: A is not away from the meeting', () => {
    const text = meeting({
      header: ['', 'Dina Holm (V) er erklæret inhabil i sager om salg af ejendom. Eva Bak (V) er indkaldt som stedfortræder for Dina Holm (kommunestyrelsesloven § 14 stk. 3).'],
      items: [{ decision: ['For stemte: Dina Holm (1).'] }],
    });
    const { meeting: m } = analyze(text);
    expect(m.attendance.header.inhabilSubjects.map((x) => [x.name.name, x.subject.text])).toEqual([['Dina Holm', 'salg af ejendom']]);
    expect(m.attendance.substitutions.map((s) => [s.substitute.name, s.for.name, s.whileInhabil])).toEqual([['Eva Bak', 'Dina Holm', true]]);
    expect(away(text)).toEqual([{}]);
    expect(of(text, 'vote-count')).toEqual([]);
  });
});

describe('left', () => {
  it('"forlod mødet efter behandlingen af punkt 1" on its own line, without a period', () => {
    const text = meeting({ items: [{ decision: ['Godkendt.\nBo Krog forlod mødet efter behandlingen af punkt 1'] }, { decision: ['For stemte: Bo Krog (1).'] }] });
    expect(away(text)).toEqual([{}, { 'bo krog': 'left' }]);
    expect(of(text, 'vote-count').map((f) => covered(text, f))).toEqual(['Bo Krog']);
    const [f] = of(text, 'left-not-noted');
    expect(f!.message.en).toContain('decision of item 2');
  });

  it('"forlod mødet før punkt 3"', () => {
    const text = meeting({ items: [{ decision: ['Bo Krog forlod mødet før punkt 3.'] }, {}, { decision: ['For stemte: Bo Krog (1).'] }] });
    expect(away(text).map((a) => a['bo krog'])).toEqual([undefined, undefined, 'left']);
    expect(of(text, 'vote-count')).toHaveLength(1);
  });
});

describe('guests and party letters', () => {
  it('"Derudover deltog: A (referent)" names guests, not members', () => {
    const text = meeting({ items: [{ decision: ['Derudover deltog: Eva Bak (referent) og Finn Ry.'] }] });
    const { meeting: m } = analyze(text);
    expect(m.items[0]!.attendance.guests.map((n) => n.name)).toEqual(['Eva Bak', 'Finn Ry']);
    expect(of(text, 'unknown-person')).toEqual([]);
  });

  it('"(afbud)" after the note marks apologies; "(Løsgænger)" and "()" are not part of names', () => {
    const text = meeting({ items: [{ decision: ['Bo Krog (Løsgænger) og Carl Dahl () deltog ikke i sagens behandling (afbud).'] }] });
    const { meeting: m } = analyze(text);
    expect(m.items[0]!.attendance.apologies.map((n) => [n.name, n.party ?? ''])).toEqual([
      ['Bo Krog', 'Løsgænger'],
      ['Carl Dahl', ''],
    ]);
    expect(of(text, 'unknown-person')).toEqual([]);
  });
});

describe('item fields', () => {
  it('"Fraværende: A (stedfortræder: B)" as an item field: B is a member, A is away from the meeting', () => {
    const text = meeting({ items: [{ decision: ['For stemte: Eva Bak (1).'] }, { decision: ['For stemte: Dina Holm (1).'] }] }).replace(
      'Sagsnr: 00.01.00-A00-1-24',
      'Sagsnr: 00.01.00-A00-1-24\nFraværende: Dina Holm (stedfortræder: Eva Bak)',
    );
    const { meeting: m } = analyze(text);
    expect(m.items[0]!.attendance.absent.map((n) => n.name)).toEqual(['Dina Holm']);
    expect(m.attendance.substitutions.map((s) => `${s.substitute.name}>${s.for.name}`)).toEqual(['Eva Bak>Dina Holm']);
    expect(of(text, 'unknown-person')).toEqual([]);
    expect(of(text, 'vote-count').map((f) => [f.messageId, f.range.start.offset])).toEqual([['votesSubstituted', text.lastIndexOf('Dina Holm')]]);
  });
});
