/**
 * `dist/cli.js`: the `referat` command's launcher. It turns on Node's on-disk compile cache
 * (Node 22.1 and later; V8 then reuses the compiled code of the big bundle on the next run
 * instead of compiling it again) before loading the bundle, `dist/cli-main.js`. The cache
 * lives where Node puts it by default (NODE_COMPILE_CACHE, else the system temporary
 * folder) and honours NODE_DISABLE_COMPILE_CACHE; a cache that cannot be written (read-only
 * file system, no temporary folder) only means no cache, never a failed run. Node 20 has no
 * such cache and simply loads the bundle.
 */
import nodeModule from 'node:module';

const withCache = nodeModule as typeof nodeModule & { enableCompileCache?: () => unknown };
if (typeof withCache.enableCompileCache === 'function') {
  try {
    withCache.enableCompileCache();
  } catch {
    /* no cache: the run goes on */
  }
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
(require('./cli-main.js') as { run(): void }).run();
