/**
 * The open-shipment watch on DynamoDB Local (gsi3 `SHOP#<s>#SHIPOPEN`): a shipment enters it
 * when it has a waybill, leaves it on a final status (delivered, not delivered, cancelled) or
 * when its waybill is taken away; `heardAt` follows carrier events only; a page resumes after
 * the last shipment it gave.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { recordEvent, type ShipmentEvent } from '../../src/domain/shipment';
import type { EventDecision, ShipmentRecord } from '../../src/storage/repository';
import { freshStorage, shipment } from './helpers';
import { createOrder, orderOf, shipmentInstance } from './shipment-helpers';

let tableName = '';
beforeAll(async () => {
  tableName = (await freshStorage()).tableName;
});

const withWaybill = (shopId: string, shipmentId: string, waybill?: string) => {
  const base = shipment(shopId, `O-${shipmentId}`, shipmentId);
  return waybill === undefined ? base : { ...base, facts: { ...base.facts, waybill } };
};

const event = (eventId: string, over: Partial<ShipmentEvent> = {}): ShipmentEvent =>
  ({ eventId, status: 'in_transit', at: '2025-03-03T10:00:00+03:00', ...over }) as ShipmentEvent;

/** Appends `e`, written at `now`. */
const append =
  (e: ShipmentEvent, now: string) =>
  (current: ShipmentRecord): EventDecision<null> => {
    const recorded = recordEvent(current.events, e);
    if (recorded.duplicate) return { answer: null };
    return {
      answer: null,
      next: { ...current, events: recorded.events, version: current.version + 1, updatedAt: now },
    };
  };

/** The watch's ids; the index is eventually consistent, DynamoDB Local's at once. */
const openIds = async (repo: ReturnType<typeof shipmentInstance>['repo'], shopId: string) =>
  (await repo.listOpen(shopId, { limit: 50 })).items.map((s) => s.shipmentId).sort();

describe('the open-shipment watch', () => {
  it('holds open shipments with a waybill, and lets go of each on a final status', async () => {
    const { repo } = shipmentInstance(tableName);
    const shop = 'shop-watch';
    await createOrder(repo, [
      withWaybill(shop, 'S-none'),
      withWaybill(shop, 'S-del', '100'),
      withWaybill(shop, 'S-ref', '101'),
      withWaybill(shop, 'S-can', '102'),
      withWaybill(shop, 'S-open', '103'),
    ]);
    expect(await openIds(repo, shop)).toEqual(['S-can', 'S-del', 'S-open', 'S-ref']);
    const now = '2025-03-05T08:00:00.000Z';
    await repo.applyEvent(shop, 'S-del', 'd', append(event('d', { status: 'delivered' }), now));
    await repo.applyEvent(shop, 'S-ref', 'r', append(event('r', { status: 'not_delivered' }), now));
    await repo.applyEvent(shop, 'S-can', 'c', append(event('c', { status: 'cancelled' }), now));
    await repo.applyEvent(shop, 'S-open', 'a', append(event('a'), now));
    expect(await repo.listOpen(shop, { limit: 50 })).toEqual({
      items: [{ shopId: shop, shipmentId: 'S-open', waybill: '103', status: 'in_transit' }],
    });
  });

  it('takes a shipment in when an order replace gives it a waybill, out when it takes it away', async () => {
    const { repo } = shipmentInstance(tableName);
    const shop = 'shop-replace';
    await createOrder(repo, [withWaybill(shop, 'S-1')]);
    expect(await openIds(repo, shop)).toEqual([]);
    const given = { ...withWaybill(shop, 'S-1', 'WB-1'), version: 2 };
    await repo.replaceOrder({
      order: orderOf(shop, 'O-S-1', ['S-1'], 2),
      expectedOrderVersion: 1,
      puts: [{ record: given, expectedVersion: 1 }],
      removes: [],
    });
    expect((await repo.listOpen(shop, { limit: 10 })).items).toEqual([
      { shopId: shop, shipmentId: 'S-1', waybill: 'WB-1', status: 'created' },
    ]);
    await repo.replaceOrder({
      order: orderOf(shop, 'O-S-1', ['S-1'], 3),
      expectedOrderVersion: 2,
      puts: [{ record: { ...withWaybill(shop, 'S-1'), version: 3 }, expectedVersion: 2 }],
      removes: [],
    });
    expect(await openIds(repo, shop)).toEqual([]);
  });

  it('records heardAt for a carrier event, not for one the shop sent', async () => {
    const { repo } = shipmentInstance(tableName);
    const shop = 'shop-heard';
    await createOrder(repo, [withWaybill(shop, 'S-1', 'WB-1')]);
    await repo.applyEvent(shop, 'S-1', 'a', append(event('a'), '2025-03-05T08:00:00.000Z'));
    expect((await repo.listOpen(shop, { limit: 10 })).items[0]?.heardAt).toBeUndefined();
    const hook = event('h', { source: 'cdek_hook', at: '2025-03-05T10:00:00+07:00' });
    await repo.applyEvent(shop, 'S-1', 'h', append(hook, '2025-03-05T09:00:00.000Z'));
    const api = event('b', { at: '2025-03-05T11:00:00+03:00' });
    await repo.applyEvent(shop, 'S-1', 'b', append(api, '2025-03-05T10:00:00.000Z'));
    expect((await repo.listOpen(shop, { limit: 10 })).items[0]?.heardAt).toBe(
      '2025-03-05T09:00:00.000Z',
    );
  });

  it('pages after the last shipment given, following the index to its end', async () => {
    const { repo } = shipmentInstance(tableName);
    const shop = 'shop-pages';
    const ids = Array.from({ length: 7 }, (_, i) => `S-${i}`);
    await createOrder(
      repo,
      ids.map((id) => withWaybill(shop, id, `W${id}`)),
    );
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page++) {
      const answer = await repo.listOpen(shop, { limit: 3, ...(after ? { after } : {}) });
      seen.push(...answer.items.map((s) => s.shipmentId));
      after = answer.last;
      if (after === undefined) break;
    }
    expect(seen.sort()).toEqual(ids);
  });

  it('keeps shops apart', async () => {
    const { repo } = shipmentInstance(tableName);
    await createOrder(repo, [withWaybill('shop-x', 'S-1', 'WB')]);
    await createOrder(repo, [withWaybill('shop-x~test', 'S-2', 'WB')]);
    expect(await openIds(repo, 'shop-x')).toEqual(['S-1']);
    expect(await openIds(repo, 'shop-x~test')).toEqual(['S-2']);
  });
});
