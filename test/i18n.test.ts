import { describe, expect, it } from 'vitest';
import { format, langFromLocale } from '../server/src/i18n.js';

describe('messages', () => {
  it('fills placeholders and leaves unknown ones as written', () => {
    expect(format('Item {number} of {total}', { number: 3 })).toBe('Item 3 of {total}');
  });

  it('writes a count with the singular or plural noun', () => {
    const t = 'has {n:point|points}; har {n:punkt|punkter}';
    expect(format(t, { n: 1 })).toBe('has 1 point; har 1 punkt');
    expect(format(t, { n: 0 })).toBe('has 0 points; har 0 punkter');
    expect(format(t, { n: 2 })).toBe('has 2 points; har 2 punkter');
  });

  it('picks Danish from da locales, English otherwise', () => {
    expect(['da', 'da-DK', 'da_DK.UTF-8', 'en-US', 'de', undefined].map(langFromLocale)).toEqual(['da', 'da', 'da', 'en', 'en', 'en']);
  });
});
