// `npm run package`: builds the production bundles and packages the VS Code extension
// with @vscode/vsce. The extension is staged in .tmp/vsix with its own manifest (no
// dependencies: everything is bundled), so the .vsix holds no node_modules and the
// npm "files" list of the CLI package stays untouched.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stage = join(root, '.tmp', 'vsix');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production'], { cwd: root, stdio: 'inherit' });

rmSync(stage, { recursive: true, force: true });
mkdirSync(join(stage, 'dist'), { recursive: true });
for (const f of ['client.js', 'server.js', 'browser-client.js', 'browser-server.js']) {
  const from = join(root, 'dist', f);
  if (!existsSync(from)) throw new Error(`missing bundle dist/${f}: run npm run build`);
  cpSync(from, join(stage, 'dist', f));
}
const copy = (rel, required = true) => {
  const from = join(root, rel);
  if (!existsSync(from)) {
    if (required) throw new Error(`missing ${rel}`);
    console.warn(`package: ${rel} not found, left out`);
    return;
  }
  cpSync(from, join(stage, rel), { recursive: true });
};
copy('syntaxes');
copy('snippets');
copy('language-configuration.json');
copy('l10n');
copy('package.nls.json');
copy('package.nls.da.json');
copy('.vscodeignore');
copy('schemas', false);
copy('fonts', false);
copy('media');
copy('docs', false);
copy('README.md', false);
copy('CHANGELOG.md', false);
copy('LICENSE', false);

const manifest = { ...pkg };
for (const k of ['files', 'bin', 'dependencies', 'devDependencies', 'scripts', 'allowScripts', 'private']) delete manifest[k];
// The extension host is VS Code's, not a Node of ours: engines.node is the CLI package's.
manifest.engines = { vscode: pkg.engines.vscode };
writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

const outArg = process.argv.indexOf('--out');
const out = outArg > 0 && process.argv[outArg + 1] ? process.argv[outArg + 1] : join(root, `${pkg.name}-${pkg.version}.vsix`);
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const args = [vsce, 'package', '--no-dependencies', '--allow-star-activation', '--no-rewrite-relative-links', '--out', out];
if (!existsSync(join(stage, 'LICENSE'))) args.push('--skip-license');
execFileSync(process.execPath, args, { cwd: stage, stdio: 'inherit' });

const listing = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: stage, encoding: 'utf8' });
if (/node_modules/.test(listing)) throw new Error('the .vsix contains node_modules');
const size = statSync(out).size;
console.log(`package: ${out} (${(size / 1024).toFixed(0)} KiB, ${listing.trim().split('\n').length} files)`);
