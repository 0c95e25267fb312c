/**
 * The one place that reads the data set's day types. Both the prefix-sum table and the
 * year summary are built from `describeYear`, so they cannot disagree.
 */
import { addDays, isoWeekday, toDayNumber, type IsoDate } from './dates';
import type { DataDay, DataYear, DayOff } from './types';

/**
 * What the calendar says about one date. `off` is set exactly when it is not a business day.
 * @example { date: '2025-11-01', business: true, weekend: true, short: true }
 */
export interface DayInfo {
  readonly date: IsoDate;
  readonly business: boolean;
  /** Saturday or Sunday by the default week. */
  readonly weekend: boolean;
  /** A working day shortened by one hour (t=2). */
  readonly short: boolean;
  readonly off?: DayOff;
}

/** Why a t=1 day is off. Without h or f the data set still means a day off, so we name it. */
function dayOff(date: IsoDate, weekend: boolean, day: DataDay, data: DataYear): DayOff {
  const holiday = day.holiday;
  const movedFrom = day.f === undefined ? undefined : `${data.year}-${day.f}`;
  // A t=1 weekend with no reason given (ru 2013-03-10, ru 2020-05-02) is just a weekend;
  // a weekday with no reason was a day off moved from an unnamed date (older files omit f).
  const kind = holiday !== undefined ? 'holiday' : movedFrom || !weekend ? 'moved' : 'weekend';
  return {
    date,
    kind,
    ...(holiday === undefined ? {} : { holiday }),
    ...(movedFrom === undefined ? {} : { movedFrom }),
  };
}

/** The rule itself: t=1 is off, t=2 and t=3 are worked, an unlisted day follows the default week. */
function isWorked(day: DataDay | undefined, weekend: boolean): boolean {
  return day === undefined ? !weekend : day.t !== 1;
}

/** Days of the year, the weekday of January 1, and the listed days by index (0 = Jan 1). */
function yearLayout(data: DataYear) {
  // The generator only admits 4-digit years, so plain interpolation is a valid IsoDate.
  const first = `${data.year}-01-01`;
  const start = toDayNumber(first);
  const listed = new Map(
    data.days.map((day) => [toDayNumber(`${data.year}-${day.d}`) - start, day]),
  );
  const length = toDayNumber(`${data.year + 1}-01-01`) - start;
  return { first, length, firstWeekday: isoWeekday(first), listed };
}

const isWeekend = (firstWeekday: number, i: number) => ((firstWeekday - 1 + i) % 7) + 1 >= 6;

/**
 * 1 for each business day of the year, 0 otherwise. Builds no date strings: the table is
 * made on a Worker's first request, where CPU time is scarce.
 * @example businessFlags(countryYears('RU')[12]!)[8] // 1 (2025-01-09)
 */
export function businessFlags(data: DataYear): Uint8Array {
  const { length, firstWeekday, listed } = yearLayout(data);
  const flags = new Uint8Array(length);
  for (let i = 0; i < length; i++)
    flags[i] = isWorked(listed.get(i), isWeekend(firstWeekday, i)) ? 1 : 0;
  return flags;
}

/**
 * Every date of the year, January 1 to December 31, as the calendar reads it.
 * @example describeYear(countryYears('RU')[12]!)[0] // { date: '2025-01-01', business: false, … }
 */
export function describeYear(data: DataYear): DayInfo[] {
  const { first, length, firstWeekday, listed } = yearLayout(data);
  return Array.from({ length }, (_, i): DayInfo => {
    const [date, day, weekend] = [addDays(first, i), listed.get(i), isWeekend(firstWeekday, i)];
    const short = day?.t === 2;
    if (isWorked(day, weekend)) return { date, business: true, weekend, short };
    const off: DayOff = day ? dayOff(date, weekend, day, data) : { date, kind: 'weekend' };
    return { date, business: false, weekend, short, off };
  });
}
