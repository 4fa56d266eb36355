/**
 * Danish folding for search and for the site's file names. The same function runs when
 * the search index is built and in the browser on every query, so that both sides agree:
 *
 * - lower-case, Unicode NFC;
 * - the Danish letters and their older or foreign spellings meet: `æ`/`ä` → `ae`,
 *   `ø`/`ö` → `oe`, `å` → `aa` (so `Åbenrå`, `Aabenraa` and `aabenraa` are one word, as are
 *   `Økonomi` and `oekonomi`, typed on a keyboard without Danish letters);
 * - other accents are dropped (`é` → `e`).
 */

const LETTERS: Record<string, string> = { æ: 'ae', ä: 'ae', ø: 'oe', ö: 'oe', å: 'aa', ß: 'ss' };

/** One search term (or any text) folded the Danish way. */
export function foldDanish(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[æäøöåß]/g, (c) => LETTERS[c]!)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** A file-name slug: folded, ASCII letters and digits, words joined by `-` (`Beskæftigelsesudvalget` → `beskaeftigelsesudvalget`). */
export function slugify(text: string, fallback = 'x'): string {
  const s = foldDanish(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return s || fallback;
}

/** Gives each key a unique slug, adding `-2`, `-3` … on a collision. */
export class SlugRegistry {
  private readonly used = new Set<string>();
  private readonly byKey = new Map<string, string>();
  get(key: string, text: string): string {
    const known = this.byKey.get(key);
    if (known) return known;
    const base = slugify(text);
    let slug = base;
    for (let n = 2; this.used.has(slug); n++) slug = `${base}-${n}`;
    this.used.add(slug);
    this.byKey.set(key, slug);
    return slug;
  }
}
