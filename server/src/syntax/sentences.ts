/**
 * The controlled sentences of spec §6 (attendance notes and votes) and name lists.
 *
 * A second, small Chevrotain grammar over words, applied only where the model asks
 * for it (paragraphs and list items of a decision). A sentence that does not match
 * the grammar exactly is ordinary text: no diagnostics are produced here.
 *
 *   sentence  ::= ( vote | nameList ","? predicate ) "."
 *   vote      ::= ( "For" "stemte" | "Imod" "stemte" | "Undlod" "at" "stemme" ) ":" nameList? ( "(" NUMBER ")" )?
 *   nameList  ::= entry ( ( "," "og"? | "og" ) entry )*
 *   entry     ::= name party? ( "," role )?          name ::= ( CAPWORD | INITIAL )+
 *   predicate ::= "havde" "forfald"
 *               | "deltog" ( "ikke" "i" ( "sagens" "behandling" | "behandlingen" "af" "dette" "punkt" | "mødet" ) | "under" "punktet" )
 *               | "var" "fraværende"
 *               | "mødte" "som" "stedfortræder" "for" name party?
 *               | "forlod" "mødet" ( "efter" ( "behandlingen" "af" )? "punkt" NUMBER | "under" "behandlingen" "af" "punktet" )
 *               | "erklærede" "sig" "inhabil"
 *               | "begærede" "sagen" "i" "byrådet"
 *               | "ønskede" WORD* "sagen" "i" "byrådet" WORD*
 */
import { createToken, CstParser, Lexer, type CstNode, type CustomPatternMatcherFunc, type IToken, type TokenType } from 'chevrotain';
import type { ControlledSentence, InlineText, LineIndexLike, NameList, PersonName, SentenceKind, TextNode } from './ast.js';
import { maskComments, rangeOfText } from './text.js';
import { skipGrammarChecks } from './checks.js';

/**
 * Chevrotain rebuilds regex patterns without the `u` flag, which breaks Unicode property
 * classes; patterns that need them are custom matchers over our own sticky regexes.
 */
function unicode(source: string): CustomPatternMatcherFunc {
  const re = new RegExp(source, 'uy');
  return (text, offset) => {
    re.lastIndex = offset;
    return re.exec(text);
  };
}

const LowerWord = createToken({ name: 'LowerWord', pattern: unicode("[\\p{Ll}\\p{Lo}][\\p{L}\\p{M}'’-]*"), line_breaks: false });
const CapWord = createToken({ name: 'CapWord', pattern: unicode("\\p{Lu}[\\p{L}\\p{M}'’-]*"), line_breaks: false });
const Initial = createToken({ name: 'Initial', pattern: unicode('\\p{Lu}\\.(?=[ \\t]*\\p{Lu})'), line_breaks: false });

function kw(name: string, word: string, longer: TokenType = LowerWord): TokenType {
  return createToken({ name, pattern: unicode(`${word}(?![\\p{L}\\p{M}'’-])`), line_breaks: false, longer_alt: longer });
}

