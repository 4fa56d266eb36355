import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../server/src/config/resolve.js';
import type { Config } from '../../server/src/config/schema.js';
import { fixAll, lint, type Finding } from '../../server/src/engine.js';
import rule, { caseNumberForm, normalizeCaseNumber } from '../../server/src/rules/case-number.js';

interface ItemSpec {
  readonly title?: string;
  /** Lines right under the heading (fields, or a bare case number). */
  readonly lines: readonly string[];
  readonly body?: boolean;
}

function meeting(items: readonly ItemSpec[], header: readonly string[] = [], eol = '\n'): string {
  const lines = [
    '# REFERAT Beskæftigelsesudvalget d. 03-12-2024',
    '',
    'Kommune: Randers Kommune',
    'Mødedato: Tirsdag d. 03. december 2024 kl. 16:30',
    'Mødested: C.2.25',
    'Mødedeltagere: Claus Berggren, Jesper Gade, Henriette Malland',
    ...header,
  ];
  items.forEach((item, i) => {
    lines.push('', `## Punkt ${i + 1}: ${item.title ?? `Sag ${i + 1}`}`, ...item.lines);
    if (item.body !== false) {
      lines.push('', '### Indstilling', 'Forvaltningen indstiller,', '', '1. at sagen godkendes.', '', '### Beslutning', '1. at godkendt.');
    }
  });
  return lines.join(eol) + eol;
}

function run(text: string, config?: Config): Finding[] {
  return lint(text, { only: ['case-number'], config: config ? resolveConfig(config) : undefined }).findings.filter(
    (f) => f.ruleId === 'case-number',
  );
}

const at = (text: string, f: Finding) => text.slice(f.range.start.offset, f.range.end.offset);
const lineOf = (text: string, line: string) => text.split(/\r?\n/).indexOf(line);

describe('case-number: the forms', () => {
  it.each([
    ['00.22.00-P35-1-24', 'kle'],
    ['15.00.00-G01-5-25', 'kle'],
    ['00.30.00-S00-2-23', 'kle'],
    ['15.20.00-G01-160-23', 'kle'],
    ['87.00.10-A53-2-18', 'kle'],
    ['23/64938', 'short'],
    ['24/1', 'short'],
    ['00.22.00-P35-1-2024', undefined],
    ['00.22.00-35-1-24', undefined],
    ['0.22.00-P35-1-24', undefined],
    ['00.22.00-P3-1-24', undefined],
    ['00.22.00-p35-1-24', undefined],
    ['2023/64938', undefined],
    ['23-64938', undefined],
    ['', undefined],
  ] as const)('%s is %s', (value, form) => {
    expect(caseNumberForm(value)).toBe(form);
  });

  it.each([
    ['00.22.00 – P35-1-24', '00.22.00-P35-1-24'],
    ['00.22.00—P35—1—24', '00.22.00-P35-1-24'],
    ['15.00.00-g01-5-25', '15.00.00-G01-5-25'],
    ['00,22,00-P35-1-24', '00.22.00-P35-1-24'],
    ['23 / 64938', '23/64938'],
    ['23/ 64 938', '23/64938'],
  ])('normalizes %s to %s', (value, fixed) => {
    expect(normalizeCaseNumber(value)).toBe(fixed);
  });
});

