/**
 * Rule metadata is honest (issue 17): `fixable` means safe for `--fix`, `hasSuggestions`
 * means alternatives offered in the editor, the rule's docs say the same, and the engine
 * refuses a fix or a suggestion from a rule that does not declare it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine.js';
import { allRules } from '../../server/src/rules/index.js';
import { resolveConfig } from '../../server/src/config/resolve.js';

const root = join(__dirname, '..', '..');
const examples = ['randers-beskaeftigelsesudvalget-2024-12-03.referat'];

describe('rule metadata', () => {
  it('every rule page states whether the rule is fixable, as its metadata does', () => {
    for (const r of allRules) {
      const doc = readFileSync(join(root, 'docs', 'rules', `${r.meta.id}.md`), 'utf8');
      const line = /^- Fixable: (yes|no)\b(.*)$/m.exec(doc);
      expect(line, r.meta.id).not.toBeNull();
      expect(line![1] === 'yes', `${r.meta.id}: docs say Fixable: ${line![1]}`).toBe(r.meta.fixable);
      if (r.meta.hasSuggestions && !r.meta.fixable) expect(line![2], `${r.meta.id}: docs name the suggestion`).toMatch(/suggestion/);
    }
  });

  it('no rule reports a kind of fix it does not declare, on the examples and with planted faults', () => {
    const text = readFileSync(join(root, 'examples', examples[0]!), 'utf8');
    // Faults that make most rules report: a wrong weekday, a misspelt member, a removed decision.
    const planted = text.replace(/### Beslutning\n/, '### Beslutningx\n').replace(/(Mødedato: )\w+dag/, '$1Søndag');
    for (const t of [text, planted]) {
      const { findings } = lint(t, { config: resolveConfig({}) });
      expect(findings.filter((f) => f.messageId === 'internal-error')).toEqual([]);
      for (const f of findings) {
        const meta = allRules.find((r) => r.meta.id === f.ruleId)!.meta;
        if (f.fix) expect(meta.fixable, f.ruleId).toBe(true);
        if (f.suggestions?.length) expect(meta.hasSuggestions, f.ruleId).toBe(true);
      }
    }
  });

  it('the engine turns an undeclared fix into an internal error instead of applying it', async () => {
    const missing = allRules.find((r) => r.meta.id === 'missing-decision')!;
    expect(missing.meta.fixable).toBe(false);
    const original = missing.check;
    // A rule that breaks its declaration: reports a fix although it is not fixable.
    (missing as { check: typeof original }).check = (ctx) =>
      ctx.report({ messageId: Object.keys(missing.meta.messages)[0]!, range: ctx.meeting.items[0]!.node.heading.range, fix: { title: { da: 'x', en: 'x' }, edits: [] } });
    try {
      const text = readFileSync(join(root, 'examples', examples[0]!), 'utf8');
      const { findings } = lint(text, { config: resolveConfig({}) });
      const f = findings.filter((x) => x.ruleId === 'missing-decision');
      expect(f).toHaveLength(1);
      expect(f[0]!.messageId).toBe('internal-error');
      expect(f[0]!.fix).toBeUndefined();
    } finally {
      (missing as { check: typeof original }).check = original;
    }
  });
});