const K = {
  havde: kw('Havde', 'havde'),
  forfald: kw('Forfald', 'forfald'),
  deltog: kw('Deltog', 'deltog'),
  ikke: kw('Ikke', 'ikke'),
  i: kw('I', 'i'),
  sagens: kw('Sagens', 'sagens'),
  behandling: kw('Behandling', 'behandling'),
  behandlingen: kw('Behandlingen', 'behandlingen'),
  af: kw('Af', 'af'),
  dette: kw('Dette', 'dette'),
  punkt: kw('Punkt', 'punkt'),
  punktet: kw('Punktet', 'punktet'),
  under: kw('Under', 'under'),
  var: kw('Var', 'var'),
  fravaerende: kw('Fravaerende', 'fraværende'),
  modte: kw('Modte', 'mødte'),
  som: kw('Som', 'som'),
  stedfortraeder: kw('Stedfortraeder', 'stedfortræder'),
  for: kw('For', 'for'),
  forlod: kw('Forlod', 'forlod'),
  modet: kw('Modet', 'mødet'),
  efter: kw('Efter', 'efter'),
  erklaerede: kw('Erklaerede', 'erklærede'),
  sig: kw('Sig', 'sig'),
  inhabil: kw('Inhabil', 'inhabil'),
  begaerede: kw('Begaerede', 'begærede'),
  sagen: kw('Sagen', 'sagen'),
  byraadet: kw('Byraadet', 'byrådet'),
  onskede: kw('Onskede', 'ønskede'),
  og: kw('Og', 'og'),
  at: kw('At', 'at'),
  stemme: kw('Stemme', 'stemme'),
  stemte: kw('Stemte', 'stemte'),
  VoteFor: kw('VoteFor', 'For', CapWord),
  VoteAgainst: kw('VoteAgainst', 'Imod', CapWord),
  VoteAbstain: kw('VoteAbstain', 'Undlod', CapWord),
};

const Comma = createToken({ name: 'Comma', pattern: /,/ });
const Period = createToken({ name: 'Period', pattern: /\./ });
const Colon = createToken({ name: 'Colon', pattern: /:/ });
const LParen = createToken({ name: 'LParen', pattern: /\(/ });
const RParen = createToken({ name: 'RParen', pattern: /\)/ });
const NumberTok = createToken({ name: 'Number', pattern: /\d+[a-zA-Z]?(?:\.\d+[a-zA-Z]?)*/ });
const WS = createToken({ name: 'WS', pattern: /\s+/, group: Lexer.SKIPPED });
const Other = createToken({ name: 'Other', pattern: unicode('[^\\s\\p{L}\\d,.:()]+'), line_breaks: false });

const keywordTokens = Object.values(K);
const sentenceTokens: TokenType[] = [
  WS,
  Comma,
  Period,
  Colon,
  LParen,
  RParen,
  NumberTok,
  Initial,
  ...keywordTokens,
  CapWord,
  LowerWord,
  Other,
];

// safeMode: the first-character optimisation cannot read Unicode property classes (\p{Lu}).
const sentenceLexer = new Lexer(sentenceTokens, { positionTracking: 'onlyOffset', safeMode: true, skipValidations: skipGrammarChecks });

/** Any word token usable inside a role or a free § 23 phrase. */
const wordTokens = [LowerWord, CapWord, Initial, NumberTok, Other, Colon, LParen, RParen, ...keywordTokens];

const PREDICATE_START = new Set<TokenType>([K.havde, K.deltog, K.var, K.modte, K.forlod, K.erklaerede, K.begaerede, K.onskede]);

class SentenceGrammar extends CstParser {
  constructor() {
    super(sentenceTokens, { recoveryEnabled: false, maxLookahead: 4, nodeLocationTracking: 'none', skipValidations: skipGrammarChecks });
    this.performSelfAnalysis();
  }

