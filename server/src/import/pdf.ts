/**
 * PDF (the form most archives keep minutes in) → referat markup, read with pdfjs-dist (the
 * legacy build, which runs on Node 20; its worker runs in this thread). What the layout knows
 * is used, and nothing is guessed from one document's wording:
 * - text runs are grouped into lines by their baseline, in order of x; a wide gap (a tab, a
 *   page column) is kept as a run of spaces;
 * - text repeated at the same place on most pages, in the top or bottom margin (running header
 *   and footer, page numbers, "Side 3 af 28"), is page furniture: dropped and counted;
 * - lines the layout wrapped are joined: a line whose next word would not have fitted before
 *   the right edge, followed by one in the same font that continues at the same indent; a line
 *   the author ended short is not joined; an entry of a table of contents whose page number is
 *   on its next line is joined to it;
 * - a line in bold, or larger than the body text, is a heading (level by size); in a tagged
 *   PDF the structure tree's H1–H6 say which lines are headings instead.
 * The lines then go through the layout importer (`layout.ts`), as a Word document's do.
 */
import { findDate } from '../model/dates.js';
import { installGeometry } from './dommatrix.js';
import { importLayout, ImportRefusal, PAGE_COLUMN, type LayoutLine, type LayoutResult } from './layout.js';
import type { ImportOptions } from './text.js';
import { caseNumberOf } from './casenumber.js';
import { furniture, SECTION_WORDS } from './vocabulary.js';

/** A run of text as pdfjs gives it: its baseline's start (x, y), width, font size, bold or not. */
export interface Run {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly size: number;
  readonly bold: boolean;
  readonly role?: string;
}

interface PdfLine {
  readonly page: number;
  readonly y: number;
  readonly x0: number;
  readonly x1: number;
  readonly size: number;
  readonly bold: boolean;
  readonly text: string;
  /** The structure-tree role of the line's text, when it is a heading (`H1`…`H6`, `H`). */
  readonly role?: string;
  /** Width of the line's first word: whether it would have fitted at the end of the line before. */
  readonly firstWord: number;
  readonly pageHeight: number;
  /** Where the line's last column starts, when a wide gap (a table's cells, a tab stop) splits it. */
  readonly lastCol?: number;
}

/** Level given to bold text of the body's size: below every larger size and every H1–H6. */
const BOLD_LEVEL = 7;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<PdfJs> | undefined;

/** pdfjs and its worker, which runs in this thread (no worker file to find beside the bundle). */
function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    installGeometry();
    // Loading, pdfjs looks for the optional native canvas package and warns on the console
    // when it is missing (nothing is drawn here, so it is not needed): the warnings are not
    // the user's business.
    const warn = console.warn;
    const log = console.log;
    let lib: PdfJs;
    try {
      console.warn = console.log = () => undefined;
      lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.warn = warn;
      console.log = log;
    }
    const g = globalThis as { pdfjsWorker?: unknown };
    // @ts-expect-error: the worker module ships without type declarations
    g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return lib;
  })();
  return loaded;
}

/** Heading roles of a page's marked content, from its structure tree: content id → role. */
function headingRoles(tree: unknown): Map<string, string> {
  const roles = new Map<string, string>();
  const walk = (node: unknown, role: string | undefined) => {
    if (!node || typeof node !== 'object') return;
    const n = node as { role?: string; type?: string; id?: string; children?: unknown[] };
    const here = n.role && /^H[1-6]?$/.test(n.role) ? n.role : role;
    if (n.type === 'content' && n.id && here) roles.set(n.id, here);
    for (const c of n.children ?? []) walk(c, here);
  };
  walk(tree, undefined);
  return roles;
}

/**
 * The heading role of a run: from the structure tree (`H1`…`H6`), else from the marked-content
 * tag, which PDF writers name after the paragraph style (`H2`, `Heading 2`, `Overskrift 2`).
 */
function roleOf(open: readonly { id?: string; tag?: string }[], roles: ReadonlyMap<string, string>): string | undefined {
  for (let k = open.length - 1; k >= 0; k--) {
    const { id, tag } = open[k]!;
    if (id && roles.has(id)) return roles.get(id);
    const m = /^(?:H|Heading|Overskrift)\s*([1-6])$/i.exec(tag ?? '');
    if (m) return `H${m[1]}`;
  }
  return undefined;
}

