/**
 * Test helpers: lint a fixture, read the expectations it carries inline
 * (`<!-- expect: rule-id[, rule-id] -->` at the end of the line where a finding starts),
 * and compare them with what the engine reports.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { fixAll, lint, type Finding, type LintOptions, type LintResult } from '../../server/src/engine.js';

export interface Expectation {
  /** Zero-based line. */
  line: number;
  ruleId: string;
}

const EXPECT = /<!--\s*expect:\s*([a-z0-9, -]+?)\s*-->/g;

export function expectations(text: string): Expectation[] {
  const out: Expectation[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((l, line) => {
    for (const m of l.matchAll(EXPECT)) {
      for (const id of m[1]!.split(/[\s,]+/).filter(Boolean)) out.push({ line, ruleId: id });
    }
  });
  return out;
}

export function key(e: Expectation): string {
  return `${e.line + 1}:${e.ruleId}`;
}

/** Findings as sorted `line:rule` keys (1-based lines, as a reader counts). */
export function findingKeys(findings: readonly Finding[]): string[] {
  return findings.map((f) => key({ line: f.range.start.line, ruleId: f.ruleId })).sort(compareKeys);
}

function compareKeys(a: string, b: string): number {
  const [la, ra] = a.split(':');
  const [lb, rb] = b.split(':');
  return Number(la) - Number(lb) || ra!.localeCompare(rb!);
}

export function readFixture(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Lints a text and asserts that its findings are exactly its inline expectations. */
export function expectFindingsMatch(text: string, options: LintOptions = {}, label = 'fixture'): LintResult {
  const result = lint(text, options);
  const expected = expectations(text).map(key).sort(compareKeys);
  const actual = findingKeys(result.findings);
  const detail = result.findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}: ${f.message.en}`).join('\n');
  expect(actual, `${label}: findings (line:rule) differ from the expectations\n${detail}`).toEqual(expected);
  return result;
}

/** Applies every fix of one rule (re-linting between passes) and returns the new text. */
export function fixRule(text: string, ruleId: string, options: LintOptions = {}): string {
  return fixAll(text, { ...options, rules: [ruleId] }).text;
}
