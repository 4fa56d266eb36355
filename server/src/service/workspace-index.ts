/**
 * The workspace index: for every `.referat` file of the workspace, only what other files
 * and workspace-wide features need — its meeting summary (for the cross-file numbering
 * check of its siblings), its items (workspace symbols) and its case numbers (completion).
 * Its strings are copies: the index outlives the source text of every file not open.
 */
import { defaultConfig } from '../config/resolve.js';
import { analyze } from '../engine.js';
import { toRange, type Analysis } from '../features/common.js';
import type { IndexedFile } from '../features/workspaceSymbols.js';
import { meetingSummary } from '../rules/summary.js';
import type { MeetingSummary } from '../rules/types.js';
import type { ConfigResolver } from './config-resolver.js';
import { dirOf, own } from './uri.js';

interface IndexEntry {
  readonly uri: string;
  readonly summary: MeetingSummary;
  readonly file: IndexedFile;
  readonly caseNumbers: readonly string[];
}

export class WorkspaceIndex {
  private readonly entries = new Map<string, IndexEntry>();

  constructor(
    private readonly readFile: (uri: string) => Promise<string | undefined>,
    private readonly config: ConfigResolver,
    private readonly log: (message: string) => void,
  ) {}

  /**
   * Records a file from its analysis (an open document's, or one read from disk). For an open
   * document (`open`), its items and case numbers are read when first asked for (workspace
   * symbols, completion in another file), not on every keystroke: the entry keeps the
   * analysis's meeting until the next version replaces it, or closing the document re-reads
   * the file from disk (service.ts).
   */
  set(a: Pick<Analysis, 'uri' | 'meeting' | 'parse'>, open = false): void {
    const m = a.meeting;
    const committee = own(m.committee);
    const summary = { ...meetingSummary(a.uri, m), committee };
    const read = () => {
      const title = a.parse.ast.title ? `${a.parse.ast.title.kind}${committee ? ` ${committee}` : ''}` : undefined;
      const items = m.items.map((i) => ({
        number: own(i.number),
        title: own(i.title),
        caseNumber: own(i.caseNumber?.text.trim()),
        closed: i.closed,
        range: toRange(i.node.heading.range),
      }));
      return { file: { uri: a.uri, title: own(title), items }, caseNumbers: items.map((i) => i.caseNumber ?? '').filter(Boolean) };
    };
    if (!open) {
      this.entries.set(a.uri, { uri: a.uri, summary, ...read() });
      return;
    }
    let got: ReturnType<typeof read> | undefined;
    this.entries.set(a.uri, {
      uri: a.uri,
      summary,
      get file() {
        return (got ??= read()).file;
      },
      get caseNumbers() {
        return (got ??= read()).caseNumbers;
      },
    });
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Reads a file from the workspace and indexes it (or forgets it when it is gone). */
  async indexFile(uri: string): Promise<void> {
    const text = await this.readFile(uri);
    if (text === undefined) {
      this.entries.delete(uri);
      return;
    }
    try {
      const lookup = await this.config.lookup(dirOf(uri));
      const { parse, meeting } = analyze(text, lookup.config ?? defaultConfig);
      this.set({ uri, parse, meeting });
    } catch (error) {
      this.log(`index ${uri}: ${String(error)}`);
    }
  }

  /** The summaries of the other meetings in the folder of `uri`. */
  siblingsOf(uri: string): MeetingSummary[] {
    const dir = dirOf(uri);
    const out: MeetingSummary[] = [];
    for (const e of this.entries.values()) if (e.uri !== uri && dirOf(e.uri) === dir) out.push(e.summary);
    return out;
  }

  /** Case numbers used in other files (for completion). */
  caseNumbersBesides(uri: string): string[] {
    const out = new Set<string>();
    for (const e of this.entries.values()) if (e.uri !== uri) e.caseNumbers.forEach((c) => out.add(c));
    return [...out];
  }

  files(): IndexedFile[] {
    return [...this.entries.values()].map((e) => e.file);
  }
}
