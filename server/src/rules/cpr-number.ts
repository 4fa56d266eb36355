/**
 * cpr-number: a Danish CPR number (personal identity number, `ddmmyy-ssss`) in text that
 * is published. Datatilsynet has criticised municipalities for publishing exactly this.
 *
 * Checked: the header (title, fields, free text) and every open item (title, fields,
 * preamble, section headings and bodies); of a closed item only what is published (its
 * heading and fields): its body stays internal and `closed-item-content` reminds of that.
 * Comments are never published and never checked.
 *
 * A candidate is ten digits `ddmmyy` + `ssss`, written with a hyphen, a space or nothing
 * between, standing alone (not part of a longer number, a case number, an amount or a
 * date), whose birth date is a real calendar date under the CPR century rule (7th digit).
 * The modulus-11 check is deliberately not required: CPR numbers issued since 2007 need
 * not satisfy it.
 */
import type { Block, InlineText, Range } from '../syntax/ast.js';
import { isValidDate } from '../model/dates.js';
import type { Rule, RuleContext } from './types.js';
import { maskComments, sourceSpan } from './util/spans.js';

export interface CprMatch {
  /** Offsets in the scanned string. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The birth date the number encodes. */
  readonly birth: { readonly year: number; readonly month: number; readonly day: number };
}

/** The full birth year from the two-digit year and the 7th digit (first digit of the serial). */
export function cprBirthYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy; // 5–8
}

/** The classic modulus-11 check (weights 4 3 2 7 6 5 4 3 2 1). Informative only: not used since 2007. */
export function cprModulus11(digits: string): boolean {
  const d = digits.replace(/\D/g, '');
  if (d.length !== 10) return false;
  const w = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += w[i]! * +d[i]!;
  return sum % 11 === 0;
}

