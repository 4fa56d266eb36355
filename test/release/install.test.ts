/**
 * The release as a kommune gets it: the npm tarball installed into an empty folder, run on
 * the machine's Node (20), lints and exports there, its SARIF links every rule to an https
 * page, the `$schema` path of `.referatrc.json` resolves; and the documented CI commands
 * (examples/ci/*.yml, the same as docs/ci.md) and the pre-commit hook's entry run on a small
 * git repository of minutes.
 *
 * It packs and installs (33 s on the shared 2-core machine: under a minute, but it runs npm), so it runs
 * when REFERAT_RELEASE_TEST=1 (.ci/run sets it) and skips, saying so, in a plain `npm test`.
 * It packs the dist/ already built (--ignore-scripts: no rebuild under the other suites' feet).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const enabled = process.env.REFERAT_RELEASE_TEST === '1';
const systemNode = [process.env.REFERAT_SYSTEM_NODE, '/usr/bin/node'].find((p) => p && existsSync(p)) ?? process.execPath;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const example = join(root, 'examples', 'randers-beskaeftigelsesudvalget-2024-12-03.referat');
const faulty = '# REFERAT Udvalget d. 03-12-2024\n\nMødedato: Tirsdag d. 03. december 2024 kl. 16:30\nMødedeltagere: Anne Holm og Bo Ibsen\n\n## Punkt 1: En sag\nSagsnr: 00.01.00-A00-1-24\n\n### Indstilling\n1. at sagen godkendes.\n';

let work = '';
let tarball = '';
// The machine's Node first on PATH, as in a CI job with setup-node 20; npm from the same PATH.
const env = () => ({ ...process.env, PATH: `${dirname(systemNode)}:${process.env.PATH}`, npm_config_update_notifier: 'false', LANG: 'en_US.UTF-8', CI: '1' });
const sh = (script: string, cwd: string, extra: Record<string, string> = {}) => spawnSync('bash', ['-c', script], { cwd, encoding: 'utf8', env: { ...env(), ...extra } });

describe.skipIf(!enabled)(enabled ? 'the release tarball' : 'the release tarball (skipped: set REFERAT_RELEASE_TEST=1; .ci/run does)', () => {
  let app = '';
  beforeAll(() => {
    if (!existsSync(join(root, 'dist', 'cli.js')) || !existsSync(join(root, 'schemas', 'referatrc.schema.json'))) throw new Error('dist/ or schemas/ missing: run npm run build');
    work = mkdtempSync(join(tmpdir(), 'referat-release-'));
    execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], { cwd: root, env: env(), stdio: ['ignore', 'ignore', 'inherit'] });
    tarball = join(work, `${pkg.name}-${pkg.version}.tgz`);
    app = join(work, 'app');
    mkdirSync(app);
    const r = sh(`npm install --offline --no-audit --no-fund "${tarball}"`, app);
    if (r.status !== 0) throw new Error(`npm install failed: ${r.stderr}`);
  }, 240_000);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('installs only referat (no runtime dependencies, no node package)', () => {
    expect(readdirSync(join(app, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['referat']);
    const installed = JSON.parse(readFileSync(join(app, 'node_modules', 'referat', 'package.json'), 'utf8'));
    expect(installed.dependencies ?? {}).toEqual({});
    for (const f of ['dist/cli.js', 'dist/cli-main.js', 'dist/server.js', 'schemas/referatrc.schema.json', 'fonts', 'docs/rules/quorum.md', 'l10n']) expect(existsSync(join(app, 'node_modules', 'referat', f)), f).toBe(true);
  });

  it('lints and exports on the machine Node, and the $schema path resolves', () => {
    copyFileSync(example, join(app, 'm.referat'));
    writeFileSync(join(app, '.referatrc.json'), JSON.stringify({ $schema: './node_modules/referat/schemas/referatrc.schema.json', profile: 'randers' }));
    expect(JSON.parse(readFileSync(join(app, 'node_modules/referat/schemas/referatrc.schema.json'), 'utf8')).properties.profile).toBeDefined();
    expect(sh('node --version', app).stdout.trim()).toBe(execFileSync(systemNode, ['--version'], { encoding: 'utf8' }).trim());
    const lint = sh('npx referat lint m.referat', app);
    expect(lint.status, lint.stderr).toBe(0);
    const pdf = sh('npx referat export --format pdf m.referat -o m.pdf', app);
    expect(pdf.status, pdf.stderr).toBe(0);
    expect(readFileSync(join(app, 'm.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    // The PDF reader is bundled (dist/pdfjs.js) and needs no native canvas package: the
    // installed package reads back the PDF it wrote, with nothing but the summary on stderr.
    const back = sh('npx referat import --lang en -o back.referat m.pdf', app);
    expect(back.status, back.stderr).toBe(0);
    expect(back.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(join(app, 'back.referat'), 'utf8')).toMatch(/^## Punkt \d+: /m);
    const html = sh('npx referat export --format html m.referat -o -', app);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/i);
    const imp = sh('printf "REFERAT Havneudvalget\\n\\nPunkt 1: Kajen\\n\\nBeslutning\\n\\nGodkendt.\\n" | npx referat import -o - -', app);
    expect(imp.status, imp.stderr).toBe(0);
    expect(imp.stdout).toContain('## Punkt 1: Kajen');
    // A text with no meeting is refused (issue 15), also from the installed package.
    expect(sh('printf "REFERAT\\n" | npx referat import -o - -', app).status).toBe(2);
    const lsp = sh('npx referat lsp --help', app);
    expect(lsp.status).toBe(0);
    // The site, with the search page's script the bundle carries (the install has no esbuild, no MiniSearch).
    const site = sh('npx referat publish m.referat -o site --base-url https://referater.example.dk/', app);
    expect(site.status, site.stderr).toBe(0);
    expect(readFileSync(join(app, 'site', 'search.js'), 'utf8')).toContain('search-index.json');
    expect(existsSync(join(app, 'site', 'oparl', 'system.json'))).toBe(true);
  });

  it('SARIF from the install links each rule to an https page', () => {
    writeFileSync(join(app, 'faulty.referat'), faulty);
    const r = sh('npx referat lint --format sarif faulty.referat', app);
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout);
    const rules = log.runs[0].tool.driver.rules as { id: string; helpUri: string }[];
    expect(log.runs[0].results.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule.helpUri, rule.id).toMatch(/^https:\/\/github\.com\/referat-dk\/referat\/blob\/main\/docs\//);
    expect(r.stdout).not.toContain('file:///' + 'work');
    expect(r.stdout).not.toMatch(/"helpUri": "file:/);
  });

  describe('the documented CI commands and the pre-commit hook on a repository of minutes', () => {
    let repo = '';
    beforeAll(() => {
      repo = join(work, 'minutes');
      mkdirSync(join(repo, 'referater'), { recursive: true });
      const git = (...a: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', ...a], { cwd: repo });
      git('init', '-q', '-b', 'main');
      copyFileSync(example, join(repo, 'referater', 'gammel.referat'));
      git('add', '.');
      git('commit', '-qm', 'first');
      writeFileSync(join(repo, 'referater', 'ny møde.referat'), faulty);
      git('add', '.');
      git('commit', '-qm', 'second');
      // The release asset the workflows download (curl is not asked to fetch it here).
      copyFileSync(tarball, join(repo, `referat-${pkg.version}.tgz`));
    });
    const ciEnv = () => ({ REFERAT_VERSION: pkg.version, BASE: 'HEAD~1' });
    const stub = 'curl() { :; }; export -f curl; ';

    it('GitHub Actions: the run steps of examples/ci/github-workflow.yml', () => {
      const yml = readFileSync(join(root, 'examples', 'ci', 'github-workflow.yml'), 'utf8');
      const blocks = [...yml.matchAll(/run: \|\n((?: {10}.*\n)+)/g)].map((m) => m[1]!.replace(/^ {10}/gm, ''));
      expect(blocks).toHaveLength(3);
      expect(blocks[0]).toContain(`releases/download/v$REFERAT_VERSION/referat-$REFERAT_VERSION.tgz`);
      const install = sh(stub + blocks[0], repo, ciEnv());
      expect(install.status, install.stderr).toBe(0);
      const lint = sh(blocks[1]!, repo, ciEnv());
      expect(lint.status).toBe(1);
      expect(lint.stdout).toMatch(/^::error file=referater\/ny møde\.referat,line=\d+/m);
      expect(lint.stdout).not.toContain('gammel.referat');
      const sarif = sh(blocks[2]!, repo, ciEnv());
      expect(sarif.status).toBe(0);
      const log = JSON.parse(readFileSync(join(repo, 'referat.sarif'), 'utf8'));
      const uris = new Set(log.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri));
      expect([...uris]).toEqual(['referater/ny%20m%C3%B8de.referat']);
    });

    it('GitLab CI: the script of examples/ci/gitlab-ci.yml', () => {
      rmSync(join(repo, 'node_modules'), { recursive: true, force: true });
      rmSync(join(repo, 'referat.sarif'), { force: true });
      const yml = readFileSync(join(root, 'examples', 'ci', 'gitlab-ci.yml'), 'utf8');
      const script = [...yml.replace(/^[\s\S]*?\n  script:\n/, '').split(/\n  \w+:/)[0]!.matchAll(/^ {4}- (.*)$/gm)].map((m) => m[1]!).join('\n');
      expect(script).toContain('npx referat lint --format sarif');
      const r = sh(stub + script, repo, { REFERAT_VERSION: pkg.version, CI_COMMIT_BEFORE_SHA: 'HEAD~1' });
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('ny møde.referat');
      expect(r.stdout).not.toContain('gammel.referat');
      const log = JSON.parse(readFileSync(join(repo, 'referat.sarif'), 'utf8'));
      expect(log.runs[0].results.length).toBeGreaterThan(0);
    });

    it("pre-commit: the hook's entry on the staged minutes", () => {
      const hooks = readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8');
      const entry = /id: referat-lint[\s\S]*?entry: (.+)/.exec(hooks)![1]!.trim();
      expect(entry).toBe('referat lint');
      // pre-commit installs the hook repository as an npm package and runs the entry with the files.
      const bad = sh(`npx ${entry} "referater/ny møde.referat"`, repo);
      expect(bad.status).toBe(1);
      const good = sh(`npx ${entry} referater/gammel.referat`, repo);
      expect(good.status, good.stdout + good.stderr).toBe(0);
    });
  });
});
