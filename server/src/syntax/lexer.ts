/**
 * The block lexer. Tokens are line-level: a line-start marker (heading, list marker,
 * table row, field name, indentation) followed by text and comments up to the line
 * break. Line-start and heading-context tokens are custom patterns that look at the
 * character before them or at the previous token, so one lexer mode suffices and a
 * line of prose costs one token.
 */
import { createToken, Lexer, type CustomPatternMatcherFunc, type ILexingResult, type IToken, type TokenType } from 'chevrotain';

type Exec = (text: string, offset: number, tokens: IToken[]) => RegExpExecArray | null;

function custom(exec: Exec): CustomPatternMatcherFunc {
  return (text, offset, tokens) => exec(text, offset, tokens as IToken[]);
}

/**
 * At the start of a line, byte-order marks not counted: a stray BOM (a pasted or
 * concatenated file) is invisible, so `\uFEFF# REFERAT` on any line still reads as a heading.
 * (The skipped Bom token consumes a run of them first, so the scan back is linear.)
 */
function atLineStart(text: string, offset: number): boolean {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) === 0xfeff) i--;
  if (i === 0) return true;
  const c = text.charCodeAt(i - 1);
  return c === 10 || c === 13;
}

/** Runs a sticky regex at `offset`. */
function stickyAt(re: RegExp, text: string, offset: number): RegExpExecArray | null {
  re.lastIndex = offset;
  return re.exec(text);
}

function lineStartPattern(re: RegExp): CustomPatternMatcherFunc {
  return custom((text, offset) => (atLineStart(text, offset) ? stickyAt(re, text, offset) : null));
}

function lastToken(tokens: IToken[]): IToken | undefined {
  return tokens.length ? tokens[tokens.length - 1] : undefined;
}

const UPPER = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅÄÖÜÉÈÊÁÀÂÍÓÚÝÞÐ'];
const DIGITS = [...'0123456789'];
const WS = [' ', '\t'];

export const Bom = createToken({ name: 'Bom', pattern: /\uFEFF/, group: Lexer.SKIPPED });

/**
 * Inline content of a line: Text or Comment. The grammar consumes the category, so a line's
 * inline tokens are one list in source order in the tree (no node per token).
 */
export const Inline = createToken({ name: 'Inline', pattern: Lexer.NA });

export const Newline = createToken({ name: 'Newline', pattern: /\r\n|\r|\n/, line_breaks: true });

/**
 * `<!-- … -->`, possibly over several lines. An unterminated comment runs to the end
 * of its line (the tree builder reports it), so one typo cannot swallow the file.
 */
function makeCommentMatcher(): CustomPatternMatcherFunc {
  // Where the last search for `-->` failed: every later search would fail too (keeps it linear).
  let noCloseFrom = Number.POSITIVE_INFINITY;
  let lastText: string | undefined;
  return (text, offset) => {
    if (text.charCodeAt(offset) !== 60 || !text.startsWith('<!--', offset)) return null;
    if (text !== lastText) {
      lastText = text;
      noCloseFrom = Number.POSITIVE_INFINITY;
    }
    let close = offset + 4 >= noCloseFrom ? -1 : text.indexOf('-->', offset + 4);
    if (close < 0) {
      noCloseFrom = Math.min(noCloseFrom, offset + 4);
      let end = offset + 4;
      while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
      close = end - 3;
    }
    const match = [text.slice(offset, close + 3)] as unknown as RegExpExecArray;
    return match;
  };
}

export const Comment = createToken({
  name: 'Comment',
  pattern: makeCommentMatcher(),
  line_breaks: true,
  start_chars_hint: ['<'],
  categories: [Inline],
});

function headingMatcher(level: number): CustomPatternMatcherFunc {
  return custom((text, offset) => {
    if (!atLineStart(text, offset)) return null;
    let i = offset;
    while (i < text.length && text.charCodeAt(i) === 35 /* # */) i++;
    const n = i - offset;
    if (level === 4 ? n < 4 || n > 6 : n !== level) return null;
    const c = text.charCodeAt(i);
    if (i < text.length && c !== 32 && c !== 9 && c !== 10 && c !== 13) return null;
    return [text.slice(offset, i)] as unknown as RegExpExecArray;
  });
}

export const H1 = createToken({ name: 'H1', pattern: headingMatcher(1), line_breaks: false, start_chars_hint: ['#'] });
export const H2 = createToken({ name: 'H2', pattern: headingMatcher(2), line_breaks: false, start_chars_hint: ['#'] });
export const H3 = createToken({ name: 'H3', pattern: headingMatcher(3), line_breaks: false, start_chars_hint: ['#'] });
/** Levels 4 to 6: sub-headings inside a section. */
export const H4 = createToken({ name: 'H4', pattern: headingMatcher(4), line_breaks: false, start_chars_hint: ['#'] });

/** A pipe-table row: the whole line (cells are split by the tree builder). */
export const TableRow = createToken({
  name: 'TableRow',
  pattern: lineStartPattern(/[ \t]{0,3}\|[^\r\n]*/y),
  line_breaks: false,
  start_chars_hint: ['|', ...WS],
});

