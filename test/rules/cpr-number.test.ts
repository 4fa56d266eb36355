import { describe, expect, it } from 'vitest';
import { lint, type Finding } from '../../server/src/engine.js';
import rule, { cprBirthYear, cprModulus11, findCprNumbers } from '../../server/src/rules/cpr-number.js';

const HEADER = [
  '# REFERAT Beskæftigelsesudvalget d. 03-12-2024',
  '',
  'Kommune: Randers Kommune',
  'Mødedato: Tirsdag d. 03. december 2024 kl. 16:30',
  'Mødested: C.2.25',
  'Mødedeltagere: Claus Berggren, Jesper Gade, Henriette Malland',
];

/** A complete meeting with one open item whose Sagsfremstilling holds `text`. */
function meetingWith(text: string, eol = '\n'): string {
  return [
    ...HEADER,
    '',
    '## Punkt 1: Klage fra borger',
    'Sagsnr: 15.00.00-G01-5-25',
    '',
    '### Indstilling',
    'Forvaltningen indstiller,',
    '',
    '1. at klagen afvises.',
    '',
    '### Beslutning',
    '1. at godkendt.',
    '',
    '### Sagsfremstilling',
    text,
    '',
  ].join(eol);
}

function cpr(text: string): Finding[] {
  return lint(text, { only: ['cpr-number'] }).findings.filter((f) => f.ruleId === 'cpr-number');
}

const at = (text: string, f: Finding) => text.slice(f.range.start.offset, f.range.end.offset);

/**
 * What is and what is not a CPR number. `found` lists the numbers reported, exactly as
 * written; an empty list means "not a CPR number".
 */
