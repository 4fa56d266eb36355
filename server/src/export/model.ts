/**
 * The export document: what every renderer (text, HTML, JSON, PDF, DOCX) draws.
 * It is built once from the meeting model with the house-style profile and the edition
 * applied (see document.ts), so that the renderers never decide what is published:
 * whatever is not in this model cannot leak into any output.
 */

export type Edition = 'public' | 'internal';
export const EDITIONS: readonly Edition[] = ['public', 'internal'];

export type ExportFormat = 'pdf' | 'html' | 'docx' | 'text' | 'json' | 'akn';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['pdf', 'html', 'docx', 'text', 'json', 'akn'];

/** The file extension of each format. */
export const EXTENSIONS: Readonly<Record<ExportFormat, string>> = { pdf: '.pdf', html: '.html', docx: '.docx', text: '.txt', json: '.json', akn: '.akn.xml' };

/** Inline content: plain text, bold, italic and (safe) links. Comments never reach this model. */
export type InlineNode =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'strong'; readonly children: readonly InlineNode[] }
  | { readonly type: 'emphasis'; readonly children: readonly InlineNode[] }
  | { readonly type: 'link'; readonly href: string; readonly children: readonly InlineNode[] };

export interface DocListItem {
  /** The number as written for ordered lists. */
  readonly number?: number;
  readonly content: readonly InlineNode[];
  /** Nested lists. */
  readonly children: readonly DocList[];
}

/** Where a block starts in the source (0-based line), for the editor preview's scroll sync. */
export interface SourceLine {
  readonly line?: number;
}

export interface DocList extends SourceLine {
  readonly type: 'list';
  readonly ordered: boolean;
  readonly items: readonly DocListItem[];
}

export interface DocParagraph extends SourceLine {
  readonly type: 'paragraph';
  readonly content: readonly InlineNode[];
}

/** A sub-heading inside a section (markup level 4 and deeper). */
export interface DocHeading extends SourceLine {
  readonly type: 'heading';
  /** 4, 5, 6 … as in the markup. */
  readonly level: number;
  readonly content: readonly InlineNode[];
}

export type CellAlign = 'left' | 'center' | 'right' | null;

export interface DocTable extends SourceLine {
  readonly type: 'table';
  readonly header?: readonly (readonly InlineNode[])[];
  readonly rows: readonly (readonly (readonly InlineNode[])[])[];
  readonly align: readonly CellAlign[];
}

export type DocBlock = DocParagraph | DocList | DocHeading | DocTable;

export interface DocSection extends SourceLine {
  /** The canonical kind (`resume`, `beslutning` …) or `unknown`. */
  readonly kind: string;
  /** The heading as published: the profile's display name, or `Beslutning <udvalg> den <dato>`. */
  readonly heading: string;
  /** The portal's CSS class for this section (`resume`, `indstilling` …). */
  readonly portalClass?: string;
  readonly blocks: readonly DocBlock[];
}

export interface DocAttachment {
  readonly name: string;
  /** A safe link target, if the bullet was a link. */
  readonly href?: string;
}

export interface DocItem extends SourceLine {
  /** The item number as written (`123`, `1.a`). */
  readonly number: string;
  /** The item heading in the house style (`Punkt 123: Title`, `123. Title`), from the profile's itemHeading. */
  readonly heading?: string;
  readonly title: string;
  readonly caseNumber?: string;
  /** Treated behind closed doors. */
  readonly closed: boolean;
  /** True when the body was left out (a closed item in the public edition). */
  readonly redacted: boolean;
  /** A stable id for anchors and PDF destinations, e.g. `punkt-123`. */
  readonly anchor: string;
  /** Blocks between the item fields and the first section. */
  readonly preamble: readonly DocBlock[];
  /** Sections in house-style order. */
  readonly sections: readonly DocSection[];
  /** Attachments listed in the `Bilag` section. */
  readonly attachments: readonly DocAttachment[];
}

export interface HeaderField {
  /** `Mødedato`, `Mødested`, `Mødedeltagere` … */
  readonly label: string;
  readonly value: string;
  /** 0-based source line of the field (the text export keeps the author's order of fields and notes). */
  readonly line?: number;
}

export interface ExportDocument {
  readonly kind: 'REFERAT' | 'DAGSORDEN';
  readonly edition: Edition;
  /** `REFERAT Beskæftigelsesudvalget d. 03-12-2024`. */
  readonly title: string;
  readonly committee?: string;
  readonly period?: string;
  readonly municipality?: string;
  /** ISO date `2024-12-03`, if known. */
  readonly isoDate?: string;
  /** `03-12-2024`, if known. */
  readonly shortDate?: string;
  /** `Tirsdag d. 03. december 2024 kl. 16:30`, if known. */
  readonly longDate?: string;
  /** `16:30`, if known. */
  readonly time?: string;
  readonly place?: string;
  /** Members as written in `Mødedeltagere` (with party letters). */
  readonly participants: readonly string[];
  /** Members in `Afbud`. */
  readonly absent: readonly string[];
  readonly chair?: string;
  readonly secretary?: string;
  /** The header block as published, in order. */
  readonly header: readonly HeaderField[];
  /** Text of the header that is not a field (meeting notes as some kommuner publish them), comments dropped. */
  readonly notes?: readonly DocBlock[];
  /** Whether the house style prints a table of contents (the profile's `contents`; default true). */
  readonly contents?: boolean;
  /** The case number's label as the house style publishes it (`Sagsnr.`, `Sagsid.`); none: the number alone. */
  readonly caseNumberLabel?: string;
  readonly items: readonly DocItem[];
  /** The document language (BCP 47). */
  readonly lang: 'da';
}

/** Plain text of inline content (for TOCs, metadata, alt texts). */
export function inlineText(nodes: readonly InlineNode[]): string {
  let out = '';
  for (const n of nodes) out += n.type === 'text' ? n.text : inlineText(n.children);
  return out;
}

/** The item heading as the house style writes it (`Punkt 123: Title` when the document has none). */
export function itemHeading(item: DocItem): string {
  return item.heading ?? `Punkt ${item.number}: ${item.title}`;
}

/** The case-number line as the house style publishes it: `Sagsnr.: 24/1502`, or the number alone. */
export function caseNumberLine(doc: Pick<ExportDocument, 'caseNumberLabel'>, caseNumber: string): string {
  const label = doc.caseNumberLabel?.trim();
  return label ? `${label.replace(/\s*:$/, '')}: ${caseNumber}` : caseNumber;
}

/** The running header line: `Beskæftigelsesudvalget 03-12-2024`. */
export function runningHeader(doc: ExportDocument): string {
  return [doc.committee ?? doc.title, doc.shortDate].filter(Boolean).join(' d. ');
}
