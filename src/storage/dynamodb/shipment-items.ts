/**
 * Order and shipment items (see the design comment in `../table.ts`): the record as one JSON
 * `doc`, its version and the attributes conditions and the late index read.
 */
import type { ShipmentEvent, ShipmentFacts } from '../../domain/shipment';
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
  const { shopId, shipmentId, orderId, version, facts, events, updatedAt, watchDate } = record;
  const ids = [...new Set(events.map((e) => e.eventId))];
  return {
    ...shipmentKey(shopId, shipmentId),
    entity: { S: 'SHIPMENT' },
    shopId: { S: shopId },
    shipmentId: { S: shipmentId },
    orderId: { S: orderId },
    version: { N: String(version) },
    // Top-level too, so an event's write can be conditioned on it (see recordEvent's ABA note).
    [UPDATED_AT]: { S: updatedAt },
    doc: { S: JSON.stringify({ facts, events, updatedAt, watchDate }) },
    ...(ids.length > 0 ? { [EVENT_IDS]: { SS: ids } } : {}),
    ...lateIndexKeys(record),
  };
}

interface ShipmentDoc {
  facts: ShipmentFacts;
  events: ShipmentEvent[];
  updatedAt: string;
  watchDate?: string;
}

/** @example itemToShipment(shipmentToItem(record)) // equal to record */
export function itemToShipment(item: Item): ShipmentRecord {
  const doc = JSON.parse(item.doc?.S ?? '{}') as ShipmentDoc;
  return {
    shopId: item.shopId?.S ?? '',
    shipmentId: item.shipmentId?.S ?? '',
    orderId: item.orderId?.S ?? '',
    facts: doc.facts,
    events: doc.events,
    version: Number(item.version?.N ?? '0'),
    updatedAt: doc.updatedAt,
    ...(doc.watchDate === undefined ? {} : { watchDate: doc.watchDate }),
  };
}