  sentence = this.RULE('sentence', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.vote) },
      {
        ALT: () => {
          this.SUBRULE(this.nameList);
          this.OPTION(() => this.CONSUME(Comma));
          this.SUBRULE(this.predicate);
        },
      },
    ]);
    this.CONSUME(Period);
  });

  vote = this.RULE('vote', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.VoteFor);
          this.CONSUME(K.stemte);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.VoteAgainst);
          this.CONSUME2(K.stemte);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.VoteAbstain);
          this.CONSUME(K.at);
          this.CONSUME(K.stemme);
        },
      },
    ]);
    this.CONSUME(Colon);
    this.OPTION(() => this.SUBRULE(this.nameList));
    this.OPTION2(() => {
      this.CONSUME(LParen);
      this.CONSUME(NumberTok);
      this.CONSUME(RParen);
    });
  });

  nameList = this.RULE('nameList', () => {
    this.SUBRULE(this.entry);
    // Lookahead in Chevrotain is local to the rule: a comma before the predicate
    // ("A, rolle, deltog under punktet") must end the list, so gate on what follows it.
    this.MANY({
      GATE: () => !(this.LA(1).tokenType === Comma && PREDICATE_START.has(this.LA(2).tokenType)),
      DEF: () => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(Comma);
            this.OPTION(() => this.CONSUME(K.og));
          },
        },
        { ALT: () => this.CONSUME2(K.og) },
      ]);
      this.SUBRULE2(this.entry);
      },
    });
  });

  entry = this.RULE('entry', () => {
    this.SUBRULE(this.name);
    this.OPTION({
      // `(A)`, `(Løsgænger)` and the empty `()` of a member without a party (spec §6.1).
      GATE: () => this.LA(1).tokenType === LParen && (this.LA(2).tokenType === CapWord || this.LA(2).tokenType === RParen),
      DEF: () => this.SUBRULE(this.party),
    });
    this.OPTION2({
      GATE: () => this.LA(1).tokenType === Comma && this.LA(2).tokenType === LowerWord,
      DEF: () => {
        this.CONSUME(Comma);
        this.SUBRULE(this.role);
      },
    });
  });

  name = this.RULE('name', () => {
    this.AT_LEAST_ONE(() => this.OR([{ ALT: () => this.CONSUME(CapWord) }, { ALT: () => this.CONSUME(Initial) }]));
  });

  party = this.RULE('party', () => {
    this.CONSUME(LParen);
    this.OPTION(() => this.CONSUME(CapWord));
    this.CONSUME(RParen);
  });

  /** A guest's role: starts with a lower-case word that is not a keyword; runs to the next comma. */
  role = this.RULE('role', () => {
    this.CONSUME(LowerWord);
    this.MANY(() => this.OR(wordTokens.map((t) => ({ ALT: () => this.CONSUME2(t) }))));
  });

  predicate = this.RULE('predicate', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.forfald) },
      { ALT: () => this.SUBRULE(this.deltog) },
      { ALT: () => this.SUBRULE(this.fravaerende) },
      { ALT: () => this.SUBRULE(this.substitute) },
      { ALT: () => this.SUBRULE(this.left) },
      { ALT: () => this.SUBRULE(this.inhabil) },
      { ALT: () => this.SUBRULE(this.councilRequest) },
      { ALT: () => this.SUBRULE(this.councilWish) },
    ]);
  });

  forfald = this.RULE('forfald', () => {
    this.CONSUME(K.havde);
    this.CONSUME(K.forfald);
  });

  deltog = this.RULE('deltog', () => {
    this.CONSUME(K.deltog);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.ikke);
          this.CONSUME(K.i);
          this.OR2([
            {
              ALT: () => {
                this.CONSUME(K.sagens);
                this.CONSUME(K.behandling);
              },
            },
            {
              ALT: () => {
                this.CONSUME(K.behandlingen);
                this.CONSUME(K.af);
                this.CONSUME(K.dette);
                this.CONSUME(K.punkt);
              },
            },
            // `deltog ikke i mødet.` (spec §6.1): absent for the whole meeting.
            { ALT: () => this.CONSUME(K.modet) },
          ]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.under);
          this.CONSUME(K.punktet);
        },
      },
    ]);
  });

  fravaerende = this.RULE('fravaerende', () => {
    this.CONSUME(K.var);
    this.CONSUME(K.fravaerende);
  });

  substitute = this.RULE('substitute', () => {
    this.CONSUME(K.modte);
    this.CONSUME(K.som);
    this.CONSUME(K.stedfortraeder);
    this.CONSUME(K.for);
    this.SUBRULE(this.name);
    this.OPTION(() => this.SUBRULE(this.party));
  });

  left = this.RULE('left', () => {
    this.CONSUME(K.forlod);
    this.CONSUME(K.modet);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.efter);
          this.OPTION(() => {
            this.CONSUME2(K.behandlingen);
            this.CONSUME2(K.af);
          });
          this.CONSUME(K.punkt);
          this.CONSUME(NumberTok);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.under);
          this.CONSUME(K.behandlingen);
          this.CONSUME(K.af);
          this.CONSUME(K.punktet);
        },
      },
    ]);
  });

  inhabil = this.RULE('inhabil', () => {
    this.CONSUME(K.erklaerede);
    this.CONSUME(K.sig);
    this.CONSUME(K.inhabil);
  });

  councilRequest = this.RULE('councilRequest', () => {
    this.CONSUME(K.begaerede);
    this.CONSUME(K.sagen);
    this.CONSUME(K.i);
    this.CONSUME(K.byraadet);
  });

  councilWish = this.RULE('councilWish', () => {
    this.CONSUME(K.onskede);
    this.AT_LEAST_ONE(() => this.OR(wordTokens.map((t) => ({ ALT: () => this.CONSUME2(t) }))));
  });
}

