/**
 * User-facing language. Every text a user reads exists in Danish and English; the
 * host picks one (VS Code's display language in the editor, `--lang` or the locale in the CLI).
 */
import type { Localized } from './rules/types.js';

export type Lang = 'da' | 'en';

/** Fills `{name}` placeholders from `data`; unknown placeholders are left as written. */
export function format(template: string, data?: Readonly<Record<string, string | number>>): string {
  if (!data) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(data, key) ? String(data[key]) : whole,
  );
}

export function localize(text: Localized, lang: Lang, data?: Readonly<Record<string, string | number>>): string {
  return format(text[lang], data);
}

/** Both languages rendered, for places that keep the choice for later. */
export function renderBoth(text: Localized, data?: Readonly<Record<string, string | number>>): Localized {
  return { da: format(text.da, data), en: format(text.en, data) };
}

/** Picks da or en from a locale string such as `da-DK`, `da_DK.UTF-8`, `en-US`; English otherwise. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale && /^da\b|^da[-_]/i.test(locale) ? 'da' : 'en';
}
