/**
 * `referat profile infer <files…> [--name NAME] [-o FILE]`: learns a house-style profile from a
 * kommune's published minutes (anything `referat import` reads, or `.referat` files) and writes
 * a `.referatrc.json` that defines it under `profiles` and selects it with `profile` (to
 * standard output, or `-o FILE`, whose other settings are kept). What was inferred, and how
 * many documents agree, goes to standard error. Every problem is one line and exit 2.
 */
import { Command } from 'commander';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isBinaryText, loadConfiguration, loadImporter, loadProfileInference, type InferDocument } from '../../service/tasks.js';
import type { CliContext } from '../context.js';
import { ConfigFileError, profilesOf, readConfigObject } from '../config-file.js';
import { CliError, errorCode, writeAtomic } from '../files.js';

export interface ProfileInferOptions {
  readonly name?: string;
  readonly output?: string;
}

/** The inputs a folder gives: what `referat import` reads from a folder (published text, portal records) and `.referat` files. */
const INPUT_EXT = /\.(txt|json|referat)$/i;

const T = {
  noFiles: { da: 'referat profile infer: ingen filer angivet', en: 'referat profile infer: no files given' },
  noneInFolder: { da: 'ingen referater (.txt, .json, .referat) i mappen', en: 'no minutes (.txt, .json, .referat) in folder' },
  cannotRead: { da: 'kan ikke læse', en: 'cannot read' },
  empty: { da: 'filen er tom', en: 'the file is empty' },
  binary: { da: 'ikke en tekstfil (binære data)', en: 'not a text file (binary data)' },
  noMeeting: { da: 'intet møde genkendt (ingen dagsordenspunkter fundet)', en: 'no meeting recognised (no agenda items found)' },
  badName: { da: 'skal være et navn af bogstaver, tal og bindestreger, fx viborg', en: 'must be a name of letters, digits and hyphens, e.g. viborg' },
  badConfig: { da: 'kan ikke flettes: ikke en gyldig .referatrc.json', en: 'cannot be merged: not a valid .referatrc.json' },
} as const;

function expand(inputs: readonly string[], ctx: CliContext): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    const abs = path.resolve(ctx.cwd, input);
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      throw new CliError(`${input}: ${T.cannotRead[ctx.lang]} (${errorCode(e)})`);
    }
    if (st.isDirectory()) {
      const files = readdirSync(abs).filter((f) => INPUT_EXT.test(f) && !f.startsWith('.')).sort();
      if (files.length === 0) throw new CliError(`${input}: ${T.noneInFolder[ctx.lang]}`);
      out.push(...files.map((f) => path.join(abs, f)));
    } else out.push(abs);
  }
  return [...new Set(out)];
}

