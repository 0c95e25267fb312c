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
 * One `<day>` of the data set. `d` and `f` are 'MM-DD' in the same year; `h` is a holiday id.
 * @example const day: DataDay = { d: '05-02', t: 1, f: '01-04' };
 */
export interface DataDay {
  readonly d: string;
  readonly t: DataDayType;
  readonly h?: number;
  readonly f?: string;
}

/**
 * One calendar.xml: the days that differ from the default week, and the holiday titles.
 * @example CALENDAR_DATA.RU[0]?.year // 2013
 */
export interface DataYear {
  readonly year: number;
  /** calendar@date: when the file was published. */
  readonly published: IsoDate;
  /** Listed in sources/preliminary.json: the file can still change (e.g. holidays decreed later). */
  readonly preliminary: boolean;
  readonly holidays: Readonly<Record<number, string>>;
  readonly days: readonly DataDay[];
}

/**
 * The whole data set: per country, contiguous years in ascending order.
 * @example CALENDAR_DATA.UZ.length // 9 (2019–2027)
 */
export type CalendarDataSet = Readonly<Record<CalendarCountry, readonly DataYear[]>>;

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
