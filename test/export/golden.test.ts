/**
 * Golden files for the text, HTML and JSON exports of the examples (examples/*.referat)
 * and of the exporter fixtures (test/fixtures/export/*.referat). Review changes in the diff;
 * regenerate with `UPDATE_GOLDEN=1 npm exec -- vitest run test/export/golden.test.ts`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportReferat } from '../../server/src/export/index.js';
import { portalExportSchema } from '../../server/src/export/portal-schema.js';
import { root } from './helpers.js';

const update = process.env.UPDATE_GOLDEN === '1';
const goldenDir = path.join(root, 'test/export/golden');

function sources(): { name: string; file: string }[] {
  const out: { name: string; file: string }[] = [];
  for (const [dir, prefix] of [
    ['examples', 'example-'],
    ['test/fixtures/export', 'fixture-'],
  ] as const) {
    const abs = path.join(root, dir);
    if (!existsSync(abs)) continue;
    for (const f of readdirSync(abs).filter((x) => x.endsWith('.referat')).sort()) {
      out.push({ name: prefix + f.replace(/\.referat$/, ''), file: path.join(abs, f) });
    }
  }
  return out;
}

describe('golden exports', () => {
  for (const { name, file } of sources()) {
    for (const format of ['text', 'html', 'json'] as const) {
      it(`${name} as ${format}`, async () => {
        const text = readFileSync(file, 'utf8');
        const result = await exportReferat(text, { format });
        const out = result.data as string;
        const golden = path.join(goldenDir, `${name}${result.extension}`);
        if (format === 'json') expect(portalExportSchema.safeParse(JSON.parse(out)).success).toBe(true);
        // In CI a missing golden file is a failure, not a new baseline.
        if (!update && !existsSync(golden) && process.env.CI) throw new Error(`golden file missing: ${path.relative(root, golden)} (run with UPDATE_GOLDEN=1 and commit it)`);
        if (update || !existsSync(golden)) {
          // A new example gets its golden file on first run; it shows up as a new file to review and commit.
          if (!update) console.warn(`golden file created: ${path.relative(root, golden)} (review and commit it)`);
          mkdirSync(goldenDir, { recursive: true });
          writeFileSync(golden, out);
        }
        expect(out).toBe(readFileSync(golden, 'utf8'));
      });
    }
  }
});
