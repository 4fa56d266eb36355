/**
 * list-numbering: an ordered list whose numbers are not 1, 2, 3 … (in any section).
 * The decision list of an item with proposals is left to decision-points, which checks
 * it against the proposals.
 */
import { append } from '../array.js';
import type { Block, List } from '../syntax/ast.js';
import type { Rule } from './types.js';
import { allLists, renumberEdits } from './util/structure.js';

function listsOf(blocks: readonly Block[]): List[] {
  return allLists(blocks.filter((b): b is List => b.type === 'list'));
}

const rule: Rule = {
  meta: {
    id: 'list-numbering',
    defaultSeverity: 'warning',
    description: {
      en: 'An ordered list is not numbered 1, 2, 3 …',
      da: 'En nummereret liste er ikke nummereret 1, 2, 3 …',
    },
    messages: {
      wrong: {
        en: 'Point {found} should be number {expected}: number the list 1, 2, 3 …',
        da: 'Punkt {found} skal have nummer {expected}: nummerér listen 1, 2, 3 …',
      },
    },
    fixable: true,
    scope: 'item',
    tags: ['structure'],
  },
  check(ctx) {
    const lists: List[] = listsOf(ctx.meeting.document.headerBlocks);
    for (const item of ctx.meeting.items) {
      const skip = item.proposals.length ? item.decisionList : undefined;
      append(lists, listsOf(item.node.preamble).filter((l) => l !== skip));
      for (const s of item.node.sections) append(lists, listsOf(s.blocks).filter((l) => l !== skip));
    }
    for (const list of lists) {
      if (!list.ordered) continue;
      const wrong = list.items.findIndex((it, i) => it.number !== i + 1);
      if (wrong < 0) continue;
      const want = list.items.map((_, i) => i + 1);
      const it = list.items[wrong]!;
      ctx.report({
        messageId: 'wrong',
        data: { found: it.number ?? '?', expected: want[wrong]! },
        range: it.marker.range,
        fix: { title: { da: 'Nummerér listen 1, 2, 3 …', en: 'Number the list 1, 2, 3 …' }, edits: renumberEdits(list.items, want) },
      });
    }
  },
};

export default rule;
