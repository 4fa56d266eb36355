/**
 * The short soak in the test suite: `scripts/soak.mjs --edits 5000` against the bundled
 * server (`npm run soak` runs 100,000), with the script's own bounds: the live heap after
 * warm-up may grow by 5 MB at most (a leak of one text or analysis per version would add
 * hundreds), resident memory stays under 400 MB, and the final diagnostics are those of a
 * fresh open of the final text.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

interface SoakResult {
  edits: number;
  heapGrowthMB: number;
  rssGrowthMB: number;
  peakMB: number;
  textRestored: boolean;
  finalDiagnosticsMatchFreshOpen: boolean;
  finalDiagnostics: number;
  rows: { edits: number; rssMB: number; heapMB: number }[];
}

describe('soak', () => {
  it.runIf(existsSync(join(root, 'dist', 'server.js')) && existsSync('/proc/self/status'))(
    '5,000 edits: memory levels off, the final diagnostics are a fresh open’s',
    { timeout: 120_000 },
    async () => {
      const child = spawn(process.execPath, [join(root, 'scripts', 'soak.mjs'), '--edits', '5000', '--every', '250', '--json'], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (b: Buffer) => (out += b));
      child.stderr.on('data', (b: Buffer) => (err += b));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(err).toBe('');
      const r = JSON.parse(out) as SoakResult;
      console.log(
        `soak ${r.edits} edits: live heap MB ${r.rows.map((x) => x.heapMB).join(' ')}; RSS MB ${r.rows.map((x) => x.rssMB).join(' ')}; ` +
          `heap growth after warm-up ${r.heapGrowthMB} MB, RSS ${r.rssGrowthMB} MB, peak ${r.peakMB} MB`,
      );
      // 5,000 edits, and the rest of the sentence in hand.
      expect(r.edits).toBeGreaterThanOrEqual(5000);
      expect(r.edits).toBeLessThan(5120);
      expect(r.rows.length).toBe(21);
      expect(r.textRestored).toBe(true);
      expect(r.finalDiagnostics).toBeGreaterThan(0);
      expect(r.finalDiagnosticsMatchFreshOpen).toBe(true);
      expect(r.heapGrowthMB).toBeLessThanOrEqual(5);
      expect(r.peakMB).toBeLessThanOrEqual(400);
      expect(code).toBe(0);
    },
  );
});
