/**
 * Incremental lint, item by item (the way rust-analyzer's queries work): the findings of the
 * rules declared `scope: 'item'` are memoised per agenda item, keyed by the item's text and
 * by the meeting-wide facts those rules read (the header's text, the line ending, the
 * profile, the severities). After an edit only the items whose text changed are checked
 * again; the findings of the others are re-used, their ranges, fix and suggestion edits and
 * related ranges moved to where the item now starts. Rules of `scope: 'meeting'` are not
 * memoised: the engine runs them on the whole meeting every time.
 *
 * Why an item's findings are a function of that key: an item runs from its `## Punkt`
 * heading to the next heading, which starts a line, so its text fixes its nodes, its model
 * (model/incremental.ts) and every position in it relative to its start (same characters,
 * lines shifted by the same amount); an item-scoped rule, run on a view of the meeting with
 * the header and that one item, reports exactly the findings the whole-meeting run reports
 * inside the item. The header's own findings come from a view with no items.
 * test/fuzz/incremental-analysis.property.test.ts checks that the result equals a fresh lint.
 */
import type { ResolvedConfig } from '../config/resolve.js';
import type { Finding, FindingSeverity } from '../engine.js';
import type { Meeting } from '../model/types.js';
import type { Fix, RelatedInfo, Rule, TextEdit } from '../rules/types.js';
import type { ParseResult, Position, Range } from '../syntax/ast.js';

/** Runs one rule on a meeting or a view of it: its findings (before control comments), or what it threw. */
export type RunRule = (rule: Rule, severity: FindingSeverity, meeting: Meeting) => Finding[] | { readonly error: unknown };

interface Entry {
  /** Offset and line of the item's start when `findings` were computed or last moved. */
  readonly start: number;
  readonly line: number;
  readonly findings: readonly Finding[];
}

/** Where a re-used finding came from (for features/diagnostics.ts: its diagnostic moves the same way). */
const origins = new WeakMap<Finding, { readonly origin: Finding; readonly lineDelta: number }>();

export function rebasedFrom(f: Finding): { readonly origin: Finding; readonly lineDelta: number } | undefined {
  return origins.get(f);
}

/** The memo of one document's item-scoped findings. One per open document (service/analyses.ts). */
export class LintMemo {
  private key: string | undefined;
  private profile: unknown;
  private header: readonly Finding[] = [];
  private items = new Map<string, Entry>();
  /** How many items the last run checked again and re-used (for tests and the benchmark). */
  lastRun = { checked: 0, reused: 0 };

  /**
   * The findings of `rules` (all item-scoped and switched on, in registry order) for the
   * whole meeting, checking again only the items whose text changed. Undefined when a rule
   * threw: the engine then runs the rules as usual (and reports the failure).
   */
  run(rules: readonly { rule: Rule; severity: FindingSeverity }[], text: string, parsed: ParseResult, meeting: Meeting, config: ResolvedConfig, runRule: RunRule): Finding[] | undefined {
    const nodes = parsed.ast.items;
    if (nodes.length === 0 || meeting.items.length !== nodes.length) return undefined;
    const headerEnd = nodes[0]!.range.start.offset;
    const key = `${parsed.ast.eol}\u0000${rules.map((r) => `${r.rule.meta.id}:${r.severity}`).join(',')}\u0000${text.slice(0, headerEnd)}`;
    let old = this.items;
    if (key !== this.key || config.profile !== this.profile) {
      // Another header, profile or rule set: nothing of before holds.
      this.key = undefined;
      old = new Map();
      const view: Meeting = { ...meeting, items: [] };
      const header: Finding[] = [];
      for (const { rule, severity } of rules) {
        const found = runRule(rule, severity, view);
        if (!Array.isArray(found)) return undefined;
        for (const f of found) if (f.range.start.offset < headerEnd) header.push(f);
      }
      this.header = header;
    }
    const out: Finding[] = [...this.header];
    const next = new Map<string, Entry>();
    let checked = 0;
    let reused = 0;
    for (let i = 0; i < nodes.length; i++) {
      const start = nodes[i]!.range.start.offset;
      const line = nodes[i]!.range.start.line;
      const last = i === nodes.length - 1;
      const end = last ? text.length : nodes[i + 1]!.range.start.offset;
      const itemText = text.slice(start, end);
      let entry = next.get(itemText) ?? old.get(itemText);
      if (entry) {
        reused++;
        if (entry.start !== start || entry.line !== line) entry = { start, line, findings: entry.findings.map((f) => rebase(f, entry!.start, start - entry!.start, line - entry!.line)) };
      } else {
        checked++;
        const view: Meeting = { ...meeting, items: [meeting.items[i]!] };
        const findings: Finding[] = [];
        for (const { rule, severity } of rules) {
          const found = runRule(rule, severity, view);
          if (!Array.isArray(found)) return undefined;
          for (const f of found) {
            const at = f.range.start.offset;
            if (at >= start && (at < end || (last && at === end))) findings.push(f);
          }
        }
        entry = { start, line, findings };
      }
      next.set(itemText, entry);
      for (const f of entry.findings) out.push(f);
    }
    this.items = next;
    this.key = key;
    this.profile = config.profile;
    this.lastRun = { checked, reused };
    return out;
  }

  clear(): void {
    this.key = undefined;
    this.items = new Map();
    this.header = [];
  }
}

/** A finding of an item that moved: every offset at or after the item's old start moved by `delta`, its line by `lineDelta`. */
function rebase(f: Finding, from: number, delta: number, lineDelta: number): Finding {
  const pos = (p: Position): Position => (p.offset >= from ? { offset: p.offset + delta, line: p.line + lineDelta, character: p.character } : p);
  const range = (r: Range): Range => ({ start: pos(r.start), end: pos(r.end) });
  const at = (n: number) => (n >= from ? n + delta : n);
  const edit = (e: TextEdit): TextEdit => ({ start: at(e.start), end: at(e.end), newText: e.newText });
  const fix = (x: Fix): Fix => ({ ...x, edits: x.edits.map(edit), ...(x.scope ? { scope: { start: at(x.scope.start), end: at(x.scope.end) } } : {}) });
  const related = (r: RelatedInfo): RelatedInfo => ({ ...r, range: range(r.range) });
  const moved: Finding = {
    ...f,
    range: range(f.range),
    fix: f.fix && fix(f.fix),
    suggestions: f.suggestions && f.suggestions.map(fix),
    related: f.related && f.related.map(related),
  };
  const prior = origins.get(f);
  origins.set(moved, prior ? { origin: prior.origin, lineDelta: prior.lineDelta + lineDelta } : { origin: f, lineDelta });
  return moved;
}
