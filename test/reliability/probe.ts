/**
 * The child process of the pathological-input tests, bundled by them with esbuild and run
 * on its own so its time and peak memory are its own (the vitest workers share a process):
 *
 *   node probe.cjs <case> <n>
 *
 * generates the input, then runs what a user hits, timed separately: the engine's lint
 * (parse, model, rules: the CLI's diagnostics) and the language service on the same text
 * (diagnostics, outline, folding, semantic tokens: what the editor asks on opening).
 * Prints one JSON line.
 */
import { lint } from '../../server/src/engine.js';
import { createLanguageService, type TextDocumentLike } from '../../server/src/service.js';
import { CASES, type CaseName } from './inputs.js';

export interface ProbeResult {
  readonly name: string;
  readonly scale: number;
  readonly chars: number;
  readonly lintMs: number;
  readonly editorMs: number;
  /** Resident memory once the input exists, before the pipeline runs. */
  readonly rssBeforeMB: number;
  /** Peak resident memory of the process. */
  readonly maxRssMB: number;
  /** Items in the model, and lines of the input that start an item (counted without the parser). */
  readonly items: number;
  readonly itemLines: number;
  readonly members: number;
  /** Lint findings by rule (`syntax/<code>` for syntax diagnostics). */
  readonly rules: Record<string, number>;
  readonly findings: number;
  /** Diagnostics the editor publishes for the same text. */
  readonly diagnostics: number;
  /** Findings whose message says something threw inside the parser or a rule. */
  readonly internalErrors: number;
}

async function main(): Promise<void> {
  const [name, scale] = process.argv.slice(2) as [CaseName, string];
  const text = CASES[name](Number(scale));
  const rssBefore = process.memoryUsage().rss;

  // The lint result is summarised and let go before the editor's turn, so the peak is
  // one pipeline's, not two.
  let t = performance.now();
  const linted = (() => {
    const result = lint(text, { uri: 'file:///tmp/probe.referat' });
    const ms = performance.now() - t;
    const rules: Record<string, number> = {};
    for (const f of result.findings) {
      const key = f.ruleId === 'syntax' ? `syntax/${f.messageId}` : f.ruleId;
      rules[key] = (rules[key] ?? 0) + 1;
    }
    return {
      ms,
      rules,
      findings: result.findings.length,
      items: result.meeting.items.length,
      members: result.meeting.members?.length ?? 0,
      internalErrors: result.findings.filter((f) => f.messageId === 'internal-error').length,
    };
  })();

  (globalThis as { gc?: () => void }).gc?.();

  t = performance.now();
  const doc: TextDocumentLike = { uri: 'file:///tmp/probe-editor.referat', version: 1, getText: () => text };
  const service = createLanguageService({
    workspace: { documents: { get: () => doc, all: () => [doc] }, readFile: async () => undefined, listFiles: async () => [] },
    locale: 'en',
  });
  const diagnostics = await service.getDiagnostics(doc);
  await service.getDocumentSymbols(doc);
  await service.getFoldingRanges(doc);
  await service.getSemanticTokens(doc);
  const editorMs = performance.now() - t;

  const out: ProbeResult = {
    name,
    scale: Number(scale),
    chars: text.length,
    lintMs: Math.round(linted.ms),
    editorMs: Math.round(editorMs),
    rssBeforeMB: Math.round(rssBefore / 2 ** 20),
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    items: linted.items,
    itemLines: text.match(/(?:^|[\r\n])## Punkt \d+:/g)?.length ?? 0,
    members: linted.members,
    rules: linted.rules,
    findings: linted.findings,
    diagnostics: diagnostics.length,
    internalErrors: linted.internalErrors,
  };
  console.log(JSON.stringify(out));
}

void main();
