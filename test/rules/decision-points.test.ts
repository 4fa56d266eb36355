import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine.js';
import { fixRule } from '../helpers/lint.js';
import { HEAD, item } from './structure-helpers.js';

const of = (text: string) => lint(text).findings.filter((f) => f.ruleId === 'decision-points');
const IND = '### Indstilling\n1. at planen godkendes.\n2. at planen sendes i høring.\n\n';

describe('decision-points', () => {
  it('flags one answer for several proposals, pointing at the proposals', () => {
    const [f] = of(HEAD + item(1, 'A', IND + '### Beslutning\nGodkendt.\n'));
    expect(f!.messageId).toBe('singleAnswer');
    expect(f!.message.en).toMatch(/has no points but the proposal has 2/);
    expect(f!.related).toHaveLength(2);
    expect(f!.range.start).toMatchObject({ line: 11, character: 0 });
  });

  it('flags a count mismatch at the first decision marker, related to the unanswered proposal', () => {
    const [f] = of(HEAD + item(1, 'A', IND + '### Beslutning\n1. at godkendt.\n'));
    expect(f!.messageId).toBe('count');
    expect(f!.message.da).toBe('Beslutningen på punkt 1 har 1 punkt, men indstillingen har 2. Besvar hvert punkt i indstillingen med ét punkt.');
    expect(f!.message.en).toBe('The decision of item 1 has 1 point but the proposal has 2. Answer every proposal, one point each.');
    expect(f!.range).toMatchObject({ start: { line: 12, character: 0 }, end: { line: 12, character: 2 } });
    expect(f!.related![0]!.range.start.line).toBe(9);
  });

  it('renumbers decisions like the proposals', () => {
    const text = HEAD + item(1, 'A', IND + '### Beslutning\n2. at godkendt.\n3. at taget til efterretning.\n');
    expect(of(text).map((f) => f.message.en)).toEqual([
      'Decision point 2 should be numbered 1, like the proposal it answers.',
      'Decision point 3 should be numbered 2, like the proposal it answers.',
    ]);
    const fixed = fixRule(text, 'decision-points');
    expect(fixed).toContain('### Beslutning\n1. at godkendt.\n2. at taget til efterretning.');
    expect(of(fixed)).toEqual([]);
  });

  it('accepts bulleted answers to bulleted proposals and one answer to one proposal', () => {
    expect(of(HEAD + item(1, 'A', '### Indstilling\n- at a.\n- at b.\n\n### Beslutning\n- at godkendt.\n- at godkendt.\n'))).toEqual([]);
    expect(of(HEAD + item(1, 'A', '### Indstilling\n1. at a.\n\n### Beslutning\nGodkendt.\n'))).toEqual([]);
  });
});
