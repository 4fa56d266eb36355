/**
 * Inline markup of body text: `**bold**`, `*italic*`, links `[text](url)` and
 * comments `<!-- … -->`. A Chevrotain lexer splits the text; delimiters are then
 * paired as Markdown readers expect (an unpaired `*` or `**` is plain text).
 * Run on demand (exports, semantic tokens), not during linting.
 */
import { createToken, Lexer, type IToken } from 'chevrotain';
import type { Inline, InlineText, LineIndexLike, Range } from './ast.js';
import { rangeOfText } from './text.js';
import { skipGrammarChecks } from './checks.js';

const CommentTok = createToken({ name: 'InlineComment', pattern: /<!--[\s\S]*?-->|<!--[\s\S]*/, line_breaks: true });
const LinkTok = createToken({ name: 'Link', pattern: /\[[^\]\r\n]*\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)/ });
// Only `*` marks emphasis: `_` is common inside file names and is kept as text.
const StrongDelim = createToken({ name: 'StrongDelim', pattern: /\*\*/ });
const EmDelim = createToken({ name: 'EmDelim', pattern: /\*/ });
const Escape = createToken({ name: 'Escape', pattern: /\\[\\*_[\]()<>`#|-]/ });
const Plain = createToken({ name: 'Plain', pattern: /[^*[\\<]+|[[\\<]/, line_breaks: true });

const inlineLexer = new Lexer([CommentTok, LinkTok, StrongDelim, EmDelim, Escape, Plain], {
  positionTracking: 'onlyOffset',
  ensureOptimizations: false,
  skipValidations: skipGrammarChecks,
});

interface Ctx {
  inline: InlineText;
  lines?: LineIndexLike;
}

function rangeOf(ctx: Ctx, from: number, to: number): Range {
  if (ctx.lines) return rangeOfText(ctx.inline, ctx.lines, from, to);
  // Without a line index, ranges are offsets into the inline text on line 0.
  return { start: { offset: from, line: 0, character: from }, end: { offset: to, line: 0, character: to } };
}

type Piece =
  | { kind: 'node'; node: Inline; start: number; end: number }
  | { kind: 'delim'; image: string; start: number; end: number };

function textNode(ctx: Ctx, start: number, end: number, text?: string): Inline {
  return { type: 'text', text: text ?? ctx.inline.text.slice(start, end), range: rangeOf(ctx, start, end) };
}

/**
 * Parses the inline markup of an InlineText. With a line index, every node's range is
 * a source range; without one, ranges are offsets into `inline.text`.
 */
export function parseInline(inline: InlineText, lines?: LineIndexLike): Inline[] {
  const ctx: Ctx = { inline, lines };
  const text = inline.text;
  if (!/[*[\\<]/.test(text)) return text ? [textNode(ctx, 0, text.length)] : [];
  const tokens = inlineLexer.tokenize(text).tokens;
  const pieces: Piece[] = tokens.map((t) => toPiece(ctx, t));
  return merge(ctx, pair(ctx, pieces));
}

function toPiece(ctx: Ctx, t: IToken): Piece {
  const start = t.startOffset;
  const end = start + t.image.length;
  switch (t.tokenType) {
    case CommentTok: {
      const terminated = t.image.endsWith('-->') && t.image.length >= 7;
      return {
        kind: 'node',
        node: { type: 'comment', text: t.image, body: t.image.slice(4, terminated ? -3 : undefined), range: rangeOf(ctx, start, end) },
        start,
        end,
      };
    }
    case LinkTok: {
      const close = t.image.indexOf('](');
      const label = t.image.slice(1, close);
      const urlStart = start + close + 2;
      const urlEnd = end - 1;
      const labelInline: InlineText = {
        text: label,
        segments: [{ textOffset: 0, sourceOffset: 0, length: label.length }],
        range: rangeOf(ctx, start + 1, start + 1 + label.length),
      };
      // Parse the label on its own, then shift its ranges into place.
      const children = parseInline(labelInline).map((n) => shift(ctx, n, start + 1));
      return {
        kind: 'node',
        node: {
          type: 'link',
          children,
          url: { text: ctx.inline.text.slice(urlStart, urlEnd), range: rangeOf(ctx, urlStart, urlEnd) },
          range: rangeOf(ctx, start, end),
        },
        start,
        end,
      };
    }
    case StrongDelim:
    case EmDelim:
      return { kind: 'delim', image: t.image, start, end };
    case Escape:
      return { kind: 'node', node: textNode(ctx, start, end, t.image.slice(1)), start, end };
    default:
      return { kind: 'node', node: textNode(ctx, start, end), start, end };
  }
}

function shift(ctx: Ctx, node: Inline, by: number): Inline {
  const r = (x: Range): Range => {
    const s = x.start.offset + by;
    const e = x.end.offset + by;
    return rangeOf(ctx, s, e);
  };
  switch (node.type) {
    case 'text':
    case 'comment':
      return { ...node, range: r(node.range) };
    case 'link':
      return { ...node, range: r(node.range), url: { ...node.url, range: r(node.url.range) }, children: node.children.map((c) => shift(ctx, c, by)) };
    default:
      return { ...node, range: r(node.range), children: node.children.map((c) => shift(ctx, c, by)) };
  }
}

/** Pairs delimiters innermost-first with a stack; unpaired delimiters become text. */
function pair(ctx: Ctx, pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  const stack: number[] = []; // indexes into out of open delimiters
  for (const p of pieces) {
    if (p.kind === 'delim') {
      // Find the nearest open delimiter with the same image.
      let match = -1;
      for (let i = stack.length - 1; i >= 0; i--) {
        const d = out[stack[i]!] as Extract<Piece, { kind: 'delim' }>;
        if (d.image === p.image) {
          match = i;
          break;
        }
      }
      const opener = match >= 0 ? (out[stack[match]!] as Extract<Piece, { kind: 'delim' }>) : undefined;
      if (opener && opener.end < p.start) {
        const at = stack[match]!;
        const inner = out.splice(at + 1).map((x) => (x.kind === 'delim' ? { kind: 'node' as const, node: textNode(ctx, x.start, x.end), start: x.start, end: x.end } : x));
        out.pop(); // the opener
        stack.length = match;
        const children = merge(ctx, inner);
        const strong = p.image.length === 2;
        out.push({
          kind: 'node',
          node: { type: strong ? 'strong' : 'emphasis', children, range: rangeOf(ctx, opener.start, p.end) },
          start: opener.start,
          end: p.end,
        });
        continue;
      }
      stack.push(out.length);
      out.push(p);
      continue;
    }
    out.push(p);
  }
  return out.map((x) => (x.kind === 'delim' ? { kind: 'node' as const, node: textNode(ctx, x.start, x.end), start: x.start, end: x.end } : x));
}

/** Joins adjacent text nodes. */
function merge(ctx: Ctx, pieces: Piece[]): Inline[] {
  const out: Inline[] = [];
  let textStart = -1;
  let textEnd = -1;
  let textBuf = '';
  const flush = () => {
    if (textStart >= 0) out.push(textNode(ctx, textStart, textEnd, textBuf));
    textStart = -1;
    textBuf = '';
  };
  for (const p of pieces) {
    if (p.kind === 'node' && p.node.type === 'text') {
      if (textStart < 0) textStart = p.start;
      textEnd = p.end;
      textBuf += p.node.text;
      continue;
    }
    flush();
    if (p.kind === 'node') out.push(p.node);
  }
  flush();
  return out;
}

/** The plain text of inline nodes (comments dropped). */
export function inlineToPlain(nodes: readonly Inline[]): string {
  let s = '';
  for (const n of nodes) {
    if (n.type === 'text') s += n.text;
    else if (n.type === 'comment') continue;
    else s += inlineToPlain(n.children);
  }
  return s;
}
