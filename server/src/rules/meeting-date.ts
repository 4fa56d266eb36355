/**
 * meeting-date: the meeting's date must exist, be a real date, agree with its written
 * weekday, and agree with the date in the title (and, in the committee-date house style,
 * with the date in `Beslutning <udvalg> den <dato>` headings).
 *
 * `Mødedato` is authoritative: it is the structured field, its weekday double-checks it,
 * and the title and decision headings repeat it. Fixes therefore change the weekday, the
 * title date and the decision-heading date to agree with `Mødedato` — except when the
 * written weekday contradicts `Mødedato` but agrees with the title date: then it is unclear
 * which one is wrong, and the changes are offered as suggestions only.
 */
import type { ItemModel } from '../model/types.js';
import { formatLongDanish, isValidDate, MONTHS, parseMeetingDate, WEEKDAYS, weekdayName } from '../model/dates.js';
import type { Field, Range } from '../syntax/ast.js';
import type { Fix, Rule, RuleContext } from './types.js';
import { headingRange, sourceSpan, spanRange, trimmedSpan } from './util/spans.js';
import { suggest } from './util/names.js';

interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const dmy = (d: Ymd, sep = '-') => `${pad2(d.day)}${sep}${pad2(d.month)}${sep}${d.year}`;
const sameDay = (a: Ymd, b: Ymd) => a.year === b.year && a.month === b.month && a.day === b.day;
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** English weekday names, Danish order (mandag first). */
const EN_WEEKDAYS: Readonly<Record<string, string>> = {
  mandag: 'Monday',
  tirsdag: 'Tuesday',
  onsdag: 'Wednesday',
  torsdag: 'Thursday',
  fredag: 'Friday',
  lørdag: 'Saturday',
  søndag: 'Sunday',
};

/** Gives `word` the capitalisation of `model`: `Tirsdag`→`Onsdag`, `TIRSDAG`→`ONSDAG`, `tirsdag`→`onsdag`. */
export function matchCase(word: string, model: string): string {
  if (model.length > 1 && model === model.toUpperCase() && model !== model.toLowerCase()) return word.toUpperCase();
  const first = model.charAt(0);
  if (first && first === first.toUpperCase() && first !== first.toLowerCase()) {
    return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
  }
  return word.toLowerCase();
}

const NUMERIC_DATE = /(\d{1,2})([-./])(\d{1,2})\2(\d{4})/;

