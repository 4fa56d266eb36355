// `npm start`: the main job on the shipped examples — lint them, then export each to
// PDF and HTML in out/examples/. Findings are expected output (the originals have genuine
// inconsistencies, see examples/README.md); only a failure to run (exit 2) fails.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const cli = join('dist', 'cli.js');
const run = (args) => spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit' }).status ?? 2;

console.log('referat lint examples');
const lint = run(['lint', 'examples']);
if (lint >= 2) process.exit(lint);

const out = join('out', 'examples');
mkdirSync(out, { recursive: true });
const files = readdirSync('examples').filter((f) => f.endsWith('.referat')).map((f) => join('examples', f));
for (const format of ['pdf', 'html']) {
  console.log(`\nreferat export --format ${format} -o ${out}/ examples/*.referat`);
  const code = run(['export', '--format', format, '-o', `${out}/`, ...files]);
  if (code !== 0) process.exit(code);
}
console.log(`\nThe published referater are in ${out}/ (public edition: closed items reduced to their heading).`);
