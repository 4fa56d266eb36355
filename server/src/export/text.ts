/**
 * Plain text in the layout of the published referater (seeds 000 and 003): title,
 * header block, `Indholdsfortegnelse` (item titles; page numbers only exist in the PDF),
 * then per item `Punkt N: title`, its case number and its sections, each heading on its
 * own line, blocks separated by blank lines, lists as `1. at …`, tables tab-separated.
 */
import type { DocBlock, DocList, ExportDocument, InlineNode } from './model.js';
import { caseNumberLine, itemHeading } from './model.js';

/** Inline content as plain text; a link whose text differs from its target shows the target in parentheses. */
export function inlineToText(nodes: readonly InlineNode[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') out += n.text;
    else if (n.type === 'link') {
      const text = inlineToText(n.children);
      out += text && text !== n.href ? `${text} (${n.href})` : n.href;
    } else out += inlineToText(n.children);
  }
  return out.replace(/[\r\n]+/g, ' ');
}

function listLines(list: DocList, depth: number, out: string[]): void {
  const indent = '  '.repeat(depth);
  list.items.forEach((li, i) => {
    const marker = list.ordered ? `${li.number ?? i + 1}.` : '-';
    out.push(`${indent}${marker} ${inlineToText(li.content).trim()}`);
    for (const child of li.children) listLines(child, depth + 1, out);
  });
}

function cell(nodes: readonly InlineNode[]): string {
  return inlineToText(nodes).replace(/\t/g, ' ').trim();
}

export function blockToText(block: DocBlock): string {
  switch (block.type) {
    case 'paragraph':
      return inlineToText(block.content).trim();
    case 'heading':
      return inlineToText(block.content).trim();
    case 'list': {
      const lines: string[] = [];
      listLines(block, 0, lines);
      return lines.join('\n');
    }
    case 'table': {
      const rows = block.header ? [block.header, ...block.rows] : block.rows;
      return rows.map((r) => r.map(cell).join('\t')).join('\n');
    }
  }
}

export function renderText(doc: ExportDocument): string {
  const parts: string[] = [];
  parts.push(doc.title);
  const width = Math.max(0, ...doc.header.map((h) => h.label.length)) + 2;
  // The header's fields and notes in the author's order (a field the model made comes first).
  const head = [
    ...doc.header.map((h, order) => ({ line: h.line ?? -1, order, text: `${h.label.padEnd(width)}${h.value}` })),
    ...(doc.notes ?? []).map((b, order) => ({ line: b.line ?? Number.MAX_SAFE_INTEGER, order: doc.header.length + order, text: blockToText(b) })),
  ].sort((a, b) => a.line - b.line || a.order - b.order);
  for (const h of head) parts.push(h.text);
  if (doc.items.length > 0 && doc.contents !== false) {
    parts.push('Indholdsfortegnelse');
    parts.push(doc.items.map((it) => it.title || itemHeading(it)).join('\n'));
  }
  for (const item of doc.items) {
    parts.push(itemHeading(item));
    if (item.caseNumber) parts.push(caseNumberLine(doc, item.caseNumber));
    for (const b of item.preamble) parts.push(blockToText(b));
    for (const s of item.sections) {
      parts.push(s.heading);
      for (const b of s.blocks) parts.push(blockToText(b));
    }
  }
  return parts.filter((p) => p !== '').join('\n\n') + '\n';
}
