/**
 * The publishing portal's section HTML → markup blocks: paragraphs, lists, bold and
 * italic, tables (as pipe tables), headings (as `####` sub-headings). The HTML is read by
 * parse5's tokenizer, as a browser reads it (entities, `<>` and `a < b` as text, `>` inside
 * quoted attributes, comments, raw-text elements); the conversion works on its tag and text
 * events without building a tree, so a damaged record keeps every word: unknown tags are
 * dropped, their text kept.
 */
import { Tokenizer, TokenizerMode, type Token as Html, type TokenHandler } from 'parse5';
import { escapeCommentOpen } from './text.js';

interface Tag {
  name: string;
  close: boolean;
}

/**
 * A tag carries its place in the source (`start`–`end`), so that callers can cut the HTML at it,
 * and a start tag the attributes that say what an element is for (`class`, `id`, `role`,
 * `hidden`, `aria-hidden`, `style`), for a web page's reader to tell content from navigation.
 */
export type Token = { kind: 'text'; text: string } | ({ kind: 'tag'; start: number; end: number; attrs?: Readonly<Record<string, string>> } & Tag);

const KEPT_ATTRIBUTES = new Set(['class', 'id', 'role', 'hidden', 'aria-hidden', 'style']);

/** Elements whose content the HTML parser reads as plain text (it switches the tokenizer, as here). */
const RAWTEXT = new Set(['style', 'xmp', 'iframe', 'noembed', 'noframes', 'script']);
const RCDATA = new Set(['textarea', 'title']);

/** Tags and text of an HTML fragment, in order (comments and doctypes dropped). */
export function htmlTokens(html: string): Token[] {
  const out: Token[] = [];
  const text = (t: Html.CharacterToken) => {
    const last = out[out.length - 1];
    if (last?.kind === 'text') last.text += t.chars;
    else out.push({ kind: 'text', text: t.chars });
  };
  const handler: TokenHandler = {
    onComment: () => undefined,
    onDoctype: () => undefined,
    onEof: () => undefined,
    onCharacter: text,
    onNullCharacter: text,
    onWhitespaceCharacter: text,
    onStartTag: (t) => {
      const at = { start: t.location?.startOffset ?? 0, end: t.location?.endOffset ?? 0 };
      const kept = t.attrs.filter((a) => KEPT_ATTRIBUTES.has(a.name));
      out.push({ kind: 'tag', name: t.tagName, close: false, ...at, ...(kept.length ? { attrs: Object.fromEntries(kept.map((a) => [a.name, a.value])) } : {}) });
      if (RAWTEXT.has(t.tagName)) tokenizer.state = TokenizerMode.RAWTEXT;
      else if (RCDATA.has(t.tagName)) tokenizer.state = TokenizerMode.RCDATA;
      else if (t.tagName === 'plaintext') tokenizer.state = TokenizerMode.PLAINTEXT;
      // A self-closing tag (`<br/>`, `<p/>`) opens and closes.
      if (t.selfClosing && t.tagName !== 'br') out.push({ kind: 'tag', name: t.tagName, close: true, ...at });
    },
    onEndTag: (t) => {
      out.push({ kind: 'tag', name: t.tagName, close: true, start: t.location?.startOffset ?? 0, end: t.location?.endOffset ?? 0 });
    },
  };
  // RAWTEXT and RCDATA end at the end tag of the element that started them (the tokenizer
  // remembers its name).
  const tokenizer = new Tokenizer({ sourceCodeLocationInfo: true }, handler);
  tokenizer.write(html, true);
  return out;
}

/**
 * Elements a browser lays out as blocks (or breaks a line at): they separate words. Every other
 * tag, unknown ones included (`<n>`, `<o:p>`), is inline as in a browser: `i<n>3` reads "i3".
 */
export const BLOCK = new Set([
  ...['p', 'div', 'section', 'article', 'aside', 'nav', 'header', 'footer', 'main', 'address', 'blockquote', 'figure', 'figcaption'],
  ...['pre', 'hr', 'br', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'details', 'summary', 'fieldset', 'legend'],
  ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
]);

