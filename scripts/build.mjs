// Bundles every entry point with esbuild. Node bundles target Node 20, the Node of
// VS Code 1.100's extension host; browser bundles target the web extension host.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const version = pkg.version;
// The https URL of the docs folder, from package.json repository/homepage, as
// server/src/docs.ts docsBaseFromPackage reads it (test/release/docs-url.test.ts keeps them equal).
function docsBase() {
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  if (typeof repo === 'string') {
    const short = /^(github|gitlab):([\w.-]+\/[\w.-]+)$/.exec(repo);
    const url = short ? `https://${short[1]}.com/${short[2]}` : repo.replace(/^git\+/, '').replace(/\.git$/, '');
    if (/^https:\/\/[^/]+\/[^/]+\/[^/]+/.test(url)) return url.replace(/\/$/, '') + (/gitlab/.test(url) ? '/-/blob/main/docs/' : '/blob/main/docs/');
  }
  if (typeof pkg.homepage === 'string' && /^https:\/\//.test(pkg.homepage)) return pkg.homepage.replace(/#.*$/, '').replace(/\/$/, '') + '/docs/';
  return undefined;
}
// ES modules bundled into CommonJS lose import.meta.url (tinyglobby's fdir and pdfkit read it):
// define it from __filename in the Node bundles.
const importMetaShim = "const __importMetaUrl = require('url').pathToFileURL(__filename).href;";

// fontkit (under pdfkit) loads brotli, which it needs only for WOFF2 fonts (ours are TrueType),
// at load time, and brotli builds its dictionary as it loads. fontkit gets a stand-in that
// loads brotli on first use, and brotli its own compact browser dictionary (1.3 MB less to
// read and parse at every start; it is unpacked when a WOFF2 font is first read).
const lazyBrotli = {
  name: 'lazy-brotli',
  setup(b) {
    b.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, (args) =>
      /[\\/]node_modules[\\/]fontkit[\\/]/.test(args.importer) ? { path: join(process.cwd(), 'server/src/export/lazy-brotli.ts') } : undefined,
    );
    b.onResolve({ filter: /^\.\/dictionary-data(\.js)?$/ }, (args) =>
      /[\\/]node_modules[\\/]brotli[\\/]dec$/.test(args.resolveDir) ? { path: join(args.resolveDir, 'dictionary-browser.js') } : undefined,
    );
  },
};

// The web extension offers no preview or export (it has no file system to write to), so
// the web worker's bundle gets a stand-in for the editor's renderer and leaves the
// exporters (PDF, Word) out.
const webRenderer = {
  name: 'web-renderer',
  setup(b) {
    b.onResolve({ filter: /[\\/]export[\\/]editor\.js$/ }, () => ({ path: join(process.cwd(), 'server/src/export/editor-web.ts') }));
  },
};

// The readers of PDF and Word documents (pdfjs-dist and its worker, mammoth) are large and only
// `referat import` of such a document needs them: each is a bundle of its own beside the CLI,
// loaded on first use (server/src/import/pdf.ts, docx.ts), so that every other command starts
// as fast as before.
const lazyLibs = {
  'pdfjs-dist/legacy/build/pdf.mjs': 'pdfjs.js',
  'pdfjs-dist/legacy/build/pdf.worker.mjs': 'pdfjs-worker.js',
  mammoth: 'mammoth.js',
};
const lazyImportLibs = {
  name: 'lazy-import-libs',
  setup(b) {
    b.onResolve({ filter: /^(pdfjs-dist\/legacy\/build\/pdf(\.worker)?\.mjs|mammoth)$/ }, (args) => ({ path: `./${lazyLibs[args.path]}`, external: true }));
  },
};

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const entries = [
  // dist/cli.js is a small launcher that turns on Node's compile cache, then loads the CLI bundle.
  { in: 'server/src/cli/launcher.ts', out: 'dist/cli.js', platform: 'node', banner: '#!/usr/bin/env node', external: ['./cli-main.js'] },
  { in: 'server/src/cli/main.ts', out: 'dist/cli-main.js', platform: 'node', plugins: [lazyImportLibs] },
  ...Object.entries(lazyLibs).map(([lib, out]) => ({ in: lib, out: `dist/${out}`, platform: 'node' })),
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js', platform: 'node' },
  { in: 'client/src/extension.ts', out: 'dist/client.js', platform: 'node', external: ['vscode'] },
  { in: 'server/src/lsp/browser.ts', out: 'dist/browser-server.js', platform: 'browser', format: 'iife', plugins: [webRenderer] },
  { in: 'client/src/browser.ts', out: 'dist/browser-client.js', platform: 'browser', external: ['vscode'] },
];

// The search page's script of `referat publish` (MiniSearch and the Danish folding), built for the
// browser first and carried by the Node bundles as a string (server/src/publish/search.ts).
const searchClient = (
  await build({
    entryPoints: ['server/src/publish/search-client.ts'],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    logLevel: 'warning',
  })
).outputFiles[0].text;

const jobs = entries
  .filter((e) => existsSync(e.in) || !e.in.includes('/src/'))
  .map((e) =>
    build({
      entryPoints: [e.in],
      outfile: e.out,
      bundle: true,
      platform: e.platform,
      format: e.format ?? 'cjs',
      target: e.platform === 'node' ? 'node20' : 'es2022',
      external: e.external ?? [],
      sourcemap: !production,
      minify: production,
      logLevel: 'warning',
      plugins: [lazyBrotli, ...(e.plugins ?? [])],
      banner: { js: [e.banner, e.platform === 'node' ? importMetaShim : undefined].filter(Boolean).join('\n') },
      mainFields: e.platform === 'browser' ? ['browser', 'module', 'main'] : ['module', 'main'],
      define: {
        REFERAT_VERSION: JSON.stringify(version),
        REFERAT_DOCS_BASE: JSON.stringify(docsBase() ?? ''),
        // Chevrotain's grammar checks run in the tests, not at every start (server/src/syntax/checks.ts).
        REFERAT_BUNDLE: 'true',
        REFERAT_SEARCH_CLIENT: e.platform === 'node' ? JSON.stringify(searchClient) : '""',
        ...(e.platform === 'browser' ? { 'process.env.NODE_ENV': '"production"' } : { 'import.meta.url': '__importMetaUrl' }),
      },
    }),
  );
await Promise.all(jobs);

// The JSON Schema of .referatrc.json, generated from the zod schema for editors.
await build({ entryPoints: ['scripts/gen-schema.ts'], outfile: '.tmp/gen-schema.cjs', bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
const { spawnSync } = await import('node:child_process');
const gen = spawnSync(process.execPath, ['.tmp/gen-schema.cjs'], { stdio: 'inherit' });
if (gen.status !== 0) process.exit(gen.status ?? 1);
if (watch) console.log('watch mode is not supported; rerun npm run build');
