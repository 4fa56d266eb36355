/**
 * The lint engine: parse → model → rules → findings, with inline control comments,
 * severities from configuration, and fixes applied as text edits. Pure: no I/O.
 * The CLI and the language service both call this, so editor and CI never disagree.
 */
import { defaultConfig, withProfile, type ResolvedConfig } from './config/resolve.js';
import type { Severity } from './config/schema.js';
import { renderBoth } from './i18n.js';
import { buildMeeting } from './model/build.js';
import { itemReuse } from './model/incremental.js';
import type { Meeting } from './model/types.js';
import { allRules, ruleById } from './rules/index.js';
import type { Fix, Localized, MeetingSummary, RelatedInfo, Report, Rule, TextEdit } from './rules/types.js';
import type { ParseResult, Range } from './syntax/ast.js';
import { isBinaryText, NOT_TEXT } from './syntax/binary.js';
import { reparse, type Unchanged } from './syntax/incremental.js';
import { LintMemo, noteSuccession, type RunRule } from './engine/incremental.js';

export type { Finding, FindingSeverity } from './engine/finding.js';
import type { Finding, FindingSeverity } from './engine/finding.js';

export interface LintOptions {
  readonly config?: ResolvedConfig;
  readonly uri?: string;
  readonly siblings?: readonly MeetingSummary[];
  /** Only run these rules (syntax diagnostics are always reported). */
  readonly only?: readonly string[];
}

export interface LintResult {
  readonly parse: ParseResult;
  readonly meeting: Meeting;
  readonly config: ResolvedConfig;
  readonly findings: Finding[];
}

/** The configuration that applies to a parsed file: its `Profil` field wins over the configured profile. */
export function effectiveConfig(parsed: ParseResult, config: ResolvedConfig): ResolvedConfig {
  const field = parsed.ast.fields.find((f) => f.name.text.trim().toLowerCase() === 'profil');
  const name = field?.value.text.replace(/<!--[\s\S]*?-->/g, '').trim();
  if (!name) return config;
  return withProfile(config, name) ?? config;
}

/** An earlier analysis of the same document, which `analyze` may re-use (the editor's typing path). */
export interface PreviousAnalysis {
  readonly text: string;
  readonly parse: ParseResult;
  readonly meeting: Meeting;
  readonly config: ResolvedConfig;
}

/**
 * Parses and builds the model only (no rules): what exporters and most editor features need.
 * With `previous`, only the edited item is parsed and modelled again (the result is the same);
 * `unchanged` says what the edit of `previous.text` left unchanged, when the editor knows it.
 */
export function analyze(
  text: string,
  config: ResolvedConfig = defaultConfig,
  previous?: PreviousAnalysis,
  unchanged?: Unchanged,
): { parse: ParseResult; meeting: Meeting; config: ResolvedConfig } {
  const re = reparse(previous && { text: previous.text, result: previous.parse }, text, unchanged);
  const parsed = re.result;
  if (previous && re.mode !== 'full') noteSuccession(previous.parse, parsed, re.relocation?.copies);
  const cfg = effectiveConfig(parsed, config);
  const reuse = re.mode === 'full' ? undefined : itemReuse(previous && { meeting: previous.meeting, profile: previous.config.profile }, cfg.profile, re.relocation);
  return { parse: parsed, meeting: buildMeeting(parsed, text, cfg.profile, reuse), config: cfg };
}

export function lint(text: string, options: LintOptions = {}): LintResult {
  const { parse: parsed, meeting, config } = analyze(text, options.config ?? defaultConfig);
  return lintAnalyzed(text, parsed, meeting, config, options);
}

