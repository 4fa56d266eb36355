/**
 * case-number: every item's `Sagsnr` in the form the house style uses.
 *
 * - `kle`: `dd.dd.dd-Xdd-n-yy`, the KLE subject (hovedgruppe.gruppe.emne), the action
 *   facet (a letter and two digits, e.g. P35), the serial and the two-digit year:
 *   `00.22.00-P35-1-24`, `15.00.00-G01-5-25`, `00.30.00-S00-2-23`.
 * - `short`: `yy/nnnnn`, year and serial: `23/64938`.
 * - `any`: any preset form; the profile's `caseNumber.patterns` may also name the other
 *   presets of model/casenumbers.ts (kle-compact, year-serial, kommune-serial, sbsys) or
 *   give regular expressions.
 *
 * A missing `Sagsnr` is flagged where the profile requires one (closed items too: their
 * case number is published). Fixes only where the intended number is unambiguous: spaces
 * inside, dashes other than the hyphen, a lower-case facet letter, commas for dots, or
 * a case number written as a bare line under the heading (`Sagsnr: ` is added).
 */
import type { Profile } from '../config/schema.js';
import { caseNumberMatcher } from '../model/casenumbers.js';
import type { ItemModel } from '../model/types.js';
import type { Block, Field } from '../syntax/ast.js';
import type { Rule, RuleContext } from './types.js';
import { headingRange, sourceSpan, spanRange, trimmedSpan } from './util/spans.js';

export const KLE_CASE_NUMBER = /^\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d{1,6}-\d{2}$/;
export const SHORT_CASE_NUMBER = /^\d{2}\/\d{1,7}$/;

export type CaseNumberForm = 'kle' | 'short';

/** The form a case number is written in, or undefined when it is neither. */
export function caseNumberForm(value: string): CaseNumberForm | undefined {
  if (KLE_CASE_NUMBER.test(value)) return 'kle';
  if (SHORT_CASE_NUMBER.test(value)) return 'short';
  return undefined;
}

/**
 * The case number with unambiguous typing slips repaired: whitespace removed, any dash
 * made a hyphen, letters upper-cased, commas or colons between the KLE digit pairs made dots.
 */
export function normalizeCaseNumber(value: string): string {
  return value
    .replace(/\s+/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toUpperCase()
    .replace(/^(\d{2})[,:](\d{2})[,:](\d{2})(?=-)/, '$1.$2.$3');
}

function accepts(profile: Profile, value: string): boolean {
  return caseNumberMatcher(profile.caseNumber).test(value);
}

const rule: Rule = {
  meta: {
    id: 'case-number',
    defaultSeverity: 'warning',
    description: {
      en: 'A missing or malformed case number (Sagsnr) for the house style.',
      da: 'Et manglende eller forkert skrevet sagsnummer (Sagsnr) i forhold til husstilen.',
    },
    messages: {
      missing: {
        en: 'Item {number} has no case number. Add the line "Sagsnr: …" right under the heading, in {form} (e.g. {example}).',
        da: 'Punkt {number} har intet sagsnummer. Tilføj linjen "Sagsnr: …" lige under overskriften, på {formDa} (f.eks. {example}).',
      },
      bare: {
        en: 'The case number {value} of item {number} is written as a plain line. Write it as a field: "Sagsnr: {value}".',
        da: 'Sagsnummeret {value} for punkt {number} står som en løs linje. Skriv det som et felt: "Sagsnr: {value}".',
      },
      empty: {
        en: 'The Sagsnr field of item {number} is empty. Write the case number in {form} (e.g. {example}).',
        da: 'Feltet Sagsnr for punkt {number} er tomt. Skriv sagsnummeret på {formDa} (f.eks. {example}).',
      },
      malformed: {
        en: 'Case number "{value}" is not in {form} that the house style "{profile}" uses. Correct it, e.g. {example}.',
        da: 'Sagsnummeret "{value}" er ikke på {formDa}, som husstilen "{profile}" bruger. Ret det, f.eks. {example}.',
      },
      typo: {
        en: 'Case number "{value}" has a typing slip (spaces, dash or letter case). Write it as {fixed}.',
        da: 'Sagsnummeret "{value}" har en tastefejl (mellemrum, tankestreg eller store/små bogstaver). Skriv det som {fixed}.',
      },
    },
    fixable: true,
    tags: ['house-style'],
  },
  check(ctx) {
    const { profile } = ctx;
    const form = caseNumberMatcher(profile.caseNumber);
    const common = { form: form.en, formDa: form.da, example: form.example, profile: profile.name };
    for (const item of ctx.meeting.items) {
      const field = item.caseNumberField ?? item.node.fields.find((f) => fieldName(f) === 'sagsnr');
      if (!field) {
        if (profile.caseNumber.required) reportMissing(ctx, item, common);
        continue;
      }
      const { start, end } = trimmedSpan(field.value.text);
      const value = field.value.text.slice(start, end);
      if (!value) {
        ctx.report({ messageId: 'empty', data: { ...common, number: item.number }, range: field.name.range });
        continue;
      }
      if (accepts(profile, value)) continue;
      const span = sourceSpan(field.value, start, end);
      const range = { start: ctx.lines.position(span.start), end: ctx.lines.position(span.end) };
      const fixed = normalizeCaseNumber(value);
      if (fixed !== value && accepts(profile, fixed)) {
        ctx.report({
          messageId: 'typo',
          data: { ...common, value, fixed },
          range,
          fix: {
            title: { en: `Change to ${fixed}`, da: `Ret til ${fixed}` },
            edits: [{ start: span.start, end: span.end, newText: fixed }],
          },
        });
        continue;
      }
      ctx.report({ messageId: 'malformed', data: { ...common, value }, range });
    }
  },
};

function fieldName(f: Field): string {
  return f.name.text.replace(/\s*:\s*$/, '').trim().toLowerCase();
}

/** The first block under the heading, if it is a one-line paragraph holding just a case number. */
function bareCaseNumber(blocks: readonly Block[], profile: Profile): { value: string; start: number; end: number } | undefined {
  const first = blocks.find((b) => b.type !== 'comment');
  if (!first || first.type !== 'paragraph') return undefined;
  if (first.range.start.line !== first.range.end.line) return undefined;
  const { start, end } = trimmedSpan(first.content.text);
  const text = first.content.text.slice(start, end);
  const form = caseNumberMatcher(profile.caseNumber);
  const known = (v: string) => caseNumberForm(v) !== undefined || form.test(v);
  if (!known(text) && !known(normalizeCaseNumber(text))) return undefined;
  const span = sourceSpan(first.content, start, end);
  return { value: text, ...span };
}

function reportMissing(
  ctx: RuleContext,
  item: ItemModel,
  common: Record<string, string>,
): void {
  const bare = item.node.fields.length === 0 ? bareCaseNumber(item.node.preamble, ctx.profile) : undefined;
  if (bare) {
    ctx.report({
      messageId: 'bare',
      data: { ...common, number: item.number, value: bare.value },
      range: spanRange(ctx.lines, bare),
      fix: {
        title: { en: 'Mark it as the Sagsnr field', da: 'Markér det som feltet Sagsnr' },
        edits: [{ start: bare.start, end: bare.start, newText: 'Sagsnr: ' }],
      },
    });
    return;
  }
  ctx.report({ messageId: 'missing', data: { ...common, number: item.number }, range: headingRange(ctx.lines, item.node.heading) });
}

export default rule;
