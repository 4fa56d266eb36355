/**
 * Turns a validated configuration (plus host overrides) into what the engine uses:
 * one profile and one severity per rule. Pure: reading files is the host's job
 * (see config/load.ts for the walk up the folder tree).
 */
import { z } from 'zod';
import { renderBoth, type Lang, type Localized } from '../i18n.js';
import { upgradeLegacyConfig } from './legacy.js';
import { CONFIG_MESSAGES, danishErrors, describeIssue, LocalizedError, prefixed } from './messages.js';
import { builtinProfiles, DEFAULT_PROFILE, ProfileError, resolveProfiles } from './profiles.js';
import { configSchema, type Config, type Profile, type Severity } from './schema.js';

export interface ResolvedConfig {
  readonly profile: Profile;
  /** Severity by rule id; rules not named use their default severity. */
  readonly severities: Readonly<Record<string, Severity>>;
  readonly ruleOptions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly roster?: readonly string[];
  readonly lang?: Lang;
  /** Profiles known to this configuration (built-in and user-defined), by name. */
  readonly profiles: Readonly<Record<string, Profile>>;
}

/** A configuration that cannot be used: its message in Danish and English (`message` is the English one). */
export class ConfigError extends LocalizedError {
  constructor(
    message: string | Localized,
    /** JSON path of the offending value, e.g. `rules.quorum`. */
    readonly path?: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }

  /** The same error with a file (or other place) before its message. */
  at(prefix: string): ConfigError {
    return new ConfigError(prefixed(prefix, this.text), this.path);
  }
}

/** Validates raw JSON against the schema; throws {@link ConfigError} naming the path and what is expected. */
export function parseConfig(raw: unknown): Config {
  const input = upgradeLegacyConfig(raw);
  const result = configSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.map(String).join('.');
    throw new ConfigError(prefixed(path || '(root)', describeConfigIssue(issue, path, input)), path);
  }
  return result.data;
}

/** What a configuration value should have been, in words a user can act on. */
function describeConfigIssue(issue: z.core.$ZodIssue, path: string, input: unknown): Localized {
  const got = (issue as { input?: unknown }).input;
  if (/^rules\.[^.]+$/.test(path)) {
    const found = got === undefined ? { da: '', en: '' } : renderBoth(CONFIG_MESSAGES.found, { value: JSON.stringify(got) });
    const text = CONFIG_MESSAGES.ruleSetting;
    return { da: renderBoth(text, { found: found.da }).da, en: renderBoth(text, { found: found.en }).en };
  }
  return describeIssue(issue, { allowedKeys: '$schema, profile, profiles, rules, members, lang', reparse: () => danishErrors(configSchema, input)?.issues[0] });
}

function buildProfiles(config: Config | undefined): Record<string, Profile> {
  try {
    return resolveProfiles(config?.profiles ?? {}, builtinProfiles, { defaultBase: DEFAULT_PROFILE, where: (name) => `profiles.${name}` });
  } catch (error) {
    if (error instanceof ProfileError) throw new ConfigError(error.text, error.path);
    throw error;
  }
}

export interface ResolveOverrides {
  /** A profile name forced by the host or by the file's `Profil` field. */
  readonly profile?: string;
  readonly severities?: Readonly<Record<string, Severity>>;
  readonly lang?: Lang;
}

export function resolveConfig(config?: Config, overrides: ResolveOverrides = {}): ResolvedConfig {
  const profiles = buildProfiles(config);
  const profileName = overrides.profile ?? config?.profile ?? DEFAULT_PROFILE;
  const profile = profiles[profileName];
  if (!profile) {
    throw new ConfigError(prefixed('profile', renderBoth(CONFIG_MESSAGES.unknownProfile, { name: profileName, known: Object.keys(profiles).join(', ') })), 'profile');
  }
  const severities: Record<string, Severity> = {};
  const ruleOptions: Record<string, Record<string, unknown>> = {};
  for (const [id, setting] of Object.entries(config?.rules ?? {})) {
    if (typeof setting === 'string') severities[id] = setting;
    else {
      if (setting.severity) severities[id] = setting.severity;
      if (setting.options) ruleOptions[id] = setting.options;
    }
  }
  Object.assign(severities, overrides.severities ?? {});
  return {
    profile,
    severities,
    ruleOptions,
    roster: config?.members,
    lang: overrides.lang ?? config?.lang,
    profiles,
  };
}

/** Picks a profile by name from a resolved configuration (for the file's `Profil` field). */
export function withProfile(config: ResolvedConfig, name: string): ResolvedConfig | undefined {
  const key = Object.keys(config.profiles).find((p) => p.toLowerCase() === name.trim().toLowerCase());
  if (!key) return undefined;
  return { ...config, profile: config.profiles[key]! };
}

export const defaultConfig: ResolvedConfig = resolveConfig();

export { z };
