/**
 * Danish meeting dates: ISO (`2024-12-03 16:30`) and the long form used in published
 * minutes (`Tirsdag d. 03. december 2024 kl. 16:30`), and title dates (`d. 03-12-2024`).
 */

export const MONTHS = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/** Weekday names indexed as Date.getUTCDay() (0 = Sunday). */
export const WEEKDAYS = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'] as const;

export interface ParsedDate {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  form: 'iso' | 'long';
  /** The weekday as written and its offsets in the input, for the long form. */
  weekday?: { name: string; start: number; end: number };
  valid: boolean;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const dim = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= dim;
}

export function weekdayOf(year: number, month: number, day: number): (typeof WEEKDAYS)[number] {
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
}

const ISO = /^(?:[\p{L}]+\s+)?(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(?:kl\.?\s*)?(\d{1,2})[:.](\d{2}))?$/iu;
/** dd-mm-yyyy or dd.mm.yyyy, optionally with a weekday before and a time after. */
const NUMERIC =
  /^(?:([\p{L}]+)\s+)?(?:d\.|den)?\s*(\d{1,2})[-.](\d{1,2})[-.](\d{4})(?:\s*,?\s*(?:kl\.?|klokken)?\s*(\d{1,2})[:.](\d{2}))?\s*$/iu;

/** Month by full Danish name or its abbreviation (`dec`, `dec.`). */
function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  const full = MONTHS.indexOf(w as (typeof MONTHS)[number]);
  if (full >= 0) return full;
  if (w.length >= 3) return MONTHS.findIndex((m) => m.startsWith(w));
  return -1;
}

const LONG =
  /^(?:([\p{L}]+)\s+)?(?:d\.|den)?\s*(\d{1,2})\.?\s*([\p{L}]+)\.?\s+(\d{4})(?:\s*,?\s*(?:kl\.?|klokken)?\s*(\d{1,2})[:.](\d{2}))?\s*$/iu;

/** Parses a Mødedato value. Returns undefined when the text is in neither accepted form. */
export function parseMeetingDate(text: string): ParsedDate | undefined {
  const t = text.trim();
  const lead = text.length - text.trimStart().length;
  let m = ISO.exec(t);
  if (m) {
    const [year, month, day] = [+m[1]!, +m[2]!, +m[3]!];
    const hour = m[4] !== undefined ? +m[4] : undefined;
    const minute = m[5] !== undefined ? +m[5] : undefined;
    return { year, month, day, hour, minute, form: 'iso', valid: isValidDate(year, month, day) && validTime(hour, minute) };
  }
  m = NUMERIC.exec(t);
  if (m) {
    const [year, month, day] = [+m[4]!, +m[3]!, +m[2]!];
    const hour = m[5] !== undefined ? +m[5] : undefined;
    const minute = m[6] !== undefined ? +m[6] : undefined;
    let weekday: ParsedDate['weekday'];
    if (m[1]) {
      if (!WEEKDAYS.includes(m[1].toLowerCase() as (typeof WEEKDAYS)[number])) return undefined;
      weekday = { name: m[1], start: lead, end: lead + m[1].length };
    }
    return { year, month, day, hour, minute, form: 'long', weekday, valid: isValidDate(year, month, day) && validTime(hour, minute) };
  }
  m = LONG.exec(t);
  if (m) {
    const monthIdx = monthIndex(m[3]!);
    if (monthIdx < 0) return undefined;
    const [year, month, day] = [+m[4]!, monthIdx + 1, +m[2]!];
    const hour = m[5] !== undefined ? +m[5] : undefined;
    const minute = m[6] !== undefined ? +m[6] : undefined;
    let weekday: ParsedDate['weekday'];
    if (m[1]) {
      if (!WEEKDAYS.includes(m[1].toLowerCase() as (typeof WEEKDAYS)[number])) return undefined;
      weekday = { name: m[1], start: lead, end: lead + m[1].length };
    }
    return { year, month, day, hour, minute, form: 'long', weekday, valid: isValidDate(year, month, day) && validTime(hour, minute) };
  }
  return undefined;
}

function validTime(hour?: number, minute?: number): boolean {
  if (hour === undefined) return true;
  return hour >= 0 && hour <= 23 && (minute ?? 0) >= 0 && (minute ?? 0) <= 59;
}

