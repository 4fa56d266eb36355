/**
 * Re-analysis after an edit (incremental parse + re-used item models) gives the same
 * meeting model and the same findings as analysing the new text from scratch.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConfig, resolveConfig } from '../../server/src/config/resolve.js';
import { analyze, lintAnalyzed, type PreviousAnalysis } from '../../server/src/engine.js';
import type { Meeting } from '../../server/src/model/types.js';
import type { Document } from '../../server/src/syntax/ast.js';
import { apply, edit, files } from '../helpers/edits.js';

/**
 * Every node an item model points at is a node of the tree it was built for (not a stray copy):
 * rules compare nodes by identity (e.g. an item's fields against its case number field).
 */
function expectPointsIntoTree(meeting: Meeting, doc: Document) {
  const nodes = new Set<object>();
  const collect = (x: unknown) => {
    if (x === null || typeof x !== 'object' || nodes.has(x)) return;
    nodes.add(x);
    for (const v of Object.values(x)) collect(v);
  };
  collect(doc);
  for (const m of meeting.items) {
    const pointed: object[] = [m.node, ...m.sections.map((s) => s.node), ...m.otherFields, ...m.proposals.map((p) => p.item), ...m.decisions.map((p) => p.item)];
    for (const x of [m.caseNumberField, m.proposalList, m.decisionList, m.attendance.absentField?.field, ...m.attendance.sentences]) if (x) pointed.push(x);
    for (const x of pointed) expect(nodes.has(x)).toBe(true);
  }
}

describe('incremental re-analysis', () => {
  it('equals a fresh analysis and lint after every edit of a random sequence', () => {
    const configs = [defaultConfig, resolveConfig({ profile: 'sonderborg' })];
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.array(edit, { minLength: 1, maxLength: 5 }), fc.constantFrom(...configs), ([, start], edits, config) => {
        let text = start;
        let prev: PreviousAnalysis = { text, ...analyze(text, config) };
        for (const e of edits) {
          const next = apply(text, e);
          const inc = analyze(next, config, prev);
          const fresh = analyze(next, config);
          expect(inc.meeting).toEqual(fresh.meeting);
          expectPointsIntoTree(inc.meeting, inc.parse.ast);
          expect(lintAnalyzed(next, inc.parse, inc.meeting, inc.config).findings).toEqual(lintAnalyzed(next, fresh.parse, fresh.meeting, fresh.config).findings);
          text = next;
          prev = { text, ...inc };
        }
      }),
      { numRuns: Number(process.env.INCREMENTAL_RUNS ?? 300) },
    );
  }, 300_000);

  it('re-uses the models of the items the edit did not touch', () => {
    const text = files.find(([n]) => n === 'bench 60 KB')![1];
    const first = analyze(text);
    const at = first.parse.ast.items[3]!.range.start.offset + 60;
    const next = analyze(text.slice(0, at) + 'e' + text.slice(at), defaultConfig, { text, ...first });
    // Before the edit: the same objects; the edited item: built again; after it: moved copies.
    expect(next.meeting.items[2]).toBe(first.meeting.items[2]);
    expect(next.meeting.items[3]).not.toBe(first.meeting.items[3]);
    expect(next.meeting.items[4]!.node).toBe(next.parse.ast.items[4]);
    expect(next.meeting.items[4]!.node.range.start.offset).toBe(first.meeting.items[4]!.node.range.start.offset + 1);
  });
});
