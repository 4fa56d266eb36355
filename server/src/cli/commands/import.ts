/**
 * `referat import FILE… [-o OUT|-] [--from auto|text|portal|html] [--config FILE] [--profile NAME|auto]`: published
 * minutes (a PDF, a Word document, text extracted from them, or the portal's record) →
 * `.referat` files. The format is told by the content (`import/document.ts`); `--from` chooses
 * between text and portal record for the rest. A folder imports every `.txt`, `.json`, `.pdf`
 * and `.docx` file in it, each beside its source.
 * Warnings go to standard error; files are written atomically; exit 2 on I/O errors.
 * Line endings and byte-order mark: those of the `.referat` file being replaced, else
 * those of the source (a CRLF text with a BOM gives a CRLF `.referat` with a BOM).
 */
import { Command, Option } from 'commander';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isBinaryText, loadImporter, type ImportFormat } from '../../service/tasks.js';
import type { CliContext } from '../context.js';
import { localize } from '../../i18n.js';
import { CliError, errorCode, textStyle, withTextStyle, writeAtomic, yieldToEvents } from '../files.js';
import { importStyler } from '../import-profile.js';

export interface ImportCliOptions {
  readonly output?: string;
  readonly from?: ImportFormat;
  readonly profile?: string;
  readonly config?: string;
  readonly report?: 'json';
}

/** Warnings as a count per kind and the first few with their lines, never hundreds of lines. */
function summarise(file: string, warnings: readonly { line: number; message: { da: string; en: string } }[], lang: 'da' | 'en'): string[] {
  const out = warnings.slice(0, 5).map((w) => `${file}${w.line ? `:${w.line}` : ''}: ${w.message[lang]}`);
  if (warnings.length > 5) {
    const kinds = new Map<string, number>();
    for (const w of warnings) {
      const k = w.message[lang].split(/[:"(]/)[0]!.trim();
      kinds.set(k, (kinds.get(k) ?? 0) + 1);
    }
    const more = [...kinds].map(([k, n]) => `${n} × ${k}`).join('; ');
    out.push(lang === 'da' ? `${file}: ${warnings.length} advarsler i alt (${more})` : `${file}: ${warnings.length} warnings in all (${more})`);
  }
  return out;
}

/** The sources a folder import takes, and the extension the `.referat` file replaces. */
const SOURCE_EXT = /\.(txt|json|pdf|docx|html?|xhtml)$/i;

function expand(inputs: readonly string[], ctx: CliContext): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      out.push('-');
      continue;
    }
    const abs = path.resolve(ctx.cwd, input);
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      throw new CliError(`${input}: ${errorCode(e)}`);
    }
    if (st.isDirectory()) {
      const files = readdirSync(abs).filter((f) => SOURCE_EXT.test(f)).sort();
      if (files.length === 0) throw new CliError(`${input}: ${ctx.lang === 'da' ? 'ingen .txt-, .json-, .html-, .pdf- eller .docx-filer i mappen' : 'no .txt, .json, .html, .pdf or .docx files in folder'}`);
      out.push(...files.map((f) => path.join(abs, f)));
    } else out.push(abs);
  }
  return out;
}

