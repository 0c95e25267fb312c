/**
 * Order and shipment items (see the design comment in `../table.ts`): the record as one JSON
 * `doc`, its version and the attributes conditions and the late index read.
 */
import {
  hasDeliveryReport,
  latestStatusMs,
  onItsWay,
  type ShipmentEvent,
  type ShipmentFacts,
} from '../../domain/shipment';
import type { Customer, OrderRecord, ShipmentRecord } from '../repository';
import { INDEX_PARTITIONS, INDEXES } from '../table';
import type { Item } from './codec';

/** User-supplied parts of composite keys are URI-encoded so `#` cannot forge another key. */
const part = encodeURIComponent;
const key = (pk: string, sk: string): Item => ({ pk: { S: pk }, sk: { S: sk } });

/** @example orderKey('shop-a', 'O-1') // { pk: { S: 'SHOP#shop-a#ORDER#O-1' }, sk: { S: 'ORDER' } } */
export const orderKey = (shopId: string, orderId: string): Item =>
  key(`SHOP#${part(shopId)}#ORDER#${part(orderId)}`, 'ORDER');
/** @example shipmentKey('shop-a', 'S-1') // { pk: { S: 'SHOP#shop-a#SHIPMENT#S-1' }, sk: { S: 'SHIPMENT' } } */
export const shipmentKey = (shopId: string, shipmentId: string): Item =>
  key(shipmentPartition(shopId, shipmentId), 'SHIPMENT');
/** The partition of a shipment (its SHIPMENT item, and the MESSAGE items of its customer messages). */
export const shipmentPartition = (shopId: string, shipmentId: string): string =>
  `SHOP#${part(shopId)}#SHIPMENT#${part(shipmentId)}`;

/** The attribute holding a shipment's event ids, for the ingest's condition. */
export const EVENT_IDS = 'eventIds';
/** The attribute holding a shipment's last write time, for the ingest's condition. */
export const UPDATED_AT = 'updatedAt';
/**
 * The attribute holding a shipment's events, in arrival order: a list of JSON strings, so a
 * routine event is appended by an UpdateItem (`list_append`) without reading the item.
 * Items written before it existed keep their events inside `doc`.
 */
export const EVENTS = 'events';
/**
 * Present (true) while the shipment is on its way (`onItsWay`): what the append of a routine
 * event is conditioned on, since only then does it change nothing but the events.
 */
export const ON_ITS_WAY = 'onItsWay';
/**
 * What a report recorded with no read is conditioned on besides (see the domain's
 * ./report-effect.ts): the instant (ms) of the latest status report; present (true) once a
 * delivery report is among the events; the first late delivery date; the shipping date.
 */
export const LATEST_STATUS_MS = 'latestStatusMs';
export const DELIVERY_REPORTED = 'deliveryReported';
export const LATE_FROM = 'lateFrom';
export const SHIPPED_DATE = 'shippedDate';
/**
 * The shipment's carrier (policy id) and the currency it was quoted in: what the append of a
 * report of facts (a reschedule, a re-measurement) is conditioned on.
 */
export const CARRIER = 'carrier';
export const CURRENCY = 'currency';

/** @example orderToItem(order).entity // { S: 'ORDER' } */
export function orderToItem(order: OrderRecord): Item {
  const { shopId, orderId, version, ...doc } = order;
  return {
    ...orderKey(shopId, orderId),
    entity: { S: 'ORDER' },
    shopId: { S: shopId },
    orderId: { S: orderId },
    version: { N: String(version) },
    doc: { S: JSON.stringify(doc) },
  };
}

interface OrderDoc {
  placedAt: string;
  customer: Customer;
  b2b: boolean;
  shipmentIds: string[];
  updatedAt: string;
}

/** @example itemToOrder(orderToItem(order)) // equal to order */
export function itemToOrder(item: Item): OrderRecord {
  const doc = JSON.parse(item.doc?.S ?? '{}') as OrderDoc;
  return {
    shopId: item.shopId?.S ?? '',
    orderId: item.orderId?.S ?? '',
    placedAt: doc.placedAt,
    customer: doc.customer,
    b2b: doc.b2b,
    shipmentIds: doc.shipmentIds,
    version: Number(item.version?.N ?? '0'),
    updatedAt: doc.updatedAt,
  };
}

/**
 * The late-index attributes of a watched shipment (none for one not watched).
 * @example lateIndexKeys({ shopId: 's', shipmentId: 'S-1', watchDate: '2025-03-11' }).promiseSk // '2025-03-11#s#S-1'
 */
