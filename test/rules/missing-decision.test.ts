import { describe, expect, it } from 'vitest';
import { applyEdits, lint } from '../../server/src/engine.js';
import { answerFor } from '../../server/src/rules/missing-decision.js';
import { HEAD, item, OK_BODY } from './structure-helpers.js';

const of = (text: string) => lint(text).findings.filter((f) => f.ruleId === 'missing-decision');

function applySuggestion(text: string): string {
  const f = of(text)[0]!;
  return applyEdits(text, f.suggestions![0]!.edits).text;
}

describe('missing-decision', () => {
  const text = HEAD + item(1, 'Budget', '### Resumé\nKort.\n\n### Indstilling\n1. at budgettet godkendes.\n2. at orienteringen tages til efterretning.\n\n### Sagsfremstilling\nTekst.\n');

  it('reports an item without a decision on its heading, in both languages', () => {
    const [f] = of(text);
    expect(f).toMatchObject({ severity: 'error', range: { start: { line: 4, character: 0 }, end: { line: 4, character: 18 } } });
    expect(f!.message.en).toBe('Item 1 has no decision. Add a "### Beslutning" section with what the committee decided (e.g. "Godkendt.").');
    expect(f!.message.da).toMatch(/^Punkt 1 har ingen beslutning/);
    expect(f!.fix).toBeUndefined();
    expect(f!.related?.[0]?.message.en).toBe('The proposals to answer.');
  });

  it('the suggestion inserts a Beslutning in house-style order, answering each proposal, and re-lints clean', () => {
    const fixed = applySuggestion(text);
    expect(fixed).toContain('### Indstilling\n1. at budgettet godkendes.\n2. at orienteringen tages til efterretning.\n\n### Beslutning\n1. at godkendt.\n2. at taget til efterretning.\n\n### Sagsfremstilling');
    expect(of(fixed)).toEqual([]);
    expect(lint(fixed).findings).toEqual([]);
  });

  it('fills an empty Beslutning, keeping CRLF line endings', () => {
    const crlf = (HEAD + item(1, 'A', '### Indstilling\n1. at planen drøftes.\n\n### Beslutning\n<!-- senere -->\n')).replace(/\n/g, '\r\n');
    const [f] = of(crlf);
    expect(f!.messageId).toBe('empty');
    expect(f!.range.start.line).toBe(10);
    const fixed = applySuggestion(crlf);
    expect(fixed).toContain('### Beslutning\r\n1. at drøftet.\r\n<!-- senere -->');
    expect(fixed.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(of(fixed)).toEqual([]);
  });

  it('uses the committee-date heading of the Sønderborg-like profile', () => {
    const sb = HEAD.replace('Mødedato', 'Profil: sonderborg\nMødedato') + item(1, 'A', '### Indstilling\n- at planen godkendes.\n', '23/64938');
    const fixed = applySuggestion(sb);
    expect(fixed).toContain('### Beslutning Udvalg den 03-12-2024\nGodkendt.');
    expect(of(fixed)).toEqual([]);
  });

  it('skips closed items and agendas; --fix never applies it', () => {
    expect(of(HEAD + item(1, 'Lukket', 'Lukket: ja\n'))).toEqual([]);
    expect(of(HEAD.replace('REFERAT', 'DAGSORDEN') + item(1, 'A', '### Indstilling\n1. at x godkendes.\n'))).toEqual([]);
    expect(of(HEAD + item(1, 'A', OK_BODY))).toEqual([]);
  });

  it('derives the standard answer from the proposal', () => {
    expect(answerFor('at orienteringen tages til efterretning.')).toBe('taget til efterretning');
    expect(answerFor('at drøfte den fremtidige indsats')).toBe('drøftet');
    expect(answerFor('at byrådet anbefales at godkende')).toBe('anbefalet');
    expect(answerFor('at ansøgningen imødekommes')).toBe('godkendt');
  });
});
