/** Rule documentation is linked by an https URL built from package.json, in the sources and the bundles alike. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DOCS_BASE, docsBaseFromPackage, ruleDocUrl } from '../../server/src/docs.js';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('rule documentation URL', () => {
  it('comes from package.json repository, and the sources agree with it', () => {
    expect(docsBaseFromPackage(pkg)).toBe(DEFAULT_DOCS_BASE);
    expect(DEFAULT_DOCS_BASE).toMatch(/^https:\/\/.+\/docs\/$/);
    expect(ruleDocUrl('quorum')).toBe('https://github.com/referat-dk/referat/blob/main/docs/rules/quorum.md');
    expect(ruleDocUrl('syntax')).toBe('https://github.com/referat-dk/referat/blob/main/docs/markup.md#syntax-diagnostics');
  });

  it('reads the usual repository spellings', () => {
    expect(docsBaseFromPackage({ repository: 'github:kommune/referat' })).toBe('https://github.com/kommune/referat/blob/main/docs/');
    expect(docsBaseFromPackage({ repository: { url: 'git+https://gitlab.com/kommune/referat.git' } })).toBe('https://gitlab.com/kommune/referat/-/blob/main/docs/');
    expect(docsBaseFromPackage({ homepage: 'https://referat.example/#readme' })).toBe('https://referat.example/docs/');
    expect(docsBaseFromPackage({ repository: 'file:///home/x/referat' })).toBeUndefined();
  });

  it('is what the bundles link to (scripts/build.mjs defines it)', () => {
    const bundle = readFileSync(join(root, 'dist', 'cli-main.js'), 'utf8');
    expect(bundle).toContain(JSON.stringify(DEFAULT_DOCS_BASE).slice(1, -1));
    expect(bundle).not.toMatch(/pathToFileURL\([^)]*docs/);
  });

});
