/**
 * Words of published minutes the importer recognises: section headings of the house styles
 * (spec §10), header labels and page furniture. Forms, not kommuner: a label is any of the
 * ways the publishing systems write it. The words themselves are the domain vocabulary's
 * (model/vocabulary.ts), shared with the model and the rules.
 */
import { knownSectionHeadings, publishedHeaderField } from '../model/vocabulary.js';

/** Section headings of published minutes beyond the domain vocabulary's. */
const SECTIONS = [
  'Resumé', 'Resume', 'Sagsresumé', 'Sagsresume', 'Resume og sagens baggrund', 'Beslutningstema', 'Sagstema',
  'Anledning', 'Præsentation', 'Forslag', 'Indstilling', 'Indstillinger', 'Forvaltningen foreslår',
  'Indstilling og beslutning', 'Sagsfremstilling', 'Sagsbeskrivelse', 'Redegørelse', 'Historik',
  'Sagen behandles i', 'Forventet sagsgang', 'Høring og sagsgang', 'Høring', 'Høringssvar', 'Behandling',
  'Behandlingsplan', 'Hvem beslutter', 'Kompetenceudvalg', 'Beslutningskompetence', 'Retsgrundlag',
  'Lovgrundlag', 'Økonomi', 'Økonomiske konsekvenser', 'Bevillingsmæssige konsekvenser', 'Andre konsekvenser',
  'Klima & bæredygtighed', 'Klima og bæredygtighed', 'Centralforvaltningens bemærkninger', 'Bilag', 'Bilagsnr',
  'Bilagsnr.', 'Kommunikation', 'Tidsplan', 'Sagstype', 'Beslutning', 'Beslutninger', 'Baggrund', 'Vurdering', 'Personale',
  'Konsekvenser', 'Økonomi og finansiering', 'Supplerende sagsfremstilling', 'Administrationens vurdering',
];

/** Lower-cased section heading → as written: every heading the domain vocabulary knows (model/vocabulary.ts), and the further ones published minutes use. */
export const SECTION_WORDS: ReadonlyMap<string, string> = new Map([...knownSectionHeadings(), ...SECTIONS].map((s) => [s.toLowerCase(), s]));

/** Header labels of published minutes beyond the domain vocabulary's, and the markup field each is. */
const HEADER: readonly [RegExp, string][] = [
  [/^(?:Mødedato|Dato|Mødetidspunkt|Mødetid|Tidspunkt)$/iu, 'Mødedato'],
  [/^(?:Mødested|Lokale|Mødeafholdelse|Lokation|Sted)$/iu, 'Mødested'],
  [/^(?:Mødedeltagere|Medlemmer|Deltagere|Tilstede|Til stede)$/iu, 'Mødedeltagere'],
  [/^(?:Afbud|Fraværende|Fraværende med afbud)$/iu, 'Afbud'],
  [/^(?:Stedfortrædere|Suppleanter)$/iu, 'Stedfortrædere'],
  [/^(?:Udvalg)$/iu, 'Udvalg'],
  [/^(?:Formand)$/iu, 'Formand'],
  [/^(?:Referent)$/iu, 'Referent'],
  [/^(?:Kommune)$/iu, 'Kommune'],
];

/** `Deltagere: …`, `Fraværende Jakob E.` (no colon), `Medlemmer:` (value on the next lines). */
export function headerLabel(line: string): { field: string; value: string } | undefined {
  const m = /^([\p{L} ]{3,30}?)\s*(?::\s*(.*)|\s+(\S.*))?$/u.exec(line);
  if (!m) return undefined;
  const label = m[1]!.trim();
  const field = publishedHeaderField(label) ?? HEADER.find(([re]) => re.test(label))?.[1];
  if (!field) return undefined;
  const value = (m[2] ?? m[3] ?? '').trim();
  // Without a colon the value starts as a name or a place does, or a date does (`Mødetidspunkt 31-08-2015 18:00`).
  if (m[3] !== undefined && m[2] === undefined && !/^\p{Lu}/u.test(value) && !(field === 'Mødedato' && /^\d/u.test(value))) return undefined;
  return { field, value };
}

/**
 * Where header labels begin fields inside a line whose line breaks were lost
 * (`… Mødeafholdelse Rådssalen Tilstede: A, B Fraværende: C`): the offsets of the labels that
 * follow a space. Without a colon only the meeting's own fields count (time, place, members,
 * absence): `Gentofte Kommune` is a name, not the field `Kommune`.
 */
export function headerLabelsWithin(line: string): number[] {
  const at: number[] = [];
  const bare = new Set(['Mødedato', 'Mødested', 'Mødedeltagere', 'Afbud', 'Stedfortrædere']);
  // Each word in capitalised case (not capitals: `KOMMUNE` is a name) after a space.
  for (const m of line.matchAll(/(?<=\s)\p{Lu}\p{Ll}/gu)) {
    const words = line.slice(m.index).split(/\s+/, 3);
    for (let n = words.length; n >= 1; n--) {
      const label = words.slice(0, n).join(' ');
      const colon = label.endsWith(':');
      const bareLabel = label.replace(/:$/, '');
      const field = publishedHeaderField(bareLabel) ?? HEADER.find(([r]) => r.test(bareLabel))?.[1];
      if (field && (colon || bare.has(field))) {
        at.push(m.index);
        break;
      }
    }
  }
  // The contents list that follows the header ends the last field (`Fraværende: C Indholdsfortegnelse 1 …`).
  for (const m of line.matchAll(/(?<=\s)Indholdsfortegnelse\b/gu)) at.push(m.index);
  return at.sort((a, b) => a - b);
}

/** Page furniture: words of the page or the viewer, not of the minutes. */
export function furniture(line: string): boolean {
  // One piece, or several a page's toolbar strings together (`Kopier link til punktet - Print`).
  return line
    .trim()
    .split(/\s+[-–|•]\s+/u)
    .every((piece) => /^(?:Side \d+ af \d+|Side \d+|\d+ af \d+|Til toppen|Til indholdsfortegnelse|Udskriv|Kopier link til punktet|Show video|Vis video|Hent som fil:?|Print|Luk)$/iu.test(piece));
}

/**
 * A contents heading run into its first entry (a web page's text lost the line break:
 * `Indholdsfortegnelse1. Fraværende`): the heading and the entry, or undefined.
 */
export function contentsRunIn(text: string): [string, string] | undefined {
  const m = /^(\s*(?:Indholdsfortegnelse|Indhold|Dagsorden))(\d{1,4}\.\s+\p{Lu}.*)$/u.exec(text);
  return m ? [m[1]!, m[2]!] : undefined;
}
