/**
 * Semantic tokens: keywords (`REFERAT`, `Punkt`), item numbers, section headings,
 * field names, case numbers, member names (declarations marked), vote counts and
 * comments. Encoded in the LSP relative form, one token per line segment.
 */
import { movedModelOrigin } from '../model/incremental.js';
import type { ItemModel } from '../model/types.js';
import type { ControlledSentence, Range } from '../syntax/ast.js';
import { type Analysis, type CancellationTokenLike, noCancel } from './common.js';

export const tokenTypes = ['keyword', 'number', 'class', 'property', 'string', 'variable', 'comment', 'function', 'enumMember'] as const;
export const tokenModifiers = ['declaration', 'readonly', 'deprecated'] as const;
export const semanticTokensLegend = { tokenTypes: [...tokenTypes], tokenModifiers: [...tokenModifiers] };

type TokenType = (typeof tokenTypes)[number];

interface Tok {
  start: number;
  end: number;
  type: number;
  mods: number;
}

type Add = (r: Range | { start: number; end: number }, type: TokenType, mods?: number) => void;

function adder(toks: Tok[]): Add {
  return (r, type, mods = 0) => {
    const start = 'offset' in (r.start as object) ? (r as Range).start.offset : (r as { start: number }).start;
    const end = 'offset' in (r.end as object) ? (r as Range).end.offset : (r as { end: number }).end;
    if (end > start) toks.push({ start, end, type: tokenTypes.indexOf(type), mods });
  };
}

/** The tokens of an item model (offsets in its tree): they depend on the model alone. */
const itemTokens = new WeakMap<ItemModel, readonly Tok[]>();

/**
 * The tokens of an item: those found before for the same model, else, for a model moved
 * while typing (model/incremental.ts), its source's moved by the same units (reading the
 * moved model's sections would copy the item's content), else new.
 */
function tokensOfItem(item: ItemModel): readonly Tok[] {
  const had = itemTokens.get(item);
  if (had) return had;
  const origin = movedModelOrigin(item);
  let toks: Tok[];
  if (origin) {
    const d = origin.offsetDelta;
    toks = tokensOfItem(origin.source).map((t) => ({ start: t.start + d, end: t.end + d, type: t.type, mods: t.mods }));
  } else {
    toks = [];
    const add = adder(toks);
    add(item.node.keyword.range, 'keyword');
    add(item.node.number.range, 'number');
    for (const f of item.node.fields) add(f.name.range, 'property');
    if (item.caseNumber) add(item.caseNumber.range, 'string');
    for (const s of item.sections) {
      const c = s.node.heading.content.range;
      add(c, 'class', s.kind === 'unknown' ? 0b100 : 0);
    }
    for (const s of item.attendance.sentences) sentenceTokens(s, add);
    for (const n of item.attendance.absentField?.names.names ?? []) add(n.nameRange, 'variable');
  }
  itemTokens.set(item, toks);
  return toks;
}

export function provideSemanticTokens(a: Analysis, token: CancellationTokenLike = noCancel): { data: number[] } {
  const toks: Tok[] = [];
  const add = adder(toks);
  const doc = a.parse.ast;
  const m = a.meeting;
  if (doc.title) add(doc.title.keyword.range, 'keyword');
  for (const f of doc.fields) add(f.name.range, 'property');
  for (const item of m.items) {
    if (token.isCancellationRequested) return { data: [] };
    for (const t of tokensOfItem(item)) toks.push(t);
  }
  for (const n of m.membersField?.names.names ?? []) add(n.nameRange, 'variable', 1);
  for (const n of m.afbudField?.names.names ?? []) add(n.nameRange, 'variable');
  for (const s of m.attendance.header.sentences) sentenceTokens(s, add);
  for (const s of m.substitutions) {
    add(s.substitute.nameRange, 'variable', 1);
    add(s.for.nameRange, 'variable');
  }
  for (const c of doc.comments) add(c.range, 'comment');
  return { data: encode(a, toks) };
}

function sentenceTokens(s: ControlledSentence, add: Add) {
  for (const n of s.names.names) add(n.nameRange, 'variable');
  if (s.substitutedFor) add(s.substitutedFor.nameRange, 'variable');
  for (const p of s.substitutions ?? []) add(p.substitute.nameRange, 'variable');
  if (s.count) add(s.count.range, 'number');
  if (s.leftAfterItem) add(s.leftAfterItem.range, 'number');
  for (const r of s.items ?? []) add(r.range, 'number');
}

function encode(a: Analysis, toks: Tok[]): number[] {
  // Split multi-line tokens, drop overlaps (the first token, in start order, wins).
  const parts: Tok[] = [];
  toks.sort((x, y) => x.start - y.start || y.end - x.end);
  let covered = -1;
  for (const t of toks) {
    const start = Math.max(t.start, covered);
    if (start >= t.end) continue;
    covered = t.end;
    let s = start;
    const lastLine = a.lines.position(t.end).line;
    for (let line = a.lines.position(s).line; line <= lastLine; line++) {
      const next = line + 1 < a.lines.lineCount ? a.lines.lineStart(line + 1) : a.text.length;
      let e = Math.min(t.end, next);
      while (e > s && (a.text[e - 1] === '\n' || a.text[e - 1] === '\r')) e--;
      if (e > s) parts.push({ start: s, end: e, type: t.type, mods: t.mods });
      s = next;
    }
  }
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  for (const p of parts) {
    const pos = a.lines.position(p.start);
    const dl = pos.line - prevLine;
    const dc = dl === 0 ? pos.character - prevChar : pos.character;
    data.push(dl, dc, p.end - p.start, p.type, p.mods);
    prevLine = pos.line;
    prevChar = pos.character;
  }
  return data;
}
