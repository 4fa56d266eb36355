/**
 * Published minutes as text (extracted from PDFs or Word) → referat markup.
 *
 * Both shapes of the seeds are read: with Markdown-ish leftovers (`#` headings, `**bold**`,
 * `<b>` tags, escaped `\_`, tab-separated tables, a table of contents with page numbers)
 * and as bare lines without any markup (`Punkt 14: …`, `Resume`, `Indstilling` alone on a
 * line). What the tools generate (table of contents, page artefacts) is dropped; text that
 * cannot be placed is kept as a comment and reported as a warning. Pure: no I/O.
 */
import { HEADER_FIELD_WORDS, parseDecisionHeading, SECTION_WORDS as SECTION_VOCABULARY } from '../model/vocabulary.js';
import { detectProfile } from './detect.js';

export { detectProfile };

export interface ImportWarning {
  /** 1-based line of the input. */
  readonly line: number;
  readonly message: { readonly da: string; readonly en: string };
}

export interface ImportResult {
  readonly markup: string;
  readonly warnings: ImportWarning[];
  /** The detected (or given) house style. */
  readonly profile: string;
}

export interface ImportOptions {
  /** House-style profile to record; detected when absent. */
  readonly profile?: string;
  /**
   * Heading lines the layout of a PDF or Word document marks (bold, larger, a heading style):
   * 0-based line of the input → level (0 or 1 = most prominent). Hints for the structural
   * recogniser; plain text has none.
   */
  readonly headings?: ReadonlyMap<number, number>;
}

/** The markup's header labels (and their accepted aliases), as the vocabulary names them. */
const HEADER_FIELDS = HEADER_FIELD_WORDS.flatMap((w) => [w.name, ...w.aliases]);
const KLE = /^\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d+-\d{2}$/;
const KLE_LOOSE = /^\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ0-9]{1,3}-\d+-\d{2}$/;
const SHORT = /^\d{2}\/\d{1,7}$/;

/** The markup's own section kinds (spec §4, and the further ones a configuration names there): the Randers-form text is read with these. */
const MARKUP_KINDS = new Set(['resume', 'indstilling', 'beslutning', 'sagsfremstilling', 'oekonomi', 'bilag', 'hoering', 'kommunikation', 'tidsplan', 'lovgrundlag']);

/** Section headings of the markup's kinds (lower case → as written), from the vocabulary. */
const SECTIONS: ReadonlyMap<string, string> = new Map(
  SECTION_VOCABULARY.filter((w) => MARKUP_KINDS.has(w.kind)).flatMap((w) => [w.name, ...w.aliases].map((a) => [a.toLowerCase(), a] as const)),
);

/** `Beslutning <udvalg> den <dato>` and the other forms of a decision heading that start with the word. */
function isDecisionWithBody(heading: string): boolean {
  return /^Beslutning\s/i.test(heading) && parseDecisionHeading(heading)?.committee !== undefined;
}

/**
 * The markup has no escape for `<!--`: published text that contains one (anywhere, not only at
 * the start of a line) would open a comment and hide what follows. It is written `&lt;!--`.
 */
export function escapeCommentOpen(text: string): string {
  return text.replace(/<!--/g, '&lt;!--');
}