const sentenceGrammar = new SentenceGrammar();

/** The sentence parser, for the generated grammar reference. */
export const sentenceGrammarInstance: CstParser = sentenceGrammar;

/** Cheap pre-filter: only candidate sentences with one of these words are parsed. */
const TRIGGER =
  /(?<![\p{L}])(?:forfald|deltog|fraværende|stedfortræder|forlod|inhabil|begærede|ønskede|stemte|stemme)(?![\p{L}])/u;

type Children = Record<string, (CstNode | IToken)[] | undefined>;
function toks(node: CstNode, name: string): IToken[] {
  return ((node.children as Children)[name] ?? []) as IToken[];
}
function subs(node: CstNode, name: string): CstNode[] {
  return ((node.children as Children)[name] ?? []) as CstNode[];
}
function allTokensOf(node: CstNode, out: IToken[] = []): IToken[] {
  for (const list of Object.values(node.children as Children)) {
    for (const c of list ?? []) {
      if ((c as IToken).image !== undefined) out.push(c as IToken);
      else allTokensOf(c as CstNode, out);
    }
  }
  return out;
}
function span(node: CstNode): [number, number] {
  const t = allTokensOf(node);
  let s = Infinity;
  let e = -Infinity;
  for (const x of t) {
    s = Math.min(s, x.startOffset);
    e = Math.max(e, x.startOffset + x.image.length);
  }
  return [s, e];
}

/** Splits text into candidate sentences at `.` followed by whitespace or the end (not after an initial). */
export function splitSentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  const re = /\.(?=\s|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const i = m.index;
    // "Jens P. Hansen": an initial is not a sentence end.
    if (i >= 1 && /\p{Lu}/u.test(text[i - 1]!) && (i === 1 || /\s/.test(text[i - 2]!)) && /^\s*\p{Lu}/u.test(text.slice(i + 1, i + 4))) continue;
    out.push([start, i + 1]);
    start = i + 1;
  }
  if (start < text.length && text.slice(start).trim()) out.push([start, text.length]);
  return out;
}

interface Ctx {
  inline: InlineText;
  lines: LineIndexLike;
  /** Offset of the sentence in inline.text. */
  base: number;
}

function textNode(ctx: Ctx, from: number, to: number): TextNode {
  return { text: ctx.inline.text.slice(ctx.base + from, ctx.base + to), range: rangeOfText(ctx.inline, ctx.lines, ctx.base + from, ctx.base + to) };
}

