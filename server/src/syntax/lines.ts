/**
 * Offset ↔ line/character conversion as LSP counts: lines end at LF, CRLF or CR;
 * characters are UTF-16 code units (JavaScript string indices).
 */
import type { LineIndexLike, Position, Range } from './ast.js';

export class LineIndex implements LineIndexLike {
  private readonly starts: Uint32Array;
  readonly lineCount: number;

  constructor(private readonly text: string) {
    const starts: number[] = [0];
    const n = text.length;
    // indexOf-driven scan (fast on long lines); the next CR and LF positions are cached
    // so that a file without CRs is not rescanned for one at every line (that is quadratic).
    let i = 0;
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (i < n) {
      if (lf >= 0 && lf < i) lf = text.indexOf('\n', i);
      if (cr >= 0 && cr < i) cr = text.indexOf('\r', i);
      if (lf < 0 && cr < 0) break;
      let at: number;
      if (cr >= 0 && (lf < 0 || cr < lf)) {
        at = cr + (text.charCodeAt(cr + 1) === 10 ? 2 : 1);
      } else {
        at = lf + 1;
      }
      starts.push(at);
      i = at;
    }
    this.starts = Uint32Array.from(starts);
    this.lineCount = starts.length;
  }

  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.lineCount) return this.text.length;
    return this.starts[line]!;
  }

  /** The offset just after the line's content (before its line break). */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineCount ? this.starts[line + 1]! : this.text.length;
    let end = next;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.max(end, this.lineStart(line));
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(o);
    return { offset: o, line, character: o - this.starts[line]! };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  offsetAt(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.lineCount) return this.text.length;
    const start = this.starts[line]!;
    return Math.min(start + Math.max(0, character), this.lineEnd(line));
  }
}
