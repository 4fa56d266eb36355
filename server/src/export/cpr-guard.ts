/**
 * The publishing guard for personal data: the public edition of a referat is not written
 * while published text holds something the `cpr-number` rule takes for a CPR number — the
 * header, an open item, or the published heading and fields of a closed item (what the
 * rule checks is exactly what the public edition prints). The internal edition is never
 * refused: it is not published.
 *
 * The guard runs the rule whatever severity a configuration gives it (a setting in
 * `.referatrc.json` is too far from the document to silence a publication check), but it
 * honours `<!-- referat-disable-next-line cpr-number -->` on the line, a decision written
 * where the number is. The caller's explicit override (`--allow-cpr`, "Export anyway")
 * skips the guard.
 */
import { defaultConfig, type ResolvedConfig } from '../config/resolve.js';
import { lint, lintAnalyzed, type analyze } from '../engine.js';
import { type Lang } from '../i18n.js';
import type { Localized } from '../rules/types.js';
import type { Edition } from './model.js';

/** Where a CPR number stands (0-based, as in the LSP). The number itself is never repeated. */
export interface CprBlocker {
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  readonly endCharacter: number;
  /** In the published heading or fields of a closed item. */
  readonly closedHeading: boolean;
}

/**
 * The places that stop the public edition of `text` (empty: nothing stops it). `analysis`:
 * the caller's `analyze(text, config)`, which spares parsing the text again.
 */
export function cprBlockers(text: string, edition: Edition, config: ResolvedConfig = defaultConfig, analysis?: ReturnType<typeof analyze>): CprBlocker[] {
  if (edition !== 'public') return [];
  const force = (c: ResolvedConfig): ResolvedConfig => ({ ...c, severities: { ...c.severities, 'cpr-number': 'error' } });
  const only = ['cpr-number'];
  const result = analysis
    ? lintAnalyzed(text, analysis.parse, analysis.meeting, force(analysis.config), { only })
    : lint(text, { config: force(config), only });
  return result.findings
    .filter((f) => f.ruleId === 'cpr-number')
    .map((f) => ({
      line: f.range.start.line,
      character: f.range.start.character,
      endLine: f.range.end.line,
      endCharacter: f.range.end.character,
      closedHeading: f.messageId === 'cprNumberClosedHeading',
    }));
}

export const CPR_REFUSAL = {
  one: {
    da: 'Den offentlige udgave skrives ikke: et CPR-nummer i tekst, der offentliggøres (linje {line}). Fjern eller maskér det (xxxxxx-xxxx), eller gør punktet lukket.',
    en: 'The public edition is not written: a CPR number in published text (line {line}). Remove or mask it (xxxxxx-xxxx), or make the item closed.',
  },
  many: {
    da: 'Den offentlige udgave skrives ikke: {count} CPR-numre i tekst, der offentliggøres (linje {lines}). Fjern eller maskér dem (xxxxxx-xxxx), eller gør punkterne lukkede.',
    en: 'The public edition is not written: {count} CPR numbers in published text (lines {lines}). Remove or mask them (xxxxxx-xxxx), or make the items closed.',
  },
  place: {
    da: 'et CPR-nummer i tekst, der offentliggøres; den offentlige udgave skrives ikke (--allow-cpr skriver den alligevel)',
    en: 'a CPR number in published text; the public edition is not written (--allow-cpr writes it anyway)',
  },
  closedPlace: {
    da: 'et CPR-nummer i overskriften eller felterne på et lukket punkt, som offentliggøres; den offentlige udgave skrives ikke (--allow-cpr skriver den alligevel)',
    en: 'a CPR number in the heading or fields of a closed item, which are published; the public edition is not written (--allow-cpr writes it anyway)',
  },
} as const satisfies Record<string, Localized>;

/** One line for a place: `file:line:column: message` (1-based, as compilers and editors read it). */
export function cprPlaceLine(file: string, b: CprBlocker, lang: Lang): string {
  return `${file}:${b.line + 1}:${b.character + 1}: ${(b.closedHeading ? CPR_REFUSAL.closedPlace : CPR_REFUSAL.place)[lang]}`;
}

/** The editor's message: how many, and on which lines (1-based). */
export function cprSummary(blockers: readonly CprBlocker[], lang: Lang): string {
  const lines = [...new Set(blockers.map((b) => b.line + 1))];
  const shownLines = lines.length > 5 ? `${lines.slice(0, 5).join(', ')} …` : lines.join(', ');
  const template = blockers.length === 1 ? CPR_REFUSAL.one : CPR_REFUSAL.many;
  return template[lang].replace('{count}', String(blockers.length)).replace('{lines}', shownLines).replace('{line}', shownLines);
}
