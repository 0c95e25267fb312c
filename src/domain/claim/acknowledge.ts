/**
 * Speed is the point of customer care: a filed claim is acknowledged to the customer
 * ("we have your claim, we are on it") within the policy's window, and a claim still
 * unacknowledged past `acknowledgeBy` is work for today.
 */
import type { CarrierPolicy } from '../policies';
import { parseInstant } from '../shipment/instant';

/**
 * The instant the acknowledgement is due: filing plus the policy's window, as a UTC ISO
 * instant (the fixed-width form, so it sorts as text).
 *
 * @example acknowledgeDeadline('2025-06-16T09:00:00.000Z', cdek) // '2025-06-16T10:00:00.000Z'
 */
export function acknowledgeDeadline(filedAt: string, policy: CarrierPolicy): string {
  const { ms } = parseInstant(filedAt, '/createdAt');
  // Arithmetic on the given instant, not a reading of the clock.
  return new Date(ms + policy.customerCare.acknowledgeWithinMinutes * 60_000).toISOString();
}

/**
 * How long the acknowledgement is overdue at `now`, in whole minutes (0 when not yet due).
 *
 * @example minutesPastAcknowledge({ acknowledgeBy: '2025-06-16T10:00:00.000Z' }, '2025-06-16T11:30:00.000Z') // 90
 */
export function minutesPastAcknowledge(claim: { acknowledgeBy?: string }, now: string): number {
  if (claim.acknowledgeBy === undefined) return 0;
  const late =
    parseInstant(now, '/now').ms - parseInstant(claim.acknowledgeBy, '/acknowledgeBy').ms;
  return late > 0 ? Math.floor(late / 60_000) : 0;
}
