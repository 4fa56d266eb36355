// `npm run release`: writes release/ (gitignored) with what a kommune installs:
//   referat-<version>.tgz   the npm package (CLI, language server, schema, fonts, profiles, rule docs)
//   referat-<version>.vsix  the VS Code extension (desktop and web)
//   SHA256SUMS              checksums of both (`sha256sum -c SHA256SUMS`)
//   RELEASE_NOTES.md        this version's section of CHANGELOG.md (Unreleased until a version has one)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'release');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** The CHANGELOG.md section of `version` (a `## [x.y.z]` heading), else `## [Unreleased]`. */
export function releaseNotes(changelog, version) {
  const sections = changelog.split(/^(?=## )/m).slice(1);
  const head = (s) => /^## \[?([^\]\s]+)\]?/.exec(s)?.[1] ?? '';
  const section = sections.find((s) => head(s) === version) ?? sections.find((s) => /^unreleased$/i.test(head(s)));
  if (!section) throw new Error(`CHANGELOG.md has no section for ${version} and no Unreleased section`);
  // Link references at the end of the file belong to the changelog, not to one section.
  const body = section.replace(/^\[[^\]]+\]: \S+\s*$/gm, '').trimEnd();
  return `# Referat ${version}\n\n${body.replace(/^## .*\n/, '').trim()}\n`;
}

function main() {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const npmCli = process.env.npm_execpath;
  const npm = (args) =>
    npmCli && /\.c?js$/.test(npmCli)
      ? execFileSync(process.execPath, [npmCli, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' })
      : execFileSync('npm', args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  // npm pack runs the prepare script (a production build of dist/ and schemas/) first.
  npm(['pack', '--pack-destination', out, '--silent']);
  execFileSync(process.execPath, [join(root, 'scripts', 'package-vsix.mjs'), '--out', join(out, `${pkg.name}-${pkg.version}.vsix`)], { cwd: root, stdio: 'inherit' });

  const artifacts = readdirSync(out).filter((f) => /\.(tgz|vsix)$/.test(f)).sort();
  const want = [`${pkg.name}-${pkg.version}.tgz`, `${pkg.name}-${pkg.version}.vsix`];
  for (const w of want) if (!artifacts.includes(w)) throw new Error(`release: ${w} was not made`);
  const sums = artifacts.map((f) => `${createHash('sha256').update(readFileSync(join(out, f))).digest('hex')}  ${f}\n`).join('');
  writeFileSync(join(out, 'SHA256SUMS'), sums);
  writeFileSync(join(out, 'RELEASE_NOTES.md'), releaseNotes(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), pkg.version));
  process.stdout.write(`release: ${out}\n${sums}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (e) {
    process.stderr.write(`release: ${String(e?.message ?? e).split('\n')[0]}\n`);
    process.exit(1);
  }
}
