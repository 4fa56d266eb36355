/** ESLint's JSON formatter shape: lines and columns 1-based, severity 1 = warning, 2 = error. */
import type { Formatter } from './types.js';
import { numericSeverity } from './types.js';

export const json: Formatter = (results, ctx) =>
  JSON.stringify(
    results.map((r) => {
      const messages = r.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: numericSeverity(f),
        message: f.message[ctx.lang],
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        ...(f.fix ? { fix: { edits: f.fix.edits.map((e) => ({ range: [e.start, e.end], text: e.newText })) } } : {}),
      }));
      const errors = r.findings.filter((f) => f.severity === 'error');
      const warnings = r.findings.filter((f) => f.severity !== 'error');
      return {
        filePath: r.filePath,
        messages,
        errorCount: errors.length,
        warningCount: warnings.length,
        fixableErrorCount: errors.filter((f) => f.fix).length,
        fixableWarningCount: warnings.filter((f) => f.fix).length,
      };
    }),
    null,
    2,
  ) + '\n';
