/**
 * The configuration resolver of the language service: the nearest `.referatrc.json` up the
 * folder tree of a document (not above the workspace roots), parsed with the CLI's parser
 * and messages (config/discover.ts), with the editor's settings applied on top. The walk is
 * asynchronous because the workspace may be remote (the web worker reads through the
 * client). A broken configuration file is reported, and the defaults apply meanwhile.
 */
import { CONFIG_FILE_NAME, parseConfigText } from '../config/discover.js';
import { ConfigError, defaultConfig, resolveConfig, type ResolvedConfig } from '../config/resolve.js';
import type { Severity } from '../config/schema.js';
import type { Lang } from '../i18n.js';
import { dirOf } from './uri.js';

/** Editor settings; they override `.referatrc.json`. */
export interface Settings {
  readonly profile?: string;
  readonly rules?: Readonly<Record<string, Severity>>;
  readonly lang?: Lang | 'auto';
}

export interface ConfigLookup {
  readonly uri?: string;
  readonly config?: ResolvedConfig;
  readonly error?: string;
}

export class ConfigResolver {
  private readonly byDir = new Map<string, Promise<ConfigLookup>>();

  constructor(
    private readonly readFile: (uri: string) => Promise<string | undefined>,
    private readonly roots: readonly string[] | undefined,
    private settings: () => Settings,
    private readonly log: (message: string) => void,
  ) {}

  /** The language the settings name, if they name one. */
  settingsLang(): Lang | undefined {
    const lang = this.settings().lang;
    return lang && lang !== 'auto' ? lang : undefined;
  }

  /** Forgets what was read (a configuration file or the settings changed). */
  clear(): void {
    this.byDir.clear();
  }

  /** The configuration of the documents of a folder (its URI). */
  lookup(dir: string): Promise<ConfigLookup> {
    let p = this.byDir.get(dir);
    if (!p) {
      p = this.read(dir);
      this.byDir.set(dir, p);
    }
    return p;
  }

  private async read(dir: string): Promise<ConfigLookup> {
    const uri = `${dir}/${CONFIG_FILE_NAME}`;
    const text = await this.readFile(uri);
    if (text !== undefined) {
      try {
        return { uri, config: this.resolve(parseConfigText(text, uri)) };
      } catch (error) {
        const message = error instanceof ConfigError ? error.message : String(error);
        return { uri, config: this.resolve(undefined), error: message };
      }
    }
    const parent = dirOf(dir);
    if (parent === dir || !this.underRoot(parent) || !/\/[^/]/.test(parent.replace(/^[a-z-]+:\/\//, ''))) return { config: this.resolve(undefined) };
    return this.lookup(parent);
  }

  private underRoot(dir: string): boolean {
    if (!this.roots || this.roots.length === 0) return true;
    return this.roots.some((r) => dir === r.replace(/\/$/, '') || dir.startsWith(r.replace(/\/$/, '') + '/'));
  }

  /** The configuration with the settings on top; an unknown profile in the settings is logged and ignored. */
  private resolve(config: Parameters<typeof resolveConfig>[0]): ResolvedConfig {
    const s = this.settings();
    const overrides = { profile: s.profile || undefined, severities: s.rules, lang: this.settingsLang() };
    try {
      return resolveConfig(config, overrides);
    } catch (error) {
      this.log(`configuration: ${String(error)}`);
      try {
        return resolveConfig(config, { ...overrides, profile: undefined });
      } catch {
        return defaultConfig;
      }
    }
  }
}
