/**
 * What a status report does to a shipment still on its way, told from the report alone, so
 * storage can record it with one conditional write and no read. It holds on three stated
 * conditions, which storage checks in that write (and otherwise decides on the shipment as
 * stored): the shipment is on its way (`onItsWay`), no status report it has is later than this
 * one (`latestStatusMs`), and, for a delivery, it has had no delivery report before
 * (`hasDeliveryReport`) and the report is not dated before the shipping date.
 *
 * Then, as `summarizeShipment` would find (tested over every short history):
 * - a routine report changes nothing but the events (see `isRoutineEvent`);
 * - `cancelled` ends the way and the shipment leaves the late watch;
 * - `delivered` or `received` ends the way on the report's local date; the shipment stays
 *   watched (delivered late) exactly when that date is on or after its `lateFrom`, the first
 *   delivery date the late calculator counts as late.
 */
import type { IsoDate } from '../calendar/dates';
import { parseInstant } from './instant';
import type { ShipmentEvent, ShipmentStatus } from './types';

/** @example reportEffect({ eventId: 'd', status: 'delivered', at: '2025-03-11T12:00:00+03:00' }) // { kind: 'delivered', ms: …, date: '2025-03-11' } */
export type ReportEffect =
  | { kind: 'routine'; ms: number }
  | { kind: 'cancelled'; ms: number }
  | { kind: 'delivered'; ms: number; date: IsoDate };

/**
 * The effect of a status report under the conditions above; undefined for the reports that
 * change facts (`rescheduled`, `remeasured`), which are always decided on the stored shipment.
 * Checks the report's instant (pointer `/at`), as `checkEvent` does.
 */
export function reportEffect(event: ShipmentEvent): ReportEffect | undefined {
  if (event.status === 'rescheduled' || event.status === 'remeasured') return undefined;
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
