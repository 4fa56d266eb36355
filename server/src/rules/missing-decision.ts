/**
 * missing-decision: an open item of a REFERAT with no Beslutning section, or an empty one.
 *
 * The quick fix inserts a Beslutning at the house-style position that mirrors the proposals
 * (`1. at godkendt.` for `1. at … godkendes.`). It is offered as a suggestion, never applied
 * by `--fix` or "fix all": only the committee decides, and a tool must not record a decision
 * nobody made without the writer looking at it.
 *
 * Profile: the heading inserted is the profile's `decisionHeading`; where the profile notes
 * attendance under the first item (`attendance.placement` has `first-item`), a first item
 * without proposals is the attendance item and needs no decision.
 */
import { answerFor, buildDecisionHeading } from '../model/vocabulary.js';
import type { ItemModel, Meeting } from '../model/types.js';
import { formatDmy } from '../model/dates.js';
import type { Fix, Rule, RuleContext } from './types.js';
import { headingRange } from './util/spans.js';
import { nameOf, sectionInsertPoint } from './util/structure.js';

export { answerFor };

function decisionHeading(meeting: Meeting, ctx: RuleContext): string {
  return buildDecisionHeading(ctx.profile, meeting.committee, meeting.date);
}

function insertion(item: ItemModel, ctx: RuleContext): Fix {
  const eol = ctx.eol;
  const lines: string[] = [`### ${decisionHeading(ctx.meeting, ctx)}`];
  const ordered = item.proposalList?.ordered ?? true;
  if (item.proposals.length === 0) lines.push('Godkendt.');
  else if (item.proposals.length === 1 && !item.proposalList?.ordered) lines.push(`${capitalise(answerFor(item.proposals[0]!.text))}.`);
  else item.proposals.forEach((p, i) => lines.push(`${ordered ? `${p.number ?? i + 1}.` : '-'} at ${answerFor(p.text)}.`));
  const existing = item.decisionSection;
  if (existing) {
    // An empty Beslutning: fill it right after its heading line.
    const at = existing.node.heading.range.end.offset;
    return {
      title: { da: 'Udfyld Beslutning ud fra indstillingen (kontrollér den)', en: 'Fill in the Beslutning from the proposals (check it)' },
      edits: [{ start: at, end: at, newText: eol + lines.slice(1).join(eol) }],
    };
  }
  const { offset, before } = sectionInsertPoint(item, 'beslutning', ctx.profile, ctx.source);
  const text = before ? lines.join(eol) + eol + eol : eol + eol + lines.join(eol);
  return {
    title: { da: 'Indsæt Beslutning ud fra indstillingen (kontrollér den)', en: 'Insert a Beslutning from the proposals (check it)' },
    edits: [{ start: offset, end: offset, newText: text }],
  };
}

function capitalise(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

const rule: Rule = {
  meta: {
    id: 'missing-decision',
    defaultSeverity: 'error',
    description: {
      en: 'An open item in the minutes has no Beslutning (decision), or an empty one.',
      da: 'Et åbent punkt i referatet har ingen Beslutning, eller en tom.',
    },
    messages: {
      missing: {
        en: 'Item {number} has no decision. Add a "### {heading}" section with what the committee decided (e.g. "Godkendt.").',
        da: 'Punkt {number} har ingen beslutning. Tilføj et afsnit "### {heading}" med udvalgets beslutning (fx "Godkendt.").',
      },
      empty: {
        en: 'The decision of item {number} is empty. Write what the committee decided (e.g. "Godkendt." or "1. at godkendt.").',
        da: 'Beslutningen på punkt {number} er tom. Skriv udvalgets beslutning (fx "Godkendt." eller "1. at godkendt.").',
      },
    },
    fixable: true,
    tags: ['structure'],
  },
  check(ctx) {
    if (ctx.meeting.kind === 'DAGSORDEN') return;
    const attendanceItem = ctx.profile.attendance.placement.includes('first-item') ? ctx.meeting.items[0] : undefined;
    for (const item of ctx.meeting.items) {
      if (item.closed) continue;
      // Where the house notes attendance as its own first item ("Fraværende og bemærkninger"),
      // that item decides nothing unless it proposes something.
      if (item === attendanceItem && item.proposals.length === 0 && !item.proposalSection) continue;
      const decisions = item.sections.filter((s) => s.kind === 'beslutning');
      if (decisions.length > 0 && decisions.some((s) => !s.empty)) continue;
      const heading = decisionHeading(ctx.meeting, ctx);
      ctx.report({
        messageId: decisions.length ? 'empty' : 'missing',
        data: { number: item.number, heading },
        range: decisions.length ? headingRange(ctx.lines, decisions[0]!.node.heading) : headingRange(ctx.lines, item.node.heading),
        suggestions: [insertion(item, ctx)],
        related: item.proposalList
          ? [{ range: item.proposalList.range, message: { en: 'The proposals to answer.', da: 'Indstillingen, der skal besvares.' } }]
          : undefined,
      });
    }
  },
};

export default rule;
