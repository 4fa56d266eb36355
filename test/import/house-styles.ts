/**
 * Word documents of minutes in five house styles, written at test time with the `docx`
 * package: invented text, laid out as kommuner publish minutes (running header and footer
 * with page numbers, bold headings, a table of contents with a page column, a title long
 * enough to wrap). Each style comes with what the importer must find in it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path, { basename, join } from 'node:path';
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LeaderType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import { expect } from 'vitest';
import { analyze } from '../../server/src/engine.js';
import { exportReferat } from '../../server/src/export/index.js';
import { loadFonts } from '../export/helpers.js';

export interface ExpectedItem {
  readonly number: string;
  readonly title: string;
  readonly caseNumber: string;
  /** A sentence of this meeting's decision ('' in an agenda: none yet). */
  readonly decision: string;
  /** An earlier committee's decision, kept in the item (not the Beslutning). */
  readonly earlier?: string;
  /** A closed item (`(Lukket)`, `Lukket punkt`). */
  readonly closed?: boolean;
}

export interface HouseStyle {
  readonly name: string;
  readonly date: string;
  readonly items: readonly ExpectedItem[];
  /** Lines the markup must hold as written (header fields, lines the author broke). */
  readonly lines: readonly string[];
  readonly build: () => Document;
}

export const FILLER = [
  'Forvaltningen har undersøgt mulighederne for at forbedre forholdene i området, og der er afholdt møder med grundejerforeningen, skolebestyrelsen og de lokale erhvervsdrivende om de forskellige løsninger.',
  'Projektet gennemføres i to etaper, så trafikken kan afvikles i hele anlægsperioden, og udgifterne fordeles over budgetårene efter den plan, der er beskrevet i notatet om anlægsøkonomi.',
  'Borgerne er orienteret ved et informationsmøde i forsamlingshuset, hvor omkring fyrre deltog, og de bemærkninger, der kom frem, er indarbejdet i det reviderede forslag.',
  'Der er ikke afsat midler i budgettet til driften af de nye arealer, og forvaltningen foreslår derfor, at udgiften dækkes af den eksisterende ramme for vej og park.',
  'Sagen har været drøftet i styregruppen for byudvikling, som anbefaler, at arbejdet sættes i gang efter sommerferien, når de nødvendige tilladelser foreligger.',
  'Kommunens miljøvurdering viser, at projektet ikke vil påvirke naturområderne ved åen væsentligt, men der stilles krav om afvanding og beplantning langs skellet.',
];

/** Paragraphs of invented prose, `n` of them, starting at `from` in the filler. */
function prose(n: number, from: number): string[] {
  return Array.from({ length: n }, (_, k) => FILLER[(from + k) % FILLER.length]!);
}

const p = (text: string, opts: { bold?: boolean; size?: number } = {}) => new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text, bold: opts.bold, size: opts.size })] });
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ heading: level, children: [new TextRun(text)] });
const pageFooter = (prefix: string) =>
  new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [`${prefix}`, PageNumber.CURRENT, ' af ', PageNumber.TOTAL_PAGES] })] })] });
const runningHeader = (text: string) => new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(text)] })] });

/** `Punkt 12: Title` headings (a heading style), `Sagsnr.: …` below, a plain `Beslutning`. */
export const punktStyle: HouseStyle = {
  name: 'punkt',
  date: '2031-09-01',
  lines: ['Mødested: Rådhuset, mødelokale 2', 'Mødedeltagere: Anna Berg (A), Bo Dal (V), Carl Enggaard (F)'],
  items: [
    { number: '12', title: 'Godkendelse af dagsorden', caseNumber: '00.01.00-P35-1-24', decision: 'Dagsordenen blev godkendt.' },
    { number: '13', title: 'Ny cykelsti langs Åvej mellem Bakkegården og stationen', caseNumber: '05.01.02-G01-3-31', decision: 'Indstillingen blev godkendt med den ændring, at stien belyses.' },
    {
      number: '14',
      title: 'Forslag til trafiksikkerhedsplan for perioden 2032-2035 med særlig vægt på skoleveje og de lokale indfaldsveje i landsbyerne',
      caseNumber: '05.13.00-P20-12-30',
      decision: 'Planen sendes i høring i otte uger.',
    },
    { number: '15', title: 'Orientering om vintertjenesten', caseNumber: '82.03.00-A00-2-31', decision: 'Orienteringen blev taget til efterretning.' },
  ],
  build() {
    const children: Paragraph[] = [
      heading('Referat', HeadingLevel.HEADING_1),
      p('Vejudvalget'),
      p('Mødedato: 01-09-2031 kl. 16.00'),
      p('Mødested: Rådhuset, mødelokale 2'),
      p('Deltagere: Anna Berg (A), Bo Dal (V), Carl Enggaard (F)'),
    ];
    this.items.forEach((it, k) => {
      children.push(heading(`Punkt ${it.number}: ${it.title}`, HeadingLevel.HEADING_2), p(`Sagsnr.: ${it.caseNumber}`));
      children.push(p('Sagsfremstilling', { bold: true }), ...prose(k === 1 ? 7 : 4, k).map((t) => p(t)));
      children.push(p('Indstilling', { bold: true }), p('Forvaltningen indstiller,'), p('at forslaget godkendes.'));
      children.push(p('Beslutning', { bold: true }), p(it.decision));
    });
    return new Document({
      sections: [{ headers: { default: runningHeader('Vejudvalget, 01-09-2031') }, footers: { default: pageFooter('Side ') }, children }],
    });
  },
};

