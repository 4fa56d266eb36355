/**
 * duplicate-name: the same person twice in one name list (Mødedeltagere, Afbud,
 * Fraværende, an attendance note or a vote), usually left behind by an edit.
 */
import type { Rule } from './types.js';
import { allNameLists, removeNameEdits } from './util/name-lists.js';
import { normalizeName } from './util/names.js';

const rule: Rule = {
  meta: {
    id: 'duplicate-name',
    defaultSeverity: 'error',
    description: {
      da: 'Den samme person står to gange i én navneliste.',
      en: 'The same person appears twice in one name list.',
    },
    messages: {
      duplicate: {
        da: '{name} står to gange i samme navneliste. Slet den anden forekomst.',
        en: '{name} appears twice in the same name list. Delete the second one.',
      },
    },
    fixable: true,
    scope: 'item',
    tags: ['people'],
  },

  check(ctx) {
    for (const list of allNameLists(ctx.meeting)) {
      const first = new Map<string, number>();
      list.names.forEach((n, i) => {
        const key = normalizeName(n.name);
        if (!key) return;
        const at = first.get(key);
        if (at === undefined) {
          first.set(key, i);
          return;
        }
        ctx.report({
          messageId: 'duplicate',
          data: { name: n.name },
          range: n.nameRange,
          fix: {
            title: { da: `Slet den gentagne "${n.name}"`, en: `Delete the repeated "${n.name}"` },
            edits: removeNameEdits(ctx.source, list, i),
            scope: { start: list.range.start.offset, end: list.range.end.offset },
          },
          related: [{ range: list.names[at]!.nameRange, message: { da: 'Første gang her.', en: 'First given here.' } }],
        });
      });
    }
  },
};

export default rule;
