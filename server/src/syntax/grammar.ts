/**
 * The block grammar (Chevrotain CST parser). One instance, reused; error recovery on.
 *
 *   document   ::= ( item | heading | section | subheading | field | list | table | paragraph | NL )*
 *   item       ::= H2 "Punkt"? NUMBER ":"? inline* NL? ( field | commentLine | NL )* ( section | subheading | list | table | paragraph | NL )*
 *   commentLine ::= COMMENT+ NL?
 *   section    ::= H3 inline* NL? ( subheading | list | table | paragraph | NL )*
 *   heading    ::= ( H1 TITLE_KEYWORD? | H2 ) inline* NL?
 *   subheading ::= H4 inline* NL?
 *   field      ::= FIELD_NAME inline* NL? ( INDENT inline+ NL? )*
 *   list       ::= listItem+
 *   listItem   ::= ( BULLET | ORDERED ) inline* NL? ( INDENT inline+ NL? )*
 *   table      ::= ( TABLE_ROW NL? )+
 *   paragraph  ::= line+        line ::= ( FIELD_NAME inline* | INDENT inline+ | inline+ ) NL?
 *   inline     ::= TEXT | COMMENT
 *
 * The tree builder (parser.ts) turns the CST into the typed AST. docs/grammar.md is
 * generated from this parser's serialized grammar (`npm run docs:grammar`, test/syntax/grammar-doc.test.ts).
 */
import { CstParser, type CstNode, type IOrAlt, type OrMethodOpts } from 'chevrotain';
import { skipGrammarChecks } from './checks.js';
import {
  allTokens,
  BulletMarker,
  Comment,
  FieldName,
  H1,
  H2,
  H3,
  H4,
  Indent,
  Inline,
  ItemColon,
  ItemNumber,
  Newline,
  OrderedMarker,
  PunktKeyword,
  TableRow,
  Text,
  TitleKeyword,
} from './lexer.js';

export class ReferatGrammar extends CstParser {
  /**
   * The alternatives of each `OR`, made on its first run and reused: written inline they are
   * an array, an object and a closure per alternative at every repetition (megabytes a
   * megabyte of text). Chevrotain's performance guide recommends this; the grammar is the same.
   */
  private readonly alts: Record<string, IOrAlt<unknown>[] | OrMethodOpts<unknown>> = {};

  constructor() {
    super(allTokens, { recoveryEnabled: true, nodeLocationTracking: 'onlyOffset', maxLookahead: 3, skipValidations: skipGrammarChecks });
    this.performSelfAnalysis();
  }