const rule: Rule = {
  meta: {
    id: 'meeting-date',
    defaultSeverity: 'error',
    description: {
      en: 'A missing, unreadable or impossible meeting date, a weekday that does not match it, or a title date that disagrees with Mødedato.',
      da: 'En manglende, ulæselig eller umulig mødedato, en ugedag der ikke passer, eller en dato i titlen, der ikke stemmer med Mødedato.',
    },
    messages: {
      missing: {
        en: 'The meeting has no date. Add the header line "Mødedato: {example}".',
        da: 'Mødet har ingen dato. Tilføj linjen "Mødedato: {example}" i mødets hoved.',
      },
      empty: {
        en: 'Mødedato is empty. Write the date as "Tirsdag d. 03. december 2024 kl. 16:30" or "2024-12-03 16:30".',
        da: 'Mødedato er tom. Skriv datoen som "Tirsdag d. 03. december 2024 kl. 16:30" eller "2024-12-03 16:30".',
      },
      unparseable: {
        en: 'Mødedato "{value}" cannot be read as a date. Write it in the Danish long form "Tirsdag d. 03. december 2024 kl. 16:30" or as ISO "2024-12-03 16:30".',
        da: 'Mødedato "{value}" kan ikke læses som en dato. Skriv den på den lange form "Tirsdag d. 03. december 2024 kl. 16:30" eller som ISO "2024-12-03 16:30".',
      },
      misspelled: {
        en: 'Mødedato "{value}": "{word}" is not a Danish {kind}. Write "{fixed}".',
        da: 'Mødedato "{value}": "{word}" er ikke {kindDa}. Skriv "{fixed}".',
      },
      noSuchMonth: {
        en: 'Mødedato has month {month}, which does not exist. Correct the date (months are 1–12).',
        da: 'Mødedato har måned {month}, som ikke findes. Ret datoen (månederne er 1–12).',
      },
      noSuchDay: {
        en: 'Mødedato is day {day} of {monthEn} {year}, which has only {days} days. Correct the date.',
        da: 'Mødedato er den {day}. {monthDa} {year}, men måneden har kun {days} dage. Ret datoen.',
      },
      badTime: {
        en: 'Mødedato has the time {time}, which does not exist. Correct it (00:00–23:59).',
        da: 'Mødedato har klokkeslættet {time}, som ikke findes. Ret det (00:00–23:59).',
      },
      weekday: {
        en: '{date} is a {actualEn}, not a {writtenEn}. Change the weekday to "{fixed}" (or correct the date).',
        da: '{date} er en {actual}, ikke en {written}. Ret ugedagen til "{fixed}" (eller ret datoen).',
      },
      titleMismatch: {
        en: 'The date in the title ({title}) disagrees with Mødedato ({date}). Mødedato is authoritative: change the title date to {fixed}.',
        da: 'Datoen i titlen ({title}) stemmer ikke med Mødedato ({date}). Mødedato er afgørende: ret datoen i titlen til {fixed}.',
      },
      titleImpossible: {
        en: 'The date in the title ({title}) does not exist. Change it to the date of Mødedato, {fixed}.',
        da: 'Datoen i titlen ({title}) findes ikke. Ret den til datoen fra Mødedato, {fixed}.',
      },
      decisionMismatch: {
        en: 'The date in the decision heading ({written}) disagrees with Mødedato ({date}). Change it to {fixed}.',
        da: 'Datoen i beslutningens overskrift ({written}) stemmer ikke med Mødedato ({date}). Ret den til {fixed}.',
      },
    },
    fixable: true,
    tags: ['header'],
  },
  check(ctx) {
    const m = ctx.meeting;
    const field = m.dateField;
    if (!field) {
      reportMissing(ctx);
      return;
    }
    const date = m.date;
    if (!date) {
      reportUnparseable(ctx, field);
      return;
    }
    if (!isValidDate(date.year, date.month, date.day)) {
      if (date.month < 1 || date.month > 12) {
        ctx.report({ messageId: 'noSuchMonth', data: { month: date.month }, range: date.range });
      } else {
        ctx.report({
          messageId: 'noSuchDay',
          data: { day: date.day, monthDa: MONTHS[date.month - 1]!, monthEn: monthEn(date.month), year: date.year, days: daysIn(date.year, date.month) },
          range: date.range,
        });
      }
      return;
    }
    if (!date.valid && date.hour !== undefined) {
      ctx.report({ messageId: 'badTime', data: { time: `${pad2(date.hour)}:${pad2(date.minute ?? 0)}` }, range: date.range });
    }

    const actual = weekdayName(date.year, date.month, date.day);
    const written = date.weekday ?? leadingWeekday(ctx, field, actual);
    const weekdayWrong = !!written && written.name.toLowerCase() !== actual;
    const title = m.titleDate;
    const titleValid = !!title && isValidDate(title.year, title.month, title.day);
    const titleWrong = !!title && (!titleValid || !sameDay(title, date));
    // Which is wrong, the weekday or Mødedato's date? Unclear when the title sides with the weekday.
    const ambiguous =
      weekdayWrong && titleWrong && titleValid && weekdayName(title!.year, title!.month, title!.day) === written!.name.toLowerCase();

    if (written && weekdayWrong) {
      const fixed = matchCase(actual, written.name);
      const fix: Fix = {
        title: { en: `Change the weekday to ${fixed}`, da: `Ret ugedagen til ${fixed}` },
        edits: [{ start: written.range.start.offset, end: written.range.end.offset, newText: fixed }],
      };
      ctx.report({
        messageId: 'weekday',
        data: {
          date: dmy(date),
          actual,
          actualEn: EN_WEEKDAYS[actual]!,
          written: written.name.toLowerCase(),
          writtenEn: EN_WEEKDAYS[written.name.toLowerCase()] ?? written.name,
          fixed,
        },
        range: written.range,
        ...(ambiguous ? { suggestions: [fix] } : { fix }),
      });
    }

    if (title && titleWrong) {
      const titleText = ctx.source.slice(title.range.start.offset, title.range.end.offset);
      const found = NUMERIC_DATE.exec(titleText);
      const sep = found?.[2] ?? '-';
      const fixed = dmy(date, sep);
      const fix: Fix | undefined = found
        ? {
            title: { en: `Change the title date to ${fixed}`, da: `Ret datoen i titlen til ${fixed}` },
            edits: [{ start: title.range.start.offset + found.index, end: title.range.start.offset + found.index + found[0].length, newText: fixed }],
          }
        : undefined;
      const range: Range = found
        ? spanRange(ctx.lines, { start: title.range.start.offset + found.index, end: title.range.start.offset + found.index + found[0].length })
        : title.range;
      ctx.report({
        messageId: titleValid ? 'titleMismatch' : 'titleImpossible',
        data: { title: found ? found[0] : titleText, date: dmy(date), fixed },
        range,
        ...(fix ? (ambiguous ? { suggestions: [fix] } : { fix }) : {}),
      });
    }

    for (const item of m.items) checkDecisionHeadings(ctx, item, date);
  },
};

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function monthEn(month: number): string {
  return EN_MONTHS[month - 1] ?? String(month);
}

