/**
 * Every fix and suggestion the rules offer applies as is: its edits lie inside the text
 * and do not overlap, and the text it gives parses with no syntax error the original did
 * not have. `fixAll` (what `referat lint --fix` runs) ends with a text that parses as well
 * as the original and leaves nothing fixable behind.
 */
import fc from 'fast-check';
import { applyEdits, fixAll, lint } from '../../server/src/engine.js';
import { parse } from '../../server/src/syntax/parser.js';
import { mutatedRealFile, referatDocument } from './arbitraries.js';
import { fuzzProperty } from './harness.js';

/** Syntax errors by code, as a count per code. */
function syntaxErrors(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of parse(text).diagnostics) if (d.severity === 'error') m.set(d.code, (m.get(d.code) ?? 0) + 1);
  return m;
}

function noNewErrors(before: Map<string, number>, text: string, what: string): void {
  for (const [code, n] of syntaxErrors(text)) {
    if (n > (before.get(code) ?? 0)) throw new Error(`${what} introduced the syntax error ${code}:\n${text}`);
  }
}

fuzzProperty({
  name: 'fixes',
  arbitrary: fc.oneof({ arbitrary: referatDocument(), weight: 3 }, { arbitrary: referatDocument({ odd: true }), weight: 1 }, { arbitrary: mutatedRealFile(), weight: 2 }),
  check: (text) => {
    const before = syntaxErrors(text);
    const result = lint(text);
    for (const f of result.findings) {
      for (const fix of [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? [])]) {
        const { text: fixed, skipped } = applyEdits(text, fix.edits);
        if (skipped.length) throw new Error(`${f.ruleId} "${fix.title.en}": ${skipped.length} of ${fix.edits.length} edits overlap or lie outside the text`);
        noNewErrors(before, fixed, `${f.ruleId} "${fix.title.en}"`);
      }
    }
    const all = fixAll(text);
    noNewErrors(before, all.text, 'fixAll');
    const left = all.result.findings.filter((f) => f.fix && applyEdits(all.text, f.fix.edits).text !== all.text);
    if (left.length) throw new Error(`fixAll left fixable findings: ${left.map((f) => `${f.ruleId}/${f.messageId}`).join(', ')}`);
  },
  runs: 60,
  cost: 8,
});