const round = (n: number) => Math.round(n * 2) / 2;

/** Runs of one page grouped into lines by baseline, each line's runs in order of x. */
function pageLines(runs: readonly Run[], page: number, pageHeight: number): PdfLine[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Run[][] = [];
  for (const r of sorted) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(g[0]!.y - r.y) <= Math.max(1, 0.45 * Math.min(g[0]!.size, r.size))) g.push(r);
    else groups.push([r]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    let lastCol: number | undefined;
    for (const r of g) {
      // A run of white space is a gap: wide (a tab stop, a page column) or a word space.
      if (!r.str.trim()) {
        if (text && r.x + r.w - end > 1.5 * r.size) {
          text = `${text.trimEnd()}   `;
          end = r.x + r.w;
        }
        continue;
      }
      const gap = r.x - end;
      if (text && (gap > 1.5 * r.size || /\s{3}$/.test(text))) lastCol = r.x + (r.str.length - r.str.trimStart().length) * (r.w / Math.max(1, r.str.length));
      if (text && gap > 1.5 * r.size) text = `${text.trimEnd()}   `;
      else if (text && gap > 0.12 * r.size && !/\s$/.test(text) && !/^\s/.test(r.str)) text += ' ';
      text += r.str;
      end = Math.max(end, r.x + r.w);
    }
    const ink = g.filter((r) => r.str.trim());
    const chars = (rs: readonly Run[]) => rs.reduce((n, r) => n + r.str.trim().length, 0);
    const first = ink[0]!;
    const word = /^\s*\S+/.exec(first.str)?.[0].trim() ?? '';
    return {
      page,
      y: first.y,
      x0: first.x,
      x1: end,
      size: Math.max(...ink.map((r) => r.size)),
      bold: chars(ink.filter((r) => r.bold)) === chars(ink),
      text: text.replace(/\s+$/, '').replace(/^\s+/, ''),
      role: ink.find((r) => r.role)?.role,
      firstWord: first.str.trim() ? (first.w * word.length) / Math.max(1, first.str.length) : 0,
      pageHeight,
      ...(lastCol !== undefined ? { lastCol } : {}),
    };
  });
}

/**
 * Page furniture: a line in the top or bottom margin whose text (digits aside) comes again at
 * the same height on most pages, or that the vocabulary knows (`Side 3 af 28`).
 */
function furnitureLines(lines: readonly PdfLine[], pages: number): Set<PdfLine> {
  const out = new Set<PdfLine>();
  const band = (l: PdfLine) => l.y > l.pageHeight * 0.88 || l.y < l.pageHeight * 0.12;
  const key = (l: PdfLine) => l.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
  const byKey = new Map<string, PdfLine[]>();
  for (const l of lines) {
    if (!band(l)) continue;
    if (furniture(l.text)) out.add(l);
    const k = key(l);
    if (!byKey.has(k)) byKey.set(k, []);
    byKey.get(k)!.push(l);
  }
  if (pages < 2) return out;
  const need = Math.max(2, Math.ceil(pages * 0.4));
  for (const same of byKey.values()) {
    // The lines at (about) the commonest height, on distinct pages.
    for (const l of same) {
      const near = same.filter((o) => Math.abs(o.y - l.y) <= 4);
      if (new Set(near.map((o) => o.page)).size >= need) for (const o of near) out.add(o);
    }
  }
  return out;
}

