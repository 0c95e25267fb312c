/**
 * A country's business calendar over the prefix-sum table: counts are two lookups, and
 * adding n business days is a binary search, never a day-by-day walk.
 */
import { DomainError } from '../errors';
import { addDays, yearOf, type IsoDate } from './dates';
import { sourceOf, summarize } from './summary';
import { countryYears, dayIndex, prefixAt, tableOf, yearUnknown } from './table';
import type { BusinessCalendar, CalendarCountry, DataYear } from './types';

function requireCount(n: number, name: string): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new DomainError('invalid-input', `${name} must be a non-negative integer, got ${n}`);
  }
}

/** The first index k in [lo, hi] with prefix[k] >= target, or hi + 1 when there is none. */
function firstPrefixReaching(
  prefix: (k: number) => number,
  lo: number,
  hi: number,
  target: number,
) {
  let [low, high] = [lo, hi + 1];
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (prefix(mid) >= target) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * The calendar of one country; its table is built on the first call that needs it.
 * @example createBusinessCalendar('RU').isBusinessDay('2025-11-01') // true (a short Saturday)
 */
export function createBusinessCalendar(country: CalendarCountry): BusinessCalendar {
  const years = countryYears(country);
  const firstYear = years[0]?.year ?? 0;
  const lastYear = years[years.length - 1]?.year ?? -1;
  const index = (date: IsoDate) => dayIndex(country, tableOf(country), date);
  const yearData = (year: number): DataYear => {
    if (!Number.isSafeInteger(year)) throw new DomainError('invalid-input', `not a year: ${year}`);
    const data = years[year - firstYear];
    if (!data) throw yearUnknown(country, year, firstYear, lastYear);
    return data;
  };
  // Business days in indexes 0..i, i.e. up to and including day i.
  const through = (i: number) => prefixAt(tableOf(country), i + 1);

  return {
    country,
    firstYear,
    lastYear,
    covers: (date) => {
      const year = yearOf(date);
      return year >= firstYear && year <= lastYear;
    },
    isBusinessDay: (date) => tableOf(country).business[index(date)] === 1,
    countBusinessDays: (after, upTo) => {
      const [a, b] = [index(after), index(upTo)];
      return b <= a ? 0 : through(b) - through(a);
    },
    listBusinessDays: (after, upTo, limit) => {
      requireCount(limit, 'limit');
      const [a, b] = [index(after), index(upTo)];
      const { business } = tableOf(country);
      const days: IsoDate[] = [];
      for (let i = a + 1; i <= b && days.length < limit; i++) {
        if (business[i] === 1) days.push(addDays(after, i - a));
      }
      return days;
    },
    addBusinessDays: (from, n) => {
      requireCount(n, 'n');
      const a = index(from);
      if (n === 0) return from;
      const table = tableOf(country);
      const last = table.business.length - 1;
      const k = firstPrefixReaching((i) => prefixAt(table, i), a + 2, last + 1, through(a) + n);
      // Running off the end means the answer lies in a year we have no data for.
      if (k > last + 1) throw yearUnknown(country, lastYear + 1, firstYear, lastYear);
      return addDays(from, k - 1 - a);
    },
    summary: (year) => summarize(country, yearData(year)),
    source: (year) => sourceOf(country, yearData(year)),
  };
}
