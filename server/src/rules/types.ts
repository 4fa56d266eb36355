/**
 * The contract between a rule and the engine. A rule is data (meta) plus a pure
 * check over the meeting model; fixes are text edits on the source, so that the CLI
 * (`--fix`) and the language server (quick fixes) apply exactly the same change.
 */
import type { Profile, Severity } from '../config/schema.js';
import type { Meeting } from '../model/types.js';
import type { LineIndexLike, Range } from '../syntax/ast.js';

import type { Localized } from '../i18n.js';

export type { Localized } from '../i18n.js';

export interface TextEdit {
  /** Offsets into the source; `start === end` inserts. */
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface Fix {
  /** What the fix does, shown as the quick-fix title. */
  readonly title: Localized;
  readonly edits: readonly TextEdit[];
  /**
   * The stretch of source the fix depends on beyond its edits (e.g. the whole name list or
   * sentence it adds a name to): `fixAll` never applies two fixes whose scopes meet in one pass.
   */
  readonly scope?: { readonly start: number; readonly end: number };
}

export interface RelatedInfo {
  readonly range: Range;
  readonly message: Localized;
}

/** What a rule reports. The engine adds rule id, severity and the rendered message. */
export interface Report {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly range: Range;
  /** A safe fix, applied by `--fix` and "fix all". */
  readonly fix?: Fix;
  /** Alternative fixes the user may pick (e.g. several "did you mean" names); never applied automatically. */
  readonly suggestions?: readonly Fix[];
  readonly related?: readonly RelatedInfo[];
}

export interface RuleMeta {
  /** Stable kebab-case id, e.g. `missing-decision`. */
  readonly id: string;
  readonly defaultSeverity: Exclude<Severity, 'off'>;
  /** One line: what the rule checks. */
  readonly description: Localized;
  /** Message templates by message id. */
  readonly messages: Readonly<Record<string, Localized>>;
  /** The rule offers safe fixes (`fix`), which `--fix` and "fix all" apply. */
  readonly fixable: boolean;
  /** The rule offers suggestions (alternatives the user picks; never applied automatically). */
  readonly hasSuggestions?: boolean;
  readonly tags?: readonly string[];
  /**
   * What the rule's findings for an item depend on (the engine memoises by it, see
   * engine/incremental.ts). `item`: only that item's text and the header's facts (title,
   * fields, header blocks: kind, committee, date, members, Afbud), the members counted with
   * every substitute (`memberList`), the profile, roster and line ending, never other items or
   * siblings; the engine runs it on a view of the meeting holding one item (whose
   * `substitutions` are all of the meeting's, header's and items') and re-uses its findings
   * while the item's text and those facts do not change. `meeting` (the default): it reads across items (numbering,
   * departures, votes against the members present) and runs on the whole meeting every time,
   * so it must stay cheap (it reads item models, never the text).
   */
  readonly scope?: 'item' | 'meeting';
}

/** What the engine knows about other meetings of the same committee (for cross-file checks). */
export interface MeetingSummary {
  readonly uri: string;
  readonly committee?: string;
  readonly date?: { readonly year: number; readonly month: number; readonly day: number };
  /** Item numbers (integers only) in order. */
  readonly itemNumbers: readonly number[];
}

export interface RuleContext {
  readonly meeting: Meeting;
  readonly source: string;
  readonly lines: LineIndexLike;
  readonly profile: Profile;
  /** The roster from configuration, used when the file names no members. */
  readonly roster?: readonly string[];
  /** Other meetings of the same folder/committee, when the host knows them. */
  readonly siblings?: readonly MeetingSummary[];
  /** The document's own URI. */
  readonly uri?: string;
  /** Line ending to use in inserted text. */
  readonly eol: string;
  report(report: Report): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(ctx: RuleContext): void;
}
