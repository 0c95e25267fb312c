/**
 * Orders and shipments (domain-rules §5): an order is split into shipments, each delivered and
 * paid on its own, each moving through the carrier's statuses.
 */
import type { IsoDate } from '../calendar/dates';
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
  'delivered',
  'received',
  'cancelled',
] as const;
/** @example const s: ShipmentStatus = 'in_transit'; */
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** Every kind of event: a status, or one of the two that change facts. @example EVENT_KINDS.includes('remeasured') // true */
export const EVENT_KINDS = [...SHIPMENT_STATUSES, 'rescheduled', 'remeasured'] as const;
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

/** A status report. `at` is an ISO instant with its offset; its date is the local date. */
export interface StatusEvent {
  eventId: string;
  status: ShipmentStatus;
  at: string;
}

/** A new delivery date, and why. @example { eventId: 'e7', status: 'rescheduled', at: '2025-03-10T09:00:00+03:00', promisedDate: '2025-03-14', reason: 'courier_late' } */
export interface RescheduledEvent {
  eventId: string;
  status: 'rescheduled';
  at: string;
  promisedDate: IsoDate;
  reason: RescheduleReason;
}

/** The carrier's own measurement of the packages and what it charged for them. */
export interface RemeasuredEvent {
  eventId: string;
  status: 'remeasured';
  at: string;
  packages: PackageInput[];
  charged: MoneyJson;
}

/** @example const e: ShipmentEvent = { eventId: 'e1', status: 'in_transit', at: '2025-03-07T12:00:00Z' }; */
export type ShipmentEvent = StatusEvent | RescheduledEvent | RemeasuredEvent;