const TABLE: readonly { text: string; found: string[]; why: string }[] = [
  // CPR numbers
  { text: 'Borgeren 010170-1234 har klaget.', found: ['010170-1234'], why: 'hyphen form' },
  { text: 'Borgeren 0101701234 har klaget.', found: ['0101701234'], why: 'without hyphen' },
  { text: 'Borgeren 010170 1234 har klaget.', found: ['010170 1234'], why: 'with a space' },
  { text: 'CPR-nr.: 211062-2021.', found: ['211062-2021'], why: 'after a label, before a full stop' },
  { text: '(cpr 070761-4285)', found: ['070761-4285'], why: 'in parentheses' },
  { text: '**010170-1234**', found: ['010170-1234'], why: 'in bold' },
  { text: 'født 010170\u20111234', found: ['010170\u20111234'], why: 'non-breaking hyphen' },
  { text: '290200-4234', found: ['290200-4234'], why: '29 Feb 2000: 7th digit 4, yy ≤ 36 → 2000, a leap year' },
  { text: '290200-5234', found: ['290200-5234'], why: '29 Feb 2000: 7th digit 5, yy ≤ 57 → 2000' },
  { text: '010158-5234', found: ['010158-5234'], why: '1 Jan 1858: 7th digit 5, yy > 57 → 1800s' },
  { text: '010137-9234', found: ['010137-9234'], why: '1 Jan 1937: 7th digit 9, yy > 36 → 1900s' },
  { text: '290296-1234', found: ['290296-1234'], why: '29 Feb 1996, a leap year' },
  { text: '010170-1234 og 020280-4321', found: ['010170-1234', '020280-4321'], why: 'two numbers' },
  { text: '0101701234', found: ['0101701234'], why: 'the whole text, no hyphen' },
  { text: 'Borger: 211062 2021', found: ['211062 2021'], why: 'with a space after a label' },
  { text: 'født 271070\u00a01234', found: ['271070\u00a01234'], why: 'non-breaking space' },
  { text: 'CPR 070761–4285', found: ['070761–4285'], why: 'en dash' },
  { text: '«211062-2021»', found: ['211062-2021'], why: 'in Danish quotation marks' },
  { text: '§ 5, 211062-2021;', found: ['211062-2021'], why: 'between punctuation' },
  // The century rule without a hyphen: the 7th digit is the first of the serial
  { text: '2902004234', found: ['2902004234'], why: '29 Feb 2000 without hyphen (7th digit 4 → 2000)' },
  { text: '2902041234', found: ['2902041234'], why: '29 Feb 1904 without hyphen (7th digit 1 → 1900s, a leap year)' },
  { text: '0101585000', found: ['0101585000'], why: '1 Jan 1858 without hyphen (7th digit 5, yy > 57)' },
  { text: '290256-5234', found: ['290256-5234'], why: '29 Feb 2056: 7th digit 5, yy ≤ 57 → 2000s, a leap year' },
  { text: '290236-9234', found: ['290236-9234'], why: '29 Feb 2036: 7th digit 9, yy ≤ 36 → 2000s, a leap year' },
  { text: '010100-4000', found: ['010100-4000'], why: '1 Jan 2000: 7th digit 4' },
  { text: '311299-3999', found: ['311299-3999'], why: '31 Dec 1999: 7th digit 3' },
  // Impossible dates
  { text: '290200-1234', found: [], why: '29 Feb 1900: 7th digit 1 → 1900, not a leap year' },
  { text: '310480-1234', found: [], why: '31 April does not exist' },
  { text: '321270-1234', found: [], why: 'day 32' },
  { text: '001270-1234', found: [], why: 'day 0' },
  { text: '011370-1234', found: [], why: 'month 13' },
  { text: '290297-1234', found: [], why: '29 Feb 1997, not a leap year' },
  { text: '310290-1234', found: [], why: '31 February' },
  { text: '3102901234', found: [], why: '31 February, no hyphen' },
  { text: '300290 1234', found: [], why: '30 February, with a space' },
  { text: '310690-1234', found: [], why: '31 June' },
  { text: '2902001234', found: [], why: '29 Feb 1900 without hyphen: not a leap year' },
  { text: '290258-5234', found: [], why: '29 Feb 1858: 7th digit 5, yy > 57 → 1800s, not a leap year' },
  { text: '290237-9234', found: [], why: '29 Feb 1937: 7th digit 9, yy > 36 → 1900s, not a leap year' },
  { text: '290201-4234', found: [], why: '29 Feb 2001, not a leap year' },
  { text: '000000-0000', found: [], why: 'all zeros' },
  // Case numbers
  { text: 'Sagsnr. 00.22.00-P35-1-24', found: [], why: 'KLE case number' },
  { text: 'Sag 23/64938', found: [], why: 'short case number' },
  { text: 'Sag 23/649381234', found: [], why: 'short case number with a long serial' },
  { text: 'Sagsnr. 27.69.48-P20-1-18', found: [], why: 'KLE case number of the 2018 seed' },
  { text: '27.69.48-P20-1-18', found: [], why: 'KLE case number alone' },
  { text: '15.20.00-G20-1-18 og 00.01.00-A00-1-19', found: [], why: 'two KLE case numbers' },
  { text: 'sag 24/101070-1234', found: [], why: 'short case number with a CPR-shaped tail' },
  { text: 'Sagsnr.: 1010701234', found: [], why: 'ten digits after a case-number label' },
  { text: 'j.nr. 1010701234', found: [], why: 'ten digits after a journal-number label' },
  // Dates
  { text: 'den 03-12-2024', found: [], why: 'date with hyphens' },
  { text: 'den 03.12.2024', found: [], why: 'date with dots' },
  { text: 'den 03122024', found: [], why: 'eight-digit date' },
  { text: '2024-12-03 16:30', found: [], why: 'ISO date and time' },
  { text: 'født 01.01.1970', found: [], why: 'a birth date alone is not a CPR number' },
  { text: 'den 01-01-1970 kl. 12:34', found: [], why: 'date and time' },
  { text: '1. januar 1970', found: [], why: 'date in words' },
  { text: 'den 010170', found: [], why: 'six-digit date' },
  { text: '20250101-1234', found: [], why: 'eight-digit date with a serial' },
  { text: '2025-01-01 1234', found: [], why: 'ISO date then four digits' },
  { text: '10.10.70-1234', found: [], why: 'date with dots and a serial' },
  { text: 'lov nr. 1010 af 10.10.2010', found: [], why: 'act number and date' },
  { text: 'kl. 16.30-17.30', found: [], why: 'time span' },
  // Amounts
  { text: 'i alt 1.193.191 kr.', found: [], why: 'amount with thousands dots' },
  { text: '125.818 kr. årligt', found: [], why: 'amount' },
  { text: '1.010.170-1234', found: [], why: 'digits joined by dots before' },
  { text: '3,0101701234', found: [], why: 'decimal number' },
  { text: 'i alt 1.234.567 kr.', found: [], why: 'amount in millions' },
  { text: '1234567 kr.', found: [], why: 'seven-digit amount' },
  { text: 'kr. 1.010.170,12', found: [], why: 'amount with øre' },
  { text: 'budget 1010701234 kr.', found: [], why: 'ten-digit amount followed by kr.' },
  { text: 'i alt 1010701234 kroner', found: [], why: 'ten-digit amount followed by kroner' },
  { text: 'kr. 1010701234', found: [], why: 'ten-digit amount after kr.' },
  { text: 'DKK 1010701234', found: [], why: 'ten-digit amount after DKK' },
  { text: 'beløb: 1010701234', found: [], why: 'ten-digit amount after beløb' },
  { text: '1.010.701.234 kr.', found: [], why: 'billions with dots' },
  { text: '101070-1234,5 kr', found: [], why: 'decimal after the serial' },
  // Phone numbers
  { text: 'tlf. 86 15 15 15', found: [], why: 'phone in pairs' },
  { text: 'ring +45 12345678', found: [], why: 'phone with country code' },
  { text: 'ring 8915 1515', found: [], why: 'phone in fours' },
  { text: 'ring +4512345678', found: [], why: 'phone with country code, no space' },
  { text: 'tlf. 1012345678', found: [], why: 'ten digits after a phone label' },
  { text: 'ring 86 42 12 34', found: [], why: 'phone in pairs (Randers)' },
  { text: 'tlf. +45 86421234', found: [], why: 'phone with country code and space' },
  { text: '+45 86 42 12 34', found: [], why: 'phone with country code in pairs' },
  { text: '(+45) 8642 1234', found: [], why: 'phone with country code in parentheses' },
  { text: '0045 8642 1234', found: [], why: 'phone with 00 prefix' },
  { text: '00451010701234', found: [], why: 'phone with 00 prefix, no spaces' },
  { text: 'tlf. 10 10 70 12 34', found: [], why: 'ten digits in pairs' },
  { text: 'mobil: 1010701234', found: [], why: 'ten digits after a mobile label' },
  { text: '1010 701234', found: [], why: 'four and six digits' },
  // CVR and other registers
  { text: 'CVR 29189919', found: [], why: 'CVR number (eight digits)' },
  { text: 'CVR-nr. 29 18 99 19', found: [], why: 'CVR number in pairs' },
  { text: 'CVR-nr.: 2918991912', found: [], why: 'ten digits after a CVR label' },
  { text: 'SE-nr. 1010701234', found: [], why: 'ten digits after an SE label' },
  { text: 'ISBN 978-87-7000-123-4', found: [], why: 'ISBN' },
  // Account and other numbers
  { text: 'reg.nr. 1234 konto 1201701234', found: [], why: 'bank account after "konto"' },
  { text: '1234 1201701234', found: [], why: 'registration number + account' },
  { text: '1234-1201701234', found: [], why: 'registration number-account' },
  { text: 'P-nr. 1012345678', found: [], why: 'P-number' },
  { text: 'EAN 5798000012345', found: [], why: 'EAN number (13 digits)' },
  { text: 'nr. 01017012345', found: [], why: 'eleven digits' },
  { text: 'ID A0101701234', found: [], why: 'letters glued on' },
  // Year ranges and periods
  { text: 'perioden 2022-2025', found: [], why: 'year range' },
  { text: 'budget 2024-2027 og 2025-28', found: [], why: 'year ranges' },
  { text: '010170-1234-5', found: [], why: 'part of a longer hyphenated number' },
  { text: '101070/1234', found: [], why: 'slash between the groups' },
  { text: '101070.1234', found: [], why: 'dot between the groups' },
  { text: '10-10-70-1234', found: [], why: 'hyphenated date and serial' },
  { text: '0101701234567', found: [], why: 'thirteen digits' },
  { text: '010170-12345', found: [], why: 'five-digit serial' },
];

