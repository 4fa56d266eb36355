/**
 * The parser and the whole lint pipeline never throw on any input, and every range they
 * report lies inside the text, is ordered, and agrees with the line index (LSP positions).
 * Inputs: grammar documents, mutated seeds and examples, arbitrary strings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine.js';
import type { Range } from '../../server/src/syntax/ast.js';
import { LineIndex } from '../../server/src/syntax/lines.js';
import { parse } from '../../server/src/syntax/parser.js';
import { anyInput, mutatedRealFile, referatDocument } from './arbitraries.js';
import { fuzzProperty } from './harness.js';

/** Walks every object with a `range` in a tree. */
function* ranges(node: unknown, seen = new Set<unknown>()): Generator<Range> {
  if (!node || typeof node !== 'object' || seen.has(node)) return;
  seen.add(node);
  const r = (node as { range?: Range }).range;
  if (r && typeof r === 'object' && 'start' in r) yield r;
  for (const v of Object.values(node)) {
    if (v && typeof v === 'object') yield* ranges(v, seen);
  }
}

export function checkRanges(text: string, tree: unknown, extra: readonly Range[] = []): void {
  const li = new LineIndex(text);
  for (const r of [...ranges(tree), ...extra]) {
    if (!(r.start.offset >= 0 && r.start.offset <= r.end.offset && r.end.offset <= text.length)) {
      throw new Error(`range ${r.start.offset}–${r.end.offset} outside the text (length ${text.length})`);
    }
    expect(li.position(r.start.offset)).toEqual(r.start);
    expect(li.position(r.end.offset)).toEqual(r.end);
  }
}

fuzzProperty({
  name: 'parser-ranges',
  arbitrary: anyInput(),
  check: (text) => {
    const r = parse(text);
    expect(r.ast.range.end.offset).toBe(text.length);
    checkRanges(text, r.ast, r.diagnostics.map((d) => d.range));
  },
  runs: 200,
});

fuzzProperty({
  name: 'lint-ranges',
  arbitrary: fc.oneof(mutatedRealFile(), referatDocument({ odd: true })),
  check: (text) => {
    const r = lint(text);
    checkRanges(text, r.parse.ast, r.findings.map((f) => f.range));
    for (const f of r.findings) {
      for (const fix of [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? [])]) {
        for (const e of fix.edits) {
          if (!(e.start >= 0 && e.start <= e.end && e.end <= text.length)) throw new Error(`${f.ruleId}: edit ${e.start}–${e.end} outside the text (length ${text.length})`);
        }
      }
    }
  },
  runs: 80,
  cost: 4,
});

describe('pathological input', () => {
  it('a 5 MB line, deep nesting, NULs, CR-only and 100,000 names yield a tree', () => {
    const inputs = [
      '# REFERAT U\n## Punkt 1: A\n### Sagsfremstilling\n' + 'ord '.repeat(1_300_000),
      '# REFERAT U\n' + Array.from({ length: 2000 }, (_, i) => ' '.repeat(i % 200) + '- x').join('\n'),
      '\u0000\u0001\u0002'.repeat(10_000),
      '# REFERAT U\r## Punkt 1: A\r### Beslutning\rGodkendt.\r'.repeat(1000),
      '# REFERAT U\nMødedeltagere: ' + Array.from({ length: 100_000 }, (_, i) => `Navn Nr${i}`).join(', ') + '\n',
      '<!--'.repeat(50_000),
    ];
    for (const text of inputs) {
      const r = lint(text);
      expect(r.parse.ast.range.end.offset).toBe(text.length);
    }
  });
});
