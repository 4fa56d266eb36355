/** The extension manifest: contributions point at real files, every text is localised. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Module from 'node:module';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../server/src/engine.js';
import { ruleSettingsManifest, withRuleSettings, withRuleTexts } from '../../server/src/rules/manifest.js';

const root = join(__dirname, '..', '..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const pkg = JSON.parse(read('package.json'));
const nls = JSON.parse(read('package.nls.json'));
const nlsDa = JSON.parse(read('package.nls.da.json'));

describe('extension manifest', () => {
  it('targets VS Code ≤ 1.100 and declares both entry points', () => {
    const min = /^\^1\.(\d+)\./.exec(pkg.engines.vscode);
    expect(min && Number(min[1])).toBeLessThanOrEqual(100);
    expect(pkg.main).toBe('./dist/client.js');
    expect(pkg.browser).toBe('./dist/browser-client.js');
    expect(pkg.activationEvents).toContain('onLanguage:referat');
  });

  it('contributes the language, grammar, snippets and schema validation', () => {
    const c = pkg.contributes;
    expect(c.languages[0]).toMatchObject({ id: 'referat', extensions: ['.referat'] });
    for (const p of [c.languages[0].configuration, c.grammars[0].path, c.snippets[0].path]) {
      expect(existsSync(join(root, p)), p).toBe(true);
      expect(() => JSON.parse(read(p))).not.toThrow();
    }
    expect(c.jsonValidation[0]).toMatchObject({ fileMatch: '.referatrc.json', url: './schemas/referatrc.schema.json' });
  });

  it('has a setting for every rule', () => {
    const props = pkg.contributes.configuration.properties;
    for (const r of allRules) expect(props, r.meta.id).toHaveProperty([`referat.rules.${r.meta.id}`]);
    for (const k of ['referat.profile', 'referat.lang', 'referat.trace.server']) expect(props).toHaveProperty([k]);
  });

  it('the rule settings and their texts are generated from the rules (npm run gen:settings is current)', () => {
    const m = ruleSettingsManifest();
    const props = pkg.contributes.configuration.properties;
    expect(props, 'run npm run gen:settings').toEqual(withRuleSettings(props, m));
    expect(Object.keys(props), 'run npm run gen:settings').toEqual(Object.keys(withRuleSettings(props, m)));
    expect(nls, 'run npm run gen:settings').toEqual(withRuleTexts(nls, m.nls.en));
    expect(nlsDa, 'run npm run gen:settings').toEqual(withRuleTexts(nlsDa, m.nls.da));
    // The texts come from the rules' own descriptions, in both languages.
    for (const r of allRules) {
      expect(nls[`config.rules.${r.meta.id}`]).toContain(r.meta.description.en);
      expect(nlsDa[`config.rules.${r.meta.id}`]).toContain(r.meta.description.da);
    }
  });

  it('every %key% is translated in English and Danish', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(20);
    for (const k of keys) {
      expect(nls, k).toHaveProperty([k]);
      expect(nlsDa, k).toHaveProperty([k]);
    }
  });

  it('every runtime string has a Danish translation', () => {
    const da = JSON.parse(read('l10n/bundle.l10n.da.json'));
    const src = readdirSync(join(root, 'client', 'src')).map((f) => read(join('client', 'src', f))).join('\n');
    const strings = [...src.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!);
    expect(strings.length).toBeGreaterThan(3);
    for (const s of strings) expect(da, s).toHaveProperty([s]);
  });

  it('snippets cover the standard items', () => {
    const snippets = JSON.parse(read('snippets/referat.code-snippets'));
    const bodies = Object.values(snippets).map((s) => (s as { body: string[] }).body.join('\n'));
    for (const needle of ['# REFERAT', 'Godkendelse af dagsorden', 'Gensidig orientering', 'Punkter til næste møde', 'Lukket: ja', 'For stemte:', 'deltog ikke i sagens behandling']) {
      expect(bodies.some((b) => b.includes(needle)), needle).toBe(true);
    }
  });
});

describe('client bundles', () => {
  const bundles = ['dist/client.js', 'dist/browser-client.js'].filter((b) => existsSync(join(root, b)));
  it.each(bundles)('%s loads against a stub vscode and exports activate/deactivate', (bundle) => {
    // A stub `vscode` module: every property is a callable, constructible stub.
    const stub = (name: string): unknown =>
      new Proxy(function () {}, {
        get: (_t, k) => (k === 'then' ? undefined : k === Symbol.toPrimitive ? () => name : stub(`${name}.${String(k)}`)),
        apply: () => stub(`${name}()`),
        construct: () => stub(`new ${name}`) as object,
      });
    const M = Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown };
    const original = M._load;
    M._load = function (this: unknown, req: string, ...rest: unknown[]) {
      return req === 'vscode' ? stub('vscode') : original.call(this, req, ...rest);
    };
    try {
      const req = Module.createRequire(join(root, 'package.json'));
      const m = req(join(root, bundle)) as Record<string, unknown>;
      expect(typeof m.activate).toBe('function');
      expect(typeof m.deactivate).toBe('function');
    } finally {
      M._load = original;
    }
  });
});
