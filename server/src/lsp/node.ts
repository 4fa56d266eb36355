/**
 * The Node entry point of the language server: stdio (`--stdio`), IPC (`--node-ipc`)
 * or sockets, as vscode-languageserver/node detects from the command line. The
 * workspace is read from the file system. `referat lsp --stdio` calls {@link startServer}.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import type { PdfFonts } from '../service.js';
import { registerRender } from './render.js';
import { startLanguageServer, type ServerHost } from './server.js';

/** The DejaVu fonts shipped in the package's fonts/ folder (beside dist/). */
function loadFonts(): PdfFonts | undefined {
  if (typeof __dirname !== 'string') return undefined;
  // dist/ → the package root's fonts/; from the sources (tests) a few levels further up.
  let dir = join(__dirname, '..', 'fonts');
  for (let up = __dirname, i = 0; i < 5 && !existsSync(join(dir, 'DejaVuSans.ttf')); i++) {
    up = join(up, '..');
    dir = join(up, 'fonts');
  }
  const f = (name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name)) : undefined);
  const regular = f('DejaVuSans.ttf');
  const bold = f('DejaVuSans-Bold.ttf');
  if (!regular || !bold) return undefined;
  return { regular, bold, italic: f('DejaVuSans-Oblique.ttf'), icc: f('sRGB_IEC61966_2_1.icc') };
}
let fonts: PdfFonts | undefined | null = null;

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

export const nodeHost: ServerHost = {
  extend: (connection, documents, service) =>
    registerRender(connection, documents, service, () => {
      if (fonts === null) fonts = loadFonts();
      return fonts;
    }),
  readFile: readUri,
  listFiles: listReferatFiles,
};

/** Starts the server on the connection given, or on the one the command line names (`--stdio`, `--node-ipc`, `--socket=`). */
export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): Connection {
  startLanguageServer(connection, nodeHost);
  return connection;
}
