/**
 * The search index's settings, shared by the index built at publish time (search.ts) and
 * the script on the search page (search-client.ts): the same fields and the same Danish
 * folding of every term, at index and at query time.
 */
import { foldDanish } from '../export/fold.js';

export const SEARCH_FIELDS = ['title', 'text', 'caseNumber', 'meeting'] as const;
export const STORE_FIELDS = ['title', 'meeting', 'committee', 'date', 'caseNumber', 'url'] as const;

export interface SearchDocument {
  /** `<meeting slug>#<item anchor>`. */
  readonly id: string;
  /** `Punkt 123: Title`. */
  readonly title: string;
  /** The item's published text. */
  readonly text: string;
  readonly caseNumber: string;
  /** The meeting's title. */
  readonly meeting: string;
  readonly committee: string;
  /** ISO date, or empty. */
  readonly date: string;
  /** Relative to the site root: `moeder/<slug>.html#punkt-123`. */
  readonly url: string;
}

/**
 * Words are runs of letters and digits: everything else separates them, symbols too
 * (`<`, `%`, `+`, `=`), not only spaces and punctuation as by default, so `80%` is found by
 * `80` and a case number `00.22.00-P35-1-24` by its parts.
 */
export function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** MiniSearch options (without the documents). */
export const SEARCH_OPTIONS = {
  fields: [...SEARCH_FIELDS],
  storeFields: [...STORE_FIELDS],
  tokenize,
  processTerm: (term: string): string | null => foldDanish(term) || null,
  searchOptions: { boost: { title: 3, caseNumber: 2 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' as const },
};

/** The file the index is written to, at the site root. */
export const SEARCH_INDEX_FILE = 'search-index.json';