/** Removes extraction leftovers from a line: `<b>`/`<i>` tags become `**`/`*`, `\_` becomes `_`; `<!--` is escaped. */
function cleanInline(line: string): string {
  return escapeCommentOpen(line)
    .replace(/<\/?b>/gi, '**')
    .replace(/<\/?strong>/gi, '**')
    .replace(/<\/?i>/gi, '*')
    .replace(/<\/?em>/gi, '*')
    .replace(/\\([_*#|\\[\]()-])/g, '$1')
    .replace(/\u00a0/g, ' ');
}

/** The text of a heading-like line without `#`, `**` and surrounding space. */
function bare(line: string): string {
  let s = line.trim().replace(/^#{1,6}\s+/, '').trim();
  for (let i = 0; i < 2; i++) {
    const m = /^\*\*(.*)\*\*$/.exec(s) ?? /^\*(.*)\*$/.exec(s);
    if (m) s = m[1]!.trim();
  }
  return s.replace(/\s+/g, ' ');
}

function isHeadingLine(line: string): boolean {
  return /^#{1,6}\s/.test(line.trim()) || /^\*\*[^*].*\*\*$/.test(line.trim());
}

/** Makes a line of body text safe in the markup: nothing in it may read as structure. */
function escapeBody(line: string): string {
  if (/^\s*#{1,6}(\s|$)/.test(line)) return line.replace('#', '\\#');
  if (/^\s*\|/.test(line)) return line.replace('|', '\\|');
  if (/^\s*<!--/.test(line)) return line.replace('<!--', '&lt;!--');
  return line;
}

function tableRow(cells: string[]): string {
  return `| ${cells.map((c) => c.trim().replace(/\|/g, '\\|') || ' ').join(' | ')} |`;
}

const ITEM_RE = /^Punkt\s+(\d+[A-Za-z]?(?:\.[0-9A-Za-z]+)*)\s*:\s*(.*)$/;
const isItemLine = (l: string) => ITEM_RE.test(bare(cleanInline(l)));
const isTocHeading = (l: string) => /^Indholdsfortegnelse$/i.test(bare(l));

export function importText(input: string, options: ImportOptions = {}): ImportResult {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\f/g, '\n');
  const profileName = options.profile ?? detectProfile(text);
  const r = new RandersReader(text.split('\n'));
  r.title();
  r.header(profileName);
  r.tableOfContents();
  r.items();
  const markup = r.out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\s+$/, '') + '\n';
  return { markup, warnings: r.warnings, profile: profileName };
}

/** Reads the published text of a Randers referat line by line into markup. */
class RandersReader {
  readonly out: string[] = [];
  readonly warnings: ImportWarning[] = [];
  private i = 0;
  private inItem = false;
  private pendingBlank = false;

  constructor(private readonly lines: readonly string[]) {}

  private warn(line: number, da: string, en: string): void {
    this.warnings.push({ line: line + 1, message: { da, en } });
  }

  private keep(line: number, what: string): void {
    this.out.push(`<!-- import: ${what.replace(/--/g, '- -')} -->`);
    this.warn(line, `Teksten kunne ikke placeres og er bevaret som kommentar: "${what.slice(0, 60)}"`, `Text could not be placed and is kept as a comment: "${what.slice(0, 60)}"`);
  }

  private emit(s: string): void {
    if (this.pendingBlank && this.out[this.out.length - 1] !== '') this.out.push('');
    this.pendingBlank = false;
    this.out.push(s);
  }

  /** The title keyword as the grammar reads it: not followed by a letter or digit of any script. */
  title(): void {
    const lines = this.lines;
    const titleAt = lines.findIndex((l) => /^(REFERAT|DAGSORDEN)(?![\p{L}\p{N}])/u.test(bare(cleanInline(l))));
    if (titleAt < 0) {
      this.warn(0, 'Ingen titel "REFERAT …" fundet; titlen er sat til "REFERAT".', 'No title "REFERAT …" found; the title is set to "REFERAT".');
      this.out.push('# REFERAT');
    } else {
      for (const [k, l] of lines.slice(0, titleAt).entries()) if (l.trim()) this.keep(k, l.trim());
      this.out.push(`# ${bare(cleanInline(lines[titleAt]!))}`);
    }
    this.out.push('');
    this.i = titleAt + 1;
  }

  /** Header fields until the table of contents or the first item; a value may wrap onto the next lines. */
  header(profileName: string): void {
    const { lines } = this;
    const n = lines.length;
    const headerFields: [string, string][] = [];
    while (this.i < n && !isItemLine(lines[this.i]!) && !isTocHeading(lines[this.i]!)) {
      const l = cleanInline(lines[this.i]!).trim();
      if (!l) {
        this.i++;
        continue;
      }
      const m = /^\**\s*([A-ZÆØÅ][\p{L}]+)\s*\**\s*:?\s*\**\s*(.*)$/u.exec(l);
      const name = m ? HEADER_FIELDS.find((f) => f.toLowerCase() === m[1]!.toLowerCase()) : undefined;
      if (m && name) {
        let value = m[2]!.replace(/^[\s:]+/, '').trim();
        // A value that wraps onto the next lines (no blank line, not another field).
        while (this.i + 1 < n && lines[this.i + 1]!.trim() && !isItemLine(lines[this.i + 1]!) && !isTocHeading(lines[this.i + 1]!)) {
          const next = cleanInline(lines[this.i + 1]!).trim();
          const nm = /^\**\s*([A-ZÆØÅ][\p{L}]+)\s*\**\s*:?/u.exec(next);
          if (nm && HEADER_FIELDS.some((f) => f.toLowerCase() === nm[1]!.toLowerCase())) break;
          value = `${value.replace(/\s+$/, '')} ${next}`;
          this.i++;
        }
        headerFields.push([name, value.replace(/\s+/g, ' ').trim()]);
      } else this.keep(this.i, l);
      this.i++;
    }
    for (const [name, value] of headerFields) this.out.push(`${name}: ${value}`);
    if (!headerFields.some(([k]) => k === 'Profil')) this.out.push(`Profil: ${profileName}`);
  }

  /** The table of contents: dropped (the tools generate it); other text in it is kept. */
  tableOfContents(): void {
    const { lines } = this;
    if (this.i >= lines.length || !isTocHeading(lines[this.i]!)) return;
    this.i++;
    while (this.i < lines.length && !isItemLine(lines[this.i]!)) {
      const l = lines[this.i]!.trim();
      if (l && !/\.{3,}\s*\t?\s*\d+\s*$/.test(l) && !/\t\d+\s*$/.test(l)) this.keep(this.i, l);
      this.i++;
    }
  }

  items(): void {
    const { lines } = this;
    while (this.i < lines.length) {
      const raw = cleanInline(lines[this.i]!);
      const l = raw.trim();
      if (!l) {
        this.pendingBlank = true;
        this.i++;
      } else if (/^Side \d+( af \d+)?$/i.test(l)) this.i++; // page artefact
      else if (ITEM_RE.test(bare(raw))) this.itemHeading(ITEM_RE.exec(bare(raw))!);
      else if (!this.inItem) {
        this.keep(this.i, l);
        this.i++;
      } else this.bodyLine(raw);
    }
  }

  /** `Punkt N: Title`, and the case number on the first non-empty line after it. */
  private itemHeading(im: RegExpExecArray): void {
    const { lines } = this;
    this.inItem = true;
    this.out.push('');
    const title = im[2]!.trim() || '(uden titel)';
    this.out.push(`## Punkt ${im[1]}: ${title}`);
    this.pendingBlank = false;
    this.i++;
    let j = this.i;
    while (j < lines.length && !lines[j]!.trim()) j++;
    const cand = j < lines.length ? bare(cleanInline(lines[j]!)).replace(/\s+-\s*$/, '').trim() : '';
    if (KLE.test(cand) || KLE_LOOSE.test(cand) || SHORT.test(cand)) {
      this.out.push(`Sagsnr: ${cand}`);
      this.i = j + 1;
    }
    if (/^lukket\b/i.test(title)) this.out.push('Lukket: ja');
    this.pendingBlank = true;
  }

  /** A line of an item: a section heading, a sub-heading, a table, a list point or text. */
  private bodyLine(raw: string): void {
    // Section headings: a known name alone on a line (with or without # and **).
    const b = bare(raw);
    const known = SECTIONS.get(b.toLowerCase().replace(/:$/, ''));
    if (known || isDecisionWithBody(b)) {
      this.pendingBlank = true;
      this.emit(`### ${known ?? b}`);
      this.i++;
      return;
    }
    if (isHeadingLine(raw)) {
      this.pendingBlank = true;
      this.emit(`#### ${b}`);
      this.pendingBlank = true;
      this.i++;
      return;
    }
    if (raw.includes('\t')) return this.table();
    // Bullets: •, –, -, * at the start of a line.
    const bullet = /^\s*[•●▪◦–-]\s+(.*)$/.exec(raw);
    const ordered = /^\s*(\d{1,3})[.)]\s+(.*)$/.exec(raw);
    if (bullet) this.emit(`- ${bullet[1]!.trim()}`);
    else if (ordered) this.emit(`${ordered[1]}. ${ordered[2]!.trim()}`);
    // Markdown hard line breaks (two spaces at the end) join with the next line.
    else this.emit(escapeBody(raw.replace(/\s+$/, '')));
    this.i++;
  }

  /** Tab-separated rows: a pipe table. */
  private table(): void {
    const { lines } = this;
    const rows: string[][] = [];
    while (this.i < lines.length && lines[this.i]!.includes('\t')) {
      rows.push(cleanInline(lines[this.i]!).split('\t'));
      this.i++;
    }
    const width = Math.max(...rows.map((r) => r.length));
    const pad = (r: string[]) => [...r, ...Array<string>(width - r.length).fill('')];
    this.pendingBlank = true;
    this.emit(tableRow(pad(rows[0]!)));
    this.out.push(`|${Array(width).fill('---').join('|')}|`);
    for (const r of rows.slice(1)) this.out.push(tableRow(pad(r)));
    this.pendingBlank = true;
  }
}
