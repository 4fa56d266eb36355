/**
 * Every shipped kommune profile against its kommune's real published minutes
 * (`../shared/corpus/`, read from there, never copied here): each document, imported with the
 * current importer under the profile, lints with no error and no house-style warning. The
 * corpus files are openings of the published pages (about 2,000 bytes), so a cut-off last
 * item may lack its decision (and a cut-off last section may be empty).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinProfiles } from '../../server/src/config/profiles.js';
import { resolveConfig } from '../../server/src/config/resolve.js';
import { lint } from '../../server/src/engine.js';
import { importText } from '../../server/src/import/index.js';
import { needsShared, sharedPath } from '../helpers/shared.js';

/**
 * Documents the current importer cannot read well enough, and why (the profile is shipped all
 * the same; the house-style warnings are still checked, the errors are not). None today: the
 * Næstved flipbooks, Køge klima's numbered list and Kalundborg's one-item page were the last.
 */
const IMPORTER_LIMITS: Readonly<Record<string, string>> = {};

const HOUSE_STYLE = new Set(['section-order', 'unknown-field', 'case-number', 'empty-section', 'duplicate-section']);
const corpus = sharedPath('corpus');
const files = corpus ? readdirSync(corpus).filter((f) => f.endsWith('.txt')) : [];
/** A profile's corpus documents: the files named after it (`viborg-byraadet-2021-09-01.txt`). */
const documentsOf = (name: string) => files.filter((f) => f.startsWith(`${name}-`));
const kommuneProfiles = Object.keys(builtinProfiles).filter((name) => documentsOf(name).length > 0);

describe(needsShared('shipped profiles lint their kommune\'s published minutes clean', 'corpus'), () => {
  it('at least 12 kommuner have a shipped profile with corpus documents', () => {
    if (!corpus) return;
    expect(kommuneProfiles.length).toBeGreaterThanOrEqual(12);
  });

  const cases = kommuneProfiles.flatMap((name) => documentsOf(name).map((file) => [name, file, IMPORTER_LIMITS[file] ? ` (errors not checked: ${IMPORTER_LIMITS[file]})` : ''] as const));
  it.each(cases)('%s: %s%s', (name, file) => {
    const text = readFileSync(join(corpus!, file), 'utf8');
    const imported = importText(text, { profile: name });
    expect(imported.items, `${file}: items imported`).toBeGreaterThan(0);
    const { findings, config, meeting } = lint(imported.markup, { config: resolveConfig(undefined, { profile: name }) });
    expect(config.profile.name).toBe(name);
    const last = meeting.items[meeting.items.length - 1];
    const cutOff = (f: (typeof findings)[number]) =>
      last !== undefined &&
      f.range.start.line >= last.node.range.start.line &&
      (f.ruleId === 'missing-decision' || f.ruleId === 'empty-section' || f.ruleId === 'decision-points');
    const limited = IMPORTER_LIMITS[file] !== undefined;
    const bad = findings.filter((f) => !cutOff(f) && (HOUSE_STYLE.has(f.ruleId) || (!limited && f.severity === 'error')));
    const shown = bad.map((f) => `${f.range.start.line + 1}: ${f.ruleId} (${f.severity}): ${f.message.en}`).join('\n');
    expect(bad, `${file} under ${name}:\n${shown}\n--- imported ---\n${imported.markup}`).toEqual([]);
  });
});
