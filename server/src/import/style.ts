/**
 * Imported markup in a profile's house style, where the markup allows it (`referat import
 * --profile NAME|auto`, `--config FILE`): the header's `Profil:` names the profile; section
 * headings take the profile's names (an alias becomes the name the house writes); this
 * meeting's decision heading takes the profile's form (`Beslutning i Byrådet den 01-09-2021`)
 * where the grammar reads that form as a decision, else the plain `Beslutning`; a section the
 * import split in two (a second heading of the same kind right after the first, or the import's
 * own heading over an item's opening text before the real one) is one again; item headings take
 * the profile's form (`## 12. Titel`) where the grammar reads them back as the same items, else
 * they stay `## Punkt {n}: {title}`. Pure.
 */
import type { ResolvedConfig } from '../config/resolve.js';
import type { Profile } from '../config/schema.js';
import { analyze } from '../engine.js';
import { classifySection } from '../model/build.js';
import type { SectionModel } from '../model/types.js';
import { buildDecisionHeading, buildItemHeading, CASE_COMPANION_FIELDS, decisionName, parseDecisionHeading, saysMore } from '../model/vocabulary.js';

/**
 * Writes the header's `Profil:` line as its first field, right under the title (a field after
 * the header's free text would be text): any other `Profil:` line of the header goes.
 */