  document = this.RULE('document', () => {
    this.MANY(() => {
      this.OR((this.alts.document ??= {
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { ALT: () => this.SUBRULE(this.item) },
          { ALT: () => this.SUBRULE(this.heading) },
          { ALT: () => this.SUBRULE(this.section) },
          { ALT: () => this.SUBRULE(this.subheading) },
          { ALT: () => this.SUBRULE(this.field) },
          { ALT: () => this.SUBRULE(this.list) },
          { ALT: () => this.SUBRULE(this.table) },
          { ALT: () => this.SUBRULE(this.paragraph) },
          { ALT: () => this.CONSUME(Newline) },
        ],
      }));
    });
  });

  item = this.RULE('item', () => {
    this.CONSUME(H2);
    // The markup's `Punkt 12:`, and the house styles' `Punkt 12 Titel`, `12. Titel` (spec §10).
    this.OPTION2(() => this.CONSUME(PunktKeyword));
    this.CONSUME(ItemNumber);
    this.OPTION3(() => this.CONSUME(ItemColon));
    this.MANY(() => this.CONSUME(Inline));
    this.OPTION(() => this.CONSUME(Newline));
    // Comment lines among the fields (an internal note under the heading) do not end them.
    this.MANY2(() => {
      this.OR((this.alts.itemFields ??= [{ ALT: () => this.SUBRULE(this.field) }, { ALT: () => this.SUBRULE(this.commentLine) }, { ALT: () => this.CONSUME2(Newline) }]));
    });
    this.MANY3(() => {
      this.OR2((this.alts.itemBody ??= {
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { ALT: () => this.SUBRULE(this.section) },
          { ALT: () => this.SUBRULE(this.subheading) },
          { ALT: () => this.SUBRULE(this.list) },
          { ALT: () => this.SUBRULE(this.table) },
          { ALT: () => this.SUBRULE(this.paragraph) },
          { ALT: () => this.CONSUME3(Newline) },
        ],
      }));
    });
  });

  section = this.RULE('section', () => {
    this.CONSUME(H3);
    this.MANY(() => this.CONSUME(Inline));
    this.OPTION(() => this.CONSUME(Newline));
    this.MANY2(() => {
      this.OR((this.alts.sectionBody ??= {
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { ALT: () => this.SUBRULE(this.subheading) },
          { ALT: () => this.SUBRULE(this.list) },
          { ALT: () => this.SUBRULE(this.table) },
          { ALT: () => this.SUBRULE(this.paragraph) },
          { ALT: () => this.CONSUME2(Newline) },
        ],
      }));
    });
  });

  heading = this.RULE('heading', () => {
    this.OR((this.alts.heading ??= [
      {
        ALT: () => {
          this.CONSUME(H1);
          this.OPTION(() => this.CONSUME(TitleKeyword));
        },
      },
      { ALT: () => this.CONSUME(H2) },
    ]));
    this.MANY(() => this.CONSUME(Inline));
    this.OPTION2(() => this.CONSUME(Newline));
  });

  subheading = this.RULE('subheading', () => {
    this.CONSUME(H4);
    this.MANY(() => this.CONSUME(Inline));
    this.OPTION(() => this.CONSUME(Newline));
  });

  field = this.RULE('field', () => {
    this.CONSUME(FieldName);
    this.MANY(() => this.CONSUME(Inline));
    this.OPTION(() => this.CONSUME(Newline));
    this.MANY2(() => this.SUBRULE(this.continuation));
  });

  commentLine = this.RULE('commentLine', () => {
    this.AT_LEAST_ONE(() => this.CONSUME(Comment));
    this.OPTION(() => this.CONSUME(Newline));
  });

  continuation = this.RULE('continuation', () => {
    this.CONSUME(Indent);
    this.AT_LEAST_ONE(() => this.CONSUME(Inline));
    this.OPTION(() => this.CONSUME(Newline));
  });

  list = this.RULE('list', () => {
    this.AT_LEAST_ONE(() => this.SUBRULE(this.listItem));
  });

  listItem = this.RULE('listItem', () => {
    this.OR((this.alts.listMarker ??= [{ ALT: () => this.CONSUME(BulletMarker) }, { ALT: () => this.CONSUME(OrderedMarker) }]));
    this.MANY(() => this.CONSUME(Inline));
    this.OPTION(() => this.CONSUME(Newline));
    this.MANY2(() => this.SUBRULE(this.continuation));
  });

  table = this.RULE('table', () => {
    this.AT_LEAST_ONE(() => {
      this.CONSUME(TableRow);
      this.OPTION(() => this.CONSUME(Newline));
    });
  });

  paragraph = this.RULE('paragraph', () => {
    this.AT_LEAST_ONE(() => this.SUBRULE(this.line));
  });

  line = this.RULE('line', () => {
    this.OR((this.alts.line ??= [
      {
        ALT: () => {
          this.CONSUME(FieldName);
          this.MANY(() => this.CONSUME(Inline));
        },
      },
      {
        ALT: () => {
          this.CONSUME(Indent);
          this.AT_LEAST_ONE(() => this.CONSUME2(Inline));
        },
      },
      { ALT: () => this.AT_LEAST_ONE2(() => this.CONSUME3(Inline)) },
    ]));
    this.OPTION(() => this.CONSUME(Newline));
  });
}

/** The one parser instance (Chevrotain parsers are meant to be reused). */
export const grammar = new ReferatGrammar();

export type { CstNode };
