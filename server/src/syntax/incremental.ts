/**
 * Incremental re-parsing for the editor: after an edit inside one agenda item, only that
 * item's text is parsed again; the items before it are reused as they are and the items
 * after it are moved lazily: each gets its range at once; its heading, keyword, number and
 * title are moved when first read, and its content (fields, blocks, sections) is copied with
 * its positions moved only when something reads it (`movedItem`). A keystroke therefore costs the same whatever the
 * number of items after it, as long as no one reads their content; an item moved by several
 * edits before anyone read it is copied once, from the tree it was last copied from, by the
 * sum of the shifts.
 *
 * Contract: `reparse(previous, text).result` deep-equals `parse(text)` (AST, diagnostics,
 * comments, line index) for every previous text and every new text. Whenever the edit is not
 * provably confined to one item, it is a full parse. The previous result is never modified:
 * nodes before the edit are shared with it, everything else is new.
 *
 * Why a segment parses alone exactly as in the whole file: items start at `## Punkt n:` lines
 * and end at the next `#`/`##` line, so a segment from one item heading to the next is closed
 * on both sides. Tokens never cross a line start except comments (`<!--` looks ahead for the
 * next `-->` anywhere after it), hence the fallbacks on unterminated comments; the item rule's
 * lookahead only sees token kinds, and the next segment starts with the same heading tokens.
 * test/syntax/incremental.property.test.ts checks the contract on random edits.
 */
import type {
  Block,
  CommentNode,
  ControlledSentence,
  Document,
  Field,
  Heading,
  InlineText,
  Item,
  List,
  ListItem,
  ParseResult,
  Position,
  Range,
  Section,
  SyntaxDiagnostic,
  TableRow,
  TextNode,
  TextSegment,
} from './ast.js';
import { LineIndex } from './lines.js';
import { dominantEol, parse } from './parser.js';

export interface PreviousParse {
  readonly text: string;
  readonly result: ParseResult;
}

/**
 * What is known of an edit without comparing the texts (the editor's incremental changes
 * say where they are): the first `prefix` and the last `suffix` UTF-16 units of the earlier
 * text are those of the later one. Fewer than the texts share is allowed.
 */
export interface Unchanged {
  readonly prefix: number;
  readonly suffix: number;
}

/** How the moved part of the tree was moved: old node → its moved node, and the shift applied. */
export interface Relocation {
  /** Each moved item of the previous tree → its moved item, and each moved comment → its copy. */
  readonly copies: Map<object, object>;
  readonly offsetDelta: number;
  readonly lineDelta: number;
}

export interface Reparse {
  readonly result: ParseResult;
  /** `segment`: one item re-parsed; `same`: the text did not change; `full`: parsed from scratch. */
  readonly mode: 'segment' | 'same' | 'full';
  /** Why it was a full parse (for tests and profiling). */
  readonly reason?: string;
  /** For `segment`: how the items after the edited one were moved. */
  readonly relocation?: Relocation;
}

/** Diagnostics that make the whole tree suspect: after them, always parse from scratch. */
const UNSAFE = new Set(['syntax-error', 'internal-error', 'unexpected-character', 'unterminated-comment']);

function full(text: string, reason: string): Reparse {
  return { result: parse(text), mode: 'full', reason };
}

/**
 * Copies a value, moving every position by (`offsetDelta`, `lineDelta`) and every `sourceOffset`
 * by `offsetDelta`. Objects met twice are copied once (`copies`), so that identities within the
 * copy hold as in the original (a table's header row is one of its rows; a model points at
 * nodes). Positions, ranges, text segments and arrays are never compared by identity: they are
 * copied without that bookkeeping, which halves the cost.
 */
