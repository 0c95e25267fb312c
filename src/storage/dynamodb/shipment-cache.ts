/**
 * The last shipment item this storage instance read or wrote, per shipment: a bounded LRU,
 * so an isolate that has seen a shipment writes its next event directly, conditioned on the
 * version (and write time) it holds. Never served to a reader: a stale entry only costs the
 * failed condition, which returns the current item.
 */
import type { ShipmentRecord } from '../repository';

/** Shipments kept per storage instance (a shipment item is a few KB, events included). */
export const SHIPMENT_CACHE_SIZE = 2_000;

/**
 * @example
 * const cache = new ShipmentCache(2);
 * cache.put(record);
 * cache.get(record.shopId, record.shipmentId) // record
 */
export class ShipmentCache {
  private readonly entries = new Map<string, ShipmentRecord>();

  constructor(private readonly size: number = SHIPMENT_CACHE_SIZE) {}

  private static key(shopId: string, shipmentId: string): string {
    return JSON.stringify([shopId, shipmentId]);
  }

  get(shopId: string, shipmentId: string): ShipmentRecord | undefined {
    const key = ShipmentCache.key(shopId, shipmentId);
    const record = this.entries.get(key);
    if (record === undefined) return undefined;
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(key);
    this.entries.set(key, record);
    return record;
  }

  put(record: ShipmentRecord): void {
    if (this.size <= 0) return;
    const key = ShipmentCache.key(record.shopId, record.shipmentId);
    this.entries.delete(key);
    this.entries.set(key, record);
    while (this.entries.size > this.size) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  drop(shopId: string, shipmentId: string): void {
    this.entries.delete(ShipmentCache.key(shopId, shipmentId));
  }

  get count(): number {
    return this.entries.size;
  }
}
