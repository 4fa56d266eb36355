/// <reference types="pdfkit" />
/**
 * PDF with pdfkit (pure JavaScript: nothing to install on the user's machine).
 *
 * Layout as the published referater: title, header block, `Indholdsfortegnelse` with dotted
 * leaders and page numbers, every item on a new page as `Punkt N: title` with its case
 * number, bold section headings, lists, tables; a running header (committee and date) and
 * a `Side X af Y` footer, both marked as artifacts.
 *
 * One pass with buffered pages: the table-of-contents lines are reserved up front, the page
 * where each item starts is recorded, and at the end we switch back and write label,
 * leaders, number and a link. Bookmarks (outline) for every item, named destinations,
 * a tagged structure tree (H1/H2/H3, P, L/LI/Lbl/LBody, Table/TR/TH/TD, TOC/TOCI),
 * document language da-DK and the title in the metadata (shown as window title).
 *
 * The fonts (DejaVu Sans, shipped in fonts/) are passed in as bytes by the host, since
 * this layer does no I/O; they are registered under virtual paths and always used by path,
 * so that pdfkit caches them (a font re-opened per table cell is very slow).
 */
import { hyphenateSync as hyphenate } from 'hyphen/da';
import type { DocBlock, DocList, DocTable, ExportDocument, InlineNode } from './model.js';
import { caseNumberLine, inlineText, itemHeading, runningHeader } from './model.js';

export interface PdfFonts {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
  readonly italic?: Uint8Array;
  /** The sRGB ICC profile for PDF/A's output intent (fonts/sRGB_IEC61966_2_1.icc). */
  readonly icc?: Uint8Array;
}

export interface PdfOptions {
  /** Fixed creation date (tests, reproducible builds). */
  readonly creationDate?: Date;
  /** Write PDF/A-1b (archival): PDF 1.4, XMP metadata, sRGB output intent. */
  readonly pdfa?: boolean;
}

type StructElem = PDFKit.PDFStructureElement;

const FONT = {
  regular: '/referat-fonts/DejaVuSans.ttf',
  bold: '/referat-fonts/DejaVuSans-Bold.ttf',
  italic: '/referat-fonts/DejaVuSans-Oblique.ttf',
} as const;

type PdfCtor = new (options?: PDFKit.PDFDocumentOptions) => PDFKit.PDFDocument;
type RegisterFile = (path: string, data: Uint8Array) => void;

let pdfkit: { PDFDocument: PdfCtor; registerFile?: RegisterFile } | undefined;

/**
 * Loads pdfkit on first use, through `require`: bundlers then take pdfkit's CommonJS build
 * (its ES build reads `import.meta.url` at load time, which a CommonJS bundle lacks), and
 * nothing of pdfkit is evaluated by hosts that never export PDF (language server, preview).
 */
function loadPdfkit(): { PDFDocument: PdfCtor; registerFile?: RegisterFile } {
  if (!pdfkit) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const m = require('pdfkit') as { default?: PdfCtor & { registerFile?: RegisterFile }; registerFile?: RegisterFile } & PdfCtor;
    const PDFDocument = (m.default ?? m) as PdfCtor;
    pdfkit = { PDFDocument, registerFile: m.registerFile ?? m.default?.registerFile };
  }
  return pdfkit;
}

const SIZE = { body: 10.5, title: 16, h2: 14, h3: 11.5, h4: 10.5, small: 8.5, toc: 10.5 } as const;
const MARGIN = { top: 72, bottom: 68, left: 62, right: 62 } as const;

/** Text runs of a paragraph: plain text with a font and, for links, a target. */
interface Run {
  readonly text: string;
  readonly font: string;
  readonly link?: string;
}

