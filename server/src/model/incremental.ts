/**
 * Re-using item models between two builds of the same document (the editor's typing path).
 *
 * An item's model depends only on its node, its index and the profile (the line index only
 * turns the node's offsets into positions). So after an incremental re-parse
 * (syntax/incremental.ts):
 * - an item node shared with the previous tree keeps its previous model;
 * - an item node moved from a previous one (`movedItem`) gets the previous model moved the
 *   same way, lazily as the node is: its number, title, index and `closed` at once, its
 *   sections' kinds at once (their nodes when read), its attendance and case number when first
 *   read, and the parts that point at the item's content (fields, lists, points) when first
 *   read, after the item's content was copied, through the same copy map, so that the model
 *   points at the new nodes;
 * - the re-parsed item (a new node) is built afresh.
 * test/model/incremental.property.test.ts checks that the result equals a fresh build.
 */
import type { Profile } from '../config/schema.js';
import type { Item } from '../syntax/ast.js';
import { movedItem, relocate, type MovedItem, type Relocation } from '../syntax/incremental.js';
import type { ItemReuse } from './build.js';
import type { ItemModel, Meeting, SectionModel } from './types.js';

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
    if (!old || old.index !== index) return undefined;
    return moveModel(old, item);
  };
}

/** A moved model's moving: the model it moves (built for, or moved onto, the moved item's source) and its item. */
class ModelMoving {
  constructor(
    readonly model: ItemModel,
    readonly source: ItemModel,
    readonly item: Item,
    readonly moving: MovedItem,
  ) {}

  /** A part of the source moved onto the item: positions moved, nodes those of the item's copy. */
  move<T>(x: T): T {
    return relocate(x, this.moving.offsetDelta, this.moving.lineDelta, this.moving.copies);
  }

  /** Replaces the getters of `keys` by their values. */
  set(values: Record<string, unknown>): void {
    for (const k in values) Object.defineProperty(this.model, k, { value: values[k], writable: true, enumerable: true, configurable: true });
  }

  attendance(): void {
    const a = this.source.attendance;
    // No note in the item: nothing in it has a position, so the same object serves.
    this.set({ attendance: a.sentences.length === 0 && !a.absentField && a.absentFromItems.length === 0 ? a : this.move(a) });
  }

  caseNumber(): void {
    this.set({ caseNumber: this.move(this.source.caseNumber) });
  }

  private sectionCopies: SectionModel[] | undefined;

  /** The `j`th section model, moved (its node when read); the same object for `sections` and `decisionSection`. */
  private section(j: number): SectionModel {
    const copies = (this.sectionCopies ??= new Array<SectionModel>(this.source.sections.length));
    const had = copies[j];
    if (had) return had;
    const s = this.source.sections[j]!;
    const moving = this.moving;
    const out: SectionModel = {
      get node() {
        moving.copy();
        const node = moving.copies.get(s.node) as SectionModel['node'];
        Object.defineProperty(out, 'node', { value: node, writable: true, enumerable: true, configurable: true });
        return node;
      },
      kind: s.kind,
      displayName: s.displayName,
      decisionBody: s.decisionBody,
      empty: s.empty,
    };
    return (copies[j] = out);
  }

  sections(): void {
    this.set({ sections: this.source.sections.map((_, j) => this.section(j)) });
  }

  /** The Indstilling or the Beslutning alone (the rules that count votes ask every item for its decision). */
  one(key: 'proposalSection' | 'decisionSection'): void {
    const s = this.source[key];
    this.set({ [key]: s ? this.section(this.source.sections.indexOf(s)) : undefined });
  }

  /** The parts that point at nodes of the item's content: after the content was copied. */
  content(): void {
    this.moving.copy();
    const s = this.source;
    this.set({
      caseNumberField: this.move(s.caseNumberField),
      proposalList: this.move(s.proposalList),
      proposals: this.move(s.proposals),
      decisionList: this.move(s.decisionList),
      decisions: this.move(s.decisions),
      otherFields: this.move(s.otherFields),
    });
  }

  /** Takes every part now (and the sections' nodes): the model no longer needs its source or the item's copy map. */
  settle(): void {
    const m = this.model;
    for (const k of Object.keys(m)) void (m as unknown as Record<string, unknown>)[k];
    for (const s of m.sections) void s.node;
    movedModels.delete(m);
  }
}

const movedModels = new WeakMap<ItemModel, ModelMoving>();

/** A part of a moved model, moved when first read (its getter is then replaced by the value). */
function part<K extends keyof ItemModel>(model: ItemModel, group: 'attendance' | 'caseNumber' | 'sections' | 'proposalSection' | 'decisionSection' | 'content', key: K): ItemModel[K] {
  const m = movedModels.get(model)!;
  if (group === 'proposalSection' || group === 'decisionSection') m.one(group);
  else m[group]();
  return model[key];
}

/**
 * The model of `item` (a moved item) from `old`, the model of the item it was moved from;
 * undefined when `old` is not a model of that item's source (then the item is built again).
 */
function moveModel(old: ItemModel, item: Item): ItemModel | undefined {
  const moving = movedItem(item);
  if (!moving) return undefined;
  // `old`'s item was itself moved and not copied: the new item moves that item's source, and so the model moves old's source.
  const prior = movedModels.get(old);
  const source = prior && prior.item !== moving.source ? prior.source : old;
  if (source.node !== moving.source) return undefined;
  // The same keys in the same order as a model built (model/build.ts buildItem); the moved parts are getters until read.
  const model: ItemModel = {
    node: item,
    index: source.index,
    number: source.number,
    numeric: source.numeric,
    title: source.title,
    get caseNumber() {
      return part(this, 'caseNumber', 'caseNumber');
    },
    get caseNumberField() {
      return part(this, 'content', 'caseNumberField');
    },
    closed: source.closed,
    get sections() {
      return part(this, 'sections', 'sections');
    },
    get proposalSection() {
      return part(this, 'proposalSection', 'proposalSection');
    },
    get decisionSection() {
      return part(this, 'decisionSection', 'decisionSection');
    },
    get proposalList() {
      return part(this, 'content', 'proposalList');
    },
    get proposals() {
      return part(this, 'content', 'proposals');
    },
    get decisionList() {
      return part(this, 'content', 'decisionList');
    },
    get decisions() {
      return part(this, 'content', 'decisions');
    },
    get attendance() {
      return part(this, 'attendance', 'attendance');
    },
    get otherFields() {
      return part(this, 'content', 'otherFields');
    },
    contextKey: source.contextKey,
  };
  const m = new ModelMoving(model, source, item, moving);
  movedModels.set(model, m);
  moving.keep(m);
  return model;
}
