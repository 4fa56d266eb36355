/**
 * Imported markup in a profile's house style, where the markup allows it (`referat import
 * --profile NAME|auto`, `--config FILE`): the header's `Profil:` names the profile; section
 * headings take the profile's names (an alias becomes the name the house writes); this
 * meeting's decision heading takes the profile's form (`Beslutning i Byrådet den 01-09-2021`)
 * where the grammar reads that form as a decision, else the plain `Beslutning`; a section the
 * import split in two (a second heading of the same kind right after the first, or the import's
 * own heading over an item's opening text before the real one) is one again. Item headings
 * stay `## Punkt {n}: {title}`: the markup has one item heading (the exports write the house's).
 * Pure.
 */
import type { ResolvedConfig } from '../config/resolve.js';
import type { Profile } from '../config/schema.js';
import { analyze } from '../engine.js';
import { classifySection } from '../model/build.js';
import { parseDanishDate } from '../model/dates.js';
import { buildDecisionHeading, decisionName } from '../model/vocabulary.js';

/** Replaces or adds the header's `Profil:` line. */
function withProfileField(lines: string[], name: string): void {
  const firstItem = lines.findIndex((l) => /^## /.test(l));
  const end = firstItem < 0 ? lines.length : firstItem;
  const at = lines.slice(0, end).findIndex((l) => /^Profil\s*:/iu.test(l));
  if (at >= 0) {
    lines[at] = `Profil: ${name}`;
    return;
  }
  // After the last header field (a `Name: value` line), else right after the title.
  let last = -1;
  for (let k = 0; k < end; k++) if (/^[\p{L}][\p{L} ]{0,30}:\s/u.test(lines[k]!)) last = k;
  if (last < 0) last = Math.max(0, lines.findIndex((l) => /^# /.test(l)));
  lines.splice(last + 1, 0, `Profil: ${name}`);
}

/** Markup in the profile's house style. `config.profile` is the profile; `name` is written in `Profil:`. */
export function restyleMarkup(markup: string, config: ResolvedConfig, name: string): string {
  const profile: Profile = config.profile;
  const eol = /\r\n/.test(markup) ? '\r\n' : '\n';
  const lines = markup.split(/\r?\n/);
  withProfileField(lines, name);
  const text = lines.join('\n');
  const forced: ResolvedConfig = { ...config, profiles: { ...config.profiles, [name]: profile } };
  const { meeting } = analyze(text, forced);
  const date = meeting.date?.valid ? meeting.date : meeting.titleDate;
  const decision = buildDecisionHeading(profile, meeting.committee?.replace(/\s+(?:d\.|den)\s+.*$/u, '').trim(), date ?? undefined);
  // The house's form only where the grammar reads it as a decision.
  const decisionHeading = classifySection(decision, profile).kind === 'beslutning' ? decision : decisionName(profile);
  const out = text.split('\n');
  const drop = new Set<number>();
  for (const item of meeting.items) {
    // One section the import split in two: a second heading of the same kind right after the
    // first is merged into it; text the import put under a heading of its own before the item's
    // first real section of that kind stays as the item's opening text (as published).
    const level3 = item.sections.filter((s) => s.node.heading.level === 3);
    level3.forEach((s, i) => {
      if (s.kind === 'unknown' || s.kind === 'beslutning' || s.kind === 'earlier-decision') return;
      const again = level3.findIndex((o, j) => j > i && o.kind === s.kind);
      if (again < 0) return;
      if (again === i + 1) drop.add(level3[again]!.node.heading.range.start.line);
      else if (i === 0) drop.add(s.node.heading.range.start.line);
    });
    for (const s of item.sections) {
      if (s.node.heading.level !== 3) continue;
      const line = s.node.heading.range.start.line;
      const raw = out[line];
      if (raw === undefined || !/^###\s/.test(raw)) continue;
      if (s.kind === 'beslutning') {
        // Only this meeting's decision: a heading dated another day is an earlier committee's.
        const when = s.decisionBody && parseDanishDate(s.decisionBody.date);
        if (when && date && (when.year !== date.year || when.month !== date.month || when.day !== date.day)) continue;
        out[line] = `### ${decisionHeading}`;
        continue;
      }
      const def = profile.sections.find((d) => d.kind === s.kind);
      if (def && s.kind !== 'unknown') out[line] = `### ${def.name}`;
    }
  }
  return out
    .filter((_, k) => !drop.has(k))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\n/g, eol);
}