export async function runImport(inputs: readonly string[], opts: ImportCliOptions, ctx: CliContext): Promise<number> {
  const { importReferat, looksLikePortal, importDocument, ImportRefusal, decodeText } = await loadImporter();
  if (inputs.length === 0) throw new CliError(ctx.lang === 'da' ? 'referat import: ingen filer angivet' : 'referat import: no files given');
  const files = expand(inputs, ctx);
  if (opts.output && files.length > 1 && opts.output !== '-' && !opts.output.endsWith('/')) {
    throw new CliError(ctx.lang === 'da' ? `-o ${opts.output} kan kun bruges med én fil (brug en mappe, der ender på /)` : `-o ${opts.output} works with one file only (give a folder ending in /)`);
  }
  if (opts.output === '-' && files.length > 1) throw new CliError(ctx.lang === 'da' ? '-o - kan kun bruges med én fil' : '-o - works with one file only');
  const reports: object[] = [];
  // --profile NAME|auto and --config: the house style the imports are written in.
  const styler = await importStyler(opts, ctx);
  for (const file of files) {
    await yieldToEvents();
    let bytes: Buffer;
    try {
      bytes = readFileSync(file === '-' ? 0 : file);
    } catch (e) {
      throw new CliError(file === '-' ? `-: ${errorCode(e)}` : `${file}: ${ctx.lang === 'da' ? 'kan ikke læse' : 'cannot read'} (${errorCode(e)})`);
    }
    const shown = file === '-' ? '-' : path.relative(ctx.cwd, file);
    // The format is told by the content, not the name: a PDF or Word document goes to its reader.
    let result;
    let document;
    try {
      document = await importDocument(bytes, { profile: opts.profile?.toLowerCase() === 'auto' ? undefined : opts.profile });
    } catch (e) {
      if (e instanceof ImportRefusal) throw new CliError(`${shown}: ${localize(e.text, ctx.lang)}`);
      throw new CliError(`${shown}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
    // Text in the encoding it was saved in (UTF-8, UTF-16 with its mark, a web page's declared charset, else Windows-1252).
    const text = document ? '' : decodeText(bytes).text;
    if (document) result = document;
    else {
      if (!text.replace(/^\uFEFF/, '').trim()) throw new CliError(ctx.lang === 'da' ? `${shown}: filen er tom` : `${shown}: the file is empty`);
      if (isBinaryText(text)) throw new CliError(ctx.lang === 'da' ? `${shown}: ikke en tekstfil (binære data)` : `${shown}: not a text file (binary data)`);
      try {
        result = importReferat(text, { from: opts.from, profile: opts.profile?.toLowerCase() === 'auto' ? undefined : opts.profile });
      } catch (e) {
        throw new CliError(`${path.relative(ctx.cwd, file)}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      }
    }
    const items = (result.markup.match(/^## Punkt /gm) ?? []).length;
    if (items === 0) {
      throw new CliError(
        ctx.lang === 'da'
          ? `${shown}: intet møde genkendt (ingen dagsordenspunkter fundet); intet skrevet`
          : `${shown}: no meeting recognised (no agenda items found); nothing written`,
      );
    }
    // A laid-out document's house style (PDF, Word, a web page) is read from the lines of its content, not from its bytes.
    const laidOut = 'text' in result && typeof result.text === 'string' ? result.text : undefined;
    const source = laidOut ?? (text || undefined);
    if (styler) result = { ...result, ...(await styler(source, result.markup, file)) };
    if (opts.report === 'json') {
      const r = result as typeof result & { furnitureDropped?: number; furnitureWords?: number; guesses?: string[] };
      const kept = (result.markup.replace(/<!--[\s\S]*?-->/g, ' ').match(/[\p{L}\p{N}]+/gu) ?? []).length;
      reports.push({ file: shown, format: document?.format ?? (laidOut !== undefined ? 'html' : opts.from !== 'text' && looksLikePortal(text) ? 'portal' : 'text'), items, wordsKept: kept, wordsDroppedAsFurniture: r.furnitureWords ?? r.furnitureDropped ?? 0, guesses: r.guesses ?? [], profile: result.profile, warnings: result.warnings.length });
    } else for (const line of summarise(shown, result.warnings, ctx.lang)) ctx.stderr.write(`${line}\n`);
    const keep = 'keep' in result ? (result.keep as ((target: string | undefined) => Promise<void>) | undefined) : undefined;
    if (opts.output === '-' || (file === '-' && !opts.output)) {
      ctx.stdout.write(result.markup);
      await keep?.(undefined);
      continue;
    }
    const target = opts.output
      ? opts.output.endsWith('/')
        ? path.join(path.resolve(ctx.cwd, opts.output), path.basename(file).replace(SOURCE_EXT, '') + '.referat')
        : path.resolve(ctx.cwd, opts.output)
      : file.replace(SOURCE_EXT, '') + '.referat';
    let style = textStyle(text); // a PDF or Word document: LF, no BOM
    try {
      style = textStyle(readFileSync(target, 'utf8'));
    } catch {
      /* a new file: the source's style */
    }
    try {
      writeAtomic(target, withTextStyle(result.markup, style));
    } catch (e) {
      throw new CliError(`${target}: ${errorCode(e)}`);
    }
    await keep?.(target);
    if (opts.report === 'json') continue;
    ctx.stderr.write(
      ctx.lang === 'da'
        ? `${path.relative(ctx.cwd, file)} → ${path.relative(ctx.cwd, target)}: ${items} punkter, profil ${result.profile}, ${result.warnings.length} advarsler\n`
        : `${path.relative(ctx.cwd, file)} → ${path.relative(ctx.cwd, target)}: ${items} items, profile ${result.profile}, ${result.warnings.length} warnings\n`,
    );
  }
  if (opts.report === 'json') ctx.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  return 0;
}

export function importCommand(ctx: CliContext, setExit: (code: number) => void): Command {
  const da = ctx.lang === 'da';
  return new Command('import')
    .description(da ? 'Importér offentliggjorte referater (PDF, Word, websider, tekst eller portal-data) til markup' : 'Import published minutes (PDF, Word, web pages, text or portal records) into the markup')
    .argument('<inputs...>', da ? 'filer eller mapper (.pdf, .docx, .html, .txt, .json)' : 'files or folders (.pdf, .docx, .html, .txt, .json)')
    .option('-o, --output <file>', da ? 'outputfil, mappe (med /) eller - for standardoutput' : 'output file, folder (ending in /) or - for standard output')
    .addOption(new Option('--from <format>', da ? 'inputformat' : 'input format').choices(['auto', 'text', 'portal', 'html']).default('auto'))
    .option('-c, --config <file>', da ? 'skriv i husstilen fra denne konfigurationsfil (ellers den nærmeste .referatrc.json)' : 'write in the house style of this configuration file (else the nearest .referatrc.json)')
    .option('--profile <name>', da ? 'husstil at skrive i: en profils navn, eller auto (udledt af dokumentet selv); ellers genkendt' : 'house style to write in: a profile name, or auto (inferred from the document itself); detected otherwise')
    .addOption(new Option('--report <format>', da ? 'rapport pr. dokument på standardoutput: punkter, ord bevaret, sidetekst fjernet, gæt' : 'per-document report on standard output: items, words kept, page furniture dropped, guesses').choices(['json']))
    .option('--lang <lang>', da ? 'sprog for meddelelser: da eller en' : 'language of messages: da or en')
    .action(async (inputs: string[], o: { output?: string; from?: ImportFormat; profile?: string; config?: string; report?: 'json' }) => {
      setExit(await runImport(inputs, o, ctx));
    });
}
