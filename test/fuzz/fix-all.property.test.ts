/**
 * Fix-all never garbles the minutes (issue 15). Generated meetings carry several planted
 * faults of the fixable rules at once — a wrong weekday, items that skip a number next to a
 * decision numbered unlike its proposals, a list numbered 1, 3, a misspelt field name, a
 * malformed case number, a misspelt member who also
 * has Afbud (one person touched by two rules), a member who left but is not noted, a name
 * twice in a vote, and a misspelling inside a `referat-disable` region — and `fixAll` must
 * give a text that
 *   (a) re-lints with no finding left that a fix claims to address,
 *   (b) never holds a name twice in one name list,
 *   (c) keeps every word of the original except the planted wrong ones a fix replaces,
 *   (d) is the same whether fixed in one call or one fix at a time.
 */
import fc from 'fast-check';
import { analyze, applyEdits, fixAll, lint } from '../../server/src/engine.js';
import type { Fix } from '../../server/src/rules/types.js';
import { allNameLists } from '../../server/src/rules/util/name-lists.js';
import { normalizeName } from '../../server/src/rules/util/names.js';
import { fuzzProperty } from './harness.js';

const POOL = ['Anne Holm', 'Bo Ibsen', 'Claus Berggren', 'Dorte Madsen', 'Erik Lund', 'Frida Kjær', 'Gustav Nørgaard', 'Hanne Øster'];
const WEEKDAYS = ['Mandag', 'Onsdag', 'Torsdag', 'Fredag', 'Lørdag', 'Søndag'];

/** Drops one letter (not the first) of the surname: a typo the "did you mean" finds. */
function misspell(name: string, at: number): string {
  const [first, last] = name.split(' ') as [string, string];
  const i = 1 + (at % (last.length - 1));
  return `${first} ${last.slice(0, i)}${last.slice(i + 1)}`;
}

interface Planted {
  readonly text: string;
  /** Words that a fix may take away (the planted wrong ones, and a repeated name). */
  readonly mayVanish: ReadonlySet<string>;
}

const planted: fc.Arbitrary<Planted> = fc
  .record({
    members: fc.shuffledSubarray(POOL, { minLength: 5, maxLength: 8 }),
    items: fc.integer({ min: 2, max: 4 }),
    weekday: fc.option(fc.constantFrom(...WEEKDAYS), { nil: undefined }),
    skip: fc.boolean(),
    decisionMismatch: fc.boolean(),
    listGap: fc.boolean(),
    afbudTypo: fc.option(fc.nat(), { nil: undefined }),
    afbudPlain: fc.boolean(),
    left: fc.boolean(),
    duplicate: fc.boolean(),
    disabledTypo: fc.option(fc.nat(), { nil: undefined }),
    fieldTypo: fc.boolean(),
    caseNumber: fc.boolean(),
    crlf: fc.boolean(),
  })
  .map((p) => {
    const vanish = new Set<string>();
    const [a, b, c, d, e] = p.members as [string, string, string, string, string];
    const afbud: string[] = [];
    if (p.afbudTypo !== undefined) afbud.push(a);
    if (p.afbudPlain) afbud.push(b);
    const L: string[] = [`# REFERAT Udvalg d. 03-12-2024`, ''];
    const weekday = p.weekday ?? 'Tirsdag';
    if (p.weekday) vanish.add(p.weekday);
    L.push(`Mødedato: ${weekday} d. 03. december 2024 kl. 16:30`);
    L.push(`Mødedeltagere: ${p.members.slice(0, -1).join(', ')} og ${p.members.at(-1)}`);
    if (afbud.length) L.push(`Afbud: ${afbud.join(' og ')}`);
    if (p.fieldTypo) {
      L.push('Mødsted: Rådhuset');
      vanish.add('Mødsted');
    }
    L.push('');
    for (let i = 0; i < p.items; i++) {
      const no = 10 + i + (p.skip && i > 0 ? 1 : 0);
      const disabled = p.disabledTypo !== undefined && i === p.items - 1;
      if (disabled) L.push('<!-- referat-disable unknown-person -->', '');
      const sagsnr = p.caseNumber && i === 0 ? '00.22.00 – P35-1-24' : '00.22.00-P35-1-24';
      L.push(`## Punkt ${no}: Sag nummer ${i + 1}`, `Sagsnr: ${sagsnr}`, '', '### Indstilling', 'Forvaltningen indstiller,', '');
      L.push('1. at sagen godkendes.', '2. at orienteringen tages til efterretning.', '');
      if (p.listGap && i === 0) L.push('Bilag:', '', '1. Notat om sagen', '3. Tidsplan for sagen', '');
      L.push('### Beslutning');
      if (p.decisionMismatch && i === 0) L.push('1. at godkendt.', '1. at taget til efterretning.');
      else L.push('1. at godkendt.', '2. at taget til efterretning.');
      L.push('');
      if (p.afbudTypo !== undefined) {
        const typo = misspell(a, p.afbudTypo + i);
        vanish.add(typo.split(' ')[1]!);
        L.push(`${typo} deltog ikke i sagens behandling.`, '');
      }
      if (p.left && i === 0) L.push(`${c} forlod mødet efter punkt ${no}.`, '');
      if (p.duplicate && i === 0) L.push(`Imod stemte: ${d}, ${e} og ${d}.`, '');
      if (disabled) {
        const typo = misspell(e, p.disabledTypo!);
        L.push(`${typo} deltog ikke i sagens behandling.`, '', '<!-- referat-enable unknown-person -->', '');
      }
    }
    if (p.duplicate) for (const w of d.split(' ')) vanish.add(w);
    let text = L.join('\n');
    if (p.crlf) text = text.replace(/\n/g, '\r\n');
    return { text, mayVanish: vanish };
  });

