/**
 * The messages of configuration and profile errors, in Danish and English (the CLI prints the
 * one of `--lang` or the locale, the editor the one of its display language). An error keeps
 * both; its `message` is the English one.
 */
import { z } from 'zod';
import { renderBoth, type Lang, type Localized } from '../i18n.js';

/** An error a user reads, in both languages. */
export class LocalizedError extends Error {
  readonly text: Localized;
  constructor(text: string | Localized) {
    const both = typeof text === 'string' ? { da: text, en: text } : text;
    super(both.en);
    this.text = both;
  }

  /** The message in one language. */
  in(lang: Lang): string {
    return this.text[lang];
  }
}

/** `prefix: text`, in both languages (a prefix is a file or a JSON path, the same in both). */
export function prefixed(prefix: string, text: Localized): Localized {
  return { da: `${prefix}: ${text.da}`, en: `${prefix}: ${text.en}` };
}

export const CONFIG_MESSAGES = {
  expectedOneOf: { da: 'forventede en af {values}{found}', en: 'expected one of {values}{found}' },
  expectedType: { da: 'forventede {type}{found}', en: 'expected {type}{found}' },
  unknownKeys: { da: 'ukendt nøgle {keys}', en: 'unknown key {keys}' },
  unknownKeysMany: { da: 'ukendte nøgler {keys}', en: 'unknown keys {keys}' },
  allowedKeys: { da: '; tilladt: {keys}', en: '; allowed: {keys}' },
  found: { da: ' (fandt {value})', en: ' (found {value})' },
  ruleSetting: {
    da: 'forventede "error", "warning", "info", "off" eller { "severity": …, "options": {…} }{found}',
    en: 'expected "error", "warning", "info", "off" or { "severity": …, "options": {…} }{found}',
  },
  unknownProfile: { da: 'ukendt profil "{name}"; forventede en af {known}', en: 'unknown profile "{name}"; expected one of {known}' },
  cycle: { da: '"{name}" fører i ring ({chain})', en: '"{name}" leads to a cycle ({chain})' },
  configNotFound: { da: 'konfigurationsfilen findes ikke', en: 'configuration file not found' },
  invalidJson: { da: 'ugyldig JSON: {detail}', en: 'invalid JSON: {detail}' },
  profileFileNotFound: { da: 'profilfilen "{ref}" findes ikke ({file})', en: 'profile file "{ref}" not found ({file})' },
  profileFileMissing: { da: 'profilfilen "{file}" findes ikke', en: 'profile file "{file}" not found' },
  profileFileNotObject: { da: 'en profilfil skal være et JSON-objekt', en: 'a profile file must be a JSON object' },
  profileFileCycle: { da: '"extends" fører i ring ({chain})', en: '"extends" leads to a cycle ({chain})' },
  profileFileSameName: {
    da: 'to profilfiler hedder "{name}" ({a} og {b}); giv den ene et andet "name"',
    en: 'two profile files are named "{name}" ({a} and {b}); give one of them another "name"',
  },
} as const satisfies Record<string, Localized>;

/** Type names as a user reads them. */
const TYPE_NAMES: Readonly<Record<string, Localized>> = {
  string: { da: 'tekst', en: 'string' },
  number: { da: 'tal', en: 'number' },
  boolean: { da: 'true eller false', en: 'boolean' },
  object: { da: 'objekt', en: 'object' },
  array: { da: 'liste', en: 'array' },
};

/** The schema's own messages (refinements) in Danish, by their English form. */
const SCHEMA_MESSAGES_DA: readonly [RegExp, string][] = [
  [/^(\w+): unknown placeholder; allowed: (.*)$/, '$1: ukendt pladsholder; tilladt: $2'],
  [/^(\w+): must contain (.*)$/, '$1: skal indeholde $2'],
  [/^dateFormat: use (.*), e\.g\. (.*)$/, 'dateFormat: brug $1, f.eks. $2'],
  [/^caseNumber pattern: neither a preset \((.*)\) nor a valid regular expression$/, 'caseNumber-mønster: hverken en forudindstilling ($1) eller et gyldigt regulært udtryk'],
];

const danishZod = z.locales.da().localeError;

/**
 * What a value should have been, in words a user can act on, in both languages. `schema` and
 * `input` let a message zod writes itself be had in Danish too (the schema parsed again with
 * zod's Danish messages).
 */
export function describeIssue(issue: z.core.$ZodIssue, options: { allowedKeys?: string; reparse?: () => z.core.$ZodIssue | undefined } = {}): Localized {
  const got = (issue as { input?: unknown }).input;
  const found = got === undefined || typeof got === 'object' ? { da: '', en: '' } : renderBoth(CONFIG_MESSAGES.found, { value: JSON.stringify(got) });
  const fill = (text: Localized, data: Record<string, string>) => ({ da: renderBoth(text, { ...data, found: found.da }).da, en: renderBoth(text, { ...data, found: found.en }).en });
  switch (issue.code) {
    case 'invalid_value':
      return fill(CONFIG_MESSAGES.expectedOneOf, { values: issue.values.map((v) => JSON.stringify(v)).join(', ') });
    case 'invalid_type': {
      const type = TYPE_NAMES[issue.expected] ?? { da: issue.expected, en: issue.expected };
      return { da: fill(CONFIG_MESSAGES.expectedType, { type: type.da }).da, en: fill(CONFIG_MESSAGES.expectedType, { type: type.en }).en };
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => JSON.stringify(k)).join(', ');
      const text = renderBoth(issue.keys.length > 1 ? CONFIG_MESSAGES.unknownKeysMany : CONFIG_MESSAGES.unknownKeys, { keys });
      if (!options.allowedKeys) return text;
      const allowed = renderBoth(CONFIG_MESSAGES.allowedKeys, { keys: options.allowedKeys });
      return { da: text.da + allowed.da, en: text.en + allowed.en };
    }
    default: {
      const own = SCHEMA_MESSAGES_DA.find(([re]) => re.test(issue.message));
      const da = own ? issue.message.replace(own[0], own[1]) : (options.reparse?.()?.message ?? issue.message);
      return { da: da + found.da, en: issue.message + found.en };
    }
  }
}

/** The errors of a parse with zod's Danish messages (for the Danish text of a message zod writes), or undefined. */
export function danishErrors(schema: z.ZodType, input: unknown): z.ZodError | undefined {
  const r = schema.safeParse(input, { error: danishZod });
  return r.success ? undefined : r.error;
}
