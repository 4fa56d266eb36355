/**
 * Case numbers in every form of spec §10: KLE `00.01.00-P35-1-24` (also `00.01.00P35-0098`),
 * `16/3842`, `2019-003610`, `326-2020-79506`, `012497 - 2017/12299`; bare on a line or after a
 * label (`Sagsnr.:`, `Sagsnummer:`, `Sagsid.:`), with companions after it (`J.nr.: …`,
 * `Sagsbehandler: …`, `, Sagsinitialer: …`), which stay as text. Pure.
 */

const FORMS = [
  /\d{2}\.\d{2}\.\d{2}-?[A-ZÆØÅ]\d{2}-\d+(?:-\d{2})?/.source,
  /\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ0-9]{1,3}-\d+-\d{2}/.source,
  /\d{4,6} - \d{4}\/\d{1,7}/.source,
  /\d{3}-\d{4}-\d{3,7}/.source,
  /\d{4}-\d{5,7}/.source,
  /\d{2}\/\d{1,7}/.source,
  // A case system's prefix, the year and a serial (`ABC-2025-003383`).
  /[A-ZÆØÅ]{2,5}-\d{4}-\d{3,7}/.source,
].join('|');

const BARE = new RegExp(`^(${FORMS})(?=\\s|$|,)`);
const LABEL = /^(?:Sags?nr|Sags?nummer|Sagsid|Sags-id|Sags? nr|Sags? nummer)\.?\s*:?\s*/i;
/** A plain word before a case number (`Sag 306-2009-600`): a label only before a number of a known form. */
const SOFT_LABEL = /^Sag\.?\s*:?\s+/i;
/** After a label, any identifier with a digit in it is the case number, whatever its form. */
const LABELLED = /^([A-ZÆØÅ0-9][A-ZÆØÅ0-9./-]*\d[A-ZÆØÅ0-9./-]*)(?=\s|$|,)/;

export interface CaseNumberLine {
  /** The case number. */
  readonly value: string;
  /** The label as written (`Sagsid.:`), or '' for a bare case number. */
  readonly label: string;
  /** What follows the case number on the line (companions, text), trimmed. */
  readonly rest: string;
}

/** The case number a line starts with (after an optional label), or undefined. */
export function caseNumberOf(line: string): CaseNumberLine | undefined {
  const l = line.replace(/\u00a0/g, ' ').replace(/\*\*/g, '').trim();
  const strong = LABEL.exec(l)?.[0];
  const soft = strong ? undefined : SOFT_LABEL.exec(l)?.[0];
  const label = strong ?? soft ?? '';
  const after = l.slice(label.length);
  const m = BARE.exec(after) ?? (strong ? LABELLED.exec(after) : null);
  if (!m || (label && m[1]!.length < 4)) return undefined;
  const rest = after.slice(m[1]!.length).replace(/^\s*,?\s*/, '').trim();
  return { value: m[1]!, label: label.trim(), rest };
}

/** A label alone on a line (`Sagsnummer`), its value on the next line. */
export function isCaseNumberLabel(line: string): boolean {
  return /^(?:Sags?nr|Sags?nummer|Sagsid|Sags? nr|Sags? nummer)\.?\s*:?$/i.test(line.replace(/\u00a0/g, ' ').trim());
}

/** A case-number line cut at the layout's wrap: its label and the number's first part, ending in a separator (`Sagsnr.: 14/`). */
const CUT = /^(?:.*\s)?(?:Sags?nr|Sags?nummer|Sagsid|Sags-id|Sags? nr)\.?\s*:?\s*[A-ZÆØÅ0-9][A-ZÆØÅ0-9.-]*[/.-]$/iu;
/** The rest of the number at the next line's start (`3842`, `3842, Sagsbehandler: …`). */
const REST = /^[A-ZÆØÅ0-9][A-ZÆØÅ0-9./-]*(?=\s|,|$)/u;

/** Joins a case number the layout wrapped (`Sagsnr.: 14/` then `3842` on the next line) back into one line. Pure. */
export function joinCutCaseNumbers<L extends { no: number; text: string }>(lines: readonly L[]): L[] {
  const out: L[] = [];
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!;
    const next = lines[k + 1];
    const t = l.text.trimEnd();
    if (next && CUT.test(t) && REST.test(next.text.trim())) {
      out.push({ ...l, text: t + next.text.trim() });
      k++;
    } else out.push(l);
  }
  return out;
}
