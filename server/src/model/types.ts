/**
 * The meeting as data, built from the syntax tree and a house-style profile.
 * Everything here points back into the tree (and so into the source) by range.
 */
import type {
  ControlledSentence,
  Document,
  Field,
  Item,
  List,
  ListItem,
  ItemRef,
  NameList,
  PersonName,
  Range,
  Section,
  TextNode,
} from '../syntax/ast.js';

/** Built-in section kinds; a profile may add its own (any other string). */
export type SectionKind =
  | 'resume'
  | 'indstilling'
  | 'beslutning'
  | 'sagsfremstilling'
  | 'oekonomi'
  | 'bilag'
  | (string & {});

export interface MeetingDate {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
  readonly hour?: number;
  readonly minute?: number;
  /** The weekday as written (Danish long form only), with its range. */
  readonly weekday?: { readonly name: string; readonly range: Range };
  /** `iso` = `2024-12-03 16:30`; `long` = `Tirsdag d. 03. december 2024 kl. 16:30`. */
  readonly form: 'iso' | 'long';
  /** False for an impossible date such as 31 February. */
  readonly valid: boolean;
  readonly range: Range;
}

export interface Member {
  readonly name: string;
  readonly party?: string;
  /** Where the member is named in `Mødedeltagere` (or `Stedfortrædere`). */
  readonly declaration: PersonName;
  /** A substitute (from `Stedfortrædere` or a `mødte som stedfortræder` sentence). */
  readonly substitute?: boolean;
}

export interface Substitution {
  readonly substitute: PersonName;
  readonly for: PersonName;
  /**
   * The substitute stands in while the member is inhabil (`B er indkaldt som stedfortræder for A`
   * beside `A er erklæret inhabil …`, kommunestyrelsesloven § 14 stk. 3): the member is not away
   * from the rest of the meeting.
   */
  readonly whileInhabil?: boolean;
}

/** A note about named items: `A deltog ikke under punkterne 12-15`, `A var inhabil i behandlingen af punkt 6`. */
export interface ItemsNote {
  readonly name: PersonName;
  readonly items: readonly ItemRef[];
  readonly sentence: ControlledSentence;
}

/** A numbered or bulleted `at …` point of an Indstilling or a Beslutning. */
export interface Point {
  /** The number written, for ordered lists. */
  readonly number?: number;
  readonly item: ListItem;
  readonly text: string;
  readonly range: Range;
}

export interface SectionModel {
  readonly node: Section;
  /** The canonical kind (alias resolved through the profile), or `unknown`. */
  readonly kind: SectionKind | 'unknown';
  /** The display name of the kind in the profile (`Resumé`), or the heading as written. */
  readonly displayName: string;
  /** For `Beslutning <udvalg> den <dato>`: the committee and date part. */
  readonly decisionBody?: { readonly committee: string; readonly date: string };
  /** True when the section has no content other than comments and whitespace. */
  readonly empty: boolean;
}

export interface Vote {
  readonly sentence: ControlledSentence;
  readonly kind: 'for' | 'against' | 'abstain';
}

export interface Attendance {
  /** All controlled sentences of the item's decision, in source order. */
  readonly sentences: ControlledSentence[];
  /** Names from `havde forfald` sentences. */
  readonly forfald: PersonName[];
  /** Names absent from this item: `deltog ikke …`, `var fraværende`, and the `Fraværende:` field. */
  readonly absent: PersonName[];
  readonly guests: PersonName[];
  /** Members who left: during this item (`under behandlingen`) or after a given item number. */
  readonly left: {
    readonly name: PersonName;
    readonly afterItem?: string;
    /** `efter punkt <n>` (default), `før punkt <n>`, `under behandlingen af punkt <n>`. */
    readonly when?: 'after' | 'before' | 'during';
    readonly sentence: ControlledSentence;
  }[];
  readonly inhabil: PersonName[];
  readonly councilRequests: PersonName[];
  readonly substitutes: Substitution[];
  readonly votes: Vote[];
  /** The structured `Fraværende:` item field, if present. */
  readonly absentField?: { readonly field: Field; readonly names: NameList };
  /** Names noted with apologies: `Afbud: …`, `Der var afbud fra …`, `… (afbud)`, `havde meldt afbud` (also in `forfald` or `absent`). */
  readonly apologies: PersonName[];
  /** Absent from the items a note names (`deltog ikke under punkterne 12-15`), wherever the note stands. */
  readonly absentFromItems: ItemsNote[];
  /** Inhabil for the items a note names (`oplyste, at han var inhabil i behandlingen af punkt 6`). */
  readonly inhabilForItems: ItemsNote[];
  /** Inhabil in cases described in words (`er erklæret inhabil i sager om …`): not tied to an item number. */
  readonly inhabilSubjects: { readonly name: PersonName; readonly subject: TextNode; readonly sentence: ControlledSentence }[];
  /** Substitutes whose absent member is not named (`Stedfortrædere: B`, `Som suppleant deltog B` with no absence beside it). */
  readonly unpairedSubstitutes: PersonName[];
}