describe('case-number: randers (KLE)', () => {
  it('meta: warning, fixable', () => {
    expect(rule.meta.id).toBe('case-number');
    expect(rule.meta.defaultSeverity).toBe('warning');
    expect(rule.meta.fixable).toBe(true);
  });

  it('accepts well-formed KLE numbers', () => {
    expect(run(meeting([{ lines: ['Sagsnr: 00.22.00-P35-1-24'] }, { lines: ['Sagsnr: 15.20.00-G01-160-23'] }]))).toEqual([]);
  });

  it('a typing slip: exact range of the value, message, and the fix', () => {
    const text = meeting([{ lines: ['Sagsnr: 00.22.00 – P35-1-24 <!-- fra ESDH -->'] }]);
    const [f, ...rest] = run(text);
    expect(rest).toEqual([]);
    expect(f!.ruleId).toBe('case-number');
    expect(f!.messageId).toBe('typo');
    expect(f!.severity).toBe('warning');
    const line = lineOf(text, 'Sagsnr: 00.22.00 – P35-1-24 <!-- fra ESDH -->');
    expect(f!.range.start).toMatchObject({ line, character: 8 });
    expect(f!.range.end).toMatchObject({ line, character: 27 });
    expect(at(text, f!)).toBe('00.22.00 – P35-1-24');
    expect(f!.message.en).toBe(
      'Case number "00.22.00 – P35-1-24" has a typing slip (spaces, dash or letter case). Write it as 00.22.00-P35-1-24.',
    );
    expect(f!.message.da).toBe(
      'Sagsnummeret "00.22.00 – P35-1-24" har en tastefejl (mellemrum, tankestreg eller store/små bogstaver). Skriv det som 00.22.00-P35-1-24.',
    );
    expect(f!.fix!.title).toEqual({ en: 'Change to 00.22.00-P35-1-24', da: 'Ret til 00.22.00-P35-1-24' });
    expect(fixAll(text, { rules: ['case-number'] }).text).toBe(text.replace('00.22.00 – P35-1-24', '00.22.00-P35-1-24'));
  });

  it('a short number where KLE is expected: reported with the expected form, no fix', () => {
    const text = meeting([{ lines: ['Sagsnr: 23/64938'] }]);
    const [f] = run(text);
    expect(f!.messageId).toBe('malformed');
    expect(at(text, f!)).toBe('23/64938');
    expect(f!.fix).toBeUndefined();
    expect(f!.message.en).toBe(
      'Case number "23/64938" is not in the KLE form dd.dd.dd-Xdd-n-yy that the house style "randers" uses. Correct it, e.g. 00.22.00-P35-1-24.',
    );
    expect(f!.message.da).toBe(
      'Sagsnummeret "23/64938" er ikke på KLE-formen dd.dd.dd-Xdd-n-åå, som husstilen "randers" bruger. Ret det, f.eks. 00.22.00-P35-1-24.',
    );
  });

  it('a four-digit year is not fixed (ambiguous)', () => {
    const [f] = run(meeting([{ lines: ['Sagsnr: 00.22.00-P35-1-2024'] }]));
    expect(f!.messageId).toBe('malformed');
    expect(f!.fix).toBeUndefined();
  });

  it('a missing Sagsnr is reported on the heading (without its trailing comment), closed items too', () => {
    const text = meeting([
      { title: 'Omstilling af Ydelseskontoret <!-- note -->', lines: [] },
      { title: 'Lukket', lines: [], body: false },
    ]);
    const found = run(text);
    expect(found.map((f) => f.messageId)).toEqual(['missing', 'missing']);
    expect(at(text, found[0]!)).toBe('## Punkt 1: Omstilling af Ydelseskontoret');
    expect(at(text, found[1]!)).toBe('## Punkt 2: Lukket');
    expect(found[0]!.fix).toBeUndefined();
    expect(found[0]!.message.en).toBe(
      'Item 1 has no case number. Add the line "Sagsnr: …" right under the heading, in the KLE form dd.dd.dd-Xdd-n-yy (e.g. 00.22.00-P35-1-24).',
    );
    expect(found[0]!.message.da).toBe(
      'Punkt 1 har intet sagsnummer. Tilføj linjen "Sagsnr: …" lige under overskriften, på KLE-formen dd.dd.dd-Xdd-n-åå (f.eks. 00.22.00-P35-1-24).',
    );
  });

  it('a case number written as a bare line under the heading becomes the field', () => {
    const text = meeting([{ lines: ['00.22.00-P35-1-24'] }]);
    const [f] = run(text);
    expect(f!.messageId).toBe('bare');
    expect(at(text, f!)).toBe('00.22.00-P35-1-24');
    expect(f!.message.en).toBe(
      'The case number 00.22.00-P35-1-24 of item 1 is written as a plain line. Write it as a field: "Sagsnr: 00.22.00-P35-1-24".',
    );
    expect(fixAll(text, { rules: ['case-number'] }).text).toBe(text.replace('\n00.22.00-P35-1-24\n', '\nSagsnr: 00.22.00-P35-1-24\n'));
  });

  it('an empty Sagsnr is reported on the field name', () => {
    const text = meeting([{ lines: ['Sagsnr:'] }]);
    const [f] = run(text);
    expect(f!.messageId).toBe('empty');
    expect(at(text, f!)).toBe('Sagsnr');
    expect(f!.message.en).toBe('The Sagsnr field of item 1 is empty. Write the case number in the KLE form dd.dd.dd-Xdd-n-yy (e.g. 00.22.00-P35-1-24).');
  });

  it('the field may be called Sagsnummer', () => {
    expect(run(meeting([{ lines: ['Sagsnummer: 00.22.00-P35-1-24'] }]))).toEqual([]);
  });

  it('a profile without caseNumberRequired does not ask for one, but still checks the form', () => {
    const config: Config = { profile: 'fri', profiles: { fri: { extends: 'randers', caseNumberRequired: false } } };
    expect(run(meeting([{ lines: [] }]), config)).toEqual([]);
    expect(run(meeting([{ lines: ['Sagsnr: 23/64938'] }]), config).map((f) => f.messageId)).toEqual(['malformed']);
  });
});

