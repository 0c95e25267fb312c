/**
 * Per-country prefix sums of business days, so a count over ten years costs the same as a
 * count over three days. Built on first use and cached: the data is static and pure.
 */
import { DomainError } from '../errors';
import { toDayNumber, yearOf, type IsoDate } from './dates';
import { countryYears } from './packed';
import type { CalendarCountry } from './types';
import { businessFlags } from './year-days';

export { countryYears } from './packed';

/**
 * Day index i is the date `startDay + i`, i.e. days since January 1 of `firstYear`.
 * @example tableOf('RU').firstYear // 2013
 */
export interface CountryTable {
  readonly firstYear: number;
  readonly lastYear: number;
  readonly startDay: number;
  /** 1 where day i is a business day. */
  readonly business: Uint8Array;
  /** prefix[i] = business days among indexes 0..i-1; length = days + 1. */
  readonly prefix: Int32Array;
}

const tables = new Map<CalendarCountry, CountryTable>();

function buildTable(country: CalendarCountry): CountryTable {
  const years = countryYears(country);
  const flags = years.map(businessFlags);
  const business = new Uint8Array(flags.reduce((n, f) => n + f.length, 0));
  flags.reduce((offset, f) => (business.set(f, offset), offset + f.length), 0);
  const prefix = new Int32Array(business.length + 1);
  business.forEach((b, i) => (prefix[i + 1] = (prefix[i] ?? 0) + b));
  return {
    firstYear: years[0]?.year ?? 0,
    lastYear: years[years.length - 1]?.year ?? -1,
    startDay: toDayNumber(`${years[0]?.year ?? 1970}-01-01`),
    business,
    prefix,
  };
}

/**
 * The cached table of a country, built on first call.
 * @example tableOf('RU').prefix.length // days from 2013-01-01 to the end of its last year, plus one
 */
export function tableOf(country: CalendarCountry): CountryTable {
  let table = tables.get(country);
  if (!table) {
    table = buildTable(country);
    tables.set(country, table);
  }
  return table;
}

/**
 * The `calendar-year-unknown` error for a year outside a country's data.
 * @example throw yearUnknown('RU', 2028, 2013, 2027);
 */
export function yearUnknown(country: CalendarCountry, year: number, first: number, last: number) {
  return new DomainError(
    'calendar-year-unknown',
    `no ${country} business calendar for ${year}: the data set covers ${first}–${last}`,
  );
}

/**
 * The day index of a date, throwing `calendar-year-unknown` when its year has no data.
 * @example dayIndex('RU', tableOf('RU'), '2013-01-02') // 1
 */
export function dayIndex(country: CalendarCountry, table: CountryTable, date: IsoDate): number {
  const index = toDayNumber(date) - table.startDay;
  if (index < 0 || index >= table.business.length) {
    throw yearUnknown(country, yearOf(date), table.firstYear, table.lastYear);
  }
  return index;
}

/**
 * prefix[i], asserting the index: `noUncheckedIndexedAccess` cannot see the bounds checks.
 * @example prefixAt(tableOf('RU'), 0) // 0
 */
export function prefixAt(table: CountryTable, i: number): number {
  const value = table.prefix[i];
  if (value === undefined)
    throw new RangeError(`prefix index ${i} out of 0..${table.business.length}`);
  return value;
}
