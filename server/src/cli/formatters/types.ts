/** What a formatter gets: every linted file with its findings, and how to word them. */
import type { Finding, RuleMeta } from '../../service/tasks.js';
import type { Lang } from '../../i18n.js';

export interface FileResult {
  /** Absolute path. */
  readonly filePath: string;
  /** Path as shown to the user (relative to the working folder). */
  readonly displayPath: string;
  readonly findings: readonly Finding[];
  /** Fixes applied with --fix. */
  readonly fixed?: number;
}

export interface FormatContext {
  readonly lang: Lang;
  readonly cwd: string;
  readonly color: boolean;
  readonly version: string;
  /** https URL of the project's docs/ folder, for help links (server/src/docs.ts). */
  readonly docsBase: string;
  /** The rules' metadata (the SARIF report describes every rule). */
  readonly rules: readonly RuleMeta[];
}

export type Formatter = (results: readonly FileResult[], ctx: FormatContext) => string;

/** The output formats of `referat lint` (here, apart from the formatters, so that declaring the command loads none of them). */
export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** ESLint's numeric severities: 2 error, 1 warning (info findings are reported as 1). */
export function numericSeverity(f: Finding): 1 | 2 {
  return f.severity === 'error' ? 2 : 1;
}

/** The rule's documentation page under `docsBase`, the https URL of the project's `docs/` folder (server/src/docs.ts). */
export { ruleDocUrl } from '../../service/tasks.js';
