// Bundles the benchmark (TypeScript) with esbuild and runs it on the tooling's Node.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

mkdirSync('bench/work', { recursive: true });
await build({
  entryPoints: ['bench/bench.ts'],
  outfile: 'bench/work/bench.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  external: ['pdfkit', 'docx'],
});
const r = spawnSync(process.execPath, ['--expose-gc', 'bench/work/bench.cjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