/** The body text's size: the size most characters have. */
function bodySize(lines: readonly PdfLine[]): number {
  const count = new Map<number, number>();
  for (const l of lines) count.set(round(l.size), (count.get(round(l.size)) ?? 0) + l.text.length);
  return [...count].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

/**
 * The heading level of a line, or undefined for body text. A tagged PDF's H1–H6 come first
 * (levels 1–6); bold or larger text that its structure tree does not call a heading (a Word
 * document whose item titles are bold paragraphs, saved as a tagged PDF) ranks below them.
 */
function levelOf(l: PdfLine, body: number, sizes: readonly number[], tagged: boolean): number | undefined {
  if (l.role) return l.role === 'H' ? 1 : Number(l.role.slice(1));
  if (!/\p{L}/u.test(l.text)) return undefined;
  const below = tagged ? 10 : 0;
  if (l.size >= body * 1.12) return below + 1 + sizes.indexOf(round(l.size));
  return l.bold ? below + BOLD_LEVEL : undefined;
}

/** Joins the lines the layout wrapped into paragraphs (and headings). */
function paragraphs(lines: readonly PdfLine[], levels: Map<PdfLine, number | undefined>): LayoutLine[] {
  // The right edge of the text on each page: where its longest lines end, and at least where
  // most pages' text ends (a page of short lines has no line reaching the margin).
  const ends = lines.map((l) => l.x1).sort((a, b) => a - b);
  const common = ends[Math.floor(ends.length * 0.95)] ?? 0;
  const right = new Map<number, number>();
  for (const l of lines) right.set(l.page, Math.max(right.get(l.page) ?? common, l.x1));
  // Where a column of a table ends on its page: the right end of the longest text in it.
  const colRight = (page: number, col: number, size: number) => {
    let r = -Infinity;
    for (const l of lines) if (l.page === page && (Math.abs((l.lastCol ?? -1e9) - col) <= 0.5 * size || (l.lastCol === undefined && Math.abs(l.x0 - col) <= 0.5 * size))) r = Math.max(r, l.x1);
    return r;
  };
  const out: LayoutLine[] = [];
  let cur: { text: string; level?: number; last: PdfLine; x0: number; col?: number } | undefined;
  const flush = () => {
    if (cur) out.push(cur.level === undefined ? { text: cur.text } : { text: cur.text, level: cur.level });
    cur = undefined;
  };
  for (const l of lines) {
    const level = levels.get(l);
    if (cur) {
      const p = cur.last;
      const samePage = p.page === l.page;
      const pitch = p.y - l.y;
      const sameFont = Math.abs(p.size - l.size) < 0.6 && p.bold === l.bold && cur.level === level;
      const near = samePage ? pitch > 0 && pitch <= 1.9 * p.size : l.page === p.page + 1 && level === undefined;
      // The paragraph's indent: the same, or a first line indented or hanging (a list point).
      const indent = l.x0 >= cur.x0 - 3 * l.size && l.x0 <= cur.x0 + 3 * l.size;
      const wrapped = p.x1 + 0.25 * p.size + l.firstWord > (right.get(p.page) ?? p.x1) - 0.2 * p.size;
      // Across a page break or a paragraph's spacing, a line ending a sentence ends the paragraph
      // unless the next one goes on in lower case.
      const spaced = !samePage || pitch > 1.3 * p.size;
      const goesOn = !/[.!?:]$/.test(p.text) || /^\p{Ll}/u.test(l.text);
      // A line that starts something of its own (a list point, a section heading, a labelled
      // case number) is never a continuation, whatever the line before.
      const bullet = /^[•●▪◦–-]\s/.test(l.text) || startsOwn(l.text);
      const tocTail = samePage && pitch > 0 && pitch <= 1.9 * p.size && !PAGE_COLUMN.test(cur.text) && PAGE_COLUMN.test(l.text) && !PAGE_COLUMN.test(p.text);
      // A table cell's text the cell wrapped (`Medlemmer   Anna Berg (A), Formand;` then `Bo Dal (V)`
      // under the value): the line starts at the cell's column, has no cell of its own, and the
      // line before reached the column's right end.
      const cell =
        cur.col !== undefined &&
        samePage &&
        pitch > 0 &&
        pitch <= 1.9 * p.size &&
        l.lastCol === undefined &&
        Math.abs(l.x0 - cur.col) <= 0.5 * l.size &&
        p.x1 + 0.25 * p.size + l.firstWord > colRight(p.page, cur.col, l.size) - 0.2 * p.size &&
        level === cur.level &&
        !bullet;
      if ((sameFont && near && indent && wrapped && (!spaced || goesOn) && !bullet && !PAGE_COLUMN.test(p.text)) || (tocTail && sameFont) || cell) {
        cur.text = /\p{Ll}-$/u.test(cur.text) && /^\p{Ll}/u.test(l.text) && !/^(og|eller|samt)\s/u.test(l.text) ? cur.text.slice(0, -1) + l.text : `${cur.text} ${l.text}`;
        cur.last = l;
        continue;
      }
    }
    flush();
    cur = { text: l.text, level, last: l, x0: l.x0, ...(l.lastCol !== undefined && !PAGE_COLUMN.test(l.text) ? { col: l.lastCol } : {}) };
  }
  flush();
  return out;
}

/**
 * The text runs of each page → the document's lines: grouped by baseline, page furniture
 * dropped (and counted), headings marked, wrapped lines joined. Pure.
 */
export function layoutLines(pages: readonly { readonly height: number; readonly runs: readonly Run[] }[]): { lines: LayoutLine[]; furniture: number; furnitureWords: number; tagged: boolean; headerKept?: string } {
  const all: PdfLine[] = [];
  pages.forEach(({ height, runs }, k) => {
    if (runs.some((r) => r.str.trim())) all.push(...pageLines(runs.filter((r) => r.str.trim() || r.w > 0), k + 1, height).filter((l) => l.text));
  });
  const tagged = pages.some((p) => p.runs.some((r) => r.role));
  const drop = furnitureLines(all, pages.length);
  const kept = all.filter((l) => !drop.has(l));
  const body = bodySize(kept);
  const sizes = [...new Set(kept.filter((l) => l.size >= body * 1.12).map((l) => round(l.size)))].sort((a, b) => b - a);
  const levels = new Map(kept.map((l) => [l, levelOf(l, body, sizes, tagged)] as const));
  const lines = paragraphs(kept, levels);
  // Where the meeting's date is written only in the running header (not in the opening lines),
  // the header's first occurrence is kept, at the top, so that the meeting has its date.
  const date = { test: (t: string) => findDate(t) !== undefined };
  const header = [...drop].find((l) => date.test(l.text) && /\p{L}{3}/u.test(l.text) && !furniture(l.text));
  const furnitureWords = [...drop].reduce((n, l) => n + wordsIn(l.text), 0);
  if (header && !lines.slice(0, 40).some((l) => date.test(l.text))) {
    return { lines: [{ text: header.text }, ...lines], furniture: drop.size - 1, furnitureWords: furnitureWords - wordsIn(header.text), tagged, headerKept: header.text };
  }
  return { lines, furniture: drop.size, furnitureWords, tagged };
}

function startsOwn(text: string): boolean {
  const t = text.trim().replace(/:$/, '');
  return SECTION_WORDS.has(t.toLowerCase()) || Boolean(caseNumberOf(t)?.label);
}

function refusal(e: unknown): ImportRefusal {
  const name = (e as { name?: string })?.name ?? '';
  if (name === 'PasswordException') return new ImportRefusal({ da: 'PDF-filen er beskyttet med en adgangskode og kan ikke læses', en: 'the PDF is password-protected and cannot be read' });
  const why = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 100);
  return new ImportRefusal({ da: `PDF-filen er beskadiget og kan ikke læses (${why})`, en: `the PDF is damaged and cannot be read (${why})` });
}