/** `1. Title` in bold, the case number on the line before, dated decision headings with a chain. */
export const numberStyle: HouseStyle = {
  name: 'number',
  date: '2031-09-01',
  lines: ['Afbud: Dorte Fisker (C)', 'Direktionen indstiller,', '1. at sagen godkendes, og', '2. at udgiften afholdes af puljen til byudvikling.'],
  items: [
    { number: '1', title: 'Meddelelser', caseNumber: '31/1042', decision: 'Meddelelserne blev taget til efterretning.' },
    {
      number: '2',
      title: 'Budgetopfølgning for andet kvartal',
      caseNumber: '31/877',
      decision: 'Byrådet godkendte indstillingen.',
      earlier: 'Anbefales.',
    },
    { number: '3', title: 'Salg af byggegrunde i Nørremarken, etape 2', caseNumber: '30/15220', decision: 'Salget blev godkendt med 25 stemmer for.' },
    { number: '4', title: 'Udpegning af medlem til bestyrelsen for musikskolen', caseNumber: '31/3318', decision: 'Bente Holm (A) blev udpeget.' },
  ],
  build() {
    const children: Paragraph[] = [
      p('Beslutningsprotokol', { bold: true, size: 32 }),
      p('Byrådet'),
      p('Mødedato: 01-09-2031'),
      p('Mødested: Byrådssalen'),
      p('Fraværende: Dorte Fisker (C)'),
    ];
    this.items.forEach((it, k) => {
      children.push(p(it.caseNumber), p(`${it.number}. ${it.title}`, { bold: true, size: 26 }));
      children.push(p('Sagsfremstilling', { bold: true }), ...prose(k === 0 ? 2 : 5, k + 2).map((t) => p(t)));
      children.push(p('Indstilling', { bold: true }), p('Direktionen indstiller,'), p('1. at sagen godkendes, og'), p('2. at udgiften afholdes af puljen til byudvikling.'));
      if (it.earlier) children.push(p('Beslutning i Økonomiudvalget den 25-08-2031', { bold: true }), p(it.earlier));
      children.push(p('Beslutning i Byrådet den 01-09-2031', { bold: true }), p(it.decision));
    });
    return new Document({
      sections: [{ headers: { default: runningHeader('Byrådet – beslutningsprotokol') }, footers: { default: pageFooter('Side ') }, children }],
    });
  },
};

/**
 * Bold item titles without numbers, larger than the text (the style of the agenda systems'
 * print), a table of contents with dot leaders and page numbers, a title that wraps.
 */
