/**
 * Orders and shipments on DynamoDB Local: atomic order replaces, one conditional write per
 * event (a resent event id changes nothing), and the late index that reads late ones only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ShipmentEvent } from '../../src/domain/shipment';
import { listLateShipments } from '../../src/storage/dynamodb/shipment-list';
import { localCursorSecret } from '../../src/storage/dynamodb/claim-repository';
import {
  ConflictError,
  InvalidCursorError,
  type OrderRecord,
  type ShipmentRepository,
} from '../../src/storage/repository';
import { freshStorage, shipment } from './helpers';

let shipments: ShipmentRepository;
let env: Awaited<ReturnType<typeof freshStorage>>;
beforeAll(async () => {
  env = await freshStorage();
  shipments = env.shipments;
});

const order = (
  shopId: string,
  orderId: string,
  shipmentIds: string[],
  version = 1,
): OrderRecord => ({
  shopId,
  orderId,
  placedAt: '2025-03-01T10:00:00+03:00',
  customer: { name: 'Анна Петрова', email: 'anna@example.com', phone: '+7 900 000-00-00' },
  b2b: false,
  shipmentIds,
  version,
  updatedAt: '2025-03-01T10:00:00.000Z',
});

const event = (eventId: string, status: 'in_transit' | 'delivered'): ShipmentEvent => ({
  eventId,
  status,
  at: '2025-03-08T10:00:00+03:00',
});

describe('an order replace', () => {
  it('writes the order and its shipments together, and reads them back as written', async () => {
    const s1 = shipment('shop-a', 'O-1', 'S-1');
    const s2 = shipment('shop-a', 'O-1', 'S-2');
    await shipments.replaceOrder({
      order: order('shop-a', 'O-1', ['S-1', 'S-2']),
      puts: [{ record: s1 }, { record: s2 }],
      removes: [],
    });
    expect(await shipments.getOrder('shop-a', 'O-1')).toEqual(
      order('shop-a', 'O-1', ['S-1', 'S-2']),
    );
    expect(await shipments.getShipments('shop-a', ['S-2', 'S-1', 'S-9'])).toEqual([s2, s1]);
    // Another shop's ids are another shop's: the same ids name nothing there.
    expect(await shipments.getShipment('shop-b', 'S-1')).toBeUndefined();
  });

  it('deletes the shipments an order drops, in the same transaction', async () => {
    const s1 = shipment('shop-a', 'O-2', 'S-21');
    const s2 = shipment('shop-a', 'O-2', 'S-22');
    await shipments.replaceOrder({
      order: order('shop-a', 'O-2', ['S-21', 'S-22']),
      puts: [{ record: s1 }, { record: s2 }],
      removes: [],
    });
    await shipments.replaceOrder({
      order: order('shop-a', 'O-2', ['S-21'], 2),
      expectedOrderVersion: 1,
      puts: [],
      removes: [{ shipmentId: 'S-22', expectedVersion: 1 }],
    });
    expect(await shipments.getShipment('shop-a', 'S-22')).toBeUndefined();
    expect((await shipments.getOrder('shop-a', 'O-2'))?.shipmentIds).toEqual(['S-21']);
  });

  it('writes nothing when anything moved since it was read', async () => {
    const s1 = shipment('shop-a', 'O-3', 'S-31');
    await shipments.replaceOrder({
      order: order('shop-a', 'O-3', ['S-31']),
      puts: [{ record: s1 }],
      removes: [],
    });
    const stale = shipments.replaceOrder({
      order: order('shop-a', 'O-3', [], 2),
      expectedOrderVersion: 1,
      puts: [],
      removes: [{ shipmentId: 'S-31', expectedVersion: 7 }],
    });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    expect(await shipments.getShipment('shop-a', 'S-31')).toEqual(s1);
    expect((await shipments.getOrder('shop-a', 'O-3'))?.version).toBe(1);
    const again = shipments.replaceOrder({
      order: order('shop-a', 'O-3', ['S-31']),
      puts: [],
      removes: [],
    });
    await expect(again).rejects.toBeInstanceOf(ConflictError);
  });
});

describe('an event', () => {
  it('is recorded by one conditional write, and a resent id changes nothing', async () => {
    const s = shipment('shop-a', 'O-4', 'S-41');
    await shipments.replaceOrder({
      order: order('shop-a', 'O-4', ['S-41']),
      puts: [{ record: s }],
      removes: [],
    });
    const next = { ...s, events: [event('e1', 'in_transit')], version: 2 };
    expect(await shipments.recordEvent(next, 'e1', 1)).toBe('recorded');
    const resent = { ...next, events: [...next.events, event('e1', 'delivered')], version: 3 };
    expect(await shipments.recordEvent(resent, 'e1', 2)).toBe('duplicate');
    expect(await shipments.getShipment('shop-a', 'S-41')).toEqual(next);
  });

  it('written on a version that moved on is a conflict naming the current version', async () => {
    const s = shipment('shop-a', 'O-5', 'S-51');
    await shipments.replaceOrder({
      order: order('shop-a', 'O-5', ['S-51']),
      puts: [{ record: s }],
      removes: [],
    });
    await shipments.recordEvent({ ...s, events: [event('a', 'in_transit')], version: 2 }, 'a', 1);
    const late = shipments.recordEvent(
      { ...s, events: [event('b', 'in_transit')], version: 2 },
      'b',
      1,
    );
    await expect(late).rejects.toMatchObject({ code: 'conflict', currentVersion: 2 });
  });
});

describe('the late listing', () => {
  const shops = ['late-x', 'late-y'];
  beforeAll(async () => {
    for (const shopId of shops) {
      const records = [
        shipment(shopId, 'OL', 'L-1', { watchDate: '2025-03-03' }),
        shipment(shopId, 'OL', 'L-2', { watchDate: '2025-03-05' }),
        shipment(shopId, 'OL', 'L-3', { watchDate: '2025-03-04' }),
        // Not yet due on 2025-03-10, and not watched at all (delivered on time).
        shipment(shopId, 'OL', 'F-1', { watchDate: '2025-03-10' }),
        shipment(shopId, 'OL', 'F-2', { watchDate: '2025-04-01' }),
        shipment(shopId, 'OL', 'D-1', { watchDate: undefined }),
      ];
      await shipments.replaceOrder({
        order: order(
          shopId,
          'OL',
          records.map((r) => r.shipmentId),
        ),
        puts: records.map((record) => ({ record })),
        removes: [],
      });
    }
  });

  it('lists a shop’s shipments past their deadline, oldest first, reading only those', async () => {
    const page = await listLateShipments(
      env.client,
      env.tableName,
      localCursorSecret(env.tableName),
      { shopId: 'late-x', before: '2025-03-10' },
      { limit: 10, caller: 'k-x' },
    );
    expect(page.items.map((s) => s.shipmentId)).toEqual(['L-1', 'L-3', 'L-2']);
    expect(page.scannedCount).toBe(3);
    expect(page.nextCursor).toBeUndefined();
  });

  it('lists every shop’s for a clerk, page by page with sealed cursors', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await shipments.listLate(
        { before: '2025-03-10' },
        { limit: 2, caller: 'clerk', ...(cursor ? { cursor } : {}) },
      );
      seen.push(
        ...page.items
          .filter((s) => shops.includes(s.shopId))
          .map((s) => `${s.shopId}/${s.shipmentId}`),
      );
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    expect(seen).toEqual([
      'late-x/L-1',
      'late-y/L-1',
      'late-x/L-3',
      'late-y/L-3',
      'late-x/L-2',
      'late-y/L-2',
    ]);
  });

  it('refuses a cursor issued to another caller or for another shop', async () => {
    const first = await shipments.listLate(
      { shopId: 'late-x', before: '2025-03-10' },
      { limit: 1, caller: 'k-x' },
    );
    const cursor = first.nextCursor!;
    await expect(
      shipments.listLate(
        { shopId: 'late-x', before: '2025-03-10' },
        { limit: 1, caller: 'k-y', cursor },
      ),
    ).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(
      shipments.listLate(
        { shopId: 'late-y', before: '2025-03-10' },
        { limit: 1, caller: 'k-x', cursor },
      ),
    ).rejects.toBeInstanceOf(InvalidCursorError);
    const next = await shipments.listLate(
      { shopId: 'late-x', before: '2025-03-10' },
      { limit: 1, caller: 'k-x', cursor },
    );
    expect(next.items.map((s) => s.shipmentId)).toEqual(['L-3']);
  });

  it('drops a shipment once its derived state leaves the watch (delivered on time)', async () => {
    const [s] = await shipments.getShipments('late-y', ['L-1']);
    await shipments.recordEvent(
      { ...s!, events: [event('d', 'delivered')], version: 2, watchDate: undefined },
      'd',
      1,
    );
    const page = await shipments.listLate(
      { shopId: 'late-y', before: '2025-03-10' },
      { limit: 10, caller: 'k-y' },
    );
    expect(page.items.map((x) => x.shipmentId)).toEqual(['L-3', 'L-2']);
  });
});
