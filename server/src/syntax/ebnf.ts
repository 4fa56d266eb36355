/**
 * Renders the Chevrotain grammars as EBNF, for docs/grammar.md (generated, never
 * written by hand: a test fails when the document and the parser disagree).
 */
import type { ISerializedGast } from 'chevrotain';
import { grammar } from './grammar.js';
import { sentenceGrammarInstance } from './sentences.js';

interface Gast extends ISerializedGast {
  name?: string;
  label?: string;
  definition?: Gast[];
}

function seq(defs: Gast[] | undefined): string {
  return (defs ?? []).map(expr).filter(Boolean).join(' ');
}

function expr(g: Gast): string {
  switch (g.type) {
    case 'NonTerminal':
      return g.name!;
    case 'Terminal':
      return terminalName(g.name!);
    case 'Alternative':
      return seq(g.definition);
    case 'Alternation': {
      const alts = g.definition ?? [];
      // A long choice of single tokens is "any word" (a role, a free § 23 phrase).
      if (alts.length > 12 && alts.every((a) => a.definition?.length === 1 && a.definition[0]!.type === 'Terminal')) return 'ANY_WORD';
      return `( ${alts.map(expr).join(' | ')} )`;
    }
    case 'Option':
      return `[ ${seq(g.definition)} ]`;
    case 'Repetition':
      return `{ ${seq(g.definition)} }`;
    case 'RepetitionMandatory':
      return `${wrap(seq(g.definition))}+`;
    default:
      return seq(g.definition);
  }
}

function wrap(s: string): string {
  return s.includes(' ') ? `( ${s} )` : s;
}

/** Token names as EBNF terminals: keywords as quoted words, token classes in capitals. */
function terminalName(name: string): string {
  const keywordText: Record<string, string> = {
    PunktKeyword: '"Punkt"',
    ItemColon: '":"',
    Comma: '","',
    Period: '"."',
    Colon: '":"',
    LParen: '"("',
    RParen: '")"',
    VoteFor: '"For"',
    VoteAgainst: '"Imod"',
    VoteAbstain: '"Undlod"',
    Fravaerende: '"fraværende"',
    Modte: '"mødte"',
    Stedfortraeder: '"stedfortræder"',
    Modet: '"mødet"',
    Erklaerede: '"erklærede"',
    Begaerede: '"begærede"',
    Byraadet: '"byrådet"',
    Onskede: '"ønskede"',
  };
  if (keywordText[name]) return keywordText[name]!;
  if (name === 'I') return '"i"';
  if (/^[A-Z][a-z]+$/.test(name) && !['Newline', 'Text', 'Comment', 'Inline', 'Indent', 'Number', 'Other', 'Initial'].includes(name)) {
    return `"${name.toLowerCase()}"`;
  }
  return name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

export function toEbnf(rules: Gast[]): string {
  const width = Math.max(...rules.map((r) => r.name!.length));
  return rules.map((r) => `${r.name!.padEnd(width)} ::= ${seq(r.definition)} ;`).join('\n');
}

export function grammarReference(): string {
  const block = toEbnf(grammar.getSerializedGastProductions() as Gast[]);
  const sentences = toEbnf(sentenceGrammarInstance.getSerializedGastProductions() as Gast[]);
  return `# The referat grammar

Generated from the Chevrotain parsers (\`server/src/syntax/grammar.ts\` and
\`server/src/syntax/sentences.ts\`) by \`npm run docs:grammar\`; a test fails when this file
and the parsers disagree. Notation: \`[ x ]\` optional, \`{ x }\` zero or more, \`x+\` one or
more, \`|\` alternatives.

## Tokens of the block grammar

The lexer is line-oriented. Markers are recognised only at the start of a line:

| token | what it matches |
| --- | --- |
| \`H1\` … \`H4\` | \`#\`, \`##\`, \`###\`, and \`####\` to \`######\`, followed by a space or the end of the line |
| \`"Punkt"\`, \`ITEM_NUMBER\`, \`":"\` | only right after \`##\`: \`Punkt 123:\` (numbers may be alphanumeric: \`1.a\`); the house styles' \`Punkt 123 Titel\`, \`Punkt 123. Titel\` and \`123. Titel\` too (the \`":"\` is then \`.\`, \`)\` or absent) |
| \`TITLE_KEYWORD\` | only right after \`#\`: \`REFERAT\` or \`DAGSORDEN\` |
| \`FIELD_NAME\` | \`Name:\` at the start of a line: a capitalised word and up to three more, then a colon |
| \`BULLET_MARKER\` | \`-\`, \`*\`, \`+\` or \`•\` followed by a space (indentation gives nesting) |
| \`ORDERED_MARKER\` | \`1.\` or \`1)\` followed by a space |
| \`TABLE_ROW\` | a line starting with \`|\` (cells are split by the tree builder) |
| \`INDENT\` | leading spaces or tabs of a line with content (a continuation line) |
| \`COMMENT\` | \`<!-- … -->\`, over several lines; unterminated, it ends at the line end (and is reported) |
| \`TEXT\` | the rest of a line up to a comment |
| \`INLINE\` | \`TEXT\` or \`COMMENT\` (a token category: the content of a line) |
| \`NEWLINE\` | LF, CRLF or CR |

## Block grammar

\`\`\`ebnf
${block}
\`\`\`

Where the grammar allows several readings (a \`Name:\` line right after an item heading is
a field, later it is a paragraph), the first alternative listed wins.

## Controlled sentences (spec §6)

Applied to the paragraphs and list items of a \`Beslutning\` section. A sentence that
does not match exactly is ordinary text. Words are case-sensitive; names are
capitalised words (\`CAP_WORD\`) or initials (\`P.\`); \`ANY_WORD\` is any word, number or
sign but a comma or a period.

\`\`\`ebnf
${sentences}
\`\`\`
`;
}
