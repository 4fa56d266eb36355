/**
 * `referat lint [files|folders|globs…]`: lints, optionally fixes, and reports in the
 * chosen format. Exit 0 clean, 1 on lint errors (or warnings over --max-warnings),
 * 2 on a usage, configuration or I/O problem (thrown as CliError).
 */
import { Command, Option } from 'commander';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
// Declaring the command loads none of the engine: `referat --version` and `--help` start fast.
import type { ConfigFileSystem } from '../../config/discover.js';
import type { ResolvedConfig } from '../../config/resolve.js';
import type { analyze, Finding } from '../../engine.js';
import type { Lang } from '../../i18n.js';
import type { MeetingSummary } from '../../rules/types.js';
import { CliError, errorCode, expandInputs, readText, readTexts, writeAtomic, yieldToEvents } from '../files.js';
import { FORMAT_NAMES, type FileResult, type Formatter } from '../formatters/types.js';
import type { CliContext } from '../context.js';

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

export const nodeConfigFs: ConfigFileSystem = {
  readFile(p) {
    try {
      return readFileSync(p, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw new CliError(`${p}: ${errorCode(e)}`);
    }
  },
};


interface Analysed {
  file: string;
  text: string;
  config: ResolvedConfig;
  analysis: ReturnType<typeof analyze>;
  summary: MeetingSummary;
}

function summaryOf(file: string, a: ReturnType<typeof analyze>): MeetingSummary {
  const m = a.meeting;
  return {
    uri: pathToFileURL(file).href,
    committee: m.committee,
    date: m.date ? { year: m.date.year, month: m.date.month, day: m.date.day } : m.titleDate ? { year: m.titleDate.year, month: m.titleDate.month, day: m.titleDate.day } : undefined,
    itemNumbers: m.items.map((i) => i.numeric).filter((n): n is number => n !== undefined),
  };
}

const norm = (s?: string) => (s ?? '').trim().toLowerCase();

/** Where a lint runs: the user's folder and language (what a worker thread needs of the CLI context). */
export interface LintEnv {
  readonly cwd: string;
  readonly lang: Lang;
}

/**
 * The configuration finder of a lint run, and a guard that turns a configuration error
 * (a broken `.referatrc.json`, an unknown profile) into the CLI's one-line error.
 */
async function configOf(opts: LintCliOptions, env: LintEnv) {
  const [{ ConfigFinder }, { ConfigError }] = await Promise.all([import('../../config/discover.js'), import('../../config/resolve.js')]);
  const guard = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ConfigError) throw new CliError(e.message.split('\n')[0]!);
      throw e;
    }
  };
  const finder = guard(() => new ConfigFinder(nodeConfigFs, { profile: opts.profile, lang: env.lang }, opts.config ? path.resolve(env.cwd, opts.config) : undefined));
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
  const [{ finder, guard: wrapConfig }, { analyze, fixAll, lintAnalyzed }] = await Promise.all([config ?? configOf(opts, env), import('../../engine.js')]);
  const texts = await readTexts(groups.flat(), lang);
  const results: FileResult[] = [];
  for (const group of groups) {
    const analysed: Analysed[] = [];
    for (const file of group) {
      const text = texts.get(file) ?? readText(file, lang);
      const config = wrapConfig(() => finder.configFor(file).config);
      const analysis = analyze(text, config);
      analysed.push({ file, text, config: analysis.config, analysis, summary: summaryOf(file, analysis) });
      await yieldToEvents();
    }
    for (const a of analysed) {
      // Between two files (never inside a write) Ctrl-C and SIGTERM are handled.
      await yieldToEvents();
      const siblings = analysed.filter((b) => b !== a && norm(b.summary.committee) === norm(a.summary.committee)).map((b) => b.summary);
      const uri = pathToFileURL(a.file).href;
      let findings: Finding[];
      let fixed = 0;
      if (opts.fix) {
        const r = fixAll(a.text, { config: a.config, uri, siblings });
        findings = r.result.findings;
        fixed = r.applied;
        if (r.text !== a.text) {
          try {
            writeAtomic(a.file, r.text);
          } catch (e) {
            throw new CliError(`${a.file}: ${lang === 'da' ? 'kan ikke skrive' : 'cannot write'} (${errorCode(e)})`);
          }
        }
      } else {
        findings = lintAnalyzed(a.text, a.analysis.parse, a.analysis.meeting, a.config, { uri, siblings }).findings;
      }
      if (opts.quiet) findings = findings.filter((f) => f.severity === 'error');
      results.push({ filePath: a.file, displayPath: path.relative(env.cwd, a.file) || a.file, findings, fixed });
      onFile?.(a.file);
    }
    // The texts of a finished folder are not needed again.
    for (const f of group) texts.delete(f);
  }
  return results;
}