export const OrderedMarker = createToken({
  name: 'OrderedMarker',
  pattern: lineStartPattern(/[ \t]*\d{1,9}[.)](?=[ \t]|\r|\n|$)/y),
  line_breaks: false,
  start_chars_hint: [...DIGITS, ...WS],
});

export const BulletMarker = createToken({
  name: 'BulletMarker',
  pattern: lineStartPattern(/[ \t]*[-*+•](?=[ \t])/y),
  line_breaks: false,
  start_chars_hint: ['-', '*', '+', '•', ...WS],
});

/** `Name:` at the start of a line: a field in the header or right after an item heading. */
export const FieldName = createToken({
  name: 'FieldName',
  pattern: lineStartPattern(/\p{Lu}[\p{L}\p{M}-]*(?: [\p{L}\p{M}-]+){0,3}[ \t]*:(?=[ \t]|\r|\n|$)/uy),
  line_breaks: false,
  start_chars_hint: UPPER,
});

/** Leading whitespace of a line that has content (whitespace-only lines are blank). */
export const Indent = createToken({
  name: 'Indent',
  pattern: lineStartPattern(/[ \t]+(?=[^ \t\r\n])/y),
  line_breaks: false,
  start_chars_hint: WS,
});

export const PunktKeyword = createToken({
  name: 'PunktKeyword',
  pattern: custom((text, offset, tokens) =>
    lastToken(tokens)?.tokenType === H2 ? stickyAt(/Punkt(?=[ \t]+[0-9])/y, text, offset) : null,
  ),
  line_breaks: false,
  start_chars_hint: ['P'],
});

/** `12` in `Punkt 12:` (alphanumeric: `1.a`); a `<!--` in it starts a comment, as everywhere else. */
const NUMBER_BEFORE_COLON = /[0-9](?:(?!<!--)[^\s:])*(?=[ \t]*:)/y;
/** `12` in `Punkt 12 Titel` / `Punkt 12. Titel` (a full stop after the number is not part of it). */
const NUMBER_IN_PUNKT = /[0-9](?:(?!<!--)[^\s:])*?(?=\.?(?:[ \t]|\r|\n|$))/y;
/** `12` in `## 12. Titel`, `## 12) Titel`, `## 12 Titel` (house styles that publish no "Punkt", spec §10). */
const NUMBER_ALONE = /[0-9]{1,4}(?:\.[0-9]{1,3}[a-z]?|[a-z])?(?=[.):]?[ \t]+\S|[.):][ \t]*(?:\r|\n|$))/y;

/**
 * An item number: after `Punkt` (`Punkt 12:`, `Punkt 12 Titel`, `Punkt 12. Titel`), or right
 * after `##` where a house style writes no keyword (`## 12. Titel`).
 */
export const ItemNumber = createToken({
  name: 'ItemNumber',
  pattern: custom((text, offset, tokens) => {
    const last = lastToken(tokens)?.tokenType;
    if (last === PunktKeyword) return stickyAt(NUMBER_BEFORE_COLON, text, offset) ?? stickyAt(NUMBER_IN_PUNKT, text, offset);
    return last === H2 ? stickyAt(NUMBER_ALONE, text, offset) : null;
  }),
  line_breaks: false,
  start_chars_hint: DIGITS,
});

export const ItemColon = createToken({
  name: 'ItemColon',
  pattern: custom((text, offset, tokens) =>
    lastToken(tokens)?.tokenType === ItemNumber ? stickyAt(/[:.)]/y, text, offset) : null,
  ),
  line_breaks: false,
  start_chars_hint: [':'],
});

export const TitleKeyword = createToken({
  name: 'TitleKeyword',
  pattern: custom((text, offset, tokens) =>
    lastToken(tokens)?.tokenType === H1 ? stickyAt(/(?:REFERAT|DAGSORDEN)(?![\p{L}\p{N}])/uy, text, offset) : null,
  ),
  line_breaks: false,
  start_chars_hint: ['R', 'D'],
});

export const Whitespace = createToken({ name: 'Whitespace', pattern: /[ \t]+/, group: Lexer.SKIPPED });

/** The next line break or `<`: a plain character-class search, which V8 runs as a fast scan. */
const TEXT_STOP = /[\n\r<]/g;

/**
 * Text up to the end of the line or the next comment. A search for the characters that can
 * end it, not a regex for the text itself: V8 keeps a backtracking frame for each round of a
 * repeated group such as `(?:[^<]|<(?!!--))+`, and a line of a few megabytes then overflows
 * the stack. (The lexer has no first-char optimization to lose: other patterns already rule
 * it out.)
 */
export const Text = createToken({
  name: 'Text',
  pattern: custom((text, offset) => {
    let end = text.length;
    for (let from = offset; from < text.length; ) {
      TEXT_STOP.lastIndex = from;
      const m = TEXT_STOP.exec(text);
      if (!m) break;
      if (text.charCodeAt(m.index) !== 60 || text.startsWith('<!--', m.index)) {
        end = m.index;
        break;
      }
      from = m.index + 1;
    }
    return end > offset ? ([text.slice(offset, end)] as unknown as RegExpExecArray) : null;
  }),
  line_breaks: false,
  categories: [Inline],
});

