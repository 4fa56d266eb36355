/**
 * `parse(text)` → `{ ast, diagnostics, lines }`. Never throws: any input yields a tree
 * plus syntax diagnostics. Lexing and parsing are linear in the size of the text.
 */
import type { CstNode, IToken } from 'chevrotain';
import { append } from '../array.js';
import type {
  Block,
  CommentBlock,
  CommentNode,
  Document,
  Field,
  Heading,
  InlineComment,
  InlineText,
  Item,
  List,
  ListItem,
  Paragraph,
  ParseResult,
  Range,
  Section,
  SubHeading,
  SyntaxDiagnostic,
  Table,
  TableCell,
  TableRow,
  TextNode,
  TextSegment,
  Title,
} from './ast.js';
import { grammar } from './grammar.js';
import { blockLexer, Comment, Newline } from './lexer.js';
import { LineIndex } from './lines.js';
import { messages } from './messages.js';

/** Lists nest at most this deep; deeper items stay at this level (`list-too-deep`). */
export const MAX_LIST_DEPTH = 100;

type Children = Record<string, (CstNode | IToken)[] | undefined>;

function isToken(x: CstNode | IToken): x is IToken {
  return (x as IToken).image !== undefined;
}

function startOf(x: CstNode | IToken): number {
  return isToken(x) ? x.startOffset : (x.location?.startOffset ?? 0);
}

/** All children of a CST node in source order. */
function ordered(node: CstNode): (CstNode | IToken)[] {
  const lists = Object.values(node.children as Children);
  if (lists.length === 1) return lists[0] ?? [];
  const all: (CstNode | IToken)[] = [];
  for (const list of lists) if (list) for (const x of list) all.push(x);
  // Children are grouped by kind; only sort when the groups interleave.
  let sorted = true;
  for (let i = 1; i < all.length && sorted; i++) if (startOf(all[i - 1]!) > startOf(all[i]!)) sorted = false;
  return sorted ? all : all.sort((a, b) => startOf(a) - startOf(b));
}

/**
 * The child nodes (not tokens) of a CST node in source order. Without error recovery every
 * node holds a token and starts where no sibling does, so sorting the nodes alone gives the
 * order `ordered` gives; after recovery (nodes and tokens without an offset) that one is used.
 */
function childNodes(node: CstNode, recovered: boolean): CstNode[] {
  if (recovered) return ordered(node).filter((c): c is CstNode => !isToken(c));
  const children = node.children as Children;
  let first: CstNode[] | undefined;
  let all: CstNode[] | undefined;
  for (const key in children) {
    const list = children[key];
    if (!list || list.length === 0 || isToken(list[0]!)) continue;
    if (!first) first = list as CstNode[];
    else {
      all ??= first.slice();
      for (const x of list) all.push(x as CstNode);
    }
  }
  if (!all) return first ?? [];
  for (let i = 1; i < all.length; i++) {
    if (all[i - 1]!.location!.startOffset > all[i]!.location!.startOffset) return all.sort((a, b) => a.location!.startOffset - b.location!.startOffset);
  }
  return all;
}

function tokensOf(node: CstNode, name: string): IToken[] {
  return ((node.children as Children)[name] ?? []) as IToken[];
}
function nodesOf(node: CstNode, name: string): CstNode[] {
  return ((node.children as Children)[name] ?? []) as CstNode[];
}

/** Leaf tokens of a CST node in source order (recursively). */
function leafTokens(node: CstNode, out: IToken[] = []): IToken[] {
  for (const c of ordered(node)) {
    if (isToken(c)) {
      if (!isNaN(c.startOffset)) out.push(c);
    } else leafTokens(c, out);
  }
  return out;
}

/**
 * Appends a node's inline tokens (Text and Comment, consumed as the `Inline` category: one list
 * in source order), skipping tokens that error recovery inserted (they have no offset).
 */
function pushInline(node: CstNode, out: IToken[]): void {
  const list = (node.children as Children).Inline as IToken[] | undefined;
  if (list) for (const t of list) if (!isNaN(t.startOffset)) out.push(t);
}

