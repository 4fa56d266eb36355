/**
 * quorum: an item decided with fewer than half of the members present
 * (kommunestyrelsesloven § 11: a committee can decide when at least half its members are present).
 */
import type { Rule } from './types.js';
import { departures, memberList, presence } from './util/attendance.js';

const rule: Rule = {
  meta: {
    id: 'quorum',
    defaultSeverity: 'warning',
    description: {
      da: 'Et punkt, der er besluttet med færre end halvdelen af medlemmerne til stede (kommunestyrelsesloven § 11).',
      en: 'An item decided with fewer than half of the members present (kommunestyrelsesloven § 11).',
    },
    messages: {
      notQuorate: {
        da: 'Kun {present} af {size} medlemmer var til stede ved punkt {item}, så udvalget var ikke beslutningsdygtigt (kommunestyrelsesloven § 11 kræver mindst {needed}). Kontrollér Afbud og fraværsnoterne, eller notér stedfortrædere.',
        en: 'Only {present} of {size} members were present for item {item}, so the committee could not decide (kommunestyrelsesloven § 11 requires at least {needed}). Check Afbud and the absence notes, or note the substitutes.',
      },
    },
    fixable: false,
    tags: ['people', 'law'],
  },

  check(ctx) {
    const { meeting } = ctx;
    if (meeting.kind !== 'REFERAT') return; // an agenda decides nothing
    const list = memberList(ctx);
    if (!list) return; // members unknown: nothing to count
    const deps = departures(meeting);
    meeting.items.forEach((item, index) => {
      // Open items are decided when they have a decision; closed items are decided behind closed doors.
      const decided = item.closed || (!!item.decisionSection && !item.decisionSection.empty);
      if (!decided) return;
      const { present, size } = presence(list, meeting, index, deps);
      if (size === 0 || present.length * 2 >= size) return;
      ctx.report({
        messageId: 'notQuorate',
        data: { present: present.length, size, item: item.number, needed: Math.ceil(size / 2) },
        range: item.node.heading.range,
        related: meeting.membersField
          ? [{ range: meeting.membersField.field.range, message: { da: 'Mødedeltagerne står her.', en: 'The members are listed here.' } }]
          : [],
      });
    });
  },
};

export default rule;
