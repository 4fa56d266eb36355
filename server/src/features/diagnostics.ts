/**
 * Lint findings as LSP diagnostics: the rule id is the `code`, `codeDescription`
 * links to the rule's page, related information points at what the finding is
 * about, and `data` carries the fix so that a quick fix needs no re-lint.
 */
import type * as lsp from 'vscode-languageserver-types';
import type { Finding } from '../engine.js';
import type { Fix } from '../rules/types.js';
import { type Analysis, type CancellationTokenLike, noCancel, toRange } from './common.js';

export interface DiagnosticData {
  readonly ruleId: string;
  readonly messageId: string;
  /** The document version the fix was computed for. */
  readonly version: number;
  readonly fix?: Fix;
  readonly suggestions?: readonly Fix[];
}

const SEVERITY: Record<Finding['severity'], lsp.DiagnosticSeverity> = { error: 1, warning: 2, info: 3 };

export const DIAGNOSTIC_SOURCE = 'referat';

export function toDiagnostic(a: Analysis, f: Finding, ruleDocUri?: (ruleId: string) => string | undefined): lsp.Diagnostic {
  const href = f.ruleId === 'syntax' ? undefined : ruleDocUri?.(f.ruleId);
  const data: DiagnosticData = {
    ruleId: f.ruleId,
    messageId: f.messageId,
    version: a.version,
    fix: f.fix,
    suggestions: f.suggestions,
  };
  return {
    range: toRange(f.range),
    severity: SEVERITY[f.severity],
    code: f.ruleId === 'syntax' ? `syntax/${f.messageId}` : f.ruleId,
    codeDescription: href ? { href } : undefined,
    source: DIAGNOSTIC_SOURCE,
    message: f.message[a.lang],
    relatedInformation: f.related?.map((r) => ({
      location: { uri: a.uri, range: toRange(r.range) },
      message: r.message[a.lang],
    })),
    data,
  };
}

export function provideDiagnostics(
  a: Analysis,
  token: CancellationTokenLike = noCancel,
  ruleDocUri?: (ruleId: string) => string | undefined,
): lsp.Diagnostic[] {
  if (token.isCancellationRequested) return [];
  const findings = a.findings();
  if (token.isCancellationRequested) return [];
  return findings.map((f) => toDiagnostic(a, f, ruleDocUri));
}
