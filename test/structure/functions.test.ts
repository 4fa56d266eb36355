/**
 * No function in server/src or client/src is longer than 100 lines (issue 17): a long
 * function is split into steps named for what they do.
 *
 * A function written before the rule and not yet split would be listed below with its length,
 * could only shrink, and would leave the list when split (the test says so); none is left.
 */
import { describe, expect, it } from 'vitest';
import { functionsOf, parse, rel, sourceFiles } from './source.js';

const MAX_LINES = 100;

/** file:name → lines today, of functions written before the rule and not yet split (none left). */
const NOT_YET_SPLIT: Readonly<Record<string, number>> = {};

describe('functions', () => {
  const all = sourceFiles('server/src', 'client/src').flatMap((f) => functionsOf(parse(f)).map((s) => ({ ...s, key: `${rel(f)}:${s.name}`, at: `${rel(f)}:${s.line}` })));

  it(`none is longer than ${MAX_LINES} lines (but the listed ones, which may only shrink)`, () => {
    const long = all.filter((s) => s.lines > (NOT_YET_SPLIT[s.key] ?? MAX_LINES)).map((s) => `${s.at} ${s.name} (${s.lines} lines)`);
    expect(long).toEqual([]);
  });

  it('the list of functions still to split holds only functions that are still too long', () => {
    const stillLong = new Set(all.filter((s) => s.lines > MAX_LINES).map((s) => s.key));
    const done = Object.keys(NOT_YET_SPLIT).filter((k) => !stillLong.has(k));
    expect(done, 'split: remove from NOT_YET_SPLIT').toEqual([]);
  });

  it('are found by the parser (the check is not vacuous)', () => {
    expect(all.length).toBeGreaterThan(500);
    expect(Math.max(...all.map((s) => s.lines))).toBeGreaterThan(40);
  });
});
