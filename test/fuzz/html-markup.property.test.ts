/**
 * HTML never carries user text as live markup. The HTML export (both editions), the editor
 * preview and the section HTML of the portal JSON are parsed as a browser parses them
 * (parse5), from documents full of injection payloads (in the title, fields, names, item
 * titles, case numbers, headings, paragraphs, lists, cells, link texts and targets):
 * - every element is one the renderer writes (no script but the preview's own, no img,
 *   iframe, svg, math, style outside the head …), with only the attributes it writes;
 * - no `on…` attribute; every `href` is `#…`, http(s), mailto or relative (resolved as a
 *   browser would, so `java\tscript:` counts as javascript:);
 * - the head holds exactly the renderer's title, style and meta elements.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { parse as parseHtml, parseFragment } from 'parse5';
import { exportDocumentFromText } from '../../server/src/export/index.js';
import { renderHtml } from '../../server/src/export/html.js';
import { renderJson } from '../../server/src/export/json.js';
import { renderPreview } from '../../server/src/export/preview.js';
import { HOSTILE_URLS, mutate, mutatedRealFile, PAYLOADS, referatDocument } from './arbitraries.js';
import { fuzzProperty } from './harness.js';

const ELEMENTS = new Set([
  'html', 'head', 'body', 'meta', 'title', 'style', 'header', 'nav', 'main', 'article', 'section', 'div', 'span',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'dl', 'dt', 'dd', 'ol', 'ul', 'li', 'a', 'strong', 'em',
  'table', 'thead', 'tbody', 'tr', 'th', 'td',
]);
const ATTRIBUTES = new Set(['lang', 'charset', 'name', 'content', 'http-equiv', 'class', 'id', 'href', 'aria-labelledby', 'scope', 'start', 'value', 'data-line']);
const NONCE = 'r4nd0mN0nce';
const SCRIPT = 'vscode-webview://x/preview.js';

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
}

function* elements(node: Node): Generator<Node> {
  if (node.tagName) yield node;
  for (const c of node.childNodes ?? []) yield* elements(c);
  if (node.content) yield* elements(node.content);
}

function safeHref(href: string): boolean {
  if (href.startsWith('#')) return true;
  const url = new URL(href, 'https://referat.invalid/dir/page.html');
  if (url.protocol === 'mailto:') return true;
  return url.protocol === 'https:' || url.protocol === 'http:';
}

function checkTree(root: Node, what: string, preview: boolean): void {
  const counts = new Map<string, number>();
  for (const el of elements(root)) {
    const tag = el.tagName!;
    counts.set(tag, (counts.get(tag) ?? 0) + 1);
    const isOurScript = preview && tag === 'script' && el.attrs!.some((a) => a.name === 'nonce' && a.value === NONCE);
    if (!ELEMENTS.has(tag) && !isOurScript) throw new Error(`${what}: live <${tag}> element`);
    for (const a of el.attrs ?? []) {
      if (isOurScript && (a.name === 'nonce' || a.name === 'src')) continue;
      if (!ATTRIBUTES.has(a.name) || /^on/i.test(a.name)) throw new Error(`${what}: attribute ${a.name}="${a.value}" on <${tag}>`);
      if (a.name === 'href' && !safeHref(a.value)) throw new Error(`${what}: unsafe href ${JSON.stringify(a.value)}`);
    }
  }
  if (root.nodeName === '#document') {
    if (counts.get('title') !== 1) throw new Error(`${what}: ${counts.get('title') ?? 0} title elements`);
    if ((counts.get('style') ?? 0) !== (preview ? 2 : 1)) throw new Error(`${what}: ${counts.get('style') ?? 0} style elements`);
    if ((counts.get('script') ?? 0) !== (preview ? 1 : 0)) throw new Error(`${what}: ${counts.get('script') ?? 0} script elements`);
    if (counts.get('meta') !== 4) throw new Error(`${what}: ${counts.get('meta') ?? 0} meta elements`);
  }
}

function check(source: string): void {
  for (const edition of ['public', 'internal'] as const) {
    const doc = exportDocumentFromText(source, edition);
    checkTree(parseHtml(renderHtml(doc)) as unknown as Node, `html (${edition})`, false);
    const json = JSON.parse(renderJson(doc)) as { items: { Felter: { Html: string }[] }[] };
    for (const it of json.items) for (const f of it.Felter) checkTree(parseFragment(f.Html) as unknown as Node, `json Felter.Html (${edition})`, false);
  }
  checkTree(parseHtml(renderPreview(source, { nonce: NONCE, scriptUri: SCRIPT, cspSource: 'vscode-webview://x' })) as unknown as Node, 'preview', true);
}

/** Real files with payloads spliced in anywhere. */
const payloadSplices = fc
  .tuple(mutatedRealFile(), fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...PAYLOADS), fc.constantFrom(...HOSTILE_URLS).map((u) => `[klik](${u})`))), { minLength: 1, maxLength: 6 }))
  .map(([text, ps]) => ps.reduce((t, [at, p]) => mutate(t, { op: 'insert', at, text: p }), text));

fuzzProperty({
  name: 'html-no-live-markup',
  arbitrary: fc.oneof({ arbitrary: referatDocument({ payloads: true }), weight: 3 }, { arbitrary: referatDocument({ payloads: true, odd: true }), weight: 1 }, { arbitrary: payloadSplices, weight: 2 }),
  check,
  runs: 100,
  cost: 8,
});

it('the checker catches live markup (so the property can fail)', () => {
  const page = (body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="a" content="b"><meta name="c" content="d"><meta name="e" content="f"><title>t</title><style>p{}</style></head><body>${body}</body></html>`;
  const run = (body: string) => () => checkTree(parseHtml(page(body)) as unknown as Node, 'test', false);
  expect(run('<p>ok <a href="bilag.pdf">a</a></p>')).not.toThrow();
  expect(run('<p><img src=x onerror=alert(1)></p>')).toThrow(/live <img>/);
  expect(run('<p><strong onclick="x()">a</strong></p>')).toThrow(/attribute onclick/);
  expect(run('<a href="java&#9;script:alert(1)">a</a>')).toThrow(/unsafe href/);
  expect(run('<p>&lt;script&gt;</p><script>x</script>')).toThrow(/live <script>/);
});
