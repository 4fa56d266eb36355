/**
 * `referat lint` (CI) and the language server (the editor) give identical findings, file by
 * file, on the same multi-file workspace (issue 17): the same configuration walk, the same
 * sibling summaries for the cross-file numbering check, the same severities. The CLI is the
 * built dist/cli.js; the editor is the language service over the same folder on disk.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLanguageService, type Workspace } from '../../server/src/service.js';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const examples = join(root, 'examples');
let dir: string;

interface Seen {
  readonly rule: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly start: string;
  readonly end: string;
  readonly message: string;
}

function filesUnder(d: string): string[] {
  return readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? filesUnder(p) : p.endsWith('.referat') ? [p] : [];
  });
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js missing: run npm run build (npm test does)');
  dir = mkdtempSync(join(tmpdir(), 'referat-parity-'));
  // One committee's folder with the Randers examples, a meeting whose numbers do not continue
  // from the previous one and whose date is only in the title; a folder with its own
  // configuration (another profile, a rule turned off, one made a warning).
  const randers = join(dir, 'randers');
  cpSync(examples, randers, { recursive: true, filter: (s) => statSync(s).isDirectory() || (s.endsWith('.referat') && !s.includes('sonderborg')) });
  const base = readFileSync(join(examples, 'randers-beskaeftigelsesudvalget-2024-12-03.referat'), 'utf8');
  const later = base
    .replace(/^# REFERAT (.*?) d\. 03-12-2024/m, '# REFERAT $1 d. 17-12-2024')
    .replace(/^Mødedato:.*$/m, '')
    .replace(/## Punkt (\d+)/g, (_m, n: string) => `## Punkt ${Number(n) + 40}`);
  writeFileSync(join(randers, 'randers-beskaeftigelsesudvalget-2024-12-17.referat'), later);
  // An earlier meeting dated only in its title: the next meeting's numbering is checked against it.
  const earlier = base
    .replace(/^# REFERAT (.*?) d\. 03-12-2024/m, '# REFERAT $1 d. 19-11-2024')
    .replace(/^Mødedato:.*$/m, '')
    .replace(/## Punkt (\d+)/g, (_m, n: string) => `## Punkt ${Number(n) - 30}`);
  writeFileSync(join(randers, 'randers-beskaeftigelsesudvalget-2024-11-19.referat'), earlier);
  const sonderborg = join(dir, 'sonderborg');
  mkdirSync(sonderborg);
  cpSync(join(examples, 'sonderborg-arbejdsmarkedsudvalget-2024-08-13.referat'), join(sonderborg, 'moede.referat'));
  writeFileSync(join(sonderborg, '.referatrc.json'), JSON.stringify({ profile: 'sonderborg', rules: { 'case-number': 'off', 'empty-section': 'warning' } }));
  writeFileSync(join(sonderborg, 'andet.referat'), base.replace('Onsdag', 'Tirsdag'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function cliFindings(): Map<string, Seen[]> {
  // SARIF, the format CI reads: it keeps info apart from warning (ESLint's JSON does not).
  const r = spawnSync(process.execPath, [cli, 'lint', '.', '--format', 'sarif', '--lang', 'en', '--concurrency', 'off'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', CI: '1', NO_COLOR: '1' },
    maxBuffer: 64 << 20,
  });
  expect(r.status, r.stderr).not.toBe(2);
  const out = new Map<string, Seen[]>();
  const sarif = JSON.parse(r.stdout) as Log;
  for (const res of sarif.runs[0]!.results ?? []) {
    const loc = res.locations![0]!.physicalLocation!;
    const file = join(dir, ...loc.artifactLocation!.uri!.split('/').map(decodeURIComponent));
    const g = loc.region!;
    const seen: Seen = {
      rule: res.ruleId!,
      severity: res.level === 'note' ? 'info' : (res.level as 'error' | 'warning'),
      start: `${g.startLine}:${g.startColumn}`,
      end: `${g.endLine}:${g.endColumn}`,
      message: res.message.text!,
    };
    out.set(file, [...(out.get(file) ?? []), seen]);
  }
  return out;
}

async function editorFindings(files: readonly string[]): Promise<Map<string, Seen[]>> {
  const workspace: Workspace = {
    documents: { get: () => undefined, all: () => [] },
    readFile: async (uri) => {
      try {
        return readFileSync(fileURLToPath(uri), 'utf8');
      } catch {
        return undefined;
      }
    },
    listFiles: async () => files.map((f) => pathToFileURL(f).href),
    roots: [pathToFileURL(dir).href],
  };
  const service = createLanguageService({ workspace, locale: 'en' });
  await service.indexWorkspace();
  const out = new Map<string, Seen[]>();
  const sev = { 1: 'error', 2: 'warning', 3: 'info' } as const;
  for (const f of files) {
    const uri = pathToFileURL(f).href;
    const diagnostics = await service.getDiagnostics({ uri, version: 1, getText: () => readFileSync(f, 'utf8') });
    out.set(
      f,
      diagnostics.map((d) => ({
        rule: String(d.code),
        severity: sev[d.severity as 1 | 2 | 3],
        start: `${d.range.start.line + 1}:${d.range.start.character + 1}`,
        end: `${d.range.end.line + 1}:${d.range.end.character + 1}`,
        message: typeof d.message === 'string' ? d.message : d.message.value,
      })),
    );
  }
  return out;
}

describe('referat lint and the language server', () => {
  it('give identical findings, file by file, on the same workspace', async () => {
    const files = filesUnder(dir).sort();
    expect(files.length).toBeGreaterThanOrEqual(6);
    const fromCli = cliFindings();
    const fromEditor = await editorFindings(files);
    const order = (a: Seen, b: Seen) => a.start.localeCompare(b.start, 'en', { numeric: true }) || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message);
    let compared = 0;
    for (const f of files) {
      const c = [...(fromCli.get(f) ?? [])].sort(order);
      const e = [...(fromEditor.get(f) ?? [])].sort(order);
      expect(e, f).toEqual(c);
      compared += c.length;
    }
    // The workspace is built to make the rules speak: the comparison is not of empty lists.
    expect(compared).toBeGreaterThan(3);
    const rules = new Set([...fromCli.values()].flat().map((s) => s.rule));
    expect(rules).toContain('item-numbering');
  });
});
