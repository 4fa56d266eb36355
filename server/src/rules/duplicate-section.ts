/** duplicate-section: the same section twice in one item (by kind, aliases resolved). */
import type { Rule } from './types.js';
import { headingRange } from './util/spans.js';

const rule: Rule = {
  meta: {
    id: 'duplicate-section',
    defaultSeverity: 'warning',
    description: { en: 'The same section appears twice in one item.', da: 'Det samme afsnit står to gange i ét punkt.' },
    messages: {
      duplicate: {
        en: 'Item {number} has the section "{name}" twice. Merge the two into one.',
        da: 'Punkt {number} har afsnittet "{name}" to gange. Slå de to sammen til ét.',
      },
    },
    fixable: false,
    tags: ['structure'],
  },
  check(ctx) {
    for (const item of ctx.meeting.items) {
      const first = new Map<string, (typeof item.sections)[number]>();
      for (const s of item.sections) {
        const key = s.kind === 'unknown' || s.kind === 'earlier-decision' ? `title:${s.node.title.toLowerCase()}` : s.kind;
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, s);
          continue;
        }
        ctx.report({
          messageId: 'duplicate',
          data: { number: item.number, name: s.displayName },
          range: headingRange(ctx.lines, s.node.heading),
          related: [{ range: headingRange(ctx.lines, earlier.node.heading), message: { en: 'The first one.', da: 'Det første.' } }],
        });
      }
    }
  },
};

export default rule;