export const boldStyle: HouseStyle = {
  name: 'bold',
  date: '2031-09-01',
  lines: ['Mødested: Rådssalen', 'Mødedeltagere: Anna Berg (A), Bo Dal (V), Carl Enggaard (F), Dorte Fisker (C)'],
  items: [
    { number: '1', title: 'Godkendelse af dagsorden', caseNumber: '31/20451', decision: 'Dagsordenen blev godkendt.' },
    {
      number: '2',
      title: 'Godkendelse af forslag til lokalplan nr. 1042 for et nyt boligområde ved Engvej og Skovbrynet samt tillæg nr. 7 til kommuneplanen',
      caseNumber: '01.02.05-P16-12-30',
      decision: 'Lokalplanforslaget blev vedtaget og sendes i offentlig høring.',
    },
    { number: '3', title: 'Regnskab for det kommunale boligselskab', caseNumber: '31/7790', decision: 'Regnskabet blev godkendt.' },
    { number: '4', title: 'Eventuelt', caseNumber: '31/20460', decision: 'Intet at bemærke.' },
  ],
  build() {
    const toc = (title: string, page: number) =>
      new Paragraph({ tabStops: [{ type: TabStopType.RIGHT, position: 9000, leader: LeaderType.DOT }], children: [new TextRun(`${title}\t${page}`)] });
    const children: Paragraph[] = [
      p('Referat', { bold: true, size: 40 }),
      p('Byrådet'),
      p('Mødetidspunkt: 01-09-2031 kl. 18.00'),
      p('Mødested: Rådssalen'),
      p('Medlemmer:'),
      ...['Anna Berg (A)', 'Bo Dal (V)', 'Carl Enggaard (F)', 'Dorte Fisker (C)'].map((name) => p(name)),
      p('Indholdsfortegnelse', { bold: true }),
      ...this.items.map((it, k) => toc(it.title, k + 2)),
      new Paragraph({ children: [new PageBreak()] }),
    ];
    this.items.forEach((it, k) => {
      children.push(p(it.title, { bold: true, size: 28 }), p(`Sagsnr.: ${it.caseNumber}`));
      children.push(p('Sagsfremstilling', { bold: true }), ...prose(k === 3 ? 1 : 5, k + 4).map((t) => p(t)));
      children.push(p('Indstilling', { bold: true }), p('Administrationen indstiller, at orienteringen tages til efterretning.'));
      // Attachments, one named like a section: text, not a section.
      if (k === 2) children.push(p('Bilag', { bold: true }), p('Indstilling'), p('Kort over området'));
      children.push(p('Beslutning', { bold: true }), p(it.decision));
      if (k < this.items.length - 1) children.push(new Paragraph({ children: [new PageBreak()] }));
    });
    return new Document({
      sections: [{ headers: { default: runningHeader('Byrådet 01-09-2031') }, footers: { default: pageFooter('Side ') }, children }],
    });
  },
};

/**
 * An agenda (DAGSORDEN, no decisions yet) as the case systems write it: paragraph styles of the
 * document's own — item titles in a bold style with an outline level, section headings in a
 * bold style — and no direct formatting at all; items without numbers, the case number with a
 * label and no colon.
 */
export const agendaStyle: HouseStyle = {
  name: 'agenda',
  date: '2031-10-06',
  lines: ['# DAGSORDEN Klima- og Miljøudvalget'],
  items: [
    { number: '1', title: 'Status for vandløbsplanen', caseNumber: '06.02.00-P20-1-31', decision: '' },
    { number: '2', title: 'Tilskud til grønne lokalprojekter', caseNumber: '31/4410', decision: '' },
    { number: '3', title: 'Høring om ny spildevandsplan for oplandet til fjorden', caseNumber: '06.01.00-P15-2-31', decision: '' },
  ],
  build() {
    const styled = (style: string, text: string) => new Paragraph({ style, children: [new TextRun(text)] });
    const children: Paragraph[] = [
      styled('Dokumenttitel', 'Dagsorden'),
      p('Udvalg: Klima- og Miljøudvalget'),
      p('Mødedato: 06-10-2031 kl. 15.00'),
      p('Mødested: Mødelokale 4, Rådhuset'),
    ];
    this.items.forEach((it, k) => {
      children.push(styled('Punktoverskrift', it.title), p(`Sagsnr. ${it.caseNumber}`));
      children.push(styled('Afsnitsoverskrift', 'Sagsfremstilling'), ...prose(6, k + 1).map((t) => p(t)));
      children.push(styled('Afsnitsoverskrift', 'Indstilling'), p('Forvaltningen indstiller, at sagen drøftes.'));
    });
    return new Document({
      styles: {
        paragraphStyles: [
          { id: 'Dokumenttitel', name: 'Dokumenttitel', basedOn: 'Normal', run: { bold: true, size: 36 } },
          { id: 'Punktoverskrift', name: 'Punktoverskrift', basedOn: 'Normal', run: { bold: true, size: 26 }, paragraph: { outlineLevel: 0, spacing: { before: 240, after: 120 } } },
          { id: 'Afsnitsoverskrift', name: 'Afsnitsoverskrift', basedOn: 'Normal', run: { bold: true }, paragraph: { spacing: { before: 120, after: 60 } } },
        ],
      },
      sections: [{ headers: { default: runningHeader('Klima- og Miljøudvalget, dagsorden 06-10-2031') }, footers: { default: pageFooter('Side ') }, children }],
    });
  },
};

