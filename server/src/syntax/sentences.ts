/**
 * The controlled sentences of spec §6 and §6.1 (attendance notes and votes) and name lists.
 *
 * A second, small Chevrotain grammar over words, applied only where the model asks
 * for it (the header, the first item, the decisions). A sentence that does not match
 * the grammar exactly is ordinary text: no diagnostics are produced here.
 *
 *   sentence  ::= clause+ "."?                       (clauses may follow each other without a period, as PDF text loses them)
 *   clause    ::= vote | label | nameList ","? predicate trailer?
 *   vote      ::= ( "For" "stemte" | "Imod" "stemte" | "Undlod" "at" "stemme" ) ":" nameList? ( "(" NUMBER ")" )?
 *   label     ::= "Fraværende" ( "med" "afbud" )? sep? ( "Ingen" | nameList )?
 *               | "Ikke" "til" "stede" sep? ( "Ingen" | nameList )?
 *               | "Afbud" ( sep | "fra" ) ( "Ingen" | nameList )?
 *               | "Der" "var" "afbud" "fra" nameList
 *               | "Som" SUBWORD ( "for" name party? )? ( "deltog" | "mødte" | ( "er" | "var" | "blev" ) "indkaldt" ) nameList
 *               | "I" "stedet" ( "deltog" | "mødte" ) nameList
 *               | ( "Stedfortrædere" | "Suppleanter" | … ) sep substituteEntry ( ( "," "og"? | "og" ) substituteEntry )*
 *               | ( "Derudover" | "Desuden" | "Endvidere" | … ) "deltog" sep? entry ( ( "," "og"? | "og" )? entry )*
 *   nameList  ::= entry ( ( "," "og"? | "og" ) entry )*
 *   entry     ::= name party? note? ( SUBWORD name party? )? ( "," role )?     name ::= ( CAPWORD | INITIAL )+  (not across a line break)
 *   party     ::= "(" CAPWORD? ")"                   note ::= "(" ( SUBWORD ":" name party? | LOWERWORD+ ) ")"
 *   predicate ::= "havde" ( "forfald" | "meldt" "afbud" ) | ( "har" "meldt" | "meldte" ) "afbud"
 *               | "deltog" ( "ikke" ( "i" ( "sagens" "behandling" | "mødet" | "behandlingen" ( "af" ( "dette" "punkt" | "punktet" | items ) )? | items )
 *                                    | ( "under" | "ved" ) ( "behandlingen" "af" )? items )
 *                          | "under" "punktet" | "som" SUBWORD "for" name party? )
 *               | "var" ( "fraværende" scope? | "ikke" "til" "stede" scope? | "forhindret" | "inhabil" inhabilScope?
 *                       | "indkaldt" "som" SUBWORD "for" name party? )
 *               | "mødte" ( "som" SUBWORD "for" name party? | "ikke" scope? )
 *               | ( "er" | "blev" ) ( "erklæret" "inhabil" inhabilScope? | "indkaldt" "som" SUBWORD "for" name party? )
 *               | "forlod" "mødet" ( ( "efter" | "før" | "inden" ) ( "behandlingen" "af" )? item
 *                                  | "under" ( "behandlingen" "af" ( "punktet" | item ) | item ) | "kl" "."? NUMBER )?
 *               | "erklærede" "sig" "inhabil" inhabilScope?
 *               | "oplyste" ","? "at" LOWERWORD? ( "var" | "er" ) "inhabil" inhabilScope?
 *               | "begærede" "sagen" "i" "byrådet"
 *               | "ønskede" WORD* "sagen" "i" "byrådet" WORD*
 *   scope     ::= ( "under" | "ved" | "i" ) ( "behandlingen" "af" )? ( items | "punktet" )
 *   inhabilScope ::= ( "i" | "ved" | "under" ) ( ( "behandlingen" "af" )? ( items | "punktet" | "sagen" | "dette" "punkt" ) | "sager" "om" WORD* )
 *   items     ::= ( "punkt" | "punkterne" | "pkt" "."? ) ( "nr" "."? )? ref ( ( "," | "og" | "samt" ) ( "punkt" | "pkt" "."? )? ref )*
 *   ref       ::= NUMBER ( ( "-" | "til" ) NUMBER )?          sep ::= ":" | "-" | "–"
 *   trailer   ::= "(" WORD* ")"                      (`(afbud)`, `(Kommunestyrelsesloven § 14 stk. 3)`)
 */
import { createToken, CstParser, Lexer, type CstNode, type CustomPatternMatcherFunc, type IOrAlt, type IToken, type TokenType } from 'chevrotain';
import type { ControlledSentence, InlineText, ItemRef, LineIndexLike, NameList, PersonName, SentenceKind, TextNode } from './ast.js';
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

/** Every keyword by the word it is, for {@link lexSentence}. */
const KEYWORD_BY_WORD = new Map<string, TokenType>();

function kw(name: string, word: string, longer: TokenType = LowerWord): TokenType {
  const token = createToken({ name, pattern: unicode(`(?:${word})(?![\\p{L}\\p{M}'’-])`), line_breaks: false, longer_alt: longer });
  for (const w of word.split('|')) KEYWORD_BY_WORD.set(w, token);
  return token;
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
  punkterne: kw('Punkterne', 'punkterne'),
  pkt: kw('Pkt', 'pkt'),
  nr: kw('Nr', 'nr'),
  samt: kw('Samt', 'samt'),
  til: kw('Til', 'til'),
  under: kw('Under', 'under'),
  ved: kw('Ved', 'ved'),
  var: kw('Var', 'var'),
  er: kw('Er', 'er'),
  blev: kw('Blev', 'blev'),
  fravaerende: kw('Fravaerende', 'fraværende'),
  stede: kw('Stede', 'stede'),
  forhindret: kw('Forhindret', 'forhindret'),
  modte: kw('Modte', 'mødte'),
  som: kw('Som', 'som'),
  subWord: kw('SubWord', 'stedfortrædere|stedfortræder|suppleanter|suppleant'),
  indkaldt: kw('Indkaldt', 'indkaldt'),
  erklaeret: kw('Erklaeret', 'erklæret'),
  oplyste: kw('Oplyste', 'oplyste'),
  sager: kw('Sager', 'sager'),
  om: kw('Om', 'om'),
  sagen: kw('Sagen', 'sagen'),
  for: kw('For', 'for'),
  fra: kw('Fra', 'fra'),
  med: kw('Med', 'med'),
  afbud: kw('Afbud', 'afbud'),
  meldt: kw('Meldt', 'meldt'),
  meldte: kw('Meldte', 'meldte'),
  har: kw('Har', 'har'),
  stedet: kw('Stedet', 'stedet'),
  forlod: kw('Forlod', 'forlod'),
  modet: kw('Modet', 'mødet'),
  efter: kw('Efter', 'efter'),
  foer: kw('Foer', 'før|inden'),
  kl: kw('Kl', 'kl'),
  erklaerede: kw('Erklaerede', 'erklærede'),
  sig: kw('Sig', 'sig'),
  inhabil: kw('Inhabil', 'inhabil'),
  begaerede: kw('Begaerede', 'begærede'),
  byraadet: kw('Byraadet', 'byrådet'),
  onskede: kw('Onskede', 'ønskede'),
  og: kw('Og', 'og'),
  at: kw('At', 'at'),
  stemme: kw('Stemme', 'stemme'),
  stemte: kw('Stemte', 'stemte'),
  VoteFor: kw('VoteFor', 'For', CapWord),
  VoteAgainst: kw('VoteAgainst', 'Imod', CapWord),
  VoteAbstain: kw('VoteAbstain', 'Undlod', CapWord),
  // Capitalised words that open a label or a sentence of §6.1.
  FravCap: kw('FravCap', 'Fraværende', CapWord),
  IkkeCap: kw('IkkeCap', 'Ikke', CapWord),
  AfbudCap: kw('AfbudCap', 'Afbud', CapWord),
  DerCap: kw('DerCap', 'Der', CapWord),
  SomCap: kw('SomCap', 'Som', CapWord),
  ICap: kw('ICap', 'I', CapWord),
  SubLabel: kw('SubLabel', 'Stedfortrædere|Stedfortræder|Suppleanter|Suppleant', CapWord),
  AlsoCap: kw('AlsoCap', 'Derudover|Desuden|Endvidere|Herudover|Yderligere|Endelig', CapWord),
  Ingen: kw('Ingen', 'Ingen', CapWord),
};

