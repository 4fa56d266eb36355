import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { configSchema } from '../../server/src/config/schema.js';
import { allRules } from '../../server/src/rules/index.js';

const path = join(__dirname, '..', '..', 'schemas', 'referatrc.schema.json');

export function generatedSchema(): string {
  const schema = z.toJSONSchema(configSchema, { target: 'draft-7', io: 'input' }) as { properties: Record<string, Record<string, unknown>> };
  // Rule ids as known properties, so editors complete them and show what each rule does.
  const rules = schema.properties.rules!;
  const setting = rules.additionalProperties;
  rules.properties = Object.fromEntries(
    allRules.map((r) => [r.meta.id, { description: `${r.meta.description.en} (default: ${r.meta.defaultSeverity})`, ...(setting as object) }]),
  );
  return JSON.stringify({ $id: 'referatrc.schema.json', title: '.referatrc.json', ...schema }, null, 2) + '\n';
}

it('schemas/referatrc.schema.json is generated from the zod schema (UPDATE_SCHEMA=1 rewrites it)', () => {
  const expected = generatedSchema();
  if (process.env.UPDATE_SCHEMA) {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, expected);
  }
  expect(readFileSync(path, 'utf8')).toBe(expected);
  const parsed = JSON.parse(expected);
  expect(parsed.properties.rules).toBeDefined();
  expect(parsed.properties.profile.description).toMatch(/randers/);
});
