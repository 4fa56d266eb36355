/**
 * Profiles loaded from their own files: `"profile": "./profiles/x.json"` and
 * `"extends": "./base.json"` in `.referatrc.json` (relative to the file that names them), a
 * profile file's own `extends`, and the host's `--profile ./x.json`; validated by the profile
 * schema, with one-line errors in Danish and English for a missing or invalid file.
 */
import { describe, expect, it } from 'vitest';
import { ConfigFinder } from '../../server/src/config/discover.js';
import { isProfilePath, resolveRef } from '../../server/src/config/profile-files.js';
import { ConfigError, parseConfig, resolveConfig } from '../../server/src/config/resolve.js';

const fsOf = (files: Record<string, string>) => ({ readFile: async (p: string) => files[p] });
const json = (v: unknown) => JSON.stringify(v);

/** A house style of our own: a base file, and a file that extends it. */
const base = { name: 'vores-base', extends: 'sonderborg', itemHeading: '{n}. {title}', numbering: { scheme: 'year' } };
const own = { extends: './base.json', decisionHeading: 'Beslutning i {committee} den {date}' };

async function errorOf(p: Promise<unknown>): Promise<ConfigError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('profile references', () => {
  it('a path names a file, a word a profile', () => {
    expect(['./x.json', '../p/x.json', '/abs/x.json', 'profiles/x.json', 'C:\\p\\x.json', 'file:///p/x.json'].every(isProfilePath)).toBe(true);
    expect(['randers', 'sonderborg', 'mit-hus'].some(isProfilePath)).toBe(false);
  });

  it('resolves against the folder of the file that names it, paths and URIs', () => {
    expect(resolveRef('/arkiv/udvalg', './profiles/x.json')).toBe('/arkiv/udvalg/profiles/x.json');
    expect(resolveRef('/arkiv/udvalg', '../fælles/base.json')).toBe('/arkiv/fælles/base.json');
    expect(resolveRef('/arkiv', '/andet/x.json')).toBe('/andet/x.json');
    expect(resolveRef('file:///ws/udvalg', '../base.json')).toBe('file:///ws/base.json');
    expect(resolveRef('C:\\arkiv', '.\\p.json')).toBe('C:\\arkiv\\p.json');
  });
});

