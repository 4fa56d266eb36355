import { describe, expect, it } from 'vitest';
import { fixAll, lint, type Finding } from '../../server/src/engine.js';
import rule, { matchCase } from '../../server/src/rules/meeting-date.js';

interface Spec {
  readonly title?: string;
  /** The Mødedato value; `null` = no Mødedato line. */
  readonly date?: string | null;
  readonly header?: readonly string[];
  readonly decisionHeading?: string;
  readonly eol?: string;
}

function meeting(spec: Spec = {}): string {
  const lines = [spec.title ?? '# REFERAT Beskæftigelsesudvalget d. 03-12-2024', '', 'Kommune: Randers Kommune'];
  const date = spec.date === undefined ? 'Tirsdag d. 03. december 2024 kl. 16:30' : spec.date;
  if (date !== null) lines.push(`Mødedato: ${date}`);
  lines.push('Mødested: C.2.25', 'Mødedeltagere: Claus Berggren, Jesper Gade, Henriette Malland', ...(spec.header ?? []));
  lines.push('', '## Punkt 1: Godkendelse af dagsorden', 'Sagsnr: 00.22.00-P35-1-24', '', '### Indstilling', 'Forvaltningen indstiller,', '', '1. at dagsordenen godkendes.');
  lines.push('', `### ${spec.decisionHeading ?? 'Beslutning'}`, '1. at godkendt.');
  const eol = spec.eol ?? '\n';
  return lines.join(eol) + eol;
}

function run(text: string): Finding[] {
  return lint(text, { only: ['meeting-date'] }).findings.filter((f) => f.ruleId === 'meeting-date');
}
const at = (text: string, f: Finding) => text.slice(f.range.start.offset, f.range.end.offset);
const fix = (text: string) => fixAll(text, { rules: ['meeting-date'] }).text;

describe('meeting-date: accepted forms', () => {
  it('meta: error, fixable', () => {
    expect(rule.meta.id).toBe('meeting-date');
    expect(rule.meta.defaultSeverity).toBe('error');
    expect(rule.meta.fixable).toBe(true);
  });

  it.each([
    'Tirsdag d. 03. december 2024 kl. 16:30',
    'tirsdag den 3. december 2024, kl. 16.30',
    'TIRSDAG D. 03. DECEMBER 2024',
    'Tirsdag d. 3. dec. 2024 kl. 9:00',
    '03. december 2024',
    '2024-12-03 16:30',
    '2024-12-03T16:30',
    '2024-12-03',
    'Tirsdag 2024-12-03 16:30',
    '03-12-2024 kl. 16:30',
    '03.12.2024',
  ])('%s', (date) => {
    expect(run(meeting({ date }))).toEqual([]);
  });

  it('a leap day is a real date', () => {
    expect(run(meeting({ title: '# REFERAT Udvalg d. 29-02-2024', date: 'Torsdag d. 29. februar 2024 kl. 16:30' }))).toEqual([]);
  });
});

