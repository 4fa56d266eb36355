/**
 * `referat lint` on an archive shares the folders out between worker threads: the built
 * dist/cli.js in a child process, as CI runs it. The report is byte for byte the one the
 * single-threaded run writes, and a failure inside a worker is still one line and exit 2.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const examples = join(root, 'examples');
const ENV = { LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', CI: '1', NO_COLOR: '1' };
let dir: string;

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
/** File permissions hold for the test only when it does not run as root (or can drop root). */
const canLockFiles = typeof process.getuid === 'function' && (!isRoot || !!setpriv);

/** Runs `referat lint`; `asNobody` drops root so that file permissions apply. */
function lint(args: string[], asNobody = false): { code: number | null; out: string; err: string } {
  const argv = [process.execPath, cli, 'lint', ...args];
  const [cmd, ...rest] = asNobody && isRoot ? [setpriv!, '--reuid=65534', '--regid=65534', '--clear-groups', ...argv] : argv;
  const r = spawnSync(cmd!, rest, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...ENV }, maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js missing: run npm run build (npm test does)');
  dir = mkdtempSync(join(tmpdir(), 'referat-workers-'));
  chmodSync(dir, 0o755); // `nobody` must reach the files
  // Six committees' folders of 20 meetings each (the examples under other names): 120 files,
  // enough for more than one thread, with siblings for the cross-file numbering check.
  const files = readdirSync(examples).filter((f) => f.endsWith('.referat'));
  for (let d = 1; d <= 6; d++) {
    mkdirSync(join(dir, 'arkiv', `udvalg-${d}`), { recursive: true });
    for (let i = 0; i < 20; i++) {
      const f = files[(d + i) % files.length]!;
      writeFileSync(join(dir, 'arkiv', `udvalg-${d}`, `${String(i).padStart(2, '0')}-${f}`), readFileSync(join(examples, f)));
    }
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lint on worker threads', () => {
  it('reports exactly what one thread reports, in every format, with the same exit code', () => {
    for (const format of ['json', 'stylish', 'sarif']) {
      const one = lint(['arkiv', '--format', format, '--concurrency', 'off']);
      const two = lint(['arkiv', '--format', format, '--concurrency', '2']);
      expect(one.err).toBe('');
      expect(two.err).toBe('');
      expect(two.code).toBe(one.code);
      expect(two.out).toBe(one.out);
    }
    const report = JSON.parse(lint(['arkiv', '--format', 'json', '--concurrency', '3']).out) as { filePath: string }[];
    expect(report).toHaveLength(120);
  }, 120_000);

  it.runIf(canLockFiles)('a file a worker cannot read: one line, exit 2', () => {
    const f = join(dir, 'arkiv', 'udvalg-3', '05-locked.referat');
    writeFileSync(f, '# REFERAT\n');
    chmodSync(f, 0o000);
    try {
      const r = lint(['arkiv', '--concurrency', '2'], true);
      expect(r.err).toMatch(/^referat: .*05-locked\.referat.*EACCES/);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      expect(r.code).toBe(2);
    } finally {
      rmSync(f, { force: true });
    }
  });

  it('a broken configuration is one line and exit 2 before any thread starts', () => {
    writeFileSync(join(dir, 'arkiv', 'udvalg-2', '.referatrc.json'), '{ "rules": { "item-numbering": "loud" } }');
    try {
      const r = lint(['arkiv', '--concurrency', '2']);
      expect(r.code).toBe(2);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(/^\s+at |node:internal/m);
    } finally {
      rmSync(join(dir, 'arkiv', 'udvalg-2', '.referatrc.json'));
    }
  });

  it('--concurrency takes a number, auto or off', () => {
    const r = lint(['arkiv', '--concurrency', 'many']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('referat: --concurrency many: must be a number, auto or off\n');
  });
});
