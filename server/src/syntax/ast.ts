/**
 * The typed syntax tree of a referat file.
 *
 * Every node carries an exact {@link Range}: offsets into the source text and LSP
 * line/character positions (UTF-16 code units, lines split at LF, CRLF and CR).
 * The syntax layer knows nothing of members, rules or configuration: section kinds,
 * attendance semantics and house style are the model's business.
 */

export interface Position {
  /** Offset into the source text, in UTF-16 code units. */
  readonly offset: number;
  /** Zero-based line. */
  readonly line: number;
  /** Zero-based character on the line, in UTF-16 code units. */
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface Node {
  readonly range: Range;
}

/** A piece of source text with its range; `text` is exactly `source.slice(range)`. */
export interface TextNode extends Node {
  readonly text: string;
}

// ─── Inline content ──────────────────────────────────────────────────────────

export type Inline = TextSpan | Strong | Emphasis | Link | InlineComment;

export interface TextSpan extends TextNode {
  readonly type: 'text';
}
export interface Strong extends Node {
  readonly type: 'strong';
  readonly children: Inline[];
}
export interface Emphasis extends Node {
  readonly type: 'emphasis';
  readonly children: Inline[];
}
export interface Link extends Node {
  readonly type: 'link';
  readonly children: Inline[];
  /** The link target as written. */
  readonly url: TextNode;
}
export interface InlineComment extends TextNode {
  readonly type: 'comment';
  /** Text between `<!--` and `-->`. */
  readonly body: string;
}

/**
 * A run of source lines holding inline content. `text` is the content with line
 * breaks (and the indentation of continuation lines) folded to single spaces;
 * `segments` maps it back to the source, so that any span of `text` has a range.
 */
export interface InlineText extends Node {
  readonly text: string;
  readonly segments: readonly TextSegment[];
}
/** `text.slice(textOffset, textOffset + length)` stands at `sourceOffset` in the source. */
export interface TextSegment {
  readonly textOffset: number;
  readonly sourceOffset: number;
  readonly length: number;
}

// ─── Controlled sentences (spec §6) ─────────────────────────────────────────

/** One person's name inside a name list, e.g. `Anne Holm (A)`. */
export interface PersonName extends Node {
  /** The name without a party letter, spaces normalised. */
  readonly name: string;
  /** Party letter in parentheses, if any: `A` in `Anne Holm (A)`. */
  readonly party?: string;
  /** Range of the name alone (without the party letter). */
  readonly nameRange: Range;
  /** A role written after the name, as in `Lars Præcius, afdelingsleder, deltog under punktet`. */
  readonly role?: TextNode;
}

export interface NameList extends Node {
  readonly names: PersonName[];
}

export type SentenceKind =
  | 'forfald' // <names> havde forfald. / deltog ikke i mødet. / Afbud: <names> / Der var afbud fra <names>. (absent for the whole meeting)
  | 'absent' // <names> deltog ikke i sagens behandling. / var fraværende. / Fraværende: <names> / Ikke til stede: <names> (this item, or the items named)
  | 'substitute' // <name> mødte som stedfortræder for <name>. / Som suppleant deltog <name>. / I stedet deltog <name>.
  | 'guest' // <name>[, role,] deltog under punktet. / Derudover deltog: <names>
  | 'left' // <name> forlod mødet efter [behandlingen af] punkt <n>. / under behandlingen af punktet.
  | 'inhabil' // <name> erklærede sig inhabil. / oplyste, at han var inhabil i behandlingen af punkt <n>.
  | 'council-request' // <name> begærede sagen i byrådet. / ønskede … sagen i byrådet
  | 'vote-for'
  | 'vote-against'
  | 'vote-abstain';

export interface ControlledSentence extends Node {
  readonly type: 'sentence';
  readonly kind: SentenceKind;
  readonly names: NameList;
  /** For `substitute`: the member substituted for. */
  readonly substitutedFor?: PersonName;
  /** For `left`: the item number after which the member left (`efter punkt 5`); absent = during this item. */
  readonly leftAfterItem?: TextNode;
  /** For votes: the count in parentheses, if given. */
  readonly count?: { readonly value: number; readonly range: Range };
  /** For `left`: `før punkt <n>` (left before that item) or `under behandlingen af punkt <n>` (during it). */
  readonly leftWhen?: 'after' | 'before' | 'during';
  /**
   * The items a note names (`deltog ikke under punkterne 12-15`, `var fraværende under punkt 13`,
   * `inhabil i behandlingen af pkt. 3 og 5`): the note is about those items, not about the
   * item it stands in.
   */
  readonly items?: readonly ItemRef[];
  /** The note says the member sent apologies: `Afbud: …`, `Der var afbud fra …`, `(afbud)`. */
  readonly apologies?: boolean;
  /**
   * Substitutes written beside the absent member in the same note: `Afbud fra A stedfortræder B`,
   * `Fraværende: A (stedfortræder: B)`, `Stedfortrædere: B for A`.
   */
  readonly substitutions?: readonly { readonly substitute: PersonName; readonly for: PersonName }[];
  /** For `inhabil` without item numbers: what it concerns as written (`i sager om …`). */
  readonly subject?: TextNode;
  /** An absence note that names this item in words (`deltog ikke i sagens behandling`, `… under punktet`): never the whole meeting. */
  readonly thisItem?: boolean;
  /** A label alone (`Fraværende`, `Fraværende med afbud:`) whose names stand on the next line or in the next block. */
  readonly labelOnly?: boolean;
}

/** One item number or range of item numbers in a note: `13`, `12-15`. */
export interface ItemRef extends Node {
  readonly from: string;
  /** The last number of a range (`15` in `12-15`). */
  readonly to?: string;
}

// ─── Blocks ─────────────────────────────────────────────────────────────────

export type Block = Paragraph | List | Table | CommentBlock | SubHeading;

export interface Paragraph extends Node {
  readonly type: 'paragraph';
  readonly content: InlineText;
  /** Controlled sentences recognised in this paragraph (only inside a decision section). */
  sentences: ControlledSentence[];
}

export interface ListItem extends Node {
  readonly type: 'listItem';
  /** The marker as written: `-`, `*`, `•`, `1.`, `2)`. */
  readonly marker: TextNode;
  /** For ordered items, the number written. */
  readonly number?: number;
  /** Indentation width in columns (a tab counts 4). */
  readonly indent: number;
  readonly content: InlineText;
  /** Nested lists. */
  readonly children: List[];
  sentences: ControlledSentence[];
}

export interface List extends Node {
  readonly type: 'list';
  readonly ordered: boolean;
  readonly items: ListItem[];
}

export interface TableCell extends Node {
  readonly content: InlineText;
}
export interface TableRow extends Node {
  readonly cells: TableCell[];
  /** A delimiter row such as `|---|:---:|`. */
  readonly delimiter: boolean;
}
export interface Table extends Node {
  readonly type: 'table';
  /** The header row (the row above the delimiter row), if any. */
  readonly header?: TableRow;
  readonly rows: TableRow[];
  /** All rows in source order, delimiter row included. */
  readonly allRows: TableRow[];
  readonly align: ('left' | 'center' | 'right' | null)[];
}

export interface CommentBlock extends TextNode {
  readonly type: 'comment';
  readonly body: string;
  readonly terminated: boolean;
}

/** A heading of level 4 or deeper (or a stray heading outside its place). */
export interface SubHeading extends Node {
  readonly type: 'subheading';
  readonly level: number;
  readonly content: InlineText;
}

// ─── Fields, sections, items, document ──────────────────────────────────────

/** `Name: value`, the value possibly continued on indented lines. */
export interface Field extends Node {
  readonly name: TextNode;
  readonly value: InlineText;
}

export interface Heading extends Node {
  readonly level: number;
  /** The `#` marker. */
  readonly marker: TextNode;
  /** The heading text after the marker. */
  readonly content: InlineText;
}

export interface Section extends Node {
  readonly type: 'section';
  readonly heading: Heading;
  /** The heading text, with surrounding `**` stripped and spaces normalised. */
  readonly title: string;
  readonly blocks: Block[];
}

export interface Item extends Node {
  readonly type: 'item';
  readonly heading: Heading;
  /** The `Punkt` keyword. */
  readonly keyword: TextNode;
  /** The item number as written (`123`, `1.a`). */
  readonly number: TextNode;
  readonly title: TextNode;
  readonly fields: Field[];
  /** Blocks between the fields and the first section. */
  readonly preamble: Block[];
  readonly sections: Section[];
}

export interface Title extends Node {
  readonly heading: Heading;
  /** `REFERAT` or `DAGSORDEN`. */
  readonly kind: 'REFERAT' | 'DAGSORDEN';
  readonly keyword: TextNode;
  /** Everything after the keyword. */
  readonly rest?: TextNode;
}

export interface Document extends Node {
  readonly type: 'document';
  readonly title?: Title;
  readonly fields: Field[];
  /** Blocks of the header other than fields (comments, free text). */
  readonly headerBlocks: Block[];
  readonly items: Item[];
  /** Every comment in the file, inline or block, in source order. */
  readonly comments: CommentNode[];
  /** Whether the file started with a byte-order mark. */
  readonly bom: boolean;
  /** The file's dominant line ending. */
  readonly eol: '\n' | '\r\n' | '\r';
}

export type CommentNode = CommentBlock | InlineComment;

export interface SyntaxDiagnostic {
  readonly range: Range;
  readonly code: string;
  readonly message: { readonly da: string; readonly en: string };
  readonly severity: 'error' | 'warning';
}

export interface ParseResult {
  readonly ast: Document;
  readonly diagnostics: SyntaxDiagnostic[];
  readonly lines: LineIndexLike;
}

export interface LineIndexLike {
  position(offset: number): Position;
  offsetAt(line: number, character: number): number;
  readonly lineCount: number;
  lineStart(line: number): number;
}
