/**
 * unknown-field: a `Name: value` line in the header or under an item heading whose name
 * the tools do not know, most often a typo (`Mødsted` for `Mødested`) that silently
 * loses the value. Names are compared case-insensitively. Other lines that happen to
 * begin with `Word:` in the body are text and are not checked.
 *
 * Besides the canonical names, the alternative names the model understands are accepted
 * (`Dato`, `Sted`, `Deltagere`, `Medlemmer`, `Stedfortræder`, `Fraværende` in the header;
 * `Sagsnummer`, `Sags nr` under an item), and the labels the profile's `header` gives
 * (a house style that writes `Lokale` or `Bemærkninger`): the vocabulary is model/vocabulary.ts.
 */
import type { Field } from '../syntax/ast.js';
import type { Rule, RuleContext } from './types.js';
import { distance } from 'fastest-levenshtein';
import { suggest } from './util/names.js';
import { HEADER_FIELD_NAMES, HEADER_FIELD_WORDS, headerAliasIndex, ITEM_FIELD_NAMES, ITEM_FIELD_WORDS, itemAliasIndex, synonymIndex } from '../model/vocabulary.js';

/** The markup's header and item fields (model/vocabulary.ts). */
export const HEADER_FIELDS = HEADER_FIELD_NAMES;
export const ITEM_FIELDS = ITEM_FIELD_NAMES;

/** Alternative names the model reads as the canonical field (lower case → canonical), without the canonical names. */
function aliasesOnly(index: Map<string, string>, canonical: readonly string[]): Record<string, string> {
  const own = new Set(canonical.map((c) => c.toLocaleLowerCase('da')));
  return Object.fromEntries([...index].filter(([k]) => !own.has(k)));
}
const ITEM_ALIASES: Readonly<Record<string, string>> = aliasesOnly(itemAliasIndex(false), ITEM_FIELDS);
const HEADER_SYNONYMS = synonymIndex(HEADER_FIELD_WORDS);
const ITEM_SYNONYMS = synonymIndex(ITEM_FIELD_WORDS);

const lower = (s: string) => s.toLocaleLowerCase('da').replace(/\s+/g, ' ').trim();

/**
 * Canonical fields the name may mean, best first, and whether the first is a clear choice
 * (the only one, or strictly closer than the next).
 */
export function candidatesFor(
  name: string,
  canonical: readonly string[],
  aliases: Readonly<Record<string, string>>,
  synonyms: Readonly<Record<string, string>>,
): { candidates: string[]; clear: boolean } {
  const key = lower(name);
  if (synonyms[key]) return { candidates: [synonyms[key]!], clear: true };
  const words = [...canonical, ...Object.keys(aliases)];
  const best = new Map<string, number>();
  for (const s of suggest(name, words)) {
    const c = aliases[lower(s)] ?? s;
    const d = distance(key, lower(s));
    if (!best.has(c) || best.get(c)! > d) best.set(c, d);
  }
  const ranked = [...best.entries()].sort((a, b) => a[1] - b[1]);
  const clear = ranked.length === 1 || (ranked.length > 1 && ranked[0]![1] < ranked[1]![1]);
  return { candidates: ranked.map(([c]) => c), clear };
}

