import { describe, expect, it } from 'vitest';
import { fixAll, lint, type Finding } from '../../server/src/engine.js';
import rule, { HEADER_FIELDS, ITEM_FIELDS } from '../../server/src/rules/unknown-field.js';

function meeting(header: readonly string[], itemFields: readonly string[] = [], eol = '\n', decision: readonly string[] = []): string {
  return (
    [
      '# REFERAT Beskæftigelsesudvalget d. 03-12-2024',
      '',
      'Kommune: Randers Kommune',
      'Mødedato: Tirsdag d. 03. december 2024 kl. 16:30',
      ...header,
      'Mødedeltagere: Claus Berggren, Jesper Gade, Henriette Malland',
      '',
      '## Punkt 1: Godkendelse af dagsorden',
      'Sagsnr: 00.22.00-P35-1-24',
      ...itemFields,
      '',
      '### Indstilling',
      'Forvaltningen indstiller,',
      '',
      '1. at dagsordenen godkendes.',
      '',
      '### Beslutning',
      ...decision,
      '1. at godkendt.',
    ].join(eol) + eol
  );
}

function run(text: string): Finding[] {
  return lint(text, { only: ['unknown-field'] }).findings.filter((f) => f.ruleId === 'unknown-field');
}
const at = (text: string, f: Finding) => text.slice(f.range.start.offset, f.range.end.offset);

