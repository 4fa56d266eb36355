/**
 * `referat publish <files|folders|globs…> -o <dir> [--base-url URL] [--edition public|internal]`:
 * the minutes → a static site with search, an Atom feed, OParl 1.1 and Akoma Ntoso 3.0
 * (server/src/publish/). Inputs are expanded as lint expands them (folders, globs); a file
 * that cannot be read, a bad glob, binary data or a text with no meeting stops the run with
 * one line and exit 2, before anything is written. A CPR number in published text stops the
 * public edition as it stops `referat export` (one line per place, exit 1, nothing written).
 * Files are written atomically; the files an earlier run wrote and this one does not are
 * removed (the list is kept in `<dir>/.referat-publish.json`), so no stale page stays online.
 */
import { Command, Option } from 'commander';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { EDITIONS, isBinaryText, loadExporter, loadPublisher, type Edition, type ResolvedConfig } from '../../service/tasks.js';
import { langFromLocale, type Lang } from '../../i18n.js';
import { CliError, expandInputs, writeAtomic, yieldToEvents } from '../files.js';
import { errorText, findFontsDir, loadFonts, type CliIo } from './export.js';

export interface PublishCliOptions {
  readonly output: string;
  readonly baseUrl?: string;
  readonly edition?: Edition;
  readonly allowCpr?: boolean;
  readonly lang?: Lang;
  readonly cwd?: string;
  readonly configFor?: (file: string) => ResolvedConfig | Promise<ResolvedConfig>;
  /** Fixed creation date for the PDFs (tests). */
  readonly creationDate?: Date;
}

const MSG = {
  noFiles: { da: 'ingen filer angivet', en: 'no files given' },
  badUrl: { da: '--base-url {url} er ikke en absolut http- eller https-adresse', en: '--base-url {url} is not an absolute http or https URL' },
  outNotDir: { da: '-o {dir} er ikke en mappe', en: '-o {dir} is not a folder' },
  read: { da: 'kan ikke læse {file}: {error}', en: 'cannot read {file}: {error}' },
  notText: { da: '{file} er ikke en tekstfil (binære data), ikke et referat', en: '{file} is not a text file (binary data), not minutes' },
  noMeeting: { da: '{file} indeholder intet møde (ingen titel og intet punkt)', en: '{file} holds no meeting (no title and no item)' },
  failed: { da: '{file}: {error}', en: '{file}: {error}' },
  write: { da: 'kan ikke skrive {file}: {error}', en: 'cannot write {file}: {error}' },
  fonts: { da: 'skrifttyperne til PDF blev ikke fundet (fonts/DejaVuSans.ttf i pakken)', en: 'the PDF fonts were not found (fonts/DejaVuSans.ttf in the package)' },
  refused: {
    da: 'siden er ikke skrevet: CPR-numre i tekst, der offentliggøres, i {count} fil(er)',
    en: 'the site is not written: CPR numbers in published text in {count} file(s)',
  },
  done: { da: '{meetings} skrevet i {dir} ({files} filer)', en: '{meetings} written to {dir} ({files} files)' },
} as const;

const MANIFEST = '.referat-publish.json';

function fmt(lang: Lang, m: { da: string; en: string }, data: Record<string, string | number> = {}): string {
  return `referat publish: ${m[lang].replace(/\{(\w+)\}/g, (w, k: string) => (k in data ? String(data[k]) : w))}`;
}

