/**
 * Incremental analysis (engine/incremental.ts): after any sequence of edits, the findings of
 * the editor's path (incremental parse, re-used item models, item-scoped findings memoised
 * per item and moved with it) equal those of a fresh lint of the same text, finding for
 * finding: rule, range, message, fix, suggestions, related ranges, in the same order.
 * Edits: random typing (test/helpers/edits.ts) and the structural ones that change what the
 * memo is keyed by or what meeting-wide rules read: an item heading, a section name, a member
 * in Mødedeltagere, an Afbud, a Lukket, a decision, a vote, a substitute, a Profil field.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConfig, resolveConfig } from '../../server/src/config/resolve.js';
import { analyze, lint, lintAnalyzed, LintMemo, type Finding, type PreviousAnalysis } from '../../server/src/engine.js';
import type { Analysis } from '../../server/src/features/common.js';
import type { ResolvedConfig } from '../../server/src/config/resolve.js';
import type { Meeting } from '../../server/src/model/types.js';
import type { ParseResult } from '../../server/src/syntax/ast.js';
import { provideDiagnostics, toDiagnostic } from '../../server/src/features/diagnostics.js';
import { provideDocumentSymbols } from '../../server/src/features/documentSymbols.js';
import { provideFoldingRanges } from '../../server/src/features/folding.js';
import { provideSemanticTokens } from '../../server/src/features/semanticTokens.js';
import { apply, edit, files, type Edit } from '../helpers/edits.js';
import { fuzzProperty } from './harness.js';

type Structural = { readonly kind: StructuralKind; readonly at: number; readonly pick: number };
type StructuralKind = (typeof KINDS)[number];
const KINDS = ['heading', 'section', 'member', 'afbud', 'lukket', 'decision', 'vote', 'substitute', 'profile', 'no-members', 'delete-line'] as const;

const NAMES = ['Claus Berggren', 'Anne Holm', 'Jesper Gade', 'Ny Person', 'Henrik Brodersen', 'Thomas Lorenzen'];
const SECTIONS = ['Beslutning', 'Indstilling', 'Resumé', 'Sagsfremstilling', 'Økonomi', 'Bilag', 'Noget andet', 'Beslutning Udvalget den 03-12-2024'];
const BLOCKS = [
  '### Beslutning\nGodkendt.\n',
  '### Beslutning\n1. at godkendt.\n2. at drøftet.\n',
  '1. at godkendt.\n',
  'For stemte: Anne Holm, Jesper Gade og Claus Berggren (3).\n',
  'Imod stemte: Ny Person (1).\n',
  'For stemte: Anne Holm og Anne Holm (5).\n',
  'Claus Berggren deltog ikke i sagens behandling.\n',
  'Jesper Gade forlod mødet efter punkt 2.\n',
  'Anne Holm havde forfald.\n',
  'Thomas Lorenzen mødte som stedfortræder for Claus Berggren.\n',
];

/** The line starts of a text (offsets). */
function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) out.push(i + 1);
  return out;
}

function pickOf<T>(xs: readonly T[], n: number): T {
  return xs[n % xs.length]!;
}

