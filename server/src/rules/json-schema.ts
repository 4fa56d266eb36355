/**
 * The JSON Schemas of `.referatrc.json` and of a profile file (`profiles/*.json`), generated
 * from the zod schemas (never written by hand). The build writes them to
 * schemas/referatrc.schema.json and schemas/profile.schema.json for editors.
 */
import { z } from 'zod';
import { allRules } from './index.js';
import { builtinProfiles } from '../config/profiles.js';
import { configSchema, profilePatchSchema } from '../config/schema.js';

export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { target: 'draft-7', io: 'input' }) as { properties: Record<string, Record<string, unknown>> };
  // Rule ids as known properties, so editors complete them and show what each rule does.
  const rules = schema.properties.rules!;
  const setting = rules.additionalProperties as object;
  rules.properties = Object.fromEntries(
    allRules.map((r) => [r.meta.id, { description: `${r.meta.description.en} (default: ${r.meta.defaultSeverity})`, ...setting }]),
  );
  // The shipped profiles' names, for completion of "profile" (any name defined under "profiles" is valid too).
  schema.properties.profile!.examples = Object.keys(builtinProfiles);
  return { $id: 'referatrc.schema.json', title: '.referatrc.json', ...schema };
}

/** A house-style profile file: a profile, complete or starting from another with `extends`. */
export function profileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(profilePatchSchema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  return {
    $id: 'profile.schema.json',
    title: 'Referat house-style profile',
    description: 'A kommune\'s house style: item and decision headings, sections, case numbers, numbering, attendance, header labels. See docs/configuration.md.',
    ...schema,
  };
}
