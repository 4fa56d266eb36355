/**
 * The configuration resolver of the language service: the nearest `.referatrc.json` up the
 * folder tree of a document (not above the workspace roots), found by the CLI's own walk
 * (`ConfigFinder`, config/discover.ts) over the workspace, with the editor's settings applied
 * on top. A broken configuration file is reported, and the defaults apply meanwhile.
 */
import { ConfigFinder } from '../config/discover.js';
import { ConfigError, defaultConfig, resolveConfig, type ResolvedConfig } from '../config/resolve.js';
import type { Severity } from '../config/schema.js';
import type { Lang } from '../i18n.js';

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
  private readonly finder: ConfigFinder;

  constructor(
    readFile: (uri: string) => Promise<string | undefined>,
    roots: readonly string[] | undefined,
    private settings: () => Settings,
    private readonly log: (message: string) => void,
  ) {
    this.finder = new ConfigFinder({ readFile }, {}, { roots });
  }

  /** The language the settings name, if they name one. */
  settingsLang(): Lang | undefined {
    const lang = this.settings().lang;
    return lang && lang !== 'auto' ? lang : undefined;
  }

  /** Forgets what was read (a configuration file or the settings changed). */
  clear(): void {
    this.byDir.clear();
    this.finder.clear();
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
    try {
      const found = await this.finder.find(dir);
      return { uri: found.file, config: this.resolve(found.config) };
    } catch (error) {
      const message = error instanceof ConfigError ? error.in(this.settingsLang() ?? 'en') : String(error);
      return { config: this.resolve(undefined), error: message };
    }
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