describe('meeting-date: weekday', () => {
  it('reports the weekday with its exact range, both languages, and fixes it', () => {
    const text = meeting({ date: 'Onsdag d. 03. december 2024 kl. 16:30' });
    const [f, ...rest] = run(text);
    expect(rest).toEqual([]);
    expect(f!.messageId).toBe('weekday');
    expect(f!.severity).toBe('error');
    expect(f!.range.start).toMatchObject({ line: 3, character: 10 });
    expect(f!.range.end).toMatchObject({ line: 3, character: 16 });
    expect(at(text, f!)).toBe('Onsdag');
    expect(f!.message.en).toBe('03-12-2024 is a Tuesday, not a Wednesday. Change the weekday to "Tirsdag" (or correct the date).');
    expect(f!.message.da).toBe('03-12-2024 er en tirsdag, ikke en onsdag. Ret ugedagen til "Tirsdag" (eller ret datoen).');
    expect(f!.fix!.title).toEqual({ en: 'Change the weekday to Tirsdag', da: 'Ret ugedagen til Tirsdag' });
    expect(fix(text)).toBe(meeting());
  });

  it.each([
    ['Onsdag', 'Tirsdag'],
    ['onsdag', 'tirsdag'],
    ['ONSDAG', 'TIRSDAG'],
  ])('keeps the capitalisation: %s → %s', (written, fixed) => {
    const text = meeting({ date: `${written} d. 03. december 2024 kl. 16:30` });
    expect(fix(text)).toBe(meeting({ date: `${fixed} d. 03. december 2024 kl. 16:30` }));
  });

  it('matchCase', () => {
    expect(matchCase('søndag', 'Mandag')).toBe('Søndag');
    expect(matchCase('søndag', 'MANDAG')).toBe('SØNDAG');
    expect(matchCase('søndag', 'mandag')).toBe('søndag');
  });

  it('a weekday with an ISO date is checked too', () => {
    const text = meeting({ date: 'Fredag 2024-12-03 16:30' });
    expect(fix(text)).toBe(meeting({ date: 'Tirsdag 2024-12-03 16:30' }));
  });
});

describe('meeting-date: title date', () => {
  it('a title date that disagrees: range on the date, Mødedato wins', () => {
    const text = meeting({ title: '# REFERAT Beskæftigelsesudvalget d. 05-12-2024' });
    const [f] = run(text);
    expect(f!.messageId).toBe('titleMismatch');
    expect(at(text, f!)).toBe('05-12-2024');
    expect(f!.range.start).toMatchObject({ line: 0, character: 36 });
    expect(f!.message.en).toBe(
      'The date in the title (05-12-2024) disagrees with Mødedato (03-12-2024). Mødedato is authoritative: change the title date to 03-12-2024.',
    );
    expect(f!.message.da).toBe(
      'Datoen i titlen (05-12-2024) stemmer ikke med Mødedato (03-12-2024). Mødedato er afgørende: ret datoen i titlen til 03-12-2024.',
    );
    expect(fix(text)).toBe(meeting());
  });

  it('keeps the separator written in the title', () => {
    const text = meeting({ title: '# REFERAT 2022-25: Arbejdsmarkedsudvalget d. 13.08.2024' });
    expect(fix(text)).toBe(meeting({ title: '# REFERAT 2022-25: Arbejdsmarkedsudvalget d. 03.12.2024' }));
  });

  it('an impossible title date', () => {
    const text = meeting({ title: '# REFERAT Beskæftigelsesudvalget d. 31-11-2024' });
    const [f] = run(text);
    expect(f!.messageId).toBe('titleImpossible');
    expect(f!.message.en).toBe('The date in the title (31-11-2024) does not exist. Change it to the date of Mødedato, 03-12-2024.');
    expect(fix(text)).toBe(meeting());
  });

  it('weekday and title both wrong, independently: both fixed', () => {
    const text = meeting({ title: '# REFERAT Udvalg d. 05-12-2024', date: 'Onsdag d. 03. december 2024 kl. 16:30' });
    expect(run(text).map((f) => [f.messageId, !!f.fix])).toEqual([
      ['titleMismatch', true],
      ['weekday', true],
    ]);
    expect(fix(text)).toBe(meeting({ title: '# REFERAT Udvalg d. 03-12-2024' }));
  });

  it('the weekday sides with the title: ambiguous, suggestions only', () => {
    // 4 December 2024 is a Wednesday: maybe Mødedato's date is the mistake.
    const text = meeting({ title: '# REFERAT Udvalg d. 04-12-2024', date: 'Onsdag d. 03. december 2024 kl. 16:30' });
    const found = run(text);
    expect(found.map((f) => f.messageId)).toEqual(['titleMismatch', 'weekday']);
    expect(found.every((f) => !f.fix && f.suggestions?.length === 1)).toBe(true);
    expect(fix(text)).toBe(text);
  });

  it('no title date: nothing to compare', () => {
    expect(run(meeting({ title: '# REFERAT Beskæftigelsesudvalget' }))).toEqual([]);
  });
});

