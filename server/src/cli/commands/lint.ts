/**
 * `referat lint [files|folders|globs…]`: lints, optionally fixes, and reports in the
 * chosen format. Exit 0 clean, 1 on lint errors (or warnings over --max-warnings),
 * 2 on a usage, configuration or I/O problem (thrown as CliError).
 */
import { Command, Option } from 'commander';
import path from 'node:path';
// Declaring the command loads none of the engine: `referat --version` and `--help` start fast.
import type { Lang } from '../../i18n.js';
import { loadRuleMetadata } from '../../service/tasks.js';
import { CliError, expandInputs } from '../files.js';
import { FORMAT_NAMES, type Formatter } from '../formatters/types.js';
import type { CliContext } from '../context.js';
import type { LintCliOptions, LintEnv } from '../lint-run.js';

export type { LintCliOptions, LintEnv } from '../lint-run.js';

export async function runLint(inputs: readonly string[], opts: LintCliOptions, ctx: CliContext): Promise<number> {
  const lang: Lang = ctx.lang;
  const env: LintEnv = { cwd: ctx.cwd, lang };
  const [{ formatters }, { lintInWorkers, workerCount }, { configOf, lintGroups }, { ruleMetadata }] = await Promise.all([
    import('../formatters/index.js'),
    import('../lint-workers.js'),
    import('../lint-run.js'),
    loadRuleMetadata(),
  ]);
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
      rules: ruleMetadata,
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
    .option('--profile <name|file>', ctx.lang === 'da' ? 'husstil (profil), fx randers eller sonderborg, eller en profilfil, fx ./min-profil.json' : 'house-style profile, e.g. randers or sonderborg, or a profile file, e.g. ./my-profile.json')
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
