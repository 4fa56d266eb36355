/** What the engine reports: a finding of a rule (or of the syntax), with its fix. */
import type { Severity } from '../config/schema.js';
import type { Fix, Localized, RelatedInfo } from '../rules/types.js';
import type { Range } from '../syntax/ast.js';

export type FindingSeverity = Exclude<Severity, 'off'>;

export interface Finding {
  /** The rule id, or `syntax` for a syntax diagnostic. */
  readonly ruleId: string;
  readonly messageId: string;
  readonly severity: FindingSeverity;
  /** The rendered message in both languages. */
  readonly message: Localized;
  readonly range: Range;
  readonly fix?: Fix;
  readonly suggestions?: readonly Fix[];
  readonly related?: readonly RelatedInfo[];
}
