import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/engine.js';
import { defaultConfig } from '../../server/src/config/resolve.js';

const sonderborg = [
  '# REFERAT 2022-25: Arbejdsmarkedsudvalget d. 13-08-2024',
  '',
  'Profil: sonderborg',
  'Mødedato: 2024-08-13 16:00',
  'Mødedeltagere: Anne Holm (A), Bo Ibsen (V), Carl Dam (Ø),',
  '  Dorte Kjær og Martin Bech (A)',
  'Afbud: Martin Bech',
  'Stedfortrædere: Kim Østergaard for Martin Bech',
  '',
  '## Punkt 1: Godkendelse af dagsorden',
  'Sagsnr: 23/64938',
  '',
  '### Sagsresumé',
  'Dagsordenen forelægges.',
  '',
  '### Indstilling',
  '- at dagsordenen godkendes.',
  '',
  '### Beslutning Arbejdsmarkedsudvalget den 13-08-2024',
  'Godkendt.',
  '',
  'Kim Østergaard mødte som stedfortræder for Martin Bech.',
  'Carl Dam erklærede sig inhabil.',
  '',
  'For stemte: Anne Holm (A), Bo Ibsen (V) og Kim Østergaard (3).',
  '',
  'Dorte Kjær forlod mødet efter punkt 1.',
  '',
  '## Punkt 2: Lukket: Underskriftsside – august 2024',
  'Sagsnr: 23/1',
  'Fraværende: Dorte Kjær',
  '',
].join('\n');

describe('meeting model', () => {
  const { meeting, config } = analyze(sonderborg, defaultConfig);

  it('applies the file\'s Profil field', () => {
    expect(config.profile.name).toBe('sonderborg');
  });

  it('reads committee, period, dates and members with party letters', () => {
    expect(meeting.committee).toBe('Arbejdsmarkedsudvalget');
    expect(meeting.period).toBe('2022-25');
    expect(meeting.titleDate).toMatchObject({ year: 2024, month: 8, day: 13 });
    expect(meeting.date).toMatchObject({ year: 2024, month: 8, day: 13, hour: 16, minute: 0, form: 'iso', valid: true });
    expect(meeting.members?.map((m) => [m.name, m.party ?? '', !!m.substitute])).toEqual([
      ['Anne Holm', 'A', false],
      ['Bo Ibsen', 'V', false],
      ['Carl Dam', 'Ø', false],
      ['Dorte Kjær', '', false],
      ['Martin Bech', 'A', false],
      ['Kim Østergaard', '', true],
    ]);
    expect(meeting.afbud.map((p) => p.name)).toEqual(['Martin Bech']);
    expect(meeting.substitutions.map((s) => [s.substitute.name, s.for.name])).toEqual([['Kim Østergaard', 'Martin Bech']]);
  });

  it('gives each name its exact range', () => {
    const dorte = meeting.members!.find((m) => m.name === 'Dorte Kjær')!.declaration;
    expect(sonderborg.slice(dorte.nameRange.start.offset, dorte.nameRange.end.offset)).toBe('Dorte Kjær');
    expect(dorte.nameRange.start).toMatchObject({ line: 5, character: 2 });
    const martin = meeting.members!.find((m) => m.name === 'Martin Bech')!.declaration;
    expect(sonderborg.slice(martin.range.start.offset, martin.range.end.offset)).toBe('Martin Bech (A)');
  });

  it('classifies sections through the profile, including the decision heading with committee and date', () => {
    const item = meeting.items[0]!;
    expect(item.sections.map((s) => [s.kind, s.displayName])).toEqual([
      ['resume', 'Sagsresumé'],
      ['indstilling', 'Indstilling'],
      ['beslutning', 'Beslutning'],
    ]);
    expect(item.sections[2]!.decisionBody).toEqual({ committee: 'Arbejdsmarkedsudvalget', date: '13-08-2024' });
    expect(item.proposals.map((p) => p.text)).toEqual(['at dagsordenen godkendes.']);
    expect(item.decisions).toEqual([]);
  });

  it('reads attendance and votes from the decision', () => {
    const a = meeting.items[0]!.attendance;
    expect(a.substitutes.map((s) => [s.substitute.name, s.for.name])).toEqual([['Kim Østergaard', 'Martin Bech']]);
    expect(a.inhabil.map((p) => p.name)).toEqual(['Carl Dam']);
    expect(a.left.map((l) => [l.name.name, l.afterItem])).toEqual([['Dorte Kjær', '1']]);
    expect(a.votes).toHaveLength(1);
    expect(a.votes[0]!.kind).toBe('for');
    expect(a.votes[0]!.sentence.count?.value).toBe(3);
    expect(a.votes[0]!.sentence.names.names.map((n) => n.name)).toEqual(['Anne Holm', 'Bo Ibsen', 'Kim Østergaard']);
  });

  it('marks an item closed by its title and reads the Fraværende field', () => {
    const item = meeting.items[1]!;
    expect(item.closed).toBe(true);
    expect(item.caseNumber?.text).toBe('23/1');
    expect(item.attendance.absent.map((p) => p.name)).toEqual(['Dorte Kjær']);
  });

  it('a DAGSORDEN is an agenda', () => {
    expect(analyze('# DAGSORDEN Udvalg\n').meeting.kind).toBe('DAGSORDEN');
  });
});