function runsOf(nodes: readonly InlineNode[], bold = false, italic = false, link?: string, hasItalic = true): Run[] {
  const out: Run[] = [];
  for (const n of nodes) {
    if (n.type === 'text') {
      const font = bold ? FONT.bold : italic && hasItalic ? FONT.italic : FONT.regular;
      if (n.text) out.push(link ? { text: n.text, font, link } : { text: n.text, font });
    } else if (n.type === 'strong') out.push(...runsOf(n.children, true, italic, link, hasItalic));
    else if (n.type === 'emphasis') out.push(...runsOf(n.children, bold, true, link, hasItalic));
    else out.push(...runsOf(n.children.length ? n.children : [{ type: 'text', text: n.href }], bold, italic, n.href, hasItalic));
  }
  return out;
}

/**
 * Column widths from content, as browsers lay out an auto-width table: with room for every
 * column's longest cell, each gets that (the table is as narrow as its content); else each
 * gets its longest word and the rest of the width is shared in proportion to what more it
 * wants; when even the longest words do not fit, widths are in proportion to them.
 */
export function columnWidths(minW: readonly number[], maxW: readonly number[], available: number, floorW: readonly number[] = minW): number[] {
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  /** `lo` plus a share of `hi - lo` in proportion to what each column wants more. */
  const between = (lo: readonly number[], hi: readonly number[]) => {
    const extra = available - sum(lo);
    const want = sum(hi) - sum(lo);
    return lo.map((w, i) => w + (want > 0 ? ((hi[i]! - w) * extra) / want : 0));
  };
  if (sum(maxW) <= available) return maxW.map((w) => w);
  if (sum(minW) <= available) return between(minW, maxW);
  // The longest words do not fit: every column keeps at least its widest syllable (`floorW`).
  const floor = floorW.map((f, i) => Math.min(f, minW[i]!));
  if (sum(floor) <= available) return between(floor, minW);
  const total = sum(floor);
  return floor.map((w) => (total > 0 ? (w * available) / total : available / floor.length));
}

/** The syllables of a word at its Danish hyphenation points. */
function syllables(word: string): string[] {
  return hyphenate(word, { hyphenChar: '\u00AD', minWordLength: 5 }).split('\u00AD');
}

/**
 * Breaks a word wider than `room` at its Danish hyphenation points into lines that fit, each
 * but the last ending in a hyphen ("Beskæf-", "tigelses-", "indsatsen"). The breaks are
 * explicit line breaks, so that pdfkit measures the cell as it draws it. A syllable wider
 * than the column on its own is left to pdfkit.
 */
export function breakWord(word: string, room: number, width: (text: string) => number): string {
  const parts = syllables(word);
  if (parts.length < 2) return word;
  const lines: string[] = [];
  let line = '';
  for (const [i, syl] of parts.entries()) {
    const last = i === parts.length - 1;
    const next = line + syl;
    if (line && width(next + (last ? '' : '-')) > room) {
      lines.push(`${line}-`);
      line = syl;
    } else line = next;
  }
  lines.push(line);
  return lines.join('\n');
}

