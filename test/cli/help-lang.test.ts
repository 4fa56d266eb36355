/** The whole CLI follows --lang and the locale, help included (commander's own words too). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8', ...env } });

describe('help follows the language', () => {
  for (const cmd of [[], ['lint'], ['export'], ['publish'], ['import'], ['lsp']]) {
    it(`referat ${cmd.join(' ') || '(program)'} --help in Danish and in English`, () => {
      const da = run([...cmd, '--help', '--lang', 'da']);
      expect(da.status).toBe(0);
      expect(da.stdout).toMatch(/^Brug: referat/);
      expect(da.stdout).toContain('Tilvalg:');
      expect(da.stdout).toContain('vis hjælp til kommandoen');
      expect(da.stdout).not.toMatch(/Usage:|Options:|display help| \/ /);
      const en = run([...cmd, '--help'], { LANG: 'en_GB.UTF-8' });
      expect(en.status).toBe(0);
      expect(en.stdout).toMatch(/^Usage: referat/);
      expect(en.stdout).not.toMatch(/Brug:|Tilvalg:|hjælp| \/ /);
    });
  }

  it('takes Danish from the locale when --lang is not given', () => {
    const r = run(['export', '--help'], { LANG: 'da_DK.UTF-8' });
    expect(r.stdout).toContain('Eksportér referater');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('(valg: "public", "internal", standard: "public")');
  });
});
