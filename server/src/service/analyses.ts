/**
 * The analyses of documents: each document is parsed, modelled and linted once per version
 * (and configuration generation), on demand. The last analysis of an open document is kept,
 * so that the next version re-parses only the edited item, and so is the memo of its
 * item-scoped findings (engine/incremental.ts), so that only the edited item is checked again.
 */
import { defaultConfig } from '../config/resolve.js';
import { analyze, lintAnalyzed, LintMemo, type Finding, type LintOptions, type PreviousAnalysis } from '../engine.js';
import type { Analysis, TextDocumentLike } from '../features/common.js';
import { langFromLocale, type Lang } from '../i18n.js';
import type { ConfigResolver } from './config-resolver.js';
import { dirOf } from './uri.js';
import type { WorkspaceIndex } from './workspace-index.js';

export class DocumentAnalyses {
  private readonly cache = new Map<string, { version: number; generation: number; text: string; analysis: Promise<Analysis> }>();
  private readonly previous = new Map<string, PreviousAnalysis & { readonly version: number }>();
  private readonly memos = new Map<string, LintMemo>();
  /** Bumped when the settings, a configuration file or another meeting changed. */
  generation = 0;

  constructor(
    private readonly config: ConfigResolver,
    private readonly index: WorkspaceIndex,
    private readonly locale: string | undefined,
  ) {}

  get(doc: TextDocumentLike): Promise<Analysis> {
    const text = doc.getText();
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.generation === this.generation && hit.text === text) return hit.analysis;
    const analysis = this.compute(doc, doc.version, text);
    this.cache.set(doc.uri, { version: doc.version, generation: this.generation, text, analysis });
    return analysis;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.previous.delete(uri);
    this.memos.delete(uri);
  }

  clear(): void {
    this.cache.clear();
    this.previous.clear();
    this.memos.clear();
  }

  private async compute(doc: TextDocumentLike, version: number, text: string): Promise<Analysis> {
    const lookup = await this.config.lookup(dirOf(doc.uri));
    const base = lookup.config ?? defaultConfig;
    const previous = this.previous.get(doc.uri);
    const unchanged = previous && previous.version < version ? doc.unchangedBetween?.(previous.version, version) : undefined;
    const { parse, meeting, config } = analyze(text, base, previous, unchanged);
    this.previous.set(doc.uri, { version, text, parse, meeting, config });
    const lang: Lang = this.config.settingsLang() ?? config.lang ?? langFromLocale(this.locale);
    const lintOptions: LintOptions = { config: base, uri: doc.uri, siblings: this.index.siblingsOf(doc.uri) };
    let memo = this.memos.get(doc.uri);
    if (!memo) this.memos.set(doc.uri, (memo = new LintMemo()));
    const itemMemo = memo;
    let findings: Finding[] | undefined;
    const analysis: Analysis = {
      uri: doc.uri,
      version,
      text,
      parse,
      lines: parse.lines,
      meeting,
      config,
      lang,
      lintOptions,
      findings: () => (findings ??= lintAnalyzed(text, parse, meeting, config, lintOptions, itemMemo).findings),
    };
    this.index.set(analysis, true);
    return analysis;
  }
}