/** Removes characters the font cannot draw sensibly (controls); keeps all printable Unicode. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '').replace(/\t/g, ' ');
}

class PdfWriter {
  readonly pdf: PDFKit.PDFDocument;
  readonly root: StructElem;
  private readonly hasItalic: boolean;

  constructor(
    readonly doc: ExportDocument,
    fonts: PdfFonts,
    options: PdfOptions,
  ) {
    const { PDFDocument, registerFile } = loadPdfkit();
    if (!registerFile) throw new Error('pdfkit.registerFile is missing (pdfkit ≥ 0.17 is required)');
    if (options.pdfa && fonts.icc) registerIcc(registerFile, fonts.icc);
    registerFile(FONT.regular, fonts.regular);
    registerFile(FONT.bold, fonts.bold);
    this.hasItalic = !!fonts.italic;
    if (fonts.italic) registerFile(FONT.italic, fonts.italic);
    const title = doc.title || 'Referat';
    this.pdf = new PDFDocument({
      size: 'A4',
      margins: { ...MARGIN },
      bufferPages: true,
      autoFirstPage: true,
      tagged: true,
      lang: 'da-DK',
      displayTitle: true,
      pdfVersion: options.pdfa ? '1.4' : '1.7',
      subset: options.pdfa ? 'PDF/A-1b' : undefined,
      font: FONT.regular,
      info: {
        Title: title,
        Subject: [doc.committee, doc.shortDate].filter(Boolean).join(' '),
        Author: doc.municipality ?? doc.committee ?? '',
        Creator: 'Referat',
        Producer: 'Referat (pdfkit)',
        Keywords: [doc.kind, doc.committee, doc.edition === 'internal' ? 'intern udgave' : 'offentlig udgave']
          .filter(Boolean)
          .join(', '),
        CreationDate: options.creationDate ?? new Date(),
        ModDate: options.creationDate ?? new Date(),
      },
    } as PDFKit.PDFDocumentOptions);
    this.root = this.pdf.struct('Document');
    this.pdf.addStructure(this.root);
  }

  get width(): number {
    return this.pdf.page.width - MARGIN.left - MARGIN.right;
  }

  get bottom(): number {
    return this.pdf.page.height - MARGIN.bottom;
  }

  /** Starts a new page unless at least `needed` points are left. */
  ensureSpace(needed: number): void {
    if (this.pdf.y + needed > this.bottom) this.pdf.addPage();
  }

  /** Draws marked content for a structure element. */
  tagged(parent: StructElem, type: string, draw: () => void): StructElem {
    const el = this.pdf.struct(type);
    parent.add(el);
    const content = this.pdf.markStructureContent(type);
    draw();
    this.pdf.endMarkedContent();
    el.add(content);
    el.end();
    return el;
  }

  heading(parent: StructElem, type: 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'H6', text: string, size: number, gapBefore: number): void {
    if (this.pdf.y > MARGIN.top + 1) this.pdf.moveDown(gapBefore / this.pdf.currentLineHeight());
    this.pdf.font(FONT.bold).fontSize(size);
    // Keep a heading with at least two lines of what follows.
    this.ensureSpace(this.pdf.heightOfString(clean(text), { width: this.width }) + SIZE.body * 3);
    this.tagged(parent, type, () => {
      this.pdf.text(clean(text), MARGIN.left, this.pdf.y, { width: this.width });
    });
    this.pdf.font(FONT.regular).fontSize(SIZE.body);
    this.pdf.moveDown(0.3);
  }

  /** Writes inline runs as one paragraph at x with the given width. */
  runs(runs: readonly Run[], x: number, width: number, opts: { gapAfter?: number } = {}): void {
    const pdf = this.pdf;
    pdf.fontSize(SIZE.body);
    const list = runs.length ? runs : [{ text: ' ', font: FONT.regular }];
    list.forEach((r, i) => {
      pdf.font(r.font).fillColor(r.link ? '#0645ad' : 'black');
      const last = i === list.length - 1;
      const textOpts: PDFKit.Mixins.TextOptions = {
        width,
        continued: !last,
        lineGap: 1.5,
        link: r.link ?? null,
        underline: !!r.link,
      } as PDFKit.Mixins.TextOptions;
      if (i === 0) pdf.text(clean(r.text), x, pdf.y, textOpts);
      else pdf.text(clean(r.text), textOpts);
    });
    pdf.font(FONT.regular).fillColor('black');
    pdf.x = MARGIN.left;
    if (opts.gapAfter !== 0) pdf.moveDown(opts.gapAfter ?? 0.6);
  }

  paragraph(parent: StructElem, content: readonly InlineNode[]): void {
    const runs = runsOf(content, false, false, undefined, this.hasItalic);
    this.pdf.font(FONT.regular).fontSize(SIZE.body);
    this.ensureSpace(this.pdf.currentLineHeight(true) * 2);
    this.tagged(parent, 'P', () => this.runs(runs, MARGIN.left, this.width));
  }

  list(parent: StructElem, list: DocList, depth: number): void {
    const L = this.pdf.struct('L');
    parent.add(L);
    const indent = MARGIN.left + depth * 18;
    const labelWidth = list.ordered ? 22 : 12;
    list.items.forEach((li, i) => {
      const LI = this.pdf.struct('LI');
      L.add(LI);
      this.pdf.font(FONT.regular).fontSize(SIZE.body);
      this.ensureSpace(this.pdf.currentLineHeight(true) * 1.5);
      const y = this.pdf.y;
      const label = list.ordered ? `${li.number ?? i + 1}.` : '•';
      this.tagged(LI, 'Lbl', () => {
        this.pdf.text(label, indent, y, { width: labelWidth, lineBreak: false });
      });
      this.pdf.y = y;
      const body = this.pdf.struct('LBody');
      LI.add(body);
      const content = this.pdf.markStructureContent('LBody');
      this.runs(runsOf(li.content, false, false, undefined, this.hasItalic), indent + labelWidth, this.width - (indent - MARGIN.left) - labelWidth, {
        gapAfter: 0.25,
      });
      this.pdf.endMarkedContent();
      body.add(content);
      for (const child of li.children) this.list(body, child, depth + 1);
      body.end();
      LI.end();
    });
    L.end();
    this.pdf.moveDown(0.35);
  }

  /** A table cell as one text in one font: bold or italic when the whole cell is (pdfkit cells take one font). */
  private cell(content: readonly InlineNode[] | undefined, header: boolean): { text: string; font: string } {
    const all = runsOf(content ?? [], header, false, undefined, this.hasItalic);
    const text = clean(all.map((r) => r.text).join('')).replace(/\s+/g, ' ').trim();
    const fonts = new Set(all.filter((r) => r.text.trim() !== '').map((r) => r.font));
    const font = fonts.size === 1 ? [...fonts][0]! : header ? FONT.bold : FONT.regular;
    return { text, font };
  }

  table(parent: StructElem, table: DocTable): void {
    const cols = Math.max(table.header?.length ?? 0, ...table.rows.map((r) => r.length), 1);
    const size = SIZE.body - 1;
    const padX = 5;
    const rowsOf = (cells: readonly (readonly InlineNode[])[] | undefined, header: boolean) =>
      Array.from({ length: cols }, (_, i) => this.cell(cells?.[i], header));
    const header = table.header ? rowsOf(table.header, true) : undefined;
    const body = table.rows.map((r) => rowsOf(r, false));
    const all = header ? [header, ...body] : body;
    const width = (text: string, font: string) => {
      this.pdf.font(font).fontSize(size);
      return this.pdf.widthOfString(text);
    };
    // Column widths from the content, as a browser lays out an HTML table: each column at
    // least its longest word, at most its longest cell; the space between shared out.
    const minW = new Array<number>(cols).fill(0);
    const maxW = new Array<number>(cols).fill(0);
    const floorW = new Array<number>(cols).fill(0);
    for (const row of all) {
      row.forEach((c, i) => {
        const words = c.text.split(' ').filter(Boolean);
        for (const w of words) {
          minW[i] = Math.max(minW[i]!, width(w, c.font) + 2 * padX + 1);
          const widest = Math.max(...syllables(w).map((syl) => width(`${syl}-`, c.font)));
          floorW[i] = Math.max(floorW[i]!, widest + 2 * padX + 1);
        }
        maxW[i] = Math.max(maxW[i]!, width(c.text, c.font) + 2 * padX + 1);
      });
    }
    const colWidths = columnWidths(minW, maxW, this.width, floorW);
    // A word alone wider than its column is hyphenated (Danish patterns) rather than cut anywhere.
    const fit = (c: { text: string; font: string }, i: number) => {
      // A little slack: pdfkit's line wrapper must never break what is measured to fit.
      const room = colWidths[i]! - 2 * padX - 3;
      const text = c.text
        .split(' ')
        .map((w) => (width(w, c.font) > room ? breakWord(w, room, (x) => width(x, c.font)) : w))
        .join(' ');
      return { ...c, text };
    };
    const align = (i: number): 'left' | 'center' | 'right' => table.align[i] ?? 'left';
    this.pdf.font(FONT.regular).fontSize(size);
    this.ensureSpace(this.pdf.currentLineHeight(true) * 4);
    const t = this.pdf.table({
      position: { x: MARGIN.left, y: this.pdf.y },
      maxWidth: this.width,
      columnStyles: colWidths.map((w) => ({ width: w })),
      defaultStyle: { border: 0.5, borderColor: '#808080', padding: [3, padX, 3, padX] as unknown as number, font: { src: FONT.regular } },
      structParent: parent,
    } as PDFKit.Mixins.TableOptions);
    if (header) {
      t.row(
        header.map((c, i) => {
          const f = fit(c, i);
          return {
            text: f.text,
            type: 'TH' as const,
            scope: 'column',
            font: { src: f.font },
            backgroundColor: '#eeeeee',
            align: { x: align(i), y: 'top' as const },
          };
        }) as PDFKit.Mixins.RowOptions[],
      );
    }
    for (const row of body) {
      t.row(
        row.map((c, i) => {
          const f = fit(c, i);
          return { text: f.text, font: { src: f.font }, align: { x: align(i), y: 'top' as const } };
        }) as PDFKit.Mixins.RowOptions[],
      );
    }
    t.end();
    this.pdf.x = MARGIN.left;
    this.pdf.font(FONT.regular).fontSize(SIZE.body);
    this.pdf.moveDown(0.6);
  }

  blocks(parent: StructElem, blocks: readonly DocBlock[]): void {
    for (const b of blocks) {
      switch (b.type) {
        case 'paragraph':
          this.paragraph(parent, b.content);
          break;
        case 'heading': {
          const level = Math.min(6, Math.max(4, b.level));
          this.heading(parent, `H${level}` as 'H4', inlineText(b.content).trim(), SIZE.h4, 6);
          break;
        }
        case 'list':
          this.list(parent, b, 0);
          break;
        case 'table':
          this.table(parent, b);
          break;
      }
    }
  }

  /** Writes the whole document; returns the PDF bytes. */
  async render(): Promise<Uint8Array> {
    const pdf = this.pdf;
    const chunks: Uint8Array[] = [];
    const done = new Promise<Uint8Array>((resolve, reject) => {
      pdf.on('data', (c: Uint8Array) => chunks.push(c));
      pdf.on('end', () => resolve(concat(chunks)));
      pdf.on('error', reject);
    });
    this.titleAndHeader();
    const toc = this.reserveToc();
    const starts = this.items();
    if (toc) this.writeToc(toc, starts);
    this.pageFurniture();
    this.root.end();
    pdf.end();
    return done;
  }

  /** The title, the internal edition's warning and the header fields. */
  private titleAndHeader(): void {
    const pdf = this.pdf;
    const doc = this.doc;
    this.heading(this.root, 'H1', doc.title || 'Referat', SIZE.title, 0);
    if (doc.edition === 'internal') {
      this.tagged(this.root, 'P', () => {
        pdf.font(FONT.bold).fontSize(SIZE.body).fillColor('#b00020');
        pdf.text('Intern udgave – indeholder lukkede punkter og må ikke offentliggøres.', MARGIN.left, pdf.y, { width: this.width });
        pdf.fillColor('black').font(FONT.regular);
      });
      pdf.moveDown(0.5);
    }
    pdf.moveDown(0.4);
    const labelWidth = 110;
    for (const h of doc.header) {
      pdf.fontSize(SIZE.body);
      const y = pdf.y;
      this.tagged(this.root, 'P', () => {
        pdf.font(FONT.bold).text(h.label, MARGIN.left, y, { width: labelWidth - 8, continued: false });
        pdf.y = y;
        pdf.font(FONT.regular).text(clean(h.value), MARGIN.left + labelWidth, y, { width: this.width - labelWidth, lineGap: 1.5 });
      });
      pdf.x = MARGIN.left;
      pdf.moveDown(0.6);
    }

  }

  /** The table of contents: one line per item reserved now, written when the page numbers are known. */
  private reserveToc(): { slots: { page: number; y: number }[]; struct: StructElem } | undefined {
    const pdf = this.pdf;
    const doc = this.doc;
    if (doc.items.length === 0 || doc.contents === false) return undefined;
    const toc: { page: number; y: number }[] = [];
    this.heading(this.root, 'H2', 'Indholdsfortegnelse', SIZE.h2, 14);
    const tocStruct = pdf.struct('TOC');
    this.root.add(tocStruct);
    pdf.font(FONT.regular).fontSize(SIZE.toc);
    const lh = pdf.currentLineHeight(true) + 5;
    for (let i = 0; i < doc.items.length; i++) {
      if (pdf.y + lh > this.bottom) pdf.addPage();
      toc.push({ page: this.pageIndex(), y: pdf.y });
      pdf.y += lh;
    }
    return { slots: toc, struct: tocStruct };
  }

  /** The items, each from a new page, with bookmarks; returns the page each starts on. */
  private items(): number[] {
    const pdf = this.pdf;
    const doc = this.doc;
    const starts: number[] = [];
    doc.items.forEach((item) => {
      pdf.addPage();
      starts.push(this.pageIndex());
      const dest = `${item.anchor}`;
      pdf.addNamedDestination(dest, 'XYZ', MARGIN.left, pdf.page.height - MARGIN.top + 6, null as unknown as number);
      const bookmark = pdf.outline.addItem(clean(itemHeading(item)), { expanded: false });
      const sect = pdf.struct('Sect', { title: clean(itemHeading(item)) });
      this.root.add(sect);
      this.heading(sect, 'H2', itemHeading(item), SIZE.h2, 0);
      if (item.caseNumber) {
        this.tagged(sect, 'P', () => {
          pdf.font(FONT.regular).fontSize(SIZE.body).text(clean(caseNumberLine(this.doc, item.caseNumber!)), MARGIN.left, pdf.y, { width: this.width });
        });
        pdf.moveDown(0.8);
      }
      this.blocks(sect, item.preamble);
      for (const s of item.sections) {
        this.heading(sect, 'H3', s.heading, SIZE.h3, 10);
        // A bookmark per section under the item's, on the page where its heading landed.
        bookmark.addItem(clean(s.heading));
        this.blocks(sect, s.blocks);
      }
      // A closed bookmark with children needs a negative /Count (pdfkit writes none; PDF/A requires it).
      if (item.sections.length > 0) (bookmark as unknown as { outlineData: Record<string, unknown> }).outlineData.Count = -item.sections.length;
      sect.end();
    });

    // The outline root's /Count: the visible bookmarks (the items; their sections start closed).
    if (doc.items.length > 0) (pdf.outline as unknown as { outlineData: Record<string, unknown> }).outlineData.Count = doc.items.length;

    return starts;
  }

  /** Writes the reserved table of contents, now that the page numbers are known. */
  private writeToc(reserved: { slots: { page: number; y: number }[]; struct: StructElem }, starts: readonly number[]): void {
    const pdf = this.pdf;
    const toc = reserved.slots;
    const tocStruct = reserved.struct;
    const current = this.pageIndex();
    this.doc.items.forEach((item, i) => {
      const slot = toc[i]!;
      pdf.switchToPage(slot.page);
      const pageNo = String((starts[i] ?? 0) + 1);
      const entry = pdf.struct('TOCI');
      tocStruct.add(entry);
      const content = pdf.markStructureContent('TOCI');
      pdf.font(FONT.regular).fontSize(SIZE.toc);
      const numberWidth = pdf.widthOfString(pageNo);
      const maxLabel = this.width - numberWidth - 24;
      let label = clean(item.title || itemHeading(item));
      if (pdf.widthOfString(label) > maxLabel) {
        while (label.length > 1 && pdf.widthOfString(`${label}…`) > maxLabel) label = label.slice(0, -1);
        label = `${label.trimEnd()}…`;
      }
      const labelWidth = pdf.widthOfString(label);
      const dotWidth = pdf.widthOfString('.');
      const dotsSpace = this.width - labelWidth - numberWidth - 8;
      const dots = dotsSpace > dotWidth * 2 ? '.'.repeat(Math.floor(dotsSpace / dotWidth)) : '';
      pdf.text(label, MARGIN.left, slot.y, { lineBreak: false });
      if (dots) pdf.text(dots, MARGIN.left + labelWidth + 4, slot.y, { lineBreak: false });
      pdf.text(pageNo, MARGIN.left + this.width - numberWidth, slot.y, { lineBreak: false });
      pdf.endMarkedContent();
      entry.add(content);
      entry.end();
      pdf.goTo(MARGIN.left, slot.y - 1, this.width, pdf.currentLineHeight() + 2, item.anchor);
    });
    tocStruct.end();
    pdf.switchToPage(current);
  }

  /** The running header and footer on every page, as artifacts. */
  private pageFurniture(): void {
    const pdf = this.pdf;
    const doc = this.doc;
    const range = pdf.bufferedPageRange();
    const total = range.count;
    const head = clean(runningHeader(doc));
    for (let i = range.start; i < range.start + total; i++) {
      pdf.switchToPage(i);
      const savedBottom = pdf.page.margins.bottom;
      const savedTop = pdf.page.margins.top;
      pdf.page.margins.bottom = 0;
      pdf.page.margins.top = 0;
      pdf.font(FONT.regular).fontSize(SIZE.small).fillColor('#444444');
      if (i > range.start && head) {
        pdf.markContent('Artifact', { type: 'Pagination' });
        pdf.text(head, MARGIN.left, 36, { width: this.width, align: 'left', lineBreak: false });
        pdf.moveTo(MARGIN.left, 50).lineTo(MARGIN.left + this.width, 50).lineWidth(0.4).strokeColor('#999999').stroke();
        pdf.endMarkedContent();
      }
      pdf.markContent('Artifact', { type: 'Pagination' });
      const footer = `Side ${i - range.start + 1} af ${total}`;
      pdf.text(footer, MARGIN.left, pdf.page.height - 44, { width: this.width, align: 'right', lineBreak: false });
      pdf.endMarkedContent();
      pdf.fillColor('black').strokeColor('black');
      pdf.page.margins.bottom = savedBottom;
      pdf.page.margins.top = savedTop;
    }

  }

  pageIndex(): number {
    const r = this.pdf.bufferedPageRange();
    return r.start + r.count - 1;
  }
}