export function relocate<T>(value: T, offsetDelta: number, lineDelta: number, copies: Map<object, object> = new Map()): T {
  const visit = (x: unknown): unknown => {
    if (x === null || typeof x !== 'object') return x;
    const o = x as Record<string, unknown>;
    if (typeof o.offset === 'number' && typeof o.character === 'number' && typeof o.line === 'number') {
      return { offset: o.offset + offsetDelta, line: o.line + lineDelta, character: o.character };
    }
    if (Array.isArray(o)) {
      const out: unknown[] = new Array(o.length);
      for (let i = 0; i < o.length; i++) out[i] = visit(o[i]);
      return out;
    }
    const tracked = !(typeof o.sourceOffset === 'number' || (typeof o.start === 'object' && typeof o.end === 'object'));
    if (tracked) {
      const seen = copies.get(o);
      if (seen) return seen;
    }
    const out: Record<string, unknown> = {};
    if (tracked) copies.set(o, out);
    for (const k in o) {
      const v = o[k];
      out[k] = k === 'sourceOffset' && typeof v === 'number' ? v + offsetDelta : typeof v === 'object' ? visit(v) : v;
    }
    return out;
  };
  return visit(value) as T;
}

/**
 * The same copy as {@link relocate} for the nodes of items, written out per node kind, and
 * recording in `copies` only the nodes an item model points at (items, fields, sections,
 * lists, list items, table rows, comment blocks): what typing in a large file costs is
 * mostly this copy. Controlled sentences (set by the model on decision paragraphs) and
 * anything unexpected go through `relocate`. test/syntax/incremental.property.test.ts checks
 * that both copies are equal; test/model/incremental.property.test.ts that moved models point
 * into the new tree.
 */
export function relocateItems(items: readonly Item[], offsetDelta: number, lineDelta: number, copies: Map<object, object>): Item[] {
  const d = offsetDelta;
  const dl = lineDelta;
  const pos = (p: Position): Position => ({ offset: p.offset + d, line: p.line + dl, character: p.character });
  const range = (r: Range): Range => ({ start: pos(r.start), end: pos(r.end) });
  const track = <T extends object>(from: T, to: T): T => {
    copies.set(from, to);
    return to;
  };
  const textNode = (t: TextNode): TextNode => ({ text: t.text, range: range(t.range) });
  const inline = (t: InlineText): InlineText => {
    const segs = t.segments;
    const segments: TextSegment[] = new Array(segs.length);
    for (let i = 0; i < segs.length; i++) {
      const x = segs[i]!;
      segments[i] = { textOffset: x.textOffset, sourceOffset: x.sourceOffset + d, length: x.length };
    }
    return { text: t.text, segments, range: range(t.range) };
  };
  const seen = <T extends object>(x: T): T | undefined => copies.get(x) as T | undefined;
  const heading = (h: Heading): Heading => ({ level: h.level, marker: textNode(h.marker), content: inline(h.content), range: range(h.range) });
  const field = (f: Field): Field => seen(f) ?? track(f, { name: textNode(f.name), value: inline(f.value), range: range(f.range) });
  const sentences = (xs: ControlledSentence[]): ControlledSentence[] => (xs.length === 0 ? [] : relocate(xs, d, dl, copies));
  const listItem = (it: ListItem): ListItem =>
    track(it, {
      type: 'listItem',
      marker: textNode(it.marker),
      number: it.number,
      indent: it.indent,
      content: inline(it.content),
      children: it.children.map(list),
      sentences: sentences(it.sentences),
      range: range(it.range),
    });
  const list = (l: List): List => track(l, { type: 'list', ordered: l.ordered, items: l.items.map(listItem), range: range(l.range) });
  const row = (r: TableRow): TableRow =>
    seen(r) ?? track(r, { cells: r.cells.map((c) => ({ content: inline(c.content), range: range(c.range) })), delimiter: r.delimiter, range: range(r.range) });
  const block = (b: Block): Block => {
    switch (b.type) {
      case 'paragraph': {
        const content = inline(b.content);
        return { type: 'paragraph', content, sentences: sentences(b.sentences), range: b.range === b.content.range ? content.range : range(b.range) };
      }
      case 'list':
        return list(b);
      case 'table': {
        const allRows = b.allRows.map(row);
        return track(b, { type: 'table', header: b.header && row(b.header), rows: b.rows.map(row), allRows, align: [...b.align], range: range(b.range) });
      }
      case 'comment':
        return seen(b) ?? track(b, { type: 'comment', text: b.text, body: b.body, terminated: b.terminated, range: range(b.range) });
      case 'subheading':
        return { type: 'subheading', level: b.level, content: inline(b.content), range: range(b.range) };
      default:
        return relocate(b, d, dl, copies);
    }
  };
  const section = (s: Section): Section =>
    track(s, { type: 'section', heading: heading(s.heading), title: s.title, blocks: s.blocks.map(block), range: range(s.range) });
  return items.map((it) =>
    track(it, {
      type: 'item',
      heading: heading(it.heading),
      keyword: textNode(it.keyword),
      number: textNode(it.number),
      title: textNode(it.title),
      fields: it.fields.map(field),
      preamble: it.preamble.map(block),
      sections: it.sections.map(section),
      range: range(it.range),
    }),
  );
}

