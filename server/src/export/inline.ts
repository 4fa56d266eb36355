/**
 * Inline markup (`**bold**`, `*italic*`, `[text](url)`, `<!-- comments -->`) → export
 * inline nodes. Comments are dropped here, so no renderer can ever print one; link
 * targets are filtered to `http(s):`, `mailto:` and relative paths (others become text).
 *
 * This works on the folded `InlineText.text`, which is all an export needs (no ranges).
 */
import type { InlineNode } from './model.js';

/** Removes `<!-- … -->` comments (an unterminated one runs to the end). */
export function stripComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
}

/** Collapses runs of whitespace to one space. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * A link target as it may be published: `http:`, `https:`, `mailto:` or a relative
 * path. Anything else (`javascript:`, `data:`, `vbscript:`, `file:`, scheme-relative
 * `//host`) returns undefined. Control characters and whitespace are removed before
 * the check, since browsers ignore them inside a scheme (`java\tscript:`).
 */
export function safeHref(raw: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const url = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (url === '') return undefined;
  if (/^(https?:\/\/|mailto:)/i.test(url)) return url;
  if (url.startsWith('//') || url.startsWith('\\')) return undefined;
  // Any scheme other than the allowed ones (a colon before the first / ? #) is refused.
  const firstDelim = url.search(/[/?#]/);
  const colon = url.indexOf(':');
  if (colon >= 0 && (firstDelim < 0 || colon < firstDelim)) return undefined;
  return url;
}

/** Parses inline markup into export nodes; never throws. */
export function parseInlineMarkup(source: string): InlineNode[] {
  const text = normalizeSpace(stripComments(source)).trim();
  try {
    return merge(parseRun(text, 0, text.length));
  } catch {
    return text ? [{ type: 'text', text }] : [];
  }
}

function parseRun(s: string, from: number, to: number): InlineNode[] {
  const out: InlineNode[] = [];
  let buf = '';
  let i = from;
  const flush = () => {
    if (buf) out.push({ type: 'text', text: buf });
    buf = '';
  };
  while (i < to) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < to && /[*\\[\]()_`]/.test(s[i + 1]!)) {
      buf += s[i + 1];
      i += 2;
      continue;
    }
    if (c === '*' && s[i + 1] === '*') {
      const close = s.indexOf('**', i + 2);
      if (close > i + 2 && close + 2 <= to) {
        flush();
        out.push({ type: 'strong', children: parseRun(s, i + 2, close) });
        i = close + 2;
        continue;
      }
    } else if (c === '*') {
      const close = findSingleStar(s, i + 1, to);
      if (close > i + 1 && s[i + 1] !== ' ') {
        flush();
        out.push({ type: 'emphasis', children: parseRun(s, i + 1, close) });
        i = close + 1;
        continue;
      }
    } else if (c === '[') {
      const link = matchLink(s, i, to);
      if (link) {
        flush();
        const children = parseRun(s, i + 1, link.textEnd);
        const href = safeHref(link.url);
        if (href !== undefined) out.push({ type: 'link', href, children });
        else out.push(...children);
        i = link.end;
        continue;
      }
    }
    buf += c;
    i++;
  }
  flush();
  return out;
}

function findSingleStar(s: string, from: number, to: number): number {
  for (let j = from; j < to; j++) {
    if (s[j] === '*') {
      if (s[j + 1] === '*') {
        // skip a nested strong run
        const close = s.indexOf('**', j + 2);
        if (close < 0 || close >= to) return -1;
        j = close + 1;
        continue;
      }
      return s[j - 1] === ' ' ? -1 : j;
    }
  }
  return -1;
}

function matchLink(s: string, open: number, to: number): { textEnd: number; url: string; end: number } | undefined {
  let depth = 0;
  for (let j = open; j < to; j++) {
    if (s[j] === '[') depth++;
    else if (s[j] === ']') {
      depth--;
      if (depth === 0) {
        if (s[j + 1] !== '(') return undefined;
        // The target may hold balanced parentheses: `javascript:alert(1)`, `Foo_(bar)`.
        let close = -1;
        let parens = 0;
        for (let k = j + 2; k < to; k++) {
          if (s[k] === '(') parens++;
          else if (s[k] === ')') {
            if (parens === 0) {
              close = k;
              break;
            }
            parens--;
          }
        }
        if (close < 0) return undefined;
        const url = s.slice(j + 2, close).trim().replace(/^<|>$/g, '');
        return { textEnd: j, url, end: close + 1 };
      }
    }
  }
  return undefined;
}

/** Joins adjacent text nodes. */
function merge(nodes: InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const n of nodes) {
    const last = out[out.length - 1];
    if (n.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', text: last.text + n.text };
    else if (n.type === 'text' && n.text === '') continue;
    else out.push(n.type === 'text' ? n : { ...n, children: merge([...n.children]) });
  }
  return out;
}