function personName(ctx: Ctx, nameNode: CstNode, partyNode?: CstNode, roleNode?: CstNode): PersonName {
  const [ns, ne] = span(nameNode);
  const words = allTokensOf(nameNode).sort((a, b) => a.startOffset - b.startOffset).map((t) => t.image);
  let end = ne;
  let party: string | undefined;
  if (partyNode) {
    party = toks(partyNode, 'CapWord')[0]?.image || undefined;
    end = span(partyNode)[1];
  }
  const role = roleNode ? textNode(ctx, ...span(roleNode)) : undefined;
  return {
    name: words.join(' '),
    party,
    nameRange: rangeOfText(ctx.inline, ctx.lines, ctx.base + ns, ctx.base + ne),
    role,
    range: rangeOfText(ctx.inline, ctx.lines, ctx.base + ns, ctx.base + end),
  };
}

function nameList(ctx: Ctx, node: CstNode): NameList {
  const names = subs(node, 'entry').map((e) =>
    personName(ctx, subs(e, 'name')[0]!, subs(e, 'party')[0], subs(e, 'role')[0]),
  );
  names.sort((a, b) => a.range.start.offset - b.range.start.offset);
  const [s, e] = span(node);
  return { names, range: rangeOfText(ctx.inline, ctx.lines, ctx.base + s, ctx.base + e) };
}

function kindOfPredicate(p: CstNode): SentenceKind {
  const c = p.children as Children;
  if (c.forfald) return 'forfald';
  if (c.deltog) {
    const d = (c.deltog[0] as CstNode).children as Children;
    return d.Under ? 'guest' : d.Modet ? 'forfald' : 'absent';
  }
  if (c.fravaerende) return 'absent';
  if (c.substitute) return 'substitute';
  if (c.left) return 'left';
  if (c.inhabil) return 'inhabil';
  return 'council-request';
}

function buildSentence(ctx: Ctx, cst: CstNode, len: number): ControlledSentence | undefined {
  const voteNode = subs(cst, 'vote')[0];
  const range = rangeOfText(ctx.inline, ctx.lines, ctx.base, ctx.base + len);
  if (voteNode) {
    const c = voteNode.children as Children;
    const kind: SentenceKind = c.VoteFor ? 'vote-for' : c.VoteAgainst ? 'vote-against' : 'vote-abstain';
    const listNode = subs(voteNode, 'nameList')[0];
    const names: NameList = listNode
      ? nameList(ctx, listNode)
      : { names: [], range: rangeOfText(ctx.inline, ctx.lines, ctx.base + span(voteNode)[1], ctx.base + span(voteNode)[1]) };
    const num = toks(voteNode, 'Number')[0];
    const count = num
      ? {
          value: parseInt(num.image, 10),
          range: rangeOfText(ctx.inline, ctx.lines, ctx.base + num.startOffset, ctx.base + num.startOffset + num.image.length),
        }
      : undefined;
    return { type: 'sentence', kind, names, count, range };
  }
  const pred = subs(cst, 'predicate')[0]!;
  const kind = kindOfPredicate(pred);
  if (kind === 'council-request' && (pred.children as Children).councilWish) {
    // `ønskede … sagen i byrådet …` must actually mention the council.
    const words = allTokensOf(pred).sort((a, b) => a.startOffset - b.startOffset).map((t) => t.image.toLowerCase());
    const at = words.findIndex((w, i) => w === 'sagen' && words[i + 1] === 'i' && /^byråd/.test(words[i + 2] ?? ''));
    if (at < 0) return undefined;
  }
  const names = nameList(ctx, subs(cst, 'nameList')[0]!);
  let substitutedFor: PersonName | undefined;
  let leftAfterItem: TextNode | undefined;
  if (kind === 'substitute') {
    const sub = subs(pred, 'substitute')[0]!;
    substitutedFor = personName(ctx, subs(sub, 'name')[0]!, subs(sub, 'party')[0]);
  }
  if (kind === 'left') {
    const n = toks(subs(pred, 'left')[0]!, 'Number')[0];
    if (n) leftAfterItem = textNode(ctx, n.startOffset, n.startOffset + n.image.length);
  }
  return { type: 'sentence', kind, names, substitutedFor, leftAfterItem, range };
}

