/**
 * One self-contained HTML file: inline CSS (screen, phone and print), no scripts, no
 * external requests (a Content-Security-Policy forbids them), `lang="da"`, one `h1`,
 * an `h2` per item, an `h3` per section, a `nav` table of contents with links, tables
 * with `th scope`. Every user text is escaped; link targets were filtered when the
 * export document was built (http(s), mailto, relative) and are escaped again here.
 */
import type { DocBlock, DocList, DocSection, DocTable, ExportDocument, InlineNode } from './model.js';
import { caseNumberLine, itemHeading } from './model.js';
import { safeHref } from './inline.js';

export interface HtmlOptions {
  /** Adds `data-line="<0-based source line>"` to items, sections and blocks (editor preview scroll sync). */
  readonly sourceLines?: boolean;
  /** Replaces the Content-Security-Policy (a webview needs its own, e.g. with a script nonce). */
  readonly csp?: string;
  /** Trusted markup appended to `<head>` (e.g. the preview's nonce'd script); never user text. */
  readonly head?: string;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and (double- or single-quoted) attribute values. */
export function escapeHtml(text: string): string {
  // Also drop characters that are not allowed in HTML (C0 controls other than tab/newline).
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/[&<>"']/g, (c) => ESC[c]!);
}

export function inlineToHtml(nodes: readonly InlineNode[]): string {
  let out = '';
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        out += escapeHtml(n.text);
        break;
      case 'strong':
        out += `<strong>${inlineToHtml(n.children)}</strong>`;
        break;
      case 'emphasis':
        out += `<em>${inlineToHtml(n.children)}</em>`;
        break;
      case 'link': {
        const href = safeHref(n.href);
        const inner = inlineToHtml(n.children) || escapeHtml(n.href);
        out += href !== undefined ? `<a href="${escapeHtml(href)}">${inner}</a>` : inner;
        break;
      }
    }
  }
  return out;
}

/** ` data-line="N"` when source lines are asked for and known. */
function lineAttr(line: number | undefined, on: boolean): string {
  return on && line !== undefined ? ` data-line="${line}"` : '';
}

function listToHtml(list: DocList, lines = false): string {
  const tag = list.ordered ? 'ol' : 'ul';
  const first = list.items[0]?.number;
  const start = list.ordered && first !== undefined && first !== 1 ? ` start="${first}"` : '';
  const items = list.items
    .map((li, i) => {
      // Keep the numbers as written when they do not simply count up.
      const expected = (first ?? 1) + i;
      const value = list.ordered && li.number !== undefined && li.number !== expected ? ` value="${li.number}"` : '';
      return `<li${value}>${inlineToHtml(li.content)}${li.children.map((c) => listToHtml(c, lines)).join('')}</li>`;
    })
    .join('');
  return `<${tag}${start}${lineAttr(list.line, lines)}>${items}</${tag}>`;
}

const ALIGN_CLASS = { left: 'l', center: 'c', right: 'r' } as const;

