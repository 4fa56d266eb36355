/**
 * The layers of the code go one way (issue 17; docs/architecture.md):
 *
 *   syntax → config → model → rules (and engine.ts) → features / export / import → infer
 *   → publish → service → lsp → cli (the `referat lsp` command starts the server)
 *
 * The configuration (the house-style profile, data) comes before the model, which is built
 * with it: the model reads the profile, the configuration reads nothing of the model.
 *
 * A layer imports only from layers before it (and the small helpers `array.ts`, `i18n.ts`,
 * `docs.ts`, which import nothing of ours). `lsp/` reaches the engine only through the
 * service façade (and the syntax and model types). No import cycle anywhere, type-only
 * imports included.
 */
import { describe, expect, it } from 'vitest';
import { importsOf, parse, rel, sourceFiles } from './source.js';

const RANK: Readonly<Record<string, number>> = {
  array: 0,
  i18n: 0,
  docs: 0,
  syntax: 1,
  config: 2,
  model: 3,
  rules: 4,
  engine: 4.5,
  features: 5,
  export: 5,
  import: 5,
  infer: 5.5,
  publish: 6,
  service: 7,
  lsp: 8,
  cli: 8.5,
  client: 9,
};

/** What a layer may import besides the layers before it. */
const ONLY: Readonly<Record<string, readonly string[]>> = {
  lsp: ['service', 'syntax', 'model', 'array', 'i18n', 'docs', 'lsp'],
  client: ['client', 'lsp-protocol'],
};

/** The layer of a file: its folder under server/src (or the file's name there), or `client`. */
function layerOf(file: string): string {
  const r = rel(file);
  if (r.startsWith('client/')) return 'client';
  if (r === 'server/src/lsp/protocol.ts') return 'lsp-protocol';
  const parts = r.replace(/^server\/src\//, '').split('/');
  return parts.length > 1 ? parts[0]! : parts[0]!.replace(/\.ts$/, '');
}

const files = sourceFiles('server/src', 'client/src');
const graph = new Map(files.map((f) => [f, importsOf(parse(f)).filter((t) => files.includes(t))]));

describe('layers', () => {
  it('every file belongs to a known layer', () => {
    const unknown = files.filter((f) => !(layerOf(f) in RANK) && layerOf(f) !== 'lsp-protocol').map(rel);
    expect(unknown).toEqual([]);
  });

  it('no import goes against the layers', () => {
    const wrong: string[] = [];
    for (const [f, targets] of graph) {
      const from = layerOf(f);
      for (const t of targets) {
        const to = layerOf(t);
        if (from === to || (from === 'lsp' && to === 'lsp-protocol')) continue;
        const only = ONLY[from];
        const rankFrom = RANK[from === 'lsp-protocol' ? 'lsp' : from]!;
        const rankTo = RANK[to === 'lsp-protocol' ? 'lsp' : to]!;
        const ok = only ? only.includes(to) : rankTo < rankFrom;
        if (!ok) wrong.push(`${rel(f)} → ${rel(t)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 1 | 2>();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, 1);
      stack.push(f);
      for (const t of graph.get(f) ?? []) {
        if (state.get(t) === 1) cycles.push([...stack.slice(stack.indexOf(t)), t].map(rel).join(' → '));
        else if (!state.has(t)) visit(t);
      }
      stack.pop();
      state.set(f, 2);
    };
    for (const f of files) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });
});
