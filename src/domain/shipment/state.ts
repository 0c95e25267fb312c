/**
 * A shipment's state from its events: a repeated event id is ignored (carriers resend), and
 * events may arrive out of order, so the status is that of the latest `at`, whatever came last.
 */
import type { IsoDate } from '../calendar/dates';
import { DomainError } from '../errors';
import { parseInstant } from './instant';
import {
  INITIAL_STATUS,
  SHIPMENT_STATUSES,
  type RemeasuredEvent,
  type RescheduledEvent,
  type ShipmentEvent,
  type ShipmentStatus,
  type StatusEvent,
} from './types';

/**
 * Events of any kind a shipment takes (resends do not count: they are ignored). Past it only
 * an event of a final status is recorded: the cap bounds what a shipment's read costs, and
 * must never stop a shipment from ending.
 * @example MAX_EVENTS // 200
 */
export const MAX_EVENTS = 200;
/**
 * Final-status events a shipment takes past MAX_EVENTS: room for the delivery, the receipt,
 * a cancellation and a few corrections, and still a bound on what it stores.
 * @example MAX_EVENTS + FINAL_EVENTS_PAST_CAP // 210 events at most
 */
export const FINAL_EVENTS_PAST_CAP = 10;
/** The statuses that end a shipment: let through past the cap. @example FINAL_STATUSES.includes('delivered') // true */
export const FINAL_STATUSES: readonly ShipmentStatus[] = [
  'not_delivered',
  'delivered',
  'received',
  'cancelled',
];

/** @example deriveState(events).status // 'in_transit' */
export interface ShipmentState {
  status: ShipmentStatus;
  /** The `at` of the event that set the status (absent: no status reported yet). */
  statusAt?: string;
  /** The local date of the first delivery, while the status is delivered or received. */
  deliveredDate?: IsoDate;
  /**
   * The local date the recipient refused the parcel, while the status is `not_delivered`:
   * the carrier brought it, so its lateness counts up to that day and no further.
   */
  refusedDate?: IsoDate;
  /** Every reschedule, oldest first. */
  reschedules: RescheduledEvent[];
  /** The latest re-measurement, if any. */
  remeasured?: RemeasuredEvent;
}

/** An event's place in time: its instant, then the lifecycle order for the same instant. */
const rank = (event: ShipmentEvent): number =>
  (SHIPMENT_STATUSES as readonly string[]).indexOf(event.status);

/**
 * The events in the order they happened: by instant, then lifecycle order, then arrival.
 * @example inTimeOrder([b, a]) // [a, b] when a.at is earlier
 */
export function inTimeOrder(events: readonly ShipmentEvent[]): ShipmentEvent[] {
  return events
    .map((event, arrival) => ({ event, arrival, ms: parseInstant(event.at, '/at').ms }))
    .sort((a, b) => a.ms - b.ms || rank(a.event) - rank(b.event) || a.arrival - b.arrival)
    .map(({ event }) => event);
}

/**
 * The events with `event` added, unless one with its id is there already (then unchanged:
 * a resend is a duplicate whatever the count). Past MAX_EVENTS only a final status is
 * added, up to FINAL_EVENTS_PAST_CAP of them; anything else is refused at `/status`.
 * @example recordEvent([e1], e1).duplicate // true
 * @example recordEvent(twoHundred, { eventId: 'd', status: 'delivered', at }).events.length // 201
 */
export function recordEvent(
  events: readonly ShipmentEvent[],
  event: ShipmentEvent,
): { events: ShipmentEvent[]; duplicate: boolean } {
  if (events.some((e) => e.eventId === event.eventId))
    return { events: [...events], duplicate: true };
  if (events.length >= MAX_EVENTS) {
    const final = (FINAL_STATUSES as readonly string[]).includes(event.status);
    if (!final || events.length >= MAX_EVENTS + FINAL_EVENTS_PAST_CAP) {
      const message = final
        ? `the shipment has ${events.length} events, the most kept, its final statuses included`
        : `the shipment has ${events.length} events: past ${MAX_EVENTS} only a final status (${FINAL_STATUSES.join(', ')}) is recorded`;
      throw new DomainError('invalid-input', message, '/status', {
        params: { maximum: MAX_EVENTS, current: events.length },
      });
    }
  }
  return { events: [...events, event], duplicate: false };
}

const NOT_STATUSES: readonly string[] = ['rescheduled', 'remeasured', 'problem', 'carrier_status'];
/** An event that sets a status (the others change facts, or record what the carrier said). */
const isStatus = (event: ShipmentEvent): event is StatusEvent =>
  !NOT_STATUSES.includes(event.status);

/**
 * Status, delivery date, reschedules and the latest re-measurement, from the events.
 * @example deriveState([{ eventId: 'a', status: 'delivered', at: '2025-03-13T10:00:00+03:00' }, { eventId: 'b', status: 'in_transit', at: '2025-03-10T10:00:00+03:00' }]).status // 'delivered'
 */
export function deriveState(events: readonly ShipmentEvent[]): ShipmentState {
  const ordered = inTimeOrder(events);
  const statuses = ordered.filter(isStatus);
  const latest = statuses[statuses.length - 1];
  const status = latest?.status ?? INITIAL_STATUS;
  const reschedules = ordered.filter((e): e is RescheduledEvent => e.status === 'rescheduled');
  const remeasures = ordered.filter((e): e is RemeasuredEvent => e.status === 'remeasured');
  const state: ShipmentState = { status, reschedules };
  if (latest) state.statusAt = latest.at;
  if (status === 'delivered' || status === 'received') {
    // Delivered on the first delivery report; a receipt without one dates the delivery.
    const delivery =
      statuses.find((e) => e.status === 'delivered') ??
      statuses.find((e) => e.status === 'received');
    if (delivery) state.deliveredDate = parseInstant(delivery.at, '/at').date;
  }
  if (status === 'not_delivered' && latest) state.refusedDate = parseInstant(latest.at, '/at').date;
  const remeasured = remeasures[remeasures.length - 1];
  if (remeasured) state.remeasured = remeasured;
  return state;
}

/**
 * An order's status follows its last shipment to be delivered: the least advanced of those
 * not cancelled; only when every shipment is cancelled is the order cancelled.
 * @example orderStatus(['awaiting_pickup', 'handed_to_delivery']) // 'handed_to_delivery'
 * @example orderStatus(['cancelled', 'delivered']) // 'delivered'
 */
export function orderStatus(statuses: readonly ShipmentStatus[]): ShipmentStatus {
  const live = statuses.filter((s) => s !== 'cancelled');
  if (live.length === 0) return statuses.length === 0 ? INITIAL_STATUS : 'cancelled';
  const order = SHIPMENT_STATUSES as readonly ShipmentStatus[];
  return live.reduce((least, s) => (order.indexOf(s) < order.indexOf(least) ? s : least));
}
