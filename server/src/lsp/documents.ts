/**
 * The server's open documents: vscode-languageserver-textdocument's, recording where each
 * incremental change was, so that the analysis of the next version knows what the edit left
 * unchanged without comparing two copies of the whole text (at 10 MB that comparison was a
 * few milliseconds of every keystroke).
 */
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Unchanged } from '../syntax/incremental.js';

/** How many versions back a document remembers its changes (the analysis is at most a few behind). */
const HISTORY = 64;

interface Change extends Unchanged {
  /** The version the change was made to, and the version it made. */
  readonly from: number;
  readonly to: number;
}

/** A text document that can say what the changes between two of its versions left unchanged. */
export class TrackedDocument implements TextDocument {
  private readonly changes: Change[] = [];
  /** The version the last change made (at first, the version opened). */
  private last: number;

  constructor(private readonly doc: TextDocument) {
    this.last = doc.version;
  }

  get uri(): string {
    return this.doc.uri;
  }
  get languageId(): string {
    return this.doc.languageId;
  }
  get version(): number {
    return this.doc.version;
  }
  get lineCount(): number {
    return this.doc.lineCount;
  }
  getText(range?: Parameters<TextDocument['getText']>[0]): string {
    return this.doc.getText(range);
  }
  positionAt(offset: number): ReturnType<TextDocument['positionAt']> {
    return this.doc.positionAt(offset);
  }
  offsetAt(position: Parameters<TextDocument['offsetAt']>[0]): number {
    return this.doc.offsetAt(position);
  }
  getLineRange(line: number): ReturnType<TextDocument['getLineRange']> {
    return this.doc.getLineRange(line);
  }
  getEOLCharacters(line: number): string {
    return this.doc.getEOLCharacters(line);
  }

  /** Applies the changes of one `didChange` and records what they left unchanged. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    let prefix = Number.POSITIVE_INFINITY;
    let suffix = Number.POSITIVE_INFINITY;
    for (const change of changes) {
      const length = this.doc.getText().length;
      if ('range' in change) {
        const a = this.doc.offsetAt(change.range.start);
        const b = this.doc.offsetAt(change.range.end);
        prefix = Math.min(prefix, Math.min(a, b));
        suffix = Math.min(suffix, length - Math.max(a, b));
      } else prefix = suffix = 0;
      // Of several changes, what none of them touched: the least prefix and the least suffix.
      TextDocument.update(this.doc, [change], version);
    }
    if (changes.length === 0) prefix = suffix = 0;
    this.changes.push({ from: this.last, to: version, prefix, suffix });
    this.last = version;
    if (this.changes.length > HISTORY) this.changes.shift();
  }

  /** What the changes from version `from` to `to` left unchanged; undefined when they are not all remembered. */
  unchangedBetween(from: number, to: number): Unchanged | undefined {
    let prefix = Number.POSITIVE_INFINITY;
    let suffix = Number.POSITIVE_INFINITY;
    let at = to;
    for (let i = this.changes.length - 1; i >= 0 && at !== from; i--) {
      const c = this.changes[i]!;
      if (c.to > at) continue;
      if (c.to !== at) return undefined;
      prefix = Math.min(prefix, c.prefix);
      suffix = Math.min(suffix, c.suffix);
      at = c.from;
    }
    return at === from && from !== to ? { prefix, suffix } : undefined;
  }
}

/** The configuration of `TextDocuments` for tracked documents. */
export const trackedDocuments: TextDocumentsConfiguration<TrackedDocument> = {
  create(uri, languageId, version, content) {
    return new TrackedDocument(TextDocument.create(uri, languageId, version, content));
  },
  update(document, changes, version) {
    document.update(changes, version);
    return document;
  },
};
