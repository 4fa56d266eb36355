/**
 * Property: whatever the document looks like, the public text, HTML and JSON exports
 * contain no byte of a comment and no byte of a closed item's body. Comments are put
 * everywhere a writer might put one (header, fields, headings, paragraphs, list items,
 * table cells, between blocks); closed items are closed by field or by title.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportReferat } from '../../server/src/export/index.js';

const word = fc.constantFrom('budget', 'borger', 'indsats', 'æbler', 'øl', 'ål', 'Randers', 'godkendt', '2024');
const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));

let counter = 0;
const comment = () => `<!-- SECRET${++counter} intern -->`;
const maybeComment = fc.boolean().map((b) => (b ? ` ${comment()}` : ''));

const block = fc.oneof(
  fc.tuple(words, maybeComment).map(([w, c]) => `${w}${c}.`),
  fc.tuple(fc.array(fc.tuple(words, maybeComment), { minLength: 1, maxLength: 3 })).map(([items]) =>
    items.map(([w, c], i) => `${i + 1}. at ${w}${c}`).join('\n'),
  ),
  fc.tuple(words, maybeComment, words).map(([a, c, b]) => `| A | B |\n|---|---|\n| ${a}${c} | ${b} |`),
  fc.constant('').map(() => `<!--\nSECRET${++counter} blok\n-->`),
  fc.tuple(words, maybeComment).map(([w, c]) => `#### ${w}${c}`),
);

const section = fc.tuple(fc.constantFrom('Resumé', 'Indstilling', 'Sagsfremstilling', 'Beslutning', 'Økonomi'), maybeComment, fc.array(block, { minLength: 1, maxLength: 3 }));

const item = fc.tuple(fc.constantFrom('open', 'field', 'title'), words, fc.array(section, { minLength: 1, maxLength: 3 }), maybeComment);

const meeting = fc.array(item, { minLength: 1, maxLength: 5 }).map((items) => {
  const out = [`# REFERAT Udvalget${` ${comment()}`}`, '', `Mødedato: 2024-12-03 16:30 ${comment()}`, `Mødested: C.2.25`, comment(), ''];
  items.forEach(([kind, title, sections, c], i) => {
    const closed = kind !== 'open';
    const mark = (s: string) => (closed ? s.replace(/\b(budget|borger|indsats|godkendt|Randers)\b/g, `CLOSED$1`) : s);
    out.push(`## Punkt ${i + 1}: ${kind === 'title' ? `Lukket: ${title}` : title}${c}`);
    out.push(`Sagsnr: 00.22.00-P35-${i + 1}-24`);
    if (kind === 'field') out.push('Lukket: ja');
    out.push('');
    if (closed) out.push('CLOSEDBODY før første afsnit', '');
    for (const [name, hc, blocks] of sections) {
      out.push(`### ${name}${hc}`);
      for (const b of blocks) out.push(mark(b), '');
    }
  });
  return out.join('\n') + '\n';
});

describe('public edition, any document', () => {
  it('never leaks a comment or a closed body into text, HTML or JSON', async () => {
    await fc.assert(
      fc.asyncProperty(meeting, async (source) => {
        for (const format of ['text', 'html', 'json'] as const) {
          const out = (await exportReferat(source, { format, edition: 'public' })).data as string;
          expect(out, `${format}\n${source}`).not.toMatch(/SECRET|CLOSED|<!--/);
        }
      }),
      { numRuns: 150 },
    );
  });
});