function withProfileField(lines: string[], name: string): void {
  const firstItem = lines.findIndex((l) => /^## /.test(l));
  const end = firstItem < 0 ? lines.length : firstItem;
  for (let k = end - 1; k >= 0; k--) if (/^Profil\s*:/iu.test(lines[k]!)) lines.splice(k, 1);
  const title = lines.findIndex((l) => /^# /.test(l));
  let at = title + 1;
  while (at < lines.length && !lines[at]!.trim()) at++;
  lines.splice(at, 0, `Profil: ${name}`);
  if (title >= 0 && at === title + 1) lines.splice(at, 0, '');
}

/**
 * Headings of one item that are one section the import split in two, by position: a second
 * heading of a kind right after the first (merged into it), or the item's first heading where
 * its kind comes again later (the import's own heading over the item's opening text). Decisions
 * and unknown headings are never merged. Shared with the inference, which reads the same order.
 */
export function splitHeadings(kinds: readonly string[]): Set<number> {
  const drop = new Set<number>();
  kinds.forEach((kind, i) => {
    if (kind === 'unknown' || kind === 'beslutning' || kind === 'earlier-decision') return;
    const again = kinds.findIndex((k, j) => j > i && k === kind);
    if (again < 0) return;
    if (again === i + 1) drop.add(again);
    else if (i === 0) drop.add(i);
  });
  return drop;
}

const FIELD_LIKE = /^([\p{L}][\p{L}\p{N} .\-]{0,40}:)(\s.*)?$/u;

/**
 * A section's text as the item's opening text: its leading `Name: value` lines (`J.nr.: …`,
 * `Sagsbehandler: …`) get a bold label, which the grammar reads as text rather than an item
 * field (as the importer writes an item's opening).
 */
function openingLines(out: string[], section: SectionModel): void {
  for (let k = section.node.heading.range.start.line + 1; k <= section.node.range.end.line && k < out.length; k++) {
    const t = out[k]!;
    if (!t.trim()) continue;
    const m = FIELD_LIKE.exec(t.trim());
    if (!m) break;
    out[k] = `**${m[1]}**${m[2] ?? ''}`;
  }
}

/**
 * Whether a section holds nothing but case-number companions (`Sagsbehandler: …`,
 * `Sagsinitialer: …`): the import's own heading over what are the item's fields.
 */
export function companionsOnly(section: SectionModel, source: string): boolean {
  const body = source.slice(section.node.heading.range.end.offset, section.node.range.end.offset);
  const lines = body.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const companion = new RegExp(`^(?:${CASE_COMPANION_FIELDS.join('|')})\\.?\\s*:`, 'iu');
  return lines.length > 0 && lines.every((l) => companion.test(l));
}

const sameDay = (a: { year: number; month: number; day: number }, b: { year: number; month: number; day: number }) => a.year === b.year && a.month === b.month && a.day === b.day;

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
  const meetingCommittee = meeting.committee?.replace(/\s+(?:d\.|den)\s+.*$/u, '').trim();
  const out = text.split('\n');
  const drop = new Set<number>();
  for (const item of meeting.items) {
    const level3 = item.sections.filter((s) => s.node.heading.level === 3);
    if (level3[0] && level3[0].kind !== 'beslutning' && companionsOnly(level3[0], text)) drop.add(level3[0].node.heading.range.start.line);
    for (const i of splitHeadings(level3.map((s) => s.kind))) {
      drop.add(level3[i]!.node.heading.range.start.line);
      if (i === 0) openingLines(out, level3[0]!);
    }
    for (const s of level3) {
      const line = s.node.heading.range.start.line;
      const raw = out[line];
      if (raw === undefined || !/^###\s/.test(raw)) continue;
      if (s.kind === 'beslutning') {
        // The published heading: this one, or the bold line the import kept under a plain "Beslutning".
        let boldAt = line + 1;
        while (boldAt < out.length && !out[boldAt]!.trim()) boldAt++;
        const bold = /^\*\*(.+)\*\*$/.exec(out[boldAt]?.trim() ?? '')?.[1];
        const boldParts = bold ? parseDecisionHeading(bold, profile) : undefined;
        const parts = (s.decisionBody ? parseDecisionHeading(s.node.title, profile) : undefined) ?? (boldParts?.parsedDate ? boldParts : undefined);
        // Only this meeting's decision: a heading dated another day is an earlier committee's.
        if (parts?.parsedDate && date && !sameDay(parts.parsedDate, date)) continue;
        // A house form without the committee or the date the heading names would drop words: it stays as written.
        const template = profile.decisionHeading;
        if (s.decisionBody && ((parts?.committee && !template.includes('{committee}')) || (parts?.parsedDate && !template.includes('{date}')))) continue;
        const heading = buildDecisionHeading(profile, parts?.committee ?? meetingCommittee, parts?.parsedDate ?? date ?? undefined);
        // Where the published heading says more than the house's form (`…, 03-04-2019, pkt. 42`),
        // it is the heading as written (where the grammar reads it as a decision).
        if (saysMore(bold ?? s.node.title, heading)) {
          if (bold && boldParts?.parsedDate && classifySection(bold, profile).kind === 'beslutning') ((out[line] = `### ${bold}`), drop.add(boldAt));
          continue;
        }
        // The house's form only where the grammar reads it as a decision.
        const readable = classifySection(heading, profile).kind === 'beslutning';
        out[line] = `### ${readable ? heading : decisionName(profile)}`;
        if (readable && heading !== decisionName(profile) && boldParts?.parsedDate) drop.add(boldAt);
        continue;
      }
      const def = profile.sections.find((d) => d.kind === s.kind);
      if (def && s.kind !== 'unknown') out[line] = `### ${def.name}`;
    }
  }
  const styled = out
    .filter((_, k) => !drop.has(k))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
  return withItemHeadings(styled, forced).replace(/\n/g, eol);
}

/**
 * Item headings in the profile's form (`## 12. Titel`, `## Punkt 12 Titel`) where the grammar
 * reads every one of them back as the same item; else the markup's `## Punkt 12: Titel` stays.
 */
function withItemHeadings(text: string, config: ResolvedConfig): string {
  const profile = config.profile;
  if (profile.itemHeading === 'Punkt {n}: {title}') return text;
  const before = analyze(text, config).meeting.items;
  const out = text.split('\n');
  for (const item of before) {
    const line = item.node.heading.range.start.line;
    if (!/^## /.test(out[line] ?? '')) return text;
    out[line] = `## ${buildItemHeading(profile, item.number, item.title, item.closed)}`;
  }
  const candidate = out.join('\n');
  const after = analyze(candidate, config).meeting.items;
  const same = after.length === before.length && after.every((it, k) => it.number === before[k]!.number && it.title === before[k]!.title && it.closed === before[k]!.closed);
  return same ? candidate : text;
}
