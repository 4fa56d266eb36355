/**
 * Exports write the profile's house style (item heading, decision heading in the kommune's date
 * form, section names and order, attendance wording, header labels): once, in the shared
 * export document, so text, HTML, PDF, DOCX and the portal record agree.
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../server/src/config/resolve.js';
import { exportDocumentFromText, exportReferat } from '../../server/src/export/index.js';

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
