/**
 * decision-points: the numbered (or bulleted) points of a Beslutning answer the
 * proposals of the Indstilling one to one: same count, same numbers, same order.
 * A Beslutning without points answers a single proposal only.
 */
import type { Point } from '../model/types.js';
import type { Rule } from './types.js';
import { headingRange } from './util/spans.js';
import { renumberEdits } from './util/structure.js';

const rule: Rule = {
  meta: {
    id: 'decision-points',
    defaultSeverity: 'error',
    description: {
      en: 'The points of a decision do not answer the proposals one to one (count, numbers, order).',
      da: 'Beslutningens punkter svarer ikke én til én på indstillingens punkter (antal, numre, rækkefølge).',
    },
    messages: {
      singleAnswer: {
        en: 'The decision of item {number} has no points but the proposal has {count}. Answer each proposal: "1. at godkendt.", "2. at …".',
        da: 'Beslutningen på punkt {number} har ingen punkter, men indstillingen har {count}. Besvar hvert punkt: "1. at godkendt.", "2. at …".',
      },
      count: {
        en: 'The decision of item {number} has {decisions:point|points} but the proposal has {proposals}. Answer every proposal, one point each.',
        da: 'Beslutningen på punkt {number} har {decisions:punkt|punkter}, men indstillingen har {proposals}. Besvar hvert punkt i indstillingen med ét punkt.',
      },
      number: {
        en: 'Decision point {found} should be numbered {expected}, like the proposal it answers.',
        da: 'Beslutningens punkt {found} skal have nummer {expected} ligesom det punkt i indstillingen, det besvarer.',
      },
    },
    fixable: true,
    scope: 'item',
    tags: ['structure'],
  },
  check(ctx) {
    if (ctx.meeting.kind === 'DAGSORDEN') return;
    for (const item of ctx.meeting.items) {
      const dec = item.decisionSection;
      if (!dec || dec.empty) continue;
      const proposals = item.proposals;
      const decisions = item.decisions;
      const related = (ps: readonly Point[]) =>
        ps.map((p) => ({ range: p.range, message: { en: `Proposal ${p.number ?? ''} to answer.`.replace('  ', ' '), da: `Indstillingens punkt ${p.number ?? ''}, der skal besvares.`.replace('  ', ' ') } }));
      if (decisions.length === 0) {
        if (proposals.length >= 2) {
          ctx.report({ messageId: 'singleAnswer', data: { number: item.number, count: proposals.length }, range: headingRange(ctx.lines, dec.node.heading), related: related(proposals) });
        }
        continue;
      }
      if (proposals.length === 0) continue;
      if (decisions.length !== proposals.length) {
        ctx.report({
          messageId: 'count',
          data: { number: item.number, decisions: decisions.length, proposals: proposals.length },
          range: item.decisionList!.items[0]!.marker.range,
          related: related(proposals.slice(decisions.length)),
        });
        continue;
      }
      if (!item.decisionList!.ordered || !item.proposalList!.ordered) continue;
      const want = proposals.map((p, i) => p.number ?? i + 1);
      const fixEdits = renumberEdits(item.decisionList!.items, want);
      decisions.forEach((d, i) => {
        if (d.number === want[i]) return;
        ctx.report({
          messageId: 'number',
          data: { found: d.number ?? '?', expected: want[i]! },
          range: d.item.marker.range,
          fix: { title: { da: 'Nummerér beslutningen som indstillingen', en: 'Number the decision like the proposals' }, edits: fixEdits },
          related: related([proposals[i]!]),
        });
      });
    }
  },
};

export default rule;