/** A space or a tab. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

function tokenEnd(t: IToken): number {
  return t.startOffset + t.image.length;
}

/** The line ending most used in `text`. */
export function dominantEol(text: string): '\n' | '\r\n' | '\r' {
  let cr = text.indexOf('\r');
  if (cr < 0) return '\n';
  let crlf = 0;
  let lone = 0;
  let crs = 0;
  for (; cr >= 0 && crs < 100_000; cr = text.indexOf('\r', cr + 1), crs++) {
    if (text.charCodeAt(cr + 1) === 10) crlf++;
    else lone++;
  }
  // LFs that are not part of a CRLF.
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0 && lf < 200_000; i = text.indexOf('\n', i + 1)) lf++;
  lf -= crlf;
  if (crlf >= lf && crlf >= lone && crlf > 0) return '\r\n';
  if (lone > lf) return '\r';
  return '\n';
}

const NO_NAMES: ReadonlySet<string> = new Set();

class TreeBuilder {
  readonly diagnostics: SyntaxDiagnostic[] = [];
  readonly comments: CommentNode[] = [];

  /** Whether the grammar recovered from an error (its tree may hold nodes and tokens without an offset). */
  recovered = false;

  constructor(
    readonly text: string,
    readonly lines: LineIndex,
  ) {}

  range(start: number, end: number): Range {
    return this.lines.range(start, end);
  }

  textNode(start: number, end: number): TextNode {
    return { text: this.text.slice(start, end), range: this.range(start, end) };
  }

  diag(code: keyof typeof messages, start: number, end: number, severity: 'error' | 'warning' = 'error', data?: Record<string, string>) {
    const m = messages[code];
    const fill = (s: string) => (data ? s.replace(/\{(\w+)\}/g, (w, k: string) => data[k] ?? w) : s);
    this.diagnostics.push({
      range: this.range(start, end),
      code,
      severity,
      message: { da: fill(m.da), en: fill(m.en) },
    });
  }

  /**
   * Inline content from tokens (Text and Comment), possibly over several lines.
   * Each line's content becomes one segment; segments are joined with one space.
   */
  inlineText(tokens: IToken[], fallbackOffset: number): InlineText {
    // Most content is one line: its one segment goes into an array of one made at the end (an
    // array grown by `push` from empty holds room for 17, kept as long as the tree).
    let first: TextSegment | undefined;
    let more: TextSegment[] | undefined;
    let text = '';
    let lineStart = -1;
    let lineEnd = -1;
    const add = (from: number, to: number) => {
      let end = to;
      while (end > from && isBlank(this.text.charCodeAt(end - 1))) end--;
      if (end <= from) return;
      const joined = text.length > 0 ? text + ' ' : text;
      const segment: TextSegment = { textOffset: joined.length, sourceOffset: from, length: end - from };
      if (!first) first = segment;
      else (more ??= [first]).push(segment);
      text = joined + this.text.slice(from, end);
    };
    for (const t of tokens) {
      if (t.tokenType === Comment) this.inlineComment(t);
      // A multi-line comment stays inside its segment's text (plainText removes it): segments
      // stay contiguous in the source so offsets map 1:1. The next line starts a new segment.
      const start = t.startOffset;
      if (lineStart >= 0 && this.lines.lineOf(start) !== this.lines.lineOf(lineEnd)) {
        add(lineStart, lineEnd);
        lineStart = -1;
      }
      if (lineStart < 0) lineStart = start;
      lineEnd = tokenEnd(t);
    }
    if (lineStart >= 0) add(lineStart, lineEnd);
    if (!first) return { text: '', segments: [], range: this.range(fallbackOffset, fallbackOffset) };
    const segments = more ?? [first];
    const last = segments[segments.length - 1]!;
    return { text, segments, range: this.range(first.sourceOffset, last.sourceOffset + last.length) };
  }

