/** `referat import` as a user runs it: a folder of published minutes → .referat files beside them. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { needsShared, SHARED_DIR } from '../helpers/shared.js';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const seeds = join(SHARED_DIR, 'seeds');
const dir = mkdtempSync(join(tmpdir(), 'referat-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', CI: '1' } });

it.runIf(existsSync(seeds))(needsShared('imports a folder into .referat files that lint without syntax errors'), () => {
  for (const f of ['000_9a6f6583c996c26d.txt', '002_fa2b63a408b901b6.txt', '003_7b7ae8c46848b521.txt']) copyFileSync(join(seeds, f), join(dir, f));
  const r = run(['import', '.']);
  expect(r.status).toBe(0);
  expect(r.stderr).toMatch(/000_9a6f6583c996c26d\.txt → 000_9a6f6583c996c26d\.referat: 14 items, profile randers/);
  expect(r.stderr).toMatch(/IsOpen is false/);
  const lint = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', '.'], { cwd: dir, encoding: 'utf8' });
  const results = JSON.parse(lint.stdout) as { messages: { ruleId: string }[] }[];
  expect(results).toHaveLength(3);
  for (const res of results) expect(res.messages.filter((m) => m.ruleId === 'syntax')).toEqual([]);
  expect(readFileSync(join(dir, '000_9a6f6583c996c26d.referat'), 'utf8')).toMatch(/^# REFERAT Beskæftigelsesudvalget d\. 03-12-2024\n/);
});

it('writes to standard output with -o -, and fails with one line on a missing file', () => {
  const out = spawnSync(process.execPath, [cli, 'import', '-o', '-', '--from', 'portal', '-'], {
    input: JSON.stringify({ Punktnummer: '1', Navn: 'A', SagsNummer: '23/1', IsOpen: true, Felter: [], Bilag: [] }),
    encoding: 'utf8',
  });
  expect(out.status).toBe(0);
  expect(out.stdout).toContain('## Punkt 1: A\nSagsnr: 23/1');
  const bad = run(['import', 'missing.txt']);
  expect(bad.status).toBe(2);
  expect(bad.stderr.trim().split('\n')).toHaveLength(1);
});

it('refuses an empty file, binary data and a text with no meeting, with one line and exit 2, writing nothing', () => {
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3, 0, 0, 0xff, 0xfe]));
  writeFileSync(join(dir, 'letter.txt'), 'Kære Jens\n\nTak for sidst. Vi ses på fredag.\n');
  for (const [f, re] of [['empty.txt', /empty/], ['binary.txt', /not a text file/], ['letter.txt', /no meeting recognised/]] as const) {
    const r = run(['import', '--lang', 'en', f]);
    expect(r.status, f).toBe(2);
    expect(r.stderr.trim().split('\n'), f).toHaveLength(1);
    expect(r.stderr, f).toMatch(re);
    expect(existsSync(join(dir, f.replace('.txt', '.referat'))), f).toBe(false);
  }
});

it('--report json gives items, words kept, furniture dropped and guesses per document', () => {
  writeFileSync(
    join(dir, 'other-style.txt'),
    ['Referat', 'Udvalg: Havneudvalget', 'Mødedato: 2. maj 2031', 'Sagsnr.: 31/100', 'Sagsfremstilling', 'Kajen repareres.', 'Til toppen', 'Beslutning', 'Godkendt.'].join('\n'),
  );
  const r = run(['import', '--report', 'json', '-o', 'other-style.referat', 'other-style.txt']);
  expect(r.status).toBe(0);
  const [report] = JSON.parse(r.stdout) as { items: number; wordsKept: number; wordsDroppedAsFurniture: number; guesses: string[] }[];
  expect(report!.items).toBe(1);
  expect(report!.wordsDroppedAsFurniture).toBe(2); // "Til toppen": two words
  expect(report!.wordsKept).toBeGreaterThan(5);
  expect(report!.guesses.join(' ')).toMatch(/without a title/);
});

it('reads published text in the encoding it was saved in: Windows-1252, UTF-16 with its mark, a web page’s declared charset; damaged UTF-8 stays UTF-8', () => {
  const minutes = ['Referat', '', 'Udvalg: Teknisk Udvalg', 'Mødedato: 04-03-2026', '', '1. Godkendelse af dagsorden', 'Sagsnr.: 26/118', '', 'Beslutning', '', 'Godkendt. Ændringen blev vedtaget på mødet.', ''].join('\n');
  const page = `<html><head><meta charset="iso-8859-1"><title>Referat</title></head><body><main><h1>Referat: Teknisk Udvalg</h1><p>Mødedato: 04-03-2026</p><h2>1. Godkendelse af dagsorden</h2><p>Sagsnr.: 26/118</p><h3>Beslutning</h3><p>Godkendt. Ændringen blev vedtaget på mødet.</p></main></body></html>`;
  const damaged = Buffer.concat([Buffer.from(minutes.replace('Godkendt.', 'Godkendt'), 'utf8').subarray(0, 40), Buffer.from([0xff]), Buffer.from(minutes, 'utf8').subarray(40)]);
  const files: [string, Buffer][] = [
    ['cp1252.txt', Buffer.from(minutes, 'latin1')],
    ['utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(minutes, 'utf16le')])],
    ['latin1.html', Buffer.from(page, 'latin1')],
    ['damaged.txt', damaged],
  ];
  for (const [name, bytes] of files) {
    writeFileSync(join(dir, name), bytes);
    const r = run(['import', name, '-o', '-']);
    expect(r.status, `${name}: ${r.stderr}`).toBe(0);
    expect(r.stdout, name).toContain('Ændringen blev vedtaget på mødet.');
    expect(r.stdout, name).toMatch(/^## .*Godkendelse af dagsorden$/m);
    expect(r.stdout, name).not.toMatch(/Ã|\uFFFD{2}/);
  }
});

it('refuses binary data without a NUL byte (control bytes, invalid UTF-8) as binary, not as Windows-1252 text', () => {
  // A deterministic byte soup from 1 to 255: no NUL, invalid as UTF-8, full of control bytes.
  const bytes = Buffer.from(Array.from({ length: 3000 }, (_, k) => 1 + ((k * 7919 + 13) % 255)));
  writeFileSync(join(dir, 'soup.txt'), bytes);
  const r = run(['import', 'soup.txt', '-o', '-']);
  expect(r.status).toBe(2);
  expect(r.stderr.trim().split('\n')).toEqual(['referat: soup.txt: not a text file (binary data)']);
});
