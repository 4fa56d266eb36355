/** What the package and the release are made of (fast checks; install.test.ts installs the tarball). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { releaseNotes } from '../../scripts/release.mjs';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('the npm package', () => {
  it('ships the CLI, server, schema, fonts, profiles, rule docs and translations, and builds before packing', () => {
    for (const f of ['dist', 'schemas', 'fonts', 'profiles', 'docs/rules', 'l10n', 'package.nls.json', 'package.nls.da.json']) expect(pkg.files).toContain(f);
    expect(pkg.files).toContain('!dist/**/*.map');
    expect(pkg.bin.referat).toBe('./dist/cli.js');
    expect(pkg.scripts.prepare).toMatch(/scripts\/build\.mjs/);
    expect(pkg.engines.node).toBe('>=20');
  });

  it('has no runtime dependencies (the bundles include them): installing it pulls neither the node package nor dev tools', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.devDependencies.node).toBeDefined();
  });

  it('names its public home by https', () => {
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.repository.url).toMatch(/^git\+https:\/\/github\.com\/referat-dk\/referat\.git$/);
  });
});

describe('release notes', () => {
  const changelog = '# Changelog\n\n## [Unreleased]\n\n### Added\n- b\n\n## [1.2.0] - 2027-01-01\n\n### Fixed\n- a\n\n[Unreleased]: https://x.invalid/compare\n';
  it('are the version section of the changelog, else Unreleased', () => {
    expect(releaseNotes(changelog, '1.2.0')).toBe('# Referat 1.2.0\n\n### Fixed\n- a\n');
    expect(releaseNotes(changelog, '1.3.0')).toBe('# Referat 1.3.0\n\n### Added\n- b\n');
  });
  it('come from CHANGELOG.md, which has an Unreleased section', () => {
    const notes = releaseNotes(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), pkg.version);
    expect(notes).toMatch(/^# Referat \d+\.\d+\.\d+\n/);
    expect(notes).toContain('### Added');
  });
});
