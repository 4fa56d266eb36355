import { describe, expect, it } from 'vitest';
import { lint, type Finding } from '../../server/src/engine.js';
import rule from '../../server/src/rules/closed-item-content.js';

function meeting(items: readonly string[][], eol = '\n'): string {
  const lines = [
    '# REFERAT Beskæftigelsesudvalget d. 03-12-2024',
    '',
    'Mødedato: Tirsdag d. 03. december 2024 kl. 16:30',
    'Mødedeltagere: Claus Berggren, Jesper Gade, Henriette Malland',
  ];
  for (const item of items) lines.push('', ...item);
  return lines.join(eol) + eol;
}

function run(text: string): Finding[] {
  return lint(text, { only: ['closed-item-content'] }).findings.filter((f) => f.ruleId === 'closed-item-content');
}
const at = (text: string, f: Finding) => text.slice(f.range.start.offset, f.range.end.offset);

describe('closed-item-content', () => {
  it('meta: info, not fixable', () => {
    expect(rule.meta.id).toBe('closed-item-content');
    expect(rule.meta.defaultSeverity).toBe('info');
    expect(rule.meta.fixable).toBe(false);
  });

  it('Lukket: ja with sections: reported on the heading, related to where the body begins', () => {
    const text = meeting([
      ['## Punkt 7: Personalesag <!-- intern -->', 'Sagsnr: 81.00.00-G01-3-24', 'Lukket: ja', '', '### Beslutning', 'Drøftet.'],
    ]);
    const [f, ...rest] = run(text);
    expect(rest).toEqual([]);
    expect(f!.severity).toBe('info');
    expect(at(text, f!)).toBe('## Punkt 7: Personalesag');
    expect(f!.range.start).toMatchObject({ line: 5, character: 0 });
    expect(f!.message.en).toBe(
      'Item 7 is closed: its body stays internal and is never published in the public edition, which shows only the heading and the case number. Put anything the public must read in an open item; otherwise nothing to do.',
    );
    expect(f!.message.da).toBe(
      'Punkt 7 er lukket: indholdet forbliver internt og offentliggøres aldrig i den offentlige udgave, som kun viser overskriften og sagsnummeret. Skal offentligheden læse noget, så skriv det i et åbent punkt; ellers er der intet at gøre.',
    );
    expect(f!.fix).toBeUndefined();
    expect(f!.related).toHaveLength(1);
    expect(at(text, { ...f!, range: f!.related![0]!.range })).toMatch(/^### Beslutning/);
  });

  it.each([
    ['Lukket'],
    ['Lukket: Underskriftsside – december 2024'],
    ['lukket punkt om personale'],
  ])('a title "%s" closes the item', (title) => {
    const text = meeting([[`## Punkt 3: ${title}`, 'Sagsnr: 00.22.00-P35-2-24', '', 'Udvalgets medlemmer godkender referatet digitalt.']]);
    const [f] = run(text);
    expect(f!.related![0]!.range.start.line).toBe(8);
  });

  it('no body, or only comments: nothing to say', () => {
    expect(run(meeting([['## Punkt 1: Lukket', 'Sagsnr: 00.22.00-P35-2-24']]))).toEqual([]);
    expect(run(meeting([['## Punkt 1: Lukket', 'Sagsnr: 00.22.00-P35-2-24', '', '<!-- intern note -->']]))).toEqual([]);
    expect(run(meeting([['## Punkt 1: Personalesag', 'Sagsnr: 00.22.00-P35-2-24', 'Lukket: ja']]))).toEqual([]);
  });

  it('open items are not reported, nor are items whose title merely contains "lukket"', () => {
    const open = ['## Punkt 1: Ikke lukket sag', 'Sagsnr: 00.22.00-P35-2-24', 'Lukket: nej', '', '### Beslutning', 'Godkendt.'];
    expect(run(meeting([open]))).toEqual([]);
  });

  it('CRLF: same positions', () => {
    const item = ['## Punkt 7: Personalesag', 'Sagsnr: 81.00.00-G01-3-24', 'Lukket: ja', '', '### Beslutning', 'Drøftet.'];
    const [a] = run(meeting([item]));
    const crlfText = meeting([item], '\r\n');
    const [b] = run(crlfText);
    expect(at(crlfText, b!)).toBe('## Punkt 7: Personalesag');
    expect(b!.range.start.line).toBe(a!.range.start.line);
    expect(b!.related![0]!.range.start.line).toBe(a!.related![0]!.range.start.line);
  });
});
