import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { grammarReference } from '../../server/src/syntax/ebnf.js';

const path = join(__dirname, '..', '..', 'docs', 'grammar.md');

it('docs/grammar.md is generated from the parsers (UPDATE_DOCS=1 rewrites it)', () => {
  const expected = grammarReference();
  if (process.env.UPDATE_DOCS) writeFileSync(path, expected);
  expect(readFileSync(path, 'utf8')).toBe(expected);
  expect(expected).toContain('item');
  expect(expected).toContain('"forfald"');
});