const DECISION_NUMERIC = /(\d{1,2})([-./])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/;
const DECISION_LONG = /(\d{1,2})\.\s*(\p{L}+)\s+(\d{4})/u;

/**
 * `Beslutning Arbejdsmarkedsudvalget den 13-08-2024` (also `13-08-24`, `13. august 2024`):
 * the date must be the meeting's. The fix writes the meeting's date in the form written.
 */
function checkDecisionHeadings(ctx: RuleContext, item: ItemModel, date: Ymd): void {
  for (const s of item.sections) {
    // An earlier decision of the item's chain (another committee, another day) has its own date.
    if (!s.decisionBody || s.kind === 'earlier-decision') continue;
    const content = s.node.heading.content;
    const text = content.text;
    let found: { index: number; text: string; written: Ymd; fixed: string } | undefined;
    const n = DECISION_NUMERIC.exec(text);
    if (n) {
      const short = n[4]!.length === 2;
      const year = short ? 2000 + +n[4]! : +n[4]!;
      const sep = n[2]!;
      const fixed = short
        ? `${pad2(date.day)}${sep}${pad2(date.month)}${sep}${pad2(date.year % 100)}`
        : dmy(date, sep);
      found = { index: n.index, text: n[0], written: { day: +n[1]!, month: +n[3]!, year }, fixed };
    } else {
      const l = DECISION_LONG.exec(text);
      const month = l ? MONTHS.indexOf(l[2]!.toLowerCase() as (typeof MONTHS)[number]) + 1 : 0;
      if (l && month > 0) {
        const day = l[1]!.length === 2 ? pad2(date.day) : String(date.day);
        found = { index: l.index, text: l[0], written: { day: +l[1]!, month, year: +l[3]! }, fixed: `${day}. ${MONTHS[date.month - 1]} ${date.year}` };
      }
    }
    if (!found) continue;
    const { written } = found;
    if (isValidDate(written.year, written.month, written.day) && sameDay(written, date)) continue;
    const span = sourceSpan(content, found.index, found.index + found.text.length);
    ctx.report({
      messageId: 'decisionMismatch',
      data: { written: found.text, date: dmy(date), fixed: found.fixed },
      range: spanRange(ctx.lines, span),
      fix: {
        title: { en: `Change the date to ${found.fixed}`, da: `Ret datoen til ${found.fixed}` },
        edits: [{ start: span.start, end: span.end, newText: found.fixed }],
      },
    });
  }
}

/**
 * A weekday before an ISO date (`Tirsdag 2024-12-03`), which the model does not record.
 * A misspelled one (`Tirsdg`) is reported here and fixed to the date's weekday.
 */
function leadingWeekday(ctx: RuleContext, field: Field, actual: string): { name: string; range: Range } | undefined {
  const { start, end } = trimmedSpan(field.value.text);
  const m = /^(\p{L}+)[,\s]/u.exec(field.value.text.slice(start, end));
  if (!m) return undefined;
  const word = m[1]!;
  const span = sourceSpan(field.value, start, start + word.length);
  const range = spanRange(ctx.lines, span);
  if ((WEEKDAYS as readonly string[]).includes(word.toLowerCase())) return { name: word, range };
  if (['d', 'den'].includes(word.toLowerCase()) || suggest(word, WEEKDAYS).length === 0) return undefined;
  const fixed = matchCase(actual, word);
  const value = field.value.text.slice(start, end);
  ctx.report({
    messageId: 'misspelled',
    data: { value, word, fixed, kind: 'weekday', kindDa: 'en dansk ugedag' },
    range,
    fix: { title: { en: `Change to "${fixed}"`, da: `Ret til "${fixed}"` }, edits: [{ start: span.start, end: span.end, newText: fixed }] },
  });
  return undefined;
}

