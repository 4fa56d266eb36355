/**
 * Pathological inputs, generated in memory (nothing big is committed). Every generator
 * takes a scale `n` so a test can run the same shape at two sizes and compare: linear
 * work grows ten-fold with n, quadratic work a hundred-fold.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository (the probe child runs from a bundle elsewhere and is told where). */
const root = process.env.REFERAT_ROOT ?? join(__dirname, '..', '..');
export const EXAMPLE = readFileSync(join(root, 'examples', 'randers-beskaeftigelsesudvalget-2024-12-03.referat'), 'utf8');

const HEADER = [
  '# REFERAT Beskæftigelsesudvalget d. 03-12-2024',
  '',
  'Mødedato: Tirsdag d. 03. december 2024 kl. 16:30',
  'Mødedeltagere: Claus Berggren, Kasper Fuhr Christensen, Jesper Gade og Bo Vestergaard',
  'Afbud: Claus Berggren',
  '',
].join('\n');

/** A distinct capitalised name for every i (`Anne Holmab`), as attendance lists write them. */
export function personName(i: number): string {
  const first = ['Anne', 'Bo', 'Claus', 'Dorte', 'Erik', 'Frida', 'Gustav', 'Hanne'][i % 8]!;
  let suffix = '';
  for (let k = Math.floor(i / 8); k > 0; k = Math.floor(k / 26)) suffix += String.fromCharCode(97 + (k % 26));
  return `${first} Holm${suffix}`;
}

/** A realistic file of about `bytes` bytes: the items of a real example, repeated and renumbered. */
function bigFile(bytes: number): string {
  const start = EXAMPLE.indexOf('## Punkt ');
  const head = EXAMPLE.slice(0, start);
  const items = EXAMPLE.slice(start).split(/(?=^## Punkt )/m);
  const out = [head];
  let size = head.length;
  for (let n = 1; size < bytes; n++) {
    const raw = items[n % items.length]!.replace(/^## Punkt \d+/, `## Punkt ${n}`);
    const item = raw.endsWith('\n') ? raw : `${raw}\n`;
    out.push(item);
    size += item.length;
  }
  return out.join('');
}

/** `n` short items, each with a case number and a decision. */
function manyItems(n: number): string {
  const out = [HEADER];
  for (let i = 1; i <= n; i++) out.push(`## Punkt ${i}: Sag nummer ${i}\nSagsnr: 00.22.00-P35-1-24\n\n### Beslutning\n\nGodkendt.\n`);
  return out.join('\n');
}

/**
 * One line of `bytes` characters in a decision (where sentences are parsed): prose with
 * the openers inline markup and sentences must look ahead for (an unpaired `*`, a `[`
 * without `](`, `**`, an attendance note, a vote), none of them closed.
 */
function longLine(bytes: number): string {
  const chunk = 'Forvaltningen *indstiller [at udvalget **godkender Anne Holm deltog ikke i sagens behandling. For stemte: Bo Berg (1) ';
  const line = chunk.repeat(Math.ceil(bytes / chunk.length)).slice(0, bytes);
  return `${HEADER}\n## Punkt 1: Lang linje\n\n### Beslutning\n\n${line}\n`;
}

/** `n` names in the members list and the same `n` names in one vote. */
function manyNames(n: number): string {
  const names = Array.from({ length: n }, (_, i) => personName(i));
  const list = `${names.slice(0, -1).join(', ')} og ${names[n - 1]}`;
  return [
    '# REFERAT Beskæftigelsesudvalget d. 03-12-2024',
    '',
    'Mødedato: Tirsdag d. 03. december 2024 kl. 16:30',
    `Mødedeltagere: ${list}`,
    `Afbud: ${names[0]}`,
    '',
    '## Punkt 1: Afstemning',
    '',
    '### Beslutning',
    '',
    `For stemte: ${list} (${n}).`,
    '',
  ].join('\n');
}

/** A bullet list nested `depth` levels deep (one more space of indentation per level). */
function deepList(depth: number): string {
  const out = [HEADER, '## Punkt 1: Dybe lister', '', '### Sagsfremstilling', ''];
  for (let i = 0; i < depth; i++) out.push(`${' '.repeat(i)}${i % 2 ? `${i}.` : '-'} niveau ${i}`);
  return `${out.join('\n')}\n`;
}

/** The example with NUL bytes, lone surrogates and U+FFFD (what invalid UTF-8 decodes to) spread through it, `n` times over. */
function garbage(n: number): string {
  const bad = ['\0', '\uD800', '\uDFFF', '\uFFFD', '\0\0\0', '\uFFFD\uFFFD', '\u0085', '\u2028'];
  let k = 0;
  const one = EXAMPLE.replace(/ /g, (s) => (++k % 7 === 0 ? bad[k % bad.length]! : s));
  return Array.from({ length: n }, () => one).join('\0\n');
}

/** The example with CR-only line endings, `n` times over. */
function crOnly(n: number): string {
  return Array.from({ length: n }, () => EXAMPLE).join('\n').replace(/\r?\n/g, '\r');
}

export const CASES = {
  'big-file': bigFile,
  'many-items': manyItems,
  'long-line': longLine,
  'many-names': manyNames,
  'deep-list': deepList,
  garbage,
  'cr-only': crOnly,
  empty: () => '',
} satisfies Record<string, (n: number) => string>;

export type CaseName = keyof typeof CASES;

/** Bytes that are not UTF-8 at all: NULs, stray continuation bytes, overlong forms, encoded surrogates, 0xFF. */
export function invalidUtf8(): Buffer {
  const parts: Buffer[] = [];
  const bad = [Buffer.from([0x00]), Buffer.from([0xff, 0xfe]), Buffer.from([0xc3]), Buffer.from([0x80, 0xbf]), Buffer.from([0xc0, 0xaf]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xf4, 0x90, 0x80, 0x80])];
  EXAMPLE.split('\n').forEach((line, i) => {
    parts.push(Buffer.from(line, 'utf8'), bad[i % bad.length]!, Buffer.from('\n'));
  });
  return Buffer.concat(parts);
}
