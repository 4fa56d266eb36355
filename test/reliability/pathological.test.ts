/**
 * Pathological input, each case with a time and a memory bound. Inputs are generated in
 * memory (test/reliability/inputs.ts); each runs in a child process of its own (probe.ts)
 * so time and peak memory are the pipeline's alone: the engine's lint and the language
 * service's diagnostics, outline, folding and semantic tokens on the same text.
 *
 * Bounds are of two kinds. Absolute ones are generous (a loaded two-core machine, several
 * times the figures measured in docs/reliability.md). Growth is what catches a quadratic:
 * every shape runs at a tenth of its size too, and ten times the input may cost at most
 * 25 times the time and memory (linear work costs 10 times, quadratic 100).
 * The big files also go through `referat lint` (dist/cli.js) as a user runs it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Finding, lint } from '../../server/src/engine.js';
import { CASES, EXAMPLE, invalidUtf8, personName, type CaseName } from './inputs.js';
import { CLI, workdir, type Measured, type Workdir } from './measure.js';
import type { ProbeResult } from './probe.js';

let work: Workdir;
let probeFile: string;
const figures: string[] = [];

beforeAll(async () => {
  work = workdir();
  probeFile = await work.bundle('test/reliability/probe.ts');
});
afterAll(() => {
  console.log(['case | size | lint ms | editor ms | peak RSS MB (before input → peak)', ...figures].join('\n'));
  work?.dispose();
});

async function probe(name: CaseName, scale: number): Promise<ProbeResult> {
  const run = await work.node(['--expose-gc', probeFile, name, String(scale)], { timeoutMs: 240_000 });
  expect(run.stderr, `probe ${name} ${scale}`).toBe('');
  expect(run.code, `probe ${name} ${scale}`).toBe(0);
  const r = JSON.parse(run.stdout) as ProbeResult;
  figures.push(`${name} | ${r.chars} chars | ${r.lintMs} | ${r.editorMs} | ${r.rssBeforeMB} → ${r.maxRssMB}`);
  return r;
}

/** Time of the smaller run, with a floor so timer noise on a few milliseconds cannot fail the ratio. */
const floorMs = (ms: number) => Math.max(ms, 40);
const floorMB = (mb: number) => Math.max(mb, 25);

interface Shape {
  readonly name: CaseName;
  readonly what: string;
  readonly small: number;
  readonly full: number;
  /** Bound on lint + editor time of the full size. */
  readonly maxMs: number;
  /** Bound on the peak resident memory of the full size. */
  readonly maxRssMB: number;
  /** What the user sees on the full size. */
  check(r: ProbeResult): void;
}

const SHAPES: Shape[] = [
  {
    name: 'big-file',
    what: 'a 50 MB file (the items of a real referat, repeated)',
    small: 5_000_000,
    full: 50_000_000,
    maxMs: 90_000,
    maxRssMB: 3_000,
    check: (r) => {
      expect(r.chars).toBeGreaterThanOrEqual(50_000_000);
      expect(r.items).toBe(r.itemLines);
      expect(Object.keys(r.rules).filter((k) => k.startsWith('syntax'))).toEqual([]);
    },
  },
  {
    name: 'many-items',
    what: '100,000 items',
    small: 10_000,
    full: 100_000,
    maxMs: 90_000,
    maxRssMB: 4_000,
    check: (r) => {
      expect(r.items).toBe(100_000);
      // Claus Berggren sent apologies and no item notes him absent: every item says so.
      expect(r.rules['afbud-not-noted']).toBe(100_000);
    },
  },
  {
    name: 'long-line',
    what: 'one 10 MB line in a decision (prose with unclosed `*`, `[`, `**` and sentences)',
    small: 1_000_000,
    full: 10_000_000,
    maxMs: 60_000,
    maxRssMB: 1_200,
    check: (r) => {
      // The header and the item are still read (a stack overflow in the lexer once lost the tree).
      expect(r.items).toBe(1);
      expect(r.rules['meeting-date']).toBeUndefined();
      expect(Object.keys(r.rules).filter((k) => k.startsWith('syntax'))).toEqual([]);
    },
  },
  {
    name: 'many-names',
    what: '100,000 names in Mødedeltagere and the same 100,000 in one vote',
    small: 10_000,
    full: 100_000,
    maxMs: 60_000,
    maxRssMB: 1_500,
    check: (r) => {
      expect(r.members).toBe(100_000);
      expect(r.rules['unknown-person']).toBeUndefined();
      // One member sent apologies and still voted.
      expect(r.rules['vote-count']).toBe(1);
    },
  },
  {
    name: 'deep-list',
    what: 'a bullet list nested 5,000 levels deep',
    small: 500,
    full: 5_000,
    maxMs: 30_000,
    maxRssMB: 800,
    check: (r) => {
      expect(r.items).toBe(1);
      expect(r.rules['syntax/list-too-deep']).toBe(1);
    },
  },
  {
    name: 'garbage',
    what: 'NUL bytes, lone surrogates and U+FFFD through a real referat, ten times',
    small: 1,
    full: 10,
    maxMs: 30_000,
    maxRssMB: 600,
    check: (r) => {
      expect(r.rules['syntax/missing-title']).toBeUndefined();
      expect(r.items).toBeGreaterThan(0);
    },
  },
  {
    name: 'cr-only',
    what: 'CR-only line endings (a real referat, ten times)',
    small: 1,
    full: 10,
    maxMs: 30_000,
    maxRssMB: 600,
    check: (r) => {
      expect(r.items).toBe(r.itemLines);
      expect(r.rules['syntax/missing-title']).toBeUndefined();
    },
  },
];

