/**
 * `referat import --config FILE --profile NAME|auto`: the house style an import is written in.
 * A name is looked up as `lint` does (the `--config` file, else the nearest `.referatrc.json`
 * above the source, and the shipped profiles); `auto` infers the profile from the document
 * itself (infer/profile.ts, as `referat profile infer` does); `--config` alone uses the profile
 * that file selects. Without either, the import is written as before.
 *
 * A profile `auto` infers that no configuration defines yet is kept where lint will find it:
 * added to the configuration file that applies to the written file (its `profiles`), or a new
 * `.referatrc.json` beside it; the written file's `Profil:` selects it.
 */
import path from 'node:path';
import { loadConfiguration, loadImporter, loadProfileInference, type ResolvedConfig } from '../service/tasks.js';
import type { CliContext } from './context.js';
import { profilesOf, readConfigObject } from './config-file.js';
import { CliError, writeAtomic } from './files.js';
import { configGuard, nodeConfigFs, profileOption } from './lint-run.js';

export interface ImportStyleOptions {
  readonly config?: string;
  readonly profile?: string;
}

/** Restyles one imported document: its published text (if any), its markup, its file. */
export type ImportStyler = (
  source: string | undefined,
  markup: string,
  file: string,
) => Promise<{ markup: string; profile: string; keep?: (target: string | undefined) => Promise<void> }>;

export async function importStyler(opts: ImportStyleOptions, ctx: CliContext): Promise<ImportStyler | undefined> {
  if (!opts.config && !opts.profile) return undefined;
  const [{ ConfigFinder }, { restyleMarkup }] = await Promise.all([loadConfiguration(), loadImporter()]);
  const guard = await configGuard(ctx.lang);
  const auto = opts.profile?.toLowerCase() === 'auto';
  const explicit = opts.config ? path.resolve(ctx.cwd, opts.config) : undefined;
  const { profile, profileFile } = await profileOption(auto ? undefined : opts.profile, ctx.cwd);
  const finder = new ConfigFinder(nodeConfigFs, { profile, lang: ctx.lang }, { explicitFile: explicit, profileFile });
  // An explicit file (or profile file) is read now, so that a broken one is one line before any import.
  if (explicit || profileFile) await guard(() => finder.configFor(path.join(ctx.cwd, '-')));
  if (auto) {
    const [{ inferProfile, withInferredProfile }, { looksLikePortal }] = await Promise.all([loadProfileInference(), loadImporter()]);
    let hinted = false;
    return async (source, markup, file) => {
      const base = (await guard(() => finder.configFor(file === '-' ? path.join(ctx.cwd, '-') : file))).config;
      let inferred;
      try {
        // A portal record has no published layout to read forms from: its markup is all there is.
        const portal = source !== undefined && looksLikePortal(source);
        // A document that names no kommune gives its profile the file's name (two such files must not share one).
        const stem = file === '-' ? undefined : path.basename(file).replace(/\.[^.]+$/, '');
        inferred = inferProfile([{ name: file === '-' ? '-' : path.basename(file), markup, ...(portal || !source?.trim() ? { imported: true } : { source }) }], stem ? { fallbackName: stem } : {});
      } catch (e) {
        throw new CliError(`${file === '-' ? '-' : path.relative(ctx.cwd, file)}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      }
      const config = withInferredProfile(base, inferred);
      const styled = { markup: restyleMarkup(markup, config, inferred.name), profile: inferred.name };
      if (base.profiles[inferred.name]) return styled;
      // A profile no configuration defines: kept beside the written file, so that lint and export use it.
      const keep = async (target: string | undefined) => {
        const kept = target ? await keepProfile(target, inferred.name, inferred.profile, finder, ctx) : undefined;
        if (kept) {
          finder.clear();
          return;
        }
        if (hinted) return;
        hinted = true;
        const shown = file === '-' ? 'FILE' : path.relative(ctx.cwd, file);
        ctx.stderr.write(
          ctx.lang === 'da'
            ? `referat: husstilen "${inferred.name}" er udledt af dokumentet; gem den, så lint finder den: referat profile infer ${shown} --name ${inferred.name} -o .referatrc.json\n`
            : `referat: the house style "${inferred.name}" is inferred from the document; keep it for lint with: referat profile infer ${shown} --name ${inferred.name} -o .referatrc.json\n`,
        );
      };
      return { ...styled, keep };
    };
  }
  return async (_source, markup, file) => {
    const found = await guard(() => finder.configFor(file === '-' ? path.join(ctx.cwd, '-') : file));
    // --config alone: the profile that file selects (none selected: the import is left as it is).
    const name = opts.profile ?? (found.file ? await readSelected(found.file) : undefined);
    if (!name) return { markup, profile: found.config.profile.name };
    return { markup: restyleMarkup(markup, found.config, found.config.profile.name), profile: found.config.profile.name };
  };
}

/**
 * Adds an inferred profile to the configuration file that applies to `target` (or a new
 * `.referatrc.json` beside it), unless that file already defines the name; says where, once a
 * file. A file that is not a JSON object is left alone (undefined: the caller says how to keep it).
 */
async function keepProfile(target: string, name: string, profile: object, finder: { find(dir: string): Promise<{ file?: string }> }, ctx: CliContext): Promise<string | undefined> {
  const dir = path.dirname(target);
  let file: string | undefined;
  try {
    file = (await finder.find(dir)).file;
  } catch {
    return undefined;
  }
  file ??= path.join(dir, '.referatrc.json');
  let raw: Record<string, unknown>;
  try {
    raw = readConfigObject(file) ?? {};
  } catch {
    return undefined;
  }
  const profiles = profilesOf(raw);
  if (profiles[name]) return file;
  raw = { ...raw, profiles: { ...profiles, [name]: profile } };
  try {
    writeAtomic(file, `${JSON.stringify(raw, null, 2)}\n`);
  } catch {
    return undefined;
  }
  const shown = path.relative(ctx.cwd, file) || file;
  ctx.stderr.write(
    ctx.lang === 'da'
      ? `referat: husstilen "${name}" er udledt af dokumentet og gemt i ${shown} (lint og eksport bruger den)\n`
      : `referat: the house style "${name}" is inferred from the document and kept in ${shown} (lint and export use it)\n`,
  );
  return file;
}

/** The `profile` a configuration file selects, if it names one. */
async function readSelected(file: string): Promise<string | undefined> {
  try {
    const text = await nodeConfigFs.readFile(file);
    const raw = text ? (JSON.parse(text.replace(/^\uFEFF/, '')) as { profile?: unknown }) : undefined;
    return typeof raw?.profile === 'string' ? raw.profile : undefined;
  } catch {
    return undefined;
  }
}

export type { ResolvedConfig };
