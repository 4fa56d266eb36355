/**
 * Incremental lint, item by item (the way rust-analyzer's queries work): the findings of the
 * rules declared `scope: 'item'` are memoised per agenda item, keyed by the item's text and
 * by the meeting-wide facts those rules read (the header's text, the substitutes named in
 * any item, the line ending, the profile and roster, the severities). After an edit only the items whose text changed are checked
 * again; the findings of the others are re-used, their ranges, fix and suggestion edits and
 * related ranges moved to where the item now starts. Rules of `scope: 'meeting'` are not
 * memoised: the engine runs them on the whole meeting every time.
 *
 * Why an item's findings are a function of that key: an item runs from its `## Punkt`
 * heading to the next heading, which starts a line, so its text fixes its nodes, its model
 * (model/incremental.ts) and every position in it relative to its start (same characters,
 * lines shifted by the same amount); an item-scoped rule, run on a view of the meeting with
 * the header, that one item and every substitution of the meeting (`substitutions`: so that
 * the members it counts are those of the whole meeting), reports exactly the findings the whole-meeting run reports
 * inside the item. The header's own findings come from a view with no items.
 * test/fuzz/incremental-analysis.property.test.ts checks that the result equals a fresh lint.
 */
import type { ResolvedConfig } from '../config/resolve.js';
import type { Finding, FindingSeverity } from './finding.js';
import type { Meeting } from '../model/types.js';
import type { Fix, RelatedInfo, Rule, TextEdit } from '../rules/types.js';
import { allSubstitutions } from '../rules/util/attendance.js';
import type { ParseResult, Position, Range } from '../syntax/ast.js';

/** Runs one rule on a meeting or a view of it: its findings (before control comments), or what it threw. */
export type RunRule = (rule: Rule, severity: FindingSeverity, meeting: Meeting) => Finding[] | { readonly error: unknown };

interface Entry {
  /** Offset and line of the item's start when `findings` were computed or last moved. */
  readonly start: number;
  readonly line: number;
  readonly findings: readonly Finding[];
}

/** How a parse came from the previous one (engine.ts `analyze`): its items are the previous items, shared or moved copies. */
interface Succession {
  /** Weak: a chain of successions must not keep every earlier tree alive. */
  readonly previous: WeakRef<ParseResult>;
  /** Old node → its moved copy (items after the edited one); absent when the text did not change. */
  readonly copies?: ReadonlyMap<object, object>;
}
const successions = new WeakMap<ParseResult, Succession>();

/** Records that `next` was parsed incrementally from `previous` (the editor's typing path). */
export function noteSuccession(previous: ParseResult, next: ParseResult, copies: ReadonlyMap<object, object> | undefined): void {
  if (previous !== next) successions.set(next, { previous: new WeakRef(previous), copies });
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
  private roster: unknown;
  private header: readonly Finding[] = [];
  /** The last run: its text, its parse, and the entry of each of its items, in order. */
  private text = '';
  private parse: ParseResult | undefined;
  private entries: { readonly node: object; readonly entry: Entry }[] = [];
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
    // The meeting-wide facts an item-scoped rule may read beyond the header: the substitutes
    // named in any item (who counts as a member). The views carry them all as `substitutions`.
    const substitutions = [...allSubstitutions(meeting)];
    const people = substitutions.map((x) => `${x.substitute.name}>${x.for.name}`).join('|');
    const key = `${parsed.ast.eol}\u0000${rules.map((r) => `${r.rule.meta.id}:${r.severity}`).join(',')}\u0000${people}\u0000${text.slice(0, headerEnd)}`;
    const valid = key === this.key && config.profile === this.profile && config.roster === this.roster;
    if (!valid) {
      // Another header, profile or rule set: nothing of before holds.
      this.key = undefined;
      this.entries = [];
      const view: Meeting = { ...meeting, substitutions, items: [] };
      const header: Finding[] = [];
      for (const { rule, severity } of rules) {
        const found = runRule(rule, severity, view);
        if (!Array.isArray(found)) return undefined;
        for (const f of found) if (f.range.start.offset < headerEnd) header.push(f);
      }
      this.header = header;
    }
    const lookup = this.lookup(text, parsed);
    const out: Finding[] = [...this.header];
    const entries: { node: object; entry: Entry }[] = [];
    let checked = 0;
    let reused = 0;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      const start = node.range.start.offset;
      const line = node.range.start.line;
      const last = i === nodes.length - 1;
      const end = last ? text.length : nodes[i + 1]!.range.start.offset;
      let entry = lookup(node, start, end);
      if (entry) {
        reused++;
        const from = entry;
        if (from.start !== start || from.line !== line) entry = { start, line, findings: from.findings.map((f) => rebase(f, from.start, start - from.start, line - from.line)) };
      } else {
        checked++;
        const view: Meeting = { ...meeting, substitutions, items: [meeting.items[i]!] };
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
      entries.push({ node, entry });
      for (const f of entry.findings) out.push(f);
    }
    this.entries = entries;
    this.text = text;
    this.parse = parsed;
    this.key = key;
    this.profile = config.profile;
    this.roster = config.roster;
    this.lastRun = { checked, reused };
    return out;
  }

  /**
   * How this run finds the entry of an item of the last run. After an incremental parse from
   * the last run's parse, an item node shared with it or moved from it holds the same text: by
   * identity, no text is compared (the typing path). Otherwise (a full parse) by the item's text.
   */
  private lookup(text: string, parsed: ParseResult): (node: object, start: number, end: number) => Entry | undefined {
    if (this.entries.length === 0) return () => undefined;
    // The successions from the last run's parse to this one (several when versions were parsed but not linted).
    const chain: Succession[] = [];
    for (let p: ParseResult | undefined = parsed; p !== this.parse; ) {
      const s: Succession | undefined = p && successions.get(p);
      if (!s || chain.length >= 64) {
        chain.length = 0;
        break;
      }
      chain.unshift(s);
      p = s.previous.deref();
    }
    if (parsed === this.parse || chain.length > 0) {
      // Consumed: a moved copy's map keeps the older tree alive.
      for (let p: ParseResult | undefined = parsed; p && successions.has(p); ) {
        const s: Succession = successions.get(p)!;
        successions.delete(p);
        p = s.previous.deref();
      }
      const byNode = new Map<object, Entry>();
      for (const { node, entry } of this.entries) {
        let now = node;
        for (const s of chain) now = (s.copies?.get(now) as object | undefined) ?? now;
        byNode.set(now, entry);
      }
      return (node) => byNode.get(node);
    }
    const byText = new Map<string, Entry>();
    const old = this.entries;
    for (let i = 0; i < old.length; i++) {
      const end = i === old.length - 1 ? this.text.length : old[i + 1]!.entry.start;
      byText.set(this.text.slice(old[i]!.entry.start, end), old[i]!.entry);
    }
    return (_node, start, end) => byText.get(text.slice(start, end));
  }

  clear(): void {
    this.key = undefined;
    this.header = [];
    this.text = '';
    this.parse = undefined;
    this.entries = [];
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
