/**
 * What pdfjs-dist needs of the browser's geometry classes when it only reads text: on Node it
 * takes `DOMMatrix`, `ImageData` and `Path2D` from the optional native package
 * `@napi-rs/canvas`, which an installed Referat does not have (and does not need: nothing is
 * drawn). `DOMMatrix` is a 2-D affine matrix (pdfjs builds one when it loads, and for Type 3
 * glyphs and image masks); `ImageData` and `Path2D` serve drawing only and are placeholders.
 */

type Six = [number, number, number, number, number, number];

export class Matrix2D {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  constructor(init?: ArrayLike<number>) {
    if (init && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = Array.from(init).slice(0, 6) as Six;
  }
  get is2D(): boolean {
    return true;
  }
  get isIdentity(): boolean {
    return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0;
  }
  /** this = this × m */
  multiplySelf(m: { a: number; b: number; c: number; d: number; e: number; f: number }): this {
    const { a, b, c, d, e, f } = this;
    this.a = a * m.a + c * m.b;
    this.b = b * m.a + d * m.b;
    this.c = a * m.c + c * m.d;
    this.d = b * m.c + d * m.d;
    this.e = a * m.e + c * m.f + e;
    this.f = b * m.e + d * m.f + f;
    return this;
  }
  /** this = m × this */
  preMultiplySelf(m: { a: number; b: number; c: number; d: number; e: number; f: number }): this {
    const copy = new Matrix2D([m.a, m.b, m.c, m.d, m.e, m.f]).multiplySelf(this);
    [this.a, this.b, this.c, this.d, this.e, this.f] = [copy.a, copy.b, copy.c, copy.d, copy.e, copy.f];
    return this;
  }
  translateSelf(tx = 0, ty = 0): this {
    return this.multiplySelf(new Matrix2D([1, 0, 0, 1, tx, ty]));
  }
  scaleSelf(sx = 1, sy = sx): this {
    return this.multiplySelf(new Matrix2D([sx, 0, 0, sy, 0, 0]));
  }
  invertSelf(): this {
    const { a, b, c, d, e, f } = this;
    const det = a * d - b * c;
    if (!det) {
      [this.a, this.b, this.c, this.d, this.e, this.f] = [NaN, NaN, NaN, NaN, NaN, NaN];
      return this;
    }
    [this.a, this.b, this.c, this.d, this.e, this.f] = [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
    return this;
  }
  multiply(m: Matrix2D): Matrix2D {
    return new Matrix2D([this.a, this.b, this.c, this.d, this.e, this.f]).multiplySelf(m);
  }
  inverse(): Matrix2D {
    return new Matrix2D([this.a, this.b, this.c, this.d, this.e, this.f]).invertSelf();
  }
  transformPoint(p: { x?: number; y?: number } = {}): { x: number; y: number } {
    const x = p.x ?? 0;
    const y = p.y ?? 0;
    return { x: this.a * x + this.c * y + this.e, y: this.b * x + this.d * y + this.f };
  }
}

class Placeholder {}

/** Installs the stand-ins where the runtime has none (a browser's or the native package's win). */
export function installGeometry(): void {
  const g = globalThis as Record<string, unknown>;
  g.DOMMatrix ??= Matrix2D;
  g.ImageData ??= Placeholder;
  g.Path2D ??= Placeholder;
}