/**
 * A moved item whose content is copied when first read: `source` is a tree's item (never a
 * moved item that was not copied yet), moved by (`offsetDelta`, `lineDelta`); `copies` maps
 * each object of `source` to its copy (filled when copied; item models moved with the item
 * copy their parts through it, model/incremental.ts, so that they point into this tree).
 */
export interface MovedItem {
  readonly source: Item;
  readonly offsetDelta: number;
  readonly lineDelta: number;
  readonly copies: Map<object, object>;
  /** Whether the content was copied. */
  readonly copied: boolean;
  /** Copies the content now (once). */
  copy(): void;
  /**
   * Registers a model that moves its parts through `copies`: it takes them all (`settle`)
   * before `copies` is dropped, when the copied item is moved again.
   */
  keep(model: { settle(): void }): void;
}

const NO_PAIRS: readonly [object, object][] = [];

type Head = Pick<Item, 'heading' | 'keyword' | 'number' | 'title'>;
type Content = Pick<Item, 'fields' | 'preamble' | 'sections'>;

/**
 * The moving of one moved item. Its getters stay getters (turning them into data
 * properties would make V8 keep every moved item and model as a slow dictionary): they
 * return what was moved, kept here. Once the head and the content were moved, the source is
 * let go, so that no chain of earlier trees stays alive.
 */
class Moving implements MovedItem {
  private head: Head | undefined;
  private content: Content | undefined;
  private own: Map<object, object> | undefined;
  private models: { settle(): void }[] | undefined;
  private from: Item | undefined;

  constructor(
    source: Item,
    readonly offsetDelta: number,
    readonly lineDelta: number,
    /** Each comment of `source` → its copy in this tree (made at once: `ast.comments` lists it). */
    public pairs: readonly [object, object][],
  ) {
    this.from = source;
  }

  target!: Item;

  get source(): Item {
    return this.from!;
  }

  get copied(): boolean {
    return this.content !== undefined;
  }

  get copies(): Map<object, object> {
    if (!this.own) this.own = new Map(this.pairs);
    return this.own;
  }

  copy(): void {
    this.got();
  }

  got(): Content {
    if (this.content) return this.content;
    const copies = this.copies;
    const copy = relocateItems([this.from!], this.offsetDelta, this.lineDelta, copies)[0]!;
    copies.set(this.from!, this.target);
    this.content = { fields: copy.fields, preamble: copy.preamble, sections: copy.sections };
    this.release();
    return this.content;
  }