/** `d. 03-12-2024` / `den 13-08-2024` / `03.12.2024` at the end of a title. */
const TITLE_DATE = /(?:\b(?:d\.|den)\s*)?(\d{1,2})[-.](\d{1,2})[-.](\d{4})\s*$/u;

export function findTitleDate(text: string): { year: number; month: number; day: number; start: number; end: number } | undefined {
  const m = TITLE_DATE.exec(text);
  if (!m) return undefined;
  const end = m.index + m[0].trimEnd().length;
  return { day: +m[1]!, month: +m[2]!, year: +m[3]!, start: m.index, end };
}

/** Formats as the seeds do: `03-12-2024`. */
export function formatDmy(d: { year: number; month: number; day: number }): string {
  return `${String(d.day).padStart(2, '0')}-${String(d.month).padStart(2, '0')}-${d.year}`;
}

/** `Tirsdag d. 03. december 2024 kl. 16:30` */
export function formatLongDanish(d: { year: number; month: number; day: number; hour?: number; minute?: number }): string {
  const wd = weekdayOf(d.year, d.month, d.day);
  const base = `${wd[0]!.toUpperCase()}${wd.slice(1)} d. ${String(d.day).padStart(2, '0')}. ${MONTHS[d.month - 1]} ${d.year}`;
  if (d.hour === undefined) return base;
  return `${base} kl. ${String(d.hour).padStart(2, '0')}:${String(d.minute ?? 0).padStart(2, '0')}`;
}

/** The Danish weekday (lower case) of a date. Alias kept for the rules. */
export function weekdayName(year: number, month: number, day: number): string {
  return weekdayOf(year, month, day);
}

type DateParts = { year: number; month: number; day: number };

/** The tokens of a profile's dateFormat (d, dd, m, mm, MMM, MMMM, yy, yyyy); other characters are literal. */
const DATE_TOKENS = /MMMM|MMM|dd|d|mm|m|yyyy|yy/g;

/** A date in a profile's dateFormat: `dd-mm-yyyy` → 01-09-2021, `d. MMMM yyyy` → 1. september 2021. */
export function formatDatePattern(d: DateParts, format: string): string {
  return format.replace(DATE_TOKENS, (t) => {
    switch (t) {
      case 'dd':
        return String(d.day).padStart(2, '0');
      case 'd':
        return String(d.day);
      case 'mm':
        return String(d.month).padStart(2, '0');
      case 'm':
        return String(d.month);
      case 'MMMM':
        return MONTHS[d.month - 1] ?? String(d.month);
      case 'MMM':
        return (MONTHS[d.month - 1] ?? String(d.month)).slice(0, 3);
      case 'yyyy':
        return String(d.year);
      default:
        return String(d.year % 100).padStart(2, '0');
    }
  });
}

/**
 * Any Danish date as written in headings (`01-09-2021`, `20.09.2016`, `20. august 2020`,
 * `20. aug. 2020`, `d. 3/12 2024`), or undefined. Lenient on purpose: a profile's dateFormat
 * says how exports write a date; reading accepts every common form.
 */
export function parseDanishDate(text: string): DateParts | undefined {
  const t = text.trim().replace(/^(?:d\.|den)\s*/i, '');
  let m = /^(\d{1,2})[-./](\d{1,2})[-./ ](\d{4}|\d{2})$/u.exec(t);
  if (m) return withYear(+m[1]!, +m[2]!, m[3]!);
  m = /^(\d{1,2})\.?\s*([\p{L}]+)\.?\s+(\d{4})$/u.exec(t);
  if (m) {
    const month = monthIndex(m[2]!);
    if (month >= 0) return withYear(+m[1]!, month + 1, m[3]!);
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(t);
  if (m) return { year: +m[1]!, month: +m[2]!, day: +m[3]! };
  return undefined;
}

function withYear(day: number, month: number, year: string): DateParts {
  return { day, month, year: year.length === 2 ? 2000 + +year : +year };
}

/** A regular-expression source matching any date {@link parseDanishDate} reads. */
export const DANISH_DATE_SOURCE = String.raw`(?:(?:d\.|den)\s*)?(?:\d{1,2}[-./]\d{1,2}[-./ ](?:\d{4}|\d{2})|\d{1,2}\.?\s*\p{L}+\.?\s+\d{4}|\d{4}-\d{1,2}-\d{1,2})`;