describe('meeting-date: impossible and unreadable dates', () => {
  it.each([
    ['31. februar 2024', 'noSuchDay', 'Mødedato is day 31 of February 2024, which has only 29 days. Correct the date.', 'Mødedato er den 31. februar 2024, men måneden har kun 29 dage. Ret datoen.'],
    ['29. februar 2023', 'noSuchDay', 'Mødedato is day 29 of February 2023, which has only 28 days. Correct the date.', 'Mødedato er den 29. februar 2023, men måneden har kun 28 dage. Ret datoen.'],
    ['2024-13-03 16:30', 'noSuchMonth', 'Mødedato has month 13, which does not exist. Correct the date (months are 1–12).', 'Mødedato har måned 13, som ikke findes. Ret datoen (månederne er 1–12).'],
    ['2024-12-03 25:00', 'badTime', 'Mødedato has the time 25:00, which does not exist. Correct it (00:00–23:59).', 'Mødedato har klokkeslættet 25:00, som ikke findes. Ret det (00:00–23:59).'],
  ])('%s → %s', (date, messageId, en, da) => {
    const text = meeting({ title: '# REFERAT Beskæftigelsesudvalget', date });
    const [f, ...rest] = run(text);
    expect(rest).toEqual([]);
    expect(f!.messageId).toBe(messageId);
    expect(f!.message.en).toBe(en);
    expect(f!.message.da).toBe(da);
    expect(at(text, f!)).toBe(date);
    expect(f!.fix).toBeUndefined();
  });

  it('an unreadable value names the accepted forms', () => {
    const text = meeting({ date: 'i morgen eftermiddag' });
    const [f] = run(text);
    expect(f!.messageId).toBe('unparseable');
    expect(at(text, f!)).toBe('i morgen eftermiddag');
    expect(f!.message.en).toBe(
      'Mødedato "i morgen eftermiddag" cannot be read as a date. Write it in the Danish long form "Tirsdag d. 03. december 2024 kl. 16:30" or as ISO "2024-12-03 16:30".',
    );
    expect(f!.message.da).toBe(
      'Mødedato "i morgen eftermiddag" kan ikke læses som en dato. Skriv den på den lange form "Tirsdag d. 03. december 2024 kl. 16:30" eller som ISO "2024-12-03 16:30".',
    );
    expect(f!.fix).toBeUndefined();
  });

  it('an empty Mødedato', () => {
    const text = meeting({ date: '' });
    const [f] = run(text);
    expect(f!.messageId).toBe('empty');
    expect(at(text, f!)).toBe('Mødedato');
  });

  it('a misspelled month name is fixed', () => {
    const text = meeting({ date: 'Tirsdag d. 03. decmber 2024 kl. 16:30' });
    const [f] = run(text);
    expect(f!.messageId).toBe('misspelled');
    expect(at(text, f!)).toBe('decmber');
    expect(f!.message.en).toBe('Mødedato "Tirsdag d. 03. decmber 2024 kl. 16:30": "decmber" is not a Danish month name. Write "december".');
    expect(f!.message.da).toBe('Mødedato "Tirsdag d. 03. decmber 2024 kl. 16:30": "decmber" er ikke et dansk månedsnavn. Skriv "december".');
    expect(fix(text)).toBe(meeting());
  });

  it('a misspelled weekday before an ISO date is fixed too', () => {
    const text = meeting({ date: 'tirsdg 2024-12-03 16:30' });
    const [f, ...rest] = run(text);
    expect(rest).toEqual([]);
    expect(f!.messageId).toBe('misspelled');
    expect(at(text, f!)).toBe('tirsdg');
    expect(fix(text)).toBe(meeting({ date: 'tirsdag 2024-12-03 16:30' }));
  });

  it('a misspelled weekday is replaced by the date\'s weekday', () => {
    const text = meeting({ date: 'Tirsdg d. 03. december 2024 kl. 16:30' });
    const [f] = run(text);
    expect(f!.messageId).toBe('misspelled');
    expect(at(text, f!)).toBe('Tirsdg');
    expect(fix(text)).toBe(meeting());
  });
});