  inlineComment(t: IToken): InlineComment {
    const terminated = t.image.endsWith('-->') && t.image.length >= 7;
    const body = t.image.slice(4, terminated ? -3 : undefined);
    const node: InlineComment = { type: 'comment', text: t.image, body, range: this.range(t.startOffset, tokenEnd(t)) };
    this.comments.push(node);
    if (!terminated) this.diag('unterminated-comment', t.startOffset, tokenEnd(t));
    return node;
  }

  /**
   * Inline tokens of a node in source order: its own, then those of its
   * `continuation` lines (which follow on later lines), without sorting.
   */
  inlineTokens(node: CstNode): IToken[] {
    const out: IToken[] = [];
    pushInline(node, out);
    for (const cont of nodesOf(node, 'continuation')) pushInline(cont, out);
    return out;
  }

  nodeEnd(node: CstNode): number {
    const leaves = leafTokens(node);
    let end = startOf(node);
    for (let i = leaves.length - 1; i >= 0; i--) {
      const t = leaves[i]!;
      if (t.tokenType !== Newline) {
        end = tokenEnd(t);
        break;
      }
    }
    return end;
  }

  heading(node: CstNode, marker: IToken): Heading {
    const content = this.inlineText(this.inlineTokens(node), tokenEnd(marker));
    const end = Math.max(tokenEnd(marker), content.range.end.offset);
    return {
      level: marker.image.length,
      marker: this.textNode(marker.startOffset, tokenEnd(marker)),
      content,
      range: this.range(marker.startOffset, end),
    };
  }

  field(node: CstNode): Field {
    const nameTok = tokensOf(node, 'FieldName')[0]!;
    const colon = nameTok.image.lastIndexOf(':');
    let nameEnd = nameTok.startOffset + colon;
    while (nameEnd > nameTok.startOffset && /[ \t]/.test(this.text[nameEnd - 1]!)) nameEnd--;
    const value = this.inlineText(this.inlineTokens(node), tokenEnd(nameTok));
    return {
      name: this.textNode(nameTok.startOffset, nameEnd),
      value,
      range: this.range(nameTok.startOffset, Math.max(tokenEnd(nameTok), value.range.end.offset)),
    };
  }

  commentBlock(t: IToken): CommentBlock {
    const terminated = t.image.endsWith('-->') && t.image.length >= 7;
    const c: CommentBlock = {
      type: 'comment',
      text: t.image,
      body: t.image.slice(4, terminated ? -3 : undefined),
      terminated,
      range: this.range(t.startOffset, tokenEnd(t)),
    };
    this.comments.push(c);
    if (!terminated) this.diag('unterminated-comment', t.startOffset, tokenEnd(t));
    return c;
  }

  paragraphOrComment(node: CstNode): Block[] {
    const tokens: IToken[] = [];
    const c = node.children as Children;
    if (node.name === 'field') {
      // A `Name:` line inside an item body reads as a paragraph.
      tokens.push(tokensOf(node, 'FieldName')[0]!, ...this.inlineTokens(node));
    } else {
      for (const line of (c.line ?? []) as CstNode[]) {
        const field = tokensOf(line, 'FieldName')[0];
        if (field) tokens.push(field);
        pushInline(line, tokens);
      }
    }
    // A paragraph made only of comments is a comment block.
    if (tokens.length > 0 && tokens.every((t) => t.tokenType === Comment || /^\s*$/.test(t.image))) {
      return tokens.filter((t) => t.tokenType === Comment).map((t) => this.commentBlock(t));
    }
    const content = this.inlineText(tokens, startOf(node));
    const p: Paragraph = { type: 'paragraph', content, sentences: [], range: content.range };
    return [p];
  }

