/** duplicate-name, and fix-all never doubling a name (issue 15: a misspelt member with Afbud). */
import { describe, expect, it } from 'vitest';
import { applyEdits, fixAll, lint } from '../../server/src/engine.js';

const head = (extra: string) =>
  [
    '# REFERAT Udvalg d. 03-12-2024',
    '',
    'Mødedato: Tirsdag d. 03. december 2024 kl. 16:30',
    'Mødedeltagere: Anne Holm, Bo Ibsen, Carl Dam og Dorte Kjær',
    extra,
    '',
    '## Punkt 1: Godkendelse af dagsorden',
    'Sagsnr: 00.22.00-P35-1-24',
    '',
    '### Indstilling',
    '1. at dagsordenen godkendes.',
    '',
    '### Beslutning',
    '1. at godkendt.',
    '',
  ].join('\n');

const of = (text: string) => lint(text).findings.filter((f) => f.ruleId === 'duplicate-name');

describe('duplicate-name', () => {
  it('flags the second of a name given twice in one list, and its fix keeps the list readable', () => {
    const t = head('') + 'Anne Holm, Bo Ibsen og Anne Holm deltog ikke i sagens behandling.\n';
    const [f, more] = of(t);
    expect(more).toBeUndefined();
    expect(f!.range.start.line).toBe(14);
    expect(f!.range.start.character).toBe(23);
    expect(f!.message.da).toBe('Anne Holm står to gange i samme navneliste. Slet den anden forekomst.');
    expect(f!.message.en).toBe('Anne Holm appears twice in the same name list. Delete the second one.');
    const fixed = applyEdits(t, f!.fix!.edits).text;
    expect(fixed).toContain('\nAnne Holm og Bo Ibsen deltog ikke i sagens behandling.\n');
    expect(of(fixed)).toEqual([]);
  });

  it('removes a middle repeat with its separator, in header fields too', () => {
    const t = head('Afbud: Bo Ibsen, Bo Ibsen og Carl Dam');
    const [f] = of(t);
    expect(f!.range.start.line).toBe(4);
    expect(applyEdits(t, f!.fix!.edits).text).toContain('Afbud: Bo Ibsen og Carl Dam\n');
  });

  it('does not flag the same name in two different lists', () => {
    expect(of(head('Afbud: Bo Ibsen') + 'Bo Ibsen deltog ikke i sagens behandling.\n')).toEqual([]);
  });
});

describe('fix-all with a misspelt member who has Afbud (issue 15)', () => {
  const t = head('Afbud: Bo Ibsen').replace('Tirsdag', 'Onsdag') + 'Bo Ibsn deltog ikke i sagens behandling.\n';

  it('corrects the name once and does not add it a second time', () => {
    const r = fixAll(t);
    expect(r.text).toContain('\nBo Ibsen deltog ikke i sagens behandling.\n');
    expect(r.text).not.toMatch(/Bo Ibsen og Bo Ibsen/);
    expect(r.text).toContain('Tirsdag d. 03.');
    expect(r.result.findings.filter((f) => f.fix)).toEqual([]);
  });

  it('a misspelling next to the right name is deleted, not corrected into a double', () => {
    const u = head('Afbud: Bo Ibsen') + 'Bo Ibsen og Bo Ibsn deltog ikke i sagens behandling.\n';
    const f = lint(u).findings.find((x) => x.ruleId === 'unknown-person')!;
    expect(applyEdits(u, f.fix!.edits).text).toContain('\nBo Ibsen deltog ikke i sagens behandling.\n');
    expect(fixAll(u).text).toContain('\nBo Ibsen deltog ikke i sagens behandling.\n');
  });
});
