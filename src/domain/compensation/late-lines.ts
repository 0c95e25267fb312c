/**
 * The lines of a late result: rules, dates, calendar sources, days, formula, cap, rounding.
 */
import { yearOf } from '../calendar/dates';
import { line, type Line } from '../explain';
import { CURRENCIES, formatMoney, type Money } from '../money';
import { policyLines, type CarrierPolicy } from '../policies';
import type { LateCount, LatePenalty } from './late';
import type { LateCalendar, LateSpan } from './late-span';
import { formatExact, percent, roundOnce } from './shared';

interface LateFacts {
  policy: CarrierPolicy;
  calendar: LateCalendar;
  span: LateSpan;
  count: LateCount;
  penalty: LatePenalty;
  cost: Money;
}

function dateLines({ span }: LateFacts): Line[] {
  const { promisedDate, shipped, lateUntil } = span;
  return [
    shipped
      ? line('late.promised.computed', {
          promisedDate,
          shippedDate: shipped.date,
          transitBusinessDays: shipped.transitBusinessDays,
        })
      : line('late.promised.given', { promisedDate }),
    span.delivered
      ? line('late.delivered', { deliveredDate: lateUntil })
      : line('late.undelivered', { asOf: lateUntil }),
  ];
}

/**
 * One source line per calendar year the dates touch (bounded by the data set), with its note,
 * and a warning when the year's file is preliminary and the count may still change.
 */
function calendarLines({ calendar, span }: LateFacts): Line[] {
  const years = [span.promisedDate, span.lateUntil, span.shipped?.date ?? span.promisedDate].map(
    yearOf,
  );
  const lines: Line[] = [];
  for (let year = Math.min(...years); year <= Math.max(...years); year++) {
    const { dataset, file, published, preliminary, note } = calendar.source(year);
    const country = calendar.country;
    lines.push(line('calendar.source', { country, year, dataset, file, published }));
    if (note !== undefined) lines.push(line('calendar.note', { country, year, note }));
    if (preliminary) lines.push(line('calendar.preliminary', { country, year, published }));
  }
  return lines;
}

function dayLines({ policy, span, count }: LateFacts): Line[] {
  const { promisedDate, lateUntil } = span;
  const { businessDaysLate, calendarDaysLate, lateDates, lastLateDate } = count;
  const firstLateDate = lateDates[0];
  if (calendarDaysLate === 0) {
    return [
      span.delivered
        ? line('late.on_time', { promisedDate })
        : line('late.not_yet_due', { promisedDate, asOf: lateUntil }),
    ];
  }
  if (count.days === 0 || firstLateDate === undefined || lastLateDate === undefined) {
    return [line('late.days.no_business_day', { calendarDaysLate, promisedDate, lateUntil })];
  }
  const params = {
    businessDaysLate,
    calendarDaysLate,
    promisedDate,
    lateUntil,
    firstLateDate,
    lastLateDate,
  };
  const lines = [line(`late.days.${policy.late.dayBasis}`, params)];
  if (count.days > lateDates.length) {
    lines.push(line('late.dates_truncated', { listed: lateDates.length, days: count.days }));
  }
  return lines;
}

function amountLines({ policy, count, penalty, cost }: LateFacts, ratePercent: string): Line[] {
  const uncapped = formatExact(penalty.uncapped);
  const deliveryCost = formatMoney(cost);
  const lines = [line('late.formula', { ratePercent, days: count.days, deliveryCost, uncapped })];
  const { cap } = penalty;
  if (cap === null || policy.late.cap === null) {
    lines.push(line('late.cap.none', {}));
  } else {
    const capPercent = percent(policy.late.cap.fractionOfDeliveryCost);
    const capText = formatExact(cap);
    lines.push(
      penalty.capped
        ? line('late.cap.applied', { capPercent, cap: capText, uncapped })
        : line('late.cap.not_reached', { capPercent, cap: capText }),
    );
  }
  // Say "no rounding" rather than print 30.00 → 30.00.
  const decimals = CURRENCIES[cost.currency].exponent;
  lines.push(roundOnce(penalty.owed).line ?? line('rounding.exact', { decimals }));
  return lines;
}

/**
 * Every line of a late result, in reading order.
 * @example lateLines(facts)[0]?.key // 'policy.applied'
 */
export function lateLines(facts: LateFacts): Line[] {
  const { policy } = facts;
  const ratePercent = percent(policy.late.ratePerDay);
  return [
    ...policyLines(policy, 'late'),
    line(`late.rate.${policy.late.dayBasis}`, { ratePercent }),
    ...dateLines(facts),
    ...calendarLines(facts),
    ...dayLines(facts),
    ...amountLines(facts, ratePercent),
  ];
}
