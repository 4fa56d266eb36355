/**
 * The published site in Chromium (playwright-core with Debian's chromium, served from a local
 * http server): search finds an item by a word of its body, also typed without Danish
 * letters, and its link goes to the item; axe-core finds no WCAG 2.1 A/AA violation on any
 * kind of page, light and dark. Skipped with the reason when Chromium or a library is missing.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPublish } from '../../server/src/cli/commands/publish.js';
import { root } from '../export/helpers.js';
import { BODY_WORD, CLOSED_WORD, SHARED_CASE, serve, writeGenerated } from './helpers.js';

const req = createRequire(path.join(root, 'package.json'));
const resolveOr = (id: string) => {
  try {
    return req.resolve(id);
  } catch {
    return undefined;
  }
};
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const axePath = resolveOr('axe-core/axe.min.js');
const playwrightPath = resolveOr('playwright-core');
const skip = !chromium ? 'chromium missing' : !axePath ? 'axe-core missing' : !playwrightPath ? 'playwright-core missing' : '';

type Page = {
  goto(url: string): Promise<unknown>;
  fill(sel: string, value: string): Promise<void>;
  press(sel: string, key: string): Promise<void>;
  click(sel: string): Promise<void>;
  waitForSelector(sel: string, o?: object): Promise<unknown>;
  waitForURL(url: RegExp): Promise<void>;
  evaluate<T>(f: string): Promise<T>;
  url(): string;
  emulateMedia(o: object): Promise<void>;
  close(): Promise<void>;
};
type Context = { newPage(): Promise<Page>; close(): Promise<void> };

describe.skipIf(!!skip)(`the site in Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let context: Context;
  let server: { url: string; close(): Promise<void> };
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'referat-publish-browser-'));
  const caseSlug = SHARED_CASE.toLowerCase().replace(/\./g, '-');

  beforeAll(async () => {
    const gen = path.join(tmp, 'gen');
    mkdirSync(gen);
    writeGenerated(gen);
    const site = path.join(tmp, 'site');
    const err: string[] = [];
    const code = await runPublish([path.join(root, 'examples'), gen], { output: site, lang: 'en' }, { stdout: { write: () => true }, stderr: { write: (s: string) => (err.push(s), true) } });
    expect(code, err.join('')).toBe(0);
    server = await serve(site);
    const pw = req('playwright-core') as { chromium: { launchPersistentContext(dir: string, o: object): Promise<Context> } };
    // An empty profile of its own: nothing of the machine's browser state, nothing left behind.
    profile = mkdtempSync(path.join(os.tmpdir(), 'referat-chromium-'));
    context = await pw.chromium.launchPersistentContext(profile, {
      executablePath: chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 120_000);

  let profile = '';
  afterAll(async () => {
    await context?.close();
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function search(query: string): Promise<{ page: Page; links: { href: string; text: string }[]; status: string }> {
    const page = await context.newPage();
    await page.goto(`${server.url}search.html`);
    await page.fill('#q', query);
    await page.press('#q', 'Enter');
    await page.waitForSelector('#search-status:not(:empty)');
    const links = await page.evaluate<{ href: string; text: string }[]>(`[...document.querySelectorAll('#search-results a')].map(a => ({ href: a.getAttribute('href'), text: a.textContent }))`);
    const status = await page.evaluate<string>(`document.getElementById('search-status').textContent`);
    return { page, links, status };
  }

  it('finds an item by a word of its body, and its link goes to the item', async () => {
    const { page, links } = await search(BODY_WORD);
    expect(links[0]).toEqual({ href: 'moeder/teknik-og-miljoeudvalget-2025-03-04.html#punkt-2', text: 'Punkt 2: Lokalplan for vindmøller ved Aabenraavej' });
    await page.click('#search-results a');
    await page.waitForURL(/teknik-og-miljoeudvalget-2025-03-04\.html#punkt-2$/);
    expect(await page.evaluate<string>(`document.querySelector(':target')?.id`)).toBe('punkt-2');
    await page.close();
  }, 60_000);

  it('folds Danish letters the same way at query time: ø as oe, å as aa, any case', async () => {
    for (const q of ['VINDMOELLELAUG', 'vindmøllelaug', 'Åbenråvej']) {
      const { page, links } = await search(q);
      expect(links.map((l) => l.href), q).toContain('moeder/teknik-og-miljoeudvalget-2025-03-04.html#punkt-2');
      await page.close();
    }
  }, 60_000);

  it('finds a case number, and nothing of a closed item’s body', async () => {
    const byCase = await search(SHARED_CASE);
    expect(byCase.links.map((l) => l.href)).toEqual(expect.arrayContaining(['moeder/teknik-og-miljoeudvalget-2025-03-04.html#punkt-2', 'moeder/oekonomiudvalget-2025-04-01.html#punkt-10']));
    await byCase.page.close();
    const closed = await search(CLOSED_WORD);
    expect(closed.links).toEqual([]);
    expect(closed.status).toContain('Ingen punkter');
    await closed.page.close();
  }, 60_000);

  it('hostile text runs nothing: no dialog, no console error, no request away from the site, also in search results', async () => {
    const incidents: string[] = [];
    for (const p of ['moeder/udvalg-for-kultur-b-fritid-b-2025-05-06.html', 'udvalg/udvalg-for-kultur-b-fritid-b.html', 'personer/ole-o-brien.html', `search.html?q=alert`]) {
      const page = (await context.newPage()) as Page & { on(e: string, f: (x: { message?(): string; type?(): string; text?(): string; url?(): string; dismiss?(): Promise<void> }) => void): void };
      page.on('dialog', (d) => {
        incidents.push(`${p}: dialog ${d.message?.()}`);
        void d.dismiss?.();
      });
      page.on('console', (m) => {
        if (m.type?.() === 'error') incidents.push(`${p}: console ${m.text?.()}`);
      });
      page.on('request', (r) => {
        if (!r.url?.().startsWith(server.url)) incidents.push(`${p}: request ${r.url?.()}`);
      });
      const response = (await page.goto(`${server.url}${p}`)) as { status(): number };
      expect(response.status(), p).toBe(200);
      if (p.startsWith('search')) await page.waitForSelector('#search-results li');
      expect(await page.evaluate<number>(`document.querySelectorAll('body script, body img, body iframe').length`), p).toBe(0);
      expect(await page.evaluate<string>(`document.body.textContent`), p).toContain('<b>Fritid</b>');
      await page.close();
    }
    expect(incidents).toEqual([]);
  }, 60_000);

  const PAGES = [
    'index.html',
    'moeder/teknik-og-miljoeudvalget-2025-03-04.html',
    'udvalg/teknik-og-miljoeudvalget.html',
    'personer/ida-aagaard.html',
    'personer/index.html',
    `sager/${caseSlug}.html`,
    'sager/index.html',
    `search.html?q=${encodeURIComponent(BODY_WORD)}`,
  ];

  const AXE_RUN = `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then(r => r.violations.map(v => ({ id: v.id, nodes: v.nodes.map(n => n.target.join(' ')) })))`;

  it('axe-core finds no WCAG 2.1 A/AA violation on each kind of page, light and dark', async () => {
    const axe = readFileSync(axePath!, 'utf8');
    // First proven alive: an image without a text alternative added to a page is flagged.
    const probe = await context.newPage();
    await probe.goto(`${server.url}index.html`);
    await probe.evaluate(axe);
    await probe.evaluate(`document.querySelector('main').append(Object.assign(document.createElement('img'), { src: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' }))`);
    expect((await probe.evaluate<{ id: string }[]>(AXE_RUN)).map((v) => v.id)).toContain('image-alt');
    await probe.close();
    const found: string[] = [];
    for (const scheme of ['light', 'dark']) {
      for (const p of PAGES) {
        const page = await context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${server.url}${p}`);
        if (p.startsWith('search')) await page.waitForSelector('#search-results li');
        // The pages' CSP forbids inline scripts; axe goes in through the browser's own channel.
        await page.evaluate(axe);
        const violations = await page.evaluate<{ id: string; nodes: string[] }[]>(AXE_RUN);
        for (const v of violations) found.push(`${scheme} ${p}: ${v.id} ${v.nodes.slice(0, 3).join(', ')}`);
        await page.close();
      }
    }
    expect(found).toEqual([]);
  }, 120_000);

  it('works on a phone: no page is wider than a 360 px screen', async () => {
    const wide: string[] = [];
    for (const p of PAGES) {
      const page = await context.newPage();
      await (page as unknown as { setViewportSize(s: object): Promise<void> }).setViewportSize({ width: 360, height: 740 });
      await page.goto(`${server.url}${p}`);
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      if (width > 360) wide.push(`${p}: ${width}px`);
      await page.close();
    }
    expect(wide).toEqual([]);
  }, 60_000);
});
