/**
 * The HTML export checked by real validators, each proven alive with a deliberately broken
 * fixture first (a validator that silently stopped working cannot pass):
 * - the Nu Html Checker (vnu-jar, needs Java) reports no error;
 * - axe-core in Chromium (playwright-core + Debian's chromium) finds no WCAG 2.1 A/AA violation.
 * Skipped with the reason when Java, vnu.jar or Chromium is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportReferat } from '../../server/src/export/index.js';
import { hasTool, root } from './helpers.js';

const req = createRequire(path.join(root, 'package.json'));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'referat-html-'));
const fixture = readFileSync(path.join(root, 'test/fixtures/export/meeting.referat'), 'utf8');

function resolveOr(id: string): string | undefined {
  try {
    return req.resolve(id);
  } catch {
    return undefined;
  }
}

const vnuJar = (() => {
  const pkg = resolveOr('vnu-jar/package.json');
  const jar = pkg && path.join(path.dirname(pkg), 'build/dist/vnu.jar');
  return jar && existsSync(jar) ? jar : undefined;
})();
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const axePath = resolveOr('axe-core/axe.min.js');
const playwrightPath = resolveOr('playwright-core');

const BROKEN = `<!DOCTYPE html><html><head><title>x</title></head><body>
<p><div>block in paragraph</div></p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><table><tr><td><th>x</td></tr></table>
<p style="color:#ccc;background:#fff">low contrast</p><a href="#"></a></body></html>`;

async function exported(source = fixture): Promise<string> {
  return (await exportReferat(source, { format: 'html' })).data as string;
}

function vnuErrors(html: string, name: string): { message: string; type: string }[] {
  const file = path.join(tmp, name);
  writeFileSync(file, html);
  const r = spawnSync('java', ['-jar', vnuJar!, '--format', 'json', '--exit-zero-always', file], { encoding: 'utf8', maxBuffer: 32 << 20 });
  const json = JSON.parse(r.stderr || r.stdout) as { messages: { type: string; message: string; subType?: string }[] };
  return json.messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
}

describe.skipIf(!vnuJar || !hasTool('java'))(`Nu Html Checker${!vnuJar ? ' (skipped: vnu-jar missing)' : !hasTool('java') ? ' (skipped: java missing)' : ''}`, () => {
  it('flags the broken fixture (the validator works)', () => {
    expect(vnuErrors(BROKEN, 'broken.html').length).toBeGreaterThan(0);
  });

  it('reports no error on the export', async () => {
    const errors = vnuErrors(await exported(), 'meeting.html');
    expect(errors.map((e) => e.message)).toEqual([]);
  }, 60_000);
});

type Browser = { newContext(o: object): Promise<{ newPage(): Promise<Page> }>; close(): Promise<void> };
type Page = { setContent(html: string): Promise<void>; evaluate<T>(f: string | (() => T)): Promise<T> };

describe.skipIf(!chromium || !axePath || !playwrightPath)(
  `axe-core in Chromium${!chromium ? ' (skipped: chromium missing)' : !axePath || !playwrightPath ? ' (skipped: axe-core/playwright-core missing)' : ''}`,
  () => {
    let browser: Browser;
    beforeAll(async () => {
      const pw = req('playwright-core') as { chromium: { launch(o: object): Promise<Browser> } };
      browser = await pw.chromium.launch({ executablePath: chromium, args: ['--no-sandbox', '--disable-gpu'] });
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });

    async function violations(html: string, scheme: 'light' | 'dark' = 'light'): Promise<{ id: string; nodes: unknown[] }[]> {
      // The export's CSP forbids scripts; the test injects axe through the browser, bypassing it.
      const context = await browser.newContext({ bypassCSP: true, colorScheme: scheme });
      const page = await context.newPage();
      await page.setContent(html);
      await page.evaluate(readFileSync(axePath!, 'utf8'));
      const result = await page.evaluate(
        `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then(r => r.violations.map(v => ({ id: v.id, nodes: v.nodes.map(n => n.target) })))`,
      );
      return result as { id: string; nodes: unknown[] }[];
    }

    it('flags the broken fixture (axe works)', async () => {
      const ids = (await violations(BROKEN)).map((v) => v.id);
      expect(ids).toContain('image-alt');
      expect(ids).toContain('color-contrast');
    }, 60_000);

    it('finds no WCAG 2.1 A/AA violation in the export, light and dark', async () => {
      const html = await exported();
      expect(await violations(html, 'light')).toEqual([]);
      expect(await violations(html, 'dark')).toEqual([]);
    }, 60_000);
  },
);
