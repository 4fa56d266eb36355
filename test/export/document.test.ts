import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../server/src/config/resolve.js';
import { danishLongDate, joinNames } from '../../server/src/export/document.js';
import { exportDocumentFromText } from '../../server/src/export/index.js';
import { parseInlineMarkup, safeHref } from '../../server/src/export/inline.js';
import { inlineText } from '../../server/src/export/model.js';
import { root } from './helpers.js';

const fixture = readFileSync(path.join(root, 'test/fixtures/export/meeting.referat'), 'utf8');

describe('export document', () => {
  it('builds the header, title and items of the meeting', () => {
    const doc = exportDocumentFromText(fixture);
    expect(doc.title).toBe('REFERAT Beskæftigelsesudvalget d. 03-12-2024');
    expect(doc.header.map((h) => h.label)).toEqual(['Mødedato', 'Mødested', 'Mødedeltagere', 'Afbud']);
    expect(doc.longDate).toBe('Tirsdag d. 03. december 2024 kl. 16:30');
    expect(doc.items.map((i) => i.number)).toEqual(['122', '123', '124', '125']);
    expect(doc.items.map((i) => i.anchor)).toEqual(['punkt-122', 'punkt-123', 'punkt-124', 'punkt-125']);
  });

  it('publishes the Afbud field as written: a substitute or party beside a name is kept', () => {
    const text = [
      '# REFERAT Økonomiudvalget',
      '',
      'Mødedato: 2024-03-05',
      'Afbud: Mette Lund (stedfortræder: Ib Sand) og Karl Holm (B)',
      '',
      '## Punkt 1: Orientering',
      '',
      '### Beslutning',
      '',
      'Taget til efterretning.',
      '',
    ].join('\n');
    const afbud = exportDocumentFromText(text).header.find((h) => h.label === 'Afbud');
    expect(afbud?.value).toBe('Mette Lund (stedfortræder: Ib Sand) og Karl Holm (B)');
  });

  it('prints a bare date once, in the title, and a Mødedato line where the file gives more (a time, words)', () => {
    const text = (date: string, notes = '') =>
      ['# REFERAT Hovedudvalget', '', `Mødedato: ${date}`, '', notes, '', '## Punkt 2: Regnskab', '', '### Beslutning', '', 'Drøftet.', ''].join('\n');
    const bare = exportDocumentFromText(text('2021-04-28'));
    expect(bare.title).toBe('REFERAT Hovedudvalget d. 28-04-2021');
    expect(bare.header.map((h) => h.label)).toEqual([]);
    // The opening's notes state the day: the title does too, so no line repeats it.
    expect(exportDocumentFromText(text('2021-04-28', 'Den 28.04.2021 kl. 9:00 i mødelokale 3')).header).toEqual([]);
    expect(exportDocumentFromText(text('2021-04-28 09:00')).header.map((h) => [h.label, h.value])).toEqual([['Mødedato', 'Onsdag d. 28. april 2021 kl. 09:00']]);
    expect(exportDocumentFromText(text('onsdag den 28. april 2021')).header.map((h) => h.value)).toEqual(['onsdag den 28. april 2021']);
  });

  it('orders sections as the profile does, whatever the source order', () => {
    const doc = exportDocumentFromText(fixture);
    expect(doc.items[1]!.sections.map((s) => s.heading)).toEqual(['Resumé', 'Indstilling', 'Beslutning', 'Sagsfremstilling', 'Bilag']);
  });

  it('prints the Fraværende field as the attendance sentence under the decision', () => {
    const doc = exportDocumentFromText(fixture);
    const decision = doc.items[1]!.sections.find((s) => s.kind === 'beslutning')!;
    const texts = decision.blocks.filter((b) => b.type === 'paragraph').map((b) => inlineText(b.type === 'paragraph' ? b.content : []));
    expect(texts).toContain('Bjarne Overmark deltog ikke i sagens behandling.');
  });

  it('public edition: a closed item keeps number, title and case number only', () => {
    const closed = exportDocumentFromText(fixture).items[2]!;
    expect(closed).toMatchObject({ number: '124', title: 'Lukket', caseNumber: '15.00.00-G01-69-24', closed: true, redacted: true });
    expect(closed.sections).toEqual([]);
    expect(closed.preamble).toEqual([]);
    expect(closed.attachments).toEqual([]);
  });

  it('internal edition keeps the closed item, but never comments', () => {
    const doc = exportDocumentFromText(fixture, 'internal');
    expect(doc.items[2]!.sections.length).toBeGreaterThan(0);
    expect(JSON.stringify(doc)).toContain('CLOSEDSECRET');
    expect(JSON.stringify(doc)).not.toMatch(/COMMENTSECRET|BLOCKSECRET|HEADERSECRET/);
  });

  it('lists Bilag bullets as attachments, with safe links', () => {
    const doc = exportDocumentFromText(fixture);
    expect(doc.items[1]!.attachments).toEqual([
      { name: 'Præsentation til BU Ydelseskantoret 3-12-2024', href: 'bilag/praesentation.pdf' },
      { name: 'Notat om sagsbehandlingstider' },
    ]);
  });

  it('uses "Beslutning <udvalg> den <dato>" for the committee-date house style', () => {
    const config = resolveConfig({ profile: 'sonderborg' });
    const doc = exportDocumentFromText(fixture, 'public', config);
    const headings = doc.items[1]!.sections.map((s) => s.heading);
    expect(headings).toContain('Beslutning Beskæftigelsesudvalget den 03-12-2024');
    expect(headings[0]).toBe('Sagsresumé');
    // Sønderborg order: the decision comes after the case presentation.
    expect(headings.indexOf('Sagsfremstilling')).toBeLessThan(headings.indexOf('Beslutning Beskæftigelsesudvalget den 03-12-2024'));
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\uFEFF', '# REFERAT', '## Punkt : \n### Beslutning\n', '## Punkt 1: [x](javascript:y)\n<!-- open', '| a |\n|--|\n']) {
      expect(() => exportDocumentFromText(text)).not.toThrow();
    }
  });
});

describe('inline helpers', () => {
  it('accepts http(s), mailto and relative links only', () => {
    expect(safeHref('https://example.org/x')).toBe('https://example.org/x');
    expect(safeHref('mailto:a@b.dk')).toBe('mailto:a@b.dk');
    expect(safeHref('bilag/a.pdf')).toBe('bilag/a.pdf');
    expect(safeHref('#punkt-2')).toBe('#punkt-2');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', ' javascript:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '//evil.example/x']) {
      expect(safeHref(bad), bad).toBeUndefined();
    }
  });

  it('reads bold, italic, links and drops comments', () => {
    const nodes = parseInlineMarkup('a **b** *c* [d](https://e.dk) <!-- x --> [f](javascript:alert(1)) g');
    expect(nodes).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'strong', children: [{ type: 'text', text: 'b' }] },
      { type: 'text', text: ' ' },
      { type: 'emphasis', children: [{ type: 'text', text: 'c' }] },
      { type: 'text', text: ' ' },
      { type: 'link', href: 'https://e.dk', children: [{ type: 'text', text: 'd' }] },
      { type: 'text', text: ' f g' },
    ]);
  });

  it('writes Danish dates and name lists', () => {
    expect(danishLongDate(2024, 12, 3, 16, 30)).toBe('Tirsdag d. 03. december 2024 kl. 16:30');
    expect(danishLongDate(2018, 2, 27)).toBe('Tirsdag d. 27. februar 2018');
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A og B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B og C');
  });
});
