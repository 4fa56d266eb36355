/**
 * Word (DOCX) with the `docx` library: the same document for secretariats that hand minutes
 * on in Word. Word's built-in heading styles (Heading 1 title, Heading 2 items, Heading 3
 * sections), a table-of-contents field (Word fills in the page numbers when the file is
 * opened: "update fields"), numbered proposals as real Word numbering, tables with a repeated
 * header row, a running header and "Side X af Y" in the footer, Danish as document language.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { DocBlock, DocList, DocTable, ExportDocument, InlineNode } from './model.js';
import { caseNumberLine, itemHeading, runningHeader } from './model.js';

export interface DocxOptions {
  readonly creationDate?: Date;
}

// eslint-disable-next-line no-control-regex
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g, '');

function runs(nodes: readonly InlineNode[], style: { bold?: boolean; italics?: boolean } = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const n of nodes) {
    if (n.type === 'text') out.push(new TextRun({ text: clean(n.text), ...style }));
    else if (n.type === 'strong') out.push(...runs(n.children, { ...style, bold: true }));
    else if (n.type === 'emphasis') out.push(...runs(n.children, { ...style, italics: true }));
    else {
      const children = runs(n.children.length ? n.children : [{ type: 'text', text: n.href }], style).map((r) =>
        r instanceof TextRun ? r : r,
      );
      // Hyperlinks hold runs only; the visible text gets Word's Hyperlink style.
      const texts = n.children.length ? n.children : [{ type: 'text' as const, text: n.href }];
      void children;
      out.push(
        new ExternalHyperlink({
          link: n.href,
          children: flatten(texts).map((t) => new TextRun({ text: clean(t), style: 'Hyperlink', ...style })),
        }),
      );
    }
  }
  return out;
}

function flatten(nodes: readonly InlineNode[]): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    if (n.type === 'text') out.push(n.text);
    else out.push(...flatten(n.children));
  }
  return out;
}

class DocxWriter {
  private listInstance = 0;

  blocks(blocks: readonly DocBlock[]): (Paragraph | Table)[] {
    const out: (Paragraph | Table)[] = [];
    for (const b of blocks) {
      switch (b.type) {
        case 'paragraph':
          out.push(new Paragraph({ children: runs(b.content), spacing: { after: 120 } }));
          break;
        case 'heading':
          out.push(
            new Paragraph({
              heading: b.level <= 4 ? HeadingLevel.HEADING_4 : b.level === 5 ? HeadingLevel.HEADING_5 : HeadingLevel.HEADING_6,
              children: runs(b.content),
            }),
          );
          break;
        case 'list':
          out.push(...this.list(b, 0));
          break;
        case 'table':
          out.push(this.table(b), new Paragraph({ children: [] }));
          break;
      }
    }
    return out;
  }

  list(list: DocList, level: number): Paragraph[] {
    const out: Paragraph[] = [];
    const instance = ++this.listInstance;
    // Word numbering counts 1, 2, 3 …; numbers written otherwise are kept as literal labels.
    const counts = list.ordered && list.items.every((li, i) => li.number === undefined || li.number === i + 1);
    list.items.forEach((li, i) => {
      if (list.ordered && !counts) {
        out.push(
          new Paragraph({
            children: [new TextRun({ text: `${li.number ?? i + 1}.\t` }), ...runs(li.content)],
            indent: { left: 567 + level * 425, hanging: 425 },
            spacing: { after: 60 },
          }),
        );
      } else {
        out.push(
          new Paragraph({
            children: runs(li.content),
            numbering: { reference: list.ordered ? 'referat-ordered' : 'referat-bullet', level: Math.min(level, 2), instance },
            spacing: { after: 60 },
          }),
        );
      }
      for (const child of li.children) out.push(...this.list(child, level + 1));
    });
    return out;
  }

  table(table: DocTable): Table {
    const cols = Math.max(table.header?.length ?? 0, ...table.rows.map((r) => r.length), 1);
    const align = (i: number) =>
      table.align[i] === 'right' ? AlignmentType.RIGHT : table.align[i] === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
    const row = (cells: readonly (readonly InlineNode[])[], header: boolean) => {
      const padded = [...cells];
      while (padded.length < cols) padded.push([]);
      return new TableRow({
        tableHeader: header,
        cantSplit: true,
        children: padded.map(
          (c, i) =>
            new TableCell({
              shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'EEEEEE' } : undefined,
              margins: { top: 40, bottom: 40, left: 80, right: 80 },
              children: [new Paragraph({ alignment: align(i), children: runs(c, header ? { bold: true } : {}) })],
            }),
        ),
      });
    };
    const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows: [...(table.header ? [row(table.header, true)] : []), ...table.rows.map((r) => row(r, false))],
    });
  }
}

/** The document's paragraphs and tables: title, header, table of contents, the items. */
function docxBody(doc: ExportDocument): (Paragraph | Table | TableOfContents)[] {
  const w = new DocxWriter();
  const children: (Paragraph | Table | TableOfContents)[] = [];
  children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: clean(doc.title || 'Referat') })] }));
  if (doc.edition === 'internal') {
    children.push(
      new Paragraph({
        children: [new TextRun({ text: 'Intern udgave – indeholder lukkede punkter og må ikke offentliggøres.', bold: true, color: 'B00020' })],
      }),
    );
  }
  for (const h of doc.header) {
    children.push(
      new Paragraph({
        tabStops: [{ type: 'left', position: 2000 }],
        spacing: { after: 80 },
        children: [new TextRun({ text: `${h.label}\t`, bold: true }), new TextRun({ text: clean(h.value) })],
      }),
    );
  }
  if (doc.items.length > 0 && doc.contents !== false) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Indholdsfortegnelse')] }));
    children.push(new TableOfContents('Indholdsfortegnelse', { hyperlink: true, headingStyleRange: '2-2' }));
  }
  doc.items.forEach((item) => {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        pageBreakBefore: true,
        children: [new TextRun({ text: clean(itemHeading(item)) })],
      }),
    );
    if (item.caseNumber) children.push(new Paragraph({ children: [new TextRun({ text: clean(caseNumberLine(doc, item.caseNumber)) })], spacing: { after: 200 } }));
    children.push(...w.blocks(item.preamble));
    for (const s of item.sections) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun({ text: clean(s.heading) })] }));
      children.push(...w.blocks(s.blocks));
    }
  });

  return children;
}

