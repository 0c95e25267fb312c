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

/** One of two ways to state a fact, and neither (`one_of`) or both (`not_both`) were given. */
const choice = (reason: 'one_of' | 'not_both', field: string, other: string, message: string) =>
  new DomainError('invalid-input', message, `/${field}`, { reason, params: { field, other } });

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

/**
 * Two dates in the wrong order: `field` (at `date`) may not come before `other` (at `otherDate`).
 * @example dateOrder('promisedDate', '2025-03-01', 'shippedDate', '2025-03-05').pointer // '/promisedDate'
 */
export function dateOrder(field: string, date: IsoDate, other: string, otherDate: IsoDate) {
  return new DomainError('invalid-input', `${date} is before ${other} ${otherDate}`, `/${field}`, {
    reason: 'date_order',
    params: { field, date, other, otherDate },
  });
}

type Promised = Pick<LateSpan, 'promisedDate' | 'shipped'> & { shippedDate?: IsoDate };

/** A shipping date stated beside a promised one: checked, but not counted from. */
function statedShipping(input: LateDates): IsoDate | undefined {
  const value = input.shippedDate;
  if (value !== undefined && !isValidIsoDate(value)) {
    throw invalid('shippedDate', `"${value}" is not a calendar date (YYYY-MM-DD)`);
  }
  return value;
}

/**
 * Exactly one way to the promised date: given (a shipping date may be stated
 * beside it, and must not be later), or shipped + transit business days.
 */
function resolvePromised(input: LateDates, calendar: LateCalendar): Promised {
  const transit = input.transitBusinessDays;
  const either = 'give promisedDate, or shippedDate with transitBusinessDays';
  const promised = dateOf(input, 'promisedDate', calendar);
  if (promised !== undefined) {
    if (transit !== undefined) {
      throw choice('not_both', 'transitBusinessDays', 'promisedDate', `${either}, not both`);
    }
    const shippedDate = statedShipping(input);
    if (shippedDate === undefined) return { promisedDate: promised };
    if (toDayNumber(promised) < toDayNumber(shippedDate)) {
      throw dateOrder('promisedDate', promised, 'shippedDate', shippedDate);
    }
    return { promisedDate: promised, shippedDate };
  }
  const shipped = dateOf(input, 'shippedDate', calendar);
  if (shipped === undefined) {
    if (transit === undefined)
      throw choice('one_of', 'promisedDate', 'transitBusinessDays', either);
    throw invalid('shippedDate', 'is required with transitBusinessDays');
  }
  if (transit === undefined) throw invalid('transitBusinessDays', 'is required with shippedDate');
  const promisedDate = promisedFromShipping(shipped, transit, calendar);
  return {
    promisedDate,
    shipped: { date: shipped, transitBusinessDays: transit },
    shippedDate: shipped,
  };
}

/**
 * Checks the date fields (exactly one way to the promised date, exactly one end date, none
 * before the shipping date) and returns the span to count.
 * @example resolveLateSpan({ promisedDate: '2025-03-11', deliveredDate: '2025-03-13' }, calendar).lateUntil // '2025-03-13'
 */
export function resolveLateSpan(input: LateDates, calendar: LateCalendar): LateSpan {
  const { shippedDate, ...promised } = resolvePromised(input, calendar);
  const delivered = dateOf(input, 'deliveredDate', calendar);
  const asOf = dateOf(input, 'asOf', calendar);
  if (delivered !== undefined && asOf !== undefined) {
    const message = 'give deliveredDate, or asOf while undelivered, not both';
    throw choice('not_both', 'asOf', 'deliveredDate', message);
  }
  const lateUntil = delivered ?? asOf;
  if (lateUntil === undefined) {
    const message = 'give deliveredDate, or asOf while the parcel is undelivered';
    throw choice('one_of', 'deliveredDate', 'asOf', message);
  }
  if (shippedDate !== undefined && toDayNumber(lateUntil) < toDayNumber(shippedDate)) {
    const field = delivered !== undefined ? 'deliveredDate' : 'asOf';
    throw dateOrder(field, lateUntil, 'shippedDate', shippedDate);
  }
  return { ...promised, lateUntil, delivered: delivered !== undefined };
}