  /** The heading, keyword, number and title (small; no identity in them), moved when first read. */
  top(): Head {
    if (this.head) return this.head;
    const d = this.offsetDelta;
    const dl = this.lineDelta;
    const pos = (p: Position): Position => ({ offset: p.offset + d, line: p.line + dl, character: p.character });
    const range = (r: Range): Range => ({ start: pos(r.start), end: pos(r.end) });
    const textNode = (t: TextNode): TextNode => ({ text: t.text, range: range(t.range) });
    const s = this.from!;
    const h = s.heading;
    const segments: TextSegment[] = h.content.segments.map((x) => ({ textOffset: x.textOffset, sourceOffset: x.sourceOffset + d, length: x.length }));
    this.head = {
      heading: { level: h.level, marker: textNode(h.marker), content: { text: h.content.text, segments, range: range(h.content.range) }, range: range(h.range) },
      keyword: textNode(s.keyword),
      number: textNode(s.number),
      title: textNode(s.title),
    };
    this.release();
    return this.head;
  }

  private release(): void {
    if (this.head && this.content) {
      this.from = undefined;
      this.pairs = NO_PAIRS;
    }
  }

  keep(model: { settle(): void }): void {
    (this.models ??= []).push(model);
  }

  /** The item was copied and is moved again: its head moves now, what still moves through its copy map moves now, and the map goes. */
  drop(): void {
    this.top();
    for (const m of this.models?.splice(0) ?? []) m.settle();
    this.own = undefined;
  }
}

const movedItems = new WeakMap<object, Moving>();

/** The moving of a moved item (undefined for an item parsed or shared). */
export function movedItem(item: object): MovedItem | undefined {
  return movedItems.get(item);
}

/**
 * The comments of a moved item's source paired with their copies in the new tree: through
 * `prior`'s pairs when the item moves a moved item not yet copied. A function of its own, so
 * that no closure of `moveItem` (the item's getters) captures `copies`: a getter's context
 * holding the copy map of the re-parse would keep the previous tree's items alive, and
 * through theirs every earlier tree (the heap grew with every keystroke).
 */
function commentPairs(prior: Moving | undefined, comments: readonly CommentNode[], copies: ReadonlyMap<object, object>): readonly [object, object][] {
  if (prior) return prior.pairs.length ? prior.pairs.map(([src, cur]) => [src, copies.get(cur) ?? cur]) : NO_PAIRS;
  return comments.length ? comments.map((c) => [c, copies.get(c)!]) : NO_PAIRS;
}

/**
 * `from` (an item of the previous tree) moved by (`d`, `dl`): a new item node whose range is
 * moved at once, its heading, keyword, number and title when first read, and whose fields,
 * preamble and sections are copied when first read. `comments` are the comments of `from` in
 * the previous tree's `ast.comments`, already copied into `copies`: the comment blocks of the
 * copy are those same copies.
 */
function moveItem(from: Item, d: number, dl: number, comments: readonly CommentNode[], copies: ReadonlyMap<object, object>): Item {
  const prior = movedItems.get(from);
  // Not copied yet: move its source by both shifts (its comments are paired with their source's).
  const compose = prior !== undefined && !prior.copied;
  if (prior && !compose) {
    prior.drop();
    movedItems.delete(from);
  }
  const source = compose ? prior.source : from;
  const offsetDelta = compose ? prior.offsetDelta + d : d;
  const lineDelta = compose ? prior.lineDelta + dl : dl;
  const m = new Moving(source, offsetDelta, lineDelta, commentPairs(compose ? prior : undefined, comments, copies));
  // The same keys in the same order as a parsed item; all but the range are getters.
  const target: Item = {
    type: 'item',
    get heading() {
      return m.top().heading;
    },
    get keyword() {
      return m.top().keyword;
    },
    get number() {
      return m.top().number;
    },
    get title() {
      return m.top().title;
    },
    get fields() {
      return m.got().fields;
    },
    get preamble() {
      return m.got().preamble;
    },
    get sections() {
      return m.got().sections;
    },
    range: {
      start: { offset: source.range.start.offset + offsetDelta, line: source.range.start.line + lineDelta, character: source.range.start.character },
      end: { offset: source.range.end.offset + offsetDelta, line: source.range.end.line + lineDelta, character: source.range.end.character },
    },
  };
  m.target = target;
  movedItems.set(target, m);
  return target;
}

