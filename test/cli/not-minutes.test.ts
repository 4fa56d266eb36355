/**
 * Commands refuse what is not minutes (issue 15): binary data (NUL bytes, or invalid UTF-8
 * beyond a small share) and, for export, a text with no meeting in it. Exit 2, one line on
 * standard error; lint reports ONE finding for a binary file, in the CLI and in the editor.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine.js';
import { provideDiagnostics } from '../../server/src/features/diagnostics.js';
import { binaryReason } from '../../server/src/syntax/binary.js';
import { analysisOf } from '../lsp/helpers.js';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
let dir: string;

// Bytes that look like an executable: a header, NUL bytes, and high bytes that are not UTF-8.
const binary = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, ...Array.from({ length: 400 }, (_, i) => (i * 37) % 256)]);
// No NUL byte, but mostly bytes that are not UTF-8.
const latinNoise = Buffer.from(Array.from({ length: 300 }, (_, i) => 0x80 + ((i * 13) % 0x7f)));
const minutes = '# REFERAT Udvalg d. 03-12-2024\n\nMødedato: Tirsdag d. 03. december 2024 kl. 16:30\n\n## Punkt 1: Godkendelse\n\n### Beslutning\nGodkendt.\n';

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', CI: '1', NO_COLOR: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'referat-notminutes-'));
  writeFileSync(join(dir, 'bin.referat'), binary);
  writeFileSync(join(dir, 'noise.referat'), latinNoise);
  writeFileSync(join(dir, 'prose.txt'), 'Husk at købe mælk.\nOg brød.\n');
  writeFileSync(join(dir, 'ok.referat'), minutes);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the text check', () => {
  it('tells NUL bytes and mostly invalid UTF-8 from text with a stray bad byte', () => {
    expect(binaryReason(binary.toString('utf8'))).toBe('nul');
    expect(binaryReason(latinNoise.toString('utf8'))).toBe('invalid-utf8');
    expect(binaryReason(minutes + 'K\uFFFDbenhavn\n')).toBeUndefined();
    // Damaged minutes (a stray NUL, a few odd bytes) are still minutes: they are linted.
    expect(binaryReason(minutes.replace('Godkendt', 'God\u0000kendt'))).toBeUndefined();
    // UTF-16 text is not UTF-8 minutes.
    expect(binaryReason(Buffer.from(minutes, 'utf16le').toString('utf8'))).toBe('nul');
  });

  it('lint of binary data is one finding, not a cascade; the editor shows the same one', () => {
    const r = lint(binary.toString('utf8'));
    expect(r.findings.map((f) => `${f.ruleId}/${f.messageId}`)).toEqual(['syntax/not-text']);
    expect(r.findings[0]!.message.da).toMatch(/ikke en tekstfil/);
    const diags = provideDiagnostics(analysisOf(binary.toString('utf8')));
    expect(diags).toHaveLength(1);
    expect(diags[0]!.message).toMatch(/not a text file/);
  });
});

describe.skipIf(!existsSync(cli))('the CLI refuses what is not minutes', () => {
  it('lint: exit 2, one line on stderr, one finding in the report', () => {
    for (const f of ['bin.referat', 'noise.referat']) {
      const r = run(['lint', '--format', 'json', f]);
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toEqual([`referat: ${f}: not a text file`]);
      const [res] = JSON.parse(r.out);
      expect(res.messages).toHaveLength(1);
    }
    expect(run(['lint', 'ok.referat']).code).not.toBe(2);
  });

  it('lint --fix never writes to a binary file', () => {
    const r = run(['lint', '--fix', 'bin.referat']);
    expect(r.code).toBe(2);
  });

  it('export of binary data: exit 2, one line, no file written', () => {
    for (const format of ['pdf', 'html', 'text', 'json', 'docx']) {
      const out = join(dir, `bin.${format}`);
      const r = run(['export', '--format', format, 'bin.referat', '-o', out]);
      expect(r.code, format).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/not a text file/);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('export of a text with no meeting (no title, no item): exit 2, one line', () => {
    const r = run(['export', '--format', 'pdf', 'prose.txt', '-o', join(dir, 'prose.pdf')]);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe('referat export: prose.txt holds no meeting (no title and no item)');
    expect(existsSync(join(dir, 'prose.pdf'))).toBe(false);
    expect(run(['export', '--format', 'html', 'ok.referat', '-o', join(dir, 'ok.html')]).code).toBe(0);
  });
});
