/**
 * Every rule fixture under test/fixtures/rules/<rule-id>/ lints to exactly the findings
 * it expects inline; where `<name>.fixed.referat` exists, fixing the rule's findings in
 * `<name>.referat` gives exactly that file, and the fixed text re-lints clean of them.
 * Every rule has a doc page whose "Wrong" example triggers it and whose "Right" example is clean.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine.js';
import { allRules } from '../../server/src/rules/index.js';
import { expectations, expectFindingsMatch, fixRule } from '../helpers/lint.js';

const root = join(__dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'rules');

describe.each(allRules.map((r) => r.meta.id))('rule %s', (id) => {
  const dir = join(fixtures, id);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.referat') && !f.endsWith('.fixed.referat')) : [];

  it('has fixtures: a wrong one with expectations and a right one', () => {
    expect(files.length, `no fixtures in ${dir}`).toBeGreaterThanOrEqual(2);
    const texts = files.map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(texts.some((t) => expectations(t).some((e) => e.ruleId === id)), 'a fixture expecting the rule').toBe(true);
    expect(texts.some((t) => expectations(t).length === 0), 'a clean fixture').toBe(true);
  });

  for (const file of files) {
    it(`${file}: findings match the inline expectations`, () => {
      expectFindingsMatch(readFileSync(join(dir, file), 'utf8'), {}, `${id}/${file}`);
    });
    const fixedPath = join(dir, file.replace(/\.referat$/, '.fixed.referat'));
    if (existsSync(fixedPath)) {
      it(`${file}: the fix gives ${file.replace(/\.referat$/, '.fixed.referat')} and re-lints clean of ${id}`, () => {
        const fixed = fixRule(readFileSync(join(dir, file), 'utf8'), id);
        expect(fixed).toBe(readFileSync(fixedPath, 'utf8'));
        const remaining = lint(fixed).findings.filter((f) => f.ruleId === id && f.fix);
        expect(remaining).toEqual([]);
      });
    }
  }
});

describe('rule documentation', () => {
  const docs = join(root, 'docs', 'rules');
  it.each(allRules.map((r) => r.meta.id))('docs/rules/%s.md: wrong example triggers the rule, right example is clean', (id) => {
    const path = join(docs, `${id}.md`);
    expect(existsSync(path), `${path} missing`).toBe(true);
    const md = readFileSync(path, 'utf8');
    expect(md.startsWith(`# ${id}\n`)).toBe(true);
    expect(md).toMatch(/\*Dansk:\*/);
    const block = (heading: string) => {
      const m = new RegExp(`## ${heading}\\s*\\n+\`\`\`referat\\n([\\s\\S]*?)\`\`\``).exec(md);
      expect(m, `a "## ${heading}" section with a referat code block`).not.toBeNull();
      return m![1]!;
    };
    const wrong = lint(block('Wrong')).findings;
    expect(wrong.map((f) => f.ruleId)).toContain(id);
    const right = lint(block('Right')).findings;
    expect(right.map((f) => `${f.range.start.line + 1}: ${f.ruleId}: ${f.message.en}`)).toEqual([]);
  });

  it('every rule has messages in Danish and English and a description', () => {
    for (const r of allRules) {
      expect(r.meta.description.da.length, r.meta.id).toBeGreaterThan(10);
      expect(r.meta.description.en.length, r.meta.id).toBeGreaterThan(10);
      for (const [mid, m] of Object.entries(r.meta.messages)) {
        expect(m.da.trim(), `${r.meta.id}.${mid}`).not.toBe('');
        expect(m.en.trim(), `${r.meta.id}.${mid}`).not.toBe('');
      }
      expect(r.meta.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
  });
});