function startOf(x: { readonly range: { readonly start: { readonly offset: number } } }): number {
  return x.range.start.offset;
}

/**
 * A copy of `s` that shares no storage with the string it was cut from. A slice of a long
 * string is, in V8, a view of that string (a "sliced string"): every node text of the item
 * re-parsed from `text.slice(…)` would keep that version's whole text alive for as long as
 * the item's nodes live (in a 1 MB meeting, 1 MB more for every keystroke, until the item
 * is edited again: the heap grew by ~1.5 MB a keystroke, and the collector's pauses with it).
 * Joined to one more unit and cut again, the text is flattened into a string of its own.
 */
export function ownCopy(s: string): string {
  return (' ' + s).slice(1);
}

/** The number of leading UTF-16 units two strings share (`known` of them are known to be shared). */
function commonPrefix(a: string, b: string, known = 0): number {
  const n = Math.min(a.length, b.length);
  // Compare in chunks first (string equality is a memory compare), then unit by unit.
  let i = Math.min(known, n);
  // From a known prefix the edit is near: unit by unit only.
  for (let step = known > 0 ? 0 : 1 << 20; step >= 1; step >>= 4) {
    while (i + step <= n && a.slice(i, i + step) === b.slice(i, i + step)) i += step;
  }
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The number of trailing UTF-16 units two strings share, not reaching into the first `floor` units of either (`known` of them are known to be shared). */
function commonSuffix(a: string, b: string, floor: number, known = 0): number {
  const n = Math.min(a.length, b.length) - floor;
  let i = Math.max(0, Math.min(known, n));
  for (let step = known > 0 ? 0 : 1 << 20; step >= 1; step >>= 4) {
    while (i + step <= n && a.slice(a.length - i - step, a.length - i) === b.slice(b.length - i - step, b.length - i)) i += step;
  }
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** The index of the last item starting at or before `offset` (−1 when none does). */
function itemAt(items: readonly Item[], offset: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (startOf(items[mid]!) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/**
 * Whether `u` can be what an edit of `old` into `text` left unchanged: within both texts, and
 * the units at its edges equal (a cheap guard against a stale one; a wrong one that passes
 * it would make a wrong tree, so callers pass only what the editor's changes say).
 */
function plausible(u: Unchanged, old: string, text: string): boolean {
  const { prefix: p, suffix: s } = u;
  if (!(p >= 0 && s >= 0 && Number.isInteger(p) && Number.isInteger(s) && p + s <= Math.min(old.length, text.length))) return false;
  if (p > 0 && old.charCodeAt(p - 1) !== text.charCodeAt(p - 1)) return false;
  return s === 0 || old.charCodeAt(old.length - s) === text.charCodeAt(text.length - s);
}

/**
 * Parses `text`, re-using `previous` where the edit provably leaves it unchanged. Never throws.
 * `unchanged` (optional) spares comparing the texts from their ends: the edit is looked for
 * only between the units it says are unchanged, and the result is the same as without it.
 */
export function reparse(previous: PreviousParse | undefined, text: string, unchanged?: Unchanged): Reparse {
  if (!previous) return full(text, 'no previous parse');
  const old = previous.text;
  const prev = previous.result;
  if (old === text) return { result: prev, mode: 'same' };
  if (prev.diagnostics.some((d) => UNSAFE.has(d.code))) return full(text, 'previous parse had errors');
  const items = prev.ast.items;
  if (items.length === 0) return full(text, 'no items');

  const known = unchanged && plausible(unchanged, old, text) ? unchanged : undefined;
  const p = commonPrefix(old, text, known?.prefix);
  const s = commonSuffix(old, text, p, known?.suffix);
  const delta = text.length - old.length;
  const oldChangeEnd = old.length - s;

  const k = itemAt(items, p);
  if (k < 0) return full(text, 'edit before the first item');
  const start = startOf(items[k]!);
  if (start === 0) return full(text, 'item at the start of the file');
  const last = k === items.length - 1;
  const oldEnd = last ? old.length : startOf(items[k + 1]!);
  if (oldChangeEnd > oldEnd) return full(text, 'edit reaches the next item');
  const newEnd = oldEnd + delta;
  if (!last && !isBreak(text.charCodeAt(newEnd - 1))) return full(text, 'next item heading no longer at a line start');

  // Anything of the previous parse that crosses into the segment cannot be kept.
  const prefixDiags: SyntaxDiagnostic[] = [];
  const suffixDiags: SyntaxDiagnostic[] = [];
  for (const d of prev.diagnostics) {
    if (d.range.start.offset < start) {
      if (d.range.end.offset > start) return full(text, 'a diagnostic spans the item start');
      prefixDiags.push(d);
    } else if (d.range.start.offset >= oldEnd) suffixDiags.push(d);
  }

  const seg = parse(ownCopy(text.slice(start, newEnd)));
  const segItems = seg.ast.items;
  if (segItems.length !== 1 || startOf(segItems[0]!) !== 0) return full(text, 'the edited text is not one item');
  const segDiags = seg.diagnostics.filter((d) => d.code !== 'missing-title');
  if (segDiags.some((d) => UNSAFE.has(d.code))) return full(text, 'the edited item has errors');

  const lines = prev.lines instanceof LineIndex ? LineIndex.edited(prev.lines, text, p, s) : new LineIndex(text);
  const startLine = items[k]!.range.start.line;
  const lineDelta = last ? 0 : lines.lineOf(newEnd) - items[k + 1]!.range.start.line;

  // The edited item: positions moved from the segment to the file.
  const segCopies = new Map<object, object>();
  const item = relocate(segItems[0]!, start, startLine, segCopies);
  const segComments = relocate(seg.ast.comments, start, startLine, segCopies);
  const segDiagnostics = relocate(segDiags, start, startLine, segCopies);

  // The items after it: moved by the edit's size, lazily (their comments at once: `ast.comments` lists them).
  const copies = new Map<object, object>();
  const prefixComments: CommentNode[] = [];
  const suffixComments: CommentNode[] = [];
  for (const c of prev.ast.comments) {
    if (startOf(c) < start) prefixComments.push(c);
    else if (startOf(c) >= oldEnd) suffixComments.push(c);
  }
  const movedComments = relocate(suffixComments, delta, lineDelta, copies);
  const after: Item[] = [];
  let ci = 0;
  for (let j = k + 1; j < items.length; j++) {
    const from = items[j]!;
    const end = j + 1 < items.length ? startOf(items[j + 1]!) : Infinity;
    const comments: CommentNode[] = [];
    while (ci < suffixComments.length && startOf(suffixComments[ci]!) < end) comments.push(suffixComments[ci++]!);
    const to = moveItem(from, delta, lineDelta, comments, copies);
    copies.set(from, to);
    after.push(to);
  }
  const movedDiagnostics = relocate(suffixDiags, delta, lineDelta, copies);

  const ast: Document = {
    ...prev.ast,
    items: [...items.slice(0, k), item, ...after],
    comments: [...prefixComments, ...segComments, ...movedComments],
    bom: text.charCodeAt(0) === 0xfeff,
    eol: dominantEol(text),
    range: lines.range(0, text.length),
  };
  return {
    result: { ast, diagnostics: [...prefixDiags, ...segDiagnostics, ...movedDiagnostics], lines },
    mode: 'segment',
    relocation: { copies, offsetDelta: delta, lineDelta },
  };
}
