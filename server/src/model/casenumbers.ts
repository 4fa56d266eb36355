/**
 * Case-number forms (spec §10) as named presets, and the matcher a profile's
 * `caseNumber.patterns` compile to (a preset name, or a regular expression the whole case
 * number must match). Pure.
 */
import type { CaseNumberSpec } from '../config/schema.js';

export interface CaseNumberPresetDef {
  readonly pattern: RegExp;
  readonly en: string;
  readonly da: string;
  readonly example: string;
}

export const CASE_NUMBER_FORMS: Readonly<Record<string, CaseNumberPresetDef>> = {
  kle: { pattern: /^\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d{1,6}-\d{2}$/u, en: 'the KLE form dd.dd.dd-Xdd-n-yy', da: 'KLE-formen dd.dd.dd-Xdd-n-åå', example: '00.22.00-P35-1-24' },
  'kle-compact': { pattern: /^\d{2}\.\d{2}\.\d{2}-?[A-ZÆØÅ]\d{2}-\d{1,7}(?:-\d{2})?$/u, en: 'the KLE form dd.dd.ddXdd-nnnn', da: 'KLE-formen dd.dd.ddXdd-nnnn', example: '00.01.00P35-0098' },
  short: { pattern: /^\d{2}\/\d{1,7}$/u, en: 'the short form yy/nnnnn', da: 'den korte form åå/nnnnn', example: '23/64938' },
  'year-serial': { pattern: /^\d{4}-\d{4,7}$/u, en: 'the form yyyy-nnnnnn', da: 'formen åååå-nnnnnn', example: '2019-003610' },
  'kommune-serial': { pattern: /^\d{3}-\d{4}-\d{3,7}$/u, en: 'the form kkk-yyyy-nnnnn (kommune number first)', da: 'formen kkk-åååå-nnnnn (kommunenummer først)', example: '326-2020-79506' },
  sbsys: { pattern: /^\d{4,6} ?- ?\d{4}\/\d{1,7}$/u, en: 'the form nnnnnn - yyyy/nnnnn', da: 'formen nnnnnn - åååå/nnnnn', example: '012497 - 2017/12299' },
};

/** `any` is the KLE or the short form (as before presets were added); list other presets by name. */
const ANY = ['kle', 'short'];

export interface CaseNumberMatcher {
  test(value: string): boolean;
  /** The accepted forms in words, for messages. */
  readonly en: string;
  readonly da: string;
  readonly example: string;
}

const cache = new WeakMap<CaseNumberSpec, CaseNumberMatcher>();

/** The matcher of a profile's case-number patterns (compiled once per profile). */
export function caseNumberMatcher(spec: CaseNumberSpec): CaseNumberMatcher {
  let m = cache.get(spec);
  if (m) return m;
  const names = spec.patterns.flatMap((p) => (p === 'any' ? ANY : [p]));
  const forms = names.map((p) => CASE_NUMBER_FORMS[p] ?? custom(p));
  const en = forms.map((f) => f.en).join(' or ');
  const da = forms.map((f) => f.da).join(' eller ');
  m = { test: (v) => forms.some((f) => f.pattern.test(v)), en, da, example: forms[0]!.example };
  cache.set(spec, m);
  return m;
}

function custom(source: string): CaseNumberPresetDef {
  let pattern: RegExp;
  try {
    pattern = new RegExp(`^(?:${source})$`, 'u');
  } catch {
    pattern = /$^/;
  }
  return { pattern, en: `the form /${source}/`, da: `formen /${source}/`, example: source };
}
