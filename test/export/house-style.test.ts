/**
 * Exports write the profile's house style (item heading, decision heading in the kommune's date
 * form, section names and order, attendance wording, header labels): once, in the shared
 * export document, so text, HTML, PDF, DOCX and the portal record agree.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, resolveConfig } from '../../server/src/config/resolve.js';
import { exportDocumentFromText, exportReferat } from '../../server/src/export/index.js';
import { hasTool, loadFonts, run } from './helpers.js';

/** One meeting written in the markup's own form (whatever the house style). */
const source = [
  '# REFERAT Arbejdsmarkedsudvalget d. 13-08-2024',
  '',
  'Mødedato: 2024-08-13 16:00',
  'Mødested: Rådhuset',
  'Mødedeltagere: Anne Holm, Bo Ibsen, Carl Dam',
  '',
  '## Punkt 2: Budgetopfølgning',
  'Sagsnr: 24/1234',
  'Fraværende: Carl Dam',
  '',
  '### Sagsfremstilling',
  'Tekst om budgettet.',
  '',
  '### Beslutning',
  'Godkendt.',
  '',
  '### Indstilling',
  '1. at budgetopfølgningen godkendes.',
  '',
  '### Resumé',
  'Kort.',
  '',
].join('\n');

const textUnder = async (profile: string) =>
  String((await exportReferat(source, { format: 'text', config: resolveConfig(undefined, { profile }) })).data);

describe('exports write the house style of the profile', () => {
  it('sonderborg: "Beslutning <udvalg> den <dd-mm-yyyy>", its section names in its order', async () => {
    const text = await textUnder('sonderborg');
    expect(text).toContain('\nPunkt 2: Budgetopfølgning\n');
    expect(text).toContain('\nBeslutning Arbejdsmarkedsudvalget den 13-08-2024\n');
    const headings = ['Sagsresumé', 'Indstilling', 'Sagsfremstilling', 'Beslutning Arbejdsmarkedsudvalget den 13-08-2024'];
    const at = headings.map((h) => text.indexOf(`\n${h}\n`));
    expect(at.every((i) => i > 0), at.join()).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain('Carl Dam deltog ikke i sagens behandling.');
  });

  it('bornholm: "{n} {title}", "<udvalg> den <d. MMMM yyyy>:"', async () => {
    const text = await textUnder('bornholm');
    expect(text).toContain('\n2 Budgetopfølgning\n');
    expect(text).toContain('\nArbejdsmarkedsudvalget den 13. august 2024:\n');
  });

  it('naestved and kalundborg: "<udvalg>, <dd.mm.yyyy>" and "<udvalg>s møde den <d. MMMM yyyy>:"', async () => {
    expect(await textUnder('naestved')).toContain('\nArbejdsmarkedsudvalget, 13.08.2024\n');
    expect(await textUnder('kalundborg')).toContain('\nArbejdsmarkedsudvalgets møde den 13. august 2024:\n');
  });

  it('attendance as a line where the house writes one; header labels as the house publishes them', () => {
    const doc = exportDocumentFromText(source, 'public', resolveConfig(undefined, { profile: 'aabenraa' }));
    const decision = doc.items[0]!.sections.find((s) => s.kind === 'beslutning')!;
    expect(JSON.stringify(decision.blocks)).toContain('Afbud: Carl Dam');
    expect(doc.items[0]!.heading).toBe('2. Budgetopfølgning');
    expect(decision.heading).toBe('Beslutning Arbejdsmarkedsudvalget den 13-08-2024');
    expect(doc.header.map((h) => h.label)).toEqual(['Mødedato', 'Mødested', 'Medlemmer']);
  });

  it('the portal record carries the same decision heading', async () => {
    const json = String((await exportReferat(source, { format: 'json', config: resolveConfig(undefined, { profile: 'viborg' }) })).data);
    expect(json).toContain('Beslutning i Arbejdsmarkedsudvalget den 13-08-2024');
  });
});

/** A house that prints no contents list and labels its case numbers `Sagsid.`. */
const plainHouse = resolveConfig(
  parseConfig({ profile: 'hus', profiles: { hus: { extends: 'randers', contents: false, caseNumber: { patterns: ['short'], label: 'Sagsid.' } } } }),
);

describe('the contents list and the case-number label follow the house style', () => {
  it('text: no contents list where the house prints none, the case number under its label', async () => {
    const text = String((await exportReferat(source, { format: 'text', edition: 'internal', config: plainHouse })).data);
    expect(text).not.toContain('Indholdsfortegnelse');
    expect(text).toContain('\n\nSagsid.: 24/1234\n\n');
    // Randers prints the contents and the number alone.
    const randers = String((await exportReferat(source, { format: 'text', edition: 'internal' })).data);
    expect(randers).toContain('Indholdsfortegnelse\n\nBudgetopfølgning\n\n');
    expect(randers).toContain('\n\n24/1234\n\n');
  });

  it('HTML: no contents navigation, the label shown', async () => {
    const html = String((await exportReferat(source, { format: 'html', config: plainHouse })).data);
    expect(html).not.toContain('<nav');
    expect(html).toContain('<p class="sagsnr">Sagsid.: 24/1234</p>');
  });

  it.skipIf(!hasTool('pdftotext'))('PDF: no contents page, the label on the item', async () => {
    const pdf = (await exportReferat(source, { format: 'pdf', config: plainHouse, fonts: loadFonts() })).data as Uint8Array;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'referat-house-')), 'a.pdf');
    writeFileSync(file, pdf);
    const text = run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    expect(text).not.toContain('Indholdsfortegnelse');
    expect(text).toContain('Sagsid.: 24/1234');
  });

  it.skipIf(!hasTool('unzip'))('DOCX: no table-of-contents field, the label on the item', async () => {
    const docx = (await exportReferat(source, { format: 'docx', config: plainHouse })).data as Uint8Array;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'referat-house-')), 'a.docx');
    writeFileSync(file, docx);
    const xml = run('unzip', ['-p', file, 'word/document.xml']);
    expect(xml).not.toContain('Indholdsfortegnelse');
    expect(xml).toContain('Sagsid.: 24/1234');
  });

  it('the header keeps the author\'s order of fields and notes', async () => {
    const written = source.replace('Mødedato: 2024-08-13 16:00\nMødested: Rådhuset\n', 'Mødested: Rådhuset\n\nMødet blev holdt som fjernmøde.\n\nMødedato: 2024-08-13 16:00\n');
    const text = String((await exportReferat(written, { format: 'text', edition: 'internal' })).data);
    const at = (s: string) => text.indexOf(s);
    expect(at('Mødested')).toBeGreaterThan(0);
    expect(at('Mødested')).toBeLessThan(at('Mødet blev holdt'));
    expect(at('Mødet blev holdt')).toBeLessThan(at('Mødedato'));
    expect(at('Mødedato')).toBeLessThan(at('Mødedeltagere'));
  });
});
