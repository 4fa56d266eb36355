/** Where the end-to-end suite finds its tools: the machine's Node, code-server, Neovim. */
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export const root = join(__dirname, '..', '..');

/** The folder test/e2e/setup.sh installs code-server into. */
export function e2eHome(): string {
  return process.env.REFERAT_E2E_HOME ?? join(homedir(), '.cache', 'referat-e2e');
}

/** The first executable `name` on PATH outside any node_modules/.bin. */
export function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir || dir.includes(join('node_modules', '.bin'))) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * The machine's own Node (20 here): code-server 4.100.3 needs it, and the extension host
 * and `referat lsp` of a real user run on it. npm scripts put Node 22 first on PATH.
 */
export function systemNode(): string {
  const node = process.env.REFERAT_SYSTEM_NODE ?? onPath('node');
  if (!node) throw new Error('no system node on PATH');
  return node;
}

export function nodeVersion(node: string): string {
  return execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
}
