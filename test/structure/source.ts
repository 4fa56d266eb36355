/**
 * The project's own TypeScript sources, parsed (oxc-parser) for the structure tests: the
 * import graph and the length of functions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { parseSync } from 'oxc-parser';

export const ROOT = join(__dirname, '..', '..');

export function sourceFiles(...dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p);
    }
  };
  for (const d of dirs) walk(join(ROOT, d));
  return out.sort();
}

/** A path relative to the repository, with forward slashes. */
export const rel = (p: string) => relative(ROOT, p).split(sep).join('/');

type Node = { type: string; start: number; end: number; [k: string]: unknown };

function walk(n: unknown, visit: (n: Node, parent: Node | undefined) => void, parent?: Node): void {
  if (Array.isArray(n)) {
    for (const c of n) walk(c, visit, parent);
    return;
  }
  if (!n || typeof n !== 'object' || typeof (n as Node).type !== 'string') return;
  visit(n as Node, parent);
  for (const [k, v] of Object.entries(n)) if (k !== 'parent' && v && typeof v === 'object') walk(v, visit, n as Node);
}

export interface Parsed {
  readonly file: string;
  readonly text: string;
  readonly program: unknown;
}

export function parse(file: string): Parsed {
  const text = readFileSync(file, 'utf8');
  const r = parseSync(file, text);
  if (r.errors.length) throw new Error(`${rel(file)}: ${r.errors[0]!.message}`);
  return { file, text, program: r.program };
}

/** An import of one of our files: the file, whether it imports types only (erased from the build), whether it is an `import()`. */
export interface ImportEdge {
  readonly target: string;
  readonly typeOnly: boolean;
  /** An `import()` expression: the target loads when the code runs, not with the file. */
  readonly dynamic: boolean;
}

type Specifiers = readonly { importKind?: string; exportKind?: string }[] | undefined;

/** Type-only: `import type …`, `export type … from`, or every specifier marked `type`. */
function isTypeOnly(n: Node): boolean {
  if (n.type === 'ImportExpression' || n.type === 'ExportAllDeclaration') return n.type === 'ExportAllDeclaration' && n.exportKind === 'type';
  if (n.importKind === 'type' || n.exportKind === 'type') return true;
  const specs = n.specifiers as Specifiers;
  return !!specs && specs.length > 0 && specs.every((s) => s.importKind === 'type' || s.exportKind === 'type');
}

/** The imports of a file (relative specifiers only, resolved to .ts paths), type-only ones marked. */
export function importEdgesOf(p: Parsed): ImportEdge[] {
  const out: ImportEdge[] = [];
  walk(p.program, (n) => {
    const src =
      n.type === 'ImportDeclaration' || n.type === 'ExportAllDeclaration' || (n.type === 'ExportNamedDeclaration' && n.source)
        ? (n.source as { value: string }).value
        : n.type === 'ImportExpression' && (n.source as Node).type === 'Literal'
          ? ((n.source as { value: string }).value)
          : undefined;
    if (typeof src === 'string' && src.startsWith('.')) {
      out.push({ target: normalize(join(dirname(p.file), src.replace(/\.js$/, '.ts'))), typeOnly: isTypeOnly(n), dynamic: n.type === 'ImportExpression' });
    }
  });
  return out;
}

/** The files a file imports (relative specifiers only, resolved to .ts paths), type-only imports included. */
export function importsOf(p: Parsed): string[] {
  return importEdgesOf(p).map((e) => e.target);
}

export interface FunctionSpan {
  readonly name: string;
  readonly line: number;
  readonly lines: number;
}

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/** Every function with a block body, with the lines its body spans. */
export function functionsOf(p: Parsed): FunctionSpan[] {
  const lineAt = (offset: number) => {
    let line = 1;
    for (let i = 0; i < offset; i++) if (p.text.charCodeAt(i) === 10) line++;
    return line;
  };
  const out: FunctionSpan[] = [];
  walk(p.program, (n, parent) => {
    if (!FUNCTIONS.has(n.type)) return;
    const body = n.body as Node | undefined;
    if (!body || body.type !== 'BlockStatement') return;
    const id = (n.id as { name?: string } | undefined)?.name;
    const key = parent && ((parent.key as { name?: string } | undefined)?.name ?? (parent.id as { name?: string } | undefined)?.name);
    const start = lineAt(body.start);
    out.push({ name: id ?? key ?? '<anonymous>', line: start, lines: lineAt(body.end) - start + 1 });
  });
  return out;
}
