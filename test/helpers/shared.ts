/**
 * Where the tests find the shared material (the seeds and the corpus of published minutes):
 * `../shared` beside the repository, or the folder `REFERAT_SHARED` names. Suites that need it
 * skip, saying why, when it is absent (a fresh clone has no `../shared`); `.ci/run` refuses to
 * run without it, so CI always runs them. `REFERAT_SHARED=/nonexistent npx vitest run …`
 * shows what a fresh clone sees.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');

/** The shared folder (it may not exist). */
export const SHARED_DIR = process.env.REFERAT_SHARED ? resolve(process.env.REFERAT_SHARED) : resolve(root, '..', 'shared');

/** A folder or file inside the shared folder, or undefined when it is absent. */
export function sharedPath(...parts: string[]): string | undefined {
  const p = join(SHARED_DIR, ...parts);
  return existsSync(p) ? p : undefined;
}

/** The suite name to use when the shared folder is missing: says why it is skipped. */
export function needsShared(name: string, sub = 'seeds'): string {
  return existsSync(join(SHARED_DIR, sub)) ? name : `${name} (skipped: needs ${join(SHARED_DIR, sub)}, absent here)`;
}
