/**
 * Lint and fix files among the other meetings of their folder (loaded by `referat lint` and
 * its worker threads). Each file is analysed once; its meeting summary is what its siblings
 * see of it in the cross-file numbering check.
 */
import type { ResolvedConfig } from '../../config/resolve.js';
import { analyze, fixAll, lintAnalyzed, type Finding } from '../../engine.js';
import { meetingSummary } from '../../rules/summary.js';
import type { MeetingSummary } from '../../rules/types.js';

/** A file analysed for a lint run. */
export interface AnalysedFile {
  readonly uri: string;
  readonly text: string;
  /** The configuration as the analysis applied it. */
  readonly config: ResolvedConfig;
  readonly analysis: ReturnType<typeof analyze>;
  readonly summary: MeetingSummary;
}

/** The findings of a file; with `fix`, after every safe fix, and the fixed text. */
export interface LintedFile {
  readonly findings: Finding[];
  readonly fixed: number;
  readonly text: string;
}

const norm = (s?: string) => (s ?? '').trim().toLowerCase();

export function analyseFile(uri: string, text: string, config: ResolvedConfig): AnalysedFile {
  const analysis = analyze(text, config);
  return { uri, text, config: analysis.config, analysis, summary: meetingSummary(uri, analysis.meeting) };
}

/** Lints (with `fix`: fixes) a file; its siblings are the other meetings of the same committee in `folder`. */
export function lintFile(file: AnalysedFile, folder: readonly AnalysedFile[], fix = false): LintedFile {
  const siblings = folder.filter((b) => b !== file && norm(b.summary.committee) === norm(file.summary.committee)).map((b) => b.summary);
  if (fix) {
    const r = fixAll(file.text, { config: file.config, uri: file.uri, siblings });
    return { findings: r.result.findings, fixed: r.applied, text: r.text };
  }
  const { analysis } = file;
  return { findings: lintAnalyzed(file.text, analysis.parse, analysis.meeting, file.config, { uri: file.uri, siblings }).findings, fixed: 0, text: file.text };
}
