/**
 * The attendance notes of real published minutes (`../shared/corpus/`, read at test time, never
 * copied here), imported: every line that reads as an attendance note, where notes stand
 * (the header, the first item, each decision), is recognised by the grammar into the model
 * (spec §6.1). There is no rule for unrecognised notes, so the test counts through the model:
 * a note-like line no recognised sentence or attendance field covers is a failure.
 *
 * "Note-like" is decided here with plain patterns, independently of the grammar: a label
 * (`Fraværende:`, `Afbud:`, `Ikke til stede`, `Stedfortrædere:`) before a name or alone, a name
 * before an attendance predicate (`var fraværende`, `deltog ikke`, `forlod mødet`, `… inhabil`,
 * `er indkaldt som …`), or `Afbud fra` / `I stedet deltog` / `Som suppleant deltog` before a name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/engine.js';
import { importText } from '../../server/src/import/index.js';
import type { Range } from '../../server/src/syntax/ast.js';
import { needsShared, sharedPath } from '../helpers/shared.js';

const corpus = sharedPath('corpus');
const files = corpus ? readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort() : [];

const LABEL = /(?:^|[\s–:-])(?:Fraværende|Afbud|Ikke til stede|Stedfortrædere?|Suppleanter?)(?: med afbud)?\s*(?:[:–]\s*\p{Lu}|\s+\p{Lu}|[:–]?\s*$)/u;
const NAME = String.raw`\p{Lu}[\p{L}'-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}'-]+))+(?:\s*\([^)]{0,20}\))?,?`;
const PREDICATE = String.raw`(?:var fraværende|var ikke til stede|deltog ikke|forlod mødet|havde forfald|(?:havde |har )?meldt(?:e)? afbud|(?:er|var|blev) (?:erklæret )?inhabil|erklærede sig inhabil|oplyste, at \p{Ll}+ var inhabil|(?:er|var|blev) indkaldt som|mødte som|deltog som)`;
const STATEMENT = new RegExp(`${NAME}\\s+${PREDICATE}`, 'u');
const LEAD = /(?:[Aa]fbud fra|I stedet (?:deltog|mødte)|Som (?:stedfortrædere?|suppleant(?:er)?) (?:deltog|mødte|er indkaldt|var indkaldt))\s+\p{Lu}/u;
const ATTENDANCE_TITLE = /fravær|afbud|deltager|til ?stede|stedfortræd|suppleant|forfald/iu;

function noteLike(line: string): boolean {
  return LABEL.test(line) || STATEMENT.test(line) || LEAD.test(line);
}

interface Checked {
  file: string;
  notes: number;
  missed: string[];
}

function check(file: string): Checked {
  const markup = importText(readFileSync(join(corpus!, file), 'utf8')).markup;
  const { meeting: m, parse } = analyze(markup);
  // Where notes stand: the header, the first item (all of it when it is about attendance, else
  // its fields, preamble and decision), and every decision.
  const places: [number, number][] = [];
  const first = m.items[0];
  places.push([0, first ? first.node.range.start.offset : markup.length]);
  m.items.forEach((it, i) => {
    if (i === 0 && ATTENDANCE_TITLE.test(it.title)) {
      places.push([it.node.range.start.offset, it.node.range.end.offset]);
      return;
    }
    if (i === 0) places.push([it.node.heading.range.end.offset, it.sections[0]?.node.range.start.offset ?? it.node.range.end.offset]);
    for (const s of it.sections) if (s.kind === 'beslutning') places.push([s.node.range.start.offset, s.node.range.end.offset]);
  });
  // What the model recognised: sentences, and the attendance fields.
  const covered: Range[] = [];
  for (const a of [m.attendance.header, ...m.items.map((it) => it.attendance)]) {
    for (const s of a.sentences) covered.push(s.range);
    if (a.absentField) covered.push(a.absentField.field.range);
  }
  for (const f of m.fields) if (/^(afbud|fraværende|fraværende med afbud|ikke til stede|stedfortrædere?|suppleanter?)$/iu.test(f.name.text.trim())) covered.push(f.range);
  let notes = 0;
  const missed: string[] = [];
  for (let line = 0; line < parse.lines.lineCount; line++) {
    const start = parse.lines.lineStart(line);
    const end = line + 1 < parse.lines.lineCount ? parse.lines.lineStart(line + 1) : markup.length;
    const text = markup.slice(start, end).replace(/\s+$/, '');
    if (!text || /^#/.test(text) || !places.some(([s, e]) => start >= s && start < e)) continue;
    if (!noteLike(text)) continue;
    notes++;
    if (!covered.some((r) => r.start.offset < end && r.end.offset > start)) missed.push(`${line + 1}: ${text.slice(0, 160)}`);
  }
  return { file, notes, missed };
}

describe(needsShared('attendance notes of the published minutes are recognised', 'corpus'), () => {
  it.skipIf(!corpus)('every note-like line in the header, the first item and the decisions is read into the model', () => {
    const results = files.map(check);
    const missed = results.flatMap((r) => r.missed.map((m) => `${r.file}:${m}`));
    expect(missed).toEqual([]);
    // The check is not empty: the corpus has notes in many of its documents.
    expect(results.reduce((n, r) => n + r.notes, 0)).toBeGreaterThanOrEqual(30);
    expect(results.filter((r) => r.notes > 0).length).toBeGreaterThanOrEqual(15);
  });

  it.skipIf(!corpus)('the forms the corpus uses arrive in the model as absence, apologies, substitutes, ranges, inhabil and leaving', () => {
    const seen = new Set<string>();
    for (const f of files) {
      const { meeting: m } = analyze(importText(readFileSync(join(corpus!, f), 'utf8')).markup);
      const a = m.attendance;
      if (a.absentFromMeeting.some((x) => x.apologies)) seen.add('apologies');
      if (a.absentFromMeeting.some((x) => !x.apologies)) seen.add('absent');
      if (a.substitutions.length) seen.add('substitute');
      if (a.absentFromItems.length) seen.add('range');
      if (a.inhabilForItems.length || a.header.inhabilSubjects.length) seen.add('inhabil');
      if ([a.header, ...m.items.map((it) => it.attendance)].some((x) => x.left.length)) seen.add('left');
    }
    expect([...seen].sort()).toEqual(['absent', 'apologies', 'inhabil', 'left', 'range', 'substitute']);
  });
});
