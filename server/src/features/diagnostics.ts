/**
 * Lint findings as LSP diagnostics: the rule id is the `code`, `codeDescription`
 * links to the rule's page, related information points at what the finding is
 * about, and `data` carries the fix so that a quick fix needs no re-lint.
 *
 * While typing, the findings of unchanged items are the same objects as before (or moved
 * copies of them, engine/incremental.ts): their diagnostics are re-used, not rebuilt; only
 * the version they carry (and, for a moved one, its ranges and fix) is brought up to date.
 */
import type * as lsp from 'vscode-languageserver-types';
import type { Finding } from '../engine.js';
import { rebasedFrom } from '../engine/incremental.js';
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
  return findings.map((f) => diagnosticOf(a, f, ruleDocUri));
}

interface Built {
  readonly diagnostic: lsp.Diagnostic;
  readonly uri: string;
  readonly lang: Analysis['lang'];
  readonly ruleDocUri: ((ruleId: string) => string | undefined) | undefined;
}

const built = new WeakMap<Finding, Built>();

/** The diagnostic of a finding: the one built before for the same finding (or the finding it was moved from), else a new one. */
function diagnosticOf(a: Analysis, f: Finding, ruleDocUri: ((ruleId: string) => string | undefined) | undefined): lsp.Diagnostic {
  const usable = (b: Built | undefined): b is Built => !!b && b.uri === a.uri && b.lang === a.lang && b.ruleDocUri === ruleDocUri;
  const same = built.get(f);
  let diagnostic: lsp.Diagnostic;
  if (usable(same)) {
    const d = same.diagnostic;
    const data = d.data as DiagnosticData;
    if (data.version === a.version) return d;
    diagnostic = { ...d, data: { ...data, version: a.version } };
  } else {
    const from = rebasedFrom(f)?.origin;
    const old = from && built.get(from);
    if (usable(old)) {
      const d = old.diagnostic;
      diagnostic = {
        ...d,
        range: toRange(f.range),
        relatedInformation: f.related?.map((r, i) => ({ location: { uri: a.uri, range: toRange(r.range) }, message: d.relatedInformation?.[i]?.message ?? r.message[a.lang] })),
        data: { ...(d.data as DiagnosticData), version: a.version, fix: f.fix, suggestions: f.suggestions },
      };
    } else diagnostic = toDiagnostic(a, f, ruleDocUri);
  }
  built.set(f, { diagnostic, uri: a.uri, lang: a.lang, ruleDocUri });
  return diagnostic;
}
