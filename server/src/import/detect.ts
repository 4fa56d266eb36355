/**
 * Which shipped house style a published text is closest to, from the profiles' own data
 * (item heading, decision heading, section names, case-number forms): no kommune is named
 * here. The profile with the highest score wins; a tie keeps the default profile. This is a
 * quick guess for `referat import` without `--profile`; `referat profile infer` learns a
 * profile of its own. Pure.
 */
import { builtinProfiles, DEFAULT_PROFILE } from '../config/profiles.js';
import type { Profile } from '../config/schema.js';
import { caseNumberMatcher } from '../model/casenumbers.js';
import { isProfileDecisionHeading, itemHeadingRegex, normaliseSectionHeading } from '../model/vocabulary.js';
import { caseNumberOf } from './casenumber.js';

function lineOf(raw: string): string {
  return raw
    .replace(/\u00a0/g, ' ')
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/\*\*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A score of how well the lines read in the profile's house style. */
function score(lines: readonly string[], profile: Profile): number {
  // Only an item heading with words of its own (`Punkt {n}: …`) tells a house apart: a bare
  // `{n}. {title}` also reads every numbered list line.
  const item = /\p{L}/u.test(profile.itemHeading.replace(/\{\w+\}/g, '')) ? itemHeadingRegex(profile.itemHeading) : undefined;
  const names = new Map<string, number>();
  for (const s of profile.sections) {
    for (const a of s.aliases) names.set(normaliseSectionHeading(a), 0.5);
    names.set(normaliseSectionHeading(s.name), 1);
  }
  const cases = caseNumberMatcher(profile.caseNumber);
  let total = 0;
  for (const l of lines) {
    if (l.length > 120) continue;
    if (item?.test(l)) total += 2;
    if (isProfileDecisionHeading(l, profile) && !/^beslutning:?$/i.test(l)) total += 3;
    total += names.get(normaliseSectionHeading(l)) ?? 0;
    const cn = caseNumberOf(l);
    if (cn) total += cases.test(cn.value) ? 2 : -1;
  }
  return total;
}

/** The name of the shipped profile the text is closest to (the default when nothing speaks for another). */
export function detectProfile(text: string, profiles: Readonly<Record<string, Profile>> = builtinProfiles): string {
  const lines = text.split(/\r\n?|\n/).map(lineOf).filter(Boolean);
  let best = DEFAULT_PROFILE;
  let bestScore = profiles[DEFAULT_PROFILE] ? score(lines, profiles[DEFAULT_PROFILE]!) : -Infinity;
  for (const [name, p] of Object.entries(profiles)) {
    if (name === DEFAULT_PROFILE) continue;
    const s = score(lines, p);
    if (s > bestScore) [best, bestScore] = [name, s];
  }
  return best;
}