/**
 * Finds the controlled sentences in an inline text. Sentences that do not match the
 * grammar exactly are ordinary text and are skipped.
 */
export function parseSentences(inline: InlineText, lines: LineIndexLike): ControlledSentence[] {
  const masked = maskComments(inline.text, true);
  if (!TRIGGER.test(masked)) return [];
  const out: ControlledSentence[] = [];
  for (const [s, e] of splitSentences(masked)) {
    const raw = masked.slice(s, e);
    if (!TRIGGER.test(raw)) continue;
    const lead = raw.length - raw.trimStart().length;
    const body = raw.slice(lead).trimEnd();
    if (!body.endsWith('.')) continue;
    const lexed = sentenceLexer.tokenize(body);
    if (lexed.errors.length) continue;
    sentenceGrammar.input = lexed.tokens;
    const cst = sentenceGrammar.sentence();
    if (sentenceGrammar.errors.length) continue;
    const built = buildSentence({ inline, lines, base: s + lead }, cst, body.length);
    if (built) out.push(built);
  }
  return out;
}

/** Pieces of a field's name list: [start, end) offsets into inline.text, trimmed. */
function namePieces(masked: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /[^,]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(masked))) {
    // "A og B" inside one comma piece; a leading "og" after a comma ("A, B, og C") is dropped.
    const sub = /(?:^|\s)og(?=\s)/g;
    let from = m.index;
    const end = m.index + m[0].length;
    let k: RegExpExecArray | null;
    const local = m[0];
    while ((k = sub.exec(local))) {
      out.push([from, m.index + k.index]);
      from = m.index + k.index + k[0].length;
    }
    out.push([from, end]);
  }
  return out
    .map(([s, e]): [number, number] => {
      while (s < e && /\s/.test(masked[s]!)) s++;
      while (e > s && /[\s.]/.test(masked[e - 1]!)) e--;
      return [s, e];
    })
    .filter(([s, e]) => e > s);
}

function personAt(inline: InlineText, lines: LineIndexLike, masked: string, s: number, e: number): PersonName | undefined {
  const text = masked.slice(s, e);
  const pm = /\s*\(([^()]{0,16})\)$/.exec(text);
  const nameEnd = pm ? s + pm.index : e;
  const name = masked.slice(s, nameEnd).replace(/\s+/g, ' ').trim();
  // `Fraværende: Ingen` names nobody.
  if (!name || /^(ingen|-|–)$/i.test(name)) return undefined;
  return {
    name,
    party: pm?.[1]?.trim() || undefined,
    nameRange: rangeOfText(inline, lines, s, nameEnd),
    range: rangeOfText(inline, lines, s, e),
  };
}

/**
 * A name list in a header or item field (`Mødedeltagere`, `Afbud`, `Fraværende`):
 * names separated by commas, "og" before the last, each with an optional party letter.
 * Permissive on purpose: any text between separators is a name.
 */
export function parseNameListField(inline: InlineText, lines: LineIndexLike): NameList {
  const masked = maskComments(inline.text, true);
  const names: PersonName[] = [];
  for (const [s, e] of namePieces(masked)) {
    const p = personAt(inline, lines, masked, s, e);
    if (p) names.push(p);
  }
  return { names, range: inline.range };
}

/** `Stedfortrædere: Kim Østergaard for Martin Bech, …` */
export function parseSubstitutesField(
  inline: InlineText,
  lines: LineIndexLike,
): { substitute: PersonName; for: PersonName }[] {
  const masked = maskComments(inline.text, true);
  const out: { substitute: PersonName; for: PersonName }[] = [];
  for (const [s, e] of namePieces(masked)) {
    const m = /\s+for\s+/.exec(masked.slice(s, e));
    if (!m) continue;
    const a = personAt(inline, lines, masked, s, s + m.index);
    const b = personAt(inline, lines, masked, s + m.index + m[0].length, e);
    if (a && b) out.push({ substitute: a, for: b });
  }
  return out;
}