const rule: Rule = {
  meta: {
    id: 'unknown-field',
    defaultSeverity: 'warning',
    description: {
      en: 'A header or item field whose name is not known (often a typo), with "did you mean".',
      da: 'Et felt i hovedet eller under et punkt, hvis navn ikke kendes (ofte en tastefejl), med forslag.',
    },
    messages: {
      unknownHeaderFieldSuggest: {
        en: 'Unknown header field "{name}". Did you mean "{suggestion}"? Rename it, or the value is ignored.',
        da: 'Ukendt felt "{name}" i mødets hoved. Mente du "{suggestion}"? Ret navnet, ellers bliver værdien ikke brugt.',
      },
      unknownHeaderField: {
        en: 'Unknown header field "{name}". The header fields are {known}. Rename it to one of them; if the line is text, rephrase it so that it does not begin with "{name}:".',
        da: 'Ukendt felt "{name}" i mødets hoved. Felterne i hovedet er {knownDa}. Omdøb det til et af dem; er linjen tekst, så omformulér den, så den ikke begynder med "{name}:".',
      },
      unknownItemFieldSuggest: {
        en: 'Unknown item field "{name}". Did you mean "{suggestion}"? Rename it, or the value is ignored.',
        da: 'Ukendt felt "{name}" på punktet. Mente du "{suggestion}"? Ret navnet, ellers bliver værdien ikke brugt.',
      },
      unknownItemField: {
        en: 'Unknown item field "{name}". The item fields are {known}. Rename it to one of them; if the line is text, move it into a section (### Sagsfremstilling) or rephrase it so that it does not begin with "{name}:".',
        da: 'Ukendt felt "{name}" på punktet. Felterne på et punkt er {knownDa}. Omdøb det til et af dem; er linjen tekst, så flyt den ind i et afsnit (### Sagsfremstilling) eller omformulér den, så den ikke begynder med "{name}:".',
      },
      itemFieldInHeader: {
        en: '"{name}" is an item field, not a header field. Move it under the heading of its item (## Punkt …).',
        da: '"{name}" er et felt på et punkt, ikke i mødets hoved. Flyt det ind under punktets overskrift (## Punkt …).',
      },
      headerFieldInItem: {
        en: '"{name}" is a header field, not an item field. Move it to the meeting header, above the first item.',
        da: '"{name}" er et felt i mødets hoved, ikke på et punkt. Flyt det op i hovedet, over det første punkt.',
      },
    },
    fixable: true,
    tags: ['structure'],
  },
  check(ctx) {
    const headerIndex = headerAliasIndex(ctx.profile);
    const HEADER_ALIASES = aliasesOnly(headerIndex, HEADER_FIELDS);
    const headerKnown = new Set(headerIndex.keys());
    const itemKnown = new Set(itemAliasIndex().keys());
    for (const field of ctx.meeting.document.fields) {
      const key = lower(field.name.text);
      if (headerKnown.has(key)) continue;
      if (itemKnown.has(key)) {
        ctx.report({ messageId: 'itemFieldInHeader', data: { name: field.name.text }, range: field.name.range });
        continue;
      }
      reportUnknown(ctx, field, 'Header', HEADER_FIELDS, HEADER_ALIASES, HEADER_SYNONYMS);
    }
    for (const item of ctx.meeting.items) {
      for (const field of item.node.fields) {
        const key = lower(field.name.text);
        if (itemKnown.has(key)) continue;
        if (headerKnown.has(key)) {
          ctx.report({ messageId: 'headerFieldInItem', data: { name: field.name.text }, range: field.name.range });
          continue;
        }
        reportUnknown(ctx, field, 'Item', ITEM_FIELDS, ITEM_ALIASES, ITEM_SYNONYMS);
      }
    }
  },
};

function quoteList(names: readonly string[], and: string): string {
  const q = names.map((n) => `"${n}"`);
  return `${q.slice(0, -1).join(', ')} ${and} ${q[q.length - 1]}`;
}

function reportUnknown(
  ctx: RuleContext,
  field: Field,
  where: 'Header' | 'Item',
  canonical: readonly string[],
  aliases: Readonly<Record<string, string>>,
  synonyms: Readonly<Record<string, string>>,
): void {
  const name = field.name.text;
  const { candidates, clear } = candidatesFor(name, canonical, aliases, synonyms);
  const range = field.name.range;
  const edit = (to: string) => ({
    title: { en: `Rename to "${to}"`, da: `Omdøb til "${to}"` },
    edits: [{ start: range.start.offset, end: range.end.offset, newText: to }],
  });
  if (candidates.length === 0) {
    ctx.report({
      messageId: `unknown${where}Field`,
      data: { name, known: quoteList(canonical, 'and'), knownDa: quoteList(canonical, 'og') },
      range,
    });
    return;
  }
  ctx.report({
    messageId: `unknown${where}FieldSuggest`,
    data: { name, suggestion: clear ? candidates[0]! : candidates.join('" / "') },
    range,
    // One clear candidate: a safe fix. Otherwise the user picks.
    fix: clear ? edit(candidates[0]!) : undefined,
    suggestions: candidates.length > 1 ? candidates.map(edit) : undefined,
  });
}

export default rule;
