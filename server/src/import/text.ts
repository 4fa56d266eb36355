/**
 * Published minutes as text (extracted from PDFs or Word) → referat markup.
 *
 * Both shapes of the seeds are read: with Markdown-ish leftovers (`#` headings, `**bold**`,
 * `<b>` tags, escaped `\_`, tab-separated tables, a table of contents with page numbers)
 * and as bare lines without any markup (`Punkt 14: …`, `Resume`, `Indstilling` alone on a
 * line). What the tools generate (table of contents, page artefacts) is dropped; text that
 * cannot be placed is kept as a comment and reported as a warning. Pure: no I/O.
 */
import { builtinProfiles } from '../config/profiles.js';
import type { Profile } from '../config/schema.js';
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

interface State {
  out: string[];
  warnings: ImportWarning[];
}

export function importText(input: string, options: ImportOptions = {}): ImportResult {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\f/g, '\n');
  const lines = text.split('\n');
  const st: State = { out: [], warnings: [] };
  const profileName = options.profile ?? detectProfile(text);
  const profile: Profile | undefined = builtinProfiles[profileName];
  void profile;

  let i = 0;
  const n = lines.length;
  const warn = (line: number, da: string, en: string) => st.warnings.push({ line: line + 1, message: { da, en } });
  const keep = (line: number, what: string) => {
    st.out.push(`<!-- import: ${what.replace(/--/g, '- -')} -->`);
    warn(line, `Teksten kunne ikke placeres og er bevaret som kommentar: "${what.slice(0, 60)}"`, `Text could not be placed and is kept as a comment: "${what.slice(0, 60)}"`);
  };

  // ── Title ──
  // The title keyword as the grammar reads it: not followed by a letter or digit of any script.
  let titleAt = lines.findIndex((l) => /^(REFERAT|DAGSORDEN)(?![\p{L}\p{N}])/u.test(bare(cleanInline(l))));
  const before = titleAt < 0 ? [] : lines.slice(0, titleAt);
  if (titleAt < 0) {
    warn(0, 'Ingen titel "REFERAT …" fundet; titlen er sat til "REFERAT".', 'No title "REFERAT …" found; the title is set to "REFERAT".');
    st.out.push('# REFERAT');
    titleAt = -1;
  } else {
    for (const [k, l] of before.entries()) if (l.trim()) keep(k, l.trim());
    st.out.push(`# ${bare(cleanInline(lines[titleAt]!))}`);
  }
  st.out.push('');
  i = titleAt + 1;

  // ── Header block: fields until the table of contents or the first item ──
  const itemRe = /^Punkt\s+(\d+[A-Za-z]?(?:\.[0-9A-Za-z]+)*)\s*:\s*(.*)$/;
  const isItemLine = (l: string) => itemRe.test(bare(cleanInline(l)));
  const isTocHeading = (l: string) => /^Indholdsfortegnelse$/i.test(bare(l));
  const headerFields: [string, string][] = [];
  while (i < n && !isItemLine(lines[i]!) && !isTocHeading(lines[i]!)) {
    const raw = cleanInline(lines[i]!);
    const l = raw.trim();
    if (!l) {
      i++;
      continue;
    }
    const m = /^\**\s*([A-ZÆØÅ][\p{L}]+)\s*\**\s*:?\s*\**\s*(.*)$/u.exec(l);
    const name = m ? HEADER_FIELDS.find((f) => f.toLowerCase() === m[1]!.toLowerCase()) : undefined;
    if (m && name) {
      let value = m[2]!.replace(/^[\s:]+/, '').trim();
      // A value that wraps onto the next lines (no blank line, not another field).
      while (i + 1 < n && lines[i + 1]!.trim() && !isItemLine(lines[i + 1]!) && !isTocHeading(lines[i + 1]!)) {
        const next = cleanInline(lines[i + 1]!).trim();
        const nm = /^\**\s*([A-ZÆØÅ][\p{L}]+)\s*\**\s*:?/u.exec(next);
        if (nm && HEADER_FIELDS.some((f) => f.toLowerCase() === nm[1]!.toLowerCase())) break;
        value = `${value.replace(/\s+$/, '')} ${next}`;
        i++;
      }
      headerFields.push([name, value.replace(/\s+/g, ' ').trim()]);
    } else keep(i, l);
    i++;
  }
  for (const [name, value] of headerFields) st.out.push(`${name}: ${value}`);
  if (!headerFields.some(([k]) => k === 'Profil')) st.out.push(`Profil: ${profileName}`);

  // ── Table of contents: dropped (the tools generate it) ──
  if (i < n && isTocHeading(lines[i]!)) {
    i++;
    while (i < n && !isItemLine(lines[i]!)) {
      const l = lines[i]!.trim();
      if (l && !/\.{3,}\s*\t?\s*\d+\s*$/.test(l) && !/\t\d+\s*$/.test(l)) keep(i, l);
      i++;
    }
  }

  // ── Items ──
  let inItem = false;
  let pendingBlank = false;
  const emit = (s: string) => {
    if (pendingBlank && st.out[st.out.length - 1] !== '') st.out.push('');
    pendingBlank = false;
    st.out.push(s);
  };
  while (i < n) {
    const raw = cleanInline(lines[i]!);
    const l = raw.trim();
    if (!l) {
      pendingBlank = true;
      i++;
      continue;
    }
    if (/^Side \d+( af \d+)?$/i.test(l)) {
      i++;
      continue; // page artefact
    }
    const im = itemRe.exec(bare(raw));
    if (im) {
      inItem = true;
      st.out.push('');
      const title = im[2]!.trim() || '(uden titel)';
      st.out.push(`## Punkt ${im[1]}: ${title}`);
      pendingBlank = false;
      i++;
      // The case number is the first non-empty line after the heading.
      let j = i;
      while (j < n && !lines[j]!.trim()) j++;
      const cand = j < n ? bare(cleanInline(lines[j]!)).replace(/\s+-\s*$/, '').trim() : '';
      if (KLE.test(cand) || KLE_LOOSE.test(cand) || SHORT.test(cand)) {
        st.out.push(`Sagsnr: ${cand}`);
        i = j + 1;
      }
      if (/^lukket\b/i.test(title)) st.out.push('Lukket: ja');
      pendingBlank = true;
      continue;
    }
    if (!inItem) {
      keep(i, l);
      i++;
      continue;
    }
    // Section headings: a known name alone on a line (with or without # and **).
    const b = bare(raw);
    const known = SECTIONS.get(b.toLowerCase().replace(/:$/, ''));
    if (known || isDecisionWithBody(b)) {
      pendingBlank = true;
      emit(`### ${known ?? b}`);
      pendingBlank = false;
      i++;
      continue;
    }
    if (isHeadingLine(raw)) {
      pendingBlank = true;
      emit(`#### ${b}`);
      pendingBlank = true;
      i++;
      continue;
    }
    // Tab-separated rows: a pipe table.
    if (raw.includes('\t')) {
      const rows: string[][] = [];
      while (i < n && lines[i]!.includes('\t')) {
        rows.push(cleanInline(lines[i]!).split('\t'));
        i++;
      }
      const width = Math.max(...rows.map((r) => r.length));
      const pad = (r: string[]) => [...r, ...Array(width - r.length).fill('')];
      pendingBlank = true;
      emit(tableRow(pad(rows[0]!)));
      st.out.push(`|${Array(width).fill('---').join('|')}|`);
      for (const r of rows.slice(1)) st.out.push(tableRow(pad(r)));
      pendingBlank = true;
      continue;
    }
    // Bullets: •, –, -, * at the start of a line.
    const bullet = /^\s*[•●▪◦–-]\s+(.*)$/.exec(raw);
    if (bullet) {
      emit(`- ${bullet[1]!.trim()}`);
      i++;
      continue;
    }
    const ordered = /^\s*(\d{1,3})[.)]\s+(.*)$/.exec(raw);
    if (ordered) {
      emit(`${ordered[1]}. ${ordered[2]!.trim()}`);
      i++;
      continue;
    }
    // Markdown hard line breaks (two spaces at the end) join with the next line.
    emit(escapeBody(raw.replace(/\s+$/, '')));
    i++;
  }
  const markup = st.out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\s+$/, '') + '\n';
  return { markup, warnings: st.warnings, profile: profileName };
}