/**
 * The agenda systems' print form: the header as a two-column table (a label cell in bold, the
 * value beside it, a long value wrapping inside its cell), a table of contents with the item's
 * status (`1 (Åben) Title ....... 3`), items headed `1 (Åben) Title` in larger bold, a closed
 * item `(Lukket)`, the case number under a label.
 */
export const statusStyle: HouseStyle = {
  name: 'status',
  date: '2031-08-18',
  lines: ['Mødedeltagere: Anna Berg (A), formand; Bo Dal (V); Carl Enggaard (F); Dorte Fisker (C); Erik Gram (O)', 'Afbud: Dorte Fisker (C)', 'Mødested: Lokale 0.23, Rådhuset'],
  items: [
    { number: '1', title: 'Godkendelse af dagsorden', caseNumber: 'EMN-2031-00412', decision: 'Dagsordenen blev godkendt.' },
    { number: '2', title: 'Anlægsbevilling til renovering af svømmehallen i Nordby og nye omklædningsrum', caseNumber: 'EMN-2031-01877', decision: 'Anbefales over for Byrådet.' },
    { number: '3', title: 'Budgetopfølgning pr. 30. juni', caseNumber: 'EMN-2031-00990', decision: 'Taget til efterretning.' },
    { number: '4', title: 'Salg af ejendom', caseNumber: 'EMN-2031-02211', decision: 'Salget blev godkendt.', closed: true },
  ],
  build() {
    const cell = (text: string, bold = false) => new TableCell({ width: { size: 2400, type: WidthType.DXA }, children: [p(text, { bold })] });
    const row = (label: string, value: string) => new TableRow({ children: [cell(label, true), new TableCell({ width: { size: 3600, type: WidthType.DXA }, children: [p(value)] })] });
    const status = (k: number) => (k === 3 ? 'Lukket' : 'Åben');
    const toc = (title: string, page: number) =>
      new Paragraph({ tabStops: [{ type: TabStopType.RIGHT, position: 9000, leader: LeaderType.DOT }], children: [new TextRun(`${title}\t${page}`)] });
    const children: (Paragraph | Table)[] = [
      p('Referat', { bold: true, size: 40 }),
      p('Økonomiudvalget', { bold: true, size: 32 }),
      new Table({
        rows: [
          row('Mødetidspunkt', '18-08-2031 15:30'),
          row('Mødeafholdelse', 'Lokale 0.23, Rådhuset'),
          row('Medlemmer', 'Anna Berg (A), formand; Bo Dal (V); Carl Enggaard (F); Dorte Fisker (C); Erik Gram (O)'),
          row('Afbud', 'Dorte Fisker (C)'),
        ],
      }),
      p('Indholdsfortegnelse', { bold: true, size: 28 }),
      ...this.items.map((it, k) => toc(`${it.number} (${status(k)}) ${it.title}`, k + 2)),
      new Paragraph({ children: [new PageBreak()] }),
    ];
    this.items.forEach((it, k) => {
      children.push(p(`${it.number} (${status(k)}) ${it.title}`, { bold: true, size: 28 }), p(`Sagsnr.: ${it.caseNumber}`));
      children.push(p('Sagsfremstilling', { bold: true }), ...prose(k === 1 ? 5 : 2, k + 1).map((t) => p(t)));
      children.push(p('Indstilling', { bold: true }), p('Direktionen indstiller, at forslaget godkendes.'));
      children.push(p('Beslutning', { bold: true }), p(it.decision));
      if (k < this.items.length - 1) children.push(new Paragraph({ children: [new PageBreak()] }));
    });
    return new Document({
      sections: [{ headers: { default: runningHeader('Økonomiudvalget 18-08-2031') }, footers: { default: pageFooter('Side ') }, children }],
    });
  },
};

export const HOUSE_STYLES = [punktStyle, numberStyle, boldStyle, agendaStyle, statusStyle];

export async function docxBytes(style: HouseStyle): Promise<Buffer> {
  return Packer.toBuffer(style.build());
}

/** Whether LibreOffice's `soffice` is on the PATH. */
export function hasSoffice(): boolean {
  return spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
}

/**
 * Converts Word files to PDF with LibreOffice (a private profile, so that parallel runs do not
 * share one); returns the PDF bytes per input file.
 */
