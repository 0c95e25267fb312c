/**
 * What a report does to a shipment, told from the report alone, so storage can record it with
 * one conditional write and no read. It holds on stated conditions, which storage checks in that
 * write (and otherwise decides on the shipment as stored).
 *
 * A status report, on three: the shipment is on its way (`onItsWay`), no status report it has
 * is later than this one (`latestStatusMs`), and, for a delivery, it has had no delivery report
 * before (`hasDeliveryReport`) and the report is not dated before the shipping date. Then, as
 * `summarizeShipment` would find (tested over every short history):
 * - a routine report changes nothing but the events (see `isRoutineEvent`);
 * - `cancelled` ends the way and the shipment leaves the late watch;
 * - `delivered` or `received` ends the way on the report's local date; the shipment stays
 *   watched (delivered late) exactly when that date is on or after its `lateFrom`, the first
 *   delivery date the late calculator counts as late.
 *
 * A report of facts (`rescheduled`, `remeasured`) is `noted`: it changes nothing but the events,
 * in every state of the shipment, when its carrier is one of those named. A reschedule, for the
 * carriers whose policy keeps the deadline for its reason (lateness is measured against the
 * first promise: the new date is shown, never counted). A re-measurement, for the carriers under
 * whose policy it is valid (its packages, its amount), on a shipment quoted in its currency:
 * what it changes, the charges, is derived from the events whenever the shipment is shown;
 * the deadline, the status and what the late calculator counts as late do not depend on them.
 */
import { isValidIsoDate, type IsoDate } from '../calendar/dates';
import { DomainError } from '../errors';
import { listPolicies, RESCHEDULE_REASONS, type CarrierPolicy } from '../policies';
import { parseInstant } from './instant';
import { measuredOf } from './remeasure';
import type { RescheduledEvent, ShipmentEvent, ShipmentStatus } from './types';

/** @example reportEffect({ eventId: 'd', status: 'delivered', at: '2025-03-11T12:00:00+03:00' }) // { kind: 'delivered', ms: …, date: '2025-03-11' } */
export type ReportEffect =
  | { kind: 'routine'; ms: number }
  | { kind: 'cancelled'; ms: number }
  | { kind: 'delivered'; ms: number; date: IsoDate }
  | {
      kind: 'noted';
      /** The carriers (policy ids) for which it holds: never empty. */
      carriers: string[];
      /** A re-measurement's: the currency the shipment must be quoted in. */
      currency?: string;
    };

/**
 * A reschedule's own checks, which need no facts (`checkEvent` makes them).
 * @example checkRescheduled({ eventId: 'r', status: 'rescheduled', at, promisedDate: '2025-02-30', reason: 'other' }) // throws at /promisedDate
 */
export function checkRescheduled(event: Pick<RescheduledEvent, 'promisedDate' | 'reason'>): void {
  if (!isValidIsoDate(event.promisedDate)) {
    const message = `"${event.promisedDate}" is not a calendar date (YYYY-MM-DD)`;
    throw new DomainError('invalid-input', message, '/promisedDate');
  }
  if (!(RESCHEDULE_REASONS as readonly string[]).includes(event.reason)) {
    const message = `reason must be one of ${RESCHEDULE_REASONS.join(', ')}`;
    throw new DomainError('invalid-input', message, '/reason');
  }
}

/** Whether `check` passes: a report that fails its checks is decided on the stored shipment. */
const passes = (check: () => unknown): boolean => {
  try {
    check();
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
};

/** A report of facts as `noted` for the carriers among `policies` for which it holds. */
function notedEffect(
  event: Extract<ShipmentEvent, { status: 'rescheduled' | 'remeasured' }>,
  policies: readonly CarrierPolicy[],
): ReportEffect | undefined {
  if (!passes(() => parseInstant(event.at, '/at'))) return undefined;
  let carriers: CarrierPolicy[];
  let currency: string | undefined;
  if (event.status === 'rescheduled') {
    if (!passes(() => checkRescheduled(event))) return undefined;
    carriers = policies.filter((p) => !p.shipments.rescheduleMovesDeadline.includes(event.reason));
  } else {
    carriers = policies.filter((p) => passes(() => measuredOf(event, p)));
    currency = event.charged.currency;
  }
  if (carriers.length === 0) return undefined;
  return {
    kind: 'noted',
    carriers: carriers.map((p) => p.id),
    ...(currency === undefined ? {} : { currency }),
  };
}

/**
 * The effect of a report under the conditions above. Undefined for a report of facts that holds
 * for none of the carriers (or fails its own checks): it is decided on the stored shipment.
 * Checks a status report's instant (pointer `/at`), as `checkEvent` does.
 */
export function reportEffect(
  event: ShipmentEvent,
  policies: readonly CarrierPolicy[] = listPolicies(),
): ReportEffect | undefined {
  if (event.status === 'rescheduled' || event.status === 'remeasured') {
    return notedEffect(event, policies);
  }
  const { ms, date } = parseInstant(event.at, '/at');
  if (event.status === 'cancelled') return { kind: 'cancelled', ms };
  if (event.status === 'delivered' || event.status === 'received') {
    return { kind: 'delivered', ms, date };
  }
  return { kind: 'routine', ms };
}

const STATUS_KINDS: ReadonlySet<ShipmentStatus | ShipmentEvent['status']> = new Set([
  'rescheduled',
  'remeasured',
]);

/**
 * The instant of the latest status report (ms), absent when there is none.
 * @example latestStatusMs([{ eventId: 'a', status: 'in_transit', at: '2025-03-10T10:00:00Z' }]) // 1741600800000
 */
export function latestStatusMs(events: readonly ShipmentEvent[]): number | undefined {
  let latest: number | undefined;
  for (const event of events) {
    if (STATUS_KINDS.has(event.status)) continue;
    const { ms } = parseInstant(event.at, '/at');
    if (latest === undefined || ms > latest) latest = ms;
  }
  return latest;
}

/**
 * Whether the shipment has a delivery report (`delivered` or `received`) among its events,
 * whatever came after it.
 * @example hasDeliveryReport([]) // false
 */
export function hasDeliveryReport(events: readonly ShipmentEvent[]): boolean {
  return events.some((e) => e.status === 'delivered' || e.status === 'received');
}
