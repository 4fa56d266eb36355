/**
 * Profiles in files of their own: `referat lint --profile ./my-profile.json`, and in
 * `.referatrc.json` `"profile": "./profiles/x.json"` or `"extends": "./base.json"` (relative to
 * the file that names it). Each file is read through the host's file system, validated by the
 * profile schema, and put into the configuration's `profiles` under its `name` (else its file
 * name), so that `profile` and `extends` name it as they name any profile. Pure: the host
 * reads the files.
 */
import { renderBoth } from '../i18n.js';
import { CONFIG_MESSAGES, prefixed } from './messages.js';
import { parseProfilePatch, ProfileError } from './profiles.js';
import { ConfigError } from './resolve.js';
import type { Config } from './schema.js';

/** Reads a file's text; undefined when there is no such file. */
export type ReadText = (path: string) => Promise<string | undefined>;

/** Whether a `profile` or `extends` value names a file (`./x.json`, `../x.json`, `/abs/x.json`, `profiles/x.json`), not a profile. */
export function isProfilePath(ref: string): boolean {
  return /^(?:\.{1,2}[\\/]|[\\/]|[A-Za-z]:[\\/]|[a-z][a-z0-9+.-]*:\/\/)/i.test(ref) || /\.json$/i.test(ref);
}

/** The folder a path or URI is in (`/a/b.json` → `/a`, `file:///a/b.json` → `file:///a`). */
export function folderOf(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (i < 0) return '.';
  const dir = path.slice(0, i);
  return /^[a-z][a-z0-9+.-]*:\/*$/i.test(dir) || dir === '' ? path.slice(0, i + 1) : dir;
}

/** `ref` resolved against the folder `dir` (paths or URIs); `.` and `..` are folded. */
export function resolveRef(dir: string, ref: string): string {
  if (/^(?:[\\/]|[A-Za-z]:[\\/]|[a-z][a-z0-9+.-]*:\/\/)/i.test(ref)) return ref;
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  const root = /^(?:[a-z][a-z0-9+.-]*:\/\/[^/]*\/?|[A-Za-z]:[\\/]|[\\/])?/i.exec(dir)![0];
  const parts = `${dir.slice(root.length)}/${ref}`.split(/[\\/]+/);
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!root) out.push('..');
      continue;
    }
    out.push(p);
  }
  const joined = out.join(sep);
  return root ? root + joined : joined || '.';
}

const baseName = (file: string) => file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1).replace(/\.json$/i, '');

/** The profile files one configuration names, read once each. */
class ProfileFiles {
  /** The profile name of each file read, by its resolved path. */
  private readonly names = new Map<string, string>();
  /** The file each name came from. */
  private readonly files = new Map<string, string>();
  readonly patches: Record<string, unknown> = {};

  constructor(private readonly read: ReadText) {}

  fileOf(name: string): string | undefined {
    return this.files.get(name);
  }

  /** Reads the file `ref` names (relative to `dir`) and those its `extends` names; its profile name. */
  async load(ref: string, dir: string, from: string, chain: readonly string[] = []): Promise<string> {
    const file = resolveRef(dir, ref);
    if (chain.includes(file)) throw new ConfigError(prefixed(chain[0]!, renderBoth(CONFIG_MESSAGES.profileFileCycle, { chain: [...chain, file].join(' → ') })), 'extends');
    const known = this.names.get(file);
    if (known) return known;
    const text = await this.read(file);
    if (text === undefined) throw new ConfigError(prefixed(from, renderBoth(ref === file ? CONFIG_MESSAGES.profileFileMissing : CONFIG_MESSAGES.profileFileNotFound, { ref, file })));
    let raw: unknown;
    try {
      raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      const detail = String((error as Error).message ?? error).replace(/^Unexpected/, 'unexpected');
      throw new ConfigError(prefixed(file, renderBoth(CONFIG_MESSAGES.invalidJson, { detail })));
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(prefixed(file, CONFIG_MESSAGES.profileFileNotObject));
    let patch: Record<string, unknown>;
    try {
      patch = { ...(parseProfilePatch(raw, '') as Record<string, unknown>) };
    } catch (error) {
      if (error instanceof ProfileError) throw new ConfigError(prefixed(file, error.text), error.path);
      throw error;
    }
    const name = typeof patch.name === 'string' && patch.name ? patch.name : baseName(file);
    const other = this.files.get(name);
    if (other !== undefined && other !== file) throw new ConfigError(prefixed(file, renderBoth(CONFIG_MESSAGES.profileFileSameName, { name, a: other, b: file })));
    this.names.set(file, name);
    this.files.set(name, file);
    if (typeof patch.extends === 'string' && isProfilePath(patch.extends)) patch.extends = await this.load(patch.extends, folderOf(file), file, [...chain, file]);
    this.patches[name] = patch;
    return name;
  }
}

/**
 * The configuration with the profile files it names read into its `profiles`, and `profile`
 * and `extends` naming them. `file` is the configuration file: relative paths start in its
 * folder.
 */
export async function withProfileFiles(config: Config, file: string, read: ReadText): Promise<Config> {
  const files = new ProfileFiles(read);
  const dir = folderOf(file);
  const profiles: Record<string, unknown> = {};
  for (const [name, patch] of Object.entries(config.profiles ?? {})) {
    const base = (patch as { extends?: unknown }).extends;
    profiles[name] = typeof base === 'string' && isProfilePath(base) ? { ...patch, extends: await files.load(base, dir, `${file}: profiles.${name}.extends`) } : patch;
  }
  const selected = config.profile && isProfilePath(config.profile) ? await files.load(config.profile, dir, `${file}: profile`) : config.profile;
  if (Object.keys(files.patches).length === 0) return config;
  for (const name of Object.keys(profiles)) {
    if (name in files.patches) throw new ConfigError(prefixed(file, renderBoth(CONFIG_MESSAGES.profileFileSameName, { name, a: `profiles.${name}`, b: files.fileOf(name)! })));
  }
  return { ...config, ...(selected !== undefined ? { profile: selected } : {}), profiles: { ...files.patches, ...profiles } as Config['profiles'] };
}

/**
 * A profile file the host names (`--profile ./x.json`, resolved against the working folder
 * by the host): its profile name, and the profiles it and the files its `extends` names
 * define, for the configuration's `profiles`.
 */
export async function readProfileFile(file: string, read: ReadText, from = '--profile'): Promise<{ name: string; patches: Readonly<Record<string, unknown>> }> {
  const files = new ProfileFiles(read);
  const name = await files.load(file, '.', from);
  return { name, patches: files.patches };
}