/**
 * pdfkit reads the sRGB profile for PDF/A from `./data/` beside its own module file. In a
 * bundle that is beside the bundle, where there is no such file; its file system shim looks
 * at registered files first, so the profile is registered under that URL. (Outside a bundle
 * pdfkit finds its own copy and this registration is unused.)
 */
function registerIcc(registerFile: RegisterFile, icc: Uint8Array): void {
  if (typeof __filename !== 'string' || !__filename) return;
  const file = __filename.replace(/\\/g, '/');
  const href = new URL('./data/sRGB_IEC61966_2_1.icc', `file://${file.startsWith('/') ? '' : '/'}${file}`).href;
  registerFile(href, icc);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Renders the export document as PDF bytes. Rejects with a clear error when the PDF
 * cannot be produced (e.g. no fonts); never returns an empty or partial file.
 */
export async function renderPdf(doc: ExportDocument, fonts: PdfFonts, options: PdfOptions = {}): Promise<Uint8Array> {
  if (!fonts.regular?.length || !fonts.bold?.length) {
    throw new Error('PDF export needs the DejaVu Sans fonts (fonts/DejaVuSans.ttf and fonts/DejaVuSans-Bold.ttf)');
  }
  const writer = new PdfWriter(doc, fonts, options);
  const bytes = await writer.render();
  if (bytes.length < 100) throw new Error('PDF export produced no output');
  return bytes;
}
