// Writes schemas/referatrc.schema.json and schemas/profile.schema.json (run by scripts/build.mjs).
import { mkdirSync, writeFileSync } from 'node:fs';
import { configJsonSchema, profileJsonSchema } from '../server/src/rules/json-schema.js';

mkdirSync('schemas', { recursive: true });
writeFileSync('schemas/referatrc.schema.json', JSON.stringify(configJsonSchema(), null, 2) + '\n');
writeFileSync('schemas/profile.schema.json', JSON.stringify(profileJsonSchema(), null, 2) + '\n');
