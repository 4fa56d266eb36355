/**
 * What every feature provider shares: the per-document analysis the service caches,
 * cancellation, and conversions between the engine's ranges (offsets plus LSP
 * positions) and plain LSP ranges. Pure: no I/O, no connection.
 */
import type * as lsp from 'vscode-languageserver-types';
import type { ResolvedConfig } from '../config/resolve.js';
import type { Finding, LintOptions } from '../engine.js';
import type { Lang } from '../i18n.js';
import type { Meeting } from '../model/types.js';
import type { Localized } from '../rules/types.js';
import type { LineIndexLike, ParseResult, Range } from '../syntax/ast.js';
import type { Unchanged } from '../syntax/incremental.js';

export interface CancellationTokenLike {
  readonly isCancellationRequested: boolean;
}

export const noCancel: CancellationTokenLike = Object.freeze({ isCancellationRequested: false });

/** The minimal text document the service needs (vscode-languageserver-textdocument's TextDocument fits). */
export interface TextDocumentLike {
  readonly uri: string;
  readonly version: number;
  getText(): string;
  /**
   * What the changes from version `from` to version `to` left unchanged, when the host
   * recorded them (the editor's incremental changes); undefined when it does not know.
   */
  unchangedBetween?(from: number, to: number): Unchanged | undefined;
}

/** One document, parsed, modelled and (lazily) linted, for one version. */
export interface Analysis {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly parse: ParseResult;
  readonly lines: LineIndexLike;
  readonly meeting: Meeting;
  readonly config: ResolvedConfig;
  readonly lang: Lang;
  /** The options the lint ran with (config, uri, siblings): fixes re-lint with the same. */
  readonly lintOptions: LintOptions;
  /** The lint findings; computed on first use and cached. */
  findings(): readonly Finding[];
}

export function t(text: Localized, lang: Lang): string {
  return text[lang];
}

export function toRange(r: Range): lsp.Range {
  return {
    start: { line: r.start.line, character: r.start.character },
    end: { line: r.end.line, character: r.end.character },
  };
}

export function rangeOf(a: Analysis, start: number, end: number): lsp.Range {
  const s = a.lines.position(start);
  const e = a.lines.position(end);
  return { start: { line: s.line, character: s.character }, end: { line: e.line, character: e.character } };
}

/** Whether `offset` lies within `r` (end inclusive: a cursor just after a word still touches it). */
export function contains(r: Range, offset: number): boolean {
  return r.start.offset <= offset && offset <= r.end.offset;
}

export function overlaps(r: Range, start: number, end: number): boolean {
  return r.start.offset <= end && start <= r.end.offset;
}

/** Converts engine edits (offsets) into LSP text edits. */
export function toTextEdits(a: Analysis, edits: readonly { start: number; end: number; newText: string }[]): lsp.TextEdit[] {
  return edits.map((e) => ({ range: rangeOf(a, e.start, e.end), newText: e.newText }));
}

/** A minimal set of edits turning `from` into `to`: one edit over the differing middle. */
export function diffEdit(from: string, to: string): { start: number; end: number; newText: string } | undefined {
  if (from === to) return undefined;
  let s = 0;
  const max = Math.min(from.length, to.length);
  while (s < max && from.charCodeAt(s) === to.charCodeAt(s)) s++;
  let e1 = from.length;
  let e2 = to.length;
  while (e1 > s && e2 > s && from.charCodeAt(e1 - 1) === to.charCodeAt(e2 - 1)) {
    e1--;
    e2--;
  }
  return { start: s, end: e1, newText: to.slice(s, e2) };
}
