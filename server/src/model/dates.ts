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

/** English month names: minutes published through English-language templates (Drupal's `April 3, 2019`). */
const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const;
const EN_WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** Month by its full Danish or English name or an abbreviation of either (`dec`, `dec.`, `sept`, `oct`). */
function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  for (const names of [MONTHS, EN_MONTHS] as const) {
    const full = (names as readonly string[]).indexOf(w);
    if (full >= 0) return full;
  }
  if (w.length < 3) return -1;
  for (const names of [MONTHS, EN_MONTHS] as const) {
    const k = names.findIndex((m) => m.startsWith(w));
    if (k >= 0) return k;
  }
  return -1;
}

/** Every month word the reader knows (full names and three-letter abbreviations, Danish and English), longest first. */
const MONTH_WORDS = [...new Set([...MONTHS, ...EN_MONTHS, ...[...MONTHS, ...EN_MONTHS].map((m) => m.slice(0, 3)), 'sept'])]
  .sort((a, b) => b.length - a.length)
  .join('|');

/**
 * The date shapes kommuner print, as one regular-expression source: ISO `2019-04-03`;
 * numeric `03-04-2019`, `3.4.2019`, `3/4 2019`, `26/6-2019` (two-digit years too); day, month
 * name, year `3. april 2019`, `14 november, 2019`, `15-maj-2002`, `20. aug. 2020`; month name,
 * day, year `April 3, 2019` (US order, Drupal's English template). `named` gives the parts
 * names for {@link findDate}; without it the source has no capturing group, to embed in others.
 */
function dateSource(named: boolean): string {
  const g = (name: string) => (named ? `(?<${name}>` : '(?:');
  const month = (name: string) => `${g(name)}${MONTH_WORDS})`;
  const iso = String.raw`${g('iy')}\d{4})-${g('im')}\d{1,2})-${g('id')}\d{1,2})(?!\d)`;
  const numeric = String.raw`${g('nd')}\d{1,2})[-./]${g('nm')}\d{1,2})(?:[-./]|(?<=\/\d{1,2})\s)${g('ny')}\d{4}(?!\d)|\d{2}(?![\d]|[.,]\d))`;
  const dmy = String.raw`${g('ld')}\d{1,2})\.?(?:\s*|-)${month('lm')}\.?(?:,?\s+|-)${g('ly')}\d{4})(?!\d)`;
  const mdy = String.raw`${month('um')}\.?\s+${g('ud')}\d{1,2})(?:st|nd|rd|th)?,?\s+${g('uy')}\d{4})(?!\d)`;
  return String.raw`(?<![\p{L}\p{N}]|\d[.,/-])(?:${iso}|${numeric}|${dmy}|${mdy})(?!(?!T\d)\p{L})`;
}

/** A date embedded in another pattern (no capturing group): any shape {@link findDate} reads. */
export const DATE_SOURCE = dateSource(false);
const DATE_RE = new RegExp(dateSource(true), 'giu');
const WEEKDAY_BEFORE = /(?:(\p{L}+),?\s+)?(?:(?:den|d\.)\s*)?$/iu;
const TIME_AFTER = /^(?:T|(?:\s*,)?\s*(?:[-–]\s*)?(?:(?:kl\.?|klokken)\s*)?)(\d{1,2})[:.](\d{2})(?::\d{2}(?!\d))?(?!\d)/iu;

export interface FoundDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour?: number;
  readonly minute?: number;
  /** `YYYY-MM-DD`. */
  readonly iso: string;
  readonly form: 'iso' | 'long';
  /** Where the date itself stands in the text. */
  readonly start: number;
  readonly end: number;
  /** Where it stands with its weekday, `den`/`d.` before it, and its time after it. */
  readonly outerStart: number;
  readonly outerEnd: number;
  /** The weekday written before it (`Onsdag, …`, `Wednesday …`), and whether it is Danish. */
  readonly weekday?: { readonly name: string; readonly start: number; readonly end: number; readonly danish: boolean };
  /** A real date (and time). */
  readonly valid: boolean;
}

