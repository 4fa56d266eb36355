/**
 * `referat import --config FILE --profile NAME|auto`: the house style an import is written in.
 * A name is looked up as `lint` does (the `--config` file, else the nearest `.referatrc.json`
 * above the source, and the shipped profiles); `auto` infers the profile from the document
 * itself (infer/profile.ts, as `referat profile infer` does); `--config` alone uses the profile
 * that file selects. Without either, the import is written as before.
 */
import path from 'node:path';
import type { ResolvedConfig } from '../config/resolve.js';
import type { CliContext } from './context.js';
import { CliError } from './files.js';
import { configGuard, nodeConfigFs, profileOption } from './lint-run.js';

export interface ImportStyleOptions {
  readonly config?: string;
  readonly profile?: string;
}

/** Restyles one imported document: its published text (if any), its markup, its file. */
export type ImportStyler = (source: string | undefined, markup: string, file: string) => Promise<{ markup: string; profile: string }>;

export async function importStyler(opts: ImportStyleOptions, ctx: CliContext): Promise<ImportStyler | undefined> {
  if (!opts.config && !opts.profile) return undefined;
  const [{ ConfigFinder }, { parseConfig, resolveConfig }, { restyleMarkup }] = await Promise.all([
    import('../config/discover.js'),
    import('../config/resolve.js'),
    import('../import/style.js'),
  ]);
  const guard = await configGuard(ctx.lang);
  const auto = opts.profile?.toLowerCase() === 'auto';
  const explicit = opts.config ? path.resolve(ctx.cwd, opts.config) : undefined;
  const { profile, profileFile } = await profileOption(auto ? undefined : opts.profile, ctx.cwd);
  const finder = new ConfigFinder(nodeConfigFs, { profile, lang: ctx.lang }, { explicitFile: explicit, profileFile });
  // An explicit file (or profile file) is read now, so that a broken one is one line before any import.
  if (explicit || profileFile) await guard(() => finder.configFor(path.join(ctx.cwd, '-')));
  if (auto) {
    const [{ inferProfile }, { looksLikePortal }] = await Promise.all([import('../infer/profile.js'), import('../import/index.js')]);
    let hinted = false;
    return async (source, markup, file) => {
      const base = (await guard(() => finder.configFor(file === '-' ? path.join(ctx.cwd, '-') : file))).config;
      let inferred;
      try {
        // A portal record has no published layout to read forms from: its markup is all there is.
        const portal = source !== undefined && looksLikePortal(source);
        inferred = inferProfile([{ name: file === '-' ? '-' : path.basename(file), markup, ...(portal || !source?.trim() ? { imported: true } : { source }) }]);
      } catch (e) {
        throw new CliError(`${file === '-' ? '-' : path.relative(ctx.cwd, file)}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      }
      const own = resolveConfig(parseConfig(inferred.config));
      // A profile no configuration defines is the file's own until it is kept: say how, once.
      if (!hinted && !base.profiles[inferred.name]) {
        hinted = true;
        const shown = file === '-' ? 'FILE' : path.relative(ctx.cwd, file);
        ctx.stderr.write(
          ctx.lang === 'da'
            ? `referat: husstilen "${inferred.name}" er udledt af dokumentet; gem den, så lint finder den: referat profile infer ${shown} --name ${inferred.name} -o .referatrc.json\n`
            : `referat: the house style "${inferred.name}" is inferred from the document; keep it for lint with: referat profile infer ${shown} --name ${inferred.name} -o .referatrc.json\n`,
        );
      }
      const config: ResolvedConfig = { ...base, profile: own.profile, profiles: { ...base.profiles, [inferred.name]: own.profile } };
      return { markup: restyleMarkup(markup, config, inferred.name), profile: inferred.name };
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
