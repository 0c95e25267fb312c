/**
 * Lateness of a shipment (domain-rules §2, §5): measured against the date first promised; a
 * reschedule is shown but moves the deadline only for the reasons the policy names. The
 * figures are the late calculator's own (`computeLate`), up to the delivery, or up to today
 * while the parcel is on its way.
 */
import type { IsoDate } from '../calendar/dates';
import { computeLate, type LateResult } from '../compensation/late';
import { resolveLateSpan, type LateCalendar, type LateDates } from '../compensation/late-span';
import { DomainError } from '../errors';
import { line, type Line } from '../explain';
import type { MoneyJson } from '../money';
import type { CarrierPolicy } from '../policies';
import type { ShipmentState } from './state';
import type { ShipmentFacts } from './types';

/** @example { promisedDate: '2025-03-11', deadline: '2025-03-11', moved: false, lines: [] } */
export interface Deadline {
  /** The date first promised (given, or shipped + transit business days). */
  promisedDate: IsoDate;
  /** What lateness is measured against: the first promise unless the policy moved it. */
  deadline: IsoDate;
  moved: boolean;
  lines: Line[];
}

/** The figures the late calculator gives for the shipment's dates. */
export type Lateness = Pick<
  LateResult,
  | 'promisedDate'
  | 'lateUntil'
  | 'delivered'
  | 'businessDaysLate'
  | 'daysLate'
  | 'dayBasis'
  | 'amount'
  | 'capped'
  | 'lines'
> & { late: boolean };

const promiseOf = (facts: ShipmentFacts): LateDates => ({
  ...(facts.promisedDate === undefined ? {} : { promisedDate: facts.promisedDate }),
  ...(facts.shippedDate === undefined ? {} : { shippedDate: facts.shippedDate }),
  ...(facts.transitBusinessDays === undefined
    ? {}
    : { transitBusinessDays: facts.transitBusinessDays }),
});

/**
 * The first promise and the deadline after the reschedules, with a line per reschedule.
 * @example deadlineOf({ ...facts, promisedDate: '2025-03-11' }, state, policy, calendar).deadline // '2025-03-11'
 */
export function deadlineOf(
  facts: ShipmentFacts,
  state: Pick<ShipmentState, 'reschedules'>,
  policy: CarrierPolicy,
  calendar: LateCalendar,
): Deadline {
  const promise = promiseOf(facts);
  // The late calculator's own reading of the promise (checked, computed from the transit).
  const anchor = facts.shippedDate ?? facts.promisedDate;
  const { promisedDate } = resolveLateSpan({ ...promise, asOf: anchor }, calendar);
  let deadline = promisedDate;
  let moved = false;
  const lines: Line[] = [];
  for (const r of state.reschedules) {
    const params = { date: r.at.slice(0, 10), promisedDate: r.promisedDate, reason: r.reason };
    if (policy.shipments.rescheduleMovesDeadline.includes(r.reason)) {
      deadline = r.promisedDate;
      moved = true;
      lines.push(line('reschedule.moved', params));
    } else {
      lines.push(line('reschedule.kept', { ...params, deadline }));
    }
  }
  return { promisedDate, deadline, moved, lines };
}

/**
 * How late the shipment is: against the deadline, up to the delivery date or, while it is on
 * its way, up to `today`. Null for a cancelled shipment, or one not shipped yet as of today.
 * With `stopsOn` (a claim settled it: ./lateness-stop.ts) before today, nothing after that
 * day counts: up to the delivery if it came by then, else up to `stopsOn`.
 * @example latenessOf(facts, state, deadline, cost, { policy, calendar, today: '2025-03-20' })?.businessDaysLate // 7
 */
export function latenessOf(
  facts: ShipmentFacts,
  state: Pick<ShipmentState, 'status' | 'deliveredDate' | 'refusedDate'>,
  deadline: Deadline,
  deliveryCost: MoneyJson,
  ctx: { policy: CarrierPolicy; calendar: LateCalendar; today: IsoDate; stopsOn?: IsoDate },
): Lateness | null {
  if (state.status === 'cancelled') return null;
  const stop = ctx.stopsOn !== undefined && ctx.stopsOn < ctx.today ? ctx.stopsOn : undefined;
  // A refusal ends the carrier's part as a delivery does: the parcel was brought that day.
  const deliveredOn = state.deliveredDate ?? state.refusedDate;
  const promise = deadline.moved
    ? {
        promisedDate: deadline.deadline,
        ...(facts.shippedDate === undefined ? {} : { shippedDate: facts.shippedDate }),
      }
    : promiseOf(facts);
  const until =
    deliveredOn === undefined || (stop !== undefined && deliveredOn > stop)
      ? { asOf: stop ?? ctx.today }
      : { deliveredDate: deliveredOn };
  let result: LateResult;
  try {
    result = computeLate({ deliveryCost, ...promise, ...until }, ctx);
  } catch (error) {
    // Not shipped yet as of today: nothing can be late.
    const notShipped =
      error instanceof DomainError && error.reason === 'date_order' && 'asOf' in until;
    if (notShipped) return null;
    throw error;
  }
  const { promisedDate, lateUntil, delivered, businessDaysLate, daysLate, dayBasis } = result;
  return {
    promisedDate,
    lateUntil,
    delivered,
    businessDaysLate,
    daysLate,
    dayBasis,
    amount: result.amount,
    capped: result.capped,
    lines: result.lines,
    late: daysLate > 0,
  };
}