  listItems(node: CstNode): ListItem[] {
    return nodesOf(node, 'listItem').map((li) => {
      const markerTok = (tokensOf(li, 'BulletMarker')[0] ?? tokensOf(li, 'OrderedMarker')[0])!;
      const raw = markerTok.image;
      const lead = raw.length - raw.trimStart().length;
      const markerStart = markerTok.startOffset + lead;
      const marker = this.textNode(markerStart, tokenEnd(markerTok));
      let indent = 0;
      for (let i = 0; i < lead; i++) indent += raw[i] === '\t' ? 4 : 1;
      const ordered = markerTok.tokenType.name === 'OrderedMarker';
      const content = this.inlineText(this.inlineTokens(li), tokenEnd(markerTok));
      const end = Math.max(tokenEnd(markerTok), content.range.end.offset);
      return {
        type: 'listItem',
        marker,
        number: ordered ? parseInt(marker.text, 10) : undefined,
        indent,
        content,
        children: [],
        sentences: [],
        range: this.range(markerStart, end),
      } satisfies ListItem;
    });
  }

  /** Builds nested lists from a flat run of items by indentation and marker kind. */
  nestLists(items: ListItem[]): List[] {
    const roots: List[] = [];
    const stack: { list: List; indent: number }[] = [];
    const newList = (first: ListItem): List => ({
      type: 'list',
      ordered: first.number !== undefined,
      items: [first],
      range: first.range,
    });
    let tooDeep = false;
    for (const item of items) {
      while (stack.length && item.indent < stack[stack.length - 1]!.indent) stack.pop();
      let indent = item.indent;
      if (stack.length >= MAX_LIST_DEPTH && indent > stack[stack.length - 1]!.indent) {
        // Deeper than any reader follows (and than the tree walks may recurse): the item
        // stays at the deepest level.
        indent = stack[stack.length - 1]!.indent;
        if (!tooDeep) this.diag('list-too-deep', item.range.start.offset, item.range.end.offset, 'warning', { max: String(MAX_LIST_DEPTH) });
        tooDeep = true;
      }
      const top = stack[stack.length - 1];
      if (top && indent === top.indent && top.list.ordered === (item.number !== undefined)) {
        top.list.items.push(item);
        continue;
      }
      if (top && indent === top.indent) {
        // Same indentation, other kind: a sibling list.
        stack.pop();
      }
      const parent = stack[stack.length - 1];
      const list = newList(item);
      if (parent && indent > parent.indent) {
        const owner = parent.list.items[parent.list.items.length - 1]!;
        (owner.children as List[]).push(list);
      } else roots.push(list);
      stack.push({ list, indent });
    }
    const fixRanges = (list: List): List => {
      for (const it of list.items) it.children.forEach(fixRanges);
      const last = list.items[list.items.length - 1]!;
      const lastEnd = lastDeepEnd(last);
      (list as { range: Range }).range = this.range(list.items[0]!.range.start.offset, lastEnd);
      return list;
    };
    const lastDeepEnd = (it: ListItem): number => {
      const kids = it.children;
      if (kids.length) {
        const l = kids[kids.length - 1]!;
        return Math.max(it.range.end.offset, lastDeepEnd(l.items[l.items.length - 1]!));
      }
      return it.range.end.offset;
    };
    roots.forEach(fixRanges);
    // Item ranges extend over their children.
    const extend = (list: List) => {
      for (const it of list.items) {
        it.children.forEach(extend);
        if (it.children.length) (it as { range: Range }).range = this.range(it.range.start.offset, lastDeepEnd(it));
      }
    };
    roots.forEach(extend);
    return roots;
  }

  table(node: CstNode): Table {
    const rows: TableRow[] = tokensOf(node, 'TableRow').map((t) => this.tableRow(t));
    const delimIndex = rows.findIndex((r) => r.delimiter);
    const header = delimIndex === 1 ? rows[0] : undefined;
    const body = rows.filter((r, i) => !r.delimiter && !(header && i === 0));
    const delim = delimIndex >= 0 ? rows[delimIndex]! : undefined;
    const align = delim
      ? delim.cells.map((c) => {
          const s = c.content.text.trim();
          const l = s.startsWith(':');
          const r = s.endsWith(':');
          return l && r ? 'center' : r ? 'right' : l ? 'left' : null;
        })
      : [];
    const width = header ? header.cells.length : delim ? delim.cells.length : undefined;
    if (width !== undefined) {
      for (const r of body) {
        if (r.cells.length !== width) {
          this.diag('table-columns', r.range.start.offset, r.range.end.offset, 'warning', {
            found: String(r.cells.length),
            expected: String(width),
          });
        }
      }
    }
    const first = rows[0]!;
    const last = rows[rows.length - 1]!;
    return {
      type: 'table',
      header,
      rows: body,
      allRows: rows,
      align,
      range: this.range(first.range.start.offset, last.range.end.offset),
    };
  }

