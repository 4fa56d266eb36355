/**
 * The rule settings the extension contributes (`contributes.configuration` in package.json,
 * their texts in package.nls.json and package.nls.da.json), generated from the rules'
 * metadata by `npm run gen:settings` (scripts/gen-settings.ts), so that the settings UI and
 * the rules never disagree. A test keeps the committed files current.
 */
import { allRules } from './index.js';

/** The first `order` of the rule settings (the profile and language come before them). */
const FIRST_ORDER = 10;

export interface RuleSettingsManifest {
  /** `referat.rules.<id>` → its JSON Schema in package.json, in the rules' order. */
  readonly properties: Readonly<Record<string, unknown>>;
  /** `config.rules.<id>` → the setting's description, by language. */
  readonly nls: { readonly en: Readonly<Record<string, string>>; readonly da: Readonly<Record<string, string>> };
}

export function ruleSettingsManifest(): RuleSettingsManifest {
  const properties: Record<string, unknown> = {};
  const en: Record<string, string> = {};
  const da: Record<string, string> = {};
  allRules.forEach((r, i) => {
    const id = r.meta.id;
    properties[`referat.rules.${id}`] = {
      type: 'string',
      enum: ['default', 'error', 'warning', 'info', 'off'],
      enumDescriptions: ['%config.rule.default%', '%config.rule.error%', '%config.rule.warning%', '%config.rule.info%', '%config.rule.off%'],
      default: 'default',
      markdownDescription: `%config.rules.${id}%`,
      scope: 'resource',
      order: FIRST_ORDER + i,
    };
    const fix = { en: r.meta.fixable ? ' Fixable.' : '', da: r.meta.fixable ? ' Kan rettes automatisk.' : '' };
    en[`config.rules.${id}`] = `\`${id}\` (default: ${r.meta.defaultSeverity}): ${r.meta.description.en}${fix.en}`;
    da[`config.rules.${id}`] = `\`${id}\` (standard: ${SEVERITY_DA[r.meta.defaultSeverity]}): ${r.meta.description.da}${fix.da}`;
  });
  return { properties, nls: { en, da } };
}

const SEVERITY_DA = { error: 'fejl', warning: 'advarsel', info: 'info' } as const;

/**
 * package.json's settings with the rule entries replaced by the generated ones: the other
 * settings keep their place, the rules' come after those ordered before them.
 */
export function withRuleSettings(current: Readonly<Record<string, unknown>>, m: RuleSettingsManifest): Record<string, unknown> {
  const others = Object.entries(current).filter(([k]) => !k.startsWith('referat.rules.'));
  const orderOf = (v: unknown) => ((v as { order?: number }).order ?? 0);
  const before = others.filter(([, v]) => orderOf(v) < FIRST_ORDER);
  const after = others.filter(([, v]) => orderOf(v) >= FIRST_ORDER);
  return Object.fromEntries([...before, ...Object.entries(m.properties), ...after]);
}

/** An nls file with the rule texts replaced (the other keys keep their order). */
export function withRuleTexts(current: Readonly<Record<string, string>>, texts: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(current)) if (!k.startsWith('config.rules.')) out[k] = v;
  return { ...out, ...texts };
}
