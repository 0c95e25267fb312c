/**
 * The carrier event service's contract (src/services/carrier-events.ts) and the pure pieces
 * it is built of: what became of a notice, a kept event as shown, and how a notice names the
 * parcel it is kept under.
 */
import type { CarrierNotice, HookCarrier } from '../carriers/types';
import type { DomainError } from '../domain/errors';
import type { ShipmentEvent } from '../domain/shipment';
import type { UnmatchedEventRecord, UnmatchedParcel } from '../storage/repository';

/**
 * What became of one notice.
 * @example { eventId: 'cdek:…', outcome: 'applied', shipmentId: 'S-1' }
 */
export interface IngestResult {
  eventId: string;
  outcome: 'applied' | 'duplicate' | 'unmatched' | 'refused';
  shipmentId?: string;
  reason?: string;
}

/**
 * Why an event is kept: no shipment, more than one it could be for, or the rules refused it.
 * @example const reason: UnmatchedReason = 'refused: date_order: …';
 */
export type UnmatchedReason = 'no_shipment' | 'ambiguous' | `refused: ${string}`;

/**
 * A kept event, as the API and the desk show it.
 * @example { eventId, carrier: 'cdek', waybill: '1106207236', receivedAt, reason: 'no_shipment', event }
 */
export interface UnmatchedEventView {
  eventId: string;
  carrier: HookCarrier;
  waybill?: string;
  orderNumber?: string;
  receivedAt: string;
  reason: UnmatchedReason;
  event: ShipmentEvent;
}

/** The listing, as the API takes it. @example { shopId: 'shop-a', limit: 20 } */
export interface UnmatchedQuery {
  shopId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Whether a notice was matched to a shipment, or why not. */
export type Match = { shipmentId: string } | { reason: 'no_shipment' | 'ambiguous' };

/** How a notice names its parcel (what matching reads). @example { waybill: '1106207236' } */
export type Naming = Pick<CarrierNotice, 'waybill' | 'orderNumber' | 'carrierOrderId'>;

/**
 * The parcel a notice is kept under: its waybill, its order id, the carrier's; none: none.
 * @example parcelOf({ orderNumber: 'O-1' }) // { orderNumber: 'O-1' }
 */
export const parcelOf = (n: Naming): UnmatchedParcel | undefined =>
  n.waybill !== undefined
    ? { waybill: n.waybill }
    : n.orderNumber !== undefined
      ? { orderNumber: n.orderNumber }
      : n.carrierOrderId !== undefined
        ? { carrierOrderId: n.carrierOrderId }
        : undefined;

/**
 * A refusal as a kept event's reason: `refused: <reason or code>: <message>` (bounded).
 * @example refusal(error) // 'refused: date_order: 2025-05-30 is before placedAt …'
 */
export const refusal = (error: DomainError): UnmatchedReason =>
  `refused: ${error.reason ?? error.code}: ${error.message}`.slice(0, 500) as UnmatchedReason;

/** A kept event as shown. @example unmatchedView(record).reason // 'no_shipment' */
export const unmatchedView = (r: UnmatchedEventRecord): UnmatchedEventView => ({
  eventId: r.eventId,
  carrier: r.carrier,
  ...(r.waybill === undefined ? {} : { waybill: r.waybill }),
  ...(r.orderNumber === undefined ? {} : { orderNumber: r.orderNumber }),
  receivedAt: r.receivedAt,
  reason: r.reason as UnmatchedReason,
  event: r.event,
});
