/**
 * A meeting header laid out as a table of one row (a label row over a value row, as a PDF's or
 * a page's text gives it): `Dato Tid Sted` then `4. december 2026 17.00 Mødelokale 2`. Each
 * label takes its value from the row under it, read from its start: a date label the date, a
 * time label the time, the last label the rest. Where a value cannot be read so (two labels of
 * free text, a value row that does not begin with the date), the lines stay as written. Pure.
 */
import { headerLabel } from './vocabulary.js';
import { DATE_SOURCE } from '../model/dates.js';

interface Line {
  no: number;
  text: string;
}

/** A time label (`Tid`, `Tidspunkt`, `Starttidspunkt`, `Kl.`): its value is a clock time. */
const TIME_LABEL = /^(?:(?:møde|start|slut)?tid(?:spunkt)?|kl\.?|klokken)$/iu;
const TIME = /^(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?::\d{2})?(?!\d)/iu;
const DATE_AT_START = new RegExp(String.raw`^(?:\p{L}+,?\s+)?(?:den\s+)?(?:${DATE_SOURCE})`, 'iu');

function labelKind(word: string): 'time' | 'date' | 'text' | undefined {
  const w = word.replace(/:$/, '');
  if (TIME_LABEL.test(w)) return 'time';
  const field = headerLabel(w)?.field;
  if (!field) return undefined;
  return field === 'Mødedato' && !/tid/iu.test(w) ? 'date' : field === 'Mødedato' ? 'time' : 'text';
}

/** The values of a label row read from the value row, or undefined where the row cannot be read so. */
function readRow(labels: readonly string[], values: string): string[] | undefined {
  const kinds = labels.map(labelKind);
  if (kinds.some((k) => k === undefined) || kinds.slice(0, -1).includes('text')) return undefined;
  const out: string[] = [];
  let rest = values.trim();
  for (const [i, kind] of kinds.entries()) {
    if (i === kinds.length - 1 && kind === 'text') {
      if (!rest) return undefined;
      out.push(rest);
      rest = '';
      break;
    }
    const m = (kind === 'date' ? DATE_AT_START : TIME).exec(rest);
    if (!m) return undefined;
    out.push(m[0].trim());
    rest = rest.slice(m[0].length).replace(/^[\s,]+/u, '');
  }
  return rest ? undefined : out;
}

/** Splits each label row in the text's first lines, and the value row under it, into one `Label: value` line a field. */
export function splitLabelRow(lines: readonly Line[]): Line[] {
  const out = [...lines];
  for (let k = 0; k < Math.min(out.length, 60); k++) {
    const labels = out[k]!.text.trim().split(/\s+/u);
    if (labels.length < 2 || labels.length > 6 || !labels.every((w) => /^\p{Lu}/u.test(w))) continue;
    let v = k + 1;
    while (v < out.length && !out[v]!.text.trim()) v++;
    if (v >= out.length) break;
    const values = readRow(labels, out[v]!.text);
    if (!values) continue;
    const fields = labels.map((l, i) => ({ no: out[k]!.no, text: `${l.replace(/:$/, '')}: ${values[i]}` }));
    out.splice(k, v - k + 1, ...fields);
    k += fields.length - 1;
  }
  return out;
}