export async function runLint(inputs: readonly string[], opts: LintCliOptions, ctx: CliContext): Promise<number> {
  const lang: Lang = ctx.lang;
  const env: LintEnv = { cwd: ctx.cwd, lang };
  const [{ formatters }, { lintInWorkers, workerCount }] = await Promise.all([import('../formatters/index.js'), import('../lint-workers.js')]);
  const formatter = (formatters as Readonly<Record<string, Formatter | undefined>>)[opts.format];
  if (!formatter) throw new CliError(`--format ${opts.format}: ${lang === 'da' ? 'ukendt format; vælg' : 'unknown format; choose'} ${FORMAT_NAMES.join(', ')}`);
  const files = await expandInputs(inputs.length ? inputs : ['.'], ctx.cwd, lang);
  // The configuration is read once, up front, so that a broken one is one line whoever reads it.
  const config = await configOf(opts, env);

  // Files of one folder are analysed together (siblings for the cross-file numbering check).
  const byDir = new Map<string, string[]>();
  for (const f of files) {
    const d = path.dirname(f);
    const list = byDir.get(d) ?? [];
    list.push(f);
    byDir.set(d, list);
  }
  const groups = [...byDir.values()];
  const progress = ctx.stderr.isTTY === true && !ctx.ci && files.length > 20;
  let done = 0;
  const onFile = (file: string) => {
    done++;
    if (progress) ctx.stderr.write(`\r\x1b[K${done}/${files.length} ${path.relative(ctx.cwd, file)}`);
  };
  const workers = workerCount(opts, groups);
  const results = workers > 1 ? await lintInWorkers(groups, workers, opts, env, onFile) : await lintGroups(groups, opts, env, onFile, config);
  if (progress) ctx.stderr.write('\r\x1b[K');
  results.sort((x, y) => x.filePath.localeCompare(y.filePath));

  ctx.stdout.write(
    formatter(results, {
      lang,
      cwd: ctx.cwd,
      color: ctx.stdout.isTTY === true && !process.env.NO_COLOR && opts.format === 'stylish',
      version: ctx.version,
      docsBase: ctx.docsBase,
    }),
  );
  // A file that is not text is not minutes: its one finding is reported, and the run ends with exit 2.
  const notText = results.filter((r) => r.findings.some((f) => f.ruleId === 'syntax' && f.messageId === 'not-text'));
  if (notText.length > 0) {
    const first = notText[0]!;
    ctx.stderr.write(
      lang === 'da'
        ? `referat: ${first.displayPath}: ikke en tekstfil${notText.length > 1 ? ` (og ${notText.length - 1} til)` : ''}\n`
        : `referat: ${first.displayPath}: not a text file${notText.length > 1 ? ` (and ${notText.length - 1} more)` : ''}\n`,
    );
    return 2;
  }
  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  if (errors > 0) return 1;
  if (opts.maxWarnings !== undefined && opts.maxWarnings >= 0 && warnings > opts.maxWarnings) {
    ctx.stderr.write(
      lang === 'da'
        ? `referat: ${warnings} advarsler er flere end --max-warnings ${opts.maxWarnings}\n`
        : `referat: ${warnings} warnings exceed --max-warnings ${opts.maxWarnings}\n`,
    );
    return 1;
  }
  return 0;
}

export function lintCommand(ctx: CliContext, setExit: (code: number) => void): Command {
  return new Command('lint')
    .description(ctx.lang === 'da' ? 'Tjek referater (filer, mapper eller mønstre)' : 'Check referater (files, folders or globs)')
    .argument('[inputs...]', ctx.lang === 'da' ? 'filer, mapper eller glob-mønstre (standard: denne mappe)' : 'files, folders or glob patterns (default: this folder)')
    .addOption(new Option('-f, --format <format>', ctx.lang === 'da' ? 'outputformat' : 'output format').choices([...FORMAT_NAMES]).default('stylish'))
    .option('-c, --config <file>', ctx.lang === 'da' ? 'brug denne konfigurationsfil i stedet for den nærmeste .referatrc.json' : 'use this configuration file instead of the nearest .referatrc.json')
    .option('--max-warnings <n>', ctx.lang === 'da' ? 'fejl (exit 1) ved flere advarsler end n' : 'fail (exit 1) on more than n warnings', (v) => {
      if (!/^-?\d+$/.test(v)) throw new CliError(`--max-warnings ${v}: ${ctx.lang === 'da' ? 'skal være et heltal' : 'must be a whole number'}`);
      return Number(v);
    })
    .option('--fix', ctx.lang === 'da' ? 'ret alt, der kan rettes sikkert, og skriv filerne' : 'apply every safe fix and write the files')
    .option('-q, --quiet', ctx.lang === 'da' ? 'vis kun fejl' : 'report errors only')
    .option('--lang <lang>', ctx.lang === 'da' ? 'sprog for meddelelser: da eller en' : 'language of messages: da or en')
    .option('--profile <name>', ctx.lang === 'da' ? 'husstil (profil), fx randers eller sonderborg' : 'house-style profile, e.g. randers or sonderborg')
    .option(
      '--concurrency <n>',
      ctx.lang === 'da'
        ? 'tråde til et arkiv: et tal, auto (standard: tråde fra 4 kerner) eller off'
        : 'threads for an archive: a number, auto (the default: threads from 4 cores up) or off',
      (v) => {
        if (!/^(?:auto|off|[1-9]\d{0,2})$/.test(v)) throw new CliError(`--concurrency ${v}: ${ctx.lang === 'da' ? 'skal være et tal, auto eller off' : 'must be a number, auto or off'}`);
        return v;
      },
    )
    .action(async (inputs: string[], o: { format: string; config?: string; maxWarnings?: number; fix?: boolean; quiet?: boolean; profile?: string; concurrency?: string }) => {
      setExit(await runLint(inputs, o, ctx));
    });
}
