/**
 * Profiles loaded from their own files, as a user runs the CLI (the built dist/cli.js):
 * `referat lint --profile ./my-profile.json`, `"profile": "./profiles/x.json"` and
 * `"extends": "./base.json"` in `.referatrc.json`; a missing or invalid file is one line and
 * exit 2, in English and (with --lang da or a Danish locale) in Danish.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
let dir: string;

// A house style of our own: items "7. Title", decisions "Beslutning i <udvalg> den <dd-mm-yyyy>", no case numbers required, no fixed section order.
const minutes = [
  '# REFERAT Vejudvalget',
  '',
  'Mødedato: 2024-03-05',
  '',
  '## 7. Nye cykelstier',
  '',
  '### Sagsfremstilling',
  '',
  'Forvaltningen har tegnet tre nye stier.',
  '',
  '### Beslutning i Vejudvalget den 05-03-2024',
  '',
  'Godkendt.',
  '',
].join('\n');
const base = { name: 'vej-base', itemHeading: '{n}. {title}', caseNumber: { required: false }, sectionOrder: 'none' };
const mine = { extends: './base.json', decisionHeading: 'Beslutning i {committee} den {date}' };

function run(args: string[], cwd = dir, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', CI: '1', NO_COLOR: '1', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const write = (p: string, v: unknown) => writeFileSync(join(dir, p), typeof v === 'string' ? v : JSON.stringify(v));

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js missing: run node scripts/build.mjs');
  dir = mkdtempSync(join(tmpdir(), 'referat-profile-files-'));
  for (const d of ['plain', 'rc', 'rc/profiler', 'extends', 'broken']) mkdirSync(join(dir, d));
  write('plain/m.referat', minutes);
  write('plain/base.json', base);
  write('plain/my-profile.json', mine);
  write('rc/m.referat', minutes);
  write('rc/.referatrc.json', { profile: './profiler/vej.json' });
  write('rc/profiler/vej.json', mine);
  write('rc/profiler/base.json', base);
  write('extends/m.referat', minutes);
  write('extends/.referatrc.json', { profile: 'lokal', profiles: { lokal: { extends: '../plain/base.json', decisionHeading: 'Beslutning i {committee} den {date}' } } });
  write('broken/m.referat', minutes);
  write('broken/bad.json', { numbering: { scheme: 'yearly' } });
  write('broken/syntax.json', '{ "name": ');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('profiles from files', () => {
  it('lint --profile ./my-profile.json: the house style of the file (and of the file it extends)', () => {
    // Under the default profile the missing case number and the section order are warnings.
    const randers = run(['lint', '--max-warnings', '0', 'm.referat'], join(dir, 'plain'));
    expect(randers.code).toBe(1);
    expect(randers.out).toMatch(/case-number[\s\S]*section-order/);
    const r = run(['lint', '--max-warnings', '0', '--profile', './my-profile.json', 'm.referat'], join(dir, 'plain'));
    expect(r.err).toBe('');
    expect([r.code, r.out]).toEqual([0, expect.not.stringMatching(/warning|error/)]);
  });

  it('"profile": "./profiler/vej.json" and "extends": "../plain/base.json" in .referatrc.json, relative to it', () => {
    expect(run(['lint', '--max-warnings', '0', 'm.referat'], join(dir, 'rc')).code).toBe(0);
    expect(run(['lint', '--max-warnings', '0', 'm.referat'], join(dir, 'extends')).code).toBe(0);
    // From another folder: paths are relative to the configuration file, not to the working folder.
    expect(run(['lint', '--max-warnings', '0', join('rc', 'm.referat')], dir).code).toBe(0);
  });

  it('a missing or invalid profile file: one line, exit 2, in English and in Danish', () => {
    const cases: [string, RegExp, RegExp][] = [
      ['./nowhere.json', /^referat: --profile: profile file ".*[\\/]broken[\\/]nowhere\.json" not found$/, /^referat: --profile: profilfilen ".*nowhere\.json" findes ikke$/],
      ['./bad.json', /^referat: .*bad\.json: numbering\.scheme: expected one of "year", "term", "per-meeting"$/, /^referat: .*bad\.json: numbering\.scheme: forventede en af "year", "term", "per-meeting"$/],
      ['./syntax.json', /^referat: .*syntax\.json: invalid JSON: /, /^referat: .*syntax\.json: ugyldig JSON: /],
    ];
    for (const [file, en, da] of cases) {
      const r = run(['lint', '--profile', file, 'm.referat'], join(dir, 'broken'));
      expect([r.code, r.out], file).toEqual([2, '']);
      expect(r.err.trimEnd().split('\n'), file).toHaveLength(1);
      expect(r.err.trimEnd(), file).toMatch(en);
      const d = run(['lint', '--lang', 'da', '--profile', file, 'm.referat'], join(dir, 'broken'));
      expect([d.code, d.err.trimEnd().split('\n').length], file).toEqual([2, 1]);
      expect(d.err.trimEnd(), file).toMatch(da);
    }
    // A Danish locale gives Danish too.
    expect(run(['lint', '--profile', './bad.json', 'm.referat'], join(dir, 'broken'), { LANG: 'da_DK.UTF-8' }).err).toMatch(/forventede en af/);
  });

  it('configuration errors in Danish: an unknown profile, a broken .referatrc.json', () => {
    const r = run(['lint', '--lang', 'da', '--profile', 'nowhere', 'm.referat'], join(dir, 'plain'));
    expect(r.code).toBe(2);
    expect(r.err.trimEnd()).toMatch(/^referat: profile: ukendt profil "nowhere"; forventede en af randers, /);
    write('broken/.referatrc.json', { profile: 3 });
    const b = run(['lint', '--lang', 'da', 'm.referat'], join(dir, 'broken'));
    expect(b.code).toBe(2);
    expect(b.err.trimEnd()).toMatch(/\.referatrc\.json: profile: forventede tekst$/);
    expect(run(['lint', 'm.referat'], join(dir, 'broken')).err.trimEnd()).toMatch(/\.referatrc\.json: profile: expected string$/);
  });
});