/** Runs the publication; returns the exit code (0 written, 1 refused for CPR numbers, 2 usage or I/O error). */
export async function runPublish(inputs: readonly string[], options: PublishCliOptions, io: CliIo = process): Promise<number> {
  const lang = options.lang ?? langFromLocale(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
  const fail = (m: { da: string; en: string }, data?: Record<string, string | number>) => {
    io.stderr.write(fmt(lang, m, data) + '\n');
    return 2;
  };
  if (inputs.length === 0) return fail(MSG.noFiles);
  const { normaliseBaseUrl, buildSite, corpusBuilder, DEFAULT_BASE_URL } = await loadPublisher();
  const baseUrl = normaliseBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  if (!baseUrl) return fail(MSG.badUrl, { url: options.baseUrl ?? '' });
  const outDir = path.resolve(options.cwd ?? process.cwd(), options.output);
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) return fail(MSG.outNotDir, { dir: options.output });
  const edition = options.edition ?? 'public';

  let files: string[];
  try {
    files = await expandInputs(inputs, options.cwd ?? process.cwd(), lang);
  } catch (e) {
    if (e instanceof CliError) return fail({ da: e.message, en: e.message });
    throw e;
  }
  const fonts = loadFonts(findFontsDir());
  if (!fonts) return fail(MSG.fonts);

  const { analyzeForExport, cprBlockers, cprPlaceLine, defaultConfig, holdsMeeting } = await loadExporter();
  // Each meeting goes into the archive as it is read; its syntax tree is not kept.
  const corpus = corpusBuilder(edition);
  let refused = 0;
  for (const file of files) {
    const shown = path.relative(options.cwd ?? process.cwd(), file) || file;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      return fail(MSG.read, { file: shown, error: errorText(e) });
    }
    if (isBinaryText(text)) return fail(MSG.notText, { file: shown });
    try {
      const config = options.configFor ? await options.configFor(file) : defaultConfig;
      const analysis = analyzeForExport(text, config);
      if (!holdsMeeting(analysis)) return fail(MSG.noMeeting, { file: shown });
      if (!options.allowCpr) {
        const blockers = cprBlockers(text, edition, config, analysis);
        for (const b of blockers) io.stderr.write(`referat publish: ${cprPlaceLine(shown, b, lang)}\n`);
        if (blockers.length) refused++;
      }
      corpus.add({ file, meeting: analysis.meeting, profile: analysis.config.profile, modified: statSync(file).mtime.toISOString() });
    } catch (e) {
      if (e instanceof CliError) return fail({ da: e.message, en: e.message });
      const localized = (e as { localized?: Record<Lang, string> })?.localized;
      return fail(MSG.failed, { file: shown, error: localized ? localized[lang] : errorText(e) });
    }
    await yieldToEvents();
  }
  // A site missing a meeting is not what was asked for: nothing is written while one file is refused.
  if (refused > 0) {
    io.stderr.write(fmt(lang, MSG.refused, { count: refused }) + '\n');
    return 1;
  }

  const site = await buildSite(corpus.finish(), { baseUrl, fonts, creationDate: options.creationDate });
  const previous = readManifest(outDir);
  let current = options.output;
  try {
    let done = 0;
    const progress = !!io.stderr.isTTY;
    for (const [rel, file] of site.files) {
      const target = path.join(outDir, ...rel.split('/'));
      current = path.join(options.output, ...rel.split('/'));
      mkdirSync(path.dirname(target), { recursive: true });
      writeAtomic(target, typeof file === 'function' ? await file() : file);
      if (progress && ++done % 25 === 0) io.stderr.write(`\r\x1b[K${done}/${site.files.size}`);
      if (typeof file === 'function') await yieldToEvents();
    }
    if (progress) io.stderr.write('\r\x1b[K');
    for (const rel of previous) {
      if (site.files.has(rel)) continue;
      const target = path.resolve(outDir, ...rel.split('/'));
      // Only files inside the folder, as this command wrote them.
      if (target.startsWith(outDir + path.sep)) rmSync(target, { force: true });
    }
    writeAtomic(path.join(outDir, MANIFEST), JSON.stringify({ generator: 'referat publish', edition, files: [...site.files.keys()].sort() }, null, 1) + '\n');
  } catch (e) {
    const localized = (e as { localized?: Record<Lang, string> })?.localized;
    return fail(MSG.write, { file: current, error: localized ? localized[lang] : errorText(e) });
  }
  const n = site.corpus.meetings.length;
  const meetings = lang === 'da' ? `${n} ${n === 1 ? 'møde' : 'møder'}` : `${n} ${n === 1 ? 'meeting' : 'meetings'}`;
  io.stderr.write(fmt(lang, MSG.done, { meetings, files: site.files.size + 1, dir: options.output }) + '\n');
  return 0;
}

function readManifest(dir: string): string[] {
  try {
    const data = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8')) as { files?: unknown };
    return Array.isArray(data.files) ? data.files.filter((f): f is string => typeof f === 'string' && !f.includes('..')) : [];
  } catch {
    return [];
  }
}

/** The commander sub-command; main.ts registers it. */
export function publishCommand(hooks: { configFor?: PublishCliOptions['configFor']; exit?: (code: number) => void; lang?: Lang } = {}): Command {
  const t = (da: string, en: string) => (hooks.lang === 'da' ? da : en);
  return new Command('publish')
    .description(
      t(
        'Udgiv referater som et statisk websted med søgning, Atom-feed og åbne data (OParl 1.1, Akoma Ntoso 3.0)',
        'Publish referater as a static website with search, an Atom feed and open data (OParl 1.1, Akoma Ntoso 3.0)',
      ),
    )
    .requiredOption('-o, --output <dir>', t('mappen, som webstedet skrives i', 'the folder to write the site to'))
    .option('--base-url <url>', t('den adresse, webstedet udgives på (til OParl og feedet)', 'the URL the site is served from (for OParl and the feed)'), 'http://localhost:8000/')
    .addOption(
      new Option('-e, --edition <edition>', t('public: lukkede punkter og kommentarer udeladt (standard); internal: det hele, mærket intern', 'public: closed items and comments left out (default); internal: everything, marked internal'))
        .choices([...EDITIONS])
        .default('public'),
    )
    .option('--allow-cpr', t('udgiv, selv med et CPR-nummer i den offentliggjorte tekst', 'publish even with a CPR number in published text'))
    .option('--lang <lang>', t('sprog for meddelelser: da eller en', 'language of messages: da or en'))
    .argument('<files...>', t('.referat-filer, mapper eller mønstre', '.referat files, folders or patterns'))
    .action(async (files: string[], opts: { output: string; baseUrl?: string; edition: Edition; allowCpr?: boolean; lang?: string }) => {
      const code = await runPublish(files, {
        output: opts.output,
        baseUrl: opts.baseUrl,
        edition: opts.edition,
        allowCpr: !!opts.allowCpr,
        lang: opts.lang === 'da' || opts.lang === 'en' ? opts.lang : hooks.lang,
        configFor: hooks.configFor,
      });
      if (hooks.exit) hooks.exit(code);
      else process.exitCode = code;
    });
}
