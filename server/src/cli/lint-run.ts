/**
 * The core of a lint run, shared by `referat lint` and its worker threads: read, analyse,
 * lint (and with `--fix` fix) groups of files, each group one folder whose meetings are
 * siblings for the cross-file numbering check.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
// Declaring the command loads none of the engine: `referat --version` and `--help` start fast.
import type { Lang } from '../i18n.js';
import { loadConfiguration, loadLinter, type AnalysedFile, type ConfigFileSystem } from '../service/tasks.js';
import { CliError, errorCode, readText, readTexts, writeAtomic, yieldToEvents } from './files.js';
import type { FileResult } from './formatters/types.js';

export interface LintCliOptions {
  readonly format: string;
  readonly config?: string;
  readonly maxWarnings?: number;
  readonly fix?: boolean;
  readonly quiet?: boolean;
  readonly profile?: string;
  /** Worker threads: a number, `auto` (the default: threads on machines with 4 cores or more) or `off`. */
  readonly concurrency?: string;
}

/** The file system the configuration walk reads (the language service gives it its workspace). */
export const nodeConfigFs: ConfigFileSystem = {
  async readFile(p) {
    try {
      return await readFile(p, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw new CliError(`${p}: ${errorCode(e)}`);
    }
  },
};

/** Where a lint runs: the user's folder and language (what a worker thread needs of the CLI context). */
export interface LintEnv {
  readonly cwd: string;
  readonly lang: Lang;
}

/** A guard that turns a configuration error (a broken `.referatrc.json`, an unknown profile) into the CLI's one-line error, in the CLI's language. */
export async function configGuard(lang: Lang = 'en'): Promise<<T>(fn: () => T | Promise<T>) => Promise<T>> {
  const { ConfigError } = await loadConfiguration();
  return async (fn) => {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof ConfigError) throw new CliError(e.in(lang).split('\n')[0]!);
      throw e;
    }
  };
}

/** `--profile NAME`, or `--profile ./file.json` (a path: resolved against the working folder). */
export async function profileOption(profile: string | undefined, cwd: string): Promise<{ profile?: string; profileFile?: string }> {
  if (profile === undefined) return {};
  const { isProfilePath } = await loadConfiguration();
  return isProfilePath(profile) ? { profileFile: path.resolve(cwd, profile) } : { profile };
}

/**
 * The configuration finder of a lint run, and a guard that turns a configuration error
 * (a broken `.referatrc.json`, an unknown profile) into the CLI's one-line error.
 */
export async function configOf(opts: LintCliOptions, env: LintEnv) {
  const { ConfigFinder } = await loadConfiguration();
  const guard = await configGuard(env.lang);
  const explicitFile = opts.config ? path.resolve(env.cwd, opts.config) : undefined;
  const { profile, profileFile } = await profileOption(opts.profile, env.cwd);
  const finder = new ConfigFinder(nodeConfigFs, { profile, lang: env.lang }, { explicitFile, profileFile });
  // An explicit file (or profile file) is read now, so that a broken one is one line before any file is read.
  if (explicitFile || profileFile) await guard(() => finder.configFor(path.join(env.cwd, '-')));
  return { finder, guard };
}

/**
 * Lints groups of files (each group one folder: its meetings are siblings for the cross-file
 * numbering check), fixing them with `--fix`. Reads, analyses and reports each file once.
 * Runs in the main thread or in a worker (lint-workers.ts); throws CliError for the user.
 */
export async function lintGroups(
  groups: readonly (readonly string[])[],
  opts: LintCliOptions,
  env: LintEnv,
  onFile?: (file: string) => void,
  /** The run's configuration, when the caller has read it already. */
  config?: Awaited<ReturnType<typeof configOf>>,
): Promise<FileResult[]> {
  const { lang } = env;
  const [{ finder, guard: wrapConfig }, { analyseFile, lintFile }] = await Promise.all([config ?? configOf(opts, env), loadLinter()]);
  const texts = await readTexts(groups.flat(), lang);
  const results: FileResult[] = [];
  for (const group of groups) {
    const analysed: (AnalysedFile & { file: string })[] = [];
    for (const file of group) {
      const text = texts.get(file) ?? readText(file, lang);
      const config = (await wrapConfig(() => finder.configFor(file))).config;
      analysed.push({ ...analyseFile(pathToFileURL(file).href, text, config), file });
      await yieldToEvents();
    }
    for (const a of analysed) {
      // Between two files (never inside a write) Ctrl-C and SIGTERM are handled.
      await yieldToEvents();
      const linted = lintFile(a, analysed, opts.fix);
      if (linted.text !== a.text) {
        try {
          writeAtomic(a.file, linted.text);
        } catch (e) {
          throw new CliError(`${a.file}: ${lang === 'da' ? 'kan ikke skrive' : 'cannot write'} (${errorCode(e)})`);
        }
      }
      const findings = opts.quiet ? linted.findings.filter((f) => f.severity === 'error') : linted.findings;
      results.push({ filePath: a.file, displayPath: path.relative(env.cwd, a.file) || a.file, findings, fixed: linted.fixed });
      onFile?.(a.file);
    }
    // The texts of a finished folder are not needed again.
    for (const f of group) texts.delete(f);
  }
  return results;
}

