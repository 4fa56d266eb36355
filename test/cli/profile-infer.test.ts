/**
 * `referat profile infer` and `referat import --profile NAME|auto --config FILE` as a user runs
 * them (dist/cli.js): the written .referatrc.json is valid and selects the profile, the report
 * says how many documents agree, bad input is one line and exit 2.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parseConfig, resolveConfig } from '../../server/src/config/resolve.js';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'referat-infer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (args: string[], lang = 'en') => spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: `${lang === 'da' ? 'da_DK' : 'en_US'}.UTF-8`, CI: '1' } });

/** Invented minutes: "Punkt {n} {title}", "Beslutning i {committee} den {date}", numbers through the year. */
function minutes(first: number, day: string): string {
  const out = [`Byudvalget - ${day}`, '', 'Referat', 'Lokation:', 'Rådhuset', ''];
  for (let n = first; n < first + 3; n++) {
    out.push(`Punkt ${n} Sag nummer ${n} om vejene`, '', `Sagsnr.: 24/${4000 + n}`, '', 'Sagsresumé', '', 'Udvalget skal tage stilling til sagen.', '', 'Indstillinger', '', 'Forvaltningen indstiller, at sagen godkendes.', '');
    out.push(`Beslutning i Byudvalget den ${day}`, '', 'Godkendt.', '');
  }
  return out.join('\n');
}

writeFileSync(join(dir, 'm1.txt'), minutes(1, '08-01-2024'));
writeFileSync(join(dir, 'm2.txt'), minutes(4, '12-02-2024'));
writeFileSync(join(dir, 'm3.txt'), minutes(7, '11-03-2024'));

it('writes a valid .referatrc.json that defines and selects the profile, and reports how many documents agree', () => {
  const r = run(['profile', 'infer', 'm1.txt', 'm2.txt', 'm3.txt', '--name', 'byen', '-o', '.referatrc.json']);
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain('referat: profile byen inferred from 3 documents:');
  expect(r.stderr).toContain('section order: strict (3 of 3 documents agree)');
  expect(r.stderr).toContain('item heading: "Punkt {n} {title}" (3 of 3 documents agree)');
  expect(r.stderr).toContain('numbering: continuous through the year (3 of 3 documents agree)');
  expect(r.stderr).toContain('wrote .referatrc.json');
  const config = JSON.parse(readFileSync(join(dir, '.referatrc.json'), 'utf8'));
  expect(config.profile).toBe('byen');
  const resolved = resolveConfig(parseConfig(config));
  expect(resolved.profile).toMatchObject({ name: 'byen', itemHeading: 'Punkt {n} {title}', decisionHeading: 'Beslutning i {committee} den {date}', numbering: { scheme: 'year' } });
  expect(resolved.profile.caseNumber.patterns).toEqual(['short']);
});

it('keeps the other settings of an existing -o file, and writes to standard output without -o; Danish with --lang da', () => {
  writeFileSync(join(dir, 'rc.json'), JSON.stringify({ rules: { quorum: 'off' }, profiles: { andet: { extends: 'randers' } } }));
  const r = run(['profile', 'infer', 'm1.txt', '--name', 'byen', '-o', 'rc.json']);
  expect(r.status, r.stderr).toBe(0);
  const config = JSON.parse(readFileSync(join(dir, 'rc.json'), 'utf8'));
  expect(config.rules).toEqual({ quorum: 'off' });
  expect(Object.keys(config.profiles).sort()).toEqual(['andet', 'byen']);
  const out = run(['profile', 'infer', '--lang', 'da', 'm1.txt']);
  expect(out.status, out.stderr).toBe(0);
  expect(JSON.parse(out.stdout).profiles).toBeDefined();
  expect(out.stderr).toMatch(/udledt af 1 dokument:/);
  expect(out.stderr).toMatch(/afsnitsrækkefølge: fast \(1 af 1 dokumenter er enige\)/);
});

it('refuses bad input with one line and exit 2: no files, an unreadable file, binary data, a text that is no minutes, a bad name', () => {
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3, 0, 0, 0xff, 0xfe]));
  writeFileSync(join(dir, 'letter.txt'), 'Kære Jens\n\nTak for sidst. Vi ses på fredag.\n');
  writeFileSync(join(dir, 'empty.txt'), '');
  const cases: [string[], RegExp][] = [
    [['profile', 'infer'], /no files given/],
    [['profile', 'infer', 'missing.txt'], /missing\.txt: cannot read \(ENOENT/],
    [['profile', 'infer', 'binary.txt'], /binary\.txt: not a text file/],
    [['profile', 'infer', 'm1.txt', 'letter.txt'], /letter\.txt: no meeting recognised/],
    [['profile', 'infer', 'empty.txt'], /empty\.txt: the file is empty/],
    [['profile', 'infer', 'm1.txt', '--name', 'a b'], /--name a b: must be a name/],
  ];
  for (const [args, re] of cases) {
    const r = run(args);
    expect(r.status, args.join(' ')).toBe(2);
    expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    expect(r.stderr, args.join(' ')).toMatch(re);
    expect(r.stdout, args.join(' ')).toBe('');
  }
  const da = run(['profile', 'infer', 'binary.txt'], 'da');
  expect(da.stderr).toMatch(/ikke en tekstfil/);
});

