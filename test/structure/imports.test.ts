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
 * service façade (and the syntax and model types). `cli/` reaches it only through the
 * service (`service/tasks.ts`, which loads each part of the engine on first use), with
 * `i18n.ts`, the syntax and model types (`import type`), and the language server's Node
 * entry (`lsp/node.ts`, which `referat lsp` starts). No import cycle anywhere, type-only
 * imports included.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { importEdgesOf, parse, rel, ROOT, sourceFiles, type ImportEdge } from './source.js';

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

/** What a layer may import, for a layer that may not import every layer before it. */
interface Only {
  /** Layers it may import from. */
  readonly layers: readonly string[];
  /** Layers it may import types from (`import type`), and nothing else. */
  readonly types?: readonly string[];
  /** Single files it may import (paths from the repository). */
  readonly files?: readonly string[];
}
const ONLY: Readonly<Record<string, Only>> = {
  lsp: { layers: ['service', 'syntax', 'model', 'array', 'i18n', 'docs', 'lsp'] },
  cli: { layers: ['service', 'i18n', 'cli'], types: ['syntax', 'model'], files: ['server/src/lsp/node.ts'] },
  client: { layers: ['client', 'lsp-protocol'] },
};

/** Whether the edge from a file of layer `from` to `edge.target` (of layer `to`) may be. */
function allowed(from: string, to: string, edge: ImportEdge): boolean {
  const only = ONLY[from];
  if (!only) return RANK[to === 'lsp-protocol' ? 'lsp' : to]! < RANK[from === 'lsp-protocol' ? 'lsp' : from]!;
  return only.layers.includes(to) || (edge.typeOnly && !!only.types?.includes(to)) || !!only.files?.includes(rel(edge.target));
}

/** The layer of a file: its folder under server/src (or the file's name there), or `client`. */
function layerOf(file: string): string {
  const r = rel(file);
  if (r.startsWith('client/')) return 'client';
  if (r === 'server/src/lsp/protocol.ts') return 'lsp-protocol';
  const parts = r.replace(/^server\/src\//, '').split('/');
  return parts.length > 1 ? parts[0]! : parts[0]!.replace(/\.ts$/, '');
}

const files = sourceFiles('server/src', 'client/src');
const edges = new Map(files.map((f) => [f, importEdgesOf(parse(f)).filter((e) => files.includes(e.target))]));
const graph = new Map([...edges].map(([f, es]) => [f, es.map((e) => e.target)]));

describe('layers', () => {
  it('every file belongs to a known layer', () => {
    const unknown = files.filter((f) => !(layerOf(f) in RANK) && layerOf(f) !== 'lsp-protocol').map(rel);
    expect(unknown).toEqual([]);
  });

  it('no import goes against the layers', () => {
    const wrong: string[] = [];
    for (const [f, es] of edges) {
      const from = layerOf(f);
      for (const e of es) {
        const to = layerOf(e.target);
        if (from === to || (from === 'lsp' && to === 'lsp-protocol')) continue;
        if (!allowed(from, to, e)) wrong.push(`${rel(f)} → ${rel(e.target)}${e.typeOnly ? ' (types)' : ''}`);
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

  it('the CLI loads no part of the engine at start-up (each is loaded by the façade on first use)', () => {
    // What `referat --help` evaluates: the files main.ts reaches by static imports of values.
    const eager = new Set<string>();
    const visit = (f: string) => {
      if (eager.has(f)) return;
      eager.add(f);
      for (const e of edges.get(f) ?? []) if (!e.typeOnly && !e.dynamic) visit(e.target);
    };
    visit(files.find((f) => rel(f) === 'server/src/cli/main.ts')!);
    const light = new Set(['server/src/service/tasks.ts', 'server/src/export/model.ts', 'server/src/syntax/binary.ts']);
    const loaded = [...eager].map(rel).filter((r) => !r.startsWith('server/src/cli/') && !light.has(r) && !['i18n', 'docs', 'array'].includes(layerOf(join(ROOT, r))));
    expect(loaded).toEqual([]);
  });
});
