/**
 * Finding and reading `.referatrc.json`: the nearest one up the folder tree from a file.
 * Pure: the host passes one small asynchronous file-system interface, so the CLI (node:fs)
 * and the language server (its workspace, which may be remote in the web worker) find and
 * read configuration with the same walk, the same parser and the same messages.
 */
import { renderBoth, type Lang } from '../i18n.js';
import { CONFIG_MESSAGES, prefixed } from './messages.js';
import { readProfileFile, withProfileFiles } from './profile-files.js';
import { ConfigError, parseConfig, resolveConfig, type ResolvedConfig, type ResolveOverrides } from './resolve.js';
import type { Config } from './schema.js';

export const CONFIG_FILE_NAME = '.referatrc.json';

export interface ConfigFileSystem {
  /** The file's text, or undefined when there is no such file. Rejects on other read errors. */
  readFile(path: string): Promise<string | undefined>;
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
    throw new ConfigError(prefixed(`${file}${where}`, renderBoth(CONFIG_MESSAGES.invalidJson, { detail })));
  }
  try {
    return parseConfig(raw);
  } catch (error) {
    if (error instanceof ConfigError) throw error.at(file);
    throw error;
  }
}

/** The folder of a path or URI (`/a/b` → `/a`, `file:///a/b` → `file:///a`, `file:///a` → `file:///`). */
function dirname(path: string): string {
  const uriRoot = /^[a-z][a-z0-9+.-]*:\/*$/i;
  if (uriRoot.test(path)) return path;
  const p = path.replace(/[\\/]+$/, '');
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  if (i < 0) return '.';
  if (i === 0) return p[0]!;
  const parent = p.slice(0, i);
  // A URI's scheme and authority (`file://`) are no folder: its root is `file:///`.
  return uriRoot.test(parent) ? p.slice(0, i + 1) : parent;
}

function join(dir: string, name: string): string {
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + name : `${dir}/${name}`;
}

export interface FoundConfig {
  readonly config: ResolvedConfig;
  /** The configuration file used, if any. */
  readonly file?: string;
}

/** A configuration file as found: parsed, not yet resolved. */
export interface FoundFile {
  readonly config?: Config;
  readonly file?: string;
}

export interface ConfigFinderOptions {
  /** An explicit file (`--config`): it applies to every input. */
  readonly explicitFile?: string;
  /**
   * A profile file the host names (`--profile ./x.json`), resolved to a path or URI: its
   * profile is the one used, on top of whatever configuration applies.
   */
  readonly profileFile?: string;
  /** Folders (paths or URIs) the walk does not go above: the workspace roots. */
  readonly roots?: readonly string[];
}

/**
 * Finds configuration for files, nearest-first, with a cache per folder. The CLI and the
 * language service both use it.
 */
export class ConfigFinder {
  private readonly byDir = new Map<string, Promise<FoundFile>>();
  private explicit?: Promise<FoundFile>;
  private profileFile?: Promise<{ name: string; patches: Readonly<Record<string, unknown>> }>;

  constructor(
    private readonly fs: ConfigFileSystem,
    private readonly overrides: ResolveOverrides & { lang?: Lang } = {},
    private readonly options: ConfigFinderOptions = {},
  ) {}

  /** Forgets what was read (a configuration file changed). */
  clear(): void {
    this.byDir.clear();
    this.explicit = undefined;
    this.profileFile = undefined;
  }

  /** The configuration file that applies to the files of a folder, parsed (rejects with a ConfigError on a broken one). */
  find(dir: string): Promise<FoundFile> {
    if (this.options.explicitFile) return (this.explicit ??= this.readExplicit(this.options.explicitFile));
    let p = this.byDir.get(dir);
    if (!p) {
      p = this.lookup(dir);
      this.byDir.set(dir, p);
    }
    return p;
  }

  /** The resolved configuration for a file (rejects with a ConfigError on a broken configuration file). */
  async configFor(filePath: string): Promise<FoundConfig> {
    const found = await this.find(dirname(filePath));
    let config = found.config;
    let overrides = this.overrides;
    if (this.options.profileFile) {
      const own = await (this.profileFile ??= readProfileFile(this.options.profileFile, (p) => this.fs.readFile(p)));
      config = { ...(config ?? {}), profiles: { ...own.patches, ...(config?.profiles ?? {}) } as Config['profiles'] };
      overrides = { ...overrides, profile: own.name };
    }
    try {
      return { config: resolveConfig(config, overrides), file: found.file };
    } catch (error) {
      if (error instanceof ConfigError && found.file) throw error.at(found.file);
      throw error;
    }
  }

  private async readExplicit(file: string): Promise<FoundFile> {
    const text = await this.fs.readFile(file);
    if (text === undefined) throw new ConfigError(prefixed(file, CONFIG_MESSAGES.configNotFound));
    return this.parsed(text, file);
  }

  /** A configuration file's text, parsed, with the profile files it names read in. */
  private async parsed(text: string, file: string): Promise<FoundFile> {
    return { config: await withProfileFiles(parseConfigText(text, file), file, (p) => this.fs.readFile(p)), file };
  }

  private async lookup(dir: string): Promise<FoundFile> {
    const file = join(dir, CONFIG_FILE_NAME);
    const text = await this.fs.readFile(file);
    if (text !== undefined) return this.parsed(text, file);
    const parent = dirname(dir);
    if (parent === dir || !this.underRoot(parent)) return {};
    return this.find(parent);
  }

  private underRoot(dir: string): boolean {
    const roots = this.options.roots;
    if (!roots || roots.length === 0) return true;
    return roots.some((r) => {
      const root = r.replace(/\/$/, '');
      return dir === root || dir.startsWith(`${root}/`);
    });
  }
}