describe('meeting-date: missing Mødedato', () => {
  it('with a title date: reported on the title, the fix adds the field after Kommune', () => {
    const text = meeting({ date: null });
    const [f] = run(text);
    expect(f!.messageId).toBe('missing');
    expect(f!.range.start).toMatchObject({ line: 0, character: 0 });
    expect(f!.message.en).toBe('The meeting has no date. Add the header line "Mødedato: Tirsdag d. 03. december 2024".');
    expect(f!.message.da).toBe('Mødet har ingen dato. Tilføj linjen "Mødedato: Tirsdag d. 03. december 2024" i mødets hoved.');
    expect(fix(text)).toBe(meeting({ date: 'Tirsdag d. 03. december 2024' }));
  });

  it('without a title date: an example, no fix', () => {
    const text = meeting({ title: '# REFERAT Beskæftigelsesudvalget', date: null });
    const [f] = run(text);
    expect(f!.message.en).toBe('The meeting has no date. Add the header line "Mødedato: Tirsdag d. 03. december 2024 kl. 16:30".');
    expect(f!.fix).toBeUndefined();
  });

  it('a header without fields: the line goes after the title', () => {
    const text = '# REFERAT Udvalg d. 03-12-2024\n\n## Punkt 1: Sag\nSagsnr: 00.22.00-P35-1-24\n';
    expect(fix(text)).toBe('# REFERAT Udvalg d. 03-12-2024\n\nMødedato: Tirsdag d. 03. december 2024\n\n## Punkt 1: Sag\nSagsnr: 00.22.00-P35-1-24\n');
  });
});

describe('meeting-date: decision headings (committee-date house style)', () => {
  const sonderborg = ['Profil: sonderborg'];

  it('a decision heading with the meeting date is fine', () => {
    expect(run(meeting({ header: sonderborg, decisionHeading: 'Beslutning Beskæftigelsesudvalget den 03-12-2024' }))).toEqual([]);
  });

  it.each([
    ['Beslutning Beskæftigelsesudvalget den 13-08-2024', '13-08-2024', '03-12-2024'],
    ['Beslutning Beskæftigelsesudvalget den 13.08.24', '13.08.24', '03.12.24'],
    ['Beslutning i Beskæftigelsesudvalget den 13. august 2024', '13. august 2024', '03. december 2024'],
  ])('%s → %s becomes %s', (heading, written, fixed) => {
    const text = meeting({ header: sonderborg, decisionHeading: heading });
    const [f] = run(text);
    expect(f!.messageId).toBe('decisionMismatch');
    expect(at(text, f!)).toBe(written);
    expect(f!.message.en).toBe(`The date in the decision heading (${written}) disagrees with Mødedato (03-12-2024). Change it to ${fixed}.`);
    expect(fix(text)).toBe(meeting({ header: sonderborg, decisionHeading: heading.replace(written, fixed) }));
  });
});

describe('meeting-date: CRLF', () => {
  it('ranges match LF and the fixes keep CRLF, including an inserted line', () => {
    const spec: Spec = { title: '# REFERAT Udvalg d. 05-12-2024', date: 'Onsdag d. 03. december 2024 kl. 16:30' };
    const lf = meeting(spec);
    const crlf = meeting({ ...spec, eol: '\r\n' });
    const pos = (fs: Finding[]) => fs.map((f) => [f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character]);
    expect(pos(run(crlf))).toEqual(pos(run(lf)));
    expect(fix(crlf)).toBe(meeting({ title: '# REFERAT Udvalg d. 03-12-2024', eol: '\r\n' }));
    const missing = meeting({ date: null, eol: '\r\n' });
    expect(fix(missing)).toBe(meeting({ date: 'Tirsdag d. 03. december 2024', eol: '\r\n' }));
  });
});
