/**
 * The domain vocabulary every layer uses: decision headings built from (and read by) the
 * profile's template, item headings, dates in the profile's form. One place, so the quick
 * fix, completion, the model and the exports agree. Pure.
 */
import type { Profile } from '../config/schema.js';
import { formatDatePattern } from './dates.js';

type DateParts = { year: number; month: number; day: number };

/** Fills `{name}` placeholders; undefined when one of them has no value. */
function fill(template: string, values: Readonly<Record<string, string | undefined>>): string | undefined {
  let missing = false;
  const out = template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = values[k];
    if (v === undefined || v === '') missing = true;
    return v ?? '';
  });
  return missing ? undefined : out;
}

/** The profile's name of the decision section (`Beslutning`). */
export function decisionName(profile: Profile): string {
  return profile.sections.find((s) => s.kind === 'beslutning')?.name ?? 'Beslutning';
}

/** A date in the profile's dateFormat. */
export function formatProfileDate(profile: Profile, date: DateParts): string {
  return formatDatePattern(date, profile.dateFormat);
}

/**
 * The decision heading as the house style writes it, for this meeting's committee and date
 * (`Beslutning Byrådet den 01-09-2021`, `Kommunalbestyrelsen den 20. august 2020:`). Falls back
 * to the plain decision name when the template needs a committee or date the meeting lacks.
 */
export function buildDecisionHeading(profile: Profile, committee: string | undefined, date: DateParts | undefined): string {
  const template = profile.decisionHeading;
  if (template.trim() === 'Beslutning') return decisionName(profile);
  return fill(template, { committee: committee?.trim(), date: date && formatProfileDate(profile, date) }) ?? decisionName(profile);
}

/** A placeholder form of the decision heading for completion, when the date is unknown (`… den DD-MM-YYYY`). */
export function decisionHeadingPlaceholder(profile: Profile, committee: string | undefined): string {
  if (profile.decisionHeading.trim() === 'Beslutning') return decisionName(profile);
  const date = profile.dateFormat.replace(/MMMM|MMM|yyyy|yy|dd|d|mm|m/g, (t) => (t[0] === 'y' ? 'YYYY' : t[0] === 'd' ? 'DD' : 'MM'));
  return profile.decisionHeading.replace(/\{committee\}/g, committee?.trim() ?? '').replace(/\{date\}/g, date).replace(/\s+/g, ' ').trim();
}

/** The item heading text (after `## `) as the house style writes it. */
export function buildItemHeading(profile: Profile, n: string, title: string): string {
  return profile.itemHeading.replace(/\{n\}/g, n).replace(/\{title\}/g, title).trimEnd();
}