export function lintAnalyzed(
  text: string,
  parsed: ParseResult,
  meeting: Meeting,
  config: ResolvedConfig,
  options: LintOptions = {},
  memo?: LintMemo,
): LintResult {
  const findings: Finding[] = [];
  if (isBinaryText(text)) {
    // Binary data is not minutes: one finding, not a cascade of "no title", "no date" ….
    findings.push({
      ruleId: 'syntax',
      messageId: 'not-text',
      severity: 'error',
      message: { ...NOT_TEXT },
      range: { start: parsed.lines.position(0), end: parsed.lines.position(0) },
    });
    return { parse: parsed, meeting, config, findings };
  }
  const suppress = controlComments(parsed);
  const keep = (ruleId: string, range: Range) => !suppress(ruleId, range.start.line);

  for (const d of parsed.diagnostics) {
    if (!keep('syntax', d.range)) continue;
    findings.push({
      ruleId: 'syntax',
      messageId: d.code,
      severity: d.severity,
      message: d.message,
      range: d.range,
    });
  }

  const rules: readonly Rule[] = options.only ? options.only.map((id) => ruleById(id)).filter((r): r is Rule => !!r) : allRules;
  const runRule = ruleRunner(text, parsed, config, options);
  const active: { rule: Rule; severity: FindingSeverity }[] = [];
  for (const rule of rules) {
    const severity = config.severities[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (severity !== 'off') active.push({ rule, severity });
  }
  // The item-scoped rules through the memo (only the edited items are checked again), the others on the whole meeting.
  const memoised = memo?.run(
    active.filter((r) => r.rule.meta.scope === 'item'),
    text,
    parsed,
    meeting,
    config,
    runRule,
  );
  for (const { rule, severity } of active) {
    if (memoised && rule.meta.scope === 'item') continue;
    const found = runRule(rule, severity, meeting);
    if (!Array.isArray(found)) {
      // A rule must never take the whole lint down; report the failure where the user sees it.
      findings.push(internalError(rule, found.error, parsed));
      continue;
    }
    for (const f of found) if (keep(rule.meta.id, f.range)) findings.push(f);
  }
  if (memoised) for (const f of memoised) if (keep(f.ruleId, f.range)) findings.push(f);
  findings.sort((a, b) => a.range.start.offset - b.range.start.offset || a.ruleId.localeCompare(b.ruleId));
  return { parse: parsed, meeting, config, findings };
}

/** Runs one rule on a meeting (or a view of it) and renders its reports as findings. */
function ruleRunner(text: string, parsed: ParseResult, config: ResolvedConfig, options: LintOptions): RunRule {
  return (rule, severity, view) => {
    const reports: Report[] = [];
    try {
      rule.check({
        meeting: view,
        source: text,
        lines: parsed.lines,
        profile: config.profile,
        roster: config.roster,
        siblings: options.siblings,
        uri: options.uri,
        eol: parsed.ast.eol,
        report: (r) => {
          // A rule offers only the kinds of fix its metadata declares (as ESLint insists on
          // meta.fixable): `--fix` trusts that declaration.
          if (r.fix && !rule.meta.fixable) throw new Error(`rule ${rule.meta.id} reported a fix but does not declare fixable`);
          if (r.suggestions?.length && !rule.meta.hasSuggestions) throw new Error(`rule ${rule.meta.id} reported suggestions but does not declare hasSuggestions`);
          reports.push(r);
        },
      });
    } catch (error) {
      return { error };
    }
    return reports.map((r) => {
      const template = rule.meta.messages[r.messageId];
      return {
        ruleId: rule.meta.id,
        messageId: r.messageId,
        severity,
        message: template ? renderBoth(template, r.data) : { da: r.messageId, en: r.messageId },
        range: r.range,
        fix: r.fix,
        suggestions: r.suggestions,
        related: r.related,
      };
    });
  };
}

function internalError(rule: Rule, error: unknown, parsed: ParseResult): Finding {
  return {
    ruleId: rule.meta.id,
    messageId: 'internal-error',
    severity: 'error',
    message: {
      da: `Intern fejl i reglen ${rule.meta.id}: ${String(error)}`,
      en: `Internal error in rule ${rule.meta.id}: ${String(error)}`,
    },
    range: parsed.ast.range,
  };
}

// ─── Inline control comments ────────────────────────────────────────────────

const CONTROL = /^\s*referat-(disable-next-line|disable-line|disable|enable)\b([^]*)$/;

/**
 * Returns a predicate telling whether a finding of a rule on a line is switched off by
 * `<!-- referat-disable [ids] -->`, `<!-- referat-enable [ids] -->` or
 * `<!-- referat-disable-next-line [ids] -->` (no ids = every rule).
 */
export function controlComments(parsed: ParseResult): (ruleId: string, line: number) => boolean {
  type Toggle = { line: number; disable: boolean; rules: string[] | null };
  const toggles: Toggle[] = [];
  const lineRules = new Map<number, (string[] | null)[]>();
  for (const c of parsed.ast.comments) {
    const m = CONTROL.exec(c.body);
    if (!m) continue;
    const ids = m[2]!.split(/[\s,]+/).filter((s) => /^[a-z][a-z0-9-]*$/.test(s));
    const rules = ids.length ? ids : null;
    const kind = m[1]!;
    if (kind === 'disable-next-line' || kind === 'disable-line') {
      const line = kind === 'disable-line' ? c.range.start.line : c.range.end.line + 1;
      const list = lineRules.get(line) ?? [];
      list.push(rules);
      lineRules.set(line, list);
    } else {
      // A disable/enable comment acts from its own line on.
      toggles.push({ line: c.range.start.line, disable: kind === 'disable', rules });
    }
  }
  if (toggles.length === 0 && lineRules.size === 0) return () => false;
  return (ruleId, line) => {
    const onLine = lineRules.get(line);
    if (onLine?.some((r) => r === null || r.includes(ruleId))) return true;
    let disabled = false;
    for (const t of toggles) {
      if (t.line > line) break;
      if (t.rules === null || t.rules.includes(ruleId)) disabled = t.disable;
    }
    return disabled;
  };
}

// ─── Fixes ──────────────────────────────────────────────────────────────────

/** Applies non-overlapping edits; edits that overlap an earlier one are skipped and returned. */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; skipped: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  const skipped: TextEdit[] = [];
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos || e.end < e.start || e.end > text.length) {
      skipped.push(e);
      continue;
    }
    out.push(text.slice(pos, e.start), e.newText);
    pos = e.end;
  }
  out.push(text.slice(pos));
  return { text: out.join(''), skipped };
}