describe('pathological input: time and memory', () => {
  for (const s of SHAPES) {
    it(`${s.what}`, { timeout: 600_000 }, async () => {
      const small = await probe(s.name, s.small);
      const full = await probe(s.name, s.full);
      for (const r of [small, full]) {
        expect(r.internalErrors, 'nothing threw inside the parser or a rule').toBe(0);
        // The editor shows what the CLI reports.
        expect(r.diagnostics).toBe(r.findings);
      }
      s.check(full);

      expect(full.lintMs + full.editorMs).toBeLessThan(s.maxMs);
      expect(full.maxRssMB).toBeLessThan(s.maxRssMB);
      // Ten times the input: at most 25 times the time and the memory.
      expect(full.lintMs).toBeLessThan(25 * floorMs(small.lintMs));
      expect(full.editorMs).toBeLessThan(25 * floorMs(small.editorMs));
      expect(full.maxRssMB - full.rssBeforeMB).toBeLessThan(25 * floorMB(small.maxRssMB - small.rssBeforeMB));
    });
  }

  it('an empty file', async () => {
    const r = await probe('empty', 0);
    expect(r.rules).toEqual({ 'syntax/missing-title': 1, 'meeting-date': 1 });
    expect(r.diagnostics).toBe(2);
    expect(r.lintMs + r.editorMs).toBeLessThan(2_000);
    expect(r.maxRssMB).toBeLessThan(300);
  });
});

