/**
 * Hostile content: minutes full of script, event-handler, link, CSS and markup payloads,
 * exported to HTML (public and internal) and opened in Debian's Chromium through
 * playwright-core. Nothing may run, open a dialog or reach the network:
 * - no console message, no dialog, no popup, no navigation, no request but the page itself;
 * - in the DOM: no script, iframe, object, embed, base, form, meta refresh, no `on…`
 *   attribute, no javascript:/data:/vbscript: URL, no `url(` in an attribute;
 * - and the payloads are still there as text, for the reader to see.
 * The page is opened twice: as written (the export's CSP is a second wall) and with the CSP
 * bypassed, so that it is the escaping itself that is tested. A deliberately unsafe page
 * proves first that the detectors catch a script, a dialog and a request.
 * The editor preview is checked too: its CSP (default-src 'none', scripts by nonce only) and,
 * in Chromium, that the extension's nonce'd script runs and nothing else does.
 * Skipped with the reason only when Chromium or playwright-core is missing (.ci/apt-packages installs Chromium).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportReferat } from '../../server/src/export/index.js';
import { renderPreview } from '../../server/src/export/preview.js';
import { root } from './helpers.js';

const req = createRequire(path.join(root, 'package.json'));
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const playwright = (() => {
  try {
    return req.resolve('playwright-core');
  } catch {
    return undefined;
  }
})();
const skipReason = !chromium ? 'chromium missing at /usr/bin/chromium' : !playwright ? 'playwright-core missing' : '';
if (skipReason) console.warn(`hostile.test.ts: browser checks skipped: ${skipReason}`);

/** A port nothing listens on: a request there is seen by page.on('request') and then fails. */
const TRAP = 'http://127.0.0.1:9';

/** Payloads, each a line of text the writer could have pasted. */
const PAYLOADS = [
  `<script>alert('script')</script>`,
  `<script src="${TRAP}/s.js"></script>`,
  `<img src=x onerror="alert('img')">`,
  `<img src="${TRAP}/i.png">`,
  `<svg onload="alert('svg')"><script>alert('svg-script')</script></svg>`,
  `<svg><a xlink:href="javascript:alert('xlink')"><text>x</text></a></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')>`,
  `<iframe src="javascript:alert('iframe')"></iframe><iframe srcdoc="<script>alert('srcdoc')</script>"></iframe>`,
  `<object data="${TRAP}/o"></object><embed src="${TRAP}/e">`,
  `<meta http-equiv="refresh" content="0;url=${TRAP}/refresh">`,
  `<base href="${TRAP}/"><link rel="stylesheet" href="${TRAP}/c.css">`,
  `<form action="${TRAP}/f"><button formaction="javascript:alert('form')">x</button></form>`,
  `<div style="background:url(${TRAP}/bg.png)">css</div><style>@import '${TRAP}/imp.css'; body{background:url(${TRAP}/b.png)}</style>`,
  `" onmouseover="alert('attr') x="`,
  `' onfocus='alert(1)' autofocus x='`,
  `"><script>alert('break')</script>`,
  `</title><script>alert('title')</script>`,
  `</style><script>alert('style')</script>`,
  `</textarea></noscript></template><script>alert('rawtext')</script>`,
  `<!--><script>alert('comment')</script>-->`,
  `&lt;script&gt;alert('entity')&lt;/script&gt; &#60;script&#62;alert('num')&#60;/script&#62; &#x3C;img src=x onerror=alert(1)&#x3E;`,
  `\u202Egpj.exe\u202C \u2066<script>alert('bidi')</script>\u2069 \u200Bjava\u0000script:alert(1)`,
  `{{constructor.constructor('alert(1)')()}} \${alert(1)} javascript:alert('bare')`,
];

