/** What every CLI command gets from main.ts: streams, language, folders, version. */
import type { Lang } from '../i18n.js';

export interface CliStream {
  write(chunk: string | Uint8Array): unknown;
  readonly isTTY?: boolean;
}

export interface CliContext {
  readonly cwd: string;
  readonly lang: Lang;
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  /** Running in CI (no progress indicator). */
  readonly ci: boolean;
  readonly version: string;
  /** https URL of the project's docs/ folder (help links in SARIF; server/src/docs.ts). */
  readonly docsBase: string;
}