const words = (t: string) => t.match(/\p{L}+/gu) ?? [];

function counts(t: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words(t)) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** One fix at a time: the first by position (the least invasive at a tie), re-linting after each. */
function fixOneByOne(text: string): string {
  let current = text;
  for (let i = 0; i < 200; i++) {
    const fixes = lint(current).findings.filter((f) => f.fix).map((f) => f.fix!);
    const next = fixes
      .map((fix: Fix) => ({ fix, first: Math.min(...fix.edits.map((e) => e.start)), weight: fix.edits.reduce((n, e) => n + e.end - e.start + e.newText.length, 0) }))
      .sort((x, y) => x.first - y.first || x.weight - y.weight)
      .map((c) => applyEdits(current, c.fix.edits).text)
      .find((t) => t !== current);
    if (next === undefined) return current;
    current = next;
  }
  return current;
}

fuzzProperty({
  name: 'fix-all',
  arbitrary: planted,
  reduce: false,
  check: ({ text, mayVanish }) => {
    const all = fixAll(text);
    // (a) nothing left that a fix claims to address
    const left = all.result.findings.filter((f) => f.fix && applyEdits(all.text, f.fix.edits).text !== all.text);
    if (left.length) throw new Error(`fixAll left: ${left.map((f) => `${f.ruleId}/${f.messageId}`).join(', ')}\n${all.text}`);
    // (b) never a name twice in one list
    for (const list of allNameLists(analyze(all.text).meeting)) {
      const keys = list.names.map((n) => normalizeName(n.name));
      if (new Set(keys).size !== keys.length) throw new Error(`a name twice in one list: ${list.names.map((n) => n.name).join(', ')}\n${all.text}`);
    }
    // (c) every word of the original stays, except the planted wrong ones
    const after = counts(all.text);
    for (const [w, n] of counts(text)) {
      if ((after.get(w) ?? 0) < n && !mayVanish.has(w)) throw new Error(`fixAll lost the word "${w}"\n--- before\n${text}\n--- after\n${all.text}`);
    }
    // The misspelling inside the disabled region is the user's: it stays.
    // (d) one call or fix by fix: the same text
    const stepwise = fixOneByOne(text);
    if (stepwise !== all.text) throw new Error(`one call and fix by fix differ\n--- one call\n${all.text}\n--- fix by fix\n${stepwise}`);
  },
  runs: 25,
  cost: 10,
  timeout: 60_000,
});
