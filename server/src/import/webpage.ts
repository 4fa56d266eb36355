/**
 * A kommune's published meeting page, saved as HTML (OS2web/Drupal meeting pages, the agenda
 * modules of the kommune CMSs, static HTML exports) → referat markup. The page's content is
 * read, not its frame: navigation, the site's header, footer and side bars (outside the content
 * the page marks, `<main>` or its one `<article>`), forms, cookie banners, skip links and small
 * hidden elements are page furniture, dropped and counted; text nothing marks as frame is kept. The rest
 * becomes lines as a Word document's HTML does (docx.ts: a heading element or a paragraph all
 * in bold is a heading hint, a table row one line with its cells apart) and goes through the
 * layout importer (layout.ts), so the same recognisers read it as the text of the page.
 */
import { tokenLines } from './docx.js';
import { htmlTokens, type Token } from './html.js';
import { importLayout, type LayoutResult } from './layout.js';
import type { ImportOptions } from './text.js';

/** Elements that are never the minutes' content. */
const FRAME = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'nav', 'form', 'select', 'iframe', 'object', 'canvas']);
/**
 * Elements that are furniture when they hold a few words (`Vis mere`, `Udskriv`, an icon's
 * label): a button that opens an accordion may hold the item's heading, and a collapsed panel
 * (`hidden`, `aria-hidden="true"`, `display: none`) the item's text, which a saved page keeps.
 */
const SMALL_FRAME = new Set(['button', 'dialog']);
const SMALL = 12;
/** Elements that frame a page (the site's header, footer and side bars) when they are outside its content. */
const PAGE_FRAME = new Set(['header', 'footer', 'aside']);
/** Elements with no end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Class or id words of the parts of a page around its content (consent banners, also inside a longer name such as `CybotCookiebotDialog`; menus, sharing, screen-reader-only text). */
const FRAME_NAME = /cookie|consent|gdpr|(?:^|[\s_-])(?:breadcrumbs?|skip-?link|skip-?to|share|social|sr-only|visually-hidden|screen-reader-text|menu|navbar|navigation|site-header|site-footer|page-footer|footer|sidebar|toolbar|pager|pagination|print-link|feedback)(?=$|[\s_-])/iu;
/** Roles of the parts of a page around its content. */
const FRAME_ROLE = /^(?:navigation|banner|contentinfo|search|complementary|dialog|alertdialog|menu|menubar)$/iu;

/** Whether the text is an HTML page or fragment (markup from its first tag, closed tags in it), not published text that mentions a tag. */
export function looksLikeHtmlPage(input: string): boolean {
  const t = input.replace(/^\uFEFF/, '').replace(/^(?:\s|<!--[\s\S]*?-->)+/, '');
  if (/^<(?:!doctype\s+html|html|head|body|meta|title)[\s>]/iu.test(t)) return true;
  return /^<(?:main|article|section|div|h[1-6]|p|table|ul|ol|header)[\s>]/iu.test(t) && /<\/(?:p|div|h[1-6]|li|td|article|section|main)>/iu.test(t);
}

/** Whether the element says it is the page's frame (a role, a class or id). */
function frameByName(attrs: Readonly<Record<string, string>> | undefined): boolean {
  if (!attrs) return false;
  if (attrs.role && FRAME_ROLE.test(attrs.role.trim())) return true;
  return FRAME_NAME.test(`${attrs.class ?? ''} ${attrs.id ?? ''}`);
}

/** Whether the element is hidden (furniture when it holds a few words only). */
function hiddenByAttributes(attrs: Readonly<Record<string, string>> | undefined): boolean {
  if (!attrs) return false;
  return 'hidden' in attrs || attrs['aria-hidden'] === 'true' || (!!attrs.style && /display\s*:\s*none|visibility\s*:\s*hidden/iu.test(attrs.style));
}

function isContent(tok: Token): boolean {
  return tok.kind === 'tag' && !tok.close && (tok.name === 'main' || tok.attrs?.role === 'main');
}

/** The end of the element opened at `i` (the index of its end tag, or the last token when it is never closed). */
function endOf(tokens: readonly Token[], i: number): number {
  const open = tokens[i]!;
  if (open.kind !== 'tag' || VOID.has(open.name)) return i;
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.kind !== 'tag' || t.name !== open.name) continue;
    depth += t.close ? -1 : 1;
    if (depth === 0) return j;
  }
  return tokens.length - 1;
}

function textOf(tokens: readonly Token[]): string {
  return tokens.map((t) => (t.kind === 'text' ? t.text : ' ')).join('');
}

