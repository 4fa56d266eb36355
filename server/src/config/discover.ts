/**
 * Finding and reading `.referatrc.json`: the nearest one up the folder tree from a file.
 * Pure: the host passes a small file-system interface, so the CLI (node:fs) and the
 * language server (its workspace) find and read configuration the same way.
 */
import type { Lang } from '../i18n.js';
import { ConfigError, parseConfig, resolveConfig, type ResolvedConfig, type ResolveOverrides } from './resolve.js';
import type { Config } from './schema.js';

export const CONFIG_FILE_NAME = '.referatrc.json';

export interface ConfigFileSystem {
  /** The file's text, or undefined when there is no such file. Throws on other read errors. */
  readFile(path: string): string | undefined;
}

/** Line and column (1-based) of an offset, for JSON syntax errors. */
function lineCol(text: string, offset: number): string {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  return `${line}:${col}`;
}

/**
 * Parses and validates the text of a configuration file. Errors are {@link ConfigError}s
 * whose message starts with the file and names the JSON path and what is expected.
 */
export function parseConfigText(text: string, file: string): Config {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const msg = String(error);
    const pos = /position (\d+)/.exec(msg);
    const lc = /line (\d+) column (\d+)/.exec(msg);
    const where = lc ? `:${lc[1]}:${lc[2]}` : pos ? `:${lineCol(text, Number(pos[1]))}` : '';
    const detail = String((error as Error).message ?? error)
      .replace(/^Unexpected/, 'unexpected')
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/ in JSON at position \d+.*$/, '');
    throw new ConfigError(`${file}${where}: invalid JSON: ${detail}`);
  }
  try {
    return parseConfig(raw);
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(`${file}: ${error.message}`, error.path);
    throw error;
  }
}

function dirname(path: string): string {
  const p = path.replace(/[\\/]+$/, '');
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  if (i < 0) return '.';
  if (i === 0) return p[0]!;
  return p.slice(0, i);
}

function join(dir: string, name: string): string {
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + name : `${dir}/${name}`;
}

export interface FoundConfig {
  readonly config: ResolvedConfig;
  /** The configuration file used, if any. */
  readonly file?: string;
}

/**
 * Finds configuration for files, nearest-first, with a cache per folder. With an explicit
 * file (`--config`), that file applies to every input.
 */
export class ConfigFinder {
  private readonly byDir = new Map<string, { config?: Config; file?: string }>();
  private explicit?: { config: Config; file: string };

  constructor(
    private readonly fs: ConfigFileSystem,
    private readonly overrides: ResolveOverrides & { lang?: Lang } = {},
    explicitFile?: string,
  ) {
    if (explicitFile) {
      const text = fs.readFile(explicitFile);
      if (text === undefined) throw new ConfigError(`${explicitFile}: configuration file not found`);
      this.explicit = { config: parseConfigText(text, explicitFile), file: explicitFile };
    }
  }

  private lookup(dir: string): { config?: Config; file?: string } {
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    const file = join(dir, CONFIG_FILE_NAME);
    const text = this.fs.readFile(file);
    let found: { config?: Config; file?: string };
    if (text !== undefined) found = { config: parseConfigText(text, file), file };
    else {
      const parent = dirname(dir);
      found = parent === dir ? {} : this.lookup(parent);
    }
    this.byDir.set(dir, found);
    return found;
  }

  /** The resolved configuration for a file (throws ConfigError on a broken configuration file). */
  configFor(filePath: string): FoundConfig {
    const found = this.explicit ?? this.lookup(dirname(filePath));
    try {
      return { config: resolveConfig(found.config, this.overrides), file: found.file };
    } catch (error) {
      if (error instanceof ConfigError && found.file) throw new ConfigError(`${found.file}: ${error.message}`, error.path);
      throw error;
    }
  }
}