export function toPdf(files: readonly string[], options: { tagged?: boolean } = {}): Map<string, Buffer> {
  const out = mkdtempSync(join(tmpdir(), 'referat-soffice-'));
  // A tagged PDF (structure tree, headers and footers marked as artifacts), as Word's "Save as PDF" makes.
  const filter = options.tagged ? 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}' : 'pdf';
  try {
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${out}/profile`, '--headless', '--convert-to', filter, '--outdir', out, ...files], { encoding: 'utf8', timeout: 180_000 });
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr || r.stdout}`);
    return new Map(files.map((f) => [f, readFileSync(join(out, basename(f).replace(/\.[^.]+$/, '') + '.pdf'))]));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** What an import gives per item: number, title, case number, the decision's text, the whole item's text. */
export function importedItems(markup: string) {
  const a = analyze(markup);
  const lines = markup.split('\n');
  const text = (n: { range: { start: { line: number }; end: { line: number } } }) => lines.slice(n.range.start.line, n.range.end.line + 1).join('\n');
  return {
    syntaxErrors: a.parse.diagnostics.map((d) => `${d.range.start.line + 1}: ${d.code}`),
    items: a.meeting.items.map((i) => ({
      number: i.number,
      title: i.title,
      caseNumber: i.caseNumber?.text,
      decision: i.decisionSection ? text(i.decisionSection.node) : '',
      sections: i.sections.map((s) => s.kind),
      text: text(i.node),
      closed: i.closed,
    })),
  };
}

/** Checks an import against what a house style holds: every item, its case number, headings and decision. */
/** The imported meeting's date is the one the document gives (written in its own words or in ISO form). */
export function expectMeetingDate(markup: string, iso: string): void {
  const d = analyze(markup).meeting.date;
  expect(d?.valid, markup.slice(0, 300)).toBe(true);
  expect(`${d!.year}-${String(d!.month).padStart(2, '0')}-${String(d!.day).padStart(2, '0')}`).toBe(iso);
}

export function expectStyle(markup: string, style: HouseStyle): void {
  const got = importedItems(markup);
  expect(got.syntaxErrors).toEqual([]);
  for (const line of style.lines) expect(markup.split('\n'), line).toContain(line);
  expect(got.items.map((i) => ({ number: i.number, title: i.title, caseNumber: i.caseNumber, closed: i.closed }))).toEqual(
    style.items.map((i) => ({ number: i.number, title: i.title, caseNumber: i.caseNumber, closed: i.closed ?? false })),
  );
  for (const [k, want] of style.items.entries()) {
    const item = got.items[k]!;
    expect(new Set(item.sections).size, `item ${want.number}: a section twice (${item.sections.join(', ')})`).toBe(item.sections.length);
    expect(item.sections, `item ${want.number} sections`).toEqual(expect.arrayContaining(['sagsfremstilling', 'indstilling', ...(want.decision ? ['beslutning'] : [])]));
    if (want.decision) expect(item.decision, `item ${want.number} decision`).toContain(want.decision);
    else expect(item.decision, `item ${want.number}: no decision in an agenda`).toBe('');
    if (want.earlier) {
      // An earlier committee's decision stays in the item, and is not this meeting's decision.
      expect(item.text).toContain(want.earlier);
      expect(item.decision).not.toContain(want.earlier);
    }
  }
}

/** The examples our own exporter writes as PDF or DOCX, for the import to read back. */
export const EXAMPLES = ['randers-beskaeftigelsesudvalget-2024-12-03.referat', 'sonderborg-arbejdsmarkedsudvalget-2024-08-13.referat'];

/** An example's source and its export (internal edition: every item). */
export async function ownExport(example: string, format: 'pdf' | 'docx'): Promise<{ source: string; bytes: Uint8Array }> {
  const source = readFileSync(path.join(__dirname, '..', '..', 'examples', example), 'utf8');
  const out = await exportReferat(source, { format, edition: 'internal', fonts: loadFonts(), creationDate: new Date(0) });
  return { source, bytes: out.data as Uint8Array };
}

/** The import of our own export has the source's items: number, title, case number, whether decided. */
export function expectSameItems(markup: string, source: string): void {
  const want = analyze(source).meeting.items.map((i) => ({ number: i.number, title: i.title, caseNumber: i.caseNumber?.text, decided: Boolean(i.decisionSection) }));
  const got = importedItems(markup);
  expect(got.syntaxErrors).toEqual([]);
  expect(got.items.map((i) => ({ number: i.number, title: i.title, caseNumber: i.caseNumber, decided: i.decision !== '' }))).toEqual(want);
}
