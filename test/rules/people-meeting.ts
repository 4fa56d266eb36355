/**
 * Small builders for the tests of the rules about people (unknown-person, afbud-not-noted,
 * left-not-noted, vote-count, quorum): a complete meeting from a few parts, and the
 * findings of one rule.
 */
import { resolveConfig, type ResolvedConfig } from '../../server/src/config/resolve.js';
import type { Config } from '../../server/src/config/schema.js';
import { lint, type Finding } from '../../server/src/engine.js';

export interface ItemSpec {
  readonly title?: string;
  /** Extra item fields such as `Fraværende: Anne Holm` or `Lukket: ja`. */
  readonly fields?: readonly string[];
  /** Paragraphs after `1. at godkendt.` in the Beslutning; `null` = no Beslutning at all. */
  readonly decision?: readonly string[] | null;
}

export interface MeetingSpec {
  readonly kind?: 'REFERAT' | 'DAGSORDEN';
  /** The Mødedeltagere value; `null` = no Mødedeltagere field. */
  readonly members?: string | null;
  /** Further header lines (`Afbud: …`, `Stedfortrædere: …`, `Profil: …`). */
  readonly header?: readonly string[];
  readonly items: readonly ItemSpec[];
}

export const MEMBERS = 'Anne Holm (A), Bo Vestergaard (V), Claus Berggren (A), Dorte Madsen (O), Erik Lund (F)';

export function meeting(spec: MeetingSpec): string {
  const lines = [`# ${spec.kind ?? 'REFERAT'} Udvalg d. 03-12-2024`, '', 'Mødedato: Tirsdag d. 03. december 2024 kl. 16:30'];
  const members = spec.members === undefined ? MEMBERS : spec.members;
  if (members !== null) lines.push(`Mødedeltagere: ${members}`);
  lines.push(...(spec.header ?? []));
  spec.items.forEach((item, i) => {
    lines.push('', `## Punkt ${i + 1}: ${item.title ?? `Sag nummer ${i + 1}`}`, 'Sagsnr: 00.22.00-P35-1-24', ...(item.fields ?? []));
    lines.push('', '### Indstilling', 'Forvaltningen indstiller,', '', '1. at forslaget godkendes.');
    if (item.decision !== null) {
      lines.push('', '### Beslutning', '1. at godkendt.');
      for (const p of item.decision ?? []) lines.push('', p);
    }
  });
  return lines.join('\n') + '\n';
}

export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

export function config(input: Config = {}): ResolvedConfig {
  return resolveConfig(input);
}

/** The findings of one rule only. */
export function findings(text: string, id: string, cfg?: ResolvedConfig): Finding[] {
  return lint(text, { only: [id], config: cfg }).findings.filter((f) => f.ruleId === id);
}

/** The source text a finding's range covers. */
export function covered(text: string, f: { range: { start: { offset: number }; end: { offset: number } } }): string {
  return text.slice(f.range.start.offset, f.range.end.offset);
}

/** Line and character of the n-th (0-based) occurrence of `needle`. */
export function positionOf(text: string, needle: string, occurrence = 0): { line: number; character: number; offset: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`not found: ${needle}`);
  }
  const before = text.slice(0, at);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line, character: at - lastBreak - 1, offset: at };
}
