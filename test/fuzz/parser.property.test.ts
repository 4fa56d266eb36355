/**
 * Property tests: the parser (and the whole lint pipeline) never throws on any input,
 * and every range it reports lies inside the text, is ordered, and agrees with the
 * line index. Inputs: documents generated from the grammar's shapes, and mutations of
 * real files (the seeds and examples). `FUZZ_RUNS` raises the number of runs.
 */
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine.js';
import type { Range } from '../../server/src/syntax/ast.js';
import { LineIndex } from '../../server/src/syntax/lines.js';
import { parse } from '../../server/src/syntax/parser.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const root = join(__dirname, '..', '..');

function realFiles(): string[] {
  const out: string[] = [];
  for (const dir of [join(root, '..', 'shared', 'seeds'), join(root, 'examples')]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) if (/\.(txt|referat)$/.test(f)) out.push(readFileSync(join(dir, f), 'utf8'));
  }
  return out;
}

/** Walks every object with a `range` in a tree. */
function* ranges(node: unknown, seen = new Set<unknown>()): Generator<Range> {
  if (!node || typeof node !== 'object' || seen.has(node)) return;
  seen.add(node);
  const r = (node as { range?: Range }).range;
  if (r && typeof r === 'object' && 'start' in r) yield r;
  for (const v of Object.values(node)) {
    if (v && typeof v === 'object') yield* ranges(v, seen);
  }
}

function checkRanges(text: string, tree: unknown, extra: Range[] = []) {
  const li = new LineIndex(text);
  for (const r of [...ranges(tree), ...extra]) {
    expect(r.start.offset).toBeGreaterThanOrEqual(0);
    expect(r.end.offset).toBeLessThanOrEqual(text.length);
    expect(r.start.offset).toBeLessThanOrEqual(r.end.offset);
    expect(li.position(r.start.offset)).toEqual(r.start);
    expect(li.position(r.end.offset)).toEqual(r.end);
  }
}

const word = fc.constantFrom('Punkt', 'Beslutning', 'Godkendt.', 'at', 'Claus Berggren', 'og', 'havde forfald.', 'deltog ikke i sagens behandling.', 'For stemte:', '(3)', 'ja', '**fed**', '*kursiv*', '[bilag](x.pdf)', '<!--', '-->', '|', ':', '#', '1.', '-', 'æøå', '\t', '  ', '\u0000', '\uFEFF', '😀', 'x'.repeat(50));
const line = fc.oneof(
  fc.constantFrom('# REFERAT Udvalg d. 03-12-2024', '# DAGSORDEN X', '## Punkt 1: Titel', '## Punkt 1.a: Titel', '### Indstilling', '### Beslutning', '#### Under', 'Sagsnr: 00.22.00-P35-1-24', 'Lukket: ja', 'Mødedeltagere: A B, C D og E F', 'Afbud: A B', '  fortsat', '1. at godkendt.', '2) at', '- at', '| a | b |', '|---|---|', '<!-- referat-disable -->', '<!-- x', ''),
  fc.array(word, { maxLength: 8 }).map((ws) => ws.join(' ')),
  fc.string({ maxLength: 40 }),
);
const eol = fc.constantFrom('\n', '\r\n', '\r');
const generated = fc.tuple(fc.array(line, { maxLength: 60 }), eol).map(([ls, e]) => ls.join(e));

describe('parser properties', () => {
  it('never throws on generated documents, and ranges are valid', () => {
    fc.assert(
      fc.property(generated, (text) => {
        const r = parse(text);
        checkRanges(text, r.ast, r.diagnostics.map((d) => d.range));
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on arbitrary strings (including lone surrogates and NULs)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const r = parse(text);
        checkRanges(text, r.ast);
      }),
      { numRuns: RUNS },
    );
  });

  const bases = realFiles();
  it.runIf(bases.length > 0)('the whole lint pipeline survives mutations of real files', () => {
    const mutation = fc.record({
      base: fc.integer({ min: 0, max: bases.length - 1 }),
      at: fc.nat(),
      len: fc.nat({ max: 200 }),
      insert: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('\r', '\uFEFF', '<!--', '\n## Punkt 9: X\n', '\n### Beslutning\n', '|', '\u0000')),
      shuffle: fc.boolean(),
    });
    fc.assert(
      fc.property(mutation, ({ base, at, len, insert, shuffle }) => {
        let text = bases[base]!;
        const pos = at % (text.length + 1);
        text = text.slice(0, pos) + insert + text.slice(pos + len);
        if (shuffle) {
          const ls = text.split('\n');
          const i = pos % ls.length;
          ls.splice((i * 7) % ls.length, 0, ls[i]!);
          text = ls.join('\n');
        }
        const r = lint(text);
        checkRanges(text, r.parse.ast, r.findings.map((f) => f.range));
        for (const f of r.findings) for (const e of f.fix?.edits ?? []) {
          expect(e.start).toBeGreaterThanOrEqual(0);
          expect(e.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: Math.max(20, Math.floor(RUNS / 5)) },
    );
  });
});

describe('pathological input', () => {
  it('a 5 MB line, deep nesting, NULs, CR-only and 100,000 names yield a tree', () => {
    const inputs = [
      '# REFERAT U\n## Punkt 1: A\n### Sagsfremstilling\n' + 'ord '.repeat(1_300_000),
      '# REFERAT U\n' + Array.from({ length: 2000 }, (_, i) => ' '.repeat(i % 200) + '- x').join('\n'),
      '\u0000\u0001\u0002'.repeat(10_000),
      '# REFERAT U\r## Punkt 1: A\r### Beslutning\rGodkendt.\r'.repeat(1000),
      '# REFERAT U\nMødedeltagere: ' + Array.from({ length: 100_000 }, (_, i) => `Navn Nr${i}`).join(', ') + '\n',
      '<!--'.repeat(50_000),
    ];
    for (const text of inputs) {
      const r = lint(text);
      expect(r.parse.ast.range.end.offset).toBe(text.length);
    }
  });
});
