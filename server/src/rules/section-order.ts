/**
 * section-order: sections out of the house style's order (the profile's list of
 * sections). Sections the profile does not know are ignored. No automatic fix: moving
 * text is left to the writer.
 */
import type { Rule } from './types.js';
import { headingRange } from './util/spans.js';
import { orderOf } from './util/structure.js';

const rule: Rule = {
  meta: {
    id: 'section-order',
    defaultSeverity: 'warning',
    description: {
      en: 'Sections are not in the house style\'s order.',
      da: 'Afsnittene står ikke i husstilens rækkefølge.',
    },
    messages: {
      order: {
        en: '"{name}" should come before "{after}" in item {number}. The house style ({profile}) orders sections: {order}.',
        da: '"{name}" skal stå før "{after}" i punkt {number}. Husstilen ({profile}) ordner afsnittene: {order}.',
      },
    },
    fixable: false,
    tags: ['house-style'],
  },
  check(ctx) {
    // A house style without a fixed order (`sectionOrder: "none"`) is not checked.
    if (ctx.profile.sectionOrder === 'none') return;
    const order = ctx.profile.sections.map((s) => s.name).join(', ');
    for (const item of ctx.meeting.items) {
      let maxRank = -1;
      let maxName = '';
      for (const s of item.sections) {
        const rank = orderOf(ctx.profile, s.kind);
        if (rank < 0) continue;
        if (rank < maxRank) {
          ctx.report({
            messageId: 'order',
            data: { name: s.displayName, after: maxName, number: item.number, profile: ctx.profile.name, order },
            range: headingRange(ctx.lines, s.node.heading),
          });
          continue;
        }
        maxRank = rank;
        maxName = s.displayName;
      }
    }
  },
};

export default rule;