export const allTokens: TokenType[] = [
  Bom,
  Newline,
  Comment,
  H4,
  H3,
  H2,
  H1,
  TableRow,
  OrderedMarker,
  BulletMarker,
  FieldName,
  Indent,
  PunktKeyword,
  ItemNumber,
  ItemColon,
  TitleKeyword,
  Whitespace,
  Text,
  Inline,
];

/**
 * The Chevrotain lexer of `allTokens`: the reference `blockLexer` is compared with
 * (test/syntax/block-lexer.test.ts), and what it falls back to where no token matches.
 */
export const chevrotainBlockLexer = new Lexer(allTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: false,
  skipValidations: true,
});

/** The custom matcher of a token type (as Chevrotain calls it). */
function matcherOf(type: TokenType): CustomPatternMatcherFunc {
  return type.PATTERN as CustomPatternMatcherFunc;
}

/**
 * The token types tried at a character, in the order of `allTokens`: those whose match can
 * start with it (a superset: each matcher still decides), Text always last. Whitespace-led
 * markers (` 1.`, ` -`, an indented table row) are tried at a space or tab.
 */
function candidatesAt(c: number): TokenType[] {
  const out: TokenType[] = [];
  const blank = c === 32 || c === 9;
  const digit = c >= 48 && c <= 57;
  if (c === 0xfeff) out.push(Bom);
  if (c === 10 || c === 13) out.push(Newline);
  if (c === 60) out.push(Comment);
  if (c === 35) out.push(H4, H3, H2, H1);
  if (blank || c === 124) out.push(TableRow);
  if (blank || digit) out.push(OrderedMarker);
  if (blank || c === 45 || c === 42 || c === 43 || c === 0x2022) out.push(BulletMarker);
  // `\p{Lu}`: an ASCII capital or any non-ASCII unit (a surrogate pair's first half included).
  if ((c >= 65 && c <= 90) || c > 127) out.push(FieldName);
  if (blank) out.push(Indent);
  if (c === 80) out.push(PunktKeyword);
  if (digit) out.push(ItemNumber);
  if (c === 58 || c === 46 || c === 41) out.push(ItemColon);
  if (c === 82 || c === 68) out.push(TitleKeyword);
  if (blank) out.push(Whitespace);
  out.push(Text);
  return out;
}

/** Candidates of the ASCII characters, made once; the others are looked up by `candidatesAt`. */
const ASCII_CANDIDATES: TokenType[][] = Array.from({ length: 128 }, (_, c) => candidatesAt(c));
const NON_ASCII_CANDIDATES = candidatesAt(0x80);
const BOM_CANDIDATES = candidatesAt(0xfeff);
const BULLET_CANDIDATES = candidatesAt(0x2022);

const NO_GROUPS = {};

/**
 * Matches one token type at `offset` as the Chevrotain lexer does: the length of the match, or
 * -1; `image` receives a custom matcher's image.
 */
function matchAt(type: TokenType, text: string, offset: number, tokens: IToken[], image: { value: string }): number {
  if (type === Bom) return 1;
  if (type === Newline) return text.charCodeAt(offset) === 13 && text.charCodeAt(offset + 1) === 10 ? 2 : 1;
  if (type === Whitespace) {
    let i = offset + 1;
    while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    return i - offset;
  }
  const m = matcherOf(type)(text, offset, tokens, NO_GROUPS);
  if (m === null) return -1;
  image.value = m[0];
  return m[0].length;
}

/**
 * The block lexer: the tokens, and errors, of the Chevrotain lexer of `allTokens`
 * (`chevrotainBlockLexer`), found faster. That lexer cannot use its first-character
 * optimisation (Text may start with anything) and so calls every pattern at every token; this
 * one calls only those that can match the character (`candidatesAt`), in the same order, so
 * the first match, and the token, are the same. Where nothing matches it hands the text to
 * the Chevrotain lexer, whose error recovery it does not repeat.
 */
export const blockLexer = {
  tokenize(text: string): ILexingResult {
    const tokens: IToken[] = [];
    const image = { value: '' };
    const n = text.length;
    let offset = 0;
    while (offset < n) {
      const c = text.charCodeAt(offset);
      const candidates = c < 128 ? ASCII_CANDIDATES[c]! : c === 0xfeff ? BOM_CANDIDATES : c === 0x2022 ? BULLET_CANDIDATES : NON_ASCII_CANDIDATES;
      let length = -1;
      let type: TokenType | undefined;
      for (const t of candidates) {
        length = matchAt(t, text, offset, tokens, image);
        if (length !== -1) {
          type = t;
          break;
        }
      }
      if (type === undefined) return chevrotainBlockLexer.tokenize(text);
      if (type !== Bom && type !== Whitespace) {
        const img = type === Newline ? text.substring(offset, offset + length) : image.value;
        tokens.push({ image: img, startOffset: offset, tokenTypeIdx: type.tokenTypeIdx!, tokenType: type } as IToken);
      }
      offset += length;
    }
    return { tokens, groups: {}, errors: [] };
  },
};
