/**
 * item-numbering: item numbers that skip, repeat or go backwards; and, across the files
 * of one committee, a meeting that does not continue the previous meeting's numbering
 * where the house style numbers continuously through the year (or does not start at 1
 * where it numbers per meeting). Alphanumeric numbers (`1.a`) are sub-items and are not
 * counted.
 */
import type { ItemModel } from '../model/types.js';
import type { MeetingSummary, Rule, RuleContext, TextEdit } from './types.js';

const norm = (s?: string) => (s ?? '').trim().toLowerCase();
const dateKey = (d: { year: number; month: number; day: number }) => d.year * 10000 + d.month * 100 + d.day;

/** The first year of the Danish local-government election term a year belongs to (terms begin 2014, 2018, 2022 …). */
export function termStart(year: number): number {
  return year - (((year - 2) % 4) + 4) % 4;
}

/**
 * The latest meeting of the same committee earlier in the same numbering period: the
 * calendar year, or with `scheme: "term"` the election term.
 */
export function previousMeeting(
  siblings: readonly MeetingSummary[] | undefined,
  committee: string | undefined,
  date: { year: number; month: number; day: number } | undefined,
  scheme: 'year' | 'term' = 'year',
): MeetingSummary | undefined {
  if (!siblings || !date) return undefined;
  const mine = dateKey(date);
  const period = (y: number) => (scheme === 'term' ? termStart(y) : y);
  let best: MeetingSummary | undefined;
  for (const s of siblings) {
    if (!s.date || period(s.date.year) !== period(date.year) || norm(s.committee) !== norm(committee)) continue;
    const k = dateKey(s.date);
    if (k >= mine || s.itemNumbers.length === 0) continue;
    if (!best || k > dateKey(best.date!)) best = s;
  }
  return best;
}

const rule: Rule = {
  meta: {
    id: 'item-numbering',
    defaultSeverity: 'error',
    description: {
      en: 'Item numbers skip, repeat or go backwards, or do not continue the previous meeting\'s numbering.',
      da: 'Punkternes numre springer over, gentages eller går baglæns, eller fortsætter ikke nummereringen fra forrige møde.',
    },
    messages: {
      skip: {
        en: 'Item {found} follows item {previous}: expected {expected}. Number the items without gaps.',
        da: 'Punkt {found} kommer efter punkt {previous}: forventede {expected}. Nummerér punkterne uden huller.',
      },
      repeat: {
        en: 'Item number {found} is used twice. Give every item its own number ({expected}).',
        da: 'Punktnummer {found} er brugt to gange. Giv hvert punkt sit eget nummer ({expected}).',
      },
      backwards: {
        en: 'Item {found} follows item {previous}: numbers must increase ({expected}).',
        da: 'Punkt {found} kommer efter punkt {previous}: numrene skal stige ({expected}).',
      },
      firstPerMeeting: {
        en: 'The first item is number {found}, but the house style numbers every meeting from 1.',
        da: 'Første punkt har nummer {found}, men husstilen nummererer hvert møde fra 1.',
      },
      firstContinuous: {
        en: 'The first item is number {found}, but the previous meeting ({previousDate}) ended with item {last}: expected {expected} (numbering continues through the year).',
        da: 'Første punkt har nummer {found}, men forrige møde ({previousDate}) sluttede med punkt {last}: forventede {expected} (nummereringen fortsætter hele året).',
      },
      firstTerm: {
        en: 'The first item is number {found}, but the previous meeting ({previousDate}) ended with item {last}: expected {expected} (numbering continues through the election term).',
        da: 'Første punkt har nummer {found}, men forrige møde ({previousDate}) sluttede med punkt {last}: forventede {expected} (nummereringen fortsætter hele valgperioden).',
      },
      firstClosed: {
        en: 'The first closed item is number {found}, but the house style numbers closed items from {expected}.',
        da: 'Første lukkede punkt har nummer {found}, men husstilen nummererer lukkede punkter fra {expected}.',
      },
    },
    fixable: true,
    tags: ['structure', 'cross-file'],
  },
  check(ctx) {
    const numbered = ctx.meeting.items.filter((i): i is ItemModel & { numeric: number } => i.numeric !== undefined);
    // Closed items in a range of their own (`closedItemsFrom`: 101, 102 …) are a sequence of their own.
    const closedFrom = ctx.profile.numbering.closedItemsFrom;
    const inClosedRange = (i: ItemModel & { numeric: number }) => closedFrom !== undefined && i.numeric >= closedFrom;
    const items = numbered.filter((i) => !inClosedRange(i));
    const closedItems = numbered.filter(inClosedRange);
    if (closedItems.length > 0) checkSequence(ctx, closedItems, closedFrom!, closedItems[0]!.numeric !== closedFrom ? { id: 'firstClosed', data: { found: closedItems[0]!.numeric } } : undefined);
    if (items.length === 0) return;
    const m = ctx.meeting;
    const date = m.date?.valid ? m.date : m.titleDate;
    let start = items[0]!.numeric;
    let firstMessage: { id: string; data: Record<string, string | number> } | undefined;
    if (ctx.profile.numbering.scheme === 'per-meeting') {
      if (start !== 1) firstMessage = { id: 'firstPerMeeting', data: { found: start } };
      start = 1;
    } else {
      const scheme = ctx.profile.numbering.scheme === 'term' ? 'term' : 'year';
      const prev = previousMeeting(ctx.siblings, m.committee, date, scheme);
      if (prev) {
        const last = prev.itemNumbers.reduce((hi, n) => Math.max(hi, n), -Infinity);
        if (start !== last + 1) {
          const d = prev.date!;
          firstMessage = {
            id: scheme === 'term' ? 'firstTerm' : 'firstContinuous',
            data: { found: start, last, expected: last + 1, previousDate: `${String(d.day).padStart(2, '0')}-${String(d.month).padStart(2, '0')}-${d.year}` },
          };
          start = last + 1;
        }
      }
    }
    checkSequence(ctx, items, start, firstMessage);
  },
};

/** Numbers from `start` without gaps, repeats or steps back; one fix renumbers the sequence. */
function checkSequence(
  ctx: RuleContext,
  items: readonly (ItemModel & { numeric: number })[],
  start: number,
  firstMessage: { id: string; data: Record<string, string | number> } | undefined,
): void {
  const want = items.map((_, i) => start + i);
  const edits: TextEdit[] = items
    .map((it, i) => ({ it, want: want[i]! }))
    .filter(({ it, want: w }) => it.numeric !== w)
    .map(({ it, want: w }) => ({ start: it.node.number.range.start.offset, end: it.node.number.range.end.offset, newText: String(w) }));
  const fix = { title: { da: `Nummerér punkterne fra ${start}`, en: `Renumber the items from ${start}` }, edits };
  if (firstMessage) {
    ctx.report({ messageId: firstMessage.id, data: { ...firstMessage.data, expected: start }, range: items[0]!.node.number.range, fix });
  }
  const seen = new Set<number>([items[0]!.numeric]);
  for (let i = 1; i < items.length; i++) {
    const prev = items[i - 1]!.numeric;
    const cur = items[i]!.numeric;
    if (cur === prev + 1) {
      seen.add(cur);
      continue;
    }
    const id = seen.has(cur) ? 'repeat' : cur < prev ? 'backwards' : 'skip';
    seen.add(cur);
    ctx.report({ messageId: id, data: { found: cur, previous: prev, expected: prev + 1 }, range: items[i]!.node.number.range, fix });
  }
}

export default rule;
