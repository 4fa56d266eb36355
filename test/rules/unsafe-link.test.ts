import { describe, expect, it } from 'vitest';
import { applyEdits, lint } from '../../server/src/engine.js';
import { isSafeUrl } from '../../server/src/rules/unsafe-link.js';
import { HEAD, item, OK_BODY } from './structure-helpers.js';

const of = (text: string) => lint(text).findings.filter((f) => f.ruleId === 'unsafe-link');

describe('unsafe-link', () => {
  it('accepts http(s), mailto and relative targets only', () => {
    for (const u of ['https://x.dk', 'http://x.dk/a?b=c', 'mailto:a@b.dk', 'bilag.pdf', '../bilag/a.pdf', '#punkt-1']) expect(isSafeUrl(u), u).toBe(true);
    for (const u of ['javascript:alert(1)', 'JavaScript:x', 'java\tscript:x', 'data:text/html,x', 'file:///etc/passwd', 'vbscript:x']) expect(isSafeUrl(u), u).toBe(false);
  });

  it('reports the target of an unsafe link anywhere in an item, with a suggestion that keeps the text', () => {
    const text = HEAD + item(1, 'A', OK_BODY + '\n### Sagsfremstilling\nSe **[planen](javascript:void(0))** nu.\n');
    const [f] = of(text);
    expect(f!.message.en).toBe('The link target "javascript:void(0)" is not http(s), mailto or a relative path; the published referat shows only the text. Use a web address or a file name.');
    expect(text.slice(f!.range.start.offset, f!.range.end.offset)).toBe('javascript:void(0)');
    expect(f!.fix).toBeUndefined();
    expect(applyEdits(text, f!.suggestions![0]!.edits).text).toContain('Se **planen** nu.');
  });
});
