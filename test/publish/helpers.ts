/** Generated meetings for the publishing tests, and a small static file server. */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A word that stands only in a closed item's body: it must be in no published file. */
export const CLOSED_WORD = 'Fortroligbrevdue';
/** A word that stands only in a comment: likewise. */
export const COMMENT_WORD = 'Kommentarkrage';
/** A word in an open item's body, to be found by search. */
export const BODY_WORD = 'Vindmøllelaug';
/** The case number treated at two meetings of two committees. */
export const SHARED_CASE = '01.02.03-A00-7-25';

const header = (committee: string, date: string, members: string, afbud?: string) =>
  [
    `# REFERAT ${committee} d. ${date.split('-').reverse().join('-')}`,
    '',
    'Kommune: Testrup Kommune',
    `Mødedato: ${date} 17:00`,
    'Mødested: Rådhuset, mødelokale 1',
    `Mødedeltagere: ${members}`,
    ...(afbud ? [`Afbud: ${afbud}`] : []),
    '',
    `<!-- ${COMMENT_WORD}: en intern note i hovedet. -->`,
    '',
  ].join('\n');

export const GENERATED: Record<string, string> = {
  'teknik-2025-03-04.referat': [
    header('Teknik- og Miljøudvalget', '2025-03-04', 'Ida Aagaard (A), Bo Østergaard (V), Åse Lund (F) og Per Holm (O)', 'Per Holm'),
    '## Punkt 1: Godkendelse af dagsorden',
    'Sagsnr: 00.01.00-A00-1-25',
    '',
    '### Beslutning',
    'Godkendt.',
    '',
    '## Punkt 2: Lokalplan for vindmøller ved Aabenraavej',
    `Sagsnr: ${SHARED_CASE}`,
    '',
    '### Resume',
    `Et ${BODY_WORD} ønsker at opstille tre vindmøller ved Aabenraavej. <!-- ${COMMENT_WORD} om naboerne -->`,
    '',
    '### Indstilling',
    'Forvaltningen indstiller,',
    '',
    '1. at forslaget sendes i høring.',
    '',
    '### Beslutning',
    'Forslaget sendes i høring.',
    '',
    'For stemte: Ida Aagaard og Bo Østergaard (2).',
    '',
    'Imod stemte: Åse Lund (1).',
    '',
    '## Punkt 3: Lukket: Køb af jord',
    'Sagsnr: 00.09.00-A00-3-25',
    'Lukket: ja',
    '',
    '### Sagsfremstilling',
    `Sælger er ${CLOSED_WORD} ApS, som beder om fortrolighed.`,
    '',
    '### Beslutning',
    'Godkendt.',
    '',
    'For stemte: Ida Aagaard, Bo Østergaard og Åse Lund (3).',
    '',
  ].join('\n'),
  'oekonomi-2025-04-01.referat': [
    header('Økonomiudvalget', '2025-04-01', 'Ida Aagaard (A), Karl Bech (C) og Mona Friis (B)'),
    '## Punkt 10: Lokalplan for vindmøller ved Aabenraavej',
    `Sagsnr: ${SHARED_CASE}`,
    '',
    '### Sagsfremstilling',
    'Høringen er afsluttet; der kom fire høringssvar.',
    '',
    '### Beslutning',
    'Indstilles til byrådets godkendelse.',
    '',
    'For stemte: Ida Aagaard og Mona Friis (2).',
    '',
    'Undlod at stemme: Karl Bech (1).',
    '',
  ].join('\n'),
};

export function writeGenerated(dir: string): void {
  for (const [name, text] of Object.entries(GENERATED)) writeFileSync(path.join(dir, name), text);
  writeFileSync(path.join(dir, 'hostile-2025-05-06.referat'), HOSTILE);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.atom': 'application/atom+xml',
  '.pdf': 'application/pdf',
};

/** Serves `root` on 127.0.0.1 at a free port. */
export async function serve(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(root, rel);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address() as { port: number };
  return { url: `http://127.0.0.1:${addr.port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Markup, quotes and script in every published text: titles, names, case numbers, body. */
export const HOSTILE = [
  '# REFERAT Udvalg for "Kultur" & <b>Fritid</b> d. 06-05-2025',
  '',
  'Kommune: Testrup Kommune',
  'Mødedato: 2025-05-06 17:00',
  'Mødested: <img src=x onerror=alert(1)>',
  "Mødedeltagere: Eva <i>Hansen</i>, Ole O'Brien og Lis ]]> Berg",
  '',
  '## Punkt 1: <script>alert("titel")</script> & ]]> --> <!-- ikke en kommentar',
  'Sagsnr: 77.00.00-<b>-1-25',
  '',
  '### Sagsfremstilling',
  'Teksten har <script>alert(2)</script>, [et link](javascript:alert(3)) og <iframe src="//x">.',
  '',
  '### Beslutning',
  'Godkendt.',
  '',
  "For stemte: Eva <i>Hansen</i> og Ole O'Brien (2).",
  '',
].join('\n');
