/**
 * Word documents (`.docx`, the agendas and minutes the case systems produce) → referat markup.
 * mammoth turns the document into HTML (a Word heading style becomes `<h1>`–`<h6>`, bold runs
 * `<strong>`, lists and tables as such; running headers and footers are left out); the HTML is
 * read with the importer's HTML tokenizer (`html.ts`) into lines, one a paragraph, list item or
 * table row (cells separated by a tab, so a table of contents keeps its page column), and the
 * lines go through the layout importer: a heading style or a paragraph all in bold is a heading.
 */
import { BLOCK, htmlTokens } from './html.js';
import { importLayout, ImportRefusal, type LayoutLine, type LayoutResult } from './layout.js';
import type { ImportOptions } from './text.js';

/** Level given to a paragraph all in bold: below every heading style. */
const BOLD_LEVEL = 7;

/** Lines of mammoth's HTML, each with the heading level its paragraph has, if any. */
export function htmlLines(html: string): LayoutLine[] {
  const out: LayoutLine[] = [];
  let text = '';
  let boldChars = 0;
  let bold = 0;
  let heading: number | undefined;
  const lists: { ordered: boolean; n: number }[] = [];
  let row: string[] | undefined;
  let cell: string | undefined;
  // The list point's number or bullet, written before the text (not counted for bold).
  let prefix = 0;
  const flush = () => {
    const t = text.replace(/[^\S\t]+/g, ' ').replace(/ *\t */g, '\t').trim();
    const letters = (text.slice(prefix).match(/\p{L}|\p{N}/gu) ?? []).length;
    prefix = 0;
    const allBold = letters > 0 && boldChars >= letters;
    if (t) out.push(heading !== undefined ? { text: t, level: heading } : allBold ? { text: t, level: BOLD_LEVEL } : { text: t });
    text = '';
    boldChars = 0;
  };
  const write = (s: string) => {
    if (cell !== undefined) cell += s;
    else {
      text += s;
      if (bold > 0) boldChars += (s.match(/\p{L}|\p{N}/gu) ?? []).length;
    }
  };
  for (const tok of htmlTokens(html)) {
    if (tok.kind === 'text') {
      write(tok.text);
      continue;
    }
    const { name, close } = tok;
    if (name === 'strong' || name === 'b') {
      bold = Math.max(0, bold + (close ? -1 : 1));
      continue;
    }
    if (/^h[1-6]$/.test(name)) {
      flush();
      heading = close ? undefined : Number(name[1]);
      continue;
    }
    if (name === 'tr') {
      if (cell !== undefined) (row ??= []).push(cell), (cell = undefined);
      if (row?.some((c) => c.trim())) out.push({ text: row.map((c) => c.replace(/\s+/g, ' ').trim()).join('\t') });
      row = close ? undefined : [];
      continue;
    }
    if (name === 'td' || name === 'th') {
      if (cell !== undefined) (row ??= []).push(cell);
      cell = close ? undefined : '';
      continue;
    }
    if (name === 'table') {
      if (cell !== undefined) (row ??= []).push(cell), (cell = undefined);
      if (row?.some((c) => c.trim())) out.push({ text: row.map((c) => c.replace(/\s+/g, ' ').trim()).join('\t') });
      row = undefined;
      flush();
      continue;
    }
    if (cell !== undefined) {
      if (BLOCK.has(name)) cell += ' ';
      continue;
    }
    if (name === 'ul' || name === 'ol') {
      flush();
      if (close) lists.pop();
      else lists.push({ ordered: name === 'ol', n: 0 });
      continue;
    }
    if (name === 'li') {
      flush();
      if (!close) {
        const l = lists[lists.length - 1];
        if (l) l.n++;
        text = l?.ordered ? `${l.n}. ` : '• ';
        prefix = text.length;
      }
      continue;
    }
    if (BLOCK.has(name)) flush();
  }
  flush();
  return out;
}

export async function importDocx(bytes: Uint8Array, options: ImportOptions = {}): Promise<LayoutResult> {
  const mammoth = await import('mammoth');
  let html: string;
  try {
    html = (await (mammoth.default ?? mammoth).convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 100);
    throw new ImportRefusal({ da: `Word-dokumentet kan ikke læses (${why})`, en: `the Word document cannot be read (${why})` });
  }
  const lines = htmlLines(html);
  if (!lines.some((l) => /\p{L}/u.test(l.text))) throw new ImportRefusal({ da: 'Word-dokumentet indeholder ingen tekst', en: 'the Word document holds no text' });
  return importLayout(lines, options, { furnitureDropped: 0, guesses: [] });
}