  tableRow(t: IToken): TableRow {
    const image = t.image;
    const base = t.startOffset;
    // Trim trailing whitespace.
    let end = image.length;
    while (end > 0 && isBlank(image.charCodeAt(end - 1))) end--;
    let start = 0;
    while (start < end && isBlank(image.charCodeAt(start))) start++;
    const cells: TableCell[] = [];
    // Split on unescaped pipes; the first pipe opens the row.
    let i = start + 1;
    let cellStart = i;
    const pushCell = (s: number, e: number) => {
      let cs = s;
      let ce = e;
      while (cs < ce && isBlank(image.charCodeAt(cs))) cs++;
      while (ce > cs && isBlank(image.charCodeAt(ce - 1))) ce--;
      const segs: TextSegment[] = ce > cs ? [{ textOffset: 0, sourceOffset: base + cs, length: ce - cs }] : [];
      const content: InlineText = { text: image.slice(cs, ce), segments: segs, range: this.range(base + cs, base + ce) };
      cells.push({ content, range: this.range(base + s, base + e) });
    };
    for (; i < end; i++) {
      const c = image.charCodeAt(i);
      if (c === 92 /* \\ */) {
        i++;
        continue;
      }
      if (c === 124 /* | */) {
        pushCell(cellStart, i);
        cellStart = i + 1;
      }
    }
    if (cellStart < end) pushCell(cellStart, end);
    // Comments inside cells are still comments.
    if (image.includes('<!--')) {
      const re = /<!--[\s\S]*?(?:-->|$)/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(image.slice(0, end)))) {
        this.inlineComment({ image: m[0], startOffset: base + m.index } as IToken);
      }
    }
    const delimiter = cells.length > 0 && cells.every((c) => /^\s*:?-{1,}:?\s*$/.test(c.content.text));
    return { cells, delimiter, range: this.range(base + start, base + end) };
  }

  blocksOf(node: CstNode, skip: ReadonlySet<string> = NO_NAMES): Block[] {
    const out: Block[] = [];
    let pendingList: ListItem[] = [];
    const flushLists = () => {
      if (pendingList.length) append(out, this.nestLists(pendingList));
      pendingList = [];
    };
    for (const c of childNodes(node, this.recovered)) {
      if (skip.has(c.name)) continue;
      switch (c.name) {
        case 'list':
          // Lists separated only by blank lines are one list (loose list).
          append(pendingList, this.listItems(c));
          continue;
        case 'paragraph':
          flushLists();
          append(out, this.paragraphOrComment(c));
          break;
        case 'table':
          flushLists();
          out.push(this.table(c));
          break;
        case 'subheading': {
          flushLists();
          out.push(this.subheading(c, tokensOf(c, 'H4')[0]!));
          break;
        }
        default:
          break;
      }
    }
    flushLists();
    return out;
  }

  subheading(node: CstNode, marker: IToken): SubHeading {
    const h = this.heading(node, marker);
    return { type: 'subheading', level: h.level, content: h.content, range: h.range };
  }

  section(node: CstNode): Section {
    const marker = tokensOf(node, 'H3')[0]!;
    const heading = this.heading(node, marker);
    const blocks = this.blocksOf(node);
    const end = Math.max(heading.range.end.offset, blocks.length ? blocks[blocks.length - 1]!.range.end.offset : 0);
    if (heading.content.text.trim() === '') this.diag('empty-heading', marker.startOffset, tokenEnd(marker));
    return { type: 'section', heading, title: headingTitle(heading.content.text), blocks, range: this.range(marker.startOffset, end) };
  }

  item(node: CstNode): Item {
    const marker = tokensOf(node, 'H2')[0]!;
    const num = tokensOf(node, 'ItemNumber')[0]!;
    // `Punkt` and the colon are optional (`## 12. Titel`, `## Punkt 12 Titel`).
    const kw = tokensOf(node, 'PunktKeyword')[0] ?? num;
    const colon = tokensOf(node, 'ItemColon')[0] ?? num;
    const headingTokens: IToken[] = [];
    pushInline(node, headingTokens);
    const headingContent = this.inlineText(headingTokens, tokenEnd(colon));
    const headingEnd = Math.max(tokenEnd(colon), headingContent.range.end.offset);
    const heading: Heading = {
      level: 2,
      marker: this.textNode(marker.startOffset, tokenEnd(marker)),
      content: {
        // The heading content as a whole: from `Punkt` to the end of the title.
        text: this.text.slice(kw.startOffset, headingEnd),
        segments: [{ textOffset: 0, sourceOffset: kw.startOffset, length: headingEnd - kw.startOffset }],
        range: this.range(kw.startOffset, headingEnd),
      },
      range: this.range(marker.startOffset, headingEnd),
    };
    const titleText = headingContent.text;
    const title: TextNode = headingContent.segments.length
      ? { text: titleText, range: headingContent.range }
      : { text: '', range: this.range(tokenEnd(colon), tokenEnd(colon)) };
    if (plainHeading(titleText) === '') this.diag('empty-item-title', marker.startOffset, headingEnd);

    const fields = nodesOf(node, 'field').map((f) => this.field(f));
    const preamble: Block[] = [];
    const sections: Section[] = [];
    // Blocks and sections in source order: blocks before the first section are the preamble.
    let pendingList: ListItem[] = [];
    const target = () => (sections.length ? (sections[sections.length - 1]!.blocks as Block[]) : preamble);
    const flushLists = () => {
      if (pendingList.length) append(target(), this.nestLists(pendingList));
      pendingList = [];
    };
    for (const c of childNodes(node, this.recovered)) {
      switch (c.name) {
        case 'section':
          flushLists();
          sections.push(this.section(c));
          break;
        case 'list':
          append(pendingList, this.listItems(c));
          break;
        case 'paragraph':
          flushLists();
          append(target(), this.paragraphOrComment(c));
          break;
        case 'commentLine':
          // Among the fields: comment blocks of the preamble.
          append(preamble, tokensOf(c, 'Comment').map((t) => this.commentBlock(t)));
          break;
        case 'table':
          flushLists();
          target().push(this.table(c));
          break;
        case 'subheading':
          flushLists();
          target().push(this.subheading(c, tokensOf(c, 'H4')[0]!));
          break;
        default:
          break;
      }
    }
    flushLists();
    // Blocks after a section but parsed at item level (cannot happen: sections are greedy) are kept in order.
    let end = headingEnd;
    for (const f of fields) end = Math.max(end, f.range.end.offset);
    for (const b of preamble) end = Math.max(end, b.range.end.offset);
    for (const s of sections) end = Math.max(end, s.range.end.offset);
    return {
      type: 'item',
      heading,
      keyword: this.textNode(kw.startOffset, tokenEnd(kw)),
      number: this.textNode(num.startOffset, tokenEnd(num)),
      title,
      fields,
      preamble,
      sections,
      range: this.range(marker.startOffset, end),
    };
  }
}

