/**
 * Types of the business-day calendars: the generated data table and the public API.
 * Kept apart from index.ts so the generated table can import its own type without a cycle.
 */
import type { IsoDate } from './dates';

/**
 * Countries with a production calendar in the data set.
 * @example CALENDAR_COUNTRIES.includes('RU') // true
 */
export const CALENDAR_COUNTRIES = ['RU', 'BY', 'KZ', 'UZ'] as const;
/** @example const c: CalendarCountry = 'KZ'; */
export type CalendarCountry = (typeof CALENDAR_COUNTRIES)[number];

/**
 * A day's type in the data set: 1 day off, 2 shortened working day, 3 working weekend day.
 * @example const t: DataDayType = 2;
 */
export type DataDayType = 1 | 2 | 3;

/**
 * One `<day>` of the data set, read from the packed table. `d` and `f` (moved from) are
 * 'MM-DD' in the same year; `holiday` is the title of the holiday it is (`h` in the file).
 * @example const day: DataDay = { d: '05-02', t: 1, f: '01-04' };
 */
export interface DataDay {
  readonly d: string;
  readonly t: DataDayType;
  readonly holiday?: string;
  readonly f?: string;
}

/**
 * One calendar.xml: the days that differ from the default week.
 * @example countryYears('RU')[0]?.year // 2013
 */
export interface DataYear {
  readonly year: number;
  /** calendar@date: when the file was published. */
  readonly published: IsoDate;
  /** Listed in sources/preliminary.json: the file can still change (e.g. holidays decreed later). */
  readonly preliminary: boolean;
  /** Unpacked on first read, then kept. */
  readonly days: readonly DataDay[];
}

/**
 * One year as data.generated.ts stores it: [year, published, preliminary, days], the days a
 * string of `MMDD` + type (1–3) + the holiday (a letter: its index in the country's titles,
 * a–z then A–Z) + `<MMDD` when the day off was moved from another date; only the days that
 * differ from the default week are listed (about 20 a year: ~100 bytes, not a 365-day table).
 * @example [2025, '2024-12-01', false, '01011a01021a…05021<0104…']
 */
export type PackedYear = readonly [
  year: number,
  published: string,
  preliminary: boolean,
  days: string,
];

/**
 * The letters naming a country's holiday titles in a packed year: index 0 is `a`.
 * @example HOLIDAY_LETTERS.indexOf('c') // 2, the country's third title
 */
export const HOLIDAY_LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * One country's packed calendar: its holiday titles (each once, not once a year) and its
 * years, contiguous and ascending.
 * @example PACKED_CALENDARS.UZ.years.length // 9 (2019–2027)
 */
export interface PackedCountry {
  readonly holidays: readonly string[];
  readonly years: readonly PackedYear[];
}

/**
 * The whole data set, packed: per country.
 * @example PACKED_CALENDARS.RU.years[0]?.[0] // 2013
 */
export type PackedCalendars = Readonly<Record<CalendarCountry, PackedCountry>>;

/**
 * Where a year's calendar comes from, so a result can cite it. `preliminary`: the file can
 * still change, so a count in that year may change with it.
 * @example { dataset: 'xmlcalendar', file: 'ru/2025/calendar.xml', published: '2024-12-01', preliminary: false }
 */
export interface CalendarSource {
  dataset: 'xmlcalendar';
  file: string;
  published: IsoDate;
  preliminary: boolean;
  note?: string;
}

/**
 * A non-working day and why: an ordinary weekend, a public holiday, or a day off moved here.
 * @example { date: '2025-05-02', kind: 'moved', movedFrom: '2025-01-04' }
 */
export interface DayOff {
  date: IsoDate;
  kind: 'weekend' | 'holiday' | 'moved';
  holiday?: string;
  movedFrom?: IsoDate;
}

/**
 * A year at a glance. `daysOff` lists every non-working day, ordinary weekends included;
 * `workingWeekendDays` lists every Saturday or Sunday that is worked (t=2 or t=3).
 * @example getCalendar('RU').summary(2025).workingDays // 247
 */
export interface CalendarYearSummary {
  country: CalendarCountry;
  year: number;
  workingDays: number;
  daysOff: DayOff[];
  shortDays: IsoDate[];
  workingWeekendDays: IsoDate[];
  source: CalendarSource;
}

/**
 * One country's business days. Every method throws `calendar-year-unknown` for a date whose
 * year has no data, and `invalid-input` for a malformed date or count.
 * @example getCalendar('RU').countBusinessDays('2024-12-27', '2025-01-10') // 3
 */
export interface BusinessCalendar {
  readonly country: CalendarCountry;
  readonly firstYear: number;
  readonly lastYear: number;
  /** True when the date's year has data (never throws `calendar-year-unknown`). */
  covers(date: IsoDate): boolean;
  /** Working days, shortened (t=2) and worked weekend days (t=3) included. */
  isBusinessDay(date: IsoDate): boolean;
  /** Business days d with after < d <= upTo; 0 when upTo <= after. O(1). */
  countBusinessDays(after: IsoDate, upTo: IsoDate): number;
  /** The first `limit` business days d with after < d <= upTo, ascending. */
  listBusinessDays(after: IsoDate, upTo: IsoDate, limit: number): IsoDate[];
  /** n = 0: `from` itself; else the n-th business day strictly after `from`. */
  addBusinessDays(from: IsoDate, n: number): IsoDate;
  summary(year: number): CalendarYearSummary;
  source(year: number): CalendarSource;
}
