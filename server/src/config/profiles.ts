/**
 * House-style profiles: the shipped ones (JSON files in the top-level `profiles/` folder,
 * imported here so the bundle carries them) and the resolution of `extends` chains, shared
 * by shipped profiles and those a `.referatrc.json` defines. See docs/configuration.md and
 * docs/house-styles.md.
 */
import { z } from 'zod';
import { renderBoth, type Localized } from '../i18n.js';
import { upgradeLegacyProfile } from './legacy.js';
import { CONFIG_MESSAGES, danishErrors, describeIssue, LocalizedError, prefixed } from './messages.js';
import { profilePatchSchema, profileSchema, type Profile, type ProfilePatch } from './schema.js';
import randers from '../../../profiles/randers.json';
import sonderborg from '../../../profiles/sonderborg.json';
import aabenraa from '../../../profiles/aabenraa.json';
import bornholm from '../../../profiles/bornholm.json';
import fredericia from '../../../profiles/fredericia.json';
import hedensted from '../../../profiles/hedensted.json';
import herning from '../../../profiles/herning.json';
import horsens from '../../../profiles/horsens.json';
import hvidovre from '../../../profiles/hvidovre.json';
import ishoej from '../../../profiles/ishoej.json';
import kalundborg from '../../../profiles/kalundborg.json';
import koege from '../../../profiles/koege.json';
import kolding from '../../../profiles/kolding.json';
import mariagerfjord from '../../../profiles/mariagerfjord.json';
import middelfart from '../../../profiles/middelfart.json';
import naestved from '../../../profiles/naestved.json';
import stevns from '../../../profiles/stevns.json';
import svendborg from '../../../profiles/svendborg.json';
import syddjurs from '../../../profiles/syddjurs.json';
import viborg from '../../../profiles/viborg.json';

export const DEFAULT_PROFILE = 'randers';

/** The shipped profile files, by name (as written: patches that may `extends` another). */
export const shippedProfileFiles: Readonly<Record<string, unknown>> = Object.freeze({
  randers,
  sonderborg,
  aabenraa,
  bornholm,
  fredericia,
  hedensted,
  herning,
  horsens,
  hvidovre,
  ishoej,
  kalundborg,
  koege,
  kolding,
  mariagerfjord,
  middelfart,
  naestved,
  stevns,
  svendborg,
  syddjurs,
  viborg,
});

/** An invalid profile or a broken `extends` chain; `path` is the JSON path (e.g. `profiles.x.caseNumber`). */
export class ProfileError extends LocalizedError {
  constructor(
    message: string | Localized,
    readonly path: string,
  ) {
    super(message);
    this.name = 'ProfileError';
  }
}

/** Keys whose object values are merged key by key with the base profile's, rather than replaced. */
const MERGED_KEYS = ['caseNumber', 'numbering', 'attendance'] as const;

/** The patch applied over its base: top-level values replace, caseNumber/numbering/attendance merge. */
export function mergeProfile(base: Profile | undefined, patch: ProfilePatch, name: string): Record<string, unknown> {
  const { $schema: _s, extends: _e, ...rest } = patch as ProfilePatch & Record<string, unknown>;
  const merged: Record<string, unknown> = { ...(base ?? {}), ...rest, name };
  for (const key of MERGED_KEYS) {
    const own = rest[key] as object | string | undefined;
    const inherited = base?.[key];
    if (typeof own === 'object' && inherited) merged[key] = { ...inherited, ...own };
  }
  return merged;
}

/** The issue to report: inside a union (a current value or a deprecated one), the branch that got furthest. */
function deepest(issue: z.core.$ZodIssue): { issue: z.core.$ZodIssue; path: PropertyKey[] } {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return { issue, path: issue.path };
  const branches = issue.errors.map((b) => b[0]).filter((b): b is z.core.$ZodIssue => b !== undefined);
  const best = branches.reduce((a, b) => (b.path.length > a.path.length ? b : a), branches[0]!);
  const inner = deepest(best);
  return { issue: inner.issue, path: [...issue.path, ...inner.path] };
}

function firstIssue(error: z.ZodError, prefix: string, danish?: () => z.ZodError | undefined): ProfileError {
  const found = deepest(error.issues[0]!);
  const path = [prefix, ...found.path.map(String)].filter(Boolean).join('.');
  const reparse = () => {
    const da = danish?.()?.issues[0];
    return da ? deepest(da).issue : undefined;
  };
  return new ProfileError(prefixed(path, describeIssue(found.issue, { reparse })), path);
}

/** Validates one profile patch (a `profiles/*.json` file or a `.referatrc.json` entry). */
export function parseProfilePatch(raw: unknown, where: string): ProfilePatch {
  const input = upgradeLegacyProfile(raw);
  const result = profilePatchSchema.safeParse(input);
  if (!result.success) throw firstIssue(result.error, where, () => danishErrors(profilePatchSchema, input));
  return result.data as ProfilePatch;
}

/**
 * Resolves patches against known profiles (and each other), following `extends` chains of any
 * length. `defaultBase` is what a patch without `extends` starts from (undefined: it must be
 * complete). `where(name)` names a patch in error messages. Throws {@link ProfileError}.
 */
export function resolveProfiles(
  patches: Readonly<Record<string, unknown>>,
  known: Readonly<Record<string, Profile>>,
  options: { defaultBase?: string; where: (name: string) => string },
): Record<string, Profile> {
  const profiles: Record<string, Profile> = { ...known };
  const pending = Object.entries(patches).map(([name, raw]) => [name, parseProfilePatch(raw, options.where(name))] as const);
  const resolving = new Set(pending.map(([n]) => n));
  while (pending.length > 0) {
    let progressed = false;
    for (let i = pending.length - 1; i >= 0; i--) {
      const [name, patch] = pending[i]!;
      const baseName = patch.extends ?? options.defaultBase;
      if (baseName !== undefined && baseName !== name && resolving.has(baseName)) continue; // base not resolved yet
      const base = baseName === undefined ? undefined : baseName === name ? known[name] : profiles[baseName];
      if (baseName !== undefined && !base) {
        const at = `${options.where(name)}.extends`;
        throw new ProfileError(prefixed(at, renderBoth(CONFIG_MESSAGES.unknownProfile, { name: baseName, known: Object.keys(profiles).join(', ') })), at);
      }
      const merged = mergeProfile(base, patch, name);
      const result = profileSchema.safeParse(merged);
      if (!result.success) throw firstIssue(result.error, options.where(name), () => danishErrors(profileSchema, merged));
      profiles[name] = result.data;
      resolving.delete(name);
      pending.splice(i, 1);
      progressed = true;
    }
    if (!progressed) {
      const [name, patch] = pending[0]!;
      const at = `${options.where(name)}.extends`;
      throw new ProfileError(prefixed(at, renderBoth(CONFIG_MESSAGES.cycle, { name: String(patch.extends), chain: pending.map(([n]) => n).join(' → ') })), at);
    }
  }
  return profiles;
}

/** The shipped profiles, resolved. */
export const builtinProfiles: Readonly<Record<string, Profile>> = Object.freeze(
  resolveProfiles(shippedProfileFiles, {}, { where: (name) => `profiles/${name}.json` }),
);
