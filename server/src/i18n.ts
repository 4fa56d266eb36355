/**
 * User-facing language. Every text a user reads exists in Danish and English; the
 * host picks one (VS Code's display language in the editor, `--lang` or the locale in the CLI).
 */
export type Lang = 'da' | 'en';

/** A user-facing text in both languages. Placeholders are written `{name}`. */
export interface Localized {
  readonly da: string;
  readonly en: string;
}

/**
 * Fills `{name}` placeholders from `data`; `{name:one|many}` writes the number with the
 * singular or plural noun ("1 point", "2 points"). Unknown placeholders are left as written.
 */
export function format(template: string, data?: Readonly<Record<string, string | number>>): string {
  if (!data) return template;
  return template.replace(/\{(\w+)(?::([^|{}]*)\|([^|{}]*))?\}/g, (whole, key: string, one?: string, many?: string) => {
    if (!Object.prototype.hasOwnProperty.call(data, key)) return whole;
    const value = data[key]!;
    return one === undefined ? String(value) : `${value} ${Number(value) === 1 ? one : many}`;
  });
}

/** A text in one language, with its placeholders filled. */
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
