/**
 * Quick fixes and source actions: one quick fix per finding with a fix, its
 * suggestions as further (not preferred) quick fixes, "fix all of this rule" when a
 * rule has several fixable findings, and `source.fixAll.referat` for everything.
 * Fixes are the rules' own text edits, so the editor applies exactly what `--fix` does.
 *
 * As VS Code's Markdown language service does, a quick fix is read from the diagnostic the
 * editor sends back: its `code` (the rule) and `data` (the fix, computed for the document
 * version in `data.version`), not found again by re-linting and matching ranges. Only when
 * the editor sends no diagnostic of the current version are the findings at the range used.
 */
import type * as lsp from 'vscode-languageserver-types';
import { fixAll, type Finding } from '../engine.js';
import type { Fix } from '../rules/types.js';
import { type Analysis, type CancellationTokenLike, diffEdit, noCancel, overlaps, rangeOf, toTextEdits } from './common.js';
import { DIAGNOSTIC_SOURCE, toDiagnostic, type DiagnosticData } from './diagnostics.js';

export const FIX_ALL_KIND = 'source.fixAll.referat';

function wantKind(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function edit(a: Analysis, fix: Fix): lsp.WorkspaceEdit {
  return { changes: { [a.uri]: toTextEdits(a, fix.edits) } };
}

function wholeEdit(a: Analysis, next: string): lsp.WorkspaceEdit | undefined {
  const d = diffEdit(a.text, next);
  if (!d) return undefined;
  return { changes: { [a.uri]: [{ range: rangeOf(a, d.start, d.end), newText: d.newText }] } };
}

const L = {
  fixAllRule: { da: 'Ret alle fund af {rule}', en: 'Fix all {rule} problems' },
  fixAll: { da: 'Ret alle rettelige fund', en: 'Fix all auto-fixable problems' },
  disableLine: { da: 'Slå {rule} fra for denne linje', en: 'Disable {rule} for this line' },
};

/** A diagnostic at the range, with the fix it carries. */
interface Fixable {
  readonly diagnostic: lsp.Diagnostic;
  readonly ruleId: string;
  readonly fix?: Fix;
  readonly suggestions?: readonly Fix[];
}

function isOurData(d: lsp.Diagnostic, version: number): d is lsp.Diagnostic & { data: DiagnosticData } {
  const data = d.data as Partial<DiagnosticData> | undefined;
  return d.source === DIAGNOSTIC_SOURCE && typeof data?.ruleId === 'string' && data.version === version;
}

/** The editor's diagnostics of this version at the range, else the findings there. */
function fixablesAt(a: Analysis, start: number, end: number, diagnostics: readonly lsp.Diagnostic[] | undefined): Fixable[] {
  const ours = (diagnostics ?? []).filter((d) => isOurData(d, a.version));
  if (ours.length > 0) return ours.map((d) => ({ diagnostic: d, ruleId: d.data.ruleId, fix: d.data.fix, suggestions: d.data.suggestions }));
  return a
    .findings()
    .filter((f) => overlaps(f.range, start, end))
    .map((f) => ({ diagnostic: toDiagnostic(a, f), ruleId: f.ruleId, fix: f.fix, suggestions: f.suggestions }));
}

export function provideCodeActions(
  a: Analysis,
  range: lsp.Range,
  context: { readonly only?: readonly string[]; readonly diagnostics?: readonly lsp.Diagnostic[] } = {},
  token: CancellationTokenLike = noCancel,
): lsp.CodeAction[] {
  const out: lsp.CodeAction[] = [];
  const start = a.lines.offsetAt(range.start.line, range.start.character);
  const end = a.lines.offsetAt(range.end.line, range.end.character);
  if (token.isCancellationRequested) return out;
  const lang = a.lang;

  if (wantKind(context.only, 'quickfix')) {
    const rulesDone = new Set<string>();
    for (const f of fixablesAt(a, start, end, context.diagnostics)) {
      const diagnostic = f.diagnostic;
      if (f.fix) {
        out.push({ title: f.fix.title[lang], kind: 'quickfix', diagnostics: [diagnostic], isPreferred: true, edit: edit(a, f.fix) });
      }
      for (const s of f.suggestions ?? []) {
        out.push({ title: s.title[lang], kind: 'quickfix', diagnostics: [diagnostic], edit: edit(a, s) });
      }
      if (f.fix && !rulesDone.has(f.ruleId) && a.findings().filter((g: Finding) => g.ruleId === f.ruleId && g.fix).length > 1) {
        rulesDone.add(f.ruleId);
        const fixed = fixAll(a.text, { ...a.lintOptions, rules: [f.ruleId] });
        const we = wholeEdit(a, fixed.text);
        if (we) out.push({ title: L.fixAllRule[lang].replace('{rule}', f.ruleId), kind: 'quickfix', edit: we });
      }
      if (f.ruleId !== 'syntax' && !rulesDone.has(`disable:${f.ruleId}`)) {
        rulesDone.add(`disable:${f.ruleId}`);
        const line = diagnostic.range.start.line;
        const at = a.lines.lineStart(line);
        const indent = /^[ \t]*/.exec(a.text.slice(at, at + 200))![0];
        out.push({
          title: L.disableLine[lang].replace('{rule}', f.ruleId),
          kind: 'quickfix',
          diagnostics: [diagnostic],
          edit: {
            changes: {
              [a.uri]: [
                { range: rangeOf(a, at, at), newText: `${indent}<!-- referat-disable-next-line ${f.ruleId} -->${a.parse.ast.eol}` },
              ],
            },
          },
        });
      }
    }
  }

  if (token.isCancellationRequested) return out;
  if (wantKind(context.only, FIX_ALL_KIND) && a.findings().some((f) => f.fix)) {
    const fixed = fixAll(a.text, a.lintOptions);
    const we = wholeEdit(a, fixed.text);
    if (we) out.push({ title: L.fixAll[lang], kind: FIX_ALL_KIND, edit: we });
  }
  return out;
}