/** A section or sub-heading's title: `**…**` stripped, comments removed, spaces folded. */
export function headingTitle(text: string): string {
  return plainHeading(text);
}

function plainHeading(text: string): string {
  let s = text.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
  s = s.replace(/\s+/g, ' ').trim();
  const m = /^\*\*(.*)\*\*$/.exec(s) ?? /^__(.*)__$/.exec(s);
  if (m) s = m[1]!.trim();
  return s;
}

export function parse(input: string): ParseResult {
  const text = typeof input === 'string' ? input : String(input ?? '');
  const lines = new LineIndex(text);
  const b = new TreeBuilder(text, lines);
  const cst = lexAndParse(text, b);
  const top = collectTopLevel(cst, b);
  checkTitle(top, lines, b);

  b.comments.sort((x, y) => x.range.start.offset - y.range.start.offset);
  b.diagnostics.sort((x, y) => x.range.start.offset - y.range.start.offset);
  const bom = text.charCodeAt(0) === 0xfeff;
  const ast: Document = {
    type: 'document',
    title: top.title,
    fields: top.fields,
    headerBlocks: top.headerBlocks,
    items: top.items,
    comments: b.comments,
    bom,
    eol: dominantEol(text),
    range: lines.range(0, text.length),
  };
  return { ast, diagnostics: b.diagnostics, lines };
}