describe('cpr-number: what counts as a CPR number', () => {
  it.each(TABLE)('$text → $found ($why)', ({ text, found }) => {
    expect(findCprNumbers(text).map((m) => m.text)).toEqual(found);
  });

  it.each(TABLE)('in a meeting: $text → $found', ({ text, found }) => {
    const doc = meetingWith(text);
    expect(cpr(doc).map((f) => at(doc, f))).toEqual(found);
  });

  it('the century rule of the 7th digit', () => {
    expect(cprBirthYear(70, 0)).toBe(1970);
    expect(cprBirthYear(70, 3)).toBe(1970);
    expect(cprBirthYear(36, 4)).toBe(2036);
    expect(cprBirthYear(37, 4)).toBe(1937);
    expect(cprBirthYear(36, 9)).toBe(2036);
    expect(cprBirthYear(37, 9)).toBe(1937);
    expect(cprBirthYear(57, 5)).toBe(2057);
    expect(cprBirthYear(58, 8)).toBe(1858);
  });

  it('does not require modulus 11 (documented, not used since 2007)', () => {
    expect(cprModulus11('070761-4285')).toBe(true);
    expect(cprModulus11('010170-1234')).toBe(false);
    expect(findCprNumbers('010170-1234')).toHaveLength(1);
  });
});

