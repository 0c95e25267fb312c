/**
 * The periods analytics count in: UTC days (the stored buckets), ISO weeks (the fault flag's
 * unit, Monday to Sunday) and calendar months. Dates are YYYY-MM-DD strings, no clock.
 */
import { addDays, isoWeekday, toDayNumber, yearOf, type IsoDate } from '../calendar/dates';

/**
 * The Monday that starts the ISO week of `day`.
 * @example weekStart('2026-12-03') // '2026-11-30'
 */
export function weekStart(day: IsoDate): IsoDate {
  return addDays(day, 1 - isoWeekday(day));
}

/**
 * The ISO 8601 week of `day` (its year is the year of the week's Thursday).
 * @example isoWeek('2026-12-03') // '2026-W49'
 * @example isoWeek('2027-01-01') // '2026-W53'
 */
export function isoWeek(day: IsoDate): string {
  const thursday = addDays(weekStart(day), 3);
  const year = yearOf(thursday);
  const week = Math.floor((toDayNumber(thursday) - toDayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** @example monthOf('2026-12-03') // '2026-12' */
export const monthOf = (day: IsoDate): string => day.slice(0, 7);

/**
 * Every day from `from` to `to`, both included.
 * @example daysBetween('2026-01-30', '2026-02-01') // ['2026-01-30', '2026-01-31', '2026-02-01']
 */
export function daysBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  return Array.from({ length: Math.max(0, rangeDays(from, to)) }, (_, i) => addDays(from, i));
}

/**
 * The months a range touches, as YYYY-MM: one stored partition each.
 * @example monthsBetween('2026-11-20', '2027-01-05') // ['2026-11', '2026-12', '2027-01']
 */
export function monthsBetween(from: IsoDate, to: IsoDate): string[] {
  return [...new Set(daysBetween(from, to).map(monthOf))];
}

/** Days in a range, both ends included. @example rangeDays('2026-01-01', '2026-12-31') // 365 */
export const rangeDays = (from: IsoDate, to: IsoDate): number =>
  toDayNumber(to) - toDayNumber(from) + 1;

/** The longest range a report covers: a year, leap day included. */
export const MAX_RANGE_DAYS = 366;