/** Lexes and parses `text` into a CST, reporting lexer and grammar errors; `undefined` if the grammar threw. */
function lexAndParse(text: string, b: TreeBuilder): CstNode | undefined {
  try {
    const lexed = blockLexer.tokenize(text);
    for (const e of lexed.errors) {
      b.diag('unexpected-character', e.offset, e.offset + Math.max(1, e.length));
    }
    grammar.input = lexed.tokens;
    const cst = grammar.document();
    b.recovered = grammar.errors.length > 0;
    for (const e of grammar.errors) {
      const t = e.token;
      const start = isNaN(t.startOffset) ? text.length : t.startOffset;
      b.diag('syntax-error', start, isNaN(t.startOffset) ? start : start + t.image.length, 'error', { detail: e.message });
    }
    // The one parser instance would hold the tokens until the next parse: through the model and
    // the rules, where each garbage collection of the young objects would copy them again.
    grammar.input = [];
    return cst;
  } catch (error) {
    // The grammar must never throw; if it does, the tree is empty and the user is told.
    b.diag('internal-error', 0, 0, 'error', { detail: String(error) });
    return undefined;
  }
}

/** What the document's top level collects while the children of its CST are walked in order. */
interface TopLevel {
  title: Title | undefined;
  readonly fields: Field[];
  readonly headerBlocks: Block[];
  readonly items: Item[];
  /** Consecutive list items not yet nested into lists (see `flushLists`). */
  pendingList: ListItem[];
}

/** Where the next top-level block goes: the header, or the last item's preamble or last section. */
function sinkOf(top: TopLevel): Block[] {
  if (top.items.length === 0) return top.headerBlocks;
  const item = top.items[top.items.length - 1]!;
  return item.sections.length ? (item.sections[item.sections.length - 1]!.blocks as Block[]) : (item.preamble as Block[]);
}

/** Nests the pending list items into lists and appends them where blocks go. */
function flushLists(top: TopLevel, b: TreeBuilder): void {
  if (top.pendingList.length) append(sinkOf(top), b.nestLists(top.pendingList));
  top.pendingList = [];
}

/** Builds the title, header fields and blocks, and items from the document's CST children. */
function collectTopLevel(cst: CstNode | undefined, b: TreeBuilder): TopLevel {
  const top: TopLevel = { title: undefined, fields: [], headerBlocks: [], items: [], pendingList: [] };
  const children: (CstNode | undefined)[] = cst ? childNodes(cst, b.recovered) : [];
  // Each child is let go of once its part of the tree is built (the CST is read once, here): a
  // collection of the young generation while the tree is built then copies the tree so far, not
  // also the CST and the tokens of the items already built.
  if (cst) (cst as { children: CstNode['children'] }).children = {};
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    children[i] = undefined;
    if (c.name !== 'list') flushLists(top, b);
    switch (c.name) {
      case 'item':
        top.items.push(b.item(c));
        break;
      case 'heading':
        addHeading(top, c, b);
        break;
      case 'section':
        addSection(top, c, b);
        break;
      case 'subheading':
        sinkOf(top).push(b.subheading(c, tokensOf(c, 'H4')[0]!));
        break;
      case 'field':
        if (top.items.length === 0) top.fields.push(b.field(c));
        else append(sinkOf(top), b.paragraphOrComment(c));
        break;
      case 'list':
        append(top.pendingList, b.listItems(c));
        break;
      case 'table':
        sinkOf(top).push(b.table(c));
        break;
      case 'paragraph':
        append(sinkOf(top), b.paragraphOrComment(c));
        break;
      default:
        break;
    }
  }
  flushLists(top, b);
  return top;
}

