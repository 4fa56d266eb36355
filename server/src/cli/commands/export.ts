/**
 * `referat export --format pdf|html|docx|text|json [--edition public|internal] [-o FILE|-] FILE…`
 *
 * Default output: beside each input with the format's extension (`møde.referat` → `møde.pdf`).
 * `-o -` writes to standard output (one input only); `-o DIR/` (an existing folder) writes
 * every output into that folder. Progress goes to stderr when it is a terminal.
 * Exit codes: 0 written; 2 on a usage or I/O error (one line on stderr); an export that
 * fails is never silent and never leaves an empty file behind.
 */
import { Command, Option } from 'commander';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
// Only the light part of the façade at load time, so that `referat lint` does not load the renderers.
import { EDITIONS, EXPORT_FORMATS, EXTENSIONS, isBinaryText, loadExporter, type Edition, type ExportFormat, type PdfFonts, type ResolvedConfig } from '../../service/tasks.js';
import { langFromLocale, type Lang } from '../../i18n.js';
import { writeAtomic } from '../files.js';

export interface ExportCliOptions {
  readonly format: ExportFormat;
  readonly edition?: Edition;
  readonly output?: string;
  readonly lang?: Lang;
  /** PDF only: write PDF/A-1b. */
  readonly pdfa?: boolean;
  /** Write the public edition even when published text holds a CPR number. */
  readonly allowCpr?: boolean;
  /** The configuration to use for a file (house style); defaults to the built-in one. */
  readonly configFor?: (file: string) => ResolvedConfig | Promise<ResolvedConfig>;
}

export interface CliIo {
  readonly stdout: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean };
  readonly stderr: { write(chunk: string): unknown; isTTY?: boolean };
}

const MSG = {
  noFiles: { da: 'referat export: ingen filer angivet', en: 'referat export: no files given' },
  stdoutOne: {
    da: 'referat export: -o - (standardoutput) kan kun bruges med én fil',
    en: 'referat export: -o - (standard output) works with one file only',
  },
  outOne: {
    da: 'referat export: -o {file} kan kun bruges med én fil (angiv en eksisterende mappe for flere)',
    en: 'referat export: -o {file} works with one file only (give an existing folder for several)',
  },
  read: { da: 'referat export: kan ikke læse {file}: {error}', en: 'referat export: cannot read {file}: {error}' },
  write: { da: 'referat export: kan ikke skrive {file}: {error}', en: 'referat export: cannot write {file}: {error}' },
  failed: { da: 'referat export: {file}: {error}', en: 'referat export: {file}: {error}' },
  fonts: {
    da: 'referat export: skrifttyperne til PDF blev ikke fundet (fonts/DejaVuSans.ttf i pakken)',
    en: 'referat export: the PDF fonts were not found (fonts/DejaVuSans.ttf in the package)',
  },
  wrote: { da: '{done}/{total} skrev {file}', en: '{done}/{total} wrote {file}' },
  notText: { da: 'referat export: {file} er ikke en tekstfil (binære data), ikke et referat', en: 'referat export: {file} is not a text file (binary data), not minutes' },
  noMeeting: {
    da: 'referat export: {file} indeholder intet møde (ingen titel og intet punkt)',
    en: 'referat export: {file} holds no meeting (no title and no item)',
  },
} as const;

function fmt(lang: Lang, m: { da: string; en: string }, data: Record<string, string | number> = {}): string {
  return m[lang].replace(/\{(\w+)\}/g, (w, k: string) => (k in data ? String(data[k]) : w));
}

export function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err?.code ? `${err.code} ${err.message.replace(/^[A-Z]+: /, '')}` : e instanceof Error ? e.message : String(e);
}

