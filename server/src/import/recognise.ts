/** Published text → markup: the Randers reader or the structural recogniser, whichever reads more of it. */
import { importGeneric } from './generic.js';
import { detectProfile, importText as importRanders, type ImportOptions, type ImportResult } from './text.js';

/**
 * Text of published minutes: the Randers form (`Punkt 12: …` headings, the seeds) is read by
 * `text.ts`; any other house style by the structural recogniser (`generic.ts`). `items` is
 * the number of items found: 0 means no meeting was recognised.
 */
export function importText(
  input: string,
  options: ImportOptions = {},
): ImportResult & { items: number; furnitureDropped: number; furnitureWords: number; guesses: string[] } {
  const randers = importRanders(input, options);
  const items = (randers.markup.match(/^## Punkt /gm) ?? []).length;
  const generic = importGeneric(input, options.profile ?? detectProfile(input), { fitProfile: options.profile === undefined, headings: options.headings });
  // The Randers reading wins unless the structural one finds more items, or as many with more case numbers.
  const cases = (m: string) => (m.match(/^Sagsnr: /gm) ?? []).length;
  const better = generic.stats.items > items || (generic.stats.items === items && cases(generic.markup) > cases(randers.markup));
  if (items > 0 && !better) return { ...randers, items, furnitureDropped: 0, furnitureWords: 0, guesses: [] };
  return { markup: generic.markup, warnings: generic.warnings, profile: generic.profile, ...generic.stats };
}
