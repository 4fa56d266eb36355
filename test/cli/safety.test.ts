/**
 * The CLI fails safely, as a user meets it: the built dist/cli.js in a child process.
 * - every failure (unreadable file or folder, a folder without meetings, a bad glob, a broken
 *   or invalid .referatrc.json, symbolic-link loops, a broken link) is one line on standard
 *   error, in the user's language, exit 2, never a stack trace;
 * - `--fix` and `import` keep line endings (LF, CRLF, CR) and the byte-order mark, write
 *   through a temporary file in the same folder and leave none behind;
 * - interrupted (SIGINT, SIGTERM, SIGKILL) in the middle of `lint --fix` over many files,
 *   every file is either wholly original or wholly fixed, and no temporary file remains
 *   after SIGINT/SIGTERM.
 * Unreadable files need a user that permissions apply to: as root the CLI runs as `nobody`
 * (setpriv); where neither works the case is skipped with the reason.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needsShared, SHARED_DIR } from '../helpers/shared.js';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const seeds = join(SHARED_DIR, 'seeds');
const example = readFileSync(join(root, 'examples', 'randers-beskaeftigelsesudvalget-2024-12-03.referat'), 'utf8');
let dir: string;

const ENV = { LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', CI: '1', NO_COLOR: '1' };
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));

interface Run {
  code: number | null;
  out: string;
  err: string;
}

/** Runs the CLI; `asNobody` drops root so that file permissions apply. */
function run(args: string[], opts: { cwd?: string; env?: Record<string, string>; asNobody?: boolean } = {}): Run {
  const argv = [process.execPath, cli, ...args];
  const [cmd, ...rest] = opts.asNobody && isRoot ? [setpriv!, '--reuid=65534', '--regid=65534', '--clear-groups', ...argv] : argv;
  const r = spawnSync(cmd!, rest, { cwd: opts.cwd ?? dir, encoding: 'utf8', env: { ...process.env, ...ENV, ...opts.env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** What every failure must look like: exit 2 and exactly one line, no stack trace. */
function expectOneLine(r: Run, pattern: RegExp): void {
  expect(r.err.trimEnd()).toMatch(pattern);
  expect(r.err.endsWith('\n')).toBe(true);
  expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  expect(r.err).not.toMatch(/^\s+at |Error:|node:internal/m);
  expect(r.code).toBe(2);
}

/** A folder of its own under the test folder, with the given files (name → text). */
function folder(name: string, files: Record<string, string> = {}): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(join(d, f), text);
  return d;
}

/** Whether permissions can be tested here: a user they apply to. */
const canDropPermissions = !isRoot || (!!setpriv && spawnSync(setpriv, ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status === 0);

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js missing: run npm run build (npm test does)');
  dir = mkdtempSync(join(tmpdir(), 'referat-safety-'));
  chmodSync(dir, 0o755); // `nobody` must reach the files
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('every failure is one line and exit 2', () => {
  it.runIf(canDropPermissions)('an unreadable file', () => {
    const d = folder('unreadable', { 'møde.referat': example });
    chmodSync(join(d, 'møde.referat'), 0o000);
    expectOneLine(run(['lint', 'unreadable/møde.referat'], { asNobody: true }), /^referat: .*møde\.referat: cannot read \(EACCES: permission denied\)$/);
    // The same file found through its folder, and in Danish.
    expectOneLine(run(['lint', 'unreadable'], { asNobody: true, env: { LANG: 'da_DK.UTF-8' } }), /^referat: .*møde\.referat: kan ikke læse \(EACCES/);
    expectOneLine(run(['export', '--format', 'html', 'unreadable/møde.referat'], { asNobody: true }), /^referat export: cannot read .*møde\.referat: EACCES/);
  });

  it.runIf(canDropPermissions)('an unreadable folder below the one linted', () => {
    const d = folder('locked/inner', { 'a.referat': example });
    writeFileSync(join(dir, 'locked', 'b.referat'), example);
    chmodSync(d, 0o000);
    const r = run(['lint', 'locked'], { asNobody: true });
    chmodSync(d, 0o755);
    expectOneLine(r, /^referat: locked\/inner: cannot read \(EACCES: permission denied\)$/);
  });

  it('a folder without .referat files (hidden files and node_modules do not count)', () => {
    const d = folder('nomeetings/node_modules', { 'x.referat': example });
    writeFileSync(join(dir, 'nomeetings', '.hidden.referat'), example);
    writeFileSync(join(dir, 'nomeetings', 'notes.txt'), 'x');
    expect(existsSync(d)).toBe(true);
    expectOneLine(run(['lint', 'nomeetings']), /^referat: nomeetings: no \.referat files in folder$/);
    expectOneLine(run(['lint', 'nomeetings'], { env: { LANG: 'da_DK.UTF-8' } }), /^referat: nomeetings: ingen \.referat-filer i mappen$/);
  });

  it('a glob that matches nothing, an unbalanced one, and one too long to be a pattern', () => {
    expectOneLine(run(['lint', 'arkiv/**/*.referat']), /^referat: no files match arkiv\/\*\*\/\*\.referat$/);
    expectOneLine(run(['lint', '**/*.referat[']), /^referat: no files match \*\*\/\*\.referat\[$/);
    // The pattern is shown shortened: one readable line, not 70,000 characters.
    const long = run(['lint', `${'*'.repeat(70_000)}.referat`]);
    expectOneLine(long, /^referat: \*{100}…: invalid pattern \(.*exceeds maximum allowed length/);
    expect(long.err.length).toBeLessThan(400);
  });

  it('invalid JSON in .referatrc.json names the file', () => {
    folder('badjson', { 'møde.referat': example, '.referatrc.json': '{ "profile": "randers", ' });
    expectOneLine(run(['lint', 'badjson']), /^referat: .*badjson\/\.referatrc\.json:1:25: invalid JSON/);
  });

  it('valid JSON that fails the schema names the file and the setting', () => {
    folder('badschema', { 'møde.referat': example, '.referatrc.json': JSON.stringify({ rules: { 'cpr-number': 'loud' } }) });
    expectOneLine(run(['lint', 'badschema']), /^referat: .*badschema\/\.referatrc\.json: rules\.cpr-number: /);
    folder('badschema2', { 'møde.referat': example, '.referatrc.json': '[1, 2]' });
    expectOneLine(run(['lint', 'badschema2']), /^referat: .*badschema2\/\.referatrc\.json: /);
  });

  it('--config naming a folder, or a file that is not there', () => {
    folder('withconfig', { 'møde.referat': example });
    expectOneLine(run(['lint', '--config', '.', 'withconfig']), /^referat: .*EISDIR/);
    expectOneLine(run(['lint', '--config', 'nowhere.json', 'withconfig']), /nowhere\.json/);
  });

  it('a folder link back to a folder above it, inside the folder linted', () => {
    const d = folder('looped/sub', { 'a.referat': example });
    symlinkSync('..', join(d, 'up'));
    expectOneLine(run(['lint', 'looped']), /^referat: looped\/sub\/up: symbolic link loop$/);
    expectOneLine(run(['lint', 'looped'], { env: { LANG: 'da_DK.UTF-8' } }), /^referat: looped\/sub\/up: symbolsk link i ring$/);
  });

  it('file links that point at each other, and an input that is such a link', () => {
    const d = folder('cycle', { 'a.referat': example });
    symlinkSync('y.referat', join(d, 'x.referat'));
    symlinkSync('x.referat', join(d, 'y.referat'));
    expectOneLine(run(['lint', 'cycle']), /^referat: cycle\/x\.referat: symbolic link loop$/);
    expectOneLine(run(['lint', 'cycle/y.referat']), /^referat: cycle\/y\.referat: symbolic link loop$/);
  });

  it('a broken link named .referat (the meeting it stands for is missing)', () => {
    const d = folder('broken', { 'a.referat': example });
    symlinkSync('gone.referat', join(d, 'b.referat'));
    symlinkSync('gone.txt', join(d, 'c.txt')); // not a meeting: ignored
    expectOneLine(run(['lint', 'broken']), /^referat: broken\/b\.referat: symbolic link to a file that does not exist$/);
  });

  it('links that do not loop are followed, and a file reached twice is linted once', () => {
    const d = folder('linked', { 'a.referat': example });
    symlinkSync('a.referat', join(d, 'alias.referat'));
    mkdirSync(join(dir, 'linked2'));
    symlinkSync(join(d, 'a.referat'), join(dir, 'linked2', 'b.referat'));
    symlinkSync(join(dir, 'linked2'), join(d, 'sideways')); // a folder reached twice, not a loop
    const r = run(['lint', '--format', 'json', 'linked', 'linked2']);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out).map((f: { filePath: string }) => f.filePath)).toEqual([join(d, 'a.referat')]);
  });

  it('a reader that stops early (| head) ends quietly', () => {
    const d = folder('many');
    for (let i = 0; i < 60; i++) writeFileSync(join(d, `m${String(i).padStart(2, '0')}.referat`), example.replace('Tirsdag', 'Onsdag'));
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" lint many | head -n 1 >/dev/null; echo "exit $?"`], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...ENV } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('exit 0\n');
  });
});

describe('--fix keeps line endings and the byte-order mark', () => {
  const broken = example.replace('Tirsdag', 'Onsdag'); // the weekday fix changes line 4
  let fixedLf: string;
  beforeAll(() => {
    folder('styles', { 'lf.referat': broken });
    run(['lint', '--fix', 'styles/lf.referat']);
    fixedLf = readFileSync(join(dir, 'styles', 'lf.referat'), 'utf8');
    expect(fixedLf).not.toBe(broken);
    expect(fixedLf).toContain('Tirsdag');
  });

  it.each([
    ['LF', '\n', false],
    ['CRLF', '\r\n', false],
    ['CR', '\r', false],
    ['LF with BOM', '\n', true],
    ['CRLF with BOM', '\r\n', true],
    ['CR with BOM', '\r', true],
  ])('%s', (_name, eol, bom) => {
    const file = join(dir, 'styles', `x${eol.length}${bom ? 'b' : ''}${eol === '\r' ? 'cr' : ''}.referat`);
    const original = (bom ? '\uFEFF' : '') + broken.replace(/\n/g, eol);
    writeFileSync(file, original);
    const inode = statSync(file).ino;
    run(['lint', '--fix', file]);
    const after = readFileSync(file, 'utf8');
    expect(after).toBe((bom ? '\uFEFF' : '') + fixedLf.replace(/\n/g, eol));
    // Renamed over the original (a new inode), nothing left beside it.
    expect(statSync(file).ino).not.toBe(inode);
    expect(readdirSync(join(dir, 'styles')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the file mode', () => {
    const file = join(dir, 'styles', 'mode.referat');
    writeFileSync(file, broken);
    chmodSync(file, 0o640);
    run(['lint', '--fix', file]);
    expect(readFileSync(file, 'utf8')).toBe(fixedLf);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it.runIf(canDropPermissions)('writes through a temporary file in the same folder: a folder it cannot write to stops it, the file untouched', () => {
    // The file itself is writable, the folder is not: writing in place would succeed, an
    // atomic write (temporary file + rename) cannot, and must say so in one line.
    const d = folder('readonly');
    chmodSync(d, 0o755);
    const file = join(d, 'møde.referat');
    writeFileSync(file, broken);
    chmodSync(file, 0o666);
    expectOneLine(run(['lint', '--fix', 'readonly/møde.referat'], { asNobody: true }), /^referat: .*møde\.referat: cannot write \(EACCES: permission denied\)$/);
    expect(readFileSync(file, 'utf8')).toBe(broken);
    expect(readdirSync(d)).toEqual(['møde.referat']);
  });
});

describe.runIf(existsSync(seeds))(needsShared('import keeps line endings and the byte-order mark'), () => {
  const seed = existsSync(seeds) ? readFileSync(join(seeds, '003_7b7ae8c46848b521.txt'), 'utf8') : '';
  let lf: string;
  beforeAll(() => {
    folder('imports', { 'plain.txt': seed });
    expect(run(['import', 'imports/plain.txt']).code).toBe(0);
    lf = readFileSync(join(dir, 'imports', 'plain.referat'), 'utf8');
    expect(lf).toMatch(/^# REFERAT /);
    expect(lf).not.toMatch(/\r/);
  });

  it.each([
    ['CRLF with BOM', '\r\n', true],
    ['CRLF', '\r\n', false],
    ['CR', '\r', false],
  ])('a %s source gives a %s .referat', (_name, eol, bom) => {
    const name = `src${eol.length}${bom ? 'b' : ''}`;
    writeFileSync(join(dir, 'imports', `${name}.txt`), (bom ? '\uFEFF' : '') + seed.replace(/\n/g, eol));
    expect(run(['import', `imports/${name}.txt`]).code).toBe(0);
    expect(readFileSync(join(dir, 'imports', `${name}.referat`), 'utf8')).toBe((bom ? '\uFEFF' : '') + lf.replace(/\n/g, eol));
  });

  it('replacing an existing .referat keeps that file\'s line endings and BOM, atomically', () => {
    const target = join(dir, 'imports', 'plain.referat');
    writeFileSync(target, '\uFEFFold\r\ncontent\r\n');
    const inode = statSync(target).ino;
    expect(run(['import', 'imports/plain.txt']).code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('\uFEFF' + lf.replace(/\n/g, '\r\n'));
    expect(statSync(target).ino).not.toBe(inode);
    expect(readdirSync(join(dir, 'imports')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('interrupted in the middle of lint --fix over many files', () => {
  const COUNT = 500;
  const broken = example.replace('Tirsdag', 'Onsdag');
  let fixed: string;
  beforeAll(() => {
    folder('one', { 'm.referat': broken });
    run(['lint', '--fix', 'one/m.referat']);
    fixed = readFileSync(join(dir, 'one', 'm.referat'), 'utf8');
    expect(fixed).not.toBe(broken);
  });

  /** Starts `lint --fix` on COUNT broken files, sends `signal` once some (not all) are fixed. */
  async function interrupt(name: string, signal: NodeJS.Signals) {
    const d = folder(name);
    const files = Array.from({ length: COUNT }, (_, i) => join(d, `m${String(i).padStart(3, '0')}.referat`));
    for (const f of files) writeFileSync(f, broken);
    const child = spawn(process.execPath, [cli, 'lint', '--fix', '--format', 'json', name], { cwd: dir, env: { ...process.env, ...ENV } });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.resume();
    const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('exit', (code, sig) => res({ code, signal: sig })));
    // Wait until the first file is written: the files are fixed in name order.
    const started = Date.now();
    while (readFileSync(files[0]!, 'utf8') === broken && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 5));
    child.kill(signal);
    const exit = await done;
    const states = files.map((f) => {
      const t = readFileSync(f, 'utf8');
      return t === fixed ? 'fixed' : t === broken ? 'original' : 'torn';
    });
    const temps = readdirSync(d).filter((f) => !f.endsWith('.referat') || f.startsWith('.'));
    return { exit, err, states, temps, fixedCount: states.filter((s) => s === 'fixed').length };
  }

  it.each(['SIGINT', 'SIGTERM'] as const)('%s: each file wholly original or wholly fixed, no temporary file left, one line said', async (signal) => {
    const r = await interrupt(`int-${signal}`, signal);
    expect(r.states).not.toContain('torn');
    expect(r.fixedCount).toBeGreaterThan(0);
    expect(r.fixedCount).toBeLessThan(COUNT); // interrupted mid-run, not after
    expect(r.temps).toEqual([]);
    expect(r.exit.signal).toBe(signal);
    expect(r.err).toBe(`referat: interrupted (${signal}); ${r.fixedCount} files written\n`);
    // The fixed files are the first ones: the run stopped between two files.
    expect(r.states.indexOf('original')).toBe(r.fixedCount);
  }, 120_000);

  it('SIGKILL: each file wholly original or wholly fixed; a leftover temporary file is hidden and the next run finishes', async () => {
    const r = await interrupt('int-SIGKILL', 'SIGKILL');
    expect(r.exit.signal).toBe('SIGKILL');
    expect(r.states).not.toContain('torn');
    expect(r.fixedCount).toBeLessThan(COUNT);
    // At most the one being written, named `.<file>.<pid>.<n>.tmp`: never taken for a meeting.
    expect(r.temps.length).toBeLessThanOrEqual(1);
    for (const t of r.temps) expect(t).toMatch(/^\.m\d{3}\.referat\.\d+\.\d+\.tmp$/);
    const again = run(['lint', '--fix', '--format', 'json', 'int-SIGKILL']);
    expect(again.err).toBe('');
    expect(JSON.parse(again.out)).toHaveLength(COUNT);
    for (let i = 0; i < COUNT; i++) expect(readFileSync(join(dir, 'int-SIGKILL', `m${String(i).padStart(3, '0')}.referat`), 'utf8')).toBe(fixed);
  }, 120_000);
});
