/**
 * Orders and shipments (domain-rules §5): an order is split into shipments, each delivered and
 * paid on its own, each moving through the carrier's statuses.
 */
import type { IsoDate } from '../calendar/dates';
import type { ClaimCause } from '../claim/cause';
import type { MoneyJson } from '../money';
import type { RescheduleReason } from '../policies';
import type { PackageInput } from '../weight';

/**
 * The statuses a shipment moves through, in lifecycle order (before dispatch, then after);
 * `cancelled` last, outside the order.
 * @example SHIPMENT_STATUSES[0] // 'awaiting_payment'
 */
export const SHIPMENT_STATUSES = [
  'awaiting_payment',
  'created',
  'assembling',
  'handed_to_delivery',
  'in_transit',
  'with_courier',
  'awaiting_pickup',
  'not_delivered',
  'delivered',
  'received',
  'cancelled',
] as const;
/** @example const s: ShipmentStatus = 'in_transit'; */
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/**
 * Every kind of event: a status; one of the two that change facts; a delivery problem the
 * carrier reported; a carrier status that maps to none of ours (kept, changing nothing).
 * @example EVENT_KINDS.includes('remeasured') // true
 */
export const EVENT_KINDS = [
  ...SHIPMENT_STATUSES,
  'rescheduled',
  'remeasured',
  'problem',
  'carrier_status',
] as const;
/** @example const k: EventKind = 'rescheduled'; */
export type EventKind = (typeof EVENT_KINDS)[number];

/** The status of a shipment nobody has reported on yet. @example INITIAL_STATUS // 'created' */
export const INITIAL_STATUS: ShipmentStatus = 'created';

/** A packaging extra ordered for the shipment, by its id in the carrier's catalogue. @example { item: 'crate_m' } */
export interface PackagingOrder {
  item: string;
}

/** Insurance, as the lost calculator takes it. @example { declaredValue: { amount: '10000.00', currency: 'RUB' } } */
export interface ShipmentInsurance {
  declaredValue: MoneyJson;
  documentedValue?: MoneyJson;
}

/**
 * What the shop states about a shipment. Exactly one of `promisedDate` or `shippedDate` +
 * `transitBusinessDays` gives the promise (as the late calculator takes it).
 * @example { shipmentId: 's1', carrier: 'cdek', packages: [...], packaging: [{ item: 'crate_m' }], deliveryCost: { amount: '500.00', currency: 'RUB' }, deliveryPaid: true, promisedDate: '2025-03-11' }
 */
export interface ShipmentFacts {
  shipmentId: string;
  carrier: string;
  waybill?: string;
  packages: PackageInput[];
  packaging: PackagingOrder[];
  /** The tariff quoted for delivery. */
  deliveryCost: MoneyJson;
  deliveryPaid: boolean;
  insurance?: ShipmentInsurance;
  shippedDate?: IsoDate;
  promisedDate?: IsoDate;
  transitBusinessDays?: number;
  /** Country of the business calendar; default the desk's (RU). */
  calendar?: string;
}

/**
 * Where an event came from: the shop's own call (`api`, also when absent: events stored
 * before sources were kept), the carrier's webhook (`cdek_hook`), the daily reconciliation
 * with the carrier's API (`reconciliation`), or a test key's simulated carrier (`sandbox`).
 * @example EVENT_SOURCES[0] // 'api'
 */
export const EVENT_SOURCES = ['api', 'cdek_hook', 'reconciliation', 'sandbox'] as const;
/** @example const source: EventSource = 'cdek_hook'; */
export type EventSource = (typeof EVENT_SOURCES)[number];

/**
 * The carrier's own status, as it named it: its code (CDEK Appendix 1: `DELIVERED`) and its
 * text (`Вручен`), shown beside ours.
 * @example { code: 'ACCEPTED_AT_PICK_UP_POINT', name: 'Принят в пункте выдачи' }
 */
export interface CarrierStatus {
  code: string;
  name?: string;
}

/** What every event may carry besides its kind: where it came from, the carrier's words. */
export interface EventOrigin {
  /** Absent: `api`. */
  source?: EventSource;
  carrierStatus?: CarrierStatus;
}

/** A status report. `at` is an ISO instant with its offset; its date is the local date. */
export interface StatusEvent extends EventOrigin {
  eventId: string;
  status: ShipmentStatus;
  at: string;
}

/** A new delivery date, and why. @example { eventId: 'e7', status: 'rescheduled', at: '2025-03-10T09:00:00+03:00', promisedDate: '2025-03-14', reason: 'courier_late' } */
export interface RescheduledEvent extends EventOrigin {
  eventId: string;
  status: 'rescheduled';
  at: string;
  promisedDate: IsoDate;
  reason: RescheduleReason;
}

/** The carrier's own measurement of the packages and what it charged for them. */
export interface RemeasuredEvent extends EventOrigin {
  eventId: string;
  status: 'remeasured';
  at: string;
  packages: PackageInput[];
  charged: MoneyJson;
}

/**
 * A delivery problem the carrier reported (CDEK `DELIV_PROBLEM`): recorded, changing no status;
 * its `cause`, where one fits, is what a lateness after it is put down to.
 * @example { eventId: 'e9', status: 'problem', at: '2025-03-10T09:00:00+03:00', problem: { code: '11', name: 'Не дозвонились до получателя' }, cause: 'wrong_address' }
 */
export interface ProblemEvent extends EventOrigin {
  eventId: string;
  status: 'problem';
  at: string;
  problem: { code: string; name?: string };
  cause?: ClaimCause;
}

/**
 * A carrier status that maps to none of ours (an unknown code, a return leg): kept with its
 * code and text so nothing is lost, changing nothing.
 * @example { eventId: 'e4', status: 'carrier_status', at: '2025-03-08T10:00:00+07:00', carrierStatus: { code: 'IN_CUSTOMS_LOCAL' } }
 */
export interface CarrierStatusEvent extends EventOrigin {
  eventId: string;
  status: 'carrier_status';
  at: string;
  carrierStatus: CarrierStatus;
}

/** @example const e: ShipmentEvent = { eventId: 'e1', status: 'in_transit', at: '2025-03-07T12:00:00Z' }; */
export type ShipmentEvent =
  StatusEvent | RescheduledEvent | RemeasuredEvent | ProblemEvent | CarrierStatusEvent;
