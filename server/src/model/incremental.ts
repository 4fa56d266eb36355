/**
 * Re-using item models between two builds of the same document (the editor's typing path).
 *
 * An item's model depends only on its node, its index and the profile (the line index only
 * turns the node's offsets into positions). So after an incremental re-parse
 * (syntax/incremental.ts):
 * - an item node shared with the previous tree keeps its previous model;
 * - an item node moved from a previous one (`movedItem`) gets the previous model moved the
 *   same way, lazily as the node is: its number, title, index and `closed` at once; its
 *   sections (kinds at once, nodes when read), decision section, attendance and case number
 *   when first read; the parts that point at the item's content (fields, lists, points) when
 *   first read, after the item's content was copied, through the same copy map, so that the
 *   model points at the new nodes;
 * - the re-parsed item (a new node) is built afresh.
 * test/model/incremental.property.test.ts checks that the result equals a fresh build.
 */
import type { Profile } from '../config/schema.js';
import type { Item, TextNode } from '../syntax/ast.js';
import { movedItem, relocate, type MovedItem, type Relocation } from '../syntax/incremental.js';
import type { ItemReuse } from './build.js';
import type { Attendance, ItemModel, Meeting, SectionModel } from './types.js';

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

const UNSET = Symbol('unset');

/**
 * A moved model's moving: the model it moves (built for, or moved onto, the moved item's
 * source) and its item. The model's getters stay getters (see syntax/incremental.ts) and
 * return the parts moved, kept here; once every part was moved (`settle`), the source is let go.
 */
class ModelMoving {
  private a: Attendance | undefined;
  private cn: TextNode | undefined | typeof UNSET = UNSET;
  private all: SectionModel[] | undefined;
  private ps: SectionModel | undefined | typeof UNSET = UNSET;
  private ds: SectionModel | undefined | typeof UNSET = UNSET;
  private c: Pick<ItemModel, 'caseNumberField' | 'proposalList' | 'proposals' | 'decisionList' | 'decisions' | 'otherFields'> | undefined;
  private sectionCopies: SectionModel[] | undefined;
  private src: ItemModel | undefined;
  private moving: MovedItem | undefined;
  model!: ItemModel;

  constructor(
    source: ItemModel,
    readonly item: Item,
    moving: MovedItem,
  ) {
    this.src = source;
    this.moving = moving;
  }

  get source(): ItemModel {
    return this.src!;
  }

  /** The lines and UTF-16 units the item moved by since `source`'s item (positions of the model are the source's plus these). */
  get lineDelta(): number {
    return this.moving!.lineDelta;
  }
  get offsetDelta(): number {
    return this.moving!.offsetDelta;
  }

  /** A part of the source moved onto the item: positions moved, nodes those of the item's copy. */
  private move<T>(x: T): T {
    const m = this.moving!;
    return relocate(x, m.offsetDelta, m.lineDelta, m.copies);
  }

  attendance(): Attendance {
    if (this.a) return this.a;
    const a = this.src!.attendance;
    // No note in the item: nothing in it has a position, so the same object serves.
    return (this.a = a.sentences.length === 0 && !a.absentField && a.absentFromItems.length === 0 ? a : this.move(a));
  }

  caseNumber(): TextNode | undefined {
    if (this.cn === UNSET) this.cn = this.move(this.src!.caseNumber);
    return this.cn;
  }

  /** The `j`th section model, moved (its node when read); the same object for `sections` and `decisionSection`. */
  private section(j: number): SectionModel {
    const copies = (this.sectionCopies ??= new Array<SectionModel>(this.src!.sections.length));
    const had = copies[j];
    if (had) return had;
    let s: SectionModel | undefined = this.src!.sections[j]!;
    let moving: MovedItem | undefined = this.moving!;
    let node: SectionModel['node'] | undefined;
    const out: SectionModel = {
      get node() {
        if (!node) {
          moving!.copy();
          node = moving!.copies.get(s!.node) as SectionModel['node'];
          s = undefined;
          moving = undefined;
        }
        return node;
      },
      kind: s.kind,
      displayName: s.displayName,
      decisionBody: s.decisionBody,
      empty: s.empty,
    };
    return (copies[j] = out);
  }

  sections(): SectionModel[] {
    return (this.all ??= this.src!.sections.map((_, j) => this.section(j)));
  }

  /** The Indstilling alone (without the other sections). */
  proposalSection(): SectionModel | undefined {
    if (this.ps === UNSET) {
      const s = this.src!.proposalSection;
      this.ps = s ? this.section(this.src!.sections.indexOf(s)) : undefined;
    }
    return this.ps;
  }

  /** The Beslutning alone (the rules that count votes ask every item for it). */
  decisionSection(): SectionModel | undefined {
    if (this.ds === UNSET) {
      const s = this.src!.decisionSection;
      this.ds = s ? this.section(this.src!.sections.indexOf(s)) : undefined;
    }
    return this.ds;
  }

  /** The parts that point at nodes of the item's content: after the content was copied. */
  content(): NonNullable<ModelMoving['c']> {
    if (this.c) return this.c;
    this.moving!.copy();
    const s = this.src!;
    return (this.c = {
      caseNumberField: this.move(s.caseNumberField),
      proposalList: this.move(s.proposalList),
      proposals: this.move(s.proposals),
      decisionList: this.move(s.decisionList),
      decisions: this.move(s.decisions),
      otherFields: this.move(s.otherFields),
    });
  }

  /** Moves every part now (and the sections' nodes): the model no longer needs its source or the item's copy map. */
  settle(): void {
    if (!this.src) return;
    this.attendance();
    this.caseNumber();
    for (const s of this.sections()) void s.node;
    this.proposalSection();
    this.decisionSection();
    this.content();
    this.src = undefined;
    this.moving = undefined;
    this.sectionCopies = undefined;
    movedModels.delete(this.model);
  }
}

const movedModels = new WeakMap<ItemModel, ModelMoving>();

/**
 * For a moved model whose parts were not all moved yet: the model it moves and the lines and
 * units it is moved by. What a feature derives from the model's positions alone (the outline,
 * the semantic tokens) is the source's, moved by those, without reading the moved parts
 * (which would copy the item's content). Undefined for a model built or settled.
 */
export function movedModelOrigin(model: ItemModel): { readonly source: ItemModel; readonly lineDelta: number; readonly offsetDelta: number } | undefined {
  const m = movedModels.get(model);
  return m && { source: m.source, lineDelta: m.lineDelta, offsetDelta: m.offsetDelta };
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
  const m = new ModelMoving(source, item, moving);
  // The same keys in the same order as a model built (model/build.ts buildItem); the moved parts are getters.
  const model: ItemModel = {
    node: item,
    index: source.index,
    number: source.number,
    numeric: source.numeric,
    title: source.title,
    get caseNumber() {
      return m.caseNumber();
    },
    get caseNumberField() {
      return m.content().caseNumberField;
    },
    closed: source.closed,
    get sections() {
      return m.sections();
    },
    get proposalSection() {
      return m.proposalSection();
    },
    get decisionSection() {
      return m.decisionSection();
    },
    get proposalList() {
      return m.content().proposalList;
    },
    get proposals() {
      return m.content().proposals;
    },
    get decisionList() {
      return m.content().decisionList;
    },
    get decisions() {
      return m.content().decisions;
    },
    get attendance() {
      return m.attendance();
    },
    get otherFields() {
      return m.content().otherFields;
    },
    contextKey: source.contextKey,
  };
  m.model = model;
  movedModels.set(model, m);
  moving.keep(m);
  return model;
}
