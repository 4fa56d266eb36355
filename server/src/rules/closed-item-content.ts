/**
 * closed-item-content: a closed item (`Lukket: ja`, or a title that is or begins with
 * `Lukket`) that has a body. Nothing is wrong with that — the body is the internal record —
 * but the writer should know that none of it reaches the public edition: only the heading
 * and the case number are published. Comments alone are not body content.
 */
import type { Block } from '../syntax/ast.js';
import type { Rule } from './types.js';
import { headingRange } from './util/spans.js';

const isContent = (b: Block) => b.type !== 'comment';

const rule: Rule = {
  meta: {
    id: 'closed-item-content',
    defaultSeverity: 'info',
    description: {
      en: 'A closed item with body content: a reminder that the body stays internal.',
      da: 'Et lukket punkt med indhold: en påmindelse om, at indholdet forbliver internt.',
    },
    messages: {
      closedWithContent: {
        en: 'Item {number} is closed: its body stays internal and is never published in the public edition, which shows only the heading and the case number. Put anything the public must read in an open item; otherwise nothing to do.',
        da: 'Punkt {number} er lukket: indholdet forbliver internt og offentliggøres aldrig i den offentlige udgave, som kun viser overskriften og sagsnummeret. Skal offentligheden læse noget, så skriv det i et åbent punkt; ellers er der intet at gøre.',
      },
    },
    fixable: false,
    scope: 'item',
    tags: ['publication'],
  },
  check(ctx) {
    for (const item of ctx.meeting.items) {
      if (!item.closed) continue;
      const node = item.node;
      const first = node.preamble.find(isContent) ?? node.sections[0];
      if (!first) continue;
      ctx.report({
        messageId: 'closedWithContent',
        data: { number: item.number },
        range: headingRange(ctx.lines, node.heading),
        related: [
          {
            range: first.range,
            message: { en: 'The internal body begins here.', da: 'Det interne indhold begynder her.' },
          },
        ],
      });
    }
  },
};

export default rule;