describe('case-number: sonderborg (short numbers)', () => {
  const sonderborg: Config = { profile: 'sonderborg' };

  it('accepts yy/nnnnn', () => {
    expect(run(meeting([{ lines: ['Sagsnr: 23/64938'] }]), sonderborg)).toEqual([]);
  });

  it('flags a KLE number with the short form and its example', () => {
    const [f] = run(meeting([{ lines: ['Sagsnr: 00.22.00-P35-1-24'] }]), sonderborg);
    expect(f!.messageId).toBe('malformed');
    expect(f!.message.en).toBe(
      'Case number "00.22.00-P35-1-24" is not in the short form yy/nnnnn that the house style "sonderborg" uses. Correct it, e.g. 23/64938.',
    );
    expect(f!.message.da).toBe(
      'Sagsnummeret "00.22.00-P35-1-24" er ikke på den korte form åå/nnnnn, som husstilen "sonderborg" bruger. Ret det, f.eks. 23/64938.',
    );
  });

  it('fixes spaces in a short number', () => {
    const text = meeting([{ lines: ['Sagsnr: 23 / 64938'] }]);
    const [f] = run(text, sonderborg);
    expect(f!.messageId).toBe('typo');
    expect(f!.fix!.edits).toHaveLength(1);
    expect(fixAll(text, { rules: ['case-number'], config: resolveConfig(sonderborg) }).text).toBe(text.replace('23 / 64938', '23/64938'));
  });

  it('the Profil header field selects the house style', () => {
    const text = meeting([{ lines: ['Sagsnr: 23/64938'] }], ['Profil: sonderborg']);
    expect(run(text)).toEqual([]);
    const [f] = run(meeting([{ lines: [] }], ['Profil: sonderborg']));
    expect(f!.message.en).toContain('the short form yy/nnnnn (e.g. 23/64938)');
  });
});

describe('case-number: any', () => {
  const any: Config = { profile: 'mix', profiles: { mix: { extends: 'randers', caseNumber: 'any' } } };
  it('accepts either form and names both in the message', () => {
    expect(run(meeting([{ lines: ['Sagsnr: 23/64938'] }, { lines: ['Sagsnr: 00.22.00-P35-1-24'] }]), any)).toEqual([]);
    const [f] = run(meeting([{ lines: ['Sagsnr: 2023-64938'] }]), any);
    expect(f!.message.en).toBe(
      'Case number "2023-64938" is not in the KLE form dd.dd.dd-Xdd-n-yy or the short form yy/nnnnn that the house style "mix" uses. Correct it, e.g. 00.22.00-P35-1-24.',
    );
  });
});

describe('case-number: CRLF', () => {
  it('ranges and fixes are exact and the line endings are kept', () => {
    const lf = meeting([{ lines: ['Sagsnr: 15.00.00-g01-5-25'] }, { lines: ['00.30.00-S00-2-23'] }]);
    const crlf = meeting([{ lines: ['Sagsnr: 15.00.00-g01-5-25'] }, { lines: ['00.30.00-S00-2-23'] }], [], '\r\n');
    const a = run(lf);
    const b = run(crlf);
    expect(b.map((f) => at(crlf, f))).toEqual(['15.00.00-g01-5-25', '00.30.00-S00-2-23']);
    expect(b.map((f) => [f.range.start.line, f.range.start.character, f.range.end.character])).toEqual(
      a.map((f) => [f.range.start.line, f.range.start.character, f.range.end.character]),
    );
    const fixed = fixAll(crlf, { rules: ['case-number'] }).text;
    expect(fixed).toBe(fixAll(lf, { rules: ['case-number'] }).text.replace(/\n/g, '\r\n'));
    expect(fixed).toContain('Sagsnr: 15.00.00-G01-5-25\r\n');
    expect(fixed).toContain('Sagsnr: 00.30.00-S00-2-23\r\n');
  });
});
