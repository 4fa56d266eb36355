/**
 * A `.referatrc.json` as a JSON object, for the commands that add a profile to it
 * (`referat profile infer -o FILE`, `referat import --profile auto`): its other settings are kept.
 */
import { readFileSync } from 'node:fs';

/** Why a configuration file could not be read as an object. */
export class ConfigFileError extends Error {
  constructor(
    readonly kind: 'unreadable' | 'invalid',
    /** The file system's error, for an unreadable file. */
    readonly original?: unknown,
  ) {
    super(kind);
  }
}

/** The file's JSON object; undefined when there is no file or it is empty. Throws ConfigFileError. */
export function readConfigObject(file: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigFileError('unreadable', e);
  }
  if (!text.trim()) return undefined;
  try {
    const raw = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) return raw as Record<string, unknown>;
  } catch {
    /* not JSON */
  }
  throw new ConfigFileError('invalid');
}

/** The configuration's `profiles`, as written. */
export function profilesOf(config: Record<string, unknown> | undefined): Record<string, unknown> {
  const profiles = config?.profiles;
  return profiles && typeof profiles === 'object' && !Array.isArray(profiles) ? (profiles as Record<string, unknown>) : {};
}
