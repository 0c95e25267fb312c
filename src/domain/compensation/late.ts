/**
 * Late delivery (domain-rules §2): a rate per day of delay times the delivery cost, capped,
 * rounded once. Days are counted on the business calendar, or on plain calendar days when
 * the policy says so. The work does not grow with the delay: counts are O(1) lookups and at
 * most MAX_LATE_DATES dates are listed.
 */
import Big from 'big.js';
import { fromDayNumber, toDayNumber, type IsoDate } from '../calendar/dates';
import type { Line } from '../explain';
import { moneyFromJson, toMoneyJson, type Money, type MoneyJson } from '../money';
import { policyRef, type CarrierPolicy, type DayBasis, type PolicyRef } from '../policies';
import { lateLines } from './late-lines';
import { resolveLateSpan, type LateCalendar, type LateDates, type LateSpan } from './late-span';
import { requireMatchingContext } from './shared';

/** Late dates listed in a result; the count stays exact, the list stops. @example lateDates.length <= 100 */
export const MAX_LATE_DATES = 100;

/**
 * A late-delivery request. Exactly one of `promisedDate` or `shippedDate` +
 * `transitBusinessDays` (a `shippedDate` beside `promisedDate` is checked, not counted
 * from); exactly one of `deliveredDate` or `asOf` (still undelivered). No date may be
 * before `shippedDate`.
 * @example { deliveryCost: { amount: '500.00', currency: 'RUB' }, promisedDate: '2025-03-11', deliveredDate: '2025-03-13' }
 */
export interface LateInput extends LateDates {
  deliveryCost: MoneyJson;
  /** Country of the business calendar (the caller resolves it; checked against it). */
  calendar?: string;
  carrier?: string;
}

/** @example computeLate(input, ctx).amount // { amount: '30.00', currency: 'RUB' } */
export interface LateResult {
  promisedDate: IsoDate;
  lateUntil: IsoDate;
  delivered: boolean;
  businessDaysLate: number;
  daysLate: number;
  dayBasis: DayBasis;
  lateDates: IsoDate[];
  lateDatesTruncated: boolean;
  ratePerDay: string;
  uncappedAmount: MoneyJson;
  cap: MoneyJson | null;
  amount: MoneyJson;
  capped: boolean;
  lines: Line[];
  policy: PolicyRef;
}

/** The days counted in both bases, and the listed dates of the paying basis. @example { businessDaysLate: 2, calendarDaysLate: 2, days: 2, lateDates: ['2025-03-12', '2025-03-13'], lastLateDate: '2025-03-13' } */
export interface LateCount {
  businessDaysLate: number;
  calendarDaysLate: number;
  days: number;
  lateDates: IsoDate[];
  lastLateDate: IsoDate | undefined;
}

/** The penalty, exact: rounding happens once, when the result is written. @example penalty.owed.amount.toString() // '30' */
export interface LatePenalty {
  uncapped: Money;
  cap: Money | null;
  owed: Money;
  capped: boolean;
}

function countLate(span: LateSpan, basis: DayBasis, calendar: LateCalendar): LateCount {
  const { promisedDate: after, lateUntil: upTo } = span;
  const businessDaysLate = calendar.countBusinessDays(after, upTo);
  const afterDay = toDayNumber(after);
  const calendarDaysLate = Math.max(0, toDayNumber(upTo) - afterDay);
  if (basis === 'business') {
    const lateDates = calendar.listBusinessDays(after, upTo, MAX_LATE_DATES);
    // The n-th business day after the promised date is the last one counted.
    const last =
      businessDaysLate > 0 ? calendar.addBusinessDays(after, businessDaysLate) : undefined;
    return {
      businessDaysLate,
      calendarDaysLate,
      days: businessDaysLate,
      lateDates,
      lastLateDate: last,
    };
  }
  const listed = Math.min(calendarDaysLate, MAX_LATE_DATES);
  // From the day number, not addDays(after, k): the date is parsed once, not per listed day.
  const lateDates = Array.from({ length: listed }, (_, k) => fromDayNumber(afterDay + k + 1));
  const last = calendarDaysLate > 0 ? upTo : undefined;
  return {
    businessDaysLate,
    calendarDaysLate,
    days: calendarDaysLate,
    lateDates,
    lastLateDate: last,
  };
}

function penaltyFor(cost: Money, days: number, late: CarrierPolicy['late']): LatePenalty {
  const uncapped = {
    amount: cost.amount.times(late.ratePerDay).times(days),
    currency: cost.currency,
  };
  const cap = late.cap && {
    amount: cost.amount.times(late.cap.fractionOfDeliveryCost),
    currency: cost.currency,
  };
  const capped = cap !== null && uncapped.amount.gt(cap.amount);
  return { uncapped, cap, owed: capped ? cap : uncapped, capped };
}

/**
 * Compensation for a late delivery under a policy, on a business calendar.
 * @example
 * computeLate(
 *   { deliveryCost: { amount: '500.00', currency: 'RUB' }, promisedDate: '2025-03-11', deliveredDate: '2025-03-13' },
 *   { policy: resolvePolicy('cdek'), calendar: getCalendar('RU') },
 * ).amount; // { amount: '30.00', currency: 'RUB' }: 3 % × 2 business days × 500.00
 */
export function computeLate(
  input: LateInput,
  ctx: { policy: CarrierPolicy; calendar: LateCalendar },
): LateResult {
  const { policy, calendar } = ctx;
  requireMatchingContext(input, policy, calendar.country);
  const cost = moneyFromJson(input.deliveryCost, '/deliveryCost');
  const span = resolveLateSpan(input, calendar);
  const count = countLate(span, policy.late.dayBasis, calendar);
  const penalty = penaltyFor(cost, count.days, policy.late);
  return {
    promisedDate: span.promisedDate,
    lateUntil: span.lateUntil,
    delivered: span.delivered,
    businessDaysLate: count.businessDaysLate,
    daysLate: count.days,
    dayBasis: policy.late.dayBasis,
    lateDates: count.lateDates,
    lateDatesTruncated: count.days > count.lateDates.length,
    ratePerDay: new Big(policy.late.ratePerDay).toFixed(),
    uncappedAmount: toMoneyJson(penalty.uncapped),
    cap: penalty.cap && toMoneyJson(penalty.cap),
    amount: toMoneyJson(penalty.owed),
    capped: penalty.capped,
    lines: lateLines({ policy, calendar, span, count, penalty, cost }),
    policy: policyRef(policy),
  };
}
