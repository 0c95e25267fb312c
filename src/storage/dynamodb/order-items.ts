/**
 * The ORDER item: the order as one JSON `doc` and its version. While a replace too large for
 * one transaction is under way it also holds that replace's lock (`lock`, `lockUntil`: see
 * ./order-replace.ts); a new order's lock is held by a placeholder at version 0, which reads
 * as no order.
 */
import type { Customer, OrderRecord } from '../shipment-repository';
import type { Item } from './codec';
import { orderKey } from './keys';

/** Attribute names of the order item. */
export const ORDER = { version: 'version', lock: 'lock', lockUntil: 'lockUntil' } as const;

/** @example orderItem(order).version // { N: '1' } */
export function orderItem(order: OrderRecord): Item {
  const { shopId, orderId, version, ...doc } = order;
  return {
    ...orderKey(shopId, orderId),
    shopId: { S: shopId },
    orderId: { S: orderId },
    [ORDER.version]: { N: String(version) },
    doc: { S: JSON.stringify(doc) },
  };
}

/**
 * A new order's placeholder, holding the lock of its first replace.
 * @example placeholderItem(order, { token: 't', until: Date.now() + 30_000 }).version // { N: '0' }
 */
export function placeholderItem(
  order: Pick<OrderRecord, 'shopId' | 'orderId'>,
  lock: { token: string; until: number },
): Item {
  return {
    ...orderKey(order.shopId, order.orderId),
    shopId: { S: order.shopId },
    orderId: { S: order.orderId },
    [ORDER.version]: { N: '0' },
    [ORDER.lock]: { S: lock.token },
    [ORDER.lockUntil]: { N: String(lock.until) },
  };
}

interface OrderDoc {
  placedAt: string;
  customer: Customer;
  b2b: boolean;
  shipmentIds: string[];
  updatedAt: string;
  personalData?: { erasedAt: string; erasureId: string };
}

/**
 * The order an item holds; undefined for a placeholder.
 * @example itemToOrder(orderItem(order)) // equal to order
 */
export function itemToOrder(item: Item): OrderRecord | undefined {
  const version = Number(item[ORDER.version]?.N ?? '0');
  const text = item.doc?.S;
  if (version === 0 || text === undefined) return undefined;
  const doc = JSON.parse(text) as OrderDoc;
  return {
    shopId: item.shopId?.S ?? '',
    orderId: item.orderId?.S ?? '',
    placedAt: doc.placedAt,
    customer: doc.customer,
    b2b: doc.b2b,
    shipmentIds: doc.shipmentIds,
    version,
    updatedAt: doc.updatedAt,
    ...(doc.personalData === undefined ? {} : { personalData: doc.personalData }),
  };
}
