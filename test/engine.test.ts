/** The lint engine: inline control comments, severities from configuration, fixes. */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../server/src/config/resolve.js';
import { applyEdits, applyFixes, fixAll, lint } from '../server/src/engine.js';

const meeting = (body: string) =>
  [
    '# REFERAT Udvalg d. 03-12-2024',
    '',
    'Mødedato: Tirsdag d. 03. december 2024 kl. 16:30',
    'Mødedeltagere: Anne Holm, Bo Ibsen',
    '',
    body,
  ].join('\n');

const item = (n: number, extra = '') => `## Punkt ${n}: Punkt\nSagsnr: 00.22.00-P35-1-24\n${extra}\n### Indstilling\n1. at godkendes.\n\n### Beslutning\n1. at godkendt.\n`;

const ids = (text: string, config = resolveConfig()) => lint(text, { config }).findings.map((f) => `${f.range.start.line + 1}:${f.ruleId}`);

describe('inline control comments', () => {
  const skipping = (prefix: string) => meeting(`${item(1)}\n${prefix}${item(3)}\n${item(5)}`);

  it('reports without comments', () => {
    expect(ids(skipping(''))).toEqual(['15:item-numbering', '24:item-numbering']);
  });

  it('referat-disable switches a rule off from its line on; referat-enable back on', () => {
    expect(ids(skipping('<!-- referat-disable item-numbering -->\n'))).toEqual([]);
    const text = meeting(`${item(1)}\n<!-- referat-disable item-numbering -->\n${item(3)}\n<!-- referat-enable item-numbering -->\n${item(5)}`);
    expect(ids(text)).toEqual(['26:item-numbering']);
  });

  it('referat-disable without ids switches every rule off', () => {
    expect(ids(skipping('<!-- referat-disable -->\n'))).toEqual([]);
  });

  it('referat-disable-next-line affects only the next line and only the named rules', () => {
    expect(ids(skipping('<!-- referat-disable-next-line item-numbering -->\n'))).toEqual(['25:item-numbering']);
    expect(ids(skipping('<!-- referat-disable-next-line quorum, case-number -->\n'))).toEqual(['16:item-numbering', '25:item-numbering']);
  });
});

describe('severities from configuration', () => {
  it('turns rules off and changes their severity', () => {
    const text = meeting(`${item(1)}\n${item(3)}`);
    expect(ids(text, resolveConfig({ rules: { 'item-numbering': 'off' } }))).toEqual([]);
    const [f] = lint(text, { config: resolveConfig({ rules: { 'item-numbering': { severity: 'warning' } } }) }).findings;
    expect(f!.severity).toBe('warning');
  });

  it('a file\'s Profil field selects the house style', () => {
    const text = meeting(`${item(1)}`).replace('Mødedato', 'Profil: sonderborg\nMødedato');
    expect(lint(text).config.profile.name).toBe('sonderborg');
  });
});

describe('fixes', () => {
  it('applyEdits applies non-overlapping edits and returns the overlapping ones', () => {
    const r = applyEdits('abcdef', [
      { start: 4, end: 5, newText: 'E' },
      { start: 0, end: 1, newText: 'A' },
      { start: 0, end: 2, newText: 'X' },
    ]);
    expect(r.text).toBe('AbcdEf');
    expect(r.skipped).toHaveLength(1);
  });

  it('applyFixes takes whole fixes only', () => {
    const r = applyFixes('abc', [
      { title: { da: '', en: '' }, edits: [{ start: 0, end: 1, newText: 'A' }, { start: 2, end: 3, newText: 'C' }] },
      { title: { da: '', en: '' }, edits: [{ start: 2, end: 3, newText: 'Z' }] },
    ]);
    expect(r).toEqual({ text: 'AbC', applied: 1 });
  });

  it('applyFixes merges identical fixes and takes one fix per line, the first by position', () => {
    const t = { da: '', en: '' };
    const same = { title: t, edits: [{ start: 0, end: 1, newText: 'A' }] };
    expect(applyFixes('ab\ncd', [same, { ...same }])).toEqual({ text: 'Ab\ncd', applied: 2 });
    // Two fixes in one line (one sentence, one name list): the second waits for the next pass.
    const r = applyFixes('ab\ncd', [
      { title: t, edits: [{ start: 1, end: 2, newText: 'B' }] },
      { title: t, edits: [{ start: 0, end: 1, newText: 'A' }] },
      { title: t, edits: [{ start: 3, end: 4, newText: 'C' }] },
    ]);
    expect(r).toEqual({ text: 'Ab\nCd', applied: 2 });
    // At one place, the least invasive first.
    const s = applyFixes('Bo Ibsn x', [
      { title: t, edits: [{ start: 0, end: 7, newText: 'Bo Ibsn og Bo Ibsen' }] },
      { title: t, edits: [{ start: 0, end: 7, newText: 'Bo Ibsen' }] },
    ]);
    expect(s).toEqual({ text: 'Bo Ibsen x', applied: 1 });
    // A declared scope (a name list over two lines) is claimed whole.
    const u = applyFixes('a,\nb', [
      { title: t, edits: [{ start: 0, end: 1, newText: 'A' }], scope: { start: 0, end: 4 } },
      { title: t, edits: [{ start: 3, end: 4, newText: 'B' }] },
    ]);
    expect(u).toEqual({ text: 'A,\nb', applied: 1 });
  });

  it('fixAll re-lints between passes until nothing is left to fix, and keeps the BOM and CRLF', () => {
    const text = '\uFEFF' + meeting(`${item(1)}\n${item(3)}\n${item(7)}`).replace('Tirsdag', 'Onsdag').replace(/\n/g, '\r\n');
    const r = fixAll(text);
    expect(r.text.startsWith('\uFEFF# REFERAT')).toBe(true);
    expect(r.text).toContain('Tirsdag d. 03.');
    expect(r.text).toContain('## Punkt 3: Punkt');
    expect(r.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(r.result.findings.filter((f) => f.fix)).toEqual([]);
  });
});