function tableToHtml(table: DocTable, lines = false): string {
  const cls = (i: number) => {
    const a = table.align[i];
    return a ? ` class="${ALIGN_CLASS[a]}"` : '';
  };
  const head = table.header
    ? `<thead><tr>${table.header.map((c, i) => `<th scope="col"${cls(i)}>${inlineToHtml(c)}</th>`).join('')}</tr></thead>`
    : '';
  const body = table.rows
    .map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${inlineToHtml(c)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<div class="table-wrap"${lineAttr(table.line, lines)}><table>${head}<tbody>\n${body}\n</tbody></table></div>`;
}

export function blockToHtml(block: DocBlock, lines = false): string {
  const at = lineAttr(block.line, lines);
  switch (block.type) {
    case 'paragraph':
      return `<p${at}>${inlineToHtml(block.content)}</p>`;
    case 'heading': {
      const level = Math.min(6, Math.max(4, block.level));
      return `<h${level}${at}>${inlineToHtml(block.content)}</h${level}>`;
    }
    case 'list':
      return listToHtml(block, lines);
    case 'table':
      return tableToHtml(block, lines);
  }
}

/** A section's body as HTML (also used for the portal record). */
export function blocksToHtml(blocks: readonly DocBlock[], sep = '\n', lines = false): string {
  return blocks.map((b) => blockToHtml(b, lines)).join(sep);
}

function sectionToHtml(section: DocSection, lines: boolean): string {
  const cls = section.portalClass ?? section.kind;
  return `<section class="${escapeHtml(cls)}"${lineAttr(section.line, lines)}>\n<h3>${escapeHtml(section.heading)}</h3>\n${blocksToHtml(section.blocks, '\n', lines)}\n</section>`;
}

const CSS = `
:root{color-scheme:light dark;--fg:#1a1a1a;--bg:#fff;--muted:#4a4a4a;--rule:#c8c8c8;--link:#0645ad;--band:#f1f2f4}
@media (prefers-color-scheme:dark){:root{--fg:#e8e8e8;--bg:#181a1b;--muted:#b8b8b8;--rule:#4a4a4a;--link:#8ab4f8;--band:#24272a}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0 auto;max-width:52rem;padding:1rem 1.25rem 3rem;font:1rem/1.55 "DejaVu Sans",Verdana,Arial,sans-serif;color:var(--fg);background:var(--bg);overflow-wrap:break-word}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.3rem;line-height:1.3;margin:2.5rem 0 .5rem;padding-top:.75rem;border-top:2px solid var(--rule)}
h3{font-size:1.05rem;margin:1.4rem 0 .4rem}
h4,h5,h6{font-size:1rem;margin:1rem 0 .3rem}
h3+p,h3+ol,h3+ul,h4+p{margin-top:.25rem}
a{color:var(--link)}
a:focus-visible{outline:3px solid var(--link);outline-offset:2px}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1.25rem;margin:0 0 1.5rem}
.meta dt{font-weight:bold}
.meta dd{margin:0}
.edition{border:2px solid #b00020;color:#b00020;padding:.4rem .75rem;font-weight:bold}
nav h2{border-top:none;margin-top:1rem}
nav ol{list-style:none;padding:0;margin:0}
nav li{margin:.25rem 0}
.sagsnr{color:var(--muted);margin:.25rem 0 1rem}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.table-wrap{overflow-x:auto;margin:1rem 0}
table{border-collapse:collapse;min-width:50%}
th,td{border:1px solid var(--rule);padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:var(--band)}
.r{text-align:right}.c{text-align:center}.l{text-align:left}
@media (max-width:40rem){body{padding:.75rem .9rem 2rem;font-size:1.0625rem}.meta{grid-template-columns:1fr}.meta dd{margin-bottom:.5rem}h1{font-size:1.35rem}h2{font-size:1.15rem}}
@media print{
@page{margin:2cm 2cm 2.2cm}
:root{--fg:#000;--bg:#fff;--muted:#333;--rule:#999;--link:#000}
body{max-width:none;padding:0;font-size:10.5pt}
a{text-decoration:none}
nav{page-break-after:always;break-after:page}
h2,h3,h4{page-break-after:avoid;break-after:avoid}
article{page-break-before:always;break-before:page}
tr,li{page-break-inside:avoid;break-inside:avoid}
.table-wrap{overflow:visible}
}
`.trim();

export const DEFAULT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";

export function renderHtml(doc: ExportDocument, options: HtmlOptions = {}): string {
  const lines = !!options.sourceLines;
  const out: string[] = [];
  out.push('<!DOCTYPE html>');
  out.push(`<html lang="${doc.lang}">`);
  out.push('<head>');
  out.push('<meta charset="utf-8">');
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<meta http-equiv="Content-Security-Policy" content="${(options.csp ?? DEFAULT_CSP).replace(/[&"<>]/g, (c) => ESC[c]!)}">`);
  out.push('<meta name="generator" content="Referat">');
  out.push(`<title>${escapeHtml(doc.title)}</title>`);
  out.push(`<style>\n${CSS}\n</style>`);
  if (options.head) out.push(options.head);
  out.push('</head>');
  out.push('<body>');
  out.push('<header>');
  out.push(`<h1>${escapeHtml(doc.title)}</h1>`);
  if (doc.edition === 'internal') {
    out.push('<p class="edition">Intern udgave – indeholder lukkede punkter og må ikke offentliggøres.</p>');
  }
  if (doc.header.length > 0) {
    out.push('<dl class="meta">');
    for (const h of doc.header) out.push(`<dt>${escapeHtml(h.label)}</dt><dd>${escapeHtml(h.value)}</dd>`);
    out.push('</dl>');
  }
  if (doc.notes?.length) out.push(blocksToHtml(doc.notes, '\n', lines));
  out.push('</header>');
  if (doc.items.length > 0 && doc.contents !== false) {
    out.push('<nav aria-labelledby="indholdsfortegnelse">');
    out.push('<h2 id="indholdsfortegnelse">Indholdsfortegnelse</h2>');
    out.push('<ol>');
    for (const it of doc.items) out.push(`<li><a href="#${escapeHtml(it.anchor)}">${escapeHtml(itemHeading(it))}</a></li>`);
    out.push('</ol>');
    out.push('</nav>');
  }
  out.push('<main>');
  for (const it of doc.items) {
    out.push(`<article id="${escapeHtml(it.anchor)}" aria-labelledby="${escapeHtml(it.anchor)}-h"${lineAttr(it.line, lines)}>`);
    out.push(`<h2 id="${escapeHtml(it.anchor)}-h">${escapeHtml(itemHeading(it))}</h2>`);
    if (it.caseNumber) {
      // The house's label where it publishes one; else a label for screen readers only.
      const shown = doc.caseNumberLabel ? escapeHtml(caseNumberLine(doc, it.caseNumber)) : `<span class="visually-hidden">Sagsnummer: </span>${escapeHtml(it.caseNumber)}`;
      out.push(`<p class="sagsnr">${shown}</p>`);
    }
    if (it.preamble.length) out.push(blocksToHtml(it.preamble, '\n', lines));
    for (const s of it.sections) out.push(sectionToHtml(s, lines));
    out.push('</article>');
  }
  out.push('</main>');
  out.push('</body>');
  out.push('</html>');
  return out.join('\n') + '\n';
}
