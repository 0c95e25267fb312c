/**
 * Calendar dates as plain 'YYYY-MM-DD' strings and integer day numbers.
 * No `Date` objects: they carry a time zone and a clock, and a business-day
 * count must not change with the server's locale. The day-number conversions
 * are Howard Hinnant's civil-from-days algorithms (proleptic Gregorian).
 */
import { DomainError } from '../errors';

/** A calendar date, 'YYYY-MM-DD' (4-digit year). */
export type IsoDate = string;

const DASH = 0x2d;
const ZERO = 0x30;
/** Days from 0000-03-01 to 1970-01-01: the algorithms count from a March-based era. */
const EPOCH_SHIFT = 719_468;
const DAYS_PER_ERA = 146_097;

/** Days in a month of a proleptic Gregorian year (month 1..12). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The number the ASCII digits s[from..to) spell, or -1 if one is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = s.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/**
 * Year, month, day of a valid date, or undefined. Read digit by digit rather
 * than with a regular expression: every date of a request passes here several
 * times, and this is several times faster.
 */
function parts(s: string): readonly [number, number, number] | undefined {
  if (s.length !== 10 || s.charCodeAt(4) !== DASH || s.charCodeAt(7) !== DASH) return undefined;
  const [y, mo, d] = [digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10)];
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return [y, mo, d];
}

function partsOrThrow(d: IsoDate): readonly [number, number, number] {
  const p = parts(d);
  if (!p) throw new DomainError('invalid-input', `not a calendar date (YYYY-MM-DD): "${d}"`);
  return p;
}

function format(y: number, m: number, d: number): IsoDate {
  if (y < 0 || y > 9999) throw new DomainError('invalid-input', `year ${y} is outside 0000–9999`);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * True when `s` is a real calendar date written 'YYYY-MM-DD'.
 * @example isValidIsoDate('2024-02-29') // true
 * @example isValidIsoDate('2025-02-29') // false
 */
export function isValidIsoDate(s: string): boolean {
  return parts(s) !== undefined;
}

/**
 * Days since 1970-01-01 (negative before). Throws `invalid-input` for a malformed date.
 * @example toDayNumber('1970-01-02') // 1
 */
export function toDayNumber(d: IsoDate): number {
  const [y0, m, day] = partsOrThrow(d);
  const y = m <= 2 ? y0 - 1 : y0; // the era year starts in March, so Feb 29 ends it
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * DAYS_PER_ERA + doe - EPOCH_SHIFT;
}

/**
 * The date `n` days after 1970-01-01.
 * @example fromDayNumber(20089) // '2025-01-01'
 */
export function fromDayNumber(n: number): IsoDate {
  if (!Number.isSafeInteger(n)) throw new DomainError('invalid-input', `not a day number: ${n}`);
  const z = n + EPOCH_SHIFT;
  const era = Math.floor(z / DAYS_PER_ERA);
  const doe = z - era * DAYS_PER_ERA;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return format(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

/**
 * The date `n` days later (earlier when negative).
 * @example addDays('2024-12-31', 1) // '2025-01-01'
 */
export function addDays(d: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(d) + n);
}

/**
 * ISO weekday: Monday = 1 … Sunday = 7.
 * @example isoWeekday('2025-11-01') // 6 (a Saturday)
 */
export function isoWeekday(d: IsoDate): number {
  // 1970-01-01 was a Thursday (4); the double modulo keeps negatives in 0..6.
  return ((((toDayNumber(d) + 3) % 7) + 7) % 7) + 1;
}

/**
 * The same day `n` months later, clamped to the last day of a shorter month.
 * @example addMonths('2025-08-31', 6) // '2026-02-28'
 */
export function addMonths(d: IsoDate, n: number): IsoDate {
  if (!Number.isSafeInteger(n)) throw new DomainError('invalid-input', `not a month count: ${n}`);
  const [y, m, day] = partsOrThrow(d);
  const months = y * 12 + (m - 1) + n;
  const year = Math.floor(months / 12);
  const month = months - year * 12 + 1;
  return format(year, month, Math.min(day, daysInMonth(year, month)));
}

/**
 * The year of a date.
 * @example yearOf('2025-05-02') // 2025
 */
export function yearOf(d: IsoDate): number {
  return partsOrThrow(d)[0];
}
