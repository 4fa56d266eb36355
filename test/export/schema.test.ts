/**
 * docs/portal-record.schema.json is generated from the zod schema in
 * server/src/export/portal-schema.ts; regenerate with UPDATE_GOLDEN=1.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportReferat } from '../../server/src/export/index.js';
import { portalExportSchema, portalJsonSchema } from '../../server/src/export/portal-schema.js';
import { root } from './helpers.js';

const file = path.join(root, 'docs/portal-record.schema.json');

describe('portal record schema', () => {
  it('docs/portal-record.schema.json is up to date', () => {
    const generated = JSON.stringify(portalJsonSchema(), null, 2) + '\n';
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, generated);
    }
    expect(readFileSync(file, 'utf8')).toBe(generated);
  });

  it('describes the JSON export, in the portal shape of seed 002', async () => {
    const source = readFileSync(path.join(root, 'test/fixtures/export/meeting.referat'), 'utf8');
    const json = JSON.parse((await exportReferat(source, { format: 'json' })).data as string);
    const parsed = portalExportSchema.parse(json);
    const item = parsed.items[1]!;
    expect(Object.keys(item)).toEqual(['Punktnummer', 'Number', 'Navn', 'Caption', 'SagsNummer', 'CaseNumber', 'IsOpen', 'Sorting', 'Felter', 'Bilag']);
    expect(item.Felter[0]!.Navn).toBe('');
    expect(item.Felter[0]!.Html).toMatch(/^<div><div id='sagsfremstillingContainer'> <h3>Resumé<\/h3> <span class='resume'><p>/);
    for (const cls of ['indstilling', 'beslutning', 'sagsfremstilling']) expect(item.Felter[0]!.Html).toContain(`<span class='${cls}'>`);
    expect(item.Felter[0]!.Html).not.toContain('<h3>Bilag</h3>');
    expect(item.Bilag).toEqual([
      { Navn: 'Præsentation til BU Ydelseskantoret 3-12-2024', Order: 0, Link: 'bilag/praesentation.pdf' },
      { Navn: 'Notat om sagsbehandlingstider', Order: 1 },
    ]);
    const closed = parsed.items[2]!;
    expect(closed).toMatchObject({ IsOpen: false, Felter: [], Bilag: [], SagsNummer: '15.00.00-G01-69-24' });
    expect(parsed.meeting).toMatchObject({ date: '2024-12-03', time: '16:30', edition: 'public', committee: 'Beskæftigelsesudvalget' });
  });
});
