/** The importer on each recognised shape, and on house styles other than Randers'. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsShared, SHARED_DIR } from '../helpers/shared.js';
import { analyze } from '../../server/src/engine.js';
import { importReferat } from '../../server/src/import/index.js';
import { htmlToMarkup } from '../../server/src/import/html.js';
import { parsePrintedRecord } from '../../server/src/import/portal.js';

const meetingOf = (markup: string) => analyze(markup);

describe('published text', () => {
  it('reads bare lines: title, header, items, case numbers, sections, guests', () => {
    const text = [
      'REFERAT Beskæftigelsesudvalget d. 27-02-2018',
      '',
      'Mødedato Tirsdag d. 27. februar 2018 kl. 16:00',
      '',
      'Mødested Rådhuset',
      '',
      'Indholdsfortegnelse',
      '',
      'Præsentation.....\t3',
      '',
      'Punkt 14: Præsentation',
      '',
      '15.20.00-G20-1-18',
      '',
      'Resume',
      '',
      'Udvalget orienteres.',
      '',
      'Indstilling',
      '',
      'Forvaltningen indstiller til beskæftigelsesudvalget',
      '',
      '1. at orienteringen tages til efterretning.',
      '',
      'Beslutning',
      '',
      'Taget til efterretning.',
      '',
      'Lars Præcius, afdelingsleder, deltog under punktet.',
      '',
      'Side 3 af 24',
    ].join('\n');
    const r = importReferat(text);
    expect(r.markup).not.toMatch(/Præsentation\.\.\.\.\./);
    expect(r.markup).not.toMatch(/Side 3 af 24/);
    const { meeting, parse } = meetingOf(r.markup);
    expect(parse.diagnostics).toEqual([]);
    expect(meeting.committee).toBe('Beskæftigelsesudvalget');
    expect(meeting.date).toMatchObject({ year: 2018, month: 2, day: 27, hour: 16 });
    expect(meeting.place).toBe('Rådhuset');
    const item = meeting.items[0]!;
    expect([item.number, item.title, item.caseNumber?.text]).toEqual(['14', 'Præsentation', '15.20.00-G20-1-18']);
    expect(item.sections.map((s) => s.kind)).toEqual(['resume', 'indstilling', 'beslutning']);
    expect(item.attendance.guests.map((g) => g.name)).toEqual(['Lars Præcius']);
  });

  it('reads Markdown-ish extraction: # headings, ** bold, <b> tags, escaped \\_, wrapped Mødedeltagere, tab tables', () => {
    const text = [
      '# REFERAT Udvalg d. 03-12-2024',
      '**Mødedato**           Tirsdag d. 03. december 2024 kl. 16:30',
      '**Mødedeltagere**    Anne Holm, Bo Ibsen, Henriette  ',
      'Malland og Carl Dam',
      '',
      '## **Punkt 5: Budget**',
      '00.30.00-S00-2-23',
      '### **Beslutning**',
      'Godkendt.',
      '## **Sagsfremstilling**',
      'Fil: bilag\\_1.pdf',
      '### Løsninger',
      'Tekst.',
      'År\t2024\t2025',
      '<b>I alt</b>\t<b>-8,5</b>\t1',
    ].join('\n');
    const r = importReferat(text);
    const { meeting, parse } = meetingOf(r.markup);
    expect(parse.diagnostics).toEqual([]);
    expect(meeting.members?.map((m) => m.name)).toEqual(['Anne Holm', 'Bo Ibsen', 'Henriette Malland', 'Carl Dam']);
    const item = meeting.items[0]!;
    expect([item.number, item.title, item.caseNumber?.text]).toEqual(['5', 'Budget', '00.30.00-S00-2-23']);
    expect(item.sections.map((s) => s.kind)).toEqual(['beslutning', 'sagsfremstilling']);
    expect(r.markup).toContain('Fil: bilag_1.pdf');
    expect(r.markup).toContain('#### Løsninger');
    expect(r.markup).toContain('| År | 2024 | 2025 |\n|---|---|---|\n| **I alt** | **-8,5** | 1 |');
  });

  it('marks closed items and detects a Sønderborg-like house style', () => {
    const text = [
      'REFERAT 2022-25: Arbejdsmarkedsudvalget d. 13-08-2024',
      '',
      'Punkt 1: Godkendelse af dagsorden',
      '23/64938',
      'Sagsresumé',
      'Dagsordenen.',
      'Sagsfremstilling',
      'Tekst.',
      'Indstilling',
      '- at dagsordenen godkendes.',
      'Beslutning Arbejdsmarkedsudvalget den 13-08-2024',
      'Godkendt.',
      '',
      'Punkt 2: Lukket: Underskriftsside – august 2024',
      '23/70001',
    ].join('\n');
    const r = importReferat(text);
    expect(r.profile).toBe('sonderborg');
    const { meeting, parse, config } = meetingOf(r.markup);
    expect(parse.diagnostics).toEqual([]);
    expect(config.profile.name).toBe('sonderborg');
    expect(meeting.items.map((i) => [i.number, i.caseNumber?.text, i.closed])).toEqual([
      ['1', '23/64938', false],
      ['2', '23/70001', true],
    ]);
    expect(meeting.items[0]!.sections.map((s) => s.kind)).toEqual(['resume', 'sagsfremstilling', 'indstilling', 'beslutning']);
    expect(meeting.items[0]!.sections[3]!.decisionBody).toEqual({ committee: 'Arbejdsmarkedsudvalget', date: '13-08-2024' });
  });

  it('keeps text it cannot place as a comment and warns', () => {
    const r = importReferat('Forside fra printeren\n\nREFERAT Udvalg\n\nLøs tekst før punkterne\n\nPunkt 1: A\n');
    expect(r.markup).toContain('<!-- import: Forside fra printeren -->');
    expect(r.markup).toContain('<!-- import: Løs tekst før punkterne -->');
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[0]!.line).toBe(1);
  });
});

describe('portal records', () => {
  const html =
    "<div id='sagsfremstillingContainer'><div><h3>Resumé</h3> <span class='resume'><p>Et <strong>kort</strong> resumé.</p></span></div>" +
    "<div><h3>Indstilling</h3> <span class='indstilling'><p>Forvaltningen indstiller</p><ol><li>at drøfte indsatsen</li><li>at godkende planen</li></ol></span></div>" +
    "<div><h3>Beslutning</h3> <span class='beslutning'><ol><li>at drøftet</li><li>at godkendt</li></ol></span></div>" +
    "<div><h3>Sagsfremstilling</h3> <span class='sagsfremstilling'><p>Tekst &amp; mere.</p><table><tbody><tr><th>År</th><th>Antal</th></tr><tr><td>2025</td><td>588</td></tr></tbody></table></span></div></div>";
  const record = {
    Punktnummer: '92',
    Navn: 'Den fremtidige indsats for udsatte ledige',
    Caption: 'Den fremtidige indsats for udsatte ledige',
    SagsNummer: '15.00.00-G01-5-25',
    IsOpen: true,
    Felter: [{ Navn: '', Html: html }],
    Bilag: [{ Navn: 'Case 1 -Job og Ressourcer.docx', Order: 0 }],
  };

  it('a JSON record becomes an item with its sections, lists, tables and attachments', () => {
    const r = importReferat(JSON.stringify(record));
    const { meeting, parse } = meetingOf(r.markup);
    expect(parse.diagnostics).toEqual([]);
    const item = meeting.items[0]!;
    expect([item.number, item.title, item.caseNumber?.text, item.closed]).toEqual(['92', 'Den fremtidige indsats for udsatte ledige', '15.00.00-G01-5-25', false]);
    expect(item.sections.map((s) => s.kind)).toEqual(['resume', 'indstilling', 'beslutning', 'sagsfremstilling', 'bilag']);
    expect(item.proposals.map((p) => p.text)).toEqual(['at drøfte indsatsen', 'at godkende planen']);
    expect(item.decisions).toHaveLength(2);
    expect(r.markup).toContain('Et **kort** resumé.');
    expect(r.markup).toContain('Tekst & mere.');
    expect(r.markup).toContain('| År | Antal |\n|---|---|\n| 2025 | 588 |');
    expect(r.markup).toContain('- Case 1 -Job og Ressourcer.docx');
  });

  it('a list of records; a closed record without content becomes Lukket', () => {
    const closed = { Punktnummer: '93', Navn: 'Lukket: Personalesag', SagsNummer: '81.00.00-G01-1-25', IsOpen: false, Felter: [], Bilag: [] };
    const { meeting } = meetingOf(importReferat(JSON.stringify([record, closed])).markup);
    expect(meeting.items.map((i) => [i.number, i.closed])).toEqual([
      ['92', false],
      ['93', true],
    ]);
  });

  it('an item number the markup cannot read gives way to the other number field and is kept in a comment', () => {
    const odd = { Punktnummer: '[2', Number: '2', Navn: 'Lukket', SagsNummer: '24/1502', IsOpen: false, Felter: [], Bilag: [] };
    const r = importReferat(JSON.stringify([{ ...record, Punktnummer: 'A' }, odd]));
    const { meeting, parse } = meetingOf(r.markup);
    expect(parse.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(meeting.items.map((i) => [i.number, i.closed])).toEqual([
      ['1', false],
      ['2', true],
    ]);
    expect(r.markup).toContain(`<!-- import: the portal's item number "A" is not a number the markup reads; numbered 1 -->`);
    expect(r.markup).toContain(`<!-- import: the portal's item number "[2" is not a number the markup reads; numbered 2 -->`);
    expect(r.warnings.map((w) => w.message.en)).toContain(`Item 2: the portal's item number "[2" cannot be read; the item is numbered 2`);
  });

  const seed = path.join(SHARED_DIR, 'seeds', '002_fa2b63a408b901b6.txt');
  it.runIf(existsSync(seed))(needsShared('reads the printed record of the portal page (seed 002)'), () => {
    const rec = parsePrintedRecord(readFileSync(seed, 'utf8'))!;
    expect(rec.SagsNummer).toBe('15.00.00-G01-5-25');
    expect(rec.Punktnummer).toBe('92');
    expect(rec.IsOpen).toBe(false);
    expect(rec.Bilag?.map((b) => b.Navn)).toHaveLength(4);
    expect(rec.Felter?.[0]?.Html).toMatch(/<h3>Resumé<\/h3>/);
  });

  it('HTML: entities, nested lists, line breaks', () => {
    expect(htmlToMarkup('<p>A&nbsp;&lt;b&gt; &#248;</p><ul><li>x<ul><li>y</li></ul></li></ul><p>1<br>2</p>')).toBe('A <b> ø\n\n- x\n\n  - y\n\n1\n\n2');
  });
});
