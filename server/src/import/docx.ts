/**
 * Word documents (`.docx`, the agendas and minutes the case systems produce) → referat markup.
 * mammoth turns the document into HTML (a Word heading style becomes `<h1>`–`<h6>`, bold runs
 * `<strong>`, lists and tables as such; running headers and footers are left out); the HTML is
 * read with the importer's HTML tokenizer (`html.ts`) into lines, one a paragraph, list item or
 * table row (cells separated by a tab, so a table of contents keeps its page column), and the
 * lines go through the layout importer: a heading style or a paragraph all in bold is a heading.
 */
import { BLOCK, htmlTokens, type Token } from './html.js';
import { BOLD_LEVEL, importLayout, ImportRefusal, type LayoutLine, type LayoutResult } from './layout.js';
import type { ImportOptions } from './text.js';


/** Lines of mammoth's HTML, each with the heading level its paragraph has, if any. */
export function htmlLines(html: string): LayoutLine[] {
  return tokenLines(htmlTokens(html));
}

/** Lines of HTML tokens (mammoth's, or a web page's content), each with the heading level its paragraph has, if any. */
export function tokenLines(tokens: readonly Token[]): LayoutLine[] {
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
  for (const tok of tokens) {
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

interface StyleFacts {
  name?: string;
  basedOn?: string;
  bold?: boolean;
  size?: number;
  outline?: number;
}

/**
 * The document's own paragraph styles that make headings, as mammoth lines: mammoth maps
 * Word's built-in heading styles, but the case systems' agendas often use styles of their own
 * (`Punktoverskrift`), bold or larger by the style, or given an outline level. Read from
 * `word/styles.xml` (with `basedOn` inheritance): an outline level N makes `hN+1`; a bold or
 * larger style makes `h6`, below every heading style.
 */
export function headingStyleMap(stylesXml: string): string[] {
  const styles = new Map<string, StyleFacts>();
  let defaultSize = 22;
  const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(stylesXml)?.[0] ?? '';
  const sz = /<w:sz w:val="(\d+)"/.exec(defaults);
  if (sz) defaultSize = Number(sz[1]);
  for (const m of stylesXml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const attrs = m[1]!;
    const body = m[2]!;
    if (!/w:type="paragraph"/.test(attrs)) continue;
    const id = /w:styleId="([^"]+)"/.exec(attrs)?.[1];
    if (!id) continue;
    const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(body)?.[1] ?? '';
    const b = /<w:b(?:\s+w:val="([^"]*)")?\s*\/>/.exec(rPr);
    const size = /<w:sz w:val="(\d+)"/.exec(rPr);
    const outline = /<w:outlineLvl w:val="(\d)"/.exec(body);
    styles.set(id, {
      name: /<w:name w:val="([^"]+)"/.exec(body)?.[1],
      basedOn: /<w:basedOn w:val="([^"]+)"/.exec(body)?.[1],
      bold: b ? !/^(0|false|off)$/i.test(b[1] ?? '') : undefined,
      size: size ? Number(size[1]) : undefined,
      outline: outline ? Number(outline[1]) : undefined,
    });
  }
  const facts = (id: string, seen = new Set<string>()): StyleFacts => {
    const s = styles.get(id);
    if (!s || seen.has(id)) return {};
    seen.add(id);
    const base = s.basedOn ? facts(s.basedOn, seen) : {};
    return { ...base, ...Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) };
  };
  const map: string[] = [];
  for (const id of styles.keys()) {
    const f = facts(id);
    const name = styles.get(id)!.name;
    if (!name || /^heading [1-6]$|^title$/i.test(name)) continue; // mammoth's own map reads these
    const quoted = name.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
    if (f.outline !== undefined && f.outline < 6) map.push(`p[style-name='${quoted}'] => h${f.outline + 1}:fresh`);
    else if (f.bold || (f.size !== undefined && f.size >= defaultSize * 1.15)) map.push(`p[style-name='${quoted}'] => h6:fresh`);
  }
  return map;
}

export async function importDocx(bytes: Uint8Array, options: ImportOptions = {}): Promise<LayoutResult> {
  const mammoth = await import('mammoth');
  const { zipEntries, zipRead } = await import('./zip.js');
  const stylesEntry = zipEntries(bytes).find((e) => e.name === 'word/styles.xml');
  const stylesXml = stylesEntry ? zipRead(bytes, stylesEntry) : undefined;
  let html: string;
  try {
    const lib = mammoth.default ?? mammoth;
    // Images carry no words of the minutes: not encoded into the HTML.
    const convertImage = lib.images.imgElement(async () => ({ src: '' }));
    html = (await lib.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: stylesXml ? headingStyleMap(stylesXml) : [], convertImage })).value;
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 100);
    throw new ImportRefusal({ da: `Word-dokumentet kan ikke læses (${why})`, en: `the Word document cannot be read (${why})` });
  }
  const lines = htmlLines(html);
  if (!lines.some((l) => /\p{L}/u.test(l.text))) throw new ImportRefusal({ da: 'Word-dokumentet indeholder ingen tekst', en: 'the Word document holds no text' });
  return importLayout(lines, options, { furnitureDropped: 0, guesses: [] });
}