/** Applies a structural edit: where the text has no place for it, a random line gets the new line instead. */
function applyStructural(text: string, s: Structural): string {
  const starts = lineStarts(text);
  const lineAt = (pred: (l: string) => boolean): number | undefined => {
    const hits = starts.filter((o) => pred(text.slice(o, text.indexOf('\n', o) < 0 ? text.length : text.indexOf('\n', o))));
    return hits.length ? hits[Math.floor(s.at * hits.length) % hits.length] : undefined;
  };
  const lineEnd = (o: number) => (text.indexOf('\n', o) < 0 ? text.length : text.indexOf('\n', o));
  const insertAt = (o: number, t: string) => text.slice(0, o) + t + text.slice(o);
  const anyLine = starts[Math.floor(s.at * starts.length) % starts.length]!;
  const name = pickOf(NAMES, s.pick);
  switch (s.kind) {
    case 'heading':
      return insertAt(anyLine, pickOf(['## Punkt 9: Ny sag\n', '## Punkt 2: Igen\n\n### Beslutning\nGodkendt.\n', '# Slut\n', '### Beslutning\n'], s.pick));
    case 'section': {
      const o = lineAt((l) => l.startsWith('### '));
      return o === undefined ? insertAt(anyLine, `### ${pickOf(SECTIONS, s.pick)}\n`) : text.slice(0, o) + `### ${pickOf(SECTIONS, s.pick)}` + text.slice(lineEnd(o));
    }
    case 'member': {
      const o = lineAt((l) => /^(Mødedeltagere|Medlemmer|Deltagere):/.test(l));
      if (o === undefined) return insertAt(anyLine, `Mødedeltagere: ${name}, Anne Holm og Jesper Gade\n`);
      const e = lineEnd(o);
      return s.pick % 3 === 0 ? text.slice(0, o) + `Mødedeltagere: ${name}` + text.slice(e) : text.slice(0, e) + `, ${name}` + text.slice(e);
    }
    case 'afbud': {
      const o = lineAt((l) => l.startsWith('Afbud:'));
      if (o === undefined) {
        const m = lineAt((l) => l.startsWith('Mødedeltagere:'));
        return insertAt(m ?? anyLine, `Afbud: ${name}\n`);
      }
      return text.slice(0, o) + (s.pick % 4 === 0 ? '' : `Afbud: ${name}`) + text.slice(lineEnd(o));
    }
    case 'lukket': {
      const o = lineAt((l) => l.startsWith('## '));
      if (o === undefined) return insertAt(anyLine, 'Lukket: ja\n');
      const e = lineEnd(o);
      return text.slice(0, e) + (s.pick % 2 ? '\nLukket: ja' : '\nLukket: nej') + text.slice(e);
    }
    case 'decision':
      return insertAt(anyLine, pickOf(BLOCKS.slice(0, 3), s.pick));
    case 'vote':
      return insertAt(anyLine, pickOf(BLOCKS.slice(3), s.pick));
    case 'substitute': {
      const o = lineAt((l) => l.startsWith('Stedfortrædere:'));
      if (o !== undefined) return text.slice(0, o) + `Stedfortrædere: ${name} for Claus Berggren` + text.slice(lineEnd(o));
      const m = lineAt((l) => l.startsWith('Mødedeltagere:'));
      return insertAt(m ?? anyLine, `Stedfortrædere: ${name} for Claus Berggren\n`);
    }
    case 'profile': {
      const o = lineAt((l) => l.startsWith('Profil:'));
      if (o !== undefined) return text.slice(0, o) + text.slice(Math.min(text.length, lineEnd(o) + 1));
      const m = lineAt((l) => l.startsWith('Mødedeltagere:'));
      return insertAt(m ?? anyLine, `Profil: ${pickOf(['sonderborg', 'randers', 'ukendt'], s.pick)}\n`);
    }
    case 'no-members': {
      const o = lineAt((l) => /^(Mødedeltagere|Medlemmer|Deltagere):/.test(l));
      return o === undefined ? text : text.slice(0, o) + text.slice(Math.min(text.length, lineEnd(o) + 1));
    }
    case 'delete-line':
      return text.slice(0, anyLine) + text.slice(Math.min(text.length, lineEnd(anyLine) + 1));
  }
}

type Step = { readonly random: Edit } | { readonly structural: Structural };

const structural: fc.Arbitrary<Structural> = fc.record({
  kind: fc.constantFrom(...KINDS),
  at: fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000),
  pick: fc.nat({ max: 1000 }),
});
const step: fc.Arbitrary<Step> = fc.oneof({ weight: 3, arbitrary: edit.map((random) => ({ random })) }, { weight: 2, arbitrary: structural.map((s) => ({ structural: s })) });

const PROFILES = ['default', 'sonderborg', 'roster'] as const;

interface Input {
  readonly file: string;
  readonly profile: (typeof PROFILES)[number];
  readonly steps: readonly Step[];
}

const configs = {
  default: defaultConfig,
  sonderborg: resolveConfig({ profile: 'sonderborg' }),
  // A roster counts where a file names no members (and the `member` edit may remove them).
  roster: resolveConfig({ members: ['Claus Berggren', 'Anne Holm', 'Jesper Gade', 'Henrik Brodersen'] }),
};

