/**
 * Carrier hooks and kept carrier events on DynamoDB Local: a hook and its token copy written
 * and revoked together, the per-shop cap held under concurrent creates, listings paged by
 * cursor; kept events deduplicated per parcel, listed newest first; shipments found by
 * waybill through the entries the order replace moves; the new items' worst-case sizes.
 */
import { randomUUID } from 'node:crypto';
import { DeleteItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ShipmentEvent } from '../../src/domain/shipment';
import { sha256Hex } from '../../src/lib/sha256';
import type { Item } from '../../src/storage/dynamodb/codec';
import { carrierHookItems } from '../../src/storage/dynamodb/carrier-hooks';
import { carrierOrderItem, unmatchedItem } from '../../src/storage/dynamodb/unmatched-events';
import { waybillShipmentKey } from '../../src/storage/dynamodb/keys';
import { tableContext } from '../../src/storage/dynamodb/table-context';
import { backfillWaybillEntries } from '../../src/storage/dynamodb/waybill-backfill';
import {
  InvalidCursorError,
  NotFoundError,
  type CarrierHookRecord,
  type Storage,
  type UnmatchedEventRecord,
} from '../../src/storage/repository';
import { freshStorage, shipment } from './helpers';
import { createOrder, orderOf, shipmentInstance } from './shipment-helpers';

let storage: Storage;
let tableName = '';
beforeAll(async () => {
  const fresh = await freshStorage();
  storage = fresh;
  tableName = fresh.tableName;
});

const hook = async (shopId: string, over: Partial<CarrierHookRecord> = {}) => ({
  shopId,
  hookId: `hk_${randomUUID().slice(0, 16)}`,
  carrier: 'cdek' as const,
  tokenHash: await sha256Hex(randomUUID()),
  createdAt: '2025-06-16T09:00:00.000Z',
  ...over,
});

const statusEvent = (eventId: string): ShipmentEvent => ({
  eventId,
  status: 'in_transit',
  at: '2025-06-03T01:30:00+07:00',
  source: 'cdek_hook',
  carrierStatus: { code: 'SENT_TO_TRANSIT_CITY', name: 'Отправлен в г.-транзит' },
});

const kept = (
  shopId: string,
  eventId: string,
  over: Partial<UnmatchedEventRecord> = {},
): UnmatchedEventRecord => ({
  shopId,
  parcel: { waybill: '1106207236' },
  eventId,
  carrier: 'cdek',
  waybill: '1106207236',
  receivedAt: '2025-06-16T09:00:00.000Z',
  reason: 'no_shipment',
  event: statusEvent(eventId),
  expiresAt: 1_800_000_000,
  ...over,
});