const Comma = createToken({ name: 'Comma', pattern: /,/ });
const Period = createToken({ name: 'Period', pattern: /\./ });
const Colon = createToken({ name: 'Colon', pattern: /:/ });
const LParen = createToken({ name: 'LParen', pattern: /\(/ });
const RParen = createToken({ name: 'RParen', pattern: /\)/ });
const Dash = createToken({ name: 'Dash', pattern: /[-–—]/ });
const NumberTok = createToken({ name: 'Number', pattern: /\d+[a-zA-Z]?(?:\.\d+[a-zA-Z]?)*/ });
const WS = createToken({ name: 'WS', pattern: /\s+/, group: Lexer.SKIPPED });
const Other = createToken({ name: 'Other', pattern: unicode('[^\\s\\p{L}\\d,.:()\\-–—]+'), line_breaks: false });

const keywordTokens = Object.values(K);
const sentenceTokens: TokenType[] = [
  WS,
  Comma,
  Period,
  Colon,
  LParen,
  RParen,
  Dash,
  NumberTok,
  Initial,
  ...keywordTokens,
  CapWord,
  LowerWord,
  Other,
];

// safeMode: the first-character optimisation cannot read Unicode property classes (\p{Lu}).
export const sentenceLexer = new Lexer(sentenceTokens, { positionTracking: 'onlyOffset', safeMode: true, skipValidations: skipGrammarChecks });

/**
 * The sentence lexer, by hand: one scan with one regular expression, words looked up in a map.
 * It gives the same tokens as `sentenceLexer` (the Chevrotain lexer, kept as the reference the
 * tests compare with) and is several times faster, which matters because most candidate
 * sentences are ordinary text.
 */
export function lexSentence(text: string): IToken[] | undefined {
  const out: IToken[] = [];
  SCAN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SCAN.exec(text))) {
    const image = m[0];
    if (m[1] !== undefined) continue; // whitespace
    let type: TokenType;
    if (m[2] !== undefined) type = PUNCT[image]!;
    else if (m[3] !== undefined) type = NumberTok;
    else if (m[4] !== undefined) type = Initial;
    else if (m[5] !== undefined) type = KEYWORD_BY_WORD.get(image) ?? (/^\p{Lu}/u.test(image) ? CapWord : LowerWord);
    else type = Other;
    out.push({ image, startOffset: m.index, tokenType: type, tokenTypeIdx: type.tokenTypeIdx! } as IToken);
  }
  return out;
}

