/**
 * `referat import` of PDF and Word documents as a user runs it: the format is told by the
 * content (a PDF or Word document with a misleading `.txt` name still imports), a folder takes
 * its `.pdf` and `.docx` files, and a damaged PDF or a ZIP archive of another kind exits 2 with
 * one line and writes nothing.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { docxBytes, HOUSE_STYLES } from '../import/house-styles.js';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'referat-import-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', CI: '1' } });

beforeAll(async () => {
  writeFileSync(join(dir, 'punkt.docx'), await docxBytes(HOUSE_STYLES[0]!));
  const example = join(root, 'examples', 'sonderborg-arbejdsmarkedsudvalget-2024-08-13.referat');
  const r = run(['export', '--format', 'pdf', '--edition', 'internal', '-o', join(dir, 'own.pdf'), example]);
  expect(r.status, r.stderr).toBe(0);
});

it('imports a PDF and a Word document, also under a misleading name', () => {
  copyFileSync(join(dir, 'own.pdf'), join(dir, 'pdf-named.txt'));
  copyFileSync(join(dir, 'punkt.docx'), join(dir, 'word-named.txt'));
  for (const [file, items] of [['own.pdf', 6], ['punkt.docx', 4], ['pdf-named.txt', 6], ['word-named.txt', 4]] as const) {
    const r = run(['import', '--lang', 'en', file]);
    expect(r.status, `${file}: ${r.stderr}`).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`${file.replace('.', '\\.')} → ${file.replace(/\.\w+$/, '')}\\.referat: ${items} items`));
    expect(readFileSync(join(dir, file.replace(/\.\w+$/, '.referat')), 'utf8')).toMatch(/^## Punkt \d+: /m);
  }
  const lint = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', 'own.referat', 'punkt.referat'], { cwd: dir, encoding: 'utf8' });
  for (const res of JSON.parse(lint.stdout) as { messages: { ruleId: string }[] }[]) expect(res.messages.filter((m) => m.ruleId === 'syntax')).toEqual([]);
});

it('reads a PDF from standard input', () => {
  const r = spawnSync(process.execPath, [cli, 'import', '-o', '-', '-'], { cwd: dir, input: readFileSync(join(dir, 'own.pdf')), encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', CI: '1' } });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout.match(/^## Punkt /gm)).toHaveLength(6);
});

it('--report json counts the page furniture dropped and says what was guessed', () => {
  const r = run(['import', '--report', 'json', '-o', '-', 'own.pdf']);
  expect(r.status).toBe(0);
  const json = r.stdout.slice(r.stdout.lastIndexOf('\n[\n') + 1);
  const [report] = JSON.parse(json) as { format: string; items: number; wordsDroppedAsFurniture: number; guesses: string[] }[];
  expect(report!.format).toBe('pdf');
  expect(report!.items).toBe(6);
  expect(report!.wordsDroppedAsFurniture).toBeGreaterThan(0);
  expect(report!.guesses.join('\n')).toMatch(/tagged PDF/);
});

it('a folder imports its .pdf and .docx files', () => {
  const sub = join(dir, 'arkiv');
  mkdirSync(sub);
  copyFileSync(join(dir, 'own.pdf'), join(sub, 'a.pdf'));
  copyFileSync(join(dir, 'punkt.docx'), join(sub, 'b.docx'));
  const r = run(['import', 'arkiv']);
  expect(r.status, r.stderr).toBe(0);
  expect(existsSync(join(sub, 'a.referat')) && existsSync(join(sub, 'b.referat'))).toBe(true);
});

it('a damaged PDF and a ZIP archive that is no Word document exit 2 with one line, writing nothing', () => {
  writeFileSync(join(dir, 'cut.pdf'), readFileSync(join(dir, 'own.pdf')).subarray(0, 1500));
  writeFileSync(join(dir, 'sheet.docx'), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200)]));
  for (const [file, en, da] of [['cut.pdf', /PDF is damaged/, /PDF-filen er beskadiget/], ['sheet.docx', /ZIP archive but not a Word document/, /ZIP-arkiv, men ikke et Word-dokument/]] as const) {
    for (const [lang, re] of [['en', en], ['da', da]] as const) {
      const r = run(['import', '--lang', lang, file]);
      expect(r.status, file).toBe(2);
      expect(r.stderr.trim().split('\n'), file).toHaveLength(1);
      expect(r.stderr, file).toMatch(re);
    }
    expect(existsSync(join(dir, file.replace(/\.\w+$/, '.referat'))), file).toBe(false);
  }
});
