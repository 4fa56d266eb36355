/**
 * The shipped bundles run on Node 20 (VS Code 1.100's extension host): run the built
 * CLI and language server with the machine's Node 20 when one is on the PATH.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

function findNode20(): string | undefined {
  const candidates = [process.env.REFERAT_SYSTEM_NODE, ...(process.env.PATH ?? '').split(delimiter).filter((d) => !d.includes('node_modules')).map((d) => join(d, 'node'))];
  for (const c of candidates) {
    if (!c || !existsSync(c)) continue;
    try {
      if (execFileSync(c, ['--version'], { encoding: 'utf8' }).startsWith('v20.')) return c;
    } catch {
      /* not runnable */
    }
  }
  return undefined;
}

const node20 = findNode20();

describe.skipIf(!node20)('bundles on Node 20', () => {
  it('dist/cli.js lints a file on Node 20 without crashing', () => {
    const r = spawnSync(node20!, [join(root, 'dist', 'cli.js'), 'lint', '--format', 'json', join(root, 'test', 'fixtures', 'rules', 'missing-decision')], { encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/groupBy|TypeError|ReferenceError/);
    expect([0, 1]).toContain(r.status);
    expect(Array.isArray(JSON.parse(r.stdout))).toBe(true);
  });
});

it.runIf(!node20)('Node 20 bundle check skipped: no Node 20 on the PATH', () => {
  console.log('skipped: no Node 20 found (set REFERAT_SYSTEM_NODE)');
});
