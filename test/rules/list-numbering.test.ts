import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine.js';
import { fixRule } from '../helpers/lint.js';
import { HEAD, item, OK_BODY } from './structure-helpers.js';

const of = (text: string) => lint(text).findings.filter((f) => f.ruleId === 'list-numbering');

describe('list-numbering', () => {
  const text = HEAD + item(1, 'A', OK_BODY + '\n### Sagsfremstilling\n1. a\n2. b\n5. c\n   1. x\n   3. y\n');

  it('reports the first wrong marker of each list, nested lists too', () => {
    const fs = of(text);
    expect(fs.map((f) => [f.range.start.line, f.range.start.character, f.message.en])).toEqual([
      [16, 0, 'Point 5 should be number 3: number the list 1, 2, 3 …'],
      [18, 3, 'Point 3 should be number 2: number the list 1, 2, 3 …'],
    ]);
    expect(fs[0]!.severity).toBe('warning');
  });

  it('renumbers by editing only the digits', () => {
    const fixed = fixRule(text, 'list-numbering');
    expect(fixed).toBe(text.replace('5. c', '3. c').replace('3. y', '2. y'));
    expect(of(fixed)).toEqual([]);
  });

  it('leaves the decision list to decision-points', () => {
    const t = HEAD + item(1, 'A', '### Indstilling\n1. at a.\n2. at b.\n\n### Beslutning\n1. at godkendt.\n3. at godkendt.\n');
    expect(of(t)).toEqual([]);
    expect(lint(t).findings.map((f) => f.ruleId)).toContain('decision-points');
  });
});
