/**
 * `referat lint` over an archive on every core: folders are shared out between worker threads
 * that each run `lintGroups` (lint-run.ts) and send back their results. Used only from
 * the bundle (`dist/cli-main.js` is the worker's script too) and never for `--fix`, whose
 * interrupted writes the main thread alone cleans up. A worker that fails ends the run with
 * its one-line error (exit 2), as the single-threaded run would.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { lintGroups, type LintCliOptions, type LintEnv } from './lint-run.js';
import { CliError } from './files.js';
import type { FileResult } from './formatters/types.js';

/** Below this many files a thread costs more (its start-up, about 0.1 s) than it saves. */
export const MIN_FILES_PER_WORKER = 40;

interface Job {
  readonly referatLintWorker: true;
  readonly groups: string[][];
  readonly opts: LintCliOptions;
  readonly env: LintEnv;
}
type Reply = { kind: 'file'; file: string } | { kind: 'done'; results: FileResult[] } | { kind: 'error'; message: string; exitCode: number };

/** The bundle the CLI runs from, when it runs from one (the sources under test have none). */
function workerScript(): string | undefined {
  const file = typeof __filename === 'string' ? __filename : '';
  return path.basename(file) === 'cli-main.js' ? file : undefined;
}

/**
 * The threads `--concurrency auto` wants. On 2 cores threads gained nothing (measured: V8's
 * garbage collector and compiler threads already use the second core, and each thread
 * compiles the code again), so they start only from 4 cores, leaving one core to V8.
 */
export function autoThreads(cores = availableParallelism()): number {
  return cores >= 4 ? cores - 1 : 1;
}

/** How many threads lint these folders: 1 means the main thread alone. */
export function workerCount(opts: LintCliOptions, groups: readonly (readonly string[])[]): number {
  if (opts.fix || opts.concurrency === 'off' || !workerScript()) return 1;
  const files = groups.reduce((n, g) => n + g.length, 0);
  const wanted = opts.concurrency && opts.concurrency !== 'auto' ? Number(opts.concurrency) : autoThreads();
  return Math.max(1, Math.min(wanted, groups.length, Math.floor(files / MIN_FILES_PER_WORKER)));
}

/** Shares the folders out by size, largest first, to the least loaded thread. */
function shareOut(groups: readonly (readonly string[])[], n: number): string[][][] {
  const size = (g: readonly string[]) =>
    g.reduce((sum, f) => {
      try {
        return sum + statSync(f).size;
      } catch {
        return sum; // unreadable: the worker reports it
      }
    }, 0);
  const sized = groups.map((g) => ({ g: [...g], bytes: size(g) })).sort((a, b) => b.bytes - a.bytes);
  const shares = Array.from({ length: n }, () => ({ groups: [] as string[][], bytes: 0 }));
  for (const { g, bytes } of sized) {
    const least = shares.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    least.groups.push(g);
    least.bytes += bytes;
  }
  return shares.map((s) => s.groups).filter((s) => s.length > 0);
}

export async function lintInWorkers(groups: readonly (readonly string[])[], n: number, opts: LintCliOptions, env: LintEnv, onFile: (file: string) => void): Promise<FileResult[]> {
  const script = workerScript()!;
  const workers: Worker[] = [];
  try {
    const parts = await Promise.all(
      shareOut(groups, n).map(
        (share) =>
          new Promise<FileResult[]>((resolve, reject) => {
            const job: Job = { referatLintWorker: true, groups: share, opts, env };
            const w = new Worker(script, { workerData: job });
            workers.push(w);
            w.on('message', (m: Reply) => {
              if (m.kind === 'file') onFile(m.file);
              else if (m.kind === 'done') resolve(m.results);
              else reject(new CliError(m.message, m.exitCode));
            });
            w.on('error', (e) => reject(new CliError(String(e).split('\n')[0]!)));
            w.on('exit', (code) => reject(new CliError(`lint worker stopped (${code})`)));
          }),
      ),
    );
    return parts.flat();
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** In a worker thread started by lintInWorkers: lint the job's folders and reply. */
export function runLintWorkerIfAny(): void {
  const job = workerData as Job | undefined;
  if (isMainThread || !parentPort || !job?.referatLintWorker) return;
  const port = parentPort;
  lintGroups(job.groups, job.opts, job.env, (file) => port.postMessage({ kind: 'file', file } satisfies Reply)).then(
    (results) => port.postMessage({ kind: 'done', results } satisfies Reply),
    (e: unknown) =>
      port.postMessage({
        kind: 'error',
        message: e instanceof CliError ? e.message : String((e as Error)?.message ?? e).split('\n')[0]!,
        exitCode: e instanceof CliError ? e.exitCode : 2,
      } satisfies Reply),
  );
}
