/**
 * Runs a Node program in a child process and measures it: wall time and peak resident
 * memory (`process.resourceUsage().maxRSS`, written by a preloaded hook when the child
 * exits, however it exits). Used for the CLI and for the pathological-input probe.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

export const ROOT = join(__dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

export interface Measured {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  readonly maxRssMB: number;
}

export interface Workdir {
  readonly dir: string;
  /** Bundles a TypeScript entry point of this repository to a CommonJS file in the work folder. */
  bundle(entry: string): Promise<string>;
  /** Runs `node <args>` (Node of this test run), measured. */
  node(args: readonly string[], options?: { timeoutMs?: number; input?: Buffer | string }): Promise<Measured>;
  dispose(): void;
}

export function workdir(): Workdir {
  const dir = mkdtempSync(join(tmpdir(), 'referat-reliability-'));
  const hook = join(dir, 'maxrss.cjs');
  writeFileSync(
    hook,
    "process.on('exit', () => require('fs').writeFileSync(process.env.REFERAT_MAXRSS_FILE, String(process.resourceUsage().maxRSS)));\n",
  );
  let runs = 0;
  return {
    dir,
    async bundle(entry) {
      const out = join(dir, `${entry.replace(/\W+/g, '_')}.cjs`);
      await build({
        entryPoints: [join(ROOT, entry)],
        outfile: out,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        logLevel: 'warning',
      });
      return out;
    },
    node(args, options = {}) {
      const rssFile = join(dir, `rss-${++runs}`);
      return new Promise((resolve, reject) => {
        const t = performance.now();
        const child = spawn(process.execPath, ['--require', hook, ...args], {
          cwd: dir,
          env: { ...process.env, REFERAT_ROOT: ROOT, REFERAT_MAXRSS_FILE: rssFile, LANG: 'en_US.UTF-8', NO_COLOR: '1' },
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on('data', (b: Buffer) => out.push(b));
        child.stderr.on('data', (b: Buffer) => err.push(b));
        const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
        child.on('error', reject);
        child.on('close', (code) => {
          clearTimeout(timer);
          let maxRssMB = NaN;
          try {
            maxRssMB = Math.round(Number(readFileSync(rssFile, 'utf8')) / 1024);
          } catch {
            /* killed before exiting normally */
          }
          resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: Math.round(performance.now() - t), maxRssMB });
        });
        child.stdin.end(options.input ?? '');
      });
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
