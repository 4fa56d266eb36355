/**
 * Item headings that print the item's status before the title (`1 (Åben) Title`,
 * `4 (Lukket) Title`: the agenda systems' print form): the importer reads the status as the
 * item's state (a closed one is `Lukket: ja`), not as part of its title; `profile infer` learns
 * the form as `{n} ({status}) {title}`; the model, the rules and every export read and write it.
 * Invented minutes, in our own words.
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../server/src/config/resolve.js';
import { analyze } from '../../server/src/engine.js';
import { buildExportDocument } from '../../server/src/export/document.js';
import { exportReferat } from '../../server/src/export/index.js';
import { importText } from '../../server/src/import/index.js';
import { restyleMarkup } from '../../server/src/import/style.js';
import { inferProfile } from '../../server/src/infer/profile.js';
import { withInferredProfile } from '../../server/src/service/tasks/infer.js';

const items = [
  { n: 1, status: 'Åben', title: 'Godkendelse af dagsorden', cs: 'EMN-2031-00412', decision: 'Godkendt.' },
  { n: 2, status: 'Åben', title: 'Tilskud til foreningernes lokaler', cs: 'EMN-2031-01877', decision: 'Anbefales.' },
  { n: 3, status: 'Lukket', title: 'Salg af ejendom', cs: 'EMN-2031-02211', decision: 'Godkendt.' },
];
const source = [
  'Referat',
  'Kultur- og Fritidsudvalget',
  'Mødetidspunkt: 18-08-2031 15:30',
  'Mødeafholdelse: Lokale 0.23',
  '',
  ...items.flatMap((it) => [
    `${it.n} (${it.status}) ${it.title}`,
    `Sagsnr.: ${it.cs}`,
    '',
    'Sagsfremstilling',
    '',
    `Forvaltningen beskriver her sagen om ${it.title.toLowerCase()}, som udvalget skal tage stilling til.`,
    '',
    'Beslutning',
    '',
    it.decision,
    '',
  ]),
].join('\n');

function styled() {
  const { markup } = importText(source);
  const inferred = inferProfile([{ name: 'kultur.txt', source, markup }], { name: 'husb' });
  const config = withInferredProfile(resolveConfig({}), inferred);
  return { markup, inferred, config, restyled: restyleMarkup(markup, config, inferred.name) };
}

describe('a status before the title', () => {
  it('is the item’s state, not its title, when imported', () => {
    const { meeting } = analyze(importText(source).markup);
    expect(meeting.items.map((i) => [i.number, i.title, i.closed, i.caseNumber?.text])).toEqual(items.map((it) => [String(it.n), it.title, it.status === 'Lukket', it.cs]));
  });

  it('is learnt by profile infer as {n} ({status}) {title}, with the words the document prints', () => {
    const { inferred } = styled();
    expect(inferred.profile.itemHeading).toBe('{n} ({status}) {title}');
    expect(inferred.profile.statusWords).toEqual({ open: 'Åben', closed: 'Lukket' });
    const other = inferProfile([{ name: 'a.txt', source: source.replace(/\(Åben\)/g, '(Åbent)'), markup: importText(source).markup }]);
    expect(other.profile.statusWords?.open).toBe('Åbent');
  });

  it('is written into the headings by the restyled import, and read back: titles, numbers and closed items unchanged', () => {
    const { restyled, config } = styled();
    expect(restyled.split('\n').filter((l) => l.startsWith('## '))).toEqual(items.map((it) => `## ${it.n} (${it.status}) ${it.title}`));
    const { meeting } = analyze(restyled, config);
    expect(meeting.items.map((i) => [i.title, i.closed])).toEqual(items.map((it) => [it.title, it.status === 'Lukket']));
  });

  it('is printed by the exports in the house’s form; a closed item keeps its heading in the public edition', async () => {
    const { restyled, config } = styled();
    const doc = buildExportDocument(analyze(restyled, config).meeting, config.profile, { edition: 'public' });
    expect(doc.items.map((i) => i.heading)).toEqual(items.map((it) => `${it.n} (${it.status}) ${it.title}`));
    const text = String((await exportReferat(restyled, { format: 'text', edition: 'public', config })).data);
    expect(text).toContain('\n3 (Lukket) Salg af ejendom\n');
    expect(text).not.toContain('sagen om salg af ejendom');
  });

  it('a heading that says (Lukket) makes the item closed even without a Lukket field: nothing of it is published', async () => {
    const { restyled, config } = styled();
    const noField = restyled.replace(/\nLukket: ja/g, '');
    expect(analyze(noField, config).meeting.items[2]!.closed).toBe(true);
    const text = String((await exportReferat(noField, { format: 'text', edition: 'public', config })).data);
    expect(text).not.toContain('sagen om salg af ejendom');
  });
});

describe('the contents list', () => {
  it('is left out where no item has anything under its heading (an outline: the headings are the list)', () => {
    const outline = ['# REFERAT Teknisk Udvalg', '', 'Mødedato: 2031-03-04', '', '## Punkt 1: Godkendelse af dagsorden', '', '## Punkt 2: Vejbelysning', ''].join('\n');
    const { meeting } = analyze(outline);
    expect(buildExportDocument(meeting, resolveConfig({}).profile).contents).toBe(false);
    const full = outline.replace('## Punkt 2: Vejbelysning', '## Punkt 2: Vejbelysning\n\n### Beslutning\n\nGodkendt.');
    expect(buildExportDocument(analyze(full).meeting, resolveConfig({}).profile).contents).toBe(true);
  });
});
