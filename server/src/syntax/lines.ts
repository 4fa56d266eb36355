/**
 * Offset ↔ line/character conversion as LSP counts: lines end at LF, CRLF or CR;
 * characters are UTF-16 code units (JavaScript string indices).
 */
import type { LineIndexLike, Position, Range } from './ast.js';

/** Slots of `LineIndex`'s position cache (a power of two). */
const POSITION_CACHE_SIZE = 64;

export class LineIndex implements LineIndexLike {
  private readonly starts: Uint32Array;
  readonly lineCount: number;
  /**
   * The line `lineOf` found last (a hint for the next call; any line is correct). A private
   * field, not a property: two indexes of the same text stay equal whatever they were asked.
   */
  #lastLine = 0;

  /**
   * The positions made last, by offset modulo the size (a direct-mapped cache). A tree's
   * ranges mostly start and end where a neighbour's do (a marker and its heading, a segment and
   * its paragraph): handing out the one Position object for them spares a third of the
   * objects of a parsed tree, which every young-generation collection would copy. Positions are
   * never changed after they are made. Private, as `#lastLine`.
   */
  #positions: (Position | undefined)[] = new Array(POSITION_CACHE_SIZE);

  /**
   * The line index of `text`, made from `previous` (that of the text before an edit) when
   * the two texts share their first `prefix` and their last `suffix` units: the starts of the
   * lines before the edit are kept, those of the edited lines found again, and the rest moved
   * by the edit's size. The result equals `new LineIndex(text)`.
   */
  static edited(previous: LineIndex, text: string, prefix: number, suffix: number): LineIndex {
    const old = previous.starts;
    // From the start of the line holding the last unchanged unit (a CR there may now be half of a CRLF).
    const first = previous.lineOf(Math.max(0, prefix - 1));
    const from = old[first]!;
    const changeEnd = text.length - suffix;
    const delta = text.length - previous.text.length;
    const mid: number[] = [];
    for (let i = from; i < changeEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) mid.push(i + 1);
    }
    // Old line starts whose break lies wholly in the unchanged end: at or after the old change end + 1.
    const oldChangeEnd = previous.text.length - suffix;
    let k = old.length;
    for (let lo = first + 1, hi = old.length; lo < hi; ) {
      const m = (lo + hi) >>> 1;
      if (old[m]! >= oldChangeEnd + 1) hi = k = m;
      else lo = m + 1;
    }
    const starts = new Uint32Array(first + 1 + mid.length + (old.length - k));
    starts.set(old.subarray(0, first + 1));
    starts.set(mid, first + 1);
    let j = first + 1 + mid.length;
    for (let i = k; i < old.length; i++) starts[j++] = old[i]! + delta;
    return new LineIndex(text, starts);
  }

  constructor(
    private readonly text: string,
    known?: Uint32Array,
  ) {
    if (known) {
      this.starts = known;
      this.lineCount = known.length;
      return;
    }
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
    // Callers mostly ask for offsets in order (a tree is built, a text scanned, front to back):
    // the line of the last answer, or the one after it, is checked before a binary search.
    const starts = this.starts;
    const last = this.#lastLine;
    if (starts[last]! <= offset) {
      if (last + 1 >= this.lineCount || starts[last + 1]! > offset) return last;
      if (last + 2 >= this.lineCount || starts[last + 2]! > offset) return (this.#lastLine = last + 1);
    }
    let lo = 0;
    let hi = this.lineCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return (this.#lastLine = lo);
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const slot = o & (POSITION_CACHE_SIZE - 1);
    const cached = this.#positions[slot];
    if (cached !== undefined && cached.offset === o) return cached;
    const line = this.lineOf(o);
    return (this.#positions[slot] = { offset: o, line, character: o - this.starts[line]! });
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
