/**
 * The CLI as a user runs it: the built dist/cli.js in a child process, on files in a
 * temporary folder. Exit codes, one-line errors, every output format, --fix.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
let dir: string;

const clean = [
  '# REFERAT Beskæftigelsesudvalget d. 03-12-2024',
  '',
  'Mødedato: Tirsdag d. 03. december 2024 kl. 16:30',
  'Mødedeltagere: Anne Holm, Bo Ibsen, Carl Dam og Dorte Kjær',
  '',
  '## Punkt 1: Godkendelse af dagsorden',
  'Sagsnr: 00.22.00-P35-1-24',
  '',
  '### Indstilling',
  '1. at dagsordenen godkendes.',
  '',
  '### Beslutning',
  '1. at godkendt.',
  '',
].join('\n');
// Item 1 lacks a decision (error, fixable); the weekday is wrong (error, fixable).
const faulty = clean.replace('Tirsdag', 'Onsdag').replace('### Beslutning\n1. at godkendt.\n', '');

function run(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: opts.cwd ?? dir,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', CI: '1', NO_COLOR: '1', ...opts.env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js missing: run npm run build (npm test does)');
  dir = mkdtempSync(join(tmpdir(), 'referat-lint-'));
  writeFileSync(join(dir, 'clean.referat'), clean);
  writeFileSync(join(dir, 'faulty.referat'), faulty);
  mkdirSync(join(dir, 'empty'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('exit codes and messages', () => {
  it('0 on a clean file, 1 on errors', () => {
    expect(run(['lint', 'clean.referat']).code).toBe(0);
    const r = run(['lint', 'faulty.referat']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('missing-decision');
    expect(r.out).toContain('meeting-date');
  });

  it.each([
    [['lint', 'nowhere.referat'], /nowhere\.referat: does not exist/],
    [['lint', 'nowhere/**/*.referat'], /no files match/],
    [['lint', 'empty'], /no \.referat files/],
    [['lint', '--format', 'xml', 'clean.referat'], /xml/],
    [['lint', '--max-warnings', 'many', 'clean.referat'], /whole number/],
    [['lint', '--config', 'missing.json', 'clean.referat'], /missing\.json/],
    [['frobnicate'], /unknown command/],
  ])('%j → exit 2 with one line, no stack trace', (args, pattern) => {
    const r = run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(pattern);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('a symlink loop is one line and exit 2', () => {
    const loop = join(dir, 'loop');
    mkdirSync(loop);
    symlinkSync(loop, join(loop, 'self'));
    writeFileSync(join(loop, 'x.referat'), clean);
    const r = run(['lint', 'loop']);
    expect([0, 2]).toContain(r.code);
    expect(r.err).not.toMatch(/\n\s+at /);
    rmSync(loop, { recursive: true, force: true });
  });

  it('an unreadable file is one line and exit 2', (ctx) => {
    const f = join(dir, 'secret.referat');
    writeFileSync(f, clean);
    chmodSync(f, 0o000);
    let readable = true;
    try {
      readFileSync(f);
    } catch {
      readable = false;
    }
    if (readable) {
      chmodSync(f, 0o644);
      rmSync(f);
      // Running as root (or with CAP_DAC_OVERRIDE): chmod 000 does not stop reading.
      ctx.skip('chmod 000 does not block reading for this user (root?)');
      return;
    }
    const r = run(['lint', 'secret.referat']);
    chmodSync(f, 0o644);
    rmSync(f);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/secret\.referat: .*EACCES/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('messages follow --lang and the locale', () => {
    expect(run(['lint', '--lang', 'da', 'faulty.referat']).out).toMatch(/Beslutning/);
    const en = run(['lint', 'faulty.referat']).out;
    const da = run(['lint', 'faulty.referat'], { env: { LANG: 'da_DK.UTF-8' } }).out;
    expect(da).not.toBe(en);
    expect(da).toMatch(/fejl/);
  });
});

describe('configuration', () => {
  it('the nearest .referatrc.json applies; a broken one is exit 2 naming the file and the path', () => {
    const sub = join(dir, 'cfg', 'inner');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'faulty.referat'), faulty);
    writeFileSync(join(dir, 'cfg', '.referatrc.json'), JSON.stringify({ rules: { 'missing-decision': 'off', 'meeting-date': 'warning' } }));
    const r = run(['lint', '--format', 'json', 'cfg']);
    expect(r.code).toBe(0);
    const ids = JSON.parse(r.out)[0].messages.map((m: { ruleId: string }) => m.ruleId);
    expect(ids).not.toContain('missing-decision');
    expect(ids).toContain('meeting-date');
    writeFileSync(join(sub, '.referatrc.json'), '{ "rules": { "quorum": "loud" } }');
    const bad = run(['lint', 'cfg']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/inner[\\/]\.referatrc\.json: rules\.quorum: expected/);
    writeFileSync(join(sub, '.referatrc.json'), '{ "rules": ');
    expect(run(['lint', 'cfg']).err).toMatch(/invalid JSON/);
    rmSync(join(dir, 'cfg'), { recursive: true, force: true });
  });
});