const PUNCT: Record<string, TokenType> = { ',': Comma, '.': Period, ':': Colon, '(': LParen, ')': RParen, '-': Dash, '–': Dash, '—': Dash };
const SCAN = /(\s+)|([,.:()\-–—])|(\d+[a-zA-Z]?(?:\.\d+[a-zA-Z]?)*)|(\p{Lu}\.(?=[ \t]*\p{Lu}))|(\p{L}[\p{L}\p{M}'’-]*)|([^\s\p{L}\d,.:()\-–—]+)/gu;

/** Any word token usable inside a role or a free § 23 phrase. */
const wordTokens = [LowerWord, CapWord, Initial, NumberTok, Other, Colon, Dash, LParen, RParen, ...keywordTokens];
/** Inside a parenthesis after a sentence (`(Kommunestyrelsesloven § 14 stk. 3)`). */
const trailerTokens = [LowerWord, CapWord, Initial, NumberTok, Other, Colon, Dash, Comma, Period, ...keywordTokens];
/** Free words to the end of the sentence (`i sager om …`). */
const freeTokens = [...wordTokens, Comma, Period];
const CAPITAL_KEYWORDS = new Set<TokenType>([K.VoteFor, K.VoteAgainst, K.VoteAbstain, K.FravCap, K.IkkeCap, K.AfbudCap, K.DerCap, K.SomCap, K.ICap, K.SubLabel, K.AlsoCap, K.Ingen]);
const lowerTokens = keywordTokens.filter((t) => !CAPITAL_KEYWORDS.has(t));
const LOWER = new Set<TokenType>([LowerWord, ...lowerTokens]);

const PREDICATE_START = new Set<TokenType>([
  K.havde, K.deltog, K.var, K.modte, K.forlod, K.erklaerede, K.begaerede, K.onskede, K.er, K.blev, K.oplyste, K.meldte, K.har,
]);
const NAME_WORD = new Set<TokenType>([CapWord, Initial]);
const REF_START = new Set<TokenType>([NumberTok, K.punkt, K.pkt]);

class SentenceGrammar extends CstParser {
  /**
   * The alternatives of each `OR`, made on its first run and reused (as in the block grammar):
   * written inline, `wordTokens.map(…)` alone is a hundred objects at every repetition.
   */
  private readonly alts: Record<string, IOrAlt<unknown>[]> = {};

  /** Offsets (in the parsed text) of tokens that begin a source line: a name does not run across one. */
  lineStarts: ReadonlySet<number> = new Set();

  constructor() {
    super(sentenceTokens, { recoveryEnabled: false, maxLookahead: 4, nodeLocationTracking: 'none', skipValidations: skipGrammarChecks });
    this.performSelfAnalysis();
  }

  sentence = this.RULE('sentence', () => {
    this.AT_LEAST_ONE(() => this.SUBRULE(this.clause));
    this.OPTION(() => this.CONSUME(Period));
  });

  /** A label clause alone, read as a prefix of a longer text (`… Fraværende: A (stedfortræder: B) Indholdsfortegnelse …`). */
  labelOnly = this.RULE('labelOnly', () => {
    this.SUBRULE(this.label);
  });

  clause = this.RULE('clause', () => {
    this.OR((this.alts.clause1 ??= [
      { ALT: () => this.SUBRULE(this.vote) },
      { ALT: () => this.SUBRULE(this.label) },
      { ALT: () => this.SUBRULE(this.statement) },
    ]));
  });

  statement = this.RULE('statement', () => {
    this.SUBRULE(this.nameList);
    this.OPTION(() => this.CONSUME(Comma));
    this.SUBRULE(this.predicate);
    this.OPTION2({ GATE: () => this.LA(1).tokenType === LParen, DEF: () => this.SUBRULE(this.trailer) });
  });

  trailer = this.RULE('trailer', () => {
    this.CONSUME(LParen);
    this.MANY(() => this.OR((this.alts.trailer1 ??= trailerTokens.map((t) => ({ ALT: () => this.CONSUME2(t) })))));
    this.CONSUME(RParen);
  });

  vote = this.RULE('vote', () => {
    this.OR((this.alts.vote1 ??= [
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
    ]));
    this.CONSUME(Colon);
    this.OPTION(() => this.SUBRULE(this.nameList));
    this.OPTION2(() => {
      this.CONSUME(LParen);
      this.CONSUME(NumberTok);
      this.CONSUME(RParen);
    });
  });

  sep = this.RULE('sep', () => {
    this.OR((this.alts.sep1 ??= [{ ALT: () => this.CONSUME(Colon) }, { ALT: () => this.CONSUME(Dash) }]));
  });

  /** `Ingen`, or names. */
  absentNames = this.RULE('absentNames', () => {
    this.OR((this.alts.absentNames1 ??= [{ ALT: () => this.CONSUME(K.Ingen) }, { ALT: () => this.SUBRULE(this.nameList) }]));
  });

  label = this.RULE('label', () => {
    this.OR((this.alts.label1 ??= [
      { ALT: () => this.SUBRULE(this.absentLabel) },
      { ALT: () => this.SUBRULE(this.notPresentLabel) },
      { ALT: () => this.SUBRULE(this.afbudLabel) },
      { ALT: () => this.SUBRULE(this.afbudSentence) },
      { ALT: () => this.SUBRULE(this.asSubstitute) },
      { ALT: () => this.SUBRULE(this.instead) },
      { ALT: () => this.SUBRULE(this.substituteLabel) },
      { ALT: () => this.SUBRULE(this.guestLabel) },
    ]));
  });

  absentLabel = this.RULE('absentLabel', () => {
    this.CONSUME(K.FravCap);
    this.OPTION(() => {
      this.CONSUME(K.med);
      this.CONSUME(K.afbud);
    });
    this.OPTION2(() => this.SUBRULE(this.sep));
    this.OPTION3(() => this.SUBRULE(this.absentNames));
  });

  notPresentLabel = this.RULE('notPresentLabel', () => {
    this.CONSUME(K.IkkeCap);
    this.CONSUME(K.til);
    this.CONSUME(K.stede);
    this.OPTION(() => this.SUBRULE(this.sep));
    this.OPTION2(() => this.SUBRULE(this.absentNames));
  });

  afbudLabel = this.RULE('afbudLabel', () => {
    this.CONSUME(K.AfbudCap);
    this.OR((this.alts.afbudLabel1 ??= [{ ALT: () => this.SUBRULE(this.sep) }, { ALT: () => this.CONSUME(K.fra) }]));
    this.OPTION(() => this.SUBRULE(this.absentNames));
  });

  afbudSentence = this.RULE('afbudSentence', () => {
    this.CONSUME(K.DerCap);
    this.CONSUME(K.var);
    this.CONSUME(K.afbud);
    this.CONSUME(K.fra);
    this.SUBRULE(this.nameList);
  });

  asSubstitute = this.RULE('asSubstitute', () => {
    this.CONSUME(K.SomCap);
    this.CONSUME(K.subWord);
    this.OPTION(() => {
      this.CONSUME(K.for);
      this.SUBRULE(this.forName);
    });
    this.OR((this.alts.asSubstitute1 ??= [
      { ALT: () => this.CONSUME(K.deltog) },
      { ALT: () => this.CONSUME(K.modte) },
      {
        ALT: () => {
          this.OR2((this.alts.asSubstitute2 ??= [{ ALT: () => this.CONSUME(K.er) }, { ALT: () => this.CONSUME(K.var) }, { ALT: () => this.CONSUME(K.blev) }]));
          this.CONSUME(K.indkaldt);
        },
      },
    ]));
    this.SUBRULE(this.nameList);
  });

  instead = this.RULE('instead', () => {
    this.CONSUME(K.ICap);
    this.CONSUME(K.stedet);
    this.OR((this.alts.instead1 ??= [{ ALT: () => this.CONSUME(K.deltog) }, { ALT: () => this.CONSUME(K.modte) }]));
    this.SUBRULE(this.nameList);
  });

  substituteLabel = this.RULE('substituteLabel', () => {
    this.CONSUME(K.SubLabel);
    this.SUBRULE(this.sep);
    this.OR((this.alts.substituteLabel1 ??= [{ ALT: () => this.CONSUME(K.Ingen) }, { ALT: () => this.SUBRULE(this.substituteList) }]));
  });

  substituteList = this.RULE('substituteList', () => {
    this.SUBRULE(this.substituteEntry);
    this.MANY(() => {
      this.OR((this.alts.substituteList1 ??= [
        {
          ALT: () => {
            this.CONSUME(Comma);
            this.OPTION(() => this.CONSUME(K.og));
          },
        },
        { ALT: () => this.CONSUME2(K.og) },
      ]));
      this.SUBRULE2(this.substituteEntry);
    });
  });

  /** `B` or `B for A`. */
  substituteEntry = this.RULE('substituteEntry', () => {
    this.SUBRULE(this.entry);
    this.OPTION(() => {
      this.CONSUME(K.for);
      this.SUBRULE(this.forName);
    });
  });

  guestLabel = this.RULE('guestLabel', () => {
    this.CONSUME(K.AlsoCap);
    this.CONSUME(K.deltog);
    this.OPTION(() => this.SUBRULE(this.sep));
    this.SUBRULE(this.entry);
    // Guests' names are not checked: a list that lost its commas (PDF text) is still a list.
    this.MANY(() => {
      this.OPTION2(() =>
        this.OR((this.alts.guestLabel1 ??= [
          {
            ALT: () => {
              this.CONSUME(Comma);
              this.OPTION3(() => this.CONSUME(K.og));
            },
          },
          { ALT: () => this.CONSUME2(K.og) },
        ])),
      );
      this.SUBRULE2(this.entry);
    });
  });

  nameList = this.RULE('nameList', () => {
    this.SUBRULE(this.entry);
    // Lookahead in Chevrotain is local to the rule: a comma before the predicate
    // ("A, rolle, deltog under punktet") must end the list, so gate on what follows it.
    this.MANY({
      GATE: () =>
        !(this.LA(1).tokenType === Comma && PREDICATE_START.has(this.LA(2).tokenType)) &&
        (this.LA(1).tokenType !== Comma || this.LA(2).tokenType !== K.og || NAME_WORD.has(this.LA(3).tokenType)),
      DEF: () => {
        this.OR((this.alts.nameList1 ??= [
          {
            ALT: () => {
              this.CONSUME(Comma);
              this.OPTION(() => this.CONSUME(K.og));
            },
          },
          { ALT: () => this.CONSUME2(K.og) },
        ]));
        this.SUBRULE2(this.entry);
      },
    });
  });

  entry = this.RULE('entry', () => {
    this.SUBRULE(this.name);
    this.OPTION({
      // `(A)`, `(Løsgænger)` and the empty `()` of a member without a party (spec §6.1).
      GATE: () =>
        this.LA(1).tokenType === LParen &&
        (this.LA(2).tokenType === RParen || ((this.LA(2).tokenType === CapWord || this.LA(2).tokenType === K.ICap) && this.LA(3).tokenType === RParen)),
      DEF: () => this.SUBRULE(this.party),
    });
    this.OPTION2({
      // `(afbud)`, `(referent)`, `(stedfortræder: B)`.
      GATE: () => this.LA(1).tokenType === LParen && LOWER.has(this.LA(2).tokenType),
      DEF: () => this.SUBRULE(this.note),
    });
    this.OPTION3({
      // `Afbud fra A stedfortræder B`.
      GATE: () => this.LA(1).tokenType === K.subWord && NAME_WORD.has(this.LA(2).tokenType),
      DEF: () => {
        this.CONSUME(K.subWord);
        this.SUBRULE(this.forName);
      },
    });
    this.OPTION4({
      GATE: () => this.LA(1).tokenType === Comma && this.LA(2).tokenType === LowerWord,
      DEF: () => {
        this.CONSUME(Comma);
        this.SUBRULE(this.role);
      },
    });
  });

  name = this.RULE('name', () => {
    this.OR((this.alts.name1 ??= [{ ALT: () => this.CONSUME(CapWord) }, { ALT: () => this.CONSUME(Initial) }]));
    this.MANY({
      GATE: () => !this.lineStarts.has(this.LA(1).startOffset),
      DEF: () => this.OR2((this.alts.name2 ??= [{ ALT: () => this.CONSUME2(CapWord) }, { ALT: () => this.CONSUME2(Initial) }])),
    });
  });

  /** A name with its party, as the other side of a substitution. */
  forName = this.RULE('forName', () => {
    this.SUBRULE(this.name);
    this.OPTION({
      GATE: () =>
        this.LA(1).tokenType === LParen &&
        (this.LA(2).tokenType === RParen || ((this.LA(2).tokenType === CapWord || this.LA(2).tokenType === K.ICap) && this.LA(3).tokenType === RParen)),
      DEF: () => this.SUBRULE(this.party),
    });
  });

  party = this.RULE('party', () => {
    this.CONSUME(LParen);
    this.OPTION(() => this.OR((this.alts.party1 ??= [{ ALT: () => this.CONSUME(CapWord) }, { ALT: () => this.CONSUME(K.ICap) }])));
    this.CONSUME(RParen);
  });

  note = this.RULE('note', () => {
    this.CONSUME(LParen);
    this.OR((this.alts.note1 ??= [
      {
        GATE: () => this.LA(1).tokenType === K.subWord && this.LA(2).tokenType === Colon,
        ALT: () => {
          this.CONSUME(K.subWord);
          this.CONSUME(Colon);
          this.SUBRULE(this.forName);
        },
      },
      { ALT: () => this.AT_LEAST_ONE(() => this.OR2((this.alts.note2 ??= lowerTokens.concat([LowerWord]).map((t) => ({ ALT: () => this.CONSUME2(t) }))))) },
    ]));
    this.CONSUME(RParen);
  });

  /** A guest's role: starts with a lower-case word that is not a keyword; runs to the next comma. */
  role = this.RULE('role', () => {
    this.CONSUME(LowerWord);
    this.MANY(() => this.OR((this.alts.role1 ??= wordTokens.map((t) => ({ ALT: () => this.CONSUME2(t) })))));
  });

  predicate = this.RULE('predicate', () => {
    this.OR((this.alts.predicate1 ??= [
      { ALT: () => this.SUBRULE(this.forfald) },
      { ALT: () => this.SUBRULE(this.apologies) },
      { ALT: () => this.SUBRULE(this.deltog) },
      { ALT: () => this.SUBRULE(this.varClause) },
      { ALT: () => this.SUBRULE(this.substitute) },
      { ALT: () => this.SUBRULE(this.declared) },
      { ALT: () => this.SUBRULE(this.left) },
      { ALT: () => this.SUBRULE(this.inhabil) },
      { ALT: () => this.SUBRULE(this.told) },
      { ALT: () => this.SUBRULE(this.councilRequest) },
      { ALT: () => this.SUBRULE(this.councilWish) },
    ]));
  });

  forfald = this.RULE('forfald', () => {
    this.CONSUME(K.havde);
    this.OR((this.alts.forfald1 ??= [
      { ALT: () => this.CONSUME(K.forfald) },
      {
        ALT: () => {
          this.CONSUME(K.meldt);
          this.CONSUME(K.afbud);
        },
      },
    ]));
  });

  /** `meldte afbud`, `har meldt afbud`. */
  apologies = this.RULE('apologies', () => {
    this.OR((this.alts.apologies1 ??= [
      { ALT: () => this.CONSUME(K.meldte) },
      {
        ALT: () => {
          this.CONSUME(K.har);
          this.CONSUME(K.meldt);
        },
      },
    ]));
    this.CONSUME(K.afbud);
  });

  deltog = this.RULE('deltog', () => {
    this.CONSUME(K.deltog);
    this.OR((this.alts.deltog1 ??= [
      {
        ALT: () => {
          this.CONSUME(K.ikke);
          this.OR2((this.alts.deltog2 ??= [
            {
              ALT: () => {
                this.CONSUME(K.i);
                this.OR3((this.alts.deltog3 ??= [
                  {
                    ALT: () => {
                      this.CONSUME(K.sagens);
                      this.CONSUME(K.behandling);
                    },
                  },
                  {
                    ALT: () => {
                      this.CONSUME(K.behandlingen);
                      // `deltog ikke i behandlingen.`: this item, as `… af punktet`.
                      this.OPTION2(() => {
                        this.CONSUME(K.af);
                        this.OR4((this.alts.deltog4 ??= [
                          {
                            ALT: () => {
                              this.CONSUME(K.dette);
                              this.CONSUME(K.punkt);
                            },
                          },
                          { ALT: () => this.CONSUME(K.punktet) },
                          { ALT: () => this.SUBRULE(this.items) },
                        ]));
                      });
                    },
                  },
                  // `deltog ikke i mødet.` (spec §6.1): absent for the whole meeting.
                  { ALT: () => this.CONSUME(K.modet) },
                  { ALT: () => this.SUBRULE2(this.items) },
                ]));
              },
            },
            {
              ALT: () => {
                this.OR5((this.alts.deltog5 ??= [{ ALT: () => this.CONSUME(K.under) }, { ALT: () => this.CONSUME(K.ved) }]));
                this.OPTION(() => {
                  this.CONSUME2(K.behandlingen);
                  this.CONSUME2(K.af);
                });
                this.SUBRULE3(this.items);
              },
            },
          ]));
        },
      },
      {
        ALT: () => {
          this.CONSUME2(K.under);
          this.CONSUME2(K.punktet);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.som);
          this.CONSUME(K.subWord);
          this.CONSUME(K.for);
          this.SUBRULE(this.forName);
        },
      },
    ]));
  });

  varClause = this.RULE('varClause', () => {
    this.CONSUME(K.var);
    this.OR((this.alts.varClause1 ??= [
      {
        ALT: () => {
          this.CONSUME(K.fravaerende);
          this.OPTION(() => this.SUBRULE(this.scope));
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.ikke);
          this.CONSUME(K.til);
          this.CONSUME(K.stede);
          this.OPTION2(() => this.SUBRULE2(this.scope));
        },
      },
      { ALT: () => this.CONSUME(K.forhindret) },
      {
        ALT: () => {
          this.CONSUME(K.inhabil);
          this.OPTION3(() => this.SUBRULE(this.inhabilScope));
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.indkaldt);
          this.CONSUME(K.som);
          this.CONSUME(K.subWord);
          this.CONSUME(K.for);
          this.SUBRULE(this.forName);
        },
      },
    ]));
  });

  /** `mødte som stedfortræder for A`, `mødte ikke [under punkt 3]`. */
  substitute = this.RULE('substitute', () => {
    this.CONSUME(K.modte);
    this.OR((this.alts.substitute1 ??= [
      {
        ALT: () => {
          this.CONSUME(K.som);
          this.CONSUME(K.subWord);
          this.CONSUME(K.for);
          this.SUBRULE(this.forName);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.ikke);
          this.OPTION(() => this.SUBRULE(this.scope));
        },
      },
    ]));
  });

  /** `er erklæret inhabil …`, `er indkaldt som suppleant for A`. */
  declared = this.RULE('declared', () => {
    this.OR((this.alts.declared1 ??= [{ ALT: () => this.CONSUME(K.er) }, { ALT: () => this.CONSUME(K.blev) }]));
    this.OR2((this.alts.declared2 ??= [
      {
        ALT: () => {
          this.CONSUME(K.erklaeret);
          this.CONSUME(K.inhabil);
          this.OPTION(() => this.SUBRULE(this.inhabilScope));
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.indkaldt);
          this.CONSUME(K.som);
          this.CONSUME(K.subWord);
          this.CONSUME(K.for);
          this.SUBRULE(this.forName);
        },
      },
    ]));
  });

  /** `under punkt 13`, `ved behandlingen af punkterne 12-15`, `under punktet`. */
  scope = this.RULE('scope', () => {
    this.OR((this.alts.scope1 ??= [{ ALT: () => this.CONSUME(K.under) }, { ALT: () => this.CONSUME(K.ved) }, { ALT: () => this.CONSUME(K.i) }]));
    this.OPTION(() => {
      this.CONSUME(K.behandlingen);
      this.CONSUME(K.af);
    });
    this.OR2((this.alts.scope2 ??= [{ ALT: () => this.SUBRULE(this.items) }, { ALT: () => this.CONSUME(K.punktet) }]));
  });

  inhabilScope = this.RULE('inhabilScope', () => {
    this.OR((this.alts.inhabilScope1 ??= [{ ALT: () => this.CONSUME(K.i) }, { ALT: () => this.CONSUME(K.ved) }, { ALT: () => this.CONSUME(K.under) }]));
    this.OR2((this.alts.inhabilScope2 ??= [
      {
        ALT: () => {
          this.CONSUME(K.sager);
          this.CONSUME(K.om);
          this.SUBRULE(this.free);
        },
      },
      {
        ALT: () => {
          this.OPTION(() => {
            this.CONSUME(K.behandlingen);
            this.CONSUME(K.af);
          });
          this.OR3((this.alts.inhabilScope3 ??= [
            { ALT: () => this.SUBRULE(this.items) },
            { ALT: () => this.CONSUME(K.punktet) },
            { ALT: () => this.CONSUME(K.sagen) },
            {
              ALT: () => {
                this.CONSUME(K.dette);
                this.CONSUME(K.punkt);
              },
            },
          ]));
        },
      },
    ]));
  });

  free = this.RULE('free', () => {
    this.AT_LEAST_ONE(() => this.OR((this.alts.free1 ??= freeTokens.map((t) => ({ ALT: () => this.CONSUME(t) })))));
  });

  items = this.RULE('items', () => {
    this.OR((this.alts.items1 ??= [{ ALT: () => this.SUBRULE(this.itemWord) }, { ALT: () => this.CONSUME(K.punkterne) }]));
    this.OPTION2(() => {
      this.CONSUME(K.nr);
      this.OPTION3(() => this.CONSUME2(Period));
    });
    this.SUBRULE(this.ref);
    this.MANY({
      GATE: () => (this.LA(1).tokenType === Comma || this.LA(1).tokenType === K.og || this.LA(1).tokenType === K.samt) && REF_START.has(this.LA(2).tokenType),
      DEF: () => {
        this.OR2((this.alts.items2 ??= [{ ALT: () => this.CONSUME(Comma) }, { ALT: () => this.CONSUME(K.og) }, { ALT: () => this.CONSUME(K.samt) }]));
        this.OPTION4(() => this.SUBRULE2(this.itemWord));
        this.SUBRULE2(this.ref);
      },
    });
  });

  ref = this.RULE('ref', () => {
    this.CONSUME(NumberTok);
    this.OPTION(() => {
      this.OR((this.alts.ref1 ??= [{ ALT: () => this.CONSUME(Dash) }, { ALT: () => this.CONSUME(K.til) }]));
      this.CONSUME2(NumberTok);
    });
  });

  /** `punkt`, `pkt.` */
  itemWord = this.RULE('itemWord', () => {
    this.OR((this.alts.itemWord1 ??= [
      { ALT: () => this.CONSUME(K.punkt) },
      {
        ALT: () => {
          this.CONSUME(K.pkt);
          this.OPTION(() => this.CONSUME(Period));
        },
      },
    ]));
  });

  /** One item: `punkt 9`, `pkt. 9`. */
  item = this.RULE('item', () => {
    this.SUBRULE(this.itemWord);
    this.CONSUME(NumberTok);
  });

  left = this.RULE('left', () => {
    this.CONSUME(K.forlod);
    this.CONSUME(K.modet);
    this.OPTION(() =>
      this.OR((this.alts.left1 ??= [
        {
          ALT: () => {
            this.OR2((this.alts.left2 ??= [{ ALT: () => this.CONSUME(K.efter) }, { ALT: () => this.CONSUME(K.foer) }]));
            this.OPTION2(() => {
              this.CONSUME2(K.behandlingen);
              this.CONSUME2(K.af);
            });
            this.SUBRULE(this.item);
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.under);
            this.OR3((this.alts.left3 ??= [
              {
                ALT: () => {
                  this.CONSUME(K.behandlingen);
                  this.CONSUME(K.af);
                  this.OR4((this.alts.left4 ??= [{ ALT: () => this.CONSUME(K.punktet) }, { ALT: () => this.SUBRULE2(this.item) }]));
                },
              },
              { ALT: () => this.SUBRULE3(this.item) },
            ]));
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.kl);
            this.OPTION3(() => this.CONSUME(Period));
            this.CONSUME(NumberTok);
          },
        },
      ])),
    );
  });

  inhabil = this.RULE('inhabil', () => {
    this.CONSUME(K.erklaerede);
    this.CONSUME(K.sig);
    this.CONSUME(K.inhabil);
    this.OPTION(() => this.SUBRULE(this.inhabilScope));
  });

  /** `oplyste, at han var inhabil i behandlingen af punkt 6`. */
  told = this.RULE('told', () => {
    this.CONSUME(K.oplyste);
    this.OPTION(() => this.CONSUME(Comma));
    this.CONSUME(K.at);
    this.OPTION2(() => this.CONSUME(LowerWord));
    this.OR((this.alts.told1 ??= [{ ALT: () => this.CONSUME(K.var) }, { ALT: () => this.CONSUME(K.er) }]));
    this.CONSUME(K.inhabil);
    this.OPTION3(() => this.SUBRULE(this.inhabilScope));
  });

  councilRequest = this.RULE('councilRequest', () => {
    this.CONSUME(K.begaerede);
    this.CONSUME(K.sagen);
    this.CONSUME(K.i);
    this.CONSUME(K.byraadet);
  });

  councilWish = this.RULE('councilWish', () => {
    this.CONSUME(K.onskede);
    this.AT_LEAST_ONE(() => this.OR((this.alts.councilWish1 ??= wordTokens.map((t) => ({ ALT: () => this.CONSUME2(t) })))));
  });
}