describe('cpr-number: where it looks', () => {
  it('is an error, not auto-fixable, with a suggestion to mask the number', () => {
    expect(rule.meta.id).toBe('cpr-number');
    expect(rule.meta.defaultSeverity).toBe('error');
    expect(rule.meta.fixable).toBe(false);
    const doc = meetingWith('Borgeren (CPR 211062-2021) har klaget.');
    const [f] = cpr(doc);
    expect(f!.severity).toBe('error');
    expect(f!.fix).toBeUndefined();
    expect(f!.suggestions).toHaveLength(1);
    expect(f!.suggestions![0]!.title.en).toBe('Replace the CPR number with xxxxxx-xxxx');
    expect(f!.suggestions![0]!.edits).toEqual([{ start: f!.range.start.offset, end: f!.range.end.offset, newText: 'xxxxxx-xxxx' }]);
  });

  it('reports the exact range and a message in both languages that never repeats the number', () => {
    const doc = meetingWith('Borgeren (CPR 211062-2021) har klaget.');
    const [f] = cpr(doc);
    const line = doc.split('\n').indexOf('Borgeren (CPR 211062-2021) har klaget.');
    expect(f!.range.start).toMatchObject({ line, character: 14 });
    expect(f!.range.end).toMatchObject({ line, character: 25 });
    expect(f!.message.en).toBe(
      'This looks like a CPR number (personal identity number), which must never be published. Remove it or replace it with xxxxxx-xxxx; if the case must name the person, make the item closed (Lukket: ja).',
    );
    expect(f!.message.da).toBe(
      'Dette ligner et CPR-nummer, som aldrig må offentliggøres. Fjern det eller erstat det med xxxxxx-xxxx; skal sagen nævne personen, så gør punktet lukket (Lukket: ja).',
    );
    expect(f!.message.en).not.toContain('211062');
    expect(f!.message.da).not.toContain('211062');
  });

  it('checks the header, item titles, fields, lists, tables and sub-headings', () => {
    const doc = [
      '# REFERAT Beskæftigelsesudvalget d. 03-12-2024',
      '',
      'Mødedato: Tirsdag d. 03. december 2024 kl. 16:30',
      'Mødedeltagere: Claus Berggren, Jesper Gade',
      'Referent: Anne Holm 010170-1111',
      '',
      'Henvendelse fra 020270-2222.',
      '',
      '## Punkt 1: Sag om 030370-3333',
      'Sagsnr: 15.00.00-G01-5-25',
      'Fraværende: Jesper Gade 040470-4444',
      '',
      'Indledning om 050570-5555.',
      '',
      '### Sagsfremstilling 060670-6666',
      '- punkt om 070770-7777',
      '  - under 080870-8888',
      '',
      '#### Om 090970-9999',
      '',
      '| Navn | Nummer |',
      '|---|---|',
      '| Anne | 101070-1010 |',
      '',
    ].join('\n');
    expect(cpr(doc).map((f) => at(doc, f))).toEqual([
      '010170-1111',
      '020270-2222',
      '030370-3333',
      '040470-4444',
      '050570-5555',
      '060670-6666',
      '070770-7777',
      '080870-8888',
      '090970-9999',
      '101070-1010',
    ]);
  });

  it('ignores comments, inline and block', () => {
    const doc = meetingWith('Borgeren <!-- 010170-1234 --> har klaget.\n\n<!--\ncpr 020270-2222\n-->');
    expect(cpr(doc)).toEqual([]);
  });

  it('checks only the published heading and fields of a closed item, not its body', () => {
    const doc = [
      ...HEADER,
      '',
      '## Punkt 1: Lukket – borger 010170-1234',
      'Sagsnr: 15.00.00-G01-5-25 020270-2222',
      '',
      '### Sagsfremstilling',
      'Borgeren 030370-3333 har søgt.',
      '',
      '## Punkt 2: Personalesag',
      'Sagsnr: 81.00.00-G01-3-24',
      'Lukket: ja',
      '',
      'Medarbejder 040470-4444.',
      '',
    ].join('\n');
    const found = cpr(doc);
    expect(found.map((f) => at(doc, f))).toEqual(['010170-1234', '020270-2222']);
    expect(found.map((f) => f.messageId)).toEqual(['cprNumberClosedHeading', 'cprNumberClosedHeading']);
    expect(found[0]!.message.en).toContain('closed item');
    expect(found[0]!.message.da).toContain('lukket punkt');
  });

  it('a number split over a folded line is one finding spanning both lines', () => {
    const doc = meetingWith('Borgeren med nummer 010170\n  1234 har klaget.');
    const [f, ...rest] = cpr(doc);
    expect(rest).toEqual([]);
    expect(at(doc, f!)).toBe('010170\n  1234');
    expect(f!.range.end.line).toBe(f!.range.start.line + 1);
  });

  it('keeps exact ranges with CRLF line endings', () => {
    const lf = meetingWith('Borgeren (CPR 211062-2021) har klaget.');
    const crlf = meetingWith('Borgeren (CPR 211062-2021) har klaget.', '\r\n');
    const [a] = cpr(lf);
    const [b] = cpr(crlf);
    expect(at(crlf, b!)).toBe('211062-2021');
    expect(b!.range.start.line).toBe(a!.range.start.line);
    expect(b!.range.start.character).toBe(a!.range.start.character);
    expect(b!.range.end.character).toBe(a!.range.end.character);
  });

  it('can be switched off on a line with a control comment', () => {
    const doc = meetingWith('<!-- referat-disable-next-line cpr-number -->\nFiktivt eksempel: 010170-1234.');
    expect(cpr(doc)).toEqual([]);
  });
});
