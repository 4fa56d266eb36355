/** The rules' metadata (id, severity, descriptions, fixable), for reports that describe the rules (SARIF). */
import { allRules } from '../../rules/index.js';
import type { RuleMeta } from '../../rules/types.js';

export const ruleMetadata: readonly RuleMeta[] = allRules.map((r) => r.meta);
