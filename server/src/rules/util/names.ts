/**
 * Name normalisation and "did you mean" suggestions, shared by the rules about people
 * (unknown-person, afbud-not-noted, left-not-noted, vote-count, quorum) and by rules that
 * suggest other words (unknown-field suggests field names with {@link suggest}).
 *
 * Decisions (documented in docs/rules/unknown-person.md):
 * - Two names are the same person when they are equal after {@link normalizeName}:
 *   Unicode NFC, case folded, runs of whitespace (also no-break spaces)
 *   folded to one space, and a trailing party letter in parentheses (`(A)`, `(Ø)`, `(SF)`)
 *   removed. `claus  berggren (A)` is `Claus Berggren`.
 * - Suggestions use the Levenshtein distance on the case-folded forms; a candidate is
 *   "close" when its distance is at most a third of the longer word's length (at least 1).
 * - For people, a mention that is only part of one member's name (the first name, the
 *   surname, or first name and surname without the middle name: its words appear in the
 *   member's name in the same order) is also a candidate. Such a mention is never taken
 *   as the member silently: the rule reports it and offers the full name.
 */
import { distance } from 'fastest-levenshtein';

const PARTY = /\s*\(\s*[\p{L}\d.\- ]{1,8}\s*\)\s*$/u;

/** Removes a trailing party letter in parentheses: `Anne Holm (A)` → `Anne Holm`. */
export function stripParty(name: string): string {
  return name.replace(PARTY, '');
}

/** The party letter of `Anne Holm (A)` (`A`), if any. */
export function partyOf(name: string): string | undefined {
  const m = /\(\s*([\p{L}\d.\- ]{1,8}?)\s*\)\s*$/u.exec(name);
  return m ? m[1] : undefined;
}

/** Folds whitespace (also no-break and other Unicode spaces) to single spaces and trims. */
export function foldSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ').trim();
}

/** The comparison key of a person's name: NFC, no party letter, spaces folded, lower case. */
export function normalizeName(name: string): string {
  return foldSpaces(stripParty(foldSpaces(name.normalize('NFC')))).toLowerCase();
}

/** Whether two written names denote the same person (see {@link normalizeName}). */
export function sameName(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}

/** The largest distance at which `candidate` still counts as close to `word`. */
export function maxDistanceFor(word: string, candidate: string): number {
  return Math.max(1, Math.floor(Math.max(word.length, candidate.length) / 3));
}

export interface SuggestOptions {
  /** Largest distance accepted (default: a third of the longer length, at least 1). */
  readonly maxDistance?: number;
  /** At most this many suggestions (default: all close ones). */
  readonly limit?: number;
}

/**
 * "Did you mean": the candidates close to `word`, best first (ties keep the candidates'
 * order). Comparison is case-insensitive and whitespace-folded; an exact match (after
 * folding) is not a suggestion. The candidates are returned as given.
 */
export function suggest(word: string, candidates: readonly string[], options: SuggestOptions = {}): string[] {
  const w = foldSpaces(word.normalize('NFC')).toLowerCase();
  if (!w) return [];
  const scored: { candidate: string; d: number; i: number }[] = [];
  const seen = new Set<string>();
  candidates.forEach((candidate, i) => {
    const c = foldSpaces(candidate.normalize('NFC')).toLowerCase();
    if (!c || c === w || seen.has(c)) return;
    seen.add(c);
    const d = distance(w, c);
    const max = options.maxDistance ?? maxDistanceFor(w, c);
    if (d <= max) scored.push({ candidate, d, i });
  });
  scored.sort((a, b) => a.d - b.d || a.i - b.i);
  const out = scored.map((s) => s.candidate);
  return options.limit !== undefined ? out.slice(0, options.limit) : out;
}

/** Whether the words of `part` appear, in order, among the words of `whole` (and `part` is shorter). */
function isPartOfName(part: string, whole: string): boolean {
  const p = part.split(' ');
  const w = whole.split(' ');
  if (p.length >= w.length) return false;
  let j = 0;
  for (const word of w) {
    if (j < p.length && word === p[j]) j++;
  }
  return j === p.length;
}

/**
 * Members a mention may mean: members whose name contains the mention's words in order
 * (`Berggren`, `Claus`, `Kasper Christensen` for `Kasper Fuhr Christensen`), then members
 * within the edit distance of {@link suggest}. Party letters and case are ignored.
 * Returns the members' names as given, best first, without duplicates.
 */
export function suggestMembers(mention: string, members: readonly string[]): string[] {
  const m = normalizeName(mention);
  if (!m) return [];
  const keyed = members.map((name) => ({ name, key: normalizeName(name) }));
  if (keyed.some((k) => k.key === m)) return [];
  const out: string[] = [];
  const taken = new Set<string>();
  for (const k of keyed) {
    if (!taken.has(k.key) && isPartOfName(m, k.key)) {
      out.push(k.name);
      taken.add(k.key);
    }
  }
  const stripped = keyed.filter((k) => !taken.has(k.key));
  for (const s of suggest(m, stripped.map((k) => k.key))) {
    const k = stripped.find((x) => x.key === s)!;
    if (!taken.has(k.key)) {
      out.push(k.name);
      taken.add(k.key);
    }
  }
  return out;
}

/**
 * Joins names as Danish prose does: `A`, `A og B`, `A, B og C`.
 * (`conjunction` may be given for English: `and`.)
 */
export function joinNames(names: readonly string[], conjunction = 'og'): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
}
