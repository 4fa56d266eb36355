/** Hand-built export documents and tool helpers for the exporter tests. */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocItem, DocSection, ExportDocument, InlineNode } from '../../server/src/export/model.js';
import type { PdfFonts } from '../../server/src/export/pdf.js';

export const root = path.resolve(__dirname, '../..');

export function loadFonts(): PdfFonts {
  const dir = path.join(root, 'fonts');
  return {
    regular: readFileSync(path.join(dir, 'DejaVuSans.ttf')),
    bold: readFileSync(path.join(dir, 'DejaVuSans-Bold.ttf')),
    italic: readFileSync(path.join(dir, 'DejaVuSans-Oblique.ttf')),
    icc: readFileSync(path.join(dir, 'sRGB_IEC61966_2_1.icc')),
  };
}

export function hasTool(name: string): boolean {
  const r = spawnSync('sh', ['-c', `command -v ${name}`]);
  return r.status === 0;
}

export function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

const t = (text: string): InlineNode => ({ type: 'text', text });

const LOREM =
  'Forvaltningen har udarbejdet en opgørelse over udviklingen på området, og den viser, at indsatsen virker efter hensigten. ' +
  'Der er særligt fokus på borgere, der står længere væk fra arbejdsmarkedet, og på samarbejdet med virksomhederne i Randers. ' +
  'Økonomien følges tæt, og udvalget orienteres løbende om status på de væsentligste måltal og på de kommende års initiativer.';

function section(kind: string, heading: string, n: number, paragraphs: number): DocSection {
  const blocks: DocSection['blocks'][number][] = [];
  for (let i = 0; i < paragraphs; i++) blocks.push({ type: 'paragraph', content: [t(`${LOREM} (${n}.${i + 1})`)] });
  return { kind, heading, portalClass: kind, blocks };
}

/** A long meeting: `count` items, each `paragraphs` paragraphs long, one closed item. */
export function longDocument(count = 14, paragraphs = 8): ExportDocument {
  const items: DocItem[] = [];
  for (let i = 0; i < count; i++) {
    const number = String(200 + i);
    const closed = i === 5;
    items.push({
      number,
      title: closed ? 'Lukket' : `Sag nummer ${i + 1} om æbler, øl og ål`,
      caseNumber: `00.22.00-P35-${i + 1}-24`,
      closed,
      redacted: closed,
      anchor: `punkt-${number}`,
      preamble: [],
      attachments: [],
      sections: closed
        ? []
        : [
            section('resume', 'Resumé', i, 1),
            {
              kind: 'indstilling',
              heading: 'Indstilling',
              portalClass: 'indstilling',
              blocks: [
                { type: 'paragraph', content: [t('Forvaltningen indstiller til beskæftigelsesudvalget,')] },
                {
                  type: 'list',
                  ordered: true,
                  items: [
                    { number: 1, content: [t('at orienteringen tages til efterretning.')], children: [] },
                    { number: 2, content: [t('at forslaget godkendes.')], children: [] },
                  ],
                },
              ],
            },
            {
              kind: 'beslutning',
              heading: 'Beslutning',
              portalClass: 'beslutning',
              blocks: [
                {
                  type: 'list',
                  ordered: true,
                  items: [
                    { number: 1, content: [t('at taget til efterretning.')], children: [] },
                    { number: 2, content: [t('at godkendt.')], children: [] },
                  ],
                },
                { type: 'paragraph', content: [t('Claus Berggren deltog ikke i sagens behandling.')] },
              ],
            },
            {
              ...section('sagsfremstilling', 'Sagsfremstilling', i, i % 3 === 0 ? paragraphs * 2 : paragraphs),
              blocks: [
                ...section('sagsfremstilling', 'Sagsfremstilling', i, i % 3 === 0 ? paragraphs * 2 : paragraphs).blocks,
                {
                  type: 'table',
                  header: [[t('Indsats')], [t('Andel')], [t('Antal')]],
                  rows: [
                    [[t('Samtaler')], [t('60 pct.')], [t('805')]],
                    [[t('Koordineret indsats')], [t('40 pct.')], [t('538')]],
                  ],
                  align: [null, 'right', 'right'],
                },
              ],
            },
            section('oekonomi', 'Økonomi', i, 1),
          ],
    });
  }
  return {
    kind: 'REFERAT',
    edition: 'public',
    title: 'REFERAT Beskæftigelsesudvalget d. 03-12-2024',
    committee: 'Beskæftigelsesudvalget',
    isoDate: '2024-12-03',
    shortDate: '03-12-2024',
    longDate: 'Tirsdag d. 03. december 2024 kl. 16:30',
    time: '16:30',
    place: 'C.2.25',
    participants: ['Claus Berggren', 'Kasper Fuhr Christensen', 'Jesper Gade'],
    absent: ['Claus Berggren'],
    header: [
      { label: 'Mødedato', value: 'Tirsdag d. 03. december 2024 kl. 16:30' },
      { label: 'Mødested', value: 'C.2.25' },
      { label: 'Mødedeltagere', value: 'Claus Berggren, Kasper Fuhr Christensen, Jesper Gade' },
    ],
    items,
    lang: 'da',
  };
}