function reportMissing(ctx: RuleContext): void {
  const m = ctx.meeting;
  const doc = m.document;
  const t = m.titleDate;
  const fromTitle = t && isValidDate(t.year, t.month, t.day) ? formatLongDanish(t) : undefined;
  const example = fromTitle ?? 'Tirsdag d. 03. december 2024 kl. 16:30';
  const range: Range = doc.title ? headingRange(ctx.lines, doc.title.heading) : { start: doc.range.start, end: doc.range.start };
  let fix: Fix | undefined;
  if (fromTitle) {
    const line = `Mødedato: ${fromTitle}`;
    const eol = ctx.eol;
    const fields = doc.fields;
    const before = fields.find((f) => !/^(kommune|udvalg)$/i.test(f.name.text.trim()));
    let edit;
    if (before) edit = { start: before.range.start.offset, end: before.range.start.offset, newText: line + eol };
    else if (fields.length) {
      const end = fields[fields.length - 1]!.range.end.offset;
      edit = { start: end, end, newText: eol + line };
    } else if (doc.title) {
      const end = doc.title.heading.range.end.offset;
      edit = { start: end, end, newText: eol + eol + line };
    }
    if (edit) fix = { title: { en: `Add "${line}"`, da: `Tilføj "${line}"` }, edits: [edit] };
  }
  ctx.report({ messageId: 'missing', data: { example }, range, fix });
}

function reportUnparseable(ctx: RuleContext, field: Field): void {
  const { start, end } = trimmedSpan(field.value.text);
  if (start === end) {
    ctx.report({ messageId: 'empty', range: field.name.range });
    return;
  }
  const value = field.value.text.slice(start, end);
  const span = sourceSpan(field.value, start, end);
  const range = spanRange(ctx.lines, span);
  const repair = repairWord(value);
  if (repair) {
    const s = sourceSpan(field.value, start + repair.start, start + repair.end);
    ctx.report({
      messageId: 'misspelled',
      data: { value, word: repair.word, fixed: repair.fixed, kind: repair.kind === 'weekday' ? 'weekday' : 'month name', kindDa: repair.kind === 'weekday' ? 'en dansk ugedag' : 'et dansk månedsnavn' },
      range: spanRange(ctx.lines, s),
      fix: {
        title: { en: `Change to "${repair.fixed}"`, da: `Ret til "${repair.fixed}"` },
        edits: [{ start: s.start, end: s.end, newText: repair.fixed }],
      },
    });
    return;
  }
  ctx.report({ messageId: 'unparseable', data: { value }, range });
}

/**
 * A value that becomes a valid date when one word is replaced: a misspelled weekday
 * (replaced by the date's real weekday) or a misspelled month name (the one close month).
 */
function repairWord(value: string): { start: number; end: number; word: string; fixed: string; kind: 'weekday' | 'month' } | undefined {
  const words = [...value.matchAll(/\p{L}+/gu)];
  for (const w of words) {
    const word = w[0];
    const lowerWord = word.toLowerCase();
    if (['d', 'den', 'kl', 'klokken'].includes(lowerWord)) continue;
    if ((WEEKDAYS as readonly string[]).includes(lowerWord) || (MONTHS as readonly string[]).includes(lowerWord)) continue;
    const start = w.index;
    const end = start + word.length;
    // A month name?
    const months = suggest(word, MONTHS);
    if (months.length === 1) {
      const candidate = value.slice(0, start) + months[0] + value.slice(end);
      const d = parseMeetingDate(candidate);
      if (d && d.valid && (!d.weekday || d.weekday.name.toLowerCase() === weekdayName(d.year, d.month, d.day))) {
        return { start, end, word, fixed: matchCase(months[0]!, word), kind: 'month' };
      }
    }
    // A weekday: the first word, and the rest a valid date.
    if (w === words[0] && start === 0) {
      const d = parseMeetingDate(value.slice(end).replace(/^,/, ''));
      if (d && d.valid && suggest(word, WEEKDAYS).length > 0) {
        return { start, end, word, fixed: matchCase(weekdayName(d.year, d.month, d.day), word), kind: 'weekday' };
      }
    }
  }
  return undefined;
}

export default rule;
