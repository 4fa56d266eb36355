/**
 * `referat export` will not write a public edition with a CPR number in published text:
 * the header, an open item, the published heading and fields of a closed item. One line
 * per place on standard error (the number never repeated), exit 1, no output written;
 * `--allow-cpr` writes it anyway; the internal edition is never refused. Run as a user
 * runs it: dist/cli.js in a child process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from './helpers.js';

const cli = join(root, 'dist', 'cli.js');
let dir: string;

const HEADER = [
  '# REFERAT Beskæftigelsesudvalget d. 03-12-2024',
  '',
  'Mødedato: Tirsdag d. 03. december 2024 kl. 16:30',
  'Mødedeltagere: Anne Holm og Bo Ibsen',
  '',
];
const ITEM = ['## Punkt 1: Klage', 'Sagsnr: 00.22.00-P35-1-24', '', '### Sagsfremstilling', 'Borgeren har klaget.', '', '### Beslutning', '1. at godkendt.', ''];
const doc = (...lines: string[]) => [...HEADER, ...lines].join('\n');

const FILES: Record<string, string> = {
  'clean.referat': doc(...ITEM),
  // line 10, column 15
  'open.referat': doc(...ITEM.map((l) => (l === 'Borgeren har klaget.' ? 'Borgeren (CPR 211062-2021) har klaget.' : l))),
  'twice.referat': doc(...ITEM.map((l) => (l === 'Borgeren har klaget.' ? 'Borgeren 0101701234 og 020280-4321.' : l))),
  'header.referat': [...HEADER.slice(0, 4), 'Referent: Carl Dam 010170-1111', '', ...ITEM].join('\n'),
  'closed-heading.referat': doc('## Punkt 1: Personalesag 010170-1234', 'Sagsnr: 81.00.00-G01-3-24', 'Lukket: ja', '', 'Medarbejderen er ansat.', ''),
  'closed-body.referat': doc('## Punkt 1: Personalesag', 'Sagsnr: 81.00.00-G01-3-24', 'Lukket: ja', '', 'Medarbejder 010170-1234 er ansat.', ''),
  'comment.referat': doc(...ITEM.map((l) => (l === 'Borgeren har klaget.' ? 'Borgeren har klaget. <!-- cpr 211062-2021 -->' : l))),
  'disabled.referat': doc(
    ...ITEM.flatMap((l) => (l === 'Borgeren har klaget.' ? ['<!-- referat-disable-next-line cpr-number -->', 'Bekendtgørelse nr. 1010701234.'] : [l])),
  ),
};

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', CI: '1', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const outputs = () => readdirSync(dir).filter((f) => !f.endsWith('.referat')).sort();
const clearOutputs = () => outputs().forEach((f) => rmSync(join(dir, f)));

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js missing: run npm run build (npm test does)');
  dir = mkdtempSync(join(tmpdir(), 'referat-cpr-'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('referat export refuses a public edition with a CPR number', () => {
  it.each(['html', 'pdf', 'docx', 'text', 'json'])('%s: one line naming the place, exit 1, nothing written', (format) => {
    clearOutputs();
    const r = run(['export', '--format', format, 'open.referat']);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'referat export: open.referat:10:15: a CPR number in published text; the public edition is not written (--allow-cpr writes it anyway)\n',
    );
    expect(r.err).not.toContain('211062');
    expect(outputs()).toEqual([]);
  });

  it('one line per number; the header and the published heading of a closed item count', () => {
    const twice = run(['export', '--format', 'text', 'twice.referat']);
    expect(twice.code).toBe(1);
    expect(twice.err.trimEnd().split('\n').map((l) => l.split(': ')[1])).toEqual(['twice.referat:10:10', 'twice.referat:10:24']);
    const header = run(['export', '--format', 'text', 'header.referat']);
    expect(header.err).toMatch(/^referat export: header\.referat:5:20: a CPR number in published text/);
    const closed = run(['export', '--format', 'text', 'closed-heading.referat']);
    expect(closed.code).toBe(1);
    expect(closed.err).toBe(
      'referat export: closed-heading.referat:6:26: a CPR number in the heading or fields of a closed item, which are published; the public edition is not written (--allow-cpr writes it anyway)\n',
    );
    expect(outputs()).toEqual([]);
  });

  it('in Danish', () => {
    const r = run(['export', '--format', 'html', '--lang', 'da', 'open.referat']);
    expect(r.err).toBe(
      'referat export: open.referat:10:15: et CPR-nummer i tekst, der offentliggøres; den offentlige udgave skrives ikke (--allow-cpr skriver den alligevel)\n',
    );
  });

  it('several files: the others are written, the run exits 1', () => {
    clearOutputs();
    const r = run(['export', '--format', 'html', 'clean.referat', 'open.referat', 'closed-body.referat']);
    expect(r.code).toBe(1);
    expect(outputs()).toEqual(['clean.html', 'closed-body.html']);
    expect(r.err).toMatch(/open\.referat:10:15: a CPR number/);
  });

  it('to standard output: nothing written there', () => {
    const r = run(['export', '--format', 'text', '-o', '-', 'open.referat']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
  });

  it('a CPR-like number in a closed body or a comment is not published and does not stop the export', () => {
    clearOutputs();
    const r = run(['export', '--format', 'text', 'closed-body.referat', 'comment.referat']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'closed-body.txt'), 'utf8')).not.toContain('010170');
    expect(readFileSync(join(dir, 'comment.txt'), 'utf8')).not.toContain('211062');
  });

  it('a control comment on the line is honoured; a configuration switching the rule off is not', () => {
    expect(run(['export', '--format', 'text', '-o', '-', 'disabled.referat']).code).toBe(0);
    writeFileSync(join(dir, '.referatrc.json'), JSON.stringify({ rules: { 'cpr-number': 'off' } }));
    try {
      expect(run(['lint', 'open.referat']).code).toBe(0); // lint obeys the configuration …
      expect(run(['export', '--format', 'text', '-o', '-', 'open.referat']).code).toBe(1); // … publishing does not
    } finally {
      rmSync(join(dir, '.referatrc.json'));
    }
  });

  it('--allow-cpr writes it anyway; the internal edition is never refused', () => {
    clearOutputs();
    const anyway = run(['export', '--format', 'text', '--allow-cpr', 'open.referat']);
    expect(anyway.code).toBe(0);
    expect(readFileSync(join(dir, 'open.txt'), 'utf8')).toContain('211062-2021');
    const internal = run(['export', '--format', 'text', '--edition', 'internal', '-o', '-', 'open.referat', ]);
    expect(internal.code).toBe(0);
    expect(internal.out).toContain('211062-2021');
  });
});
