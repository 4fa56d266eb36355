/**
 * The JSON Schema of `.referatrc.json`, generated from the zod schema (never written by
 * hand). The build writes it to schemas/referatrc.schema.json for editors.
 */
import { z } from 'zod';
import { allRules } from '../rules/index.js';
import { configSchema } from './schema.js';

export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { target: 'draft-7', io: 'input' }) as { properties: Record<string, Record<string, unknown>> };
  // Rule ids as known properties, so editors complete them and show what each rule does.
  const rules = schema.properties.rules!;
  const setting = rules.additionalProperties as object;
  rules.properties = Object.fromEntries(
    allRules.map((r) => [r.meta.id, { description: `${r.meta.description.en} (default: ${r.meta.defaultSeverity})`, ...setting }]),
  );
  return { $id: 'referatrc.schema.json', title: '.referatrc.json', ...schema };
}
