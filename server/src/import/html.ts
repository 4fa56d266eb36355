/**
 * The publishing portal's section HTML → markup blocks: paragraphs, lists, bold and
 * italic, tables (as pipe tables), headings (as `####` sub-headings). A small tag reader,
 * not a browser: unknown tags are dropped, their text kept.
 */
import { escapeCommentOpen } from './text.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', aelig: 'æ', oslash: 'ø', aring: 'å', AElig: 'Æ', Oslash: 'Ø', Aring: 'Å', ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', sect: '§', eacute: 'é' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

interface Tag {
  name: string;
  close: boolean;
}

type Token = { kind: 'text'; text: string } | ({ kind: 'tag' } & Tag);

function tokenize(html: string): Token[] {
  const out: Token[] = [];
  const re = /<!--[\s\S]*?-->|<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|[^<]+|</g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    const t = m[0];
    if (t.startsWith('<!--')) continue;
    if (m[1]) out.push({ kind: 'tag', name: m[1].toLowerCase(), close: t.startsWith('</') });
    else out.push({ kind: 'text', text: decodeEntities(t) });
  }
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

/** Converts section HTML to markup lines (blocks separated by blank lines). */
export function htmlToMarkup(html: string): string {
  const tokens = tokenize(html);
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
  const closeTable = () => {
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
        if (!close) {
          row = [];
          // A row outside a table (its <table> tag lost in a damaged record) still makes one.
          table ??= [];
        }
        else if (row && table) {
          table.push(row);
          row = undefined;
        }
        break;
      case 'td':
      case 'th':
        if (!close) {
          cell = '';
          if (name === 'th') tableHasHead = true;
        } else if (row) {
          row.push((cell ?? '').replace(/\*\*\s*\*\*/g, ''));
          cell = undefined;
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
  if (cell !== undefined) (row ??= []).push(cell);
  if (row && table) table.push(row);
  closeTable();
  flush();
  void tableHasHead;
  return blocks
    .map((b) => b.replace(/\*\*(\s*)\*\*/g, '$1').replace(/\*\*\s+([^*]+?)\s+\*\*/g, ' **$1** ').replace(/^\s+(?=[^\s\d-])/, ''))
    .filter((b) => b.trim() && b.trim() !== '**')
    .map(escapeCommentOpen)
    .join('\n\n');
}