const sentenceGrammar = new SentenceGrammar();

/** The sentence parser, for the generated grammar reference. */
export const sentenceGrammarInstance: CstParser = sentenceGrammar;

/** Cheap pre-filter: only candidate sentences with one of these words are parsed. */
const TRIGGER =
  /(?<![\p{L}])(?:forfald|deltog|fraværende|stedfortrædere?|suppleant(?:er)?|forlod|inhabil|begærede|ønskede|stemte|stemme|afbud|stede|forhindret|mødte)(?![\p{L}])/iu;

type Children = Record<string, (CstNode | IToken)[] | undefined>;
function toks(node: CstNode, name: string): IToken[] {
  return ((node.children as Children)[name] ?? []) as IToken[];
}
function subs(node: CstNode, name: string): CstNode[] {
  return ((node.children as Children)[name] ?? []) as CstNode[];
}
function sub(node: CstNode | undefined, name: string): CstNode | undefined {
  return node ? subs(node, name)[0] : undefined;
}
function allTokensOf(node: CstNode, out: IToken[] = []): IToken[] {
  const children = node.children as Children;
  for (const key in children) {
    for (const c of children[key] ?? []) {
      if ((c as IToken).image !== undefined) out.push(c as IToken);
      else allTokensOf(c as CstNode, out);
    }
  }
  return out;
}
/** Where a node's tokens start and end (without collecting them). */
function span(node: CstNode, into: [number, number] = [Infinity, -Infinity]): [number, number] {
  const children = node.children as Children;
  for (const key in children) {
    for (const c of children[key] ?? []) {
      const t = c as IToken;
      if (t.image === undefined) span(c as CstNode, into);
      else {
        into[0] = Math.min(into[0], t.startOffset);
        into[1] = Math.max(into[1], t.startOffset + t.image.length);
      }
    }
  }
  return into;
}
/** Depth-first: the first descendant node of a rule. */
function find(node: CstNode, name: string): CstNode | undefined {
  const children = node.children as Children;
  for (const key in children) {
    const list = children[key];
    for (const c of list ?? []) {
      if ((c as IToken).image !== undefined) continue;
      const n = c as CstNode;
      if (key === name) return n;
      const deeper = find(n, name);
      if (deeper) return deeper;
    }
  }
  return undefined;
}

