/** `referat publish` as the user runs it (dist/cli.js): usage errors in one line, Danish and English, and a site from the bundle. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist', 'cli.js');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'referat-publish-cli-'));
const run = (args: string[], lang = 'en_US.UTF-8') =>
  spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: lang } });
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(!existsSync(cli))(`referat publish (CLI)${existsSync(cli) ? '' : ' (skipped: dist/cli.js missing, run node scripts/build.mjs)'}`, () => {
  it('without -o: exit 2 and one line', () => {
    const r = run(['publish', 'examples']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("referat: required option '-o, --output <dir>' not specified\n");
  });

  it('a file that is not minutes: exit 2 and one line, in the locale’s language', () => {
    const r = run(['publish', 'package.json', '-o', path.join(tmp, 'x')], 'da_DK.UTF-8');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('referat publish: package.json indeholder intet møde (ingen titel og intet punkt)\n');
    expect(existsSync(path.join(tmp, 'x'))).toBe(false);
  });

  it('publishes from the bundle, search script included', () => {
    const out = path.join(tmp, 'site');
    const r = run(['publish', 'examples/sonderborg-arbejdsmarkedsudvalget-2024-08-13.referat', '-o', out, '--base-url', 'https://referater.example.dk', '--lang', 'da']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^referat publish: 1 møde skrevet i .* \(\d+ filer\)\n$/);
    expect(readFileSync(path.join(out, 'search.js'), 'utf8')).toContain('search-index.json');
    expect(JSON.parse(readFileSync(path.join(out, 'oparl/system.json'), 'utf8')).id).toBe('https://referater.example.dk/oparl/system.json');
    expect(readFileSync(path.join(out, 'moeder/arbejdsmarkedsudvalget-2024-08-13.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('export --format akn is one of the formats', () => {
    const r = run(['export', '--format', 'akn', '-o', '-', 'examples/sonderborg-arbejdsmarkedsudvalget-2024-08-13.referat']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<akomaNtoso xmlns="http:\/\/docs.oasis-open.org\/legaldocml\/ns\/akn\/3.0">/);
  });
});