it('has help in both languages', () => {
  expect(run(['profile', 'infer', '--help']).stdout).toMatch(/Infer a house-style profile/);
  expect(run(['profile', 'infer', '--help'], 'da').stdout).toMatch(/Udled en husstilsprofil/);
});

it('import --profile auto infers the house style from the document; --config FILE and --profile NAME use a configured one', () => {
  const auto = run(['import', '--profile', 'auto', '-o', '-', 'm2.txt']);
  expect(auto.status, auto.stderr).toBe(0);
  expect(auto.stdout).toMatch(/^Profil: /m);
  expect(auto.stdout).toContain('### Beslutning i Byudvalget den 12-02-2024');
  expect(auto.stdout).toContain('## Punkt 4 Sag nummer 4 om vejene');
  expect(auto.stderr).toMatch(/inferred from the document; keep it for lint with: referat profile infer m2\.txt --name \S+ -o \.referatrc\.json/);
  // The configuration written above defines "byen"; an explicit --config selects it.
  const named = run(['import', '--config', '.referatrc.json', '-o', 'm2.referat', 'm2.txt']);
  expect(named.status, named.stderr).toBe(0);
  const markup = readFileSync(join(dir, 'm2.referat'), 'utf8');
  expect(markup).toMatch(/^Profil: byen$/m);
  const lint = run(['lint', '--format', 'json', 'm2.referat']);
  const messages = (JSON.parse(lint.stdout) as { messages: { ruleId: string }[] }[])[0]!.messages.map((m) => m.ruleId);
  expect(messages.filter((m) => ['section-order', 'case-number', 'unknown-field', 'empty-section', 'duplicate-section'].includes(m))).toEqual([]);
  // --profile NAME: the nearest .referatrc.json defines it.
  const byName = run(['import', '--profile', 'byen', '-o', '-', 'm3.txt']);
  expect(byName.status, byName.stderr).toBe(0);
  expect(byName.stdout).toMatch(/^Profil: byen$/m);
  const unknown = run(['import', '--profile', 'nosuch', '-o', '-', 'm2.txt']);
  expect(unknown.status).toBe(2);
  expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
  expect(unknown.stderr).toMatch(/unknown profile "nosuch"/);
});

it('import --profile auto keeps a newly inferred profile where lint finds it: a new .referatrc.json beside the file, or the configuration that applies', () => {
  const fresh = mkdtempSync(join(tmpdir(), 'referat-keep-'));
  try {
    writeFileSync(join(fresh, 'a.txt'), minutes(1, '08-01-2024'));
    writeFileSync(join(fresh, 'b.txt'), minutes(4, '12-02-2024'));
    const runIn = (cwd: string, args: string[], lang = 'en') => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: `${lang === 'da' ? 'da_DK' : 'en_US'}.UTF-8`, CI: '1' } });
    const r = runIn(fresh, ['import', '--profile', 'auto', 'a.txt']);
    expect(r.status, r.stderr).toBe(0);
    const name = /^Profil: (\S+)$/m.exec(readFileSync(join(fresh, 'a.referat'), 'utf8'))![1]!;
    expect(r.stderr).toContain(`the house style "${name}" is inferred from the document and kept in .referatrc.json (lint and export use it)`);
    const rc = JSON.parse(readFileSync(join(fresh, '.referatrc.json'), 'utf8')) as { profiles: Record<string, { itemHeading: string }> };
    expect(rc.profiles[name]!.itemHeading).toBe('Punkt {n} {title}');
    expect(resolveConfig(parseConfig(rc), { profile: name }).profile.name).toBe(name); // valid under the schema
    // lint uses it: the house's headings and case numbers are no findings.
    const lint = runIn(fresh, ['lint', '--format', 'json', 'a.referat']);
    const ids = (JSON.parse(lint.stdout) as { messages: { ruleId: string }[] }[])[0]!.messages.map((m) => m.ruleId);
    expect(ids.filter((m) => ['section-order', 'case-number', 'unknown-field', 'syntax'].includes(m))).toEqual([]);
    // The minutes name no kommune: the profile is named after the file (two such files never share one by accident).
    expect(name).toBe('a');
    // The same document imported again finds its profile defined: nothing is written again, nothing said.
    const again = runIn(fresh, ['import', '--profile', 'auto', '-o', 'a2.referat', 'a.txt'], 'da');
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).not.toContain('gemt i');
    const other = runIn(fresh, ['import', '--profile', 'auto', 'b.txt'], 'da');
    expect(other.stderr).toContain('husstilen "b" er udledt af dokumentet og gemt i .referatrc.json (lint og eksport bruger den)');
    expect(Object.keys((JSON.parse(readFileSync(join(fresh, '.referatrc.json'), 'utf8')) as { profiles: object }).profiles)).toEqual(['a', 'b']);
    // A broken configuration is one line and exit 2, and is left as it is.
    writeFileSync(join(fresh, '.referatrc.json'), '[]');
    const broken = runIn(fresh, ['import', '--profile', 'auto', '-o', 'c.referat', 'b.txt']);
    expect(readFileSync(join(fresh, '.referatrc.json'), 'utf8')).toBe('[]');
    expect(broken.status).toBe(2);
    expect(broken.stderr.trim().split("\n")).toHaveLength(1);
    expect(broken.stderr).toContain(".referatrc.json: (root): expected object");
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
});