export function checkIncremental(input: Input): void {
  const start = files.find(([n]) => n === input.file)?.[1];
  if (start === undefined) return; // a saved input of a seed file that is not here
  const config = configs[input.profile];
  const memo = new LintMemo();
  let text = start;
  let prev: PreviousAnalysis = { text, ...analyze(text, config) };
  lintAnalyzed(text, prev.parse, prev.meeting, prev.config, {}, memo);
  const ruleDoc = (id: string) => `https://example.invalid/rules/${id}`;
  let version = 1;
  for (const s of input.steps) {
    version++;
    const next = 'random' in s ? apply(text, s.random) : applyStructural(text, s.structural);
    const inc = analyze(next, config, prev);
    const incremental = lintAnalyzed(next, inc.parse, inc.meeting, inc.config, {}, memo).findings;
    const fresh = lint(next, { config }).findings;
    expect(incremental).toEqual(fresh);
    // The diagnostics re-used from earlier versions equal those built afresh.
    const analysis = (findings: readonly Finding[]) => ({ uri: 'file:///m.referat', version, lang: 'da', findings: () => findings }) as unknown as Analysis;
    expect(provideDiagnostics(analysis(incremental), undefined, ruleDoc)).toEqual(fresh.map((f) => toDiagnostic(analysis(fresh), f, ruleDoc)));
    text = next;
    prev = { text, ...inc };
  }
}

fuzzProperty<Input>({
  name: 'incremental-analysis',
  arbitrary: fc.record({
    file: fc.constantFrom(...files.map(([n]) => n)),
    profile: fc.constantFrom(...PROFILES),
    steps: fc.array(step, { minLength: 1, maxLength: 8 }),
  }),
  check: checkIncremental,
  runs: 60,
  cost: 20,
  timeout: 120_000,
  reduce: false,
});

/**
 * Moved items and their models are copied only when read (syntax/incremental.ts,
 * model/incremental.ts): between the steps of this property, one part or none of the new
 * analysis is read (an item's number, its attendance, its sections' kinds, a section node,
 * its content, the lint, the outline, the folding ranges, the semantic tokens), so that items are moved several times before anyone reads them and their parts
 * are copied in every order; now and then, and after the last step, the whole analysis must
 * equal a fresh one: the tree, the model (pointing into the tree) and the findings.
 */
const READS = ['none', 'none', 'head', 'attendance', 'sections', 'section-node', 'content', 'lint', 'symbols', 'folding', 'tokens', 'all'] as const;

/** The analysis the language service would hand its features (no findings asked for). */
function editorAnalysis(text: string, a: { parse: ParseResult; meeting: Meeting; config: ResolvedConfig }): Analysis {
  return { uri: 'file:///m.referat', version: 1, text, parse: a.parse, lines: a.parse.lines, meeting: a.meeting, config: a.config, lang: 'da', lintOptions: {}, findings: () => [] };
}

/** The outline, the folding ranges and the semantic tokens (kept per item and moved with it) equal those of a fresh analysis. */
function expectOutline(next: string, inc: { parse: ParseResult; meeting: Meeting; config: ResolvedConfig }, config: ResolvedConfig, what: 'symbols' | 'folding' | 'tokens'): void {
  const fresh = editorAnalysis(next, analyze(next, config));
  const mine = editorAnalysis(next, inc);
  if (what === 'symbols') expect(provideDocumentSymbols(mine)).toEqual(provideDocumentSymbols(fresh));
  else if (what === 'folding') expect(provideFoldingRanges(mine)).toEqual(provideFoldingRanges(fresh));
  else expect(provideSemanticTokens(mine)).toEqual(provideSemanticTokens(fresh));
}

interface LazyInput {
  readonly file: string;
  readonly profile: (typeof PROFILES)[number];
  readonly steps: readonly { readonly step: Step; readonly read: (typeof READS)[number]; readonly item: number }[];
}