/**
 * The dates written in a text, in every shape kommuner print (see {@link dateSource}), each with
 * the weekday before it and the time after it (`Tirsdag den 12. marts 2024, kl. 16:00`,
 * `Onsdag, April 3, 2019 - 18:00`, `Torsdag, 14 november, 2019 - 18:30`). The one date reader
 * of the importer, the model and the rules. Impossible dates (`31-02-2024`) are found, marked
 * not valid; a numeric match that is no date at all (month 0 or over 12 in a two-digit year) is skipped.
 */
export function* findDates(text: string): Generator<FoundDate> {
  const re = new RegExp(DATE_RE.source, 'giu');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const x = m.groups!;
    let year: number, month: number, day: number;
    if (x.iy) [year, month, day] = [+x.iy, +x.im!, +x.id!];
    else if (x.nd) [year, month, day] = [x.ny!.length === 2 ? 2000 + +x.ny! : +x.ny!, +x.nm!, +x.nd];
    else if (x.ld) [year, month, day] = [+x.ly!, monthIndex(x.lm!) + 1, +x.ld];
    else [year, month, day] = [+x.uy!, monthIndex(x.um!) + 1, +x.ud!];
    // A two-digit year is a date only when it could be one (`10.00-15.00` is a time).
    if (x.ny?.length === 2 && (month < 1 || month > 12 || day < 1 || day > 31)) {
      re.lastIndex = m.index + 1;
      continue;
    }
    const start = m.index;
    const end = start + m[0].length;
    const before = WEEKDAY_BEFORE.exec(text.slice(0, start))!;
    let outerStart = start;
    let weekday: FoundDate['weekday'];
    const word = before[1]?.toLowerCase();
    const danish = !!word && (WEEKDAYS as readonly string[]).includes(word);
    if (word && (danish || (EN_WEEKDAYS as readonly string[]).includes(word))) {
      outerStart = before.index;
      weekday = { name: before[1]!, start: before.index, end: before.index + before[1]!.length, danish };
    } else {
      const den = /(?:den|d\.)\s*$/iu.exec(text.slice(0, start));
      if (den && (den.index === 0 || /[\s,(]/u.test(text[den.index - 1]!))) outerStart = den.index;
    }
    const time = TIME_AFTER.exec(text.slice(end));
    const hour = time ? +time[1]! : undefined;
    const minute = time ? +time[2]! : undefined;
    const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    yield {
      year,
      month,
      day,
      hour,
      minute,
      iso,
      form: x.iy ? 'iso' : 'long',
      start,
      end,
      outerStart,
      outerEnd: end + (time ? time[0].length : 0),
      weekday,
      valid: isValidDate(year, month, day) && validTime(hour, minute),
    };
  }
}

/** The first date written in a text (see {@link findDates}), or undefined. */
export function findDate(text: string): FoundDate | undefined {
  for (const d of findDates(text)) return d;
  return undefined;
}

/**
 * Parses a Mødedato value: a whole value that is one date ({@link findDates}), with its Danish
 * weekday, `den`/`d.` and time (ISO also after any one word, which the rule checks as a
 * weekday). Undefined when the value is no date, or another word stands beside it.
 */
export function parseMeetingDate(text: string): ParsedDate | undefined {
  const t = text.trim();
  const lead = text.length - text.trimStart().length;
  const d = findDate(t);
  if (!d || t.slice(d.outerEnd).trim()) return undefined;
  const prefix = t.slice(0, d.outerStart);
  if (prefix && !(d.form === 'iso' && /^\p{L}+\s+$/u.test(prefix))) return undefined;
  if (d.weekday && !d.weekday.danish) return undefined;
  // A weekday before an ISO date is the rule's to check (it is not part of the form).
  const weekday = d.weekday && d.form !== 'iso' ? { name: d.weekday.name, start: lead + d.weekday.start, end: lead + d.weekday.end } : undefined;
  return { year: d.year, month: d.month, day: d.day, hour: d.hour, minute: d.minute, form: d.form, weekday, valid: d.valid };
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