describe('formats', () => {
  it('json is ESLint\'s shape with 1-based positions', () => {
    const r = run(['lint', '--format', 'json', 'faulty.referat', 'clean.referat']);
    const data = JSON.parse(r.out);
    expect(data).toHaveLength(2);
    const f = data.find((x: { filePath: string }) => x.filePath.endsWith('faulty.referat'));
    expect(f.errorCount).toBeGreaterThanOrEqual(2);
    const md = f.messages.find((m: { ruleId: string }) => m.ruleId === 'missing-decision');
    expect(md).toMatchObject({ severity: 2, line: 6, column: 1 });
    expect(md.endLine).toBeGreaterThanOrEqual(6);
    expect(f.fixableErrorCount).toBeGreaterThanOrEqual(1);
  });

  it('sarif is SARIF 2.1.0 with rules, indexes and regions', () => {
    const log = JSON.parse(run(['lint', '--format', 'sarif', 'faulty.referat']).out);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const run0 = log.runs[0];
    expect(run0.tool.driver.name).toBe('referat');
    expect(run0.tool.driver.informationUri).toBe('https://github.com/referat-dk/referat/blob/main/docs/');
    for (const r of run0.tool.driver.rules) expect(r.helpUri, r.id).toMatch(/^https:\/\//);
    const rules = run0.tool.driver.rules;
    expect(rules.map((r: { id: string }) => r.id)).toContain('missing-decision');
    for (const res of run0.results) {
      expect(rules[res.ruleIndex].id).toBe(res.ruleId);
      // The project's public pages (package.json repository), never a path of the machine that ran lint.
      expect(rules[res.ruleIndex].helpUri).toMatch(/^https:\/\/github\.com\/referat-dk\/referat\/blob\/main\/docs\/(rules\/[a-z-]+\.md|markup\.md#syntax-diagnostics)$/);
      expect(res.locations[0].physicalLocation.artifactLocation.uri).toBe('faulty.referat');
      expect(res.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
    }
  });

  it('github prints workflow commands', () => {
    const lines = run(['lint', '--format', 'github', 'faulty.referat']).out.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const l of lines) expect(l).toMatch(/^::(error|warning|notice) file=faulty\.referat,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=referat\([a-z-]+\)::\S/);
  });

  it('--quiet reports errors only; --max-warnings fails on too many warnings', () => {
    writeFileSync(join(dir, 'warn.referat'), clean.replace('1. at dagsordenen godkendes.', '2. at dagsordenen godkendes.').replace('1. at godkendt.', '2. at godkendt.'));
    const all = JSON.parse(run(['lint', '--format', 'json', 'warn.referat']).out)[0];
    expect(all.warningCount).toBeGreaterThan(0);
    if (all.errorCount === 0) {
      expect(run(['lint', 'warn.referat']).code).toBe(0);
      expect(run(['lint', '--max-warnings', '0', 'warn.referat']).code).toBe(1);
    }
    const quiet = JSON.parse(run(['lint', '--quiet', '--format', 'json', 'warn.referat']).out)[0];
    expect(quiet.warningCount).toBe(0);
  });
});

describe('--fix', () => {
  it('writes the fixed file, keeping CRLF line endings and the BOM', () => {
    const file = join(dir, 'crlf.referat');
    writeFileSync(file, '\uFEFF' + faulty.replace(/\n/g, '\r\n'));
    const r = run(['lint', '--fix', 'crlf.referat']);
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith('\uFEFF')).toBe(true);
    expect(after).toContain('Tirsdag');
    // A missing decision is never filled in by --fix: only the committee decides.
    expect(after).not.toMatch(/### Beslutning/);
    expect(r.out).toContain('missing-decision');
    expect(after.replace(/\r\n/g, '')).not.toMatch(/\n|\r/);
    expect(r.code === 0 || r.code === 1).toBe(true);
    // Nothing left behind.
    expect(spawnSync('ls', ['-a', dir], { encoding: 'utf8' }).stdout).not.toMatch(/\.tmp/);
  });

  it('a misspelt member with Afbud: the name is corrected once, never doubled (issue 15)', () => {
    const file = join(dir, 'afbud-typo.referat');
    const text = clean
      .replace('Tirsdag', 'Onsdag')
      .replace('Dorte Kjær\n', 'Dorte Kjær\nAfbud: Bo Ibsen\n')
      .concat('\nBo Ibsn deltog ikke i sagens behandling.\n');
    writeFileSync(file, text);
    const r = run(['lint', '--fix', 'afbud-typo.referat']);
    const after = readFileSync(file, 'utf8');
    expect(after).toContain('\nBo Ibsen deltog ikke i sagens behandling.\n');
    expect(after).not.toMatch(/Bo Ibsen og Bo Ibsen/);
    expect(r.code).toBe(0);
    expect(run(['lint', 'afbud-typo.referat']).code).toBe(0);
  });
});
