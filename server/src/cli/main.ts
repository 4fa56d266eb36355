/**
 * The `referat` command. The only code that knows process.argv, the terminal and exit
 * codes; every command lives in commands/. Errors reach the user as one line and exit 2,
 * never as a stack trace.
 */
import { Command, CommanderError, Help } from 'commander';
import path from 'node:path';
import { langFromLocale, type Lang } from '../i18n.js';
import { exportCommand } from './commands/export.js';
import { lintCommand } from './commands/lint.js';
import { importCommand } from './commands/import.js';
import { lspCommand } from './commands/lsp.js';
import { publishCommand } from './commands/publish.js';
import { profileCommand } from './commands/profile.js';
import type { CliContext } from './context.js';
import { CliError, cleanUpOnSignals } from './files.js';
import { DOCS_BASE, loadConfiguration, type ConfigFinder } from '../service/tasks.js';
import { nodeConfigFs } from './lint-run.js';
import { runLintWorkerIfAny } from './lint-workers.js';
import { isMainThread } from 'node:worker_threads';

declare const REFERAT_VERSION: string | undefined;

/** Commander's own words in help (titles, the help and version options, choices and defaults), in the user's language. */
const HELP_TITLES: Record<string, string> = { 'Usage:': 'Brug:', 'Options:': 'Tilvalg:', 'Arguments:': 'Argumenter:', 'Commands:': 'Kommandoer:', 'Global Options:': 'Fælles tilvalg:' };
function localiseHelp(cmd: Command, lang: Lang): Command {
  cmd.helpOption('-h, --help', lang === 'da' ? 'vis hjælp til kommandoen' : 'display help for command');
  if (lang === 'da') {
    cmd.configureHelp({
      styleTitle: (s) => HELP_TITLES[s] ?? s,
      optionDescription(option) {
        return Help.prototype.optionDescription.call(this, option).replace(/\(choices: /g, '(valg: ').replace(/([(,] )?default: /g, (_m, p: string | undefined) => `${p ?? ''}standard: `);
      },
      subcommandTerm: (sub) => Help.prototype.subcommandTerm.call(new Help(), sub).replace(/\[options\]/g, '[tilvalg]'),
      commandUsage: (c) => Help.prototype.commandUsage.call(new Help(), c).replace(/\[options\]/g, '[tilvalg]').replace(/\[command\]/g, '[kommando]'),
    });
  }
  for (const sub of cmd.commands) localiseHelp(sub as Command, lang);
  return cmd;
}

/** --lang wins; else the locale (LC_ALL, LC_MESSAGES, LANG); else English. */
function pickLang(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  if (v === 'da' || v === 'en') return v;
  return langFromLocale(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
}

export async function main(argv: readonly string[] = process.argv): Promise<number> {
  const lang = pickLang(argv);
  const ctx: CliContext = {
    cwd: process.cwd(),
    lang,
    stdout: process.stdout,
    stderr: process.stderr,
    ci: !!process.env.CI,
    version: typeof REFERAT_VERSION === 'string' ? REFERAT_VERSION : '0.0.0-dev',
    docsBase: DOCS_BASE,
  };
  let exitCode = 0;
  const setExit = (c: number) => {
    exitCode = c;
  };
  const program = new Command('referat')
    .description(lang === 'da' ? 'Værktøjer til kommunale referater: tjek, eksport, udgivelse, import, husstilsprofiler og sprogserver' : 'Tools for municipal minutes: lint, export, publish, import, house-style profiles and a language server')
    .version(ctx.version, '-v, --version', lang === 'da' ? 'vis versionsnummeret' : 'output the version number')
    .helpCommand(lang === 'da' ? 'help [kommando]' : 'help [command]', lang === 'da' ? 'vis hjælp til en kommando' : 'display help for command')
    .option('--lang <lang>', lang === 'da' ? 'sprog for meddelelser: da eller en' : 'language of messages: da or en')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: () => undefined,
    })
    .showHelpAfterError(false);
  const quiet = (c: Command) => c.exitOverride().configureOutput({ writeOut: (t) => process.stdout.write(t), writeErr: () => undefined });
  // Every command but the language server (whose client ends it) removes its temporary
  // files and says so in one line when interrupted.
  program.hook('preAction', (_program, command) => {
    if (command.name() !== 'lsp') cleanUpOnSignals(process.stderr, lang);
  });
  program.addCommand(quiet(lintCommand(ctx, setExit)));
  let cachedFinder: ConfigFinder | undefined;
  const configFor = async (file: string) => {
    // Configuration code (and its schema library) loads when a file is exported, not at start-up.
    const { ConfigFinder, ConfigError, defaultConfig } = await loadConfiguration();
    try {
      cachedFinder ??= new ConfigFinder(nodeConfigFs, { lang });
      return (await cachedFinder.configFor(path.resolve(file))).config;
    } catch (e) {
      if (e instanceof ConfigError) throw new CliError(e.in(lang));
      return defaultConfig;
    }
  };
  program.addCommand(quiet(exportCommand({ configFor, exit: setExit, lang })));
  program.addCommand(quiet(publishCommand({ configFor, exit: setExit, lang })));
  program.addCommand(quiet(importCommand(ctx, setExit)));
  program.addCommand(quiet(profileCommand(ctx, setExit)));
  program.addCommand(quiet(lspCommand(ctx)));
  localiseHelp(program, lang);
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      const msg = e.message.replace(/^error: /, '').split('\n')[0];
      process.stderr.write(`referat: ${msg}\n`);
      return 2;
    }
    if (e instanceof CliError) {
      process.stderr.write(`referat: ${e.message}\n`);
      return e.exitCode;
    }
    const err = e as NodeJS.ErrnoException;
    process.stderr.write(`referat: ${err?.code ? `${err.code}: ` : ''}${(err?.message ?? String(e)).split('\n')[0]}\n`);
    return 2;
  }
}

/** Runs the command on process.argv and sets the exit code (the launcher, dist/cli.js, calls this). */
export function run(): void {
  // `referat lint | head`: a reader that stops early is not an error, and never a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
      throw e;
    });
  }
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`referat: ${String(e).split('\n')[0]}\n`);
      process.exitCode = 2;
    },
  );
}

// In a lint worker thread (this bundle is its script too) the thread does its share and no more.
runLintWorkerIfAny();
if (require.main === module && isMainThread) run();