const CANDIDATE = /(\d{2})(\d{2})(\d{2})([-\u2010\u2011\u2013 \u00a0]?)(\d{4})/g;
/** A letter, digit or underscore next to the candidate: it is part of a longer token. */
const WORDCHAR = /[\p{L}\p{N}_]/u;
/** Connectors that join digit groups into one number (`1.193.191`, `00.22.00-P35`, `23/64938`). */
const CONNECTOR = /[-.,/\u2010\u2011\u2013+:]/;
/** Labels after which a ten-digit number is something else (account, P-number, phone …). */
const OTHER_NUMBER_LABEL =
  /(?:konto(?:nummer|nr)?|reg(?:istrerings)?\.?[ -]?nr|iban|p-?(?:nr|nummer)|cvr(?:-?nr)?|ean(?:-?nr)?|se-?nr|faktura(?:nr|nummer)?|ordre(?:nr|nummer)?|tlf|telefon(?:nr|nummer)?|mobil(?:nr)?|sagsnr|j\.?\s?nr|journalnr)\.?\s*[:#]?\s*$/i;

/** Currency before or after ten plain digits: an amount (`1010701234 kr.`, `DKK 1010701234`, `beløb: …`). */
const AMOUNT_BEFORE = /(?:\bkr\.?|\bkroner|\bdkk|\bbeløb(?:et)?\s*:?|\bi alt)\s*$/i;
const AMOUNT_AFTER = /^[ \u00a0]*(?:kr\b|kroner\b|dkk\b|mio\b|mia\b|%)/i;

/** Finds CPR numbers in a string (comments are not special here: mask them first). */
export function findCprNumbers(text: string): CprMatch[] {
  const found: CprMatch[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const sep = m[4]!;
    // Retry from the next character so that a rejected candidate does not hide a later one.
    const retry = () => (CANDIDATE.lastIndex = start + 1);
    const before = text.charAt(start - 1);
    const before2 = text.charAt(start - 2);
    const after = text.charAt(end);
    const after2 = text.charAt(end + 1);
    if (before && WORDCHAR.test(before)) { retry(); continue; }
    if (after && WORDCHAR.test(after)) { retry(); continue; }
    if (CONNECTOR.test(before) && /\d/.test(before2)) { retry(); continue; }
    if (before === '+') { retry(); continue; }
    if (CONNECTOR.test(after) && /\d/.test(after2)) { retry(); continue; }
    if (sep !== '-' && sep !== '\u2010' && sep !== '\u2011' && sep !== '\u2013') {
      // Without a hyphen, a neighbouring digit group makes it a phone or account number.
      if (/[ \u00a0]/.test(before) && /\d/.test(before2)) { retry(); continue; }
      if (/[ \u00a0]/.test(after) && /\d/.test(after2)) { retry(); continue; }
      // Nor is an amount: ten digits with a currency next to them.
      if (AMOUNT_BEFORE.test(text.slice(Math.max(0, start - 12), start)) || AMOUNT_AFTER.test(text.slice(end, end + 10))) { retry(); continue; }
    }
    if (OTHER_NUMBER_LABEL.test(text.slice(Math.max(0, start - 30), start))) { retry(); continue; }
    const day = +m[1]!;
    const month = +m[2]!;
    const yy = +m[3]!;
    const year = cprBirthYear(yy, +m[5]!.charAt(0));
    if (!isValidDate(year, month, day)) { retry(); continue; }
    found.push({ start, end, text: m[0], birth: { year, month, day } });
  }
  return found;
}

const rule: Rule = {
  meta: {
    id: 'cpr-number',
    defaultSeverity: 'error',
    description: {
      en: 'A Danish CPR number (personal identity number) in published text: it must never be published.',
      da: 'Et CPR-nummer i tekst, der offentliggøres: det må aldrig offentliggøres.',
    },
    messages: {
      cprNumber: {
        en: 'This looks like a CPR number (personal identity number), which must never be published. Remove it or replace it with xxxxxx-xxxx; if the case must name the person, make the item closed (Lukket: ja).',
        da: 'Dette ligner et CPR-nummer, som aldrig må offentliggøres. Fjern det eller erstat det med xxxxxx-xxxx; skal sagen nævne personen, så gør punktet lukket (Lukket: ja).',
      },
      cprNumberClosedHeading: {
        en: 'This looks like a CPR number (personal identity number) in the heading or fields of a closed item, which are published even though the body is not. Remove it or replace it with xxxxxx-xxxx.',
        da: 'Dette ligner et CPR-nummer i overskriften eller felterne på et lukket punkt, som offentliggøres, selv om indholdet ikke gør. Fjern det eller erstat det med xxxxxx-xxxx.',
      },
    },
    fixable: false,
    scope: 'item',
    hasSuggestions: true,
    tags: ['privacy', 'publication'],
  },
  check(ctx) {
    const { meeting } = ctx;
    const doc = meeting.document;
    const scan = (inline: InlineText | undefined, messageId: string) => {
      if (!inline) return;
      for (const hit of findCprNumbers(maskComments(inline.text))) {
        const { start, end } = sourceSpan(inline, hit.start, hit.end);
        report(ctx, { start, end }, messageId);
      }
    };
    const scanBlocks = (blocks: readonly Block[], messageId: string) => {
      for (const b of blocks) scanBlock(b, messageId, scan);
    };

    if (doc.title) scan(doc.title.heading.content, 'cprNumber');
    for (const f of doc.fields) scan(f.value, 'cprNumber');
    scanBlocks(doc.headerBlocks, 'cprNumber');

    for (const item of meeting.items) {
      const node = item.node;
      const id = item.closed ? 'cprNumberClosedHeading' : 'cprNumber';
      scan(node.heading.content, id);
      for (const f of node.fields) scan(f.value, id);
      if (item.closed) continue;
      scanBlocks(node.preamble, id);
      for (const s of node.sections) {
        scan(s.heading.content, id);
        scanBlocks(s.blocks, id);
      }
    }
  },
};

function scanBlock(b: Block, messageId: string, scan: (inline: InlineText | undefined, id: string) => void): void {
  switch (b.type) {
    case 'paragraph':
      scan(b.content, messageId);
      break;
    case 'subheading':
      scan(b.content, messageId);
      break;
    case 'list':
      for (const li of b.items) {
        scan(li.content, messageId);
        for (const child of li.children) scanBlock(child, messageId, scan);
      }
      break;
    case 'table':
      for (const row of b.allRows) {
        if (row.delimiter) continue;
        for (const cell of row.cells) scan(cell.content, messageId);
      }
      break;
    case 'comment':
      break;
  }
}

function report(ctx: RuleContext, span: { start: number; end: number }, messageId: string): void {
  const range: Range = { start: ctx.lines.position(span.start), end: ctx.lines.position(span.end) };
  ctx.report({
    messageId,
    range,
    suggestions: [
      {
        title: { en: 'Replace the CPR number with xxxxxx-xxxx', da: 'Erstat CPR-nummeret med xxxxxx-xxxx' },
        edits: [{ start: span.start, end: span.end, newText: 'xxxxxx-xxxx' }],
      },
    ],
  });
}

export default rule;