const TABLE_PARTS = new Set(['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);

/** Converts section HTML to markup lines (blocks separated by blank lines). */
export function htmlToMarkup(html: string): string {
  const w = new MarkupWriter();
  for (const tok of htmlTokens(html)) {
    if (tok.kind === 'text') w.write(tok.text);
    else w.tag(tok.name, tok.close);
  }
  return w.finish();
}

/** Writes markup blocks as the HTML's tags open and close. */
class MarkupWriter {
  private readonly blocks: string[] = [];
  private line = '';
  private readonly lists: { ordered: boolean; n: number }[] = [];
  private table: string[][] | undefined;
  private row: string[] | undefined;
  private cell: string | undefined;
  private heading = 0;

  write(s: string): void {
    if (this.cell !== undefined) this.cell += s;
    else this.line += s;
  }

  tag(name: string, close: boolean): void {
    // Inside a table cell, a block (a paragraph, a list item, a heading: or a damaged record's
    // whole rest, when its </td> was lost) is written into the cell: it still separates words.
    if (this.cell !== undefined && BLOCK.has(name) && !TABLE_PARTS.has(name)) this.cell += ' ';
    if (name === 'strong' || name === 'b') this.write('**');
    else if (name === 'em' || name === 'i') this.write('*');
    else if (name === 'br') {
      if (this.cell !== undefined) this.cell += ' ';
      else this.flush();
    } else if (name === 'ul' || name === 'ol') {
      this.flush();
      if (close) this.lists.pop();
      else this.lists.push({ ordered: name === 'ol', n: 0 });
    } else if (name === 'li') this.listItem(close);
    else if (TABLE_PARTS.has(name)) this.tablePart(name, close);
    else if (/^h[1-6]$/.test(name)) {
      this.flush();
      this.heading = close ? 0 : 1;
    } else if (BLOCK.has(name)) this.flush();
  }

  /** The blocks, joined by blank lines; HTML cut off inside a table keeps what was read of it. */
  finish(): string {
    this.closeTable();
    this.flush();
    return this.blocks
      .map((b) => b.replace(/\*\*(\s*)\*\*/g, '$1').replace(/\*\*\s+([^*]+?)\s+\*\*/g, ' **$1** ').replace(/^\s+(?=[^\s\d-])/, ''))
      .filter((b) => b.trim() && b.trim() !== '**')
      .map(escapeCommentOpen)
      .join('\n\n');
  }

  private flush(): void {
    const t = this.line.replace(/\s+/g, ' ').trim();
    this.line = '';
    if (!t) return;
    if (this.heading) this.blocks.push(`#### ${t.replace(/\*\*/g, '')}`);
    else if (/^[#|]/.test(t)) this.blocks.push(`\\${t}`);
    else this.blocks.push(t);
  }

  private listItem(close: boolean): void {
    if (!close) {
      this.flush();
      const l = this.lists[this.lists.length - 1];
      const indent = '  '.repeat(Math.max(0, this.lists.length - 1));
      if (l) l.n++;
      this.line = `${indent}${l?.ordered ? `${l.n}.` : '-'} `;
    } else {
      const t = this.line.replace(/\s+$/, '');
      this.line = '';
      if (t.trim() && !/^\s*(-|\d+\.)$/.test(t)) this.blocks.push(t.replace(/(\S)\s{2,}/g, '$1 '));
    }
  }

  private tablePart(name: string, close: boolean): void {
    if (name === 'table') {
      this.flush();
      // A table opened inside an open one (nested, or a damaged record): the open one is kept first.
      this.closeTable();
      if (!close) this.table = [];
    } else if (name === 'tr') {
      this.endRow();
      // A row outside a table (its <table> tag lost in a damaged record) still makes one.
      if (!close) (this.row = []), (this.table ??= []);
    } else if (name === 'td' || name === 'th') {
      this.endCell();
      // A cell outside a row (its <tr> tag lost in a damaged record) starts one.
      if (!close) (this.row ??= []), (this.table ??= []), (this.cell = '');
    } else if (name === 'caption') {
      // The caption becomes a paragraph before the table.
      if (close && this.table) this.flush();
    } else this.flush(); // thead, tbody, tfoot: blocks
  }

  // Damaged records lose </td>, </tr> or <tr>: an open cell or row is ended, never dropped.
  private endCell(): void {
    if (this.cell === undefined) return;
    (this.row ??= []).push(this.cell.replace(/\*\*(\s*)\*\*/g, '$1'));
    this.cell = undefined;
  }

  private endRow(): void {
    this.endCell();
    if (this.row) (this.table ??= []).push(this.row);
    this.row = undefined;
  }

  private closeTable(): void {
    this.endRow();
    const table = this.table;
    if (!table) return;
    const width = Math.max(0, ...table.map((r) => r.length));
    if (width > 0) {
      const pad = (r: string[]) => [...r, ...Array<string>(width - r.length).fill('')];
      const fmt = (r: string[]) => `| ${pad(r).map((c) => c.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim() || ' ').join(' | ')} |`;
      const rows = table.filter((r) => r.some((c) => c.trim()));
      const head = rows[0] ?? Array<string>(width).fill('');
      this.blocks.push([fmt(head), `|${Array(width).fill('---').join('|')}|`, ...rows.slice(1).map(fmt)].join('\n'));
    }
    this.table = undefined;
  }
}