describe('carrier hooks', () => {
  it('are found by their token hash until revoked, then gone at once', async () => {
    const record = await hook('shop-h1', { forwardTo: 'https://shop.example/cdek' });
    expect(await storage.carrierHooks.create(record, 10)).toBe(true);
    expect(await storage.carrierHooks.findByToken(record.tokenHash)).toEqual({
      shopId: 'shop-h1',
      hookId: record.hookId,
      carrier: 'cdek',
      forwardTo: 'https://shop.example/cdek',
    });
    const page = await storage.carrierHooks.list('shop-h1', { limit: 10, caller: 'k1' });
    expect(page).toEqual({ items: [record] });
    await storage.carrierHooks.revoke('shop-h1', record.hookId);
    expect(await storage.carrierHooks.findByToken(record.tokenHash)).toBeUndefined();
    expect((await storage.carrierHooks.list('shop-h1', { limit: 10, caller: 'k1' })).items).toEqual(
      [],
    );
    await expect(storage.carrierHooks.revoke('shop-h1', record.hookId)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    // Another shop's hook is not this shop's to revoke.
    const other = await hook('shop-h2');
    await storage.carrierHooks.create(other, 10);
    await expect(storage.carrierHooks.revoke('shop-h1', other.hookId)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('holds the cap under 15 creates at once, and a revoke makes room again', async () => {
    const records = await Promise.all(Array.from({ length: 15 }, () => hook('shop-cap')));
    const made = await Promise.all(records.map((r) => storage.carrierHooks.create(r, 10)));
    expect(made.filter(Boolean)).toHaveLength(10);
    const all = await storage.carrierHooks.list('shop-cap', { limit: 100, caller: 'k1' });
    expect(all.items).toHaveLength(10);
    // Two revokes of one hook at once: one wins, the count drops once.
    const first = all.items[0]!;
    const both = await Promise.allSettled([
      storage.carrierHooks.revoke('shop-cap', first.hookId),
      storage.carrierHooks.revoke('shop-cap', first.hookId),
    ]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await storage.carrierHooks.create(await hook('shop-cap'), 10)).toBe(true);
    expect(await storage.carrierHooks.create(await hook('shop-cap'), 10)).toBe(false);
  });

  it('lists by pages, each cursor for its caller and shop only', async () => {
    const records = await Promise.all(Array.from({ length: 7 }, () => hook('shop-pages')));
    for (const r of records) await storage.carrierHooks.create(r, 10);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await storage.carrierHooks.list('shop-pages', {
        limit: 3,
        caller: 'k1',
        ...(cursor ? { cursor } : {}),
      });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((h) => h.hookId));
      cursor = page.nextCursor;
      if (cursor) {
        await expect(
          storage.carrierHooks.list('shop-pages', { limit: 3, caller: 'k2', cursor }),
        ).rejects.toBeInstanceOf(InvalidCursorError);
      }
    } while (cursor);
    expect(seen.sort()).toEqual(records.map((r) => r.hookId).sort());
  });
});

describe('kept carrier events', () => {
  it('keep an event once per parcel, however many times it is sent at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => storage.unmatchedEvents.keep(kept('shop-k1', 'e1'))),
    );
    expect(answers.filter(Boolean)).toHaveLength(1);
    const parcel = { waybill: '1106207236' };
    expect(await storage.unmatchedEvents.ofParcel('shop-k1', parcel)).toEqual([
      kept('shop-k1', 'e1'),
    ]);
    await storage.unmatchedEvents.setReason('shop-k1', parcel, 'e1', 'refused: date_order: …');
    expect((await storage.unmatchedEvents.ofParcel('shop-k1', parcel))[0]?.reason).toBe(
      'refused: date_order: …',
    );
    await storage.unmatchedEvents.remove('shop-k1', parcel, 'e1');
    await storage.unmatchedEvents.remove('shop-k1', parcel, 'e1');
    expect(await storage.unmatchedEvents.ofParcel('shop-k1', parcel)).toEqual([]);
    // A reason set on an event gone meanwhile writes no stray item.
    await storage.unmatchedEvents.setReason('shop-k1', parcel, 'e1', 'ambiguous');
    expect(await storage.unmatchedEvents.ofParcel('shop-k1', parcel)).toEqual([]);
  });

  it('keep an order id and a waybill apart, and list a shop’s newest first by pages', async () => {
    const byOrder = kept('shop-k2', 'o1', {
      parcel: { orderNumber: '1106207236' },
      waybill: undefined,
      orderNumber: '1106207236',
      receivedAt: '2025-06-16T09:00:01.000Z',
    });
    expect(await storage.unmatchedEvents.keep(byOrder)).toBe(true);
    for (let i = 0; i < 5; i++) {
      const receivedAt = `2025-06-16T09:0${i}:00.000Z`;
      await storage.unmatchedEvents.keep(kept('shop-k2', `w${i}`, { receivedAt }));
    }
    expect(
      await storage.unmatchedEvents.ofParcel('shop-k2', { waybill: '1106207236' }),
    ).toHaveLength(5);
    expect(
      await storage.unmatchedEvents.ofParcel('shop-k2', { orderNumber: '1106207236' }),
    ).toEqual([byOrder]);
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await storage.unmatchedEvents.list('shop-k2', {
        limit: 2,
        caller: 'k1',
        ...(cursor ? { cursor } : {}),
      });
      ids.push(...page.items.map((e) => e.eventId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toEqual(['w4', 'w3', 'w2', 'w1', 'o1', 'w0']);
    expect(
      (await storage.unmatchedEvents.list('shop-other', { limit: 5, caller: 'k1' })).items,
    ).toEqual([]);
  });
});

describe('shipments by waybill', () => {
  it('follow the order replace: put with a waybill, moved with it, deleted with the shipment', async () => {
    const { repo } = shipmentInstance(tableName);
    const withWaybill = (id: string, waybill?: string) => {
      const s = shipment('shop-w', 'O-w', id);
      return { ...s, facts: { ...s.facts, ...(waybill ? { waybill } : {}) } };
    };
    const [a, b] = [withWaybill('S-a', 'W-1'), withWaybill('S-b')];
    await createOrder(repo, [a, b]);
    expect(await repo.shipmentsByWaybill('shop-w', 'W-1')).toEqual(['S-a']);
    // S-a changes its waybill, S-b gets one: the same as S-a's old one.
    const a2 = { ...withWaybill('S-a', 'W-2'), version: 2 };
    const b2 = { ...withWaybill('S-b', 'W-1'), version: 2 };
    await repo.replaceOrder({
      order: orderOf('shop-w', 'O-w', ['S-a', 'S-b'], 2),
      expectedOrderVersion: 1,
      puts: [
        { record: a2, expectedVersion: 1, previousWaybill: 'W-1' },
        { record: b2, expectedVersion: 1 },
      ],
      removes: [],
    });
    expect(await repo.shipmentsByWaybill('shop-w', 'W-1')).toEqual(['S-b']);
    expect(await repo.shipmentsByWaybill('shop-w', 'W-2')).toEqual(['S-a']);
    await repo.replaceOrder({
      order: orderOf('shop-w', 'O-w', ['S-b'], 3),
      expectedOrderVersion: 2,
      puts: [],
      removes: [{ shipmentId: 'S-a', expectedVersion: 2, waybill: 'W-2' }],
    });
    expect(await repo.shipmentsByWaybill('shop-w', 'W-2')).toEqual([]);
    expect(await repo.shipmentsByWaybill('other-shop', 'W-1')).toEqual([]);
  });
});

describe('the waybill entries of shipments stored before them', () => {
  it('are backfilled for every shipment with a waybill, from its current facts', async () => {
    const { client, tableName: table } = await freshStorage();
    const { repo } = shipmentInstance(table);
    const [a, b, c] = ['S-1', 'S-2', 'S-3'].map((id, i) => {
      const s = shipment('shop-old', 'O-old', id);
      return i === 2 ? s : { ...s, facts: { ...s.facts, waybill: `OLD-${id}` } };
    });
    await createOrder(repo, [a!, b!, c!]);
    // As stored before the entries existed.
    for (const s of [a!, b!]) {
      const Key = waybillShipmentKey('shop-old', s.facts.waybill!, s.shipmentId);
      await client.send(new DeleteItemCommand({ TableName: table, Key }));
    }
    expect(await repo.shipmentsByWaybill('shop-old', 'OLD-S-1')).toEqual([]);
    const report = await backfillWaybillEntries(tableContext({ client, tableName: table }));
    expect(report).toEqual({ shipments: 2, written: 2, raced: 0 });
    expect(await repo.shipmentsByWaybill('shop-old', 'OLD-S-1')).toEqual(['S-1']);
    expect(await repo.shipmentsByWaybill('shop-old', 'OLD-S-2')).toEqual(['S-2']);
  });
});

/** DynamoDB's item size: attribute names and values in bytes (numbers counted as text: more). */
const sizeOf = (item: Item): number =>
  Object.entries(item).reduce(
    (n, [name, v]) =>
      n +
      Buffer.byteLength(name) +
      Buffer.byteLength(v.S ?? v.N ?? '') +
      (v.B?.length ?? 0) +
      (v.M ? sizeOf(v.M) : 0),
    0,
  );

describe('the new items at their maxima', () => {
  const SHOP = 'ш'.repeat(64);
  it('a hook and its token copy under 3 KB, a kept event under 8 KB, a waybill entry under 1 KB, a carrier order under 2 KB', async () => {
    const record = await hook(SHOP, {
      hookId: `hk_${'x'.repeat(16)}`,
      forwardTo: `https://shop.example/${'я'.repeat(1000)}`.slice(0, 2048),
    });
    expect(await storage.carrierHooks.create(record, 10)).toBe(true);
    expect((await storage.carrierHooks.list(SHOP, { limit: 1, caller: 'k' })).items).toEqual([
      record,
    ]);
    const item = await unmatchedItem(
      kept(SHOP, '事'.repeat(128), {
        parcel: { waybill: 'W'.repeat(64) },
        waybill: 'W'.repeat(64),
        orderNumber: 'Щ'.repeat(64),
        reason: `refused: date_order: ${'я'.repeat(400)}`.slice(0, 500),
        event: {
          ...statusEvent('事'.repeat(128)),
          carrierStatus: { code: 'C'.repeat(64), name: 'Щ'.repeat(200) },
        },
      }),
    );
    const entry = {
      ...waybillShipmentKey(SHOP, 'Щ'.repeat(64), `${'x'.repeat(64)}`),
      shipmentId: { S: 'x'.repeat(64) },
      orderId: { S: 'O'.repeat(64) },
    };
    const hookBytes = Math.max(...carrierHookItems(record).map(sizeOf));
    const orderItem = carrierOrderItem(
      SHOP,
      'U'.repeat(100),
      { waybill: 'Щ'.repeat(64), orderNumber: 'Щ'.repeat(64) },
      1_800_000_000,
    );
    expect(sizeOf(orderItem)).toBeLessThan(2 * 1024);
    console.info('bytes at the maxima:', {
      hook: hookBytes,
      kept: sizeOf(item),
      entry: sizeOf(entry),
      carrierOrder: sizeOf(orderItem),
    });
    expect(hookBytes).toBeLessThan(3 * 1024);
    expect(sizeOf(item)).toBeLessThan(8 * 1024);
    expect(item.sk!.S!.length).toBeLessThanOrEqual(1024);
    expect(sizeOf(entry)).toBeLessThan(1024);
    // Both written and read back as they are.
    const big = kept(SHOP, '事'.repeat(128), { parcel: { waybill: 'W'.repeat(64) } });
    expect(await storage.unmatchedEvents.keep(big)).toBe(true);
    expect(await storage.unmatchedEvents.ofParcel(SHOP, { waybill: 'W'.repeat(64) })).toEqual([
      big,
    ]);
  });
});