/**
 * A top-level `#` or `##` heading: the first `# REFERAT`/`# DAGSORDEN` before any item is the
 * title; any other is kept as a sub-heading and reported (`duplicate-title`, `stray-heading-…`).
 */
function addHeading(top: TopLevel, c: CstNode, b: TreeBuilder): void {
  const h1 = tokensOf(c, 'H1')[0];
  const marker = (h1 ?? tokensOf(c, 'H2')[0])!;
  const heading = b.heading(c, marker);
  const kw = tokensOf(c, 'TitleKeyword')[0];
  if (h1 && kw && !top.title && top.items.length === 0) {
    top.title = titleOf(heading, marker, kw, b);
  } else if (h1 && kw) {
    b.diag('duplicate-title', marker.startOffset, heading.range.end.offset);
    sinkOf(top).push({ type: 'subheading', level: 1, content: heading.content, range: heading.range });
  } else {
    b.diag(h1 ? 'stray-heading-1' : 'stray-heading-2', marker.startOffset, heading.range.end.offset);
    sinkOf(top).push({ type: 'subheading', level: marker.image.length, content: heading.content, range: heading.range });
  }
}

/** The document's title from its `#` heading: the keyword and the text after it, if any. */
function titleOf(heading: Heading, marker: IToken, kw: IToken, b: TreeBuilder): Title {
  const restStart = tokenEnd(kw);
  const rest = heading.content.segments.length
    ? b.textNode(Math.max(restStart, heading.content.range.start.offset), heading.content.range.end.offset)
    : undefined;
  return {
    heading: { ...heading, range: b.range(marker.startOffset, Math.max(tokenEnd(kw), heading.range.end.offset)) },
    kind: kw.image as 'REFERAT' | 'DAGSORDEN',
    keyword: b.textNode(kw.startOffset, tokenEnd(kw)),
    rest: rest && rest.text.trim() ? rest : undefined,
    range: b.range(marker.startOffset, Math.max(tokenEnd(kw), heading.range.end.offset)),
  };
}

/** A section at the top level: before any item it is reported and kept as a sub-heading with its blocks. */
function addSection(top: TopLevel, c: CstNode, b: TreeBuilder): void {
  const s = b.section(c);
  if (top.items.length === 0) {
    b.diag('section-outside-item', s.heading.range.start.offset, s.heading.range.end.offset);
    top.headerBlocks.push({ type: 'subheading', level: 3, content: s.heading.content, range: s.heading.range });
    append(top.headerBlocks, s.blocks);
  } else {
    // Cannot happen from the grammar (sections are parsed inside items); kept for safety.
    (top.items[top.items.length - 1]!.sections as Section[]).push(s);
  }
}

/** Reports a missing title, or fields and blocks (comments aside) that come before it. */
function checkTitle(top: TopLevel, lines: LineIndex, b: TreeBuilder): void {
  const title = top.title;
  if (title) {
    const before = top.fields.filter((f) => f.range.start.offset < title.range.start.offset);
    if (before.length) b.diag('content-before-title', before[0]!.range.start.offset, before[0]!.range.end.offset, 'warning');
    const beforeBlocks = top.headerBlocks.filter((x) => x.type !== 'comment' && x.range.start.offset < title.range.start.offset);
    if (beforeBlocks.length) b.diag('content-before-title', beforeBlocks[0]!.range.start.offset, beforeBlocks[0]!.range.end.offset, 'warning');
  } else {
    const firstLineEnd = lines.lineEnd(0);
    b.diag('missing-title', 0, firstLineEnd);
  }
}
