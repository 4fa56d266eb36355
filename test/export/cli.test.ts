import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFontsDir, outputPath, runExport, type CliIo } from '../../server/src/cli/commands/export.js';
import { root } from './helpers.js';

const fixture = readFileSync(path.join(root, 'test/fixtures/export/meeting.referat'), 'utf8');

function io(tty = false): CliIo & { out: (string | Uint8Array)[]; err: string[] } {
  const out: (string | Uint8Array)[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: { write: (c: string | Uint8Array) => out.push(c), isTTY: false },
    stderr: { write: (c: string) => err.push(c), isTTY: tty },
  };
}

function workdir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'referat-cli-'));
  writeFileSync(path.join(dir, 'møde.referat'), fixture);
  writeFileSync(path.join(dir, 'andet.referat'), fixture.replace('Punkt 122', 'Punkt 122'));
  return dir;
}

describe('referat export (CLI command)', () => {
  it('writes beside the input with the format extension by default', async () => {
    const dir = workdir();
    const s = io();
    expect(await runExport([path.join(dir, 'møde.referat')], { format: 'html', lang: 'en' }, s)).toBe(0);
    expect(existsSync(path.join(dir, 'møde.html'))).toBe(true);
    expect(s.err.join('')).toContain('wrote');
  });

  it('writes several files, PDF included, with progress on a terminal', async () => {
    const dir = workdir();
    const s = io(true);
    const files = [path.join(dir, 'møde.referat'), path.join(dir, 'andet.referat')];
    expect(await runExport(files, { format: 'pdf', lang: 'da' }, s)).toBe(0);
    for (const f of ['møde.pdf', 'andet.pdf']) expect(readFileSync(path.join(dir, f)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(s.err.join('')).toContain('2/2 skrev');
  });

  it('writes to standard output with -o -', async () => {
    const dir = workdir();
    const s = io();
    expect(await runExport([path.join(dir, 'møde.referat')], { format: 'text', output: '-' }, s)).toBe(0);
    expect(String(s.out[0])).toMatch(/^REFERAT Beskæftigelsesudvalget d\. 03-12-2024/);
    expect(s.err).toEqual([]);
  });

  it('writes into a folder given with -o', async () => {
    const dir = workdir();
    const out = path.join(dir, 'ud');
    mkdirSync(out);
    const files = [path.join(dir, 'møde.referat'), path.join(dir, 'andet.referat')];
    expect(await runExport(files, { format: 'json', output: out }, io())).toBe(0);
    expect(existsSync(path.join(out, 'møde.json'))).toBe(true);
    expect(existsSync(path.join(out, 'andet.json'))).toBe(true);
  });

  it('exits 2 with one line on I/O and usage errors', async () => {
    const dir = workdir();
    for (const [files, opts] of [
      [[path.join(dir, 'mangler.referat')], { format: 'text' as const }],
      [[path.join(dir, 'møde.referat'), path.join(dir, 'andet.referat')], { format: 'text' as const, output: '-' }],
      [[path.join(dir, 'møde.referat'), path.join(dir, 'andet.referat')], { format: 'text' as const, output: path.join(dir, 'x.txt') }],
      [[path.join(dir, 'møde.referat')], { format: 'text' as const, output: path.join(dir, 'møde.referat', 'x', 'y.txt') }],
      [[], { format: 'text' as const }],
    ] as const) {
      const s = io();
      expect(await runExport(files, { ...opts, lang: 'en' }, s)).toBe(2);
      const text = s.err.join('');
      expect(text.trim().split('\n')).toHaveLength(1);
      expect(text).toMatch(/^referat export: /);
    }
  });

  it('names outputs as documented', () => {
    expect(outputPath('a/b/møde.referat', 'pdf')).toBe(path.join('a/b', 'møde.pdf'));
    expect(outputPath('møde.referat', 'text', 'ud/')).toBe(path.join('ud', 'møde.txt'));
    expect(outputPath('møde.referat', 'docx', 'x.docx')).toBe('x.docx');
    expect(findFontsDir()).toBe(path.join(root, 'fonts'));
  });
});
