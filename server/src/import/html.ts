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

/** A tag carries its place in the source (`start`–`end`), so that callers can cut the HTML at it. */
type Token = { kind: 'text'; text: string } | ({ kind: 'tag'; start: number; end: number } & Tag);

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
      out.push({ kind: 'tag', name: t.tagName, close: false, ...at });
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
  const tokens = htmlTokens(html);
  const blocks: string[] = [];
  let line = '';
  const lists: { ordered: boolean; n: number }[] = [];
  let table: string[][] | undefined;
  let row: string[] | undefined;
  let cell: string | undefined;
  let tableHasHead = false;
  let heading = 0;
  const flush = () => {
    const t = line.replace(/\s+/g, ' ').trim();
    line = '';
    if (!t) return;
    if (heading) blocks.push(`#### ${t.replace(/\*\*/g, '')}`);
    else if (/^[#|]/.test(t)) blocks.push(`\\${t}`);
    else blocks.push(t);
  };
  // Damaged records lose </td>, </tr> or <tr>: an open cell or row is ended, never dropped.
  const endCell = () => {
    if (cell === undefined) return;
    (row ??= []).push(cell.replace(/\*\*(\s*)\*\*/g, '$1'));
    cell = undefined;
  };
  const endRow = () => {
    endCell();
    if (row) (table ??= []).push(row);
    row = undefined;
  };
  const closeTable = () => {
    endRow();
    if (!table) return;
    const width = Math.max(0, ...table.map((r) => r.length));
    if (width > 0) {
      const pad = (r: string[]) => [...r, ...Array(width - r.length).fill('')];
      const fmt = (r: string[]) => `| ${pad(r).map((c) => c.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim() || ' ').join(' | ')} |`;
      const rows = table.filter((r) => r.some((c) => c.trim()));
      const head = rows[0] ?? Array(width).fill('');
      blocks.push([fmt(head), `|${Array(width).fill('---').join('|')}|`, ...rows.slice(1).map(fmt)].join('\n'));
    }
    table = undefined;
  };
  const write = (s: string) => {
    if (cell !== undefined) cell += s;
    else line += s;
  };
  for (const tok of tokens) {
    if (tok.kind === 'text') {
      write(tok.text);
      continue;
    }
    const { name, close } = tok;
    // Inside a table cell, a block (a paragraph, a list item, a heading: or a damaged record's
    // whole rest, when its </td> was lost) is written into the cell: it still separates words.
    if (cell !== undefined && BLOCK.has(name) && !TABLE_PARTS.has(name)) cell += ' ';
    switch (name) {
      case 'strong':
      case 'b':
        write('**');
        break;
      case 'em':
      case 'i':
        write('*');
        break;
      case 'br':
        if (cell !== undefined) cell += ' ';
        else flush();
        break;
      case 'ul':
      case 'ol':
        flush();
        if (close) lists.pop();
        else lists.push({ ordered: name === 'ol', n: 0 });
        break;
      case 'li':
        if (!close) {
          flush();
          const l = lists[lists.length - 1];
          const indent = '  '.repeat(Math.max(0, lists.length - 1));
          if (l) l.n++;
          line = `${indent}${l?.ordered ? `${l.n}.` : '-'} `;
        } else {
          const t = line.replace(/\s+$/, '');
          line = '';
          if (t.trim() && !/^\s*(-|\d+\.)$/.test(t)) blocks.push(t.replace(/(\S)\s{2,}/g, '$1 '));
        }
        break;
      case 'table':
        flush();
        // A table opened inside an open one (nested, or a damaged record): the open one is kept first.
        closeTable();
        if (!close) {
          table = [];
          tableHasHead = false;
        }
        break;
      case 'tr':
        endRow();
        if (!close) {
          row = [];
          // A row outside a table (its <table> tag lost in a damaged record) still makes one.
          table ??= [];
        }
        break;
      case 'td':
      case 'th':
        endCell();
        if (!close) {
          // A cell outside a row (its <tr> tag lost in a damaged record) starts one.
          row ??= [];
          table ??= [];
          cell = '';
          if (name === 'th') tableHasHead = true;
        }
        break;
      case 'caption':
        if (close && table) {
          // The caption becomes a paragraph before the table.
          flush();
        }
        break;
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        flush();
        heading = close ? 0 : 1;
        break;
      default:
        if (BLOCK.has(name)) flush();
    }
  }
  // HTML cut off inside a table (a truncated record): what was read of it is kept.
  closeTable();
  flush();
  void tableHasHead;
  return blocks
    .map((b) => b.replace(/\*\*(\s*)\*\*/g, '$1').replace(/\*\*\s+([^*]+?)\s+\*\*/g, ' **$1** ').replace(/^\s+(?=[^\s\d-])/, ''))
    .filter((b) => b.trim() && b.trim() !== '**')
    .map(escapeCommentOpen)
    .join('\n\n');
}
