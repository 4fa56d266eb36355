/**
 * left-not-noted: a member who left the meeting (`forlod mødet efter punkt <n>` / `… under
 * behandlingen af punktet`) must be noted absent in the decision of every later open item,
 * where the house style notes absence on every item.
 */
import type { RelatedInfo, Rule } from './types.js';
import { absenceNoteFix, decisionRange, departures, hasOpenDecision, memberList, notedAbsentKeys } from './util/attendance.js';
import { joinNames, normalizeName } from './util/names.js';

const rule: Rule = {
  meta: {
    id: 'left-not-noted',
    defaultSeverity: 'warning',
    description: {
      da: 'Et medlem, der forlod mødet, men ikke er noteret fraværende på de senere punkter.',
      en: 'A member who left the meeting but is not noted absent on the later items.',
    },
    messages: {
      notNoted: {
        da: '{names} forlod mødet efter punkt {leftAfter}, men er ikke noteret fraværende i beslutningen på punkt {item}. Tilføj "{names} deltog ikke i sagens behandling."',
        en: '{namesEn} left the meeting after item {leftAfter} but is not noted absent in the decision of item {item}. Add "{names} deltog ikke i sagens behandling."',
      },
      notNotedDuring: {
        da: '{names} forlod mødet under behandlingen af punkt {leftAfter}, men er ikke noteret fraværende i beslutningen på punkt {item}. Tilføj "{names} deltog ikke i sagens behandling."',
        en: '{namesEn} left the meeting during item {leftAfter} but is not noted absent in the decision of item {item}. Add "{names} deltog ikke i sagens behandling."',
      },
      notNotedMany: {
        da: '{names} forlod mødet tidligere, men er ikke noteret fraværende i beslutningen på punkt {item}. Tilføj "{names} deltog ikke i sagens behandling."',
        en: '{namesEn} left the meeting earlier but are not noted absent in the decision of item {item}. Add "{names} deltog ikke i sagens behandling."',
      },
    },
    fixable: true,
    tags: ['people', 'house-style'],
  },

  check(ctx) {
    const { meeting } = ctx;
    if (!ctx.profile.attendance.placement.includes('every-decision') || meeting.kind !== 'REFERAT') return;
    // A name that is not a member is unknown-person's finding: noting it everywhere would spread the mistake.
    const members = memberList(ctx);
    const memberKeys = members ? new Set(members.members.map((m) => m.key)) : undefined;
    const deps = departures(meeting).filter((d) => !memberKeys || memberKeys.has(d.key));
    if (deps.length === 0) return;
    meeting.items.forEach((item, index) => {
      if (!hasOpenDecision(meeting, item)) return;
      const noted = notedAbsentKeys(item, meeting);
      const missing: { name: string; leftAfter: string; during: boolean; range: RelatedInfo['range'] }[] = [];
      const keys = new Set<string>();
      for (const d of deps) {
        if (d.lastItem >= index) continue;
        if (noted.has(d.key) || keys.has(d.key)) continue;
        keys.add(d.key);
        missing.push({ name: d.name.name, leftAfter: meeting.items[d.lastItem]!.number, during: d.during, range: d.range });
      }
      if (missing.length === 0) return;
      const names = missing.map((m) => m.name);
      ctx.report({
        messageId: missing.length > 1 ? 'notNotedMany' : missing[0]!.during ? 'notNotedDuring' : 'notNoted',
        data: { names: joinNames(names), namesEn: joinNames(names, 'and'), item: item.number, leftAfter: missing[0]!.leftAfter },
        range: decisionRange(item),
        fix: absenceNoteFix(ctx, item, names),
        related: missing.map((m) => ({
          range: m.range,
          message: { da: `${m.name} forlod mødet her.`, en: `${m.name} left the meeting here.` },
        })),
      });
    });
  },
};

export default rule;
