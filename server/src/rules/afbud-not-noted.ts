/**
 * afbud-not-noted: where the house style notes absence on every item (Randers), a member
 * in `Afbud` (or noted absent in the header in another form of spec §6.1, `Der var afbud fra …`)
 * must be noted absent in every open item's decision; a note that names the items
 * (`deltog ikke under punkterne 12-15`) counts for those items.
 */
import type { Rule } from './types.js';
import { absenceNoteFix, decisionRange, hasOpenDecision, memberList, notedAbsentKeys } from './util/attendance.js';
import { joinNames, normalizeName } from './util/names.js';

const rule: Rule = {
  meta: {
    id: 'afbud-not-noted',
    defaultSeverity: 'warning',
    description: {
      da: 'Et medlem med afbud, som ikke er noteret fraværende i beslutningen på et punkt, hvor husstilen noterer fravær på hvert punkt.',
      en: 'A member in Afbud who is not noted absent in an item\'s decision, where the house style notes absence on every item.',
    },
    messages: {
      notNoted: {
        da: '{names} har meldt afbud, men er ikke noteret fraværende i beslutningen på punkt {item}. Tilføj "{names} deltog ikke i sagens behandling."',
        en: '{namesEn} sent apologies (Afbud) but is not noted absent in the decision of item {item}. Add "{names} deltog ikke i sagens behandling."',
      },
      notNotedMany: {
        da: '{names} har meldt afbud, men er ikke noteret fraværende i beslutningen på punkt {item}. Tilføj "{names} deltog ikke i sagens behandling."',
        en: '{namesEn} sent apologies (Afbud) but are not noted absent in the decision of item {item}. Add "{names} deltog ikke i sagens behandling."',
      },
    },
    fixable: true,
    scope: 'item',
    tags: ['people', 'house-style'],
  },

  check(ctx) {
    const { meeting } = ctx;
    if (!ctx.profile.attendance.placement.includes('every-decision') || meeting.kind !== 'REFERAT') return;
    // A name that is not a member is unknown-person's finding: noting it everywhere would spread the mistake.
    const members = memberList(ctx);
    const memberKeys = members ? new Set(members.members.map((m) => m.key)) : undefined;
    const afbud: string[] = [];
    const keys = new Set<string>();
    // `Afbud:` and the header's own notes (`Der var afbud fra …`, `Ikke til stede: …`, spec §6.1).
    const header = meeting.attendance.header;
    for (const n of [...meeting.afbud, ...header.forfald, ...header.absent]) {
      const key = normalizeName(n.name);
      if (memberKeys && !memberKeys.has(key)) continue;
      if (key && !keys.has(key)) {
        keys.add(key);
        afbud.push(n.name);
      }
    }
    if (afbud.length === 0) return;
    const related = meeting.afbudField
      ? [{ range: meeting.afbudField.field.range, message: { da: 'Afbud står her.', en: 'Afbud is given here.' } }]
      : [];
    for (const item of meeting.items) {
      // Items without a (non-empty) Beslutning are missing-decision's; closed items stay internal.
      if (!hasOpenDecision(meeting, item)) continue;
      const noted = notedAbsentKeys(item, meeting);
      const missing = afbud.filter((name) => !noted.has(normalizeName(name)));
      if (missing.length === 0) continue;
      ctx.report({
        messageId: missing.length === 1 ? 'notNoted' : 'notNotedMany',
        data: { names: joinNames(missing), namesEn: joinNames(missing, 'and'), item: item.number },
        range: decisionRange(item),
        fix: absenceNoteFix(ctx, item, missing),
        related,
      });
    }
  },
};

export default rule;
