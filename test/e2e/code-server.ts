/**
 * Starts code-server (VS Code 1.100.3 in a browser) with the packaged extension installed,
 * and drives its workbench in Debian's Chromium through playwright-core. Every wait is
 * for a DOM state, never a fixed sleep.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { systemNode } from './tools.js';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Chromium's flags for this machine's closed network (no background requests at all). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface CodeServer {
  url: string;
  workspace: string;
  /** The folder with the user data, extensions and logs of this run. */
  base: string;
  stop(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** User settings that keep the workbench quiet and predictable for a test. */
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'editor.minimap.enabled': false,
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggestOnTriggerCharacters': false,
  'editor.wordBasedSuggestions': 'off',
  'files.autoSave': 'off',
  'window.restoreWindows': 'none',
  'referat.lang': 'en',
};

export async function startCodeServer(opts: { home: string; vsix: string; workspace: string }): Promise<CodeServer> {
  const entry = join(opts.home, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(entry)) throw new Error(`code-server is not installed in ${opts.home} (run test/e2e/setup.sh)`);
  const node = systemNode();
  const base = mkdtempSync(join(tmpdir(), 'referat-e2e-'));
  const userData = join(base, 'user-data');
  const extensions = join(base, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  const common = ['--user-data-dir', userData, '--extensions-dir', extensions];
  const install = spawnSync(node, [entry, ...common, '--install-extension', opts.vsix], { encoding: 'utf8', timeout: 120_000 });
  if (install.status !== 0 || !/successfully installed/i.test(install.stdout + install.stderr)) {
    throw new Error(`code-server --install-extension failed (${install.status}): ${install.stdout}${install.stderr}`);
  }
  const port = await freePort();
  const child: ChildProcess = spawn(
    node,
    [
      entry,
      ...common,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      opts.workspace,
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PATH: process.env.PATH } },
  );
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}): ${log}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`code-server did not answer /healthz within 60 s: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    workspace: opts.workspace,
    base,
    stop() {
      stop();
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** The VS Code workbench in one Chromium page. */
export class Workbench {
  private constructor(
    readonly browser: Browser,
    readonly page: Page,
  ) {}

  static async open(server: CodeServer, viewport = { width: 1440, height: 900 }): Promise<Workbench> {
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(server.workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    return new Workbench(browser, page);
  }

  async close() {
    await this.browser.close();
  }

  /** Opens the quick input with `key` and types `text` into it. */
  private async quickInput(key: string, text: string) {
    await this.dismissQuickInput();
    await this.page.keyboard.press(key);
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(text);
  }

  /** Opens a workspace file through Quick Open, clicking its result row. */
  async openFile(name: string) {
    const { page } = this;
    await this.quickInput('Control+P', name);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().click();
    await page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`).waitFor();
    await this.editor().locator('.view-lines').waitFor();
    // The pointer rests where the Quick Open row was, over the tab bar: on a slow machine a
    // tab's hover (its path) opens and covers the editor's first line. Move away, close it.
    const box = await this.editor().boundingBox();
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height - 20);
    const hover = page.locator('.context-view .hover-contents');
    if (await hover.isVisible()) await page.keyboard.press('Escape');
    await hover.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    await this.editor().click({ position: { x: 200, y: 10 } });
  }

  /** The active text editor. */
  editor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  async dismissQuickInput() {
    if (await this.page.locator('.quick-input-widget').isVisible()) await this.page.keyboard.press('Escape');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** Runs a command from the Command Palette by its title, clicking its row. */
  async command(title: string) {
    const { page } = this;
    await this.quickInput('F1', `>${title}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: title }) }).first();
    await row.click();
  }

  /** Shows the Problems panel (through its focus command: Ctrl+Shift+M would toggle it). */
  async showProblems(): Promise<Locator> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.command('View: Focus Problems (Errors, Warnings, Infos)');
    await panel.waitFor();
    return panel;
  }

  /** Moves the cursor to a line and column (1-based) through Go to Line. */
  async goTo(line: number, column = 1) {
    const { page } = this;
    await this.quickInput('Control+G', `:${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** Waits until the workbench has painted twice (after a scroll or a key). */
  async painted() {
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }

  /**
   * The texts of `selector` in every row of a list inside `container`. Lists render only
   * the rows in view, so the caller makes the view tall enough; this fails if the list's
   * last row is not rendered, rather than silently reading part of it.
   */
  async rows(container: Locator, selector: string): Promise<string[]> {
    const list = container.locator('.monaco-list').first();
    await this.painted();
    const rows = await list.locator('.monaco-list-row').evaluateAll(
      (els, sel) =>
        els.map((el) => ({
          index: Number(el.getAttribute('data-index')),
          last: el.getAttribute('data-last-element') === 'true',
          texts: [...el.querySelectorAll(sel)].map((e) => (e as HTMLElement).innerText.trim()),
        })),
      selector,
    );
    rows.sort((a, b) => a.index - b.index);
    if (rows.length && (rows[0]!.index !== 0 || !rows.some((r) => r.last))) {
      throw new Error(`the list shows rows ${rows[0]!.index}–${rows[rows.length - 1]!.index} only: make its view taller`);
    }
    return rows.flatMap((r) => r.texts);
  }

  /** Closes whatever popup has the focus (quick input, action menu, suggest widget). */
  async escape() {
    for (let i = 0; i < 3; i++) {
      await this.page.keyboard.press('Escape');
    }
    await this.painted();
  }

  /** Types into the Problems panel's filter box and waits for the list to settle. */
  async filterProblems(text: string) {
    const input = this.page.locator('.panel .viewpane-filter input').first();
    await input.fill(text);
    await this.painted();
  }

  /** The frame that holds a webview's content (VS Code nests it in two iframes). */
  async webviewFrame(contains: string, timeout = 30_000): Promise<Frame> {
    const deadline = Date.now() + timeout;
    for (;;) {
      for (const frame of this.page.frames()) {
        if (!frame.url().includes('fake.html') && !frame.url().includes('index.html')) continue;
        const text = await frame
          .evaluate(() => document.body?.innerText ?? '')
          .catch(() => '');
        if (text.includes(contains)) return frame;
      }
      if (Date.now() > deadline) throw new Error(`no webview shows "${contains}"`);
      await this.page.waitForTimeout(100);
    }
  }
}