/** One input as the inference reads it: the imported markup and the published text it came from. */
async function readDocument(file: string, ctx: CliContext): Promise<InferDocument> {
  const shown = path.relative(ctx.cwd, file) || file;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new CliError(`${shown}: ${T.cannotRead[ctx.lang]} (${errorCode(e)})`);
  }
  // A PDF or Word document (told by its content): its layout gives the markup, and the text the
  // reader took from it stands for the published text.
  const { importDocument, ImportRefusal } = await loadImporter();
  let document;
  try {
    document = await importDocument(bytes);
  } catch (e) {
    if (e instanceof ImportRefusal) throw new CliError(`${shown}: ${e.text[ctx.lang]}`);
    throw new CliError(`${shown}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  if (document) {
    if (!/^## Punkt /m.test(document.markup)) throw new CliError(`${shown}: ${T.noMeeting[ctx.lang]}`);
    return { name: path.basename(file), markup: document.markup, source: document.text };
  }
  // A .referat file is ours (UTF-8); published text in the encoding it was saved in.
  const text = /\.referat$/i.test(file) ? bytes.toString('utf8') : (await loadImporter()).decodeText(bytes).text;
  if (!text.replace(/^\uFEFF/, '').trim()) throw new CliError(`${shown}: ${T.empty[ctx.lang]}`);
  if (isBinaryText(text)) throw new CliError(`${shown}: ${T.binary[ctx.lang]}`);
  let doc: InferDocument;
  const name = path.basename(file);
  if (/\.referat$/i.test(file)) doc = { name, markup: text };
  else {
    const { importReferat, looksLikePortal } = await loadImporter();
    let result;
    try {
      result = importReferat(text);
    } catch (e) {
      throw new CliError(`${shown}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
    const markup = result.markup;
    // A portal record has no published layout to read forms from: its markup is all there is.
    // A web page's forms are read from the lines of its content (`text`), not from its HTML.
    const source = 'text' in result && typeof result.text === 'string' ? result.text : text;
    doc = looksLikePortal(text) && !/^## Punkt /m.test(text) ? { name, markup, imported: true } : { name, markup, source };
  }
  if (!/^## Punkt /m.test(doc.markup)) throw new CliError(`${shown}: ${T.noMeeting[ctx.lang]}`);
  return doc;
}

/** The existing configuration at `-o FILE` (its other settings are kept), or undefined. */
function existingConfig(file: string, ctx: CliContext): Record<string, unknown> | undefined {
  try {
    return readConfigObject(file);
  } catch (e) {
    if (e instanceof ConfigFileError && e.kind === 'unreadable') throw new CliError(`${file}: ${T.cannotRead[ctx.lang]} (${errorCode(e.original)})`);
    throw new CliError(`${path.relative(ctx.cwd, file) || file}: ${T.badConfig[ctx.lang]}`);
  }
}

export async function runProfileInfer(inputs: readonly string[], opts: ProfileInferOptions, ctx: CliContext): Promise<number> {
  if (inputs.length === 0) throw new CliError(T.noFiles[ctx.lang]);
  if (opts.name !== undefined && !/^[\p{L}\p{N}][\p{L}\p{N}_-]{0,63}$/u.test(opts.name)) throw new CliError(`--name ${opts.name}: ${T.badName[ctx.lang]}`);
  const files = expand(inputs, ctx);
  const docs: InferDocument[] = [];
  for (const f of files) docs.push(await readDocument(f, ctx));
  const [{ inferProfile }, { parseConfig, resolveConfig, ConfigError }] = await Promise.all([loadProfileInference(), loadConfiguration()]);
  let inferred;
  try {
    inferred = inferProfile(docs, { name: opts.name });
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message.split('\n')[0]! : String(e));
  }
  const target = opts.output && opts.output !== '-' ? path.resolve(ctx.cwd, opts.output) : undefined;
  const base = target ? existingConfig(target, ctx) : undefined;
  const config: Record<string, unknown> = {
    $schema: './node_modules/referat/schemas/referatrc.schema.json',
    ...(base ?? {}),
    profile: inferred.name,
    profiles: { ...profilesOf(base), [inferred.name]: inferred.profile },
  };
  try {
    resolveConfig(parseConfig(config));
  } catch (e) {
    if (e instanceof ConfigError) throw new CliError(`${target ? path.relative(ctx.cwd, target) : '-'}: ${e.in(ctx.lang)}`);
    throw e;
  }
  const json = `${JSON.stringify(config, null, 2)}\n`;
  const da = ctx.lang === 'da';
  ctx.stderr.write(
    da
      ? `referat: profil ${inferred.name} udledt af ${docs.length} ${docs.length === 1 ? 'dokument' : 'dokumenter'}:\n`
      : `referat: profile ${inferred.name} inferred from ${docs.length} ${docs.length === 1 ? 'document' : 'documents'}:\n`,
  );
  for (const line of inferred.report) ctx.stderr.write(`  ${line[ctx.lang]}\n`);
  if (!target) {
    ctx.stdout.write(json);
    return 0;
  }
  try {
    writeAtomic(target, json);
  } catch (e) {
    throw new CliError(`${path.relative(ctx.cwd, target) || target}: ${errorCode(e)}`);
  }
  ctx.stderr.write(da ? `referat: skrev ${path.relative(ctx.cwd, target) || target}\n` : `referat: wrote ${path.relative(ctx.cwd, target) || target}\n`);
  return 0;
}

export function profileCommand(ctx: CliContext, setExit: (code: number) => void): Command {
  const da = ctx.lang === 'da';
  const infer = new Command('infer')
    .description(
      da
        ? 'Udled en husstilsprofil af en kommunes offentliggjorte referater og skriv en .referatrc.json, der definerer og vælger den'
        : "Infer a house-style profile from a kommune's published minutes and write a .referatrc.json that defines and selects it",
    )
    .argument('[files...]', da ? 'referater (.txt, .json, .referat) eller mapper med dem' : 'minutes (.txt, .json, .referat) or folders of them')
    .option('--name <name>', da ? 'profilens navn (standard: kommunens, fx viborg)' : "the profile's name (default: the kommune's, e.g. viborg)")
    .option('-o, --output <file>', da ? 'skriv konfigurationen hertil (standard: standardoutput); en eksisterende fils øvrige indstillinger bevares' : 'write the configuration here (default: standard output); an existing file keeps its other settings')
    .option('--lang <lang>', da ? 'sprog for meddelelser: da eller en' : 'language of messages: da or en')
    .exitOverride()
    .configureOutput({ writeOut: (t) => process.stdout.write(t), writeErr: () => undefined })
    .action(async (files: string[], o: ProfileInferOptions) => {
      setExit(await runProfileInfer(files, o, ctx));
    });
  const profile: Command = new Command('profile')
    .description(da ? 'Husstilsprofiler: udled en profil af offentliggjorte referater' : 'House-style profiles: infer one from published minutes')
    .addCommand(infer)
    // Without a subcommand: the help, on standard output.
    .action(() => {
      ctx.stdout.write(profile.helpInformation());
    });
  return profile;
}