function words(tokens: readonly Token[]): number {
  let n = 0;
  for (const t of tokens) if (t.kind === 'text') n += (t.text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
  return n;
}

/**
 * The page's content tokens, and what was dropped as its frame (blocks and words): the page less
 * the elements that are navigation or furniture, and less the site's header, footer and side
 * bars outside the content the page marks (`<main>`, else its one `<article>`).
 */
export function pageContent(tokens: readonly Token[]): { tokens: Token[]; droppedBlocks: number; droppedWords: number } {
  const main = tokens.findIndex(isContent);
  const articles = tokens.flatMap((t, k) => (t.kind === 'tag' && !t.close && t.name === 'article' ? [k] : []));
  // A page's one article is its content; a list of articles (news teasers) is not.
  const region = main >= 0 ? main : articles.length === 1 ? articles[0]! : -1;
  const regionEnd = region >= 0 ? endOf(tokens, region) : -1;
  const total = words(tokens);
  const out: Token[] = [];
  let droppedBlocks = 0;
  // Inside a heading element (`<h2><button>41. Title</button></h2>`, an accordion's trigger) a button is the heading.
  let heading = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === 'tag' && /^h[1-6]$/.test(t.name)) heading = Math.max(0, heading + (t.close ? -1 : 1));
    if (t.kind === 'tag' && !t.close) {
      // The site's header, footer and side bars frame the content, not inside it (a meeting's
      // own `<header>` in `<main>` is content). Text outside the content that nothing marks as
      // frame (a page heading above `<main>` with the meeting's date) is kept: it may be the minutes'.
      const inContent = region >= 0 && k > region && k < regionEnd;
      const named = FRAME.has(t.name) || (!inContent && PAGE_FRAME.has(t.name)) || frameByName(t.attrs);
      // Only a candidate is measured (its end found, its words counted): an ordinary element is
      // passed by, so that a page of unclosed cells costs no scan to its end per cell.
      const sized = !named && (SMALL_FRAME.has(t.name) || hiddenByAttributes(t.attrs));
      if (named || sized) {
        const end = endOf(tokens, k);
        const inner = tokens.slice(k, end + 1);
        const n = words(inner);
        const small = n < SMALL && (hiddenByAttributes(t.attrs) || (heading === 0 && !/^\s*\d{1,4}\b/.test(textOf(inner))));
        if (named || small) {
          if (n > 0) droppedBlocks++;
          k = end;
          continue;
        }
      }
    }
    out.push(t);
  }
  return { tokens: out, droppedBlocks, droppedWords: total - words(out) };
}

const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption']);
const NUMBER_CELL = /^\s*\d{1,4}\.?\s*$/u;

/**
 * A table that lays out a page rather than holding data: a heading element in one of its cells
 * (a portal's list of items as rows, `<tr class="punktrow"><td>1</td><td><h2>Title</h2>…`). Its
 * rows and cells become plain blocks, so that each heading, paragraph and list in a cell is a
 * line of its own, not one row's run of text; a cell holding only a number (the item's) is
 * written before the next cell's first text, as `1 Title`. A data table (no heading in it) stays a table.
 */
export function unfoldLayoutTables(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'tag' || t.close || t.name !== 'table') {
      out.push(t);
      continue;
    }
    const end = endOf(tokens, k);
    const inner = tokens.slice(k, end + 1);
    if (!inner.some((x) => x.kind === 'tag' && !x.close && /^h[1-6]$/.test(x.name))) {
      out.push(...inner);
      k = end;
      continue;
    }
    let carried = '';
    for (let j = 0; j < inner.length; j++) {
      const x = inner[j]!;
      if (x.kind === 'tag' && !x.close && (x.name === 'td' || x.name === 'th')) {
        const close = endOf(inner, j);
        const text = textOf(inner.slice(j + 1, close));
        if (close > j && NUMBER_CELL.test(text) && inner.slice(j + 1, close).every((y) => y.kind === 'text' || !BLOCK_IN_CELL.test(y.name))) {
          carried += `${text.trim()} `;
          j = close;
          continue;
        }
      }
      if (x.kind === 'tag' && TABLE_PARTS.has(x.name)) out.push({ ...x, name: 'div' });
      else if (carried && x.kind === 'text' && x.text.trim()) {
        out.push({ kind: 'text', text: carried + x.text.trimStart() });
        carried = '';
      } else out.push(x);
    }
    k = end;
  }
  return out;
}
const BLOCK_IN_CELL = /^(?:h[1-6]|p|div|ul|ol|table)$/;

/** Imports a saved meeting page. The lines its content gives are returned too (`text`), for the house style to be inferred from. */
export function importHtmlPage(html: string, options: ImportOptions = {}): LayoutResult {
  const { tokens, droppedBlocks, droppedWords } = pageContent(htmlTokens(html));
  const guesses = droppedWords > 0 ? [`web page: ${droppedWords} words of navigation, site header and footer, banners and hidden elements dropped`] : [];
  return importLayout(tokenLines(unfoldLayoutTables(tokens)), options, { furnitureDropped: droppedBlocks, furnitureWords: droppedWords, guesses });
}