const LINKS = [
  `[js](javascript:alert('link'))`,
  `[js-case](JaVaScRiPt:alert('case'))`,
  `[js-tab](java\tscript:alert('tab'))`,
  `[js-entity](&#106;avascript:alert('ent'))`,
  `[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `[vbs](vbscript:msgbox('vbs'))`,
  `[proto-rel](//127.0.0.1:9/p)`,
  `[file](file:///etc/passwd)`,
  `[quote](https://example.org/" onclick="alert('href'))`,
  `[angle](<javascript:alert('angle')>)`,
];

const hostile = [
  `# REFERAT Udvalget <script>alert('h1')</script> d. 03-12-2024`,
  '',
  `Mødedato: Tirsdag d. 03. december 2024 kl. 16:30`,
  `Mødested: <img src=x onerror=alert('field')> "quoted" 'single' & more`,
  `Mødedeltagere: Anne Holm og Bo "><svg onload=alert(1)> Ibsen`,
  `<!-- a comment with --> inside <script>alert('comment-break')</script> -->`,
  '',
  `## Punkt 1: Åbent <iframe src=javascript:alert('title')></iframe>`,
  `Sagsnr: 00.22.00-P35-1-24"><script>alert('case')</script>`,
  '',
  `### Sagsfremstilling <img src=x onerror=alert('h3')>`,
  ...PAYLOADS.flatMap((p) => [p, '']),
  ...LINKS.map((l) => `- ${l}`),
  '',
  `#### Under <script>alert('h4')</script>`,
  '',
  `| <b onclick=alert(1)>A</b> | B |`,
  `|---|---|`,
  `| <script>alert('cell')</script> | [x](javascript:alert('cell-link')) |`,
  '',
  `### Beslutning`,
  `1. at <script>alert('decision')</script> godkendt.`,
  '',
  `## Punkt 2: Lukket <script>alert('closed-title')</script>`,
  `Sagsnr: 00.22.00-P35-2-24`,
  `Lukket: ja`,
  '',
  `### Sagsfremstilling`,
  ...PAYLOADS.slice(0, 8).flatMap((p) => [p, '']),
  `### Beslutning`,
  `1. at <img src=x onerror=alert('closed')> godkendt.`,
  '',
].join('\n');

/** The HTML a detector must catch: proves the checks are alive. */
const UNSAFE = `<!DOCTYPE html><html><head><title>unsafe</title></head><body>
<script>console.log('ALIVE')</script><img src="${TRAP}/alive.png"><img src=x onerror="alert('ALIVE')"></body></html>`;

type Page = {
  on(event: string, fn: (arg: never) => void): void;
  goto(url: string, o?: object): Promise<unknown>;
  waitForTimeout(ms: number): Promise<void>;
  evaluate<T>(f: string | (() => T)): Promise<T>;
  addInitScript(script: string): Promise<void>;
  title(): Promise<string>;
};
type Context = { newPage(): Promise<Page>; on(event: string, fn: (arg: never) => void): void; close(): Promise<void> };
type Browser = { newContext(o: object): Promise<Context>; close(): Promise<void> };

interface Observed {
  console: string[];
  dialogs: string[];
  requests: string[];
  popups: number;
  navigations: string[];
  dom: { scripts: number; dangerous: string[]; text: string; title: string };
}

/** What the DOM holds that could run or reach out. Runs in the page (evaluate bypasses the CSP). */
const DOM_CHECK = `(() => {
  const dangerous = [];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.localName;
    if (['script', 'iframe', 'frame', 'object', 'embed', 'base', 'form', 'link', 'applet', 'portal', 'frameset'].includes(tag)) dangerous.push('<' + tag + '>');
    if (tag === 'meta' && (el.getAttribute('http-equiv') || '').toLowerCase() === 'refresh') dangerous.push('meta refresh');
    if (tag === 'style' && /url\\(|@import/i.test(el.textContent || '')) dangerous.push('style url');
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      const value = a.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
      if (name.startsWith('on')) dangerous.push(tag + ' ' + name);
      if (/^(javascript|data|vbscript|file):/.test(value) || value.startsWith('//')) dangerous.push(tag + ' ' + name + '=' + value.slice(0, 30));
      if (name === 'style' && /url\\(|expression\\(/.test(value)) dangerous.push(tag + ' style url');
      if (name === 'srcdoc' || name === 'formaction' || name === 'xlink:href') dangerous.push(tag + ' ' + name);
    }
  }
  return { scripts: document.scripts.length, dangerous, text: document.body.innerText, title: document.title };
})()`;

describe.skipIf(!!skipReason)(`hostile content in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let browser: Browser;
  let tmp: string;
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'referat-hostile-'));
    const pw = req('playwright-core') as { chromium: { launch(o: object): Promise<Browser> } };
    browser = await pw.chromium.launch({
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** Opens an HTML file from disk and records everything it tries. */
  async function open(name: string, html: string, options: { bypassCSP?: boolean; initScript?: string } = {}): Promise<Observed> {
    const file = path.join(tmp, name);
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    const context = await browser.newContext({ bypassCSP: !!options.bypassCSP, javaScriptEnabled: true });
    const seen: Observed = { console: [], dialogs: [], requests: [], popups: 0, navigations: [], dom: { scripts: 0, dangerous: [], text: '', title: '' } };
    context.on('page', () => seen.popups++);
    const page = await context.newPage();
    seen.popups = 0;
    page.on('console', (m: { text(): string }) => seen.console.push(m.text()));
    page.on('dialog', (d: { message(): string; dismiss(): Promise<void> }) => {
      seen.dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r: { url(): string }) => seen.requests.push(r.url()));
    page.on('framenavigated', (f: { url(): string }) => seen.navigations.push(f.url()));
    if (options.initScript) await page.addInitScript(options.initScript);
    await page.goto(url, { waitUntil: 'load' });
    // Time for timers, a meta refresh, lazy images, a focus handler.
    await page.waitForTimeout(500);
    seen.dom = await page.evaluate<Observed['dom']>(DOM_CHECK);
    seen.requests = seen.requests.filter((r, i) => !(r === url && i === 0));
    seen.navigations = seen.navigations.filter((n) => n !== url);
    await context.close();
    return seen;
  }

  it('the detectors catch an unsafe page (console, dialog, request, script in the DOM)', async () => {
    const seen = await open('unsafe.html', UNSAFE);
    expect(seen.console).toContain('ALIVE');
    expect(seen.dialogs).toContain('ALIVE');
    expect(seen.requests).toContain(`${TRAP}/alive.png`);
    expect(seen.dom.dangerous).toEqual(expect.arrayContaining(['<script>', 'img onerror']));
  }, 60_000);

  describe.each(['public', 'internal'] as const)('the %s edition', (edition) => {
    let html: string;
    beforeAll(async () => {
      html = (await exportReferat(hostile, { format: 'html', edition })).data as string;
    });

    it.each([
      ['as exported (with its CSP)', false],
      ['with the CSP bypassed (the escaping alone)', true],
    ])('%s: runs nothing, opens no dialog, makes no request', async (_label, bypassCSP) => {
      const seen = await open(`${edition}-${bypassCSP ? 'nocsp' : 'csp'}.html`, html, { bypassCSP });
      expect(seen.console).toEqual([]);
      expect(seen.dialogs).toEqual([]);
      expect(seen.requests).toEqual([]);
      expect(seen.popups).toBe(0);
      expect(seen.navigations).toEqual([]);
      expect(seen.dom.scripts).toBe(0);
      expect(seen.dom.dangerous).toEqual([]);
    }, 60_000);

    it('shows the payloads as text', async () => {
      const seen = await open(`${edition}-text.html`, html);
      expect(seen.dom.title).toContain(`<script>alert('h1')</script>`);
      expect(seen.dom.text).toContain(`<img src=x onerror="alert('img')">`);
      expect(seen.dom.text).toContain(`"><script>alert('break')</script>`);
      expect(seen.dom.text).toContain(`<meta http-equiv="refresh" content="0;url=${TRAP}/refresh">`);
      // A dropped link keeps its text.
      expect(seen.dom.text).toContain('js-case');
      // Comments never reach the page, whatever they hold.
      expect(html).not.toContain('comment-break');
      expect(seen.dom.text.includes(`alert('closed')`)).toBe(edition === 'internal');
    }, 60_000);
  });

  it('the editor preview of the same minutes: only the extension\'s nonce script runs', async () => {
    const script = path.join(root, 'media', 'preview.js');
    const scriptUri = pathToFileURL(script).href;
    const html = renderPreview(hostile, { nonce: 'T3stN0nce', scriptUri, cspSource: 'file:' });
    // preview.js asks the webview for its API; a stub records that it ran.
    const stub = `window.acquireVsCodeApi = () => { window.__previewRan = true; return { postMessage() {} }; };`;
    const file = path.join(tmp, 'preview.html');
    writeFileSync(file, html);
    const seen = await open('preview.html', html, { initScript: stub });
    expect(seen.console).toEqual([]);
    expect(seen.dialogs).toEqual([]);
    expect(seen.requests).toEqual([scriptUri]);
    expect(seen.dom.scripts).toBe(1);
    // The one script is the extension's (loaded from disk here, from the webview origin in VS Code).
    expect(seen.dom.dangerous.filter((d) => !d.startsWith('script src=file:'))).toEqual(['<script>']);
    const context = await browser.newContext({});
    const page = await context.newPage();
    await page.addInitScript(stub);
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    expect(await page.evaluate(() => (window as unknown as { __previewRan?: boolean }).__previewRan === true)).toBe(true);
    await context.close();
  }, 60_000);
});

