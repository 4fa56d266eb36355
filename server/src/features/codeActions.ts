/**
 * Quick fixes and source actions: one quick fix per finding with a fix, its
 * suggestions as further (not preferred) quick fixes, "fix all of this rule" when a
 * rule has several fixable findings, and `source.fixAll.referat` for everything.
 * Fixes are the rules' own text edits, so the editor applies exactly what `--fix` does.
 */
import type * as lsp from 'vscode-languageserver-types';
import { fixAll, type Finding } from '../engine.js';
import type { Fix } from '../rules/types.js';
import { type Analysis, type CancellationTokenLike, diffEdit, noCancel, overlaps, rangeOf, toTextEdits } from './common.js';
import { toDiagnostic } from './diagnostics.js';

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

export function provideCodeActions(
  a: Analysis,
  range: lsp.Range,
  context: { readonly only?: readonly string[] } = {},
  token: CancellationTokenLike = noCancel,
): lsp.CodeAction[] {
  const out: lsp.CodeAction[] = [];
  const start = a.lines.offsetAt(range.start.line, range.start.character);
  const end = a.lines.offsetAt(range.end.line, range.end.character);
  const findings = a.findings();
  if (token.isCancellationRequested) return out;
  const lang = a.lang;

  if (wantKind(context.only, 'quickfix')) {
    const here = findings.filter((f) => overlaps(f.range, start, end));
    const rulesDone = new Set<string>();
    for (const f of here) {
      const diagnostic = toDiagnostic(a, f);
      if (f.fix) {
        out.push({ title: f.fix.title[lang], kind: 'quickfix', diagnostics: [diagnostic], isPreferred: true, edit: edit(a, f.fix) });
      }
      for (const s of f.suggestions ?? []) {
        out.push({ title: s.title[lang], kind: 'quickfix', diagnostics: [diagnostic], edit: edit(a, s) });
      }
      if (f.fix && !rulesDone.has(f.ruleId) && findings.filter((g: Finding) => g.ruleId === f.ruleId && g.fix).length > 1) {
        rulesDone.add(f.ruleId);
        const fixed = fixAll(a.text, { ...a.lintOptions, rules: [f.ruleId] });
        const we = wholeEdit(a, fixed.text);
        if (we) out.push({ title: L.fixAllRule[lang].replace('{rule}', f.ruleId), kind: 'quickfix', edit: we });
      }
      if (f.ruleId !== 'syntax' && !rulesDone.has(`disable:${f.ruleId}`)) {
        rulesDone.add(`disable:${f.ruleId}`);
        const line = f.range.start.line;
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
  if (wantKind(context.only, FIX_ALL_KIND) && findings.some((f) => f.fix)) {
    const fixed = fixAll(a.text, a.lintOptions);
    const we = wholeEdit(a, fixed.text);
    if (we) out.push({ title: L.fixAll[lang], kind: FIX_ALL_KIND, edit: we });
  }
  return out;
}
