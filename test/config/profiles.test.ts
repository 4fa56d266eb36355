import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileJsonSchema } from '../../server/src/rules/json-schema.js';
import { builtinProfiles, resolveProfiles, shippedProfileFiles } from '../../server/src/config/profiles.js';
import { ConfigError, parseConfig, resolveConfig } from '../../server/src/config/resolve.js';
import { profileSchema } from '../../server/src/config/schema.js';

const root = join(__dirname, '..', '..');
const where = (name: string) => `profiles.${name}`;

describe('profile schema', () => {
  it('a bad profile gives a zod error naming the path and what is expected', () => {
    const bad = (patch: unknown) => () => resolveProfiles({ x: patch }, builtinProfiles, { defaultBase: 'randers', where });
    expect(bad({ numbering: { scheme: 'yearly' } })).toThrow(/profiles\.x\.numbering\.scheme: expected one of "year", "term", "per-meeting"/);
    expect(bad({ itemHeading: 'Punkt {title}' })).toThrow(/profiles\.x\.itemHeading: itemHeading: must contain \{n\}/);
    expect(bad({ decisionHeading: 'Beslutning {udvalg}' })).toThrow(/decisionHeading: unknown placeholder/);
    expect(bad({ dateFormat: 'DD-MM-YYYY' })).toThrow(/dateFormat: use d, dd/);
    expect(bad({ caseNumber: { patterns: ['(unclosed'] } })).toThrow(/caseNumber\.patterns\.0: .*neither a preset/);
    expect(bad({ attendance: { placement: ['footer'] } })).toThrow(/attendance\.placement\.0/);
    expect(bad({ sectionz: [] })).toThrow(/unknown key "sectionz"/);
    expect(() => parseConfig({ profiles: { x: { sectionOrder: 'loose' } } })).toThrow(ConfigError);
  });

  it('extends chains of any length resolve, nested objects merge key by key, cycles and unknown bases are errors', () => {
    const profiles = resolveProfiles(
      {
        c: { extends: 'b', caseNumber: { required: false } },
        b: { extends: 'a', decisionHeading: '{committee} den {date}:', dateFormat: 'd. MMMM yyyy' },
        a: { extends: 'sonderborg', numbering: { closedItemsFrom: 101 } },
      },
      builtinProfiles,
      { defaultBase: 'randers', where },
    );
    const c = profiles.c!;
    expect(c.name).toBe('c');
    expect(c.sections[0]!.name).toBe('Sagsresumé');
    expect(c.decisionHeading).toBe('{committee} den {date}:');
    expect(c.dateFormat).toBe('d. MMMM yyyy');
    expect(c.numbering).toEqual({ scheme: 'per-meeting', closedItemsFrom: 101 });
    expect(c.caseNumber).toMatchObject({ patterns: ['short'], required: false });
    expect(() => resolveProfiles({ p: { extends: 'q' }, q: { extends: 'p' } }, builtinProfiles, { where })).toThrow(/cycle/);
    expect(() => resolveProfiles({ p: { extends: 'nowhere' } }, builtinProfiles, { where })).toThrow(/profiles\.p\.extends: unknown profile "nowhere"/);
  });

  it('older values still load', () => {
    const cfg = resolveConfig(
      parseConfig({ profile: 'old', profiles: { old: { decisionHeading: 'committee-date', numbering: 'continuous', caseNumber: 'any', caseNumberRequired: false, absenceNotedPerItem: false } } }),
    );
    expect(cfg.profile).toMatchObject({
      decisionHeading: 'Beslutning {committee} den {date}',
      numbering: { scheme: 'year' },
      caseNumber: { patterns: ['any'], required: false },
      attendance: { placement: ['header'] },
    });
  });
});

describe('shipped profiles (profiles/*.json)', () => {
  const dir = join(root, 'profiles');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

  it('every file is bundled, named after itself, points at the generated schema and resolves', () => {
    expect(Object.keys(shippedProfileFiles).sort()).toEqual(files.map((f) => f.replace(/\.json$/, '')).sort());
    for (const f of files) {
      const raw = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      expect(raw.$schema, f).toBe('../schemas/profile.schema.json');
      expect(raw.name, f).toBe(f.replace(/\.json$/, ''));
      const p = builtinProfiles[raw.name]!;
      expect(profileSchema.safeParse(p).success, f).toBe(true);
      expect(p.provenance?.kommune, `${f}: provenance`).toBeTruthy();
    }
  });

  it('the build writes the current JSON Schema to schemas/profile.schema.json', () => {
    const path = join(root, 'schemas', 'profile.schema.json');
    expect(existsSync(path), 'run npm run build').toBe(true);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(JSON.parse(JSON.stringify(profileJsonSchema())));
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.contributes.jsonValidation.map((v: { url: string }) => v.url)).toContain('./schemas/profile.schema.json');
  });
});
