/**
 * vote-count: votes that cannot be right. A count `(n)` that disagrees with the names
 * listed; more voters on an item than members present; a member who is away from the
 * item (Afbud, forfald, absent, inhabil, left, replaced by a substitute) but votes; a
 * member who votes twice on one item.
 */
import type { PersonName } from '../syntax/ast.js';
import type { Fix, Rule } from './types.js';
import { awayFromItem, departures, memberList, type AwayReason } from './util/attendance.js';
import { normalizeName } from './util/names.js';

const REASON_MESSAGE: Record<AwayReason, string> = {
  afbud: 'votesAfbud',
  forfald: 'votesAfbud',
  absent: 'votesAbsent',
  inhabil: 'votesInhabil',
  left: 'votesLeft',
  substituted: 'votesSubstituted',
};

const rule: Rule = {
  meta: {
    id: 'vote-count',
    defaultSeverity: 'error',
    description: {
      da: 'En afstemning, hvis antal ikke passer med navnene, med flere stemmer end tilstedeværende medlemmer, eller hvor et fraværende eller inhabilt medlem stemmer.',
      en: 'A vote whose count disagrees with its names, with more voters than members present, or where an absent or inhabil member votes.',
    },
    messages: {
      countMismatch: {
        da: 'Antallet ({count}) passer ikke med {actual:navn|navne} i afstemningen. Ret antallet til ({actual}), eller ret navnene.',
        en: 'The count ({count}) does not match the {actual:name|names} in the vote. Change the count to ({actual}), or correct the names.',
      },
      tooManyVoters: {
        da: '{voters} stemmer på punkt {item}, men kun {present} medlemmer er til stede (Mødedeltagere minus afbud og fravær). Ret afstemningen eller fraværsnoterne.',
        en: '{voters} votes on item {item}, but only {present} members are present (Mødedeltagere minus apologies and absence). Correct the vote or the attendance notes.',
      },
      votesAfbud: {
        da: '{name} har meldt afbud (havde forfald), men står som stemmende på punkt {item}. Fjern navnet fra afstemningen, eller ret Afbud.',
        en: '{name} sent apologies (Afbud, havde forfald) but is listed as voting on item {item}. Remove the name from the vote, or correct Afbud.',
      },
      votesAbsent: {
        da: '{name} er noteret fraværende på punkt {item}, men står som stemmende. Fjern navnet fra afstemningen eller fra fraværsnoten.',
        en: '{name} is noted absent on item {item} but is listed as voting. Remove the name from the vote or from the absence note.',
      },
      votesInhabil: {
        da: '{name} erklærede sig inhabil på punkt {item} og må ikke stemme (kommunestyrelsesloven § 14). Fjern navnet fra afstemningen.',
        en: '{name} declared a conflict of interest (inhabil) on item {item} and may not vote (kommunestyrelsesloven § 14). Remove the name from the vote.',
      },
      votesLeft: {
        da: '{name} forlod mødet før punkt {item}, men står som stemmende. Fjern navnet fra afstemningen, eller ret noten om at forlade mødet.',
        en: '{name} left the meeting before item {item} but is listed as voting. Remove the name from the vote, or correct the note about leaving.',
      },
      votesSubstituted: {
        da: '{name} er erstattet af en stedfortræder, men står som stemmende på punkt {item}. Skriv stedfortræderens navn i stedet.',
        en: '{name} is replaced by a substitute but is listed as voting on item {item}. Write the substitute\'s name instead.',
      },
      votesTwice: {
        da: '{name} står to gange i afstemningerne på punkt {item}. Et medlem stemmer kun én gang: fjern det ene navn.',
        en: '{name} is listed twice in the votes on item {item}. A member votes once: remove one of the names.',
      },
    },
    fixable: false,
    hasSuggestions: true,
    tags: ['people', 'votes'],
  },

  check(ctx) {
    const { meeting } = ctx;
    const list = memberList(ctx);
    const deps = departures(meeting);
    meeting.items.forEach((item, index) => {
      const votes = item.attendance.votes;
      if (votes.length === 0) return;
      let reported = 0; // each problem once: "too many voters" only when nothing else explains it

      // 1. Counts that disagree with the names.
      for (const v of votes) {
        const c = v.sentence.count;
        const actual = v.sentence.names.names.length;
        if (!c || c.value === actual) continue;
        const slice = ctx.source.slice(c.range.start.offset, c.range.end.offset);
        const digits = /\d+/.exec(slice);
        const suggestions: Fix[] = digits
          ? [
              {
                title: { da: `Ret antallet til ${actual}`, en: `Change the count to ${actual}` },
                edits: [
                  {
                    start: c.range.start.offset + digits.index,
                    end: c.range.start.offset + digits.index + digits[0].length,
                    newText: String(actual),
                  },
                ],
              },
            ]
          : [];
        reported++;
        ctx.report({ messageId: 'countMismatch', data: { count: c.value, actual }, range: c.range, suggestions });
      }

      // 2. The same member twice.
      const firstSeen = new Map<string, PersonName>();
      const voters: PersonName[] = [];
      let counted = 0; // the count where given, else the distinct names
      for (const v of votes) {
        const before = voters.length;
        for (const n of v.sentence.names.names) {
          const key = normalizeName(n.name);
          const first = firstSeen.get(key);
          if (first) {
            reported++;
            ctx.report({
              messageId: 'votesTwice',
              data: { name: n.name, item: item.number },
              range: n.nameRange,
              related: [{ range: first.nameRange, message: { da: 'Første gang her.', en: 'First listed here.' } }],
            });
            continue;
          }
          firstSeen.set(key, n);
          voters.push(n);
        }
        counted += v.sentence.count?.value ?? voters.length - before;
      }

      // 3. Members away from the item who vote (needs no member list).
      const away = awayFromItem(meeting, index, deps);
      for (const n of voters) {
        const reason = away.get(normalizeName(n.name));
        if (!reason) continue;
        reported++;
        ctx.report({ messageId: REASON_MESSAGE[reason], data: { name: n.name, item: item.number }, range: n.nameRange });
      }

      // 4. More voters than members present (only where the members are known).
      if (!list || reported > 0) return;
      const present = list.members.filter((m) => !away.has(m.key)).length;
      if (counted > present) {
        ctx.report({
          messageId: 'tooManyVoters',
          data: { voters: counted, present, item: item.number },
          range: votes[0]!.sentence.range,
          related: meeting.membersField
            ? [{ range: meeting.membersField.field.range, message: { da: 'Mødedeltagerne står her.', en: 'The members are listed here.' } }]
            : [],
        });
      }
    });
  },
};

export default rule;