/** Words before a period that do not end a sentence: `pkt. 3`, `nr. 10`, `kl. 18.30`, `stk. 3`. */
const ABBREVIATION = /(?:^|[\s(])(?:pkt|nr|kl|stk|jf|ca|evt|bl\.a|m\.fl|mv|dvs|inkl|ang|vedr|pga|tlf)$/iu;

/** Splits text into candidate sentences at `.` followed by whitespace or the end (not after an initial or an abbreviation). */
export function splitSentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  const re = /\.(?=\s|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const i = m.index;
    // "Jens P. Hansen": an initial is not a sentence end.
    if (i >= 1 && /\p{Lu}/u.test(text[i - 1]!) && (i === 1 || /\s/.test(text[i - 2]!)) && /^\s*\p{Lu}/u.test(text.slice(i + 1, i + 4))) continue;
    if (i + 1 < text.length && ABBREVIATION.test(text.slice(Math.max(0, i - 8), i))) continue;
    out.push([start, i + 1]);
    start = i + 1;
  }
  if (start < text.length && text.slice(start).trim()) out.push([start, text.length]);
  return out;
}

interface Ctx {
  inline: InlineText;
  lines: LineIndexLike;
  /** Offset of the parsed text in inline.text. */
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
    const p = allTokensOf(partyNode).find((t) => t.image !== '(' && t.image !== ')');
    party = p?.image || undefined;
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

function forPerson(ctx: Ctx, node: CstNode): PersonName {
  return personName(ctx, sub(node, 'name')!, sub(node, 'party'));
}

interface Pair {
  substitute: PersonName;
  for: PersonName;
}

interface Names {
  list: NameList;
  /** Substitutes written beside a name: `A (stedfortræder: B)`, `A stedfortræder B`. */
  pairs: Pair[];
  /** Some name carries `(afbud)`. */
  apologies: boolean;
}

function entryPerson(ctx: Ctx, e: CstNode, pairs: Pair[]): { person: PersonName; apologies: boolean } {
  const person = personName(ctx, sub(e, 'name')!, sub(e, 'party'), sub(e, 'role'));
  let apologies = false;
  const note = sub(e, 'note');
  if (note) {
    const other = sub(note, 'forName');
    if (other) pairs.push({ substitute: forPerson(ctx, other), for: person });
    else if (allTokensOf(note).some((t) => /^afbud$/i.test(t.image))) apologies = true;
  }
  const beside = sub(e, 'forName');
  if (beside) pairs.push({ substitute: forPerson(ctx, beside), for: person });
  return { person, apologies };
}

function namesOf(ctx: Ctx, entries: CstNode[], rangeNode: CstNode | undefined): Names {
  const pairs: Pair[] = [];
  let apologies = false;
  const names = entries.map((e) => {
    const r = entryPerson(ctx, e, pairs);
    apologies ||= r.apologies;
    return r.person;
  });
  names.sort((a, b) => a.range.start.offset - b.range.start.offset);
  const range = rangeNode ? (() => {
    const [s, e] = span(rangeNode);
    return rangeOfText(ctx.inline, ctx.lines, ctx.base + s, ctx.base + e);
  })() : rangeOfText(ctx.inline, ctx.lines, ctx.base, ctx.base);
  return { list: { names, range }, pairs, apologies };
}

function nameListOf(ctx: Ctx, node: CstNode | undefined, at: number): Names {
  if (!node) return { list: { names: [], range: rangeOfText(ctx.inline, ctx.lines, ctx.base + at, ctx.base + at) }, pairs: [], apologies: false };
  return namesOf(ctx, subs(node, 'entry'), node);
}

function itemRefs(ctx: Ctx, node: CstNode | undefined): ItemRef[] | undefined {
  if (!node) return undefined;
  return subs(node, 'ref').map((r) => {
    const nums = toks(r, 'Number').sort((a, b) => a.startOffset - b.startOffset);
    const [s, e] = span(r);
    return { from: nums[0]!.image, to: nums[1]?.image, range: rangeOfText(ctx.inline, ctx.lines, ctx.base + s, ctx.base + e) };
  });
}

type Draft = Omit<ControlledSentence, 'type' | 'range'> & { readonly span: [number, number] };

function labelDraft(ctx: Ctx, label: CstNode): Draft | undefined {
  const [s, e] = span(label);
  const node = Object.values(label.children as Children)[0]![0] as CstNode;
  const list = (n: CstNode | undefined) => nameListOf(ctx, n, e);
  switch (node.name) {
    case 'absentLabel':
    case 'notPresentLabel':
    case 'afbudLabel': {
      const names = sub(node, 'absentNames');
      const n = list(sub(names, 'nameList'));
      const withApologies = node.name === 'afbudLabel' || toks(node, 'Afbud').length > 0;
      return {
        kind: withApologies ? 'forfald' : 'absent',
        names: n.list,
        apologies: withApologies || n.apologies || undefined,
        substitutions: n.pairs.length ? n.pairs : undefined,
        labelOnly: names ? undefined : true,
        span: [s, e],
      };
    }
    case 'afbudSentence': {
      const n = list(sub(node, 'nameList'));
      return { kind: 'forfald', names: n.list, apologies: true, substitutions: n.pairs.length ? n.pairs : undefined, span: [s, e] };
    }
    case 'asSubstitute':
    case 'instead': {
      const n = list(sub(node, 'nameList'));
      const forNode = sub(node, 'forName');
      return { kind: 'substitute', names: n.list, substitutedFor: forNode ? forPerson(ctx, forNode) : undefined, span: [s, e] };
    }
    case 'substituteLabel': {
      const listNode = sub(node, 'substituteList');
      const entries = listNode ? subs(listNode, 'substituteEntry') : [];
      const pairs: Pair[] = [];
      const names = entries.map((se) => {
        const p = entryPerson(ctx, sub(se, 'entry')!, []).person;
        const f = sub(se, 'forName');
        if (f) pairs.push({ substitute: p, for: forPerson(ctx, f) });
        return p;
      });
      const range = listNode ? rangeOfText(ctx.inline, ctx.lines, ctx.base + span(listNode)[0], ctx.base + span(listNode)[1]) : rangeOfText(ctx.inline, ctx.lines, ctx.base + e, ctx.base + e);
      return { kind: 'substitute', names: { names, range }, substitutions: pairs.length ? pairs : undefined, span: [s, e] };
    }
    case 'guestLabel': {
      const entries = subs(node, 'entry');
      const first = entries[0] ? span(entries[0])[0] : e;
      const n = namesOf(ctx, entries, undefined);
      return { kind: 'guest', names: { names: n.list.names, range: rangeOfText(ctx.inline, ctx.lines, ctx.base + first, ctx.base + e) }, span: [s, e] };
    }
  }
  return undefined;
}

function statementDraft(ctx: Ctx, st: CstNode): Draft | undefined {
  const [s, e] = span(st);
  const pred = sub(st, 'predicate')!;
  const p = Object.values(pred.children as Children)[0]![0] as CstNode;
  const n = nameListOf(ctx, sub(st, 'nameList'), s);
  const trailer = sub(st, 'trailer');
  const trailerApologies = !!trailer && allTokensOf(trailer).some((t) => /^afbud$/i.test(t.image));
  const base = {
    names: n.list,
    apologies: n.apologies || trailerApologies || undefined,
    substitutions: n.pairs.length ? n.pairs : undefined,
    span: [s, e] as [number, number],
  };
  const itemsNode = find(p, 'items');
  const refs = itemRefs(ctx, itemsNode);
  const forNode = find(p, 'forName');
  const has = (tok: string) => toks(p, tok).length > 0;
  const ptoks = allTokensOf(p);
  const hasToken = (t: TokenType) => ptoks.some((x) => x.tokenType === t);
  let kind: SentenceKind;
  const extra: { -readonly [P in keyof Draft]?: Draft[P] } = {};
  switch (p.name) {
    case 'forfald':
      kind = 'forfald';
      if (has('Meldt')) extra.apologies = true;
      break;
    case 'apologies':
      kind = 'forfald';
      extra.apologies = true;
      break;
    case 'deltog':
      if (forNode) kind = 'substitute';
      else if (!has('Ikke')) kind = 'guest';
      // `deltog ikke i mødet`: absent for the whole meeting.
      else kind = !itemsNode && hasToken(K.modet) ? 'forfald' : 'absent';
      break;
    case 'varClause':
      if (has('Forhindret')) kind = 'forfald';
      else if (has('Inhabil')) kind = 'inhabil';
      else if (forNode) kind = 'substitute';
      else kind = 'absent';
      break;
    case 'substitute':
      kind = forNode ? 'substitute' : 'absent';
      break;
    case 'declared':
      kind = forNode ? 'substitute' : 'inhabil';
      break;
    case 'left': {
      kind = 'left';
      const item = find(p, 'item');
      const num = item ? toks(item, 'Number')[0] : undefined;
      if (num) {
        extra.leftAfterItem = textNode(ctx, num.startOffset, num.startOffset + num.image.length);
        extra.leftWhen = has('Foer') ? 'before' : has('Under') ? 'during' : 'after';
      }
      break;
    }
    case 'inhabil':
    case 'told':
      kind = 'inhabil';
      break;
    case 'councilWish': {
      // `ønskede … sagen i byrådet …` must actually mention the council.
      const words = [...ptoks].sort((a, b) => a.startOffset - b.startOffset).map((t) => t.image.toLowerCase());
      const at = words.findIndex((w, i) => w === 'sagen' && words[i + 1] === 'i' && /^byråd/.test(words[i + 2] ?? ''));
      if (at < 0) return undefined;
      kind = 'council-request';
      break;
    }
    default:
      kind = 'council-request';
  }
  if (kind === 'substitute' && forNode) extra.substitutedFor = forPerson(ctx, forNode);
  if (refs && (kind === 'absent' || kind === 'inhabil')) extra.items = refs;
  if (kind === 'absent' && !refs && (hasToken(K.sagens) || hasToken(K.punktet) || hasToken(K.dette))) extra.thisItem = true;
  if (kind === 'inhabil') {
    const free = find(p, 'free');
    if (free) {
      const [fs, fe] = span(free);
      const text = ctx.inline.text.slice(ctx.base + fs, ctx.base + fe).replace(/\.$/, '');
      extra.subject = textNode(ctx, fs, fs + text.length);
    }
  }
  return { ...base, kind, ...extra };
}

function voteDraft(ctx: Ctx, voteNode: CstNode): Draft {
  const c = voteNode.children as Children;
  const kind: SentenceKind = c.VoteFor ? 'vote-for' : c.VoteAgainst ? 'vote-against' : 'vote-abstain';
  const listNode = subs(voteNode, 'nameList')[0];
  const [s, e] = span(voteNode);
  const names: NameList = listNode
    ? nameListOf(ctx, listNode, e).list
    : { names: [], range: rangeOfText(ctx.inline, ctx.lines, ctx.base + e, ctx.base + e) };
  const num = toks(voteNode, 'Number')[0];
  const count = num
    ? {
        value: parseInt(num.image, 10),
        range: rangeOfText(ctx.inline, ctx.lines, ctx.base + num.startOffset, ctx.base + num.startOffset + num.image.length),
      }
    : undefined;
  return { kind, names, count, span: [s, e] };
}

function clauseDraft(ctx: Ctx, clause: CstNode): Draft | undefined {
  const vote = sub(clause, 'vote');
  if (vote) return voteDraft(ctx, vote);
  const label = sub(clause, 'label');
  if (label) return labelDraft(ctx, label);
  return statementDraft(ctx, sub(clause, 'statement')!);
}

function finish(ctx: Ctx, d: Draft, end: number): ControlledSentence {
  // The draft's fields in their order, without `span` and those left undefined.
  const out: Record<string, unknown> = { type: 'sentence' };
  for (const key in d) {
    const v = d[key as keyof Draft];
    if (key !== 'span' && v !== undefined) out[key] = v;
  }
  out.range = rangeOfText(ctx.inline, ctx.lines, ctx.base + d.span[0], ctx.base + end);
  return out as unknown as ControlledSentence;
}

/**
 * Parses `tokens` (offsets relative to `base` in inline.text) as one sentence: its clauses, or
 * undefined. `end` is where the last clause ends (relative to `base`).
 */
function parseTokens(
  inline: InlineText,
  lines: LineIndexLike,
  base: number,
  tokens: IToken[],
  end: number,
  lineStarts: ReadonlySet<number>,
  failedAt?: { offset: number },
): ControlledSentence[] | undefined {
  if (tokens.length === 0) return undefined;
  const cst = run(() => {
    sentenceGrammar.lineStarts = lineStarts;
    sentenceGrammar.input = tokens;
    return sentenceGrammar.sentence();
  });
  if (sentenceGrammar.errors.length) {
    if (failedAt) failedAt.offset = sentenceGrammar.errors[0]!.token.startOffset;
    return undefined;
  }
  const ctx: Ctx = { inline, lines, base };
  const drafts: Draft[] = [];
  for (const c of subs(cst, 'clause')) {
    const d = clauseDraft(ctx, c);
    if (!d) return undefined;
    drafts.push(d);
  }
  return drafts.map((d, i) => finish(ctx, d, i === drafts.length - 1 ? end : d.span[1]));
}

const NO_LINES: ReadonlySet<number> = new Set();

/**
 * Runs the parser. Most candidate sentences are ordinary text, and Chevrotain reports a failed
 * parse with an exception: its stack trace is not needed, and capturing it is most of the cost.
 */
function run<T>(parse: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse();
  } finally {
    Error.stackTraceLimit = limit;
    sentenceGrammar.lineStarts = NO_LINES;
  }
}
const LABELS = new Set<TokenType>([K.FravCap, K.AfbudCap, K.IkkeCap, K.SubLabel]);
/** Tokens a clause can start with: a name, a label, a vote. */
const CLAUSE_START = new Set<TokenType>([CapWord, Initial, ...CAPITAL_KEYWORDS]);