/** The stretches of text a fix claims: each edit (and its declared scope), widened to whole lines. */
function claims(text: string, fix: Fix): [number, number][] {
  const lineOf = (s: number, e: number): [number, number] => {
    const ls = text.lastIndexOf('\n', s - 1) + 1;
    let le = text.indexOf('\n', e);
    if (le < 0) le = text.length;
    return [ls, le];
  };
  // Two fixes in one line touch the same sentence or name list.
  const out = fix.edits.map((e) => lineOf(e.start, e.end));
  if (fix.scope) out.push(lineOf(fix.scope.start, fix.scope.end));
  return out;
}

function fixKey(fix: Fix): string {
  return fix.edits.map((e) => `${e.start}:${e.end}:${e.newText}`).join('\u0000');
}

/** How much a fix changes: the least invasive of two conflicting fixes goes first. */
function weight(fix: Fix): number {
  return fix.edits.reduce((n, e) => n + (e.end - e.start) + e.newText.length, 0);
}

/**
 * Applies the fixes of one pass, as ESLint and markdownlint do: identical fixes (two rules
 * making the same change) are merged; then, by position, a fix is kept only if the lines it
 * claims (its edits, widened to whole lines, so one sentence or name list is never edited by
 * two fixes in one pass) do not meet those of a fix already kept; the rest wait for the next
 * pass, computed on the new text. `applied` counts the fixes (merged ones included) applied.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const byKey = new Map<string, { fix: Fix; count: number }>();
  for (const fix of fixes) {
    if (fix.edits.length === 0) continue;
    const k = fixKey(fix);
    const had = byKey.get(k);
    if (had) had.count++;
    else byKey.set(k, { fix, count: 1 });
  }
  const candidates = [...byKey.values()].map((c) => ({
    ...c,
    claims: claims(text, c.fix),
    first: Math.min(...c.fix.edits.map((e) => e.start)),
    weight: weight(c.fix),
  }));
  // First by position; of two fixes at one place, the least invasive (a corrected name before an added note).
  candidates.sort((a, b) => a.first - b.first || a.weight - b.weight);
  const chosen: TextEdit[] = [];
  const taken: [number, number][] = [];
  let applied = 0;
  for (const c of candidates) {
    if (c.claims.some(([s, e]) => taken.some(([ts, te]) => s <= te && e >= ts))) continue;
    if (c.fix.edits.some((ed) => ed.end < ed.start || ed.start < 0 || ed.end > text.length)) continue;
    // Edits of one fix must not overlap each other either.
    const own = [...c.fix.edits].sort((x, y) => x.start - y.start || x.end - y.end);
    if (own.some((ed, i) => i > 0 && ed.start < own[i - 1]!.end)) continue;
    taken.push(...c.claims);
    chosen.push(...c.fix.edits);
    applied += c.count;
  }
  return { text: applyEdits(text, chosen).text, applied };
}

/** The most passes `fixAll` makes (ESLint's limit). */
export const MAX_FIX_PASSES = 10;

/**
 * Fixes everything fixable (optionally of some rules only): one pass of non-conflicting
 * fixes (`applyFixes`), then the text is linted again and the next pass computed on it, at
 * most `MAX_FIX_PASSES` passes. The CLI's `--fix`, the editor's `source.fixAll` and "fix all
 * of this rule" all call this.
 */
export function fixAll(
  text: string,
  options: LintOptions & { readonly rules?: readonly string[] } = {},
): { text: string; applied: number; passes: number; result: LintResult } {
  let current = text;
  let total = 0;
  let passes = 0;
  let result = lint(current, options);
  while (passes < MAX_FIX_PASSES) {
    const fixes = result.findings
      .filter((f) => f.fix && (!options.rules || options.rules.includes(f.ruleId)))
      .map((f) => f.fix!);
    if (fixes.length === 0) break;
    const { text: next, applied } = applyFixes(current, fixes);
    if (applied === 0 || next === current) break;
    passes++;
    total += applied;
    current = next;
    result = lint(current, options);
  }
  return { text: current, applied: total, passes, result };
}

export { allRules, ruleById, LintMemo };