/** Attendance as the whole meeting has it, from every place where it is noted (spec §6.1). */
export interface MeetingAttendance {
  /**
   * The header's notes: paragraphs and lists before the first item, remark fields
   * (`Bemærkninger: Afbud fra …`), absence fields besides `Afbud` (`Ikke til stede:`, `Fraværende med afbud:`),
   * and `Stedfortrædere` entries without `for`.
   */
  readonly header: Attendance;
  /**
   * Whether the first item's absence notes (`Fraværende: A`, `A var fraværende`, not `deltog ikke i
   * sagens behandling`) cover the whole meeting: they do where no later item notes anyone absent,
   * that is where the house style notes attendance once, under the first item.
   */
  readonly firstItemCoversMeeting: boolean;
  /**
   * Absent from the whole meeting, wherever noted: `Afbud`/`Fraværende` header fields, the header's
   * notes, `havde forfald` / `deltog ikke i mødet` / `Afbud fra …` in any item, and the first
   * item's notes where they cover the meeting.
   */
  readonly absentFromMeeting: readonly { readonly name: PersonName; readonly apologies: boolean }[];
  /** Every substitution, wherever noted, without duplicates. */
  readonly substitutions: readonly Substitution[];
  /** Every substitute whose absent member is not named. */
  readonly unpairedSubstitutes: readonly PersonName[];
  /** Every note about named items (header and items): absent from those items. */
  readonly absentFromItems: readonly ItemsNote[];
  /** Every note about named items (header and items): inhabil for those items. */
  readonly inhabilForItems: readonly ItemsNote[];
}

export interface ItemModel {
  readonly node: Item;
  /** The meeting's committee and date the model was built for (an earlier decision is told from this meeting's by them). */
  readonly contextKey?: string;
  readonly index: number;
  /** Number as written. */
  readonly number: string;
  /** The number as an integer, when it is one. */
  readonly numeric?: number;
  /** The title with comments removed and spaces normalised. */
  readonly title: string;
  readonly caseNumber?: TextNode;
  readonly caseNumberField?: Field;
  readonly closed: boolean;
  readonly sections: SectionModel[];
  /** The `Indstilling` section (first one). */
  readonly proposalSection?: SectionModel;
  /** The `Beslutning` section (first one). */
  readonly decisionSection?: SectionModel;
  /** The first list of the Indstilling (numbered or bulleted). */
  readonly proposalList?: List;
  readonly proposals: Point[];
  /** The first list of the Beslutning. */
  readonly decisionList?: List;
  readonly decisions: Point[];
  readonly attendance: Attendance;
  /** Item fields other than Sagsnr / Lukket / Fraværende. */
  readonly otherFields: Field[];
}

export interface Meeting {
  readonly document: Document;
  readonly source: string;
  readonly kind: 'REFERAT' | 'DAGSORDEN';
  /** The committee (from `Udvalg`, else from the title). */
  readonly committee?: string;
  /** Period such as `2022-25` or `2013-2021` from the title. */
  readonly period?: string;
  /** Date written in the title (`d. 03-12-2024`). */
  readonly titleDate?: { readonly year: number; readonly month: number; readonly day: number; readonly range: Range };
  readonly date?: MeetingDate;
  readonly dateField?: Field;
  readonly place?: string;
  readonly municipality?: string;
  readonly chair?: string;
  readonly secretary?: string;
  /** The `Profil` header field's value, if any. */
  readonly profileField?: TextNode;
  /** The members: `Mødedeltagere`, plus substitutes. Undefined when there is no `Mødedeltagere`. */
  readonly members?: Member[];
  readonly membersField?: { readonly field: Field; readonly names: NameList };
  readonly afbud: PersonName[];
  readonly afbudField?: { readonly field: Field; readonly names: NameList };
  readonly substitutions: Substitution[];
  readonly fields: Field[];
  readonly items: ItemModel[];
  /** Attendance from the header, the first item and the decisions, read as one (spec §6.1). */
  readonly attendance: MeetingAttendance;
}