function expectWhole(next: string, inc: { parse: ParseResult; meeting: Meeting; config: ResolvedConfig }, config: ResolvedConfig, memo: LintMemo): void {
  expectOutline(next, inc, config, 'symbols');
  expectOutline(next, inc, config, 'folding');
  expectOutline(next, inc, config, 'tokens');
  const fresh = analyze(next, config);
  expect(inc.parse).toEqual(fresh.parse);
  expect(inc.meeting).toEqual(fresh.meeting);
  const nodes = new Set<object>();
  const collect = (x: unknown) => {
    if (x === null || typeof x !== 'object' || nodes.has(x)) return;
    nodes.add(x);
    for (const v of Object.values(x)) collect(v);
  };
  collect(inc.parse.ast);
  for (const m of inc.meeting.items) {
    const pointed: unknown[] = [m.node, ...m.sections.map((x) => x.node), ...m.otherFields, ...m.proposals.map((p) => p.item), ...m.decisions.map((p) => p.item)];
    pointed.push(m.caseNumberField, m.proposalList, m.decisionList, m.attendance.absentField?.field, ...m.attendance.sentences);
    for (const x of pointed) if (x) expect(nodes.has(x as object)).toBe(true);
  }
  expect(lintAnalyzed(next, inc.parse, inc.meeting, inc.config, {}, memo).findings).toEqual(lint(next, { config }).findings);
}

export function checkLazyMoves(input: LazyInput): void {
  const start = files.find(([n]) => n === input.file)?.[1];
  if (start === undefined) return;
  const config = configs[input.profile];
  const memo = new LintMemo();
  let text = start;
  let prev: PreviousAnalysis = { text, ...analyze(text, config) };
  for (const { step: s, read, item } of input.steps) {
    const next = 'random' in s ? apply(text, s.random) : applyStructural(text, s.structural);
    const inc = analyze(next, config, prev);
    const items = inc.meeting.items;
    const m = items.length ? items[item % items.length]! : undefined;
    const node = inc.parse.ast.items.length ? inc.parse.ast.items[item % inc.parse.ast.items.length]! : undefined;
    switch (read) {
      case 'head':
        void node?.number.text;
        break;
      case 'attendance':
        void m?.attendance.sentences.length;
        break;
      case 'sections':
        void m?.decisionSection?.empty;
        void m?.sections.map((x) => x.kind);
        break;
      case 'section-node':
        void m?.sections[0]?.node.blocks;
        break;
      case 'content':
        void node?.sections;
        break;
      case 'lint':
        expect(lintAnalyzed(next, inc.parse, inc.meeting, inc.config, {}, memo).findings).toEqual(lint(next, { config }).findings);
        break;
      case 'symbols':
      case 'folding':
      case 'tokens':
        expectOutline(next, inc, config, read);
        break;
      case 'all':
        expectWhole(next, inc, config, memo);
        break;
    }
    text = next;
    prev = { text, ...inc };
  }
  expectWhole(text, prev, config, memo);
}

fuzzProperty<LazyInput>({
  name: 'incremental-lazy-moves',
  arbitrary: fc.record({
    file: fc.constantFrom(...files.map(([n]) => n)),
    profile: fc.constantFrom(...PROFILES),
    steps: fc.array(fc.record({ step, read: fc.constantFrom(...READS), item: fc.nat({ max: 1000 }) }), { minLength: 1, maxLength: 10 }),
  }),
  check: checkLazyMoves,
  runs: 40,
  cost: 20,
  timeout: 120_000,
  reduce: false,
});

describe('the lint memo', () => {
  it('checks again only the edited item and re-uses the others, moved', () => {
    const text = files.find(([n]) => n === 'bench 60 KB')![1];
    const memo = new LintMemo();
    const first = analyze(text);
    lintAnalyzed(text, first.parse, first.meeting, first.config, {}, memo);
    expect(memo.lastRun.reused).toBe(0);
    const at = first.parse.ast.items[3]!.range.start.offset + 60;
    const next = text.slice(0, at) + 'e\n' + text.slice(at);
    const a = analyze(next, defaultConfig, { text, ...first });
    const findings = lintAnalyzed(next, a.parse, a.meeting, a.config, {}, memo).findings;
    expect(memo.lastRun).toEqual({ checked: 1, reused: first.parse.ast.items.length - 1 });
    expect(findings).toEqual(lint(next).findings);
  });
});
