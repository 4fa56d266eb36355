/**
 * `dist/cli.js`: the `referat` command's launcher. It turns on Node's on-disk compile cache
 * (Node 22.1 and later; V8 then reuses the compiled code of the big bundle on the next run
 * instead of compiling it again) before loading the bundle, `dist/cli-main.js`. The cache
 * lives where Node puts it: NODE_COMPILE_CACHE (Node itself then turns it on at start), else
 * `node-compile-cache` in the system temporary folder; NODE_DISABLE_COMPILE_CACHE=1 turns it
 * off. A cache that cannot be written only means no cache, never a failed run. Node 20 has
 * no such cache and simply loads the bundle.
 */
import { mkdirSync } from 'node:fs';
import nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

function enableCompileCache(): void {
  const withCache = nodeModule as typeof nodeModule & { enableCompileCache?: (dir?: string) => unknown };
  if (typeof withCache.enableCompileCache !== 'function' || process.env.NODE_COMPILE_CACHE) return;
  try {
    const dir = path.join(tmpdir(), 'node-compile-cache');
    // Made here, one level only: Node's own recursive mkdir never returns on some file
    // systems (a TMPDIR under /proc), and a folder we cannot make means no cache.
    try {
      mkdirSync(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return;
    }
    withCache.enableCompileCache(dir);
  } catch {
    /* no cache: the run goes on */
  }
}

enableCompileCache();
// eslint-disable-next-line @typescript-eslint/no-require-imports
(require('./cli-main.js') as { run(): void }).run();
