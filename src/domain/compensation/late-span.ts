/**
 * Which dates a late claim runs between: the promised date (given, or shipped + transit in
 * business days) and the delivery date (or `asOf` while the parcel is still on its way).
 * Every date is checked against the calendar first, so an error names the field to blame.
 */
import type { BusinessCalendar } from '../calendar';
import { isValidIsoDate, toDayNumber, yearOf, type IsoDate } from '../calendar/dates';
import { DomainError } from '../errors';

/** Transit terms a request may quote, in business days. @example transitBusinessDays <= 365 */
export const MAX_TRANSIT_BUSINESS_DAYS = 365;

/**
 * The part of a business calendar the late calculation uses; the real calendars fit it,
 * and so does a small fake in a test.
 * @example const calendar: LateCalendar = getCalendar('RU');
 */
export type LateCalendar = Pick<
  BusinessCalendar,
  | 'country'
  | 'firstYear'
  | 'lastYear'
  | 'covers'
  | 'countBusinessDays'
  | 'listBusinessDays'
  | 'addBusinessDays'
  | 'source'
>;

type DateField = 'promisedDate' | 'shippedDate' | 'deliveredDate' | 'asOf';

/** The date fields of a late request. @example { shippedDate: '2025-03-07', transitBusinessDays: 3, asOf: '2025-03-20' } */
export interface LateDates {
  promisedDate?: IsoDate;
  shippedDate?: IsoDate;
  transitBusinessDays?: number;
  deliveredDate?: IsoDate;
  asOf?: IsoDate;
}

/** @example { promisedDate: '2025-03-11', lateUntil: '2025-03-13', delivered: true } */
export interface LateSpan {
  promisedDate: IsoDate;
  lateUntil: IsoDate;
  delivered: boolean;
  shipped?: { date: IsoDate; transitBusinessDays: number };
}

const invalid = (field: string, message: string) =>
  new DomainError('invalid-input', message, `/${field}`);

function dateOf(input: LateDates, field: DateField, calendar: LateCalendar): IsoDate | undefined {
  const value = input[field];
  if (value === undefined) return undefined;
  if (!isValidIsoDate(value))
    throw invalid(field, `"${value}" is not a calendar date (YYYY-MM-DD)`);
  if (!calendar.covers(value)) {
    const message = `${field} ${value}: no ${calendar.country} business calendar for ${yearOf(value)}; the data covers ${calendar.firstYear}–${calendar.lastYear}`;
    throw new DomainError('calendar-year-unknown', message, `/${field}`);
  }
  return value;
}

function promisedFromShipping(shipped: IsoDate, transit: number, calendar: LateCalendar): IsoDate {
  if (!Number.isSafeInteger(transit) || transit < 0 || transit > MAX_TRANSIT_BUSINESS_DAYS) {
    const message = `must be a whole number from 0 to ${MAX_TRANSIT_BUSINESS_DAYS}, got ${transit}`;
    throw invalid('transitBusinessDays', message);
  }
  try {
    return calendar.addBusinessDays(shipped, transit);
  } catch (error) {
    // The term ran past the calendar's last year: the transit days are what pushed it there.
    if (error instanceof DomainError && error.code === 'calendar-year-unknown') {
      throw new DomainError(error.code, error.message, '/transitBusinessDays');
    }
    throw error;
  }
}

type Promised = Pick<LateSpan, 'promisedDate' | 'shipped'>;

/** Exactly one way to the promised date: given, or shipped + transit business days. */
function resolvePromised(input: LateDates, calendar: LateCalendar): Promised {
  const promised = dateOf(input, 'promisedDate', calendar);
  const shipped = dateOf(input, 'shippedDate', calendar);
  const transit = input.transitBusinessDays;
  const either = 'give promisedDate, or shippedDate with transitBusinessDays';
  if (promised !== undefined) {
    if (shipped === undefined && transit === undefined) return { promisedDate: promised };
    throw invalid(
      shipped !== undefined ? 'shippedDate' : 'transitBusinessDays',
      `${either}, not both`,
    );
  }
  if (shipped === undefined) {
    throw invalid(transit === undefined ? 'promisedDate' : 'shippedDate', either);
  }
  if (transit === undefined) throw invalid('transitBusinessDays', 'is required with shippedDate');
  const promisedDate = promisedFromShipping(shipped, transit, calendar);
  return { promisedDate, shipped: { date: shipped, transitBusinessDays: transit } };
}

/**
 * Checks the date fields (exactly one way to the promised date, exactly one end date) and
 * returns the span to count.
 * @example resolveLateSpan({ promisedDate: '2025-03-11', deliveredDate: '2025-03-13' }, calendar).lateUntil // '2025-03-13'
 */
export function resolveLateSpan(input: LateDates, calendar: LateCalendar): LateSpan {
  const promised = resolvePromised(input, calendar);
  const delivered = dateOf(input, 'deliveredDate', calendar);
  const asOf = dateOf(input, 'asOf', calendar);
  if (delivered !== undefined && asOf !== undefined) {
    throw invalid('asOf', 'give deliveredDate, or asOf while undelivered, not both');
  }
  const lateUntil = delivered ?? asOf;
  if (lateUntil === undefined) {
    throw invalid('deliveredDate', 'give deliveredDate, or asOf while the parcel is undelivered');
  }
  const shipped = promised.shipped?.date;
  if (shipped !== undefined && toDayNumber(lateUntil) < toDayNumber(shipped)) {
    const field = delivered !== undefined ? 'deliveredDate' : 'asOf';
    throw invalid(field, `${lateUntil} is before shippedDate ${shipped}`);
  }
  return { ...promised, lateUntil, delivered: delivered !== undefined };
}
