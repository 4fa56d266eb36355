/** empty-section: a section heading with nothing under it (comments do not count). */
import type { Rule } from './types.js';
import { headingRange } from './util/spans.js';

const rule: Rule = {
  meta: {
    id: 'empty-section',
    defaultSeverity: 'warning',
    description: { en: 'A section has no content.', da: 'Et afsnit har intet indhold.' },
    messages: {
      empty: {
        en: 'The section "{name}" of item {number} is empty. Write its content, or remove the heading.',
        da: 'Afsnittet "{name}" på punkt {number} er tomt. Skriv indholdet, eller fjern overskriften.',
      },
    },
    fixable: false,
    tags: ['structure'],
  },
  check(ctx) {
    // A house whose template prints every heading, also an empty one (`emptySections: "allowed"`).
    if (ctx.profile.emptySections === 'allowed') return;
    for (const item of ctx.meeting.items) {
      if (item.closed) continue;
      for (const s of item.sections) {
        // An empty decision is missing-decision's finding.
        if (!s.empty || s.kind === 'beslutning') continue;
        ctx.report({ messageId: 'empty', data: { name: s.node.title, number: item.number }, range: headingRange(ctx.lines, s.node.heading) });
      }
    }
  },
};

export default rule;
