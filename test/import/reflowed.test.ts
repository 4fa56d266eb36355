/**
 * Our own minutes (examples/*.referat) as another house style would publish them: the text
 * export with `N. Title` headings instead of `Punkt N: Title`, and wrapped at 72 columns as
 * a PDF's text is. The structural recogniser must find every item (number, title, case
 * number, open/closed) and keep the text in order (difflib-style similarity ≥ 0.97).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/engine.js';
import { exportReferat } from '../../server/src/export/index.js';
import { importText } from '../../server/src/import/index.js';
import { sequenceSimilarity } from '../helpers/similarity.js';

const dir = path.join(__dirname, '..', '..', 'examples');
const examples = readdirSync(dir).filter((f) => f.endsWith('.referat'));

function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const out: string[] = [];
      let cur = '';
      for (const w of line.split(' ')) {
        if (cur && `${cur} ${w}`.length > width) (out.push(cur), (cur = w));
        else cur = cur ? `${cur} ${w}` : w;
      }
      out.push(cur);
      return out;
    })
    .join('\n');
}

const summary = (markup: string) =>
  analyze(markup).meeting.items.map((i) => ({ number: i.number, title: i.title, caseNumber: i.caseNumber?.text, closed: i.closed }));

describe('our minutes in another house style, wrapped as a PDF text', () => {
  for (const f of examples) {
    for (const shape of ['numbered', 'numbered and wrapped'] as const) {
      it(`${f}, ${shape}`, async () => {
        const src = readFileSync(path.join(dir, f), 'utf8');
        const text = (await exportReferat(src, { format: 'text', edition: 'internal' })).data as string;
        const numbered = text.replace(/^Punkt (\d+): /gm, '$1. ');
        const input = shape === 'numbered' ? numbered : wrap(numbered, 72);
        const r = importText(input);
        expect(summary(r.markup)).toEqual(summary(src));
        const out = (await exportReferat(r.markup, { format: 'text', edition: 'internal' })).data as string;
        expect(sequenceSimilarity(out, input)).toBeGreaterThanOrEqual(0.97);
      });
    }
  }
});