/** Label clauses standing inside a longer text (`… Fraværende: A (V) Indholdsfortegnelse …`). */
function parseLabels(inline: InlineText, lines: LineIndexLike, base: number, tokens: IToken[], lineStarts: ReadonlySet<number>): ControlledSentence[] {
  const out: ControlledSentence[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!LABELS.has(tokens[i]!.tokenType)) continue;
    // Only a label written as one, with its colon or dash: `Fraværende:`, `Ikke til stede:`.
    const sepAt = tokens.slice(i + 1, i + 5).findIndex((t) => t.tokenType === Colon || t.tokenType === Dash);
    if (sepAt < 0) continue;
    const cst = run(() => {
      sentenceGrammar.lineStarts = lineStarts;
      sentenceGrammar.input = tokens.slice(i);
      return sentenceGrammar.labelOnly();
    });
    const errs = sentenceGrammar.errors;
    if (errs.length > 1 || (errs.length === 1 && errs[0]!.name !== 'NotAllInputParsedException')) continue;
    const ctx: Ctx = { inline, lines, base };
    const d = labelDraft(ctx, sub(cst, 'label')!);
    if (!d || d.names.names.length === 0) continue;
    out.push(finish(ctx, d, d.span[1]));
    i += allTokensOf(cst).length - 1;
  }
  return out;
}