describe('unknown-field', () => {
  it('meta', () => {
    expect(rule.meta.id).toBe('unknown-field');
    expect(rule.meta.defaultSeverity).toBe('warning');
    expect(rule.meta.fixable).toBe(true);
    expect(HEADER_FIELDS).toContain('Stedfortrædere');
    expect(ITEM_FIELDS).toEqual(['Sagsnr', 'Lukket', 'Fraværende']);
  });

  it('accepts every known field, in any case, and the alternative names', () => {
    const header = ['Udvalg: Beskæftigelsesudvalget', 'MØDESTED: C.2.25', 'Afbud: Jesper Gade', 'Formand: Claus Berggren', 'Referent: Anne Holm', 'Profil: randers', 'Stedfortrædere: Kim Østergaard for Jesper Gade', 'Sted: Rådhuset'];
    expect(run(meeting(header, ['Lukket: nej', 'Fraværende: Henriette Malland', 'Sagsnummer: 00.22.00-P35-1-24']))).toEqual([]);
  });

  it('Mødsted → Mødested: exact range, messages, and the rename fix', () => {
    const text = meeting(['Mødsted: C.2.25']);
    const [f, ...rest] = run(text);
    expect(rest).toEqual([]);
    expect(f!.messageId).toBe('unknownHeaderFieldSuggest');
    expect(f!.severity).toBe('warning');
    expect(f!.range.start).toMatchObject({ line: 4, character: 0 });
    expect(f!.range.end).toMatchObject({ line: 4, character: 7 });
    expect(at(text, f!)).toBe('Mødsted');
    expect(f!.message.en).toBe('Unknown header field "Mødsted". Did you mean "Mødested"? Rename it, or the value is ignored.');
    expect(f!.message.da).toBe('Ukendt felt "Mødsted" i mødets hoved. Mente du "Mødested"? Ret navnet, ellers bliver værdien ikke brugt.');
    expect(f!.fix!.title).toEqual({ en: 'Rename to "Mødested"', da: 'Omdøb til "Mødested"' });
    expect(fixAll(text, { rules: ['unknown-field'] }).text).toBe(text.replace('Mødsted:', 'Mødested:'));
  });

  it.each([
    ['Mødedto', 'Mødedato'],
    ['Referant', 'Referent'],
    ['Mødedeltager', 'Mødedeltagere'],
    ['Stedfortrædre', 'Stedfortrædere'],
    ['Kommun', 'Kommune'],
    ['Mødelokale', 'Mødested'],
    ['Forfald', 'Afbud'],
  ])('header %s → %s', (name, expected) => {
    const [f] = run(meeting([`${name}: x`]));
    expect(f!.message.en).toContain(`Did you mean "${expected}"?`);
    expect(f!.fix!.edits[0]!.newText).toBe(expected);
  });

  it.each([
    ['Sagnr', 'Sagsnr'],
    ['Journalnr', 'Sagsnr'],
    ['Lukkket', 'Lukket'],
    ['Fravaerende', 'Fraværende'],
    ['Fravær', 'Fraværende'],
  ])('item %s → %s', (name, expected) => {
    const text = meeting([], [`${name}: x`]);
    const [f] = run(text);
    expect(f!.messageId).toBe('unknownItemFieldSuggest');
    expect(f!.message.en).toBe(`Unknown item field "${name}". Did you mean "${expected}"? Rename it, or the value is ignored.`);
    expect(f!.message.da).toBe(`Ukendt felt "${name}" på punktet. Mente du "${expected}"? Ret navnet, ellers bliver værdien ikke brugt.`);
    expect(f!.fix!.edits[0]!.newText).toBe(expected);
  });

  it('no candidate: lists the known fields and says how to fix, no fix', () => {
    const text = meeting(['Bemærkning: Mødet blev holdt digitalt.']);
    const [f] = run(text);
    expect(f!.messageId).toBe('unknownHeaderField');
    expect(f!.fix).toBeUndefined();
    expect(f!.message.en).toBe(
      'Unknown header field "Bemærkning". The header fields are "Kommune", "Udvalg", "Mødedato", "Mødested", "Mødedeltagere", "Afbud", "Formand", "Referent", "Profil" and "Stedfortrædere". Rename it to one of them; if the line is text, rephrase it so that it does not begin with "Bemærkning:".',
    );
    expect(f!.message.da).toContain('"Profil" og "Stedfortrædere"');
    const [g] = run(meeting([], ['Ansvarlig: Jobcentret']));
    expect(g!.messageId).toBe('unknownItemField');
    expect(g!.message.en).toContain('The item fields are "Sagsnr", "Lukket" and "Fraværende".');
  });

  it('a field in the wrong place', () => {
    const text = meeting(['Sagsnr: 00.22.00-P35-1-24'], ['Mødested: C.2.25']);
    const found = run(text);
    expect(found.map((f) => [f.messageId, at(text, f)])).toEqual([
      ['itemFieldInHeader', 'Sagsnr'],
      ['headerFieldInItem', 'Mødested'],
    ]);
    expect(found[0]!.message.en).toBe('"Sagsnr" is an item field, not a header field. Move it under the heading of its item (## Punkt …).');
    expect(found[1]!.message.da).toBe('"Mødested" er et felt i mødets hoved, ikke på et punkt. Flyt det op i hovedet, over det første punkt.');
    expect(found.every((f) => !f.fix)).toBe(true);
  });

  it('does not check `Word:` lines in sections', () => {
    expect(run(meeting([], [], '\n', ['Note: dette er brødtekst.', '']))).toEqual([]);
  });

  it('a clearly closest candidate is fixed even if another is close too', () => {
    const [f] = run(meeting(['Mødedsted: C.2.25']));
    expect(f!.message.en).toContain('Did you mean "Mødested"?');
    expect(f!.fix!.edits[0]!.newText).toBe('Mødested');
    expect(f!.suggestions!.map((s) => s.edits[0]!.newText)).toEqual(['Mødested', 'Mødedato']);
  });

  it('equally close candidates: suggestions only, no automatic fix', () => {
    const text = meeting(['Kommand: Anne Holm']);
    const [f] = run(text);
    expect(f!.fix).toBeUndefined();
    expect(f!.message.en).toBe('Unknown header field "Kommand". Did you mean "Kommune" / "Formand"? Rename it, or the value is ignored.');
    expect(f!.suggestions!.map((s) => s.title.en)).toEqual(['Rename to "Kommune"', 'Rename to "Formand"']);
    expect(fixAll(text, { rules: ['unknown-field'] }).text).toBe(text);
  });

  it('an alternative name counts as its field for "did you mean"', () => {
    const [f] = run(meeting(['Stedx: C.2.25']));
    expect(f!.fix!.edits[0]!.newText).toBe('Mødested');
    expect(run(meeting(['Form: x']))[0]!.messageId).toBe('unknownHeaderField');
  });

  it('CRLF: exact range and the fix keeps the line endings', () => {
    const lf = meeting(['Mødsted: C.2.25']);
    const crlf = meeting(['Mødsted: C.2.25'], [], '\r\n');
    const [a] = run(lf);
    const [b] = run(crlf);
    expect(at(crlf, b!)).toBe('Mødsted');
    expect([b!.range.start.line, b!.range.start.character, b!.range.end.character]).toEqual([
      a!.range.start.line,
      a!.range.start.character,
      a!.range.end.character,
    ]);
    expect(fixAll(crlf, { rules: ['unknown-field'] }).text).toBe(crlf.replace('Mødsted:', 'Mødested:'));
  });
});