/** Finds the package's fonts/ folder: beside dist/ in the bundle, or up from the sources in development. */
export function findFontsDir(): string | undefined {
  const starts = [
    typeof __dirname === 'string' ? __dirname : undefined,
    process.argv[1] ? path.dirname(path.resolve(process.argv[1])) : undefined,
    process.cwd(),
  ].filter((s): s is string => !!s);
  for (const start of starts) {
    let dir = start;
    for (let i = 0; i < 8; i++) {
      const candidate = path.join(dir, 'fonts');
      if (existsSync(path.join(candidate, 'DejaVuSans.ttf'))) return candidate;
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  return undefined;
}

export function loadFonts(dir = findFontsDir()): PdfFonts | undefined {
  if (!dir) return undefined;
  try {
    const optional = (name: string) => {
      const file = path.join(dir, name);
      return existsSync(file) ? readFileSync(file) : undefined;
    };
    return {
      regular: readFileSync(path.join(dir, 'DejaVuSans.ttf')),
      bold: readFileSync(path.join(dir, 'DejaVuSans-Bold.ttf')),
      italic: optional('DejaVuSans-Oblique.ttf'),
      icc: optional('sRGB_IEC61966_2_1.icc'),
    };
  } catch {
    return undefined;
  }
}

/** Where the export of `input` goes. */
export function outputPath(input: string, format: ExportFormat, output?: string): string {
  const ext = EXTENSIONS[format];
  const base = path.basename(input).replace(/\.referat$/i, '') + ext;
  if (output && output !== '-') {
    if (output.endsWith('/') || output.endsWith(path.sep) || (existsSync(output) && statSync(output).isDirectory())) {
      return path.join(output, base);
    }
    return output;
  }
  return path.join(path.dirname(input), base);
}

/** Writes atomically (temp file + rename, see files.ts), creating the folder if needed. */
function writeOutput(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(file);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  writeAtomic(file, data);
}

/**
 * Runs the export; returns the exit code: 0 all written, 1 a public edition refused because
 * published text holds a CPR number (the other files are still written), 2 a usage or I/O
 * error or a failed export (the run stops there).
 */
export async function runExport(files: readonly string[], options: ExportCliOptions, io: CliIo = process): Promise<number> {
  const lang = options.lang ?? langFromLocale(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
  const fail = (m: { da: string; en: string }, data?: Record<string, string | number>) => {
    io.stderr.write(fmt(lang, m, data) + '\n');
    return 2;
  };
  if (files.length === 0) return fail(MSG.noFiles);
  const toStdout = options.output === '-';
  if (toStdout && files.length > 1) return fail(MSG.stdoutOne);
  const outIsDir =
    !!options.output &&
    !toStdout &&
    (options.output.endsWith('/') || (existsSync(options.output) && statSync(options.output).isDirectory()));
  if (options.output && !toStdout && !outIsDir && files.length > 1) return fail(MSG.outOne, { file: options.output });

  let fonts: PdfFonts | undefined;
  if (options.format === 'pdf') {
    fonts = loadFonts();
    if (!fonts) return fail(MSG.fonts);
  }
  const progress = !toStdout && !!io.stderr.isTTY && files.length > 1;
  let done = 0;
  let refused = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      return fail(MSG.read, { file, error: errorText(e) });
    }
    // Binary data, or a text with no meeting in it (no title and no item), is not minutes: refuse it.
    if (isBinaryText(text)) return fail(MSG.notText, { file });
    let data: string | Uint8Array;
    try {
      // The engine and the renderers (pdfkit, docx load on first use) load only when something is exported.
      const { analyzeForExport, exportReferat, cprBlockers, cprPlaceLine, defaultConfig, holdsMeeting } = await loadExporter();
      const config = options.configFor ? await options.configFor(file) : defaultConfig;
      // Parsed once, for the CPR check and the export.
      const analysis = analyzeForExport(text, config);
      if (!holdsMeeting(analysis)) return fail(MSG.noMeeting, { file });
      if (!options.allowCpr) {
        const blockers = cprBlockers(text, options.edition ?? 'public', config, analysis);
        if (blockers.length > 0) {
          for (const b of blockers) io.stderr.write(`referat export: ${cprPlaceLine(file, b, lang)}\n`);
          refused++;
          continue;
        }
      }
      const result = await exportReferat(text, {
        format: options.format,
        edition: options.edition ?? 'public',
        config,
        fonts,
        pdfa: options.pdfa,
        analysis,
      });
      data = result.data;
    } catch (e) {
      const localized = (e as { localized?: Record<Lang, string> })?.localized;
      const error = localized ? localized[lang] : errorText(e);
      return fail(MSG.failed, { file, error });
    }
    if (toStdout) {
      io.stdout.write(data);
      continue;
    }
    const out = outputPath(file, options.format, options.output);
    try {
      writeOutput(out, data);
    } catch (e) {
      return fail(MSG.write, { file: out, error: errorText(e) });
    }
    done++;
    if (progress) io.stderr.write(`\r\x1b[K${fmt(lang, MSG.wrote, { done, total: files.length, file: out })}`);
    else if (!toStdout) io.stderr.write(fmt(lang, MSG.wrote, { done, total: files.length, file: out }) + '\n');
  }
  if (progress) io.stderr.write('\n');
  return refused > 0 ? 1 : 0;
}

/** The commander sub-command; main.ts registers it with `program.addCommand(exportCommand(...))`. */
export function exportCommand(hooks: { configFor?: ExportCliOptions['configFor']; exit?: (code: number) => void; lang?: Lang } = {}): Command {
  const t = (da: string, en: string) => (hooks.lang === 'da' ? da : en);
  return new Command('export')
    .description(t('Eksportér referater som PDF, HTML, Word, tekst eller portal-JSON', 'Export referater as PDF, HTML, Word, text or portal JSON'))
    .addOption(new Option('-f, --format <format>', t('outputformat', 'output format')).choices([...EXPORT_FORMATS]).makeOptionMandatory())
    .addOption(
      new Option('-e, --edition <edition>', t('public: lukkede punkter og kommentarer udeladt (standard); internal: det hele', 'public: closed items and comments left out (default); internal: everything'))
        .choices([...EDITIONS])
        .default('public'),
    )
    .option('-o, --output <file>', t('outputfil, mappe eller - for standardoutput', 'output file, folder, or - for standard output'))
    .option('--pdfa', t('PDF: skriv PDF/A-1b (arkivering)', 'PDF: write PDF/A-1b (archival)'))
    .option('--allow-cpr', t('skriv den offentlige udgave, selv med et CPR-nummer i den offentliggjorte tekst', 'write the public edition even with a CPR number in published text'))
    .option('--lang <lang>', t('sprog for meddelelser: da eller en', 'language of messages: da or en'))
    .argument('<files...>', t('.referat-filer', '.referat files'))
    .action(async (files: string[], opts: { format: ExportFormat; edition: Edition; output?: string; lang?: string; pdfa?: boolean; allowCpr?: boolean }) => {
      const code = await runExport(files, {
        format: opts.format,
        edition: opts.edition,
        output: opts.output,
        // main.ts reads --lang wherever it stands (the program's option takes it before this one sees it).
        lang: opts.lang === 'da' || opts.lang === 'en' ? opts.lang : hooks.lang,
        pdfa: !!opts.pdfa,
        allowCpr: !!opts.allowCpr,
        configFor: hooks.configFor,
      });
      if (hooks.exit) hooks.exit(code);
      else process.exitCode = code;
    });
}