describe('the preview webview\'s Content-Security-Policy', () => {
  const nonce = 'k2J9xQ7rLm4pZ8vB1nT6wA';
  const html = renderPreview(hostile, { nonce, cspSource: 'https://file+.vscode-resource.vscode-cdn.net', scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.js' });
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1]?.replace(/&#39;|&apos;/g, "'") ?? '';
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

  it('has one CSP meta, first in the head', () => {
    expect(html.match(/http-equiv="Content-Security-Policy"/g)).toHaveLength(1);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<title>'));
  });

  it("denies everything by default and allows scripts by nonce only, never 'unsafe-inline' or 'unsafe-eval'", () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual([`'nonce-${nonce}'`]);
    expect(csp).not.toMatch(/unsafe-eval|strict-dynamic|\*/);
    expect(directives.get('script-src')!.join(' ')).not.toContain('unsafe-inline');
    for (const d of ['connect-src', 'frame-src', 'child-src', 'object-src', 'form-action', 'worker-src']) expect(directives.get(d) ?? ["'none'"]).toEqual(["'none'"]);
  });

  it('every script element carries the nonce and a src; none is inline', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts).toHaveLength(1);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toContain(`nonce="${nonce}"`);
      expect(attrs).toMatch(/ src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/media\/preview\.js"/);
      expect(body).toBe('');
    }
  });

  it('without a nonce there is no script at all, and the CSP allows none', () => {
    const bare = renderPreview(hostile, {});
    expect(bare).not.toMatch(/<script/i);
    expect(bare).not.toMatch(/script-src/);
    expect(bare).toMatch(/default-src 'none'/);
  });
});
