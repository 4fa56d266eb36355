/**
 * The Node entry point of the language server: stdio (`--stdio`), IPC (`--node-ipc`)
 * or sockets, as vscode-languageserver/node detects from the command line. The
 * workspace is read from the file system. `referat lsp --stdio` calls {@link startServer}.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { startLanguageServer, type ServerHost } from './server.js';

const SKIP = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);
const MAX_FILES = 20_000;

async function readUri(uri: string): Promise<string | undefined> {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return await readFile(fileURLToPath(uri), 'utf8');
  } catch {
    return undefined;
  }
}

async function listReferatFiles(roots: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (out.length >= MAX_FILES || depth > 20) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIP.has(e.name) && !e.name.startsWith('.')) await walk(join(dir, e.name), depth + 1);
      } else if (e.isFile() && e.name.toLowerCase().endsWith('.referat')) {
        out.push(pathToFileURL(join(dir, e.name)).toString());
      }
    }
  };
  for (const r of roots) if (r.startsWith('file:')) await walk(fileURLToPath(r), 0);
  return out;
}

/** The rule docs shipped next to the bundle (`dist/../docs/rules/<id>.md`). */
function ruleDocUri(id: string): string | undefined {
  try {
    if (typeof __dirname !== 'string') return undefined;
    return pathToFileURL(join(__dirname, '..', 'docs', 'rules', `${id}.md`)).toString();
  } catch {
    return undefined;
  }
}

export const nodeHost: ServerHost = {
  readFile: readUri,
  listFiles: listReferatFiles,
  ruleDocUri: (id, opts) => (opts.ruleDocsBase ? `${opts.ruleDocsBase.replace(/\/$/, '')}/${id}.md` : ruleDocUri(id)),
};

/** Starts the server on the connection given, or on the one the command line names (`--stdio`, `--node-ipc`, `--socket=`). */
export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): Connection {
  startLanguageServer(connection, nodeHost);
  return connection;
}
