/**
 * unknown-person: a name in an attendance note, a vote, `Afbud`, `Fraværende:` or the
 * absent side of a substitution that is not a member of the meeting.
 */
import type { PersonName } from '../syntax/ast.js';
import type { Fix, RelatedInfo, Rule, RuleContext } from './types.js';
import { allSubstitutions, memberList } from './util/attendance.js';
import { allNameLists, listsByName, removeNameEdits } from './util/name-lists.js';
import { normalizeName, suggestMembers } from './util/names.js';

const rule: Rule = {
  meta: {
    id: 'unknown-person',
    defaultSeverity: 'error',
    description: {
      da: 'Et navn i en fraværsnote, en afstemning, Afbud eller Fraværende, som ikke er mødedeltager.',
      en: 'A name in an attendance note, a vote, Afbud or Fraværende that is not a member of the meeting.',
    },
    messages: {
      unknown: {
        da: '"{name}" er ikke blandt mødedeltagerne (Mødedeltagere). Ret stavningen, eller tilføj personen i Mødedeltagere eller Stedfortrædere.',
        en: '"{name}" is not among the members (Mødedeltagere). Correct the spelling, or add the person to Mødedeltagere or Stedfortrædere.',
      },
      unknownDidYouMean: {
        da: '"{name}" er ikke blandt mødedeltagerne (Mødedeltagere). Mente du {suggestion}? Ret navnet, så det står som i Mødedeltagere.',
        en: '"{name}" is not among the members (Mødedeltagere). Did you mean {suggestion}? Write the name as in Mødedeltagere.',
      },
      unknownDidYouMeanSeveral: {
        da: '"{name}" er ikke blandt mødedeltagerne (Mødedeltagere). Mente du en af: {suggestions}? Skriv det fulde navn som i Mødedeltagere.',
        en: '"{name}" is not among the members (Mødedeltagere). Did you mean one of: {suggestions}? Write the full name as in Mødedeltagere.',
      },
      unknownRoster: {
        da: '"{name}" er ikke i udvalgets medlemsliste (members i konfigurationen). Ret stavningen, eller tilføj personen i Mødedeltagere eller i konfigurationen.',
        en: '"{name}" is not in the committee\'s member roster (members in the configuration). Correct the spelling, or add the person to Mødedeltagere or to the configuration.',
      },
      unknownRosterDidYouMean: {
        da: '"{name}" er ikke i udvalgets medlemsliste (members i konfigurationen). Mente du {suggestion}? Ret navnet, så det står som i medlemslisten.',
        en: '"{name}" is not in the committee\'s member roster (members in the configuration). Did you mean {suggestion}? Write the name as in the roster.',
      },
      unknownRosterDidYouMeanSeveral: {
        da: '"{name}" er ikke i udvalgets medlemsliste (members i konfigurationen). Mente du en af: {suggestions}? Skriv det fulde navn som i medlemslisten.',
        en: '"{name}" is not in the committee\'s member roster (members in the configuration). Did you mean one of: {suggestions}? Write the full name as in the roster.',
      },
      substituteNotDeclared: {
        da: '{name} er noteret som stedfortræder for {for}, men Stedfortrædere nævner ikke {name}. Tilføj "{name} for {for}" i Stedfortrædere, eller ret navnet.',
        en: '{name} is noted as substitute for {for}, but Stedfortrædere does not name {name}. Add "{name} for {for}" to Stedfortrædere, or correct the name.',
      },
      substituteNotDeclaredDidYouMean: {
        da: '{name} er noteret som stedfortræder for {for}, men Stedfortrædere nævner ikke {name}. Mente du {suggestion}?',
        en: '{name} is noted as substitute for {for}, but Stedfortrædere does not name {name}. Did you mean {suggestion}?',
      },
    },
    fixable: true,
    hasSuggestions: true,
    tags: ['people'],
  },

  check(ctx) {
    const list = memberList(ctx);
    if (!list) return; // no Mødedeltagere and no roster: names cannot be checked (spec §6)
    const keys = new Set(list.members.map((m) => m.key));
    const candidates = list.members.map((m) => m.name);
    const { meeting } = ctx;

    // Every name that must be a member, once (by position).
    const names: PersonName[] = [];
    const seen = new Set<number>();
    const add = (n: PersonName | undefined) => {
      if (!n || seen.has(n.nameRange.start.offset)) return;
      seen.add(n.nameRange.start.offset);
      names.push(n);
    };
    meeting.afbud.forEach(add);
    for (const s of allSubstitutions(meeting)) add(s.for);
    // The header's notes and every item's (spec §6.1); substitutes are members, guests are not checked.
    for (const a of [meeting.attendance.header, ...meeting.items.map((it) => it.attendance)]) {
      a.forfald.forEach(add);
      a.absent.forEach(add);
      a.absentField?.names.names.forEach(add);
      a.left.forEach((l) => add(l.name));
      a.inhabil.forEach(add);
      a.absentFromItems.forEach((x) => add(x.name));
      a.inhabilForItems.forEach((x) => add(x.name));
      a.inhabilSubjects.forEach((x) => add(x.name));
      a.councilRequests.forEach(add);
      for (const v of a.votes) v.sentence.names.names.forEach(add);
    }
    names.sort((x, y) => x.nameRange.start.offset - y.nameRange.start.offset);

    const related: RelatedInfo[] = meeting.membersField
      ? [{ range: meeting.membersField.field.range, message: { da: 'Mødedeltagerne står her.', en: 'The members are listed here.' } }]
      : [];
    const roster = list.source === 'roster';
    const listOf = listsByName(allNameLists(meeting));

    for (const n of names) {
      if (keys.has(normalizeName(n.name))) continue;
      const found = suggestMembers(n.name, candidates);
      const nameList = listOf.get(n.range.start.offset);
      const replace = (to: string): Fix => {
        const edit = { start: n.nameRange.start.offset, end: n.nameRange.end.offset, newText: to };
        const scope = nameList && { start: nameList.range.start.offset, end: nameList.range.end.offset };
        // The corrected name already stands in the same list: drop the misspelt one instead of doubling the name.
        const i = nameList ? nameList.names.indexOf(n) : -1;
        const j = nameList ? nameList.names.findIndex((m, k) => k !== i && normalizeName(m.name) === normalizeName(to)) : -1;
        if (nameList && i >= 0 && j >= 0) {
          return {
            title: { da: `Slet "${n.name}" (${to} står der allerede)`, en: `Delete "${n.name}" (${to} is already there)` },
            edits: i > 0 ? removeNameEdits(ctx.source, nameList, i) : [edit, ...removeNameEdits(ctx.source, nameList, j)],
            scope,
          };
        }
        return { title: { da: `Erstat med "${to}"`, en: `Replace with "${to}"` }, edits: [edit], ...(scope ? { scope } : {}) };
      };
      if (found.length === 1) {
        ctx.report({
          messageId: roster ? 'unknownRosterDidYouMean' : 'unknownDidYouMean',
          data: { name: n.name, suggestion: found[0]! },
          range: n.nameRange,
          fix: replace(found[0]!),
          related,
        });
      } else if (found.length > 1) {
        ctx.report({
          messageId: roster ? 'unknownRosterDidYouMeanSeveral' : 'unknownDidYouMeanSeveral',
          data: { name: n.name, suggestions: found.join(', ') },
          range: n.nameRange,
          suggestions: found.map(replace),
          related,
        });
      } else {
        ctx.report({ messageId: roster ? 'unknownRoster' : 'unknown', data: { name: n.name }, range: n.nameRange, related });
      }
    }

    checkSubstitutes(ctx);
  },
};

