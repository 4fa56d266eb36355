/**
 * unsafe-link: a link whose target is not `http:`, `https:`, `mailto:` or a relative path
 * (e.g. `javascript:` or `data:`). Exports drop such links (the text stays); this rule tells
 * the writer before publishing. Suggestion: keep the text, remove the link.
 */
import type { Block, Inline, InlineText, List } from '../syntax/ast.js';
import { parseInline } from '../syntax/inline.js';
import type { Rule, RuleContext } from './types.js';

const SAFE = /^(https?:|mailto:)/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function isSafeUrl(url: string): boolean {
  const u = url.trim().replace(/[\u0000-\u001f\s]+/g, '');
  return SAFE.test(u) || !SCHEME.test(u);
}

function inlinesOf(blocks: readonly Block[], out: InlineText[]): void {
  const list = (l: List) => {
    for (const it of l.items) {
      out.push(it.content);
      it.children.forEach(list);
    }
  };
  for (const b of blocks) {
    if (b.type === 'paragraph' || b.type === 'subheading') out.push(b.content);
    else if (b.type === 'list') list(b);
    else if (b.type === 'table') for (const r of b.allRows) for (const c of r.cells) out.push(c.content);
  }
}

function check(ctx: RuleContext, inline: InlineText): void {
  if (!inline.text.includes('](')) return;
  const walk = (nodes: readonly Inline[]) => {
    for (const n of nodes) {
      if (n.type === 'link') {
        if (!isSafeUrl(n.url.text)) {
          const label = ctx.source.slice(n.range.start.offset + 1, n.url.range.start.offset - 2);
          ctx.report({
            messageId: 'unsafe',
            data: { url: n.url.text.slice(0, 40) },
            range: n.url.range,
            suggestions: [{ title: { da: 'Fjern linket, behold teksten', en: 'Remove the link, keep the text' }, edits: [{ start: n.range.start.offset, end: n.range.end.offset, newText: label }] }],
          });
        }
        walk(n.children);
      } else if (n.type === 'strong' || n.type === 'emphasis') walk(n.children);
    }
  };
  walk(parseInline(inline, ctx.lines));
}

const rule: Rule = {
  meta: {
    id: 'unsafe-link',
    defaultSeverity: 'warning',
    description: {
      en: 'A link whose target is not http(s), mailto or a relative path; exports drop it.',
      da: 'Et link, hvis mål ikke er http(s), mailto eller en relativ sti; eksporterne fjerner det.',
    },
    messages: {
      unsafe: {
        en: 'The link target "{url}" is not http(s), mailto or a relative path; the published referat shows only the text. Use a web address or a file name.',
        da: 'Linkmålet "{url}" er hverken http(s), mailto eller en relativ sti; det offentliggjorte referat viser kun teksten. Brug en webadresse eller et filnavn.',
      },
    },
    fixable: false,
    scope: 'item',
    hasSuggestions: true,
    tags: ['publication', 'security'],
  },
  check(ctx) {
    const inlines: InlineText[] = [];
    inlinesOf(ctx.meeting.document.headerBlocks, inlines);
    for (const item of ctx.meeting.items) {
      inlinesOf(item.node.preamble, inlines);
      for (const s of item.node.sections) inlinesOf(s.blocks, inlines);
    }
    for (const i of inlines) check(ctx, i);
  },
};

export default rule;