export function lateIndexKeys(
  record: Pick<ShipmentRecord, 'shopId' | 'shipmentId' | 'watchDate'>,
): Item {
  if (record.watchDate === undefined) return {};
  const sk = `${record.watchDate}#${part(record.shopId)}#${part(record.shipmentId)}`;
  return {
    [INDEXES.shopLateShipments.pk]: { S: INDEX_PARTITIONS.shopLateShipments(record) },
    [INDEXES.lateShipments.pk]: { S: INDEX_PARTITIONS.lateShipments() },
    [INDEXES.lateShipments.sk]: { S: sk },
  };
}

/** @example shipmentToItem(record).version // { N: '1' } */
export function shipmentToItem(record: ShipmentRecord): Item {
  const { shopId, shipmentId, orderId, version, facts, events, updatedAt, lateFrom } = record;
  const ids = [...new Set(events.map((e) => e.eventId))];
  const latest = latestStatusMs(events);
  return {
    ...shipmentKey(shopId, shipmentId),
    entity: { S: 'SHIPMENT' },
    shopId: { S: shopId },
    shipmentId: { S: shipmentId },
    orderId: { S: orderId },
    version: { N: String(version) },
    // Top-level too, so an event's write can be conditioned on it (see recordEvent's ABA note).
    [UPDATED_AT]: { S: updatedAt },
    // The late-index date is read back from the index key (`promiseSk`), its one copy.
    doc: { S: JSON.stringify({ facts, updatedAt }) },
    [EVENTS]: { L: events.map((event) => ({ S: JSON.stringify(event) })) },
    ...(onItsWay(events) ? { [ON_ITS_WAY]: { BOOL: true } } : {}),
    ...(latest === undefined ? {} : { [LATEST_STATUS_MS]: { N: String(latest) } }),
    ...(hasDeliveryReport(events) ? { [DELIVERY_REPORTED]: { BOOL: true } } : {}),
    ...(lateFrom === undefined ? {} : { [LATE_FROM]: { S: lateFrom } }),
    ...(facts.shippedDate === undefined ? {} : { [SHIPPED_DATE]: { S: facts.shippedDate } }),
    [CARRIER]: { S: facts.carrier },
    [CURRENCY]: { S: facts.deliveryCost.currency },
    ...(ids.length > 0 ? { [EVENT_IDS]: { SS: ids } } : {}),
    ...lateIndexKeys(record),
  };
}

interface ShipmentDoc {
  facts: ShipmentFacts;
  /** Only in items written before `EVENTS` existed. */
  events?: ShipmentEvent[];
  updatedAt: string;
  /** Only in items written before `EVENTS` existed (since, the index key holds it). */
  watchDate?: string;
}

/** The late-index date (from the index key) and the first late delivery date, as stored. */
function watchOf(item: Item, doc: ShipmentDoc): Pick<ShipmentRecord, 'watchDate' | 'lateFrom'> {
  if (item[EVENTS] === undefined) {
    return doc.watchDate === undefined ? {} : { watchDate: doc.watchDate };
  }
  const watchDate = item[INDEXES.lateShipments.sk]?.S?.split('#')[0];
  const lateFrom = item[LATE_FROM]?.S;
  return {
    ...(watchDate === undefined ? {} : { watchDate }),
    ...(lateFrom === undefined ? {} : { lateFrom }),
  };
}

function eventsOf(item: Item, doc: ShipmentDoc): ShipmentEvent[] {
  const list = item[EVENTS]?.L;
  if (list === undefined) return doc.events ?? [];
  return list.map((entry) => JSON.parse(entry.S ?? '{}') as ShipmentEvent);
}

/** @example itemToShipment(shipmentToItem(record)) // equal to record */
export function itemToShipment(item: Item): ShipmentRecord {
  const doc = JSON.parse(item.doc?.S ?? '{}') as ShipmentDoc;
  return {
    shopId: item.shopId?.S ?? '',
    shipmentId: item.shipmentId?.S ?? '',
    orderId: item.orderId?.S ?? '',
    facts: doc.facts,
    events: eventsOf(item, doc),
    version: Number(item.version?.N ?? '0'),
    // Top-level first: an appended event rewrites only that copy.
    updatedAt: item[UPDATED_AT]?.S ?? doc.updatedAt,
    ...watchOf(item, doc),
  };
}