export default rule;

/**
 * A `mødte som stedfortræder` sentence must agree with the header's Stedfortrædere (spec §6),
 * where the header has that field; without it, the sentence itself introduces the substitute.
 */
function checkSubstitutes(ctx: RuleContext): void {
  const { meeting } = ctx;
  const subsField = meeting.fields.find((f) => f.name.text.trim().toLowerCase().startsWith('stedfortræder'));
  if (!subsField) return;
  const header = meeting.attendance.header;
  const declared = [...meeting.substitutions, ...header.substitutes].map((s) => s.substitute.name).concat(header.unpairedSubstitutes.map((n) => n.name));
  const declaredKeys = new Set(declared.map(normalizeName));
  for (const item of meeting.items) {
    for (const s of item.attendance.substitutes) {
      if (declaredKeys.has(normalizeName(s.substitute.name))) continue;
      const found = suggestMembers(s.substitute.name, declared);
      const n = s.substitute;
      const fieldRelated: RelatedInfo[] = [{ range: subsField.range, message: { da: 'Stedfortræderne står her.', en: 'The substitutes are listed here.' } }];
      if (found.length === 1) {
        ctx.report({
          messageId: 'substituteNotDeclaredDidYouMean',
          data: { name: n.name, for: s.for.name, suggestion: found[0]! },
          range: n.nameRange,
          fix: { title: { da: `Erstat med "${found[0]}"`, en: `Replace with "${found[0]}"` }, edits: [{ start: n.nameRange.start.offset, end: n.nameRange.end.offset, newText: found[0]! }] },
          related: fieldRelated,
        });
      } else {
        ctx.report({ messageId: 'substituteNotDeclared', data: { name: n.name, for: s.for.name }, range: n.nameRange, related: fieldRelated });
      }
    }
  }
}