describe('pathological input: what the linter reports', () => {
  // The example with a member who sent apologies: every item then has a finding, with a fix.
  const base = EXAMPLE.replace(/\r\n?/g, '\n').replace('Mødested: C.2.25', 'Mødested: C.2.25\nAfbud: Kasper Fuhr Christensen');
  const where = (f: Finding) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.ruleId} ${f.message.en}`;

  it('CR-only line endings give the same findings at the same lines and columns as LF', () => {
    const lf = lint(base);
    const cr = lint(base.replace(/\n/g, '\r'));
    expect(lf.findings.length).toBeGreaterThan(0);
    expect(cr.findings.map(where)).toEqual(lf.findings.map(where));
    expect(cr.meeting.items.map((i) => i.title)).toEqual(lf.meeting.items.map((i) => i.title));
    // Fixes keep the file's line ending.
    const edits = cr.findings.flatMap((f) => f.fix?.edits ?? []);
    expect(edits.length).toBeGreaterThan(0);
    for (const e of edits) expect(e.newText).not.toMatch(/\n/);
  });

  it('NUL bytes and lone surrogates neither move nor hide the findings around them', () => {
    const text = base.replace(/(### Sagsfremstilling\n\n)/g, '$1\0\uD800\uFFFD\uDFFF ');
    expect(text.split('\0').length).toBeGreaterThan(3);
    const clean = lint(base);
    const dirty = lint(text);
    const sig = (fs: readonly Finding[]) => fs.map((f) => `${f.range.start.line} ${f.ruleId}`);
    expect(clean.findings.length).toBeGreaterThan(0);
    expect(sig(dirty.findings)).toEqual(sig(clean.findings));
    expect(dirty.meeting.items.length).toBe(clean.meeting.items.length);
  });
});

describe('pathological input: referat lint (dist/cli.js)', () => {
  const cli = (args: string[], options?: { timeoutMs?: number }): Promise<Measured> => work.node([CLI, ...args], options);
  const record = (what: string, m: Measured) => figures.push(`cli: ${what} | | ${m.ms} (wall) | | → ${m.maxRssMB}`);

  it('lints a 50 MB file', { timeout: 300_000 }, async () => {
    const file = join(work.dir, 'big.referat');
    writeFileSync(file, CASES['big-file'](50_000_000));
    const m = await cli(['lint', '--format', 'json', file], { timeoutMs: 240_000 });
    record('lint --format json, 50 MB', m);
    expect(m.stderr).toBe('');
    const [result] = JSON.parse(m.stdout) as { messages: { ruleId: string }[] }[];
    expect(result!.messages.filter((x) => x.ruleId === 'syntax')).toEqual([]);
    expect(m.ms).toBeLessThan(120_000);
    expect(m.maxRssMB).toBeLessThan(3_000);
  });

  it('reports 200,000 unknown names in one vote in the default (stylish) format', { timeout: 300_000 }, async () => {
    // Argument spreads over every finding of a file once overflowed the stack here (exit 2).
    const n = 200_000;
    const names = Array.from({ length: n }, (_, i) => personName(i + 8)).join(', ');
    const file = join(work.dir, 'vote.referat');
    writeFileSync(
      file,
      `# REFERAT Beskæftigelsesudvalget d. 03-12-2024\n\nMødedato: Tirsdag d. 03. december 2024 kl. 16:30\n` +
        `Mødedeltagere: Claus Berggren, Kasper Fuhr Christensen, Jesper Gade og Bo Vestergaard\n\n` +
        `## Punkt 1: Afstemning\nSagsnr: 00.22.00-P35-1-24\n\n### Beslutning\n\nFor stemte: ${names} (${n}).\n`,
    );
    const m = await cli(['lint', file], { timeoutMs: 240_000 });
    record('lint (stylish), 200,000 findings', m);
    expect(m.stderr).toBe('');
    expect(m.code).toBe(1);
    expect(m.stdout).toContain(`✖ ${n + 1} problems (${n + 1} errors, 0 warnings)`);
    expect(m.stdout).toContain('"Anne Holmb" is not among the members');
    expect(m.ms).toBeLessThan(120_000);
    expect(m.maxRssMB).toBeLessThan(3_000);
  });

  it('lints a file that is not UTF-8 (NUL bytes, stray and overlong bytes, encoded surrogates)', async () => {
    const file = join(work.dir, 'bytes.referat');
    writeFileSync(file, invalidUtf8());
    const m = await cli(['lint', '--format', 'json', file]);
    record('lint, invalid UTF-8', m);
    expect(m.stderr).toBe('');
    expect(m.code).toBeLessThanOrEqual(1);
    const [result] = JSON.parse(m.stdout) as { messages: { ruleId: string; message: string }[] }[];
    expect(result!.messages.map((x) => x.message).join('\n')).not.toMatch(/Internal (parser )?error/);
    expect(result!.messages.filter((x) => /title/.test(x.message) && x.ruleId === 'syntax')).toEqual([]);
    expect(m.maxRssMB).toBeLessThan(400);
  });

  it('lints an empty file: no title, no date', async () => {
    const file = join(work.dir, 'empty.referat');
    writeFileSync(file, '');
    const m = await cli(['lint', file]);
    record('lint, empty file', m);
    expect(m.code).toBe(1);
    expect(m.stdout).toContain('The minutes have no title');
    expect(m.stdout).toContain('The meeting has no date');
    expect(m.maxRssMB).toBeLessThan(400);
  });
});
