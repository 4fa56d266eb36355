/**
 * The property-test harness of test/fuzz. `fuzzProperty()` declares one property:
 *
 * - under `npm test` it runs `runs` generated inputs with a fixed seed (short and repeatable);
 * - under `npm run fuzz -- --runs N [--seed S] [--only NAME]` (scripts/fuzz.mjs, which sets
 *   FUZZ_RUNS, FUZZ_SEED, FUZZ_ONLY, FUZZ_SAVE and FUZZ_STATS) it runs N / cost inputs
 *   with the given or a random seed;
 * - a failing input is shrunk by fast-check (and a long string further, line by line) and,
 *   under the runner, saved as test/fuzz/regressions/<property>-<hash>.json;
 * - every saved regression of the property is replayed on every run, `npm test` included.
 *   A regression file with a `known` field (the reason) is expected to fail until fixed.
 */
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';

export const REGRESSIONS = join(__dirname, 'regressions');
const env = process.env;
/** True under scripts/fuzz.mjs (a long fuzz). */
export const LONG = env.FUZZ_RUNS !== undefined && env.FUZZ_RUNS !== '';
/** The seed of `npm test`'s short fuzz: fixed, so a failure there is reproducible at once. */
const SHORT_SEED = 424242;

export interface FuzzProperty<T> {
  /** Kebab-case id: the prefix of its regression files and what `--only` matches. */
  readonly name: string;
  readonly arbitrary: fc.Arbitrary<T>;
  /** Throws (or rejects) when the property does not hold for the value. */
  readonly check: (value: T) => void | Promise<void>;
  /** Inputs under `npm test`. */
  readonly runs: number;
  /** Relative cost of one input: a long fuzz runs FUZZ_RUNS / cost inputs (default 1). */
  readonly cost?: number;
  /** Per-test timeout under `npm test` (ms). */
  readonly timeout?: number;
  /**
   * Whether a long failing string may be shrunk further by deleting lines and characters
   * (default true). Only for properties that must hold for every string: a property whose
   * oracle relies on how the generator built the input (secret marks) must say false.
   */
  readonly reduce?: boolean;
}

interface Regression {
  readonly file: string;
  readonly value: unknown;
  readonly known?: string;
}

function regressionsOf(name: string): Regression[] {
  if (!existsSync(REGRESSIONS)) return [];
  return readdirSync(REGRESSIONS)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.json'))
    .sort()
    .map((file) => {
      const data = JSON.parse(readFileSync(join(REGRESSIONS, file), 'utf8')) as { value: unknown; known?: string };
      return { file, value: data.value, known: data.known };
    });
}

async function fails<T>(check: (v: T) => void | Promise<void>, value: T): Promise<boolean> {
  try {
    await check(value);
    return false;
  } catch {
    return true;
  }
}

/**
 * Shrinks a failing string further by deleting runs of lines, then runs of characters
 * (halving the run length each round), keeping a deletion whenever the check still fails.
 * fast-check's shrinking works on the generator's choices; a mutated 60 KB seed stays big.
 */
export async function reduceText(text: string, check: (v: string) => void | Promise<void>, budgetMs = 60_000): Promise<string> {
  const deadline = Date.now() + budgetMs;
  let current = text;
  for (const unit of ['line', 'char'] as const) {
    let parts = unit === 'line' ? current.split(/(?<=\n|\r(?!\n))/) : [...current];
    for (let size = Math.max(1, parts.length >> 1); size >= 1 && Date.now() < deadline; size >>= 1) {
      for (let i = 0; i < parts.length && Date.now() < deadline; ) {
        const candidate = [...parts.slice(0, i), ...parts.slice(i + size)];
        if (await fails(check, candidate.join(''))) parts = candidate;
        else i += size;
      }
    }
    current = parts.join('');
    if (current.length > 5000) break;
  }
  return current;
}

function save(name: string, value: unknown, details: { seed: number; path: string | null; error: string }): string {
  mkdirSync(REGRESSIONS, { recursive: true });
  const body = JSON.stringify(value);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const file = join(REGRESSIONS, `${name}-${hash}.json`);
  const record = { property: name, found: new Date().toISOString().slice(0, 10), seed: details.seed, path: details.path, error: details.error.slice(0, 2000), value };
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}

function stats(line: Record<string, unknown>): void {
  if (env.FUZZ_STATS) appendFileSync(env.FUZZ_STATS, `${JSON.stringify(line)}\n`);
}

const firstLine = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).split('\n').slice(0, 12).join('\n');

/** Declares a property: its saved regressions, then generated inputs. */
export function fuzzProperty<T>(p: FuzzProperty<T>): void {
  const only = env.FUZZ_ONLY ? env.FUZZ_ONLY.split(',').filter(Boolean) : [];
  const selected = only.length === 0 || only.some((o) => p.name.includes(o));
  const runs = LONG ? Math.max(1, Math.ceil(Number(env.FUZZ_RUNS) / (p.cost ?? 1))) : p.runs;
  const seed = env.FUZZ_SEED ? Number(env.FUZZ_SEED) : LONG ? Math.floor(Math.random() * 2 ** 31) : SHORT_SEED;
  const timeout = LONG ? 24 * 3600_000 : (p.timeout ?? 30_000);

  describe(p.name, () => {
    for (const r of regressionsOf(p.name)) {
      const replay = async () => {
        await p.check(r.value as T);
      };
      if (r.known) it.fails(`regression ${r.file} (known failure: ${r.known})`, replay, timeout);
      else it(`regression ${r.file}`, replay, timeout);
    }

    it.skipIf(!selected)(`${runs} generated inputs (seed ${seed})`, async () => {
      const started = Date.now();
      const result = await fc.check(
        fc.asyncProperty(p.arbitrary, async (v) => {
          await p.check(v);
        }),
        { numRuns: runs, seed },
      );
      const line = { property: p.name, runs: result.numRuns, seed: result.seed, failed: result.failed, ms: Date.now() - started };
      if (!result.failed) {
        stats(line);
        return;
      }
      let value = result.counterexample?.[0] as unknown;
      let error = firstLine(result.errorInstance);
      if (typeof value === 'string' && value.length > 2000 && p.reduce !== false) {
        value = await reduceText(value, p.check as (v: string) => void | Promise<void>);
        try {
          await p.check(value as T);
        } catch (e) {
          error = firstLine(e);
        }
      }
      const file = env.FUZZ_SAVE === '1' ? save(p.name, value, { seed: result.seed, path: result.counterexamplePath, error }) : undefined;
      stats({ ...line, shrinks: result.numShrinks, saved: file, error });
      const shown = JSON.stringify(value);
      throw new Error(
        `${p.name} failed after ${result.numRuns} inputs (seed ${result.seed}, path ${result.counterexamplePath}, ${result.numShrinks} shrinks)\n` +
          `${error}\ncounterexample: ${shown.length > 3000 ? `${shown.slice(0, 3000)}…` : shown}` +
          (file ? `\nsaved: ${file}` : '\n(run `npm run fuzz -- --only ' + p.name + ` --seed ${result.seed}\` to save it as a regression)`),
      );
    }, timeout);
  });
}