/** Words (runs of letters and digits) in a text. */
const wordsIn = (t: string): number => (t.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** The lines of a PDF, page furniture removed, wrapped lines joined, headings marked. */
export async function pdfLines(bytes: Uint8Array): Promise<{ lines: LayoutLine[]; furniture: number; furnitureWords: number; pages: number; tagged: boolean; unread: { page: number; why: string }[]; headerKept?: string }> {
  const lib = await pdfjs();
  let doc;
  try {
    doc = await lib.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false }).promise;
  } catch (e) {
    throw refusal(e);
  }
  try {
    const pages: { height: number; runs: Run[] }[] = [];
    const unread: { page: number; why: string }[] = [];
    const boldFont = new Map<string, boolean>();
    let artifactLines = 0;
    let artifactWords = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      // A page that cannot be read (a damaged stream) is left out and reported; the rest is read.
      let page;
      let content;
      try {
        page = await doc.getPage(n);
        content = await page.getTextContent({ includeMarkedContent: true });
      } catch (e) {
        unread.push({ page: n, why: (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 80) });
        pages.push({ height: 842, runs: [] });
        continue;
      }
      const height = page.getViewport({ scale: 1 }).height;
      const roles = headingRoles(await page.getStructTree().catch(() => null));
      // The fonts' names (bold or not) are known once a page using them has had its operators
      // read; fonts are the document's, so a page whose fonts are all known is not read again.
      // A page whose operators cannot be read (a damaged image) keeps its text, its fonts unknown.
      const fonts = new Set(content.items.flatMap((it) => ('fontName' in it ? [it.fontName] : [])));
      if ([...fonts].some((f) => !boldFont.has(f) && !page.commonObjs.has(f))) await page.getOperatorList().catch(() => undefined);
      const isBold = (font: string) => {
        if (!boldFont.has(font)) {
          let name = '';
          try {
            name = (page.commonObjs.get(font) as { name?: string } | undefined)?.name ?? '';
          } catch {
            /* a font pdfjs did not load */
          }
          if (!name && !page.commonObjs.has(font)) return false;
          boldFont.set(font, /bold|black|heavy|demi|semibold|extrabold/i.test(name));
        }
        return boldFont.get(font)!;
      };
      const runs: Run[] = [];
      const open: { id?: string; tag?: string }[] = [];
      let artifacts = '';
      for (const it of content.items) {
        if (!('str' in it)) {
          const m = it as { type: string; id?: string; tag?: string };
          if (m.type === 'beginMarkedContent' || m.type === 'beginMarkedContentProps') {
            open.push({ id: m.id, tag: m.tag });
            if (m.tag === 'Artifact') artifacts += '\n';
          }
          else if (m.type === 'endMarkedContent') open.pop();
          continue;
        }
        if (!it.str) continue;
        // Text the PDF marks as an artifact (running header, footer, page number) is furniture.
        if (open.some((o) => o.tag === 'Artifact')) {
          artifacts += it.hasEOL ? `${it.str}\n` : it.str;
          continue;
        }
        const [a, b, c, d, x, y] = it.transform as number[];
        const size = Math.hypot(c!, d!) || Math.hypot(a!, b!) || it.height;
        runs.push({ str: it.str, x: x!, y: y!, w: it.width, size, bold: isBold(it.fontName), role: roleOf(open, roles) });
      }
      // (A table of contents' dot leaders are artifacts too: no words, not counted.)
      artifactLines += artifacts.split('\n').filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
      artifactWords += wordsIn(artifacts);
      pages.push({ height, runs });
      page.cleanup();
    }
    const laid = layoutLines(pages);
    if (unread.length === doc.numPages) throw refusal(new Error(unread[0]?.why ?? 'no pages'));
    return { lines: laid.lines, furniture: laid.furniture + artifactLines, furnitureWords: laid.furnitureWords + artifactWords, pages: doc.numPages, tagged: laid.tagged, unread, headerKept: laid.headerKept };
  } catch (e) {
    if (e instanceof ImportRefusal) throw e;
    throw refusal(e);
  } finally {
    await doc.destroy();
  }
}

export async function importPdf(bytes: Uint8Array, options: ImportOptions = {}): Promise<LayoutResult> {
  const { lines, furniture: dropped, furnitureWords, tagged, unread, headerKept } = await pdfLines(bytes);
  if (!lines.some((l) => /\p{L}{2}/u.test(l.text))) {
    throw new ImportRefusal({ da: 'PDF-filen indeholder ingen tekst (et scannet billede?)', en: 'the PDF holds no text (a scanned image?)' });
  }
  const guesses = tagged ? ['headings taken from the tagged PDF (its structure tree or marked content: H1–H6)'] : [];
  if (dropped) guesses.push(`${dropped} lines of running header, footer or page number dropped`);
  if (headerKept) guesses.push(`the running header "${headerKept.slice(0, 60)}" kept once: the meeting's date is written nowhere else at the start`);
  const r = importLayout(lines, options, { furnitureDropped: dropped, furnitureWords, guesses });
  for (const u of unread) r.warnings.unshift({ line: 0, message: { da: `Side ${u.page} i PDF-filen kan ikke læses (${u.why}) og mangler`, en: `Page ${u.page} of the PDF cannot be read (${u.why}) and is missing` } });
  return r;
}
