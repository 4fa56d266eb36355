/** Builds a feature Analysis from text, as the language service does, for unit tests. */
import { defaultConfig, type ResolvedConfig } from '../../server/src/config/resolve.js';
import { analyze, lintAnalyzed, type Finding } from '../../server/src/engine.js';
import type { Analysis } from '../../server/src/features/common.js';
import type { Lang } from '../../server/src/i18n.js';

export function analysisOf(text: string, options: { uri?: string; lang?: Lang; config?: ResolvedConfig } = {}): Analysis {
  const base = options.config ?? defaultConfig;
  const { parse, meeting, config } = analyze(text, base);
  const uri = options.uri ?? 'file:///ws/test.referat';
  let findings: Finding[] | undefined;
  return {
    uri,
    version: 1,
    text,
    parse,
    lines: parse.lines,
    meeting,
    config,
    lang: options.lang ?? 'en',
    lintOptions: { config: base, uri },
    findings: () => (findings ??= lintAnalyzed(text, parse, meeting, config, { config: base, uri }).findings),
  };
}