export async function renderDocx(doc: ExportDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const children = docxBody(doc);
  const ordered = [0, 1, 2].map((level) => ({
    level,
    format: LevelFormat.DECIMAL,
    text: `%${level + 1}.`,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: 567 + level * 425, hanging: 425 } } },
  }));
  const bullet = [0, 1, 2].map((level) => ({
    level,
    format: LevelFormat.BULLET,
    text: level === 1 ? '–' : '•',
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: 567 + level * 425, hanging: 425 } } },
  }));

  const file = new Document({
    creator: 'Referat',
    title: clean(doc.title),
    subject: clean([doc.committee, doc.shortDate].filter(Boolean).join(' ')),
    keywords: doc.edition === 'internal' ? 'intern udgave' : 'offentlig udgave',
    lastModifiedBy: 'Referat',
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22, language: { value: 'da-DK' } } },
      },
      paragraphStyles: [
        { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true, size: 30 }, paragraph: { spacing: { after: 120 } } },
        { id: 'Heading3', name: 'Heading 3', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true, size: 24 }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } },
      ],
    },
    numbering: {
      config: [
        { reference: 'referat-ordered', levels: ordered },
        { reference: 'referat-bullet', levels: bullet },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1300, left: 1200, right: 1200 } } },
        headers: {
          default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: clean(runningHeader(doc)), size: 16, color: '444444' })] })] }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ children: ['Side ', PageNumber.CURRENT, ' af ', PageNumber.TOTAL_PAGES], size: 16, color: '444444' })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  void options;
  const buffer = await Packer.toArrayBuffer(file);
  return new Uint8Array(buffer);
}
