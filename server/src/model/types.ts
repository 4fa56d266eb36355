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
  readonly left: { readonly name: PersonName; readonly afterItem?: string; readonly sentence: ControlledSentence }[];
  readonly inhabil: PersonName[];
  readonly councilRequests: PersonName[];
  readonly substitutes: Substitution[];
  readonly votes: Vote[];
  /** The structured `Fraværende:` item field, if present. */
  readonly absentField?: { readonly field: Field; readonly names: NameList };
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
}