/**
 * Offsets into inline.text where a new source line begins. An indented line continues the one
 * before it (as a header field's value does) and is not counted.
 */
function lineStartsOf(inline: InlineText, lines: LineIndexLike): number[] {
  const out: number[] = [];
  const segs = inline.segments;
  for (let k = 1; k < segs.length; k++) {
    const prev = segs[k - 1]!;
    const cur = segs[k]!;
    const at = lines.position(cur.sourceOffset);
    if (at.line > lines.position(prev.sourceOffset + Math.max(0, prev.length - 1)).line && at.character === 0) out.push(cur.textOffset);
  }
  return out;
}

/** At most this many lines of one sentence are joined when the sentence as a whole is not a note. */
const MAX_LINES = 4;
/** The sentence parser's lookahead (maxLookahead), with one token to spare. */
const LOOKAHEAD = 5;

/** The index of the first token at or after `offset` (tokens.length when none; Infinity stays). */
function indexAt(tokens: readonly IToken[], offset: number): number {
  if (offset === Infinity) return Infinity;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.startOffset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Finds the controlled sentences in an inline text. Sentences that do not match the
 * grammar exactly are ordinary text and are skipped. A sentence is the text up to a
 * period; where the whole is not a note, the lines it spans are tried (a note may stand on
 * its own line without a period, as published minutes often write it), and labels inside it.
 * Each sentence is lexed once; the lines are token ranges of it.
 */
export function parseSentences(inline: InlineText, lines: LineIndexLike): ControlledSentence[] {
  const masked = maskComments(inline.text, true);
  if (!TRIGGER.test(masked)) return [];
  const out: ControlledSentence[] = [];
  const starts = lineStartsOf(inline, lines);
  for (const [s, e] of splitSentences(masked)) {
    const raw = masked.slice(s, e);
    if (!TRIGGER.test(raw)) continue;
    const lead = raw.length - raw.trimStart().length;
    const body = raw.slice(lead).trimEnd();
    if (!body) continue;
    const base = s + lead;
    const tokens = lexSentence(body);
    if (!tokens || tokens.length === 0) continue;
    // A name does not run across a line break (only onto an indented continuation line).
    const rel = new Set(starts.filter((o) => o > base && o < base + body.length).map((o) => o - base));
    const failed = { offset: -1 };
    const whole = CLAUSE_START.has(tokens[0]!.tokenType) ? parseTokens(inline, lines, base, tokens, body.length, rel, failed) : undefined;
    if (whole) {
      for (const x of whole) out.push(x);
      continue;
    }
    // The lines of the sentence, as token ranges, tried as groups of up to MAX_LINES lines, longest first.
    const cuts = [0];
    tokens.forEach((t, k) => {
      if (k > 0 && rel.has(t.startOffset)) cuts.push(k);
    });
    cuts.push(tokens.length);
    const found: ControlledSentence[] = [];
    const pieces = cuts.length - 1;
    if (pieces > 1) {
      let i = 0;
      while (i < pieces) {
        let next = i + 1;
        const first = tokens[cuts[i]!]!;
        if (CLAUSE_START.has(first.tokenType)) {
          // Where a longer group failed: a shorter one that still holds that token (and the
          // parser's lookahead after it) fails the same way and is not tried.
          let failedAt = i === 0 && failed.offset >= 0 ? failed.offset : Infinity;
          for (let j = Math.min(pieces - 1, i + MAX_LINES - 1); j >= i; j--) {
            // A group that ends at a line break must be followed by a line that starts a new sentence.
            const after = tokens[cuts[j + 1]!];
            if (after && !CLAUSE_START.has(after.tokenType) && after.tokenType !== NumberTok) continue;
            const lastIndex = cuts[j + 1]! - 1;
            if (lastIndex - LOOKAHEAD > indexAt(tokens, failedAt)) continue;
            const group = tokens.slice(cuts[i]!, cuts[j + 1]!);
            const last = group[group.length - 1]!;
            const end = last.startOffset + last.image.length;
            if (!TRIGGER.test(body.slice(first.startOffset, end))) continue;
            const at = { offset: -1 };
            const got = parseTokens(inline, lines, base, group, end, rel, at);
            if (!got && !isNaN(at.offset) && at.offset >= 0) failedAt = Math.min(failedAt, at.offset);
            if (got) {
              for (const x of got) found.push(x);
              next = j + 1;
              break;
            }
          }
        }
        i = next;
      }
    }
    if (found.length === 0) for (const x of parseLabels(inline, lines, base, tokens, rel)) found.push(x);
    for (const x of found) out.push(x);
  }
  return out;
}

/**
 * The names of a block that holds only names (the line after a `Fraværende` label):
 * `A (V)`, `A, B og C`, one name per line. Undefined when the text is anything else.
 */
export function parseNamesBlock(inline: InlineText, lines: LineIndexLike): NameList | undefined {
  const masked = maskComments(inline.text, true);
  const lead = masked.length - masked.trimStart().length;
  const body = masked.slice(lead).trimEnd().replace(/\.$/, '');
  if (!body || /^ingen$/i.test(body)) return body ? { names: [], range: inline.range } : undefined;
  const label = `Fraværende: ${body}`;
  const shift = 'Fraværende: '.length;
  const lexed = { tokens: lexSentence(label) ?? [] };
  const starts = new Set(lineStartsOf(inline, lines).map((o) => o - lead + shift));
  // One name per line: a line break separates names as a comma does.
  const tokens: IToken[] = [];
  for (const t of lexed.tokens) {
    if (starts.has(t.startOffset) && tokens.length > 2 && tokens[tokens.length - 1]!.tokenType !== Comma && tokens[tokens.length - 1]!.tokenType !== K.og) {
      tokens.push({ ...t, image: ',', tokenType: Comma, startOffset: t.startOffset - 1, endOffset: t.startOffset - 1 } as IToken);
    }
    tokens.push(t);
  }
  sentenceGrammar.lineStarts = starts;
  sentenceGrammar.input = tokens;
  const cst = sentenceGrammar.labelOnly();
  sentenceGrammar.lineStarts = new Set();
  if (sentenceGrammar.errors.length) return undefined;
  const node = sub(sub(cst, 'label')!, 'absentLabel');
  const listNode = sub(sub(node, 'absentNames'), 'nameList');
  if (!listNode) return undefined;
  // Map back: offsets in `label` minus shift plus lead are offsets into inline.text.
  const ctx: Ctx = { inline, lines, base: lead - shift };
  return namesOf(ctx, subs(listNode, 'entry'), listNode).list;
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

/** `(stedfortræder: B)` or `(afbud)` after a name in a field (spec §6.1). */
const FIELD_NOTE = /\s*\((?:(?:stedfortrædere?|suppleant(?:er)?)\s*:\s*([^()]+?)|afbud)\s*\)\s*$/iu;

function personAt(inline: InlineText, lines: LineIndexLike, masked: string, s: number, e: number, pairs?: Pair[]): PersonName | undefined {
  const note = FIELD_NOTE.exec(masked.slice(s, e));
  let substitute: [number, number] | undefined;
  if (note) {
    if (note[1]) {
      const at = s + note.index + note[0].indexOf(note[1]);
      substitute = [at, at + note[1].length];
    }
    e = s + note.index;
  }
  const person = personAt0(inline, lines, masked, s, e);
  if (person && substitute && pairs) {
    const other = personAt0(inline, lines, masked, substitute[0], substitute[1]);
    if (other) pairs.push({ substitute: other, for: person });
  }
  return person;
}

function personAt0(inline: InlineText, lines: LineIndexLike, masked: string, s: number, e: number): PersonName | undefined {
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
export function parseNameListField(inline: InlineText, lines: LineIndexLike, substitutes?: { substitute: PersonName; for: PersonName }[]): NameList {
  const masked = maskComments(inline.text, true);
  const names: PersonName[] = [];
  for (const [s, e] of namePieces(masked)) {
    const p = personAt(inline, lines, masked, s, e, substitutes);
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
