/**
 * Re-using item models between two builds of the same document (the editor's typing path).
 *
 * An item's model depends only on its node, its index and the profile (the line index only
 * turns the node's offsets into positions). So after an incremental re-parse
 * (syntax/incremental.ts):
 * - an item node shared with the previous tree keeps its previous model;
 * - an item node that is a moved copy of a previous one gets the previous model moved the
 *   same way, through the same copy map, so that the model points at the new nodes;
 * - the re-parsed item (a new node) is built afresh.
 * test/model/incremental.test.ts checks that the result equals a fresh build.
 */
import type { Profile } from '../config/schema.js';
import type { Item } from '../syntax/ast.js';
import { relocate, type Relocation } from '../syntax/incremental.js';
import type { ItemReuse } from './build.js';
import type { ItemModel, Meeting } from './types.js';

export interface PreviousModel {
  readonly meeting: Meeting;
  readonly profile: Profile;
}

/** What buildMeeting may re-use; undefined when nothing can be (no previous build, another profile). */
export function itemReuse(previous: PreviousModel | undefined, profile: Profile, relocation: Relocation | undefined): ItemReuse | undefined {
  if (!previous || previous.profile !== profile) return undefined;
  const shared = new Map<Item, ItemModel>();
  const moved = new Map<object, ItemModel>();
  for (const m of previous.meeting.items) {
    shared.set(m.node, m);
    const copy = relocation?.copies.get(m.node);
    if (copy) moved.set(copy, m);
  }
  return (item, index) => {
    const same = shared.get(item);
    if (same) return same.index === index ? same : undefined;
    const old = moved.get(item);
    if (!old || old.index !== index || !relocation) return undefined;
    return relocate(old, relocation.offsetDelta, relocation.lineDelta, relocation.copies);
  };
}
