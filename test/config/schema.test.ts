import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../server/src/rules/json-schema.js';
import { allRules } from '../../server/src/rules/index.js';

describe('JSON Schema of .referatrc.json', () => {
  const schema = configJsonSchema() as { properties: Record<string, { properties?: Record<string, { description: string }>; description?: string }>; additionalProperties: boolean };

  it('describes every key and every rule id, for completion in the editor', () => {
    expect(schema.properties.profile!.description).toMatch(/randers/);
    expect(Object.keys(schema.properties.rules!.properties!)).toEqual(allRules.map((r) => r.meta.id));
    expect(schema.properties.rules!.properties!['missing-decision']!.description).toMatch(/default: error/);
    expect(schema.additionalProperties).toBe(false);
  });

  it('the build writes it to schemas/referatrc.schema.json (the extension points there)', () => {
    const path = join(__dirname, '..', '..', 'schemas', 'referatrc.schema.json');
    expect(existsSync(path), 'run npm run build').toBe(true);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(JSON.parse(JSON.stringify(configJsonSchema())));
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(pkg.contributes.jsonValidation[0].url).toBe('./schemas/referatrc.schema.json');
  });
});