describe('.referatrc.json naming profile files', () => {
  it('"profile": "./profiles/x.json" selects the file\'s profile; its "extends": "./base.json" is relative to it', async () => {
    const fs = fsOf({
      '/arkiv/.referatrc.json': json({ profile: './profiler/vores.json' }),
      '/arkiv/profiler/vores.json': json(own),
      '/arkiv/profiler/base.json': json(base),
    });
    const { config } = await new ConfigFinder(fs).configFor('/arkiv/m.referat');
    // Named by its file (no "name" in it); its base by the base's "name".
    expect(config.profile.name).toBe('vores');
    expect(config.profile).toMatchObject({ itemHeading: '{n}. {title}', decisionHeading: 'Beslutning i {committee} den {date}', numbering: { scheme: 'year' } });
    // From Sønderborg, through the base file.
    expect(config.profile.sections[0]!.name).toBe('Sagsresumé');
    expect(Object.keys(config.profiles)).toEqual(expect.arrayContaining(['vores', 'vores-base', 'sonderborg']));
  });

  it('a profile defined in .referatrc.json extends a file', async () => {
    const fs = fsOf({
      '/a/.referatrc.json': json({ profile: 'lokal', profiles: { lokal: { extends: './base.json', caseNumber: { required: false } } } }),
      '/a/base.json': json(base),
    });
    const { config } = await new ConfigFinder(fs).configFor('/a/b/m.referat');
    expect(config.profile).toMatchObject({ name: 'lokal', itemHeading: '{n}. {title}', caseNumber: { required: false } });
  });

  it('the host\'s profile file (--profile ./x.json) applies on top of the configuration found', async () => {
    const fs = fsOf({ '/a/.referatrc.json': json({ profile: 'sonderborg', rules: { quorum: 'off' } }), '/work/vores.json': json(own), '/work/base.json': json(base) });
    const { config } = await new ConfigFinder(fs, {}, { profileFile: '/work/vores.json' }).configFor('/a/m.referat');
    expect(config.profile.name).toBe('vores');
    expect(config.severities.quorum).toBe('off');
  });

  it('a missing file, invalid JSON, a value the schema refuses, a cycle: one line naming the file, in Danish and English', async () => {
    const cases: [Record<string, string>, RegExp, RegExp][] = [
      [{ '/a/.referatrc.json': json({ profile: './nej.json' }) }, /^\/a\/\.referatrc\.json: profile: profile file "\.\/nej\.json" not found \(\/a\/nej\.json\)$/, /^\/a\/\.referatrc\.json: profile: profilfilen "\.\/nej\.json" findes ikke \(\/a\/nej\.json\)$/],
      [{ '/a/.referatrc.json': json({ profile: './p.json' }), '/a/p.json': '{ "name": ' }, /^\/a\/p\.json: invalid JSON: /, /^\/a\/p\.json: ugyldig JSON: /],
      [
        { '/a/.referatrc.json': json({ profile: './p.json' }), '/a/p.json': json({ numbering: { scheme: 'yearly' } }) },
        /^\/a\/p\.json: numbering\.scheme: expected one of "year", "term", "per-meeting"$/,
        /^\/a\/p\.json: numbering\.scheme: forventede en af "year", "term", "per-meeting"$/,
      ],
      [{ '/a/.referatrc.json': json({ profile: './p.json' }), '/a/p.json': '[1]' }, /^\/a\/p\.json: a profile file must be a JSON object$/, /^\/a\/p\.json: en profilfil skal være et JSON-objekt$/],
      [
        { '/a/.referatrc.json': json({ profile: './p.json' }), '/a/p.json': json({ extends: './q.json' }), '/a/q.json': json({ extends: './p.json' }) },
        /^\/a\/p\.json: "extends" leads to a cycle \(\/a\/p\.json → \/a\/q\.json → \/a\/p\.json\)$/,
        /^\/a\/p\.json: "extends" fører i ring/,
      ],
    ];
    for (const [files, en, da] of cases) {
      const e = await errorOf(new ConfigFinder(fsOf(files)).configFor('/a/m.referat'));
      expect(e.in('en'), Object.keys(files).join()).toMatch(en);
      expect(e.in('da'), Object.keys(files).join()).toMatch(da);
      expect(e.message).toBe(e.in('en'));
      expect(e.in('da')).not.toContain('\n');
    }
  });
});

describe('configuration errors in both languages', () => {
  const both = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof ConfigError) return [e.in('en'), e.in('da')];
      throw e;
    }
    throw new Error('no error');
  };

  it('the schema\'s messages, an unknown profile, an unknown base, a rule setting', () => {
    expect(both(() => parseConfig({ profile: 3 }))).toEqual(['profile: expected string', 'profile: forventede tekst']);
    expect(both(() => parseConfig({ profil: 'x' }))).toEqual([
      'unknown key "profil"; allowed: $schema, profile, profiles, rules, members, lang'.replace(/^/, '(root): '),
      '(root): ukendt nøgle "profil"; tilladt: $schema, profile, profiles, rules, members, lang',
    ]);
    expect(both(() => parseConfig({ rules: { quorum: 'loud' } }))[1]).toBe('rules.quorum: forventede "error", "warning", "info", "off" eller { "severity": …, "options": {…} }');
    expect(both(() => resolveConfig(undefined, { profile: 'nowhere' }))[1]).toMatch(/^profile: ukendt profil "nowhere"; forventede en af randers, /);
    expect(both(() => resolveConfig(parseConfig({ profiles: { p: { extends: 'q' }, q: { extends: 'p' } } })))[1]).toMatch(/^profiles\.\w\.extends: "\w" fører i ring/);
    expect(both(() => resolveConfig(parseConfig({ profile: 'p', profiles: { p: { itemHeading: 'Punkt {title}' } } })))).toEqual([
      'profiles.p.itemHeading: itemHeading: must contain {n}',
      'profiles.p.itemHeading: itemHeading: skal indeholde {n}',
    ]);
    // A message zod writes itself, in zod's Danish.
    const [en, da] = both(() => resolveConfig(parseConfig({ profile: 'p', profiles: { p: { sections: [] } } })));
    expect(en).toMatch(/^profiles\.p\.sections: Too small/);
    expect(da).toMatch(/^profiles\.p\.sections: For lille/);
  });
});
