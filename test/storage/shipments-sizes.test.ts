/**
 * Worst-case sizes at the schemas' maxima (src/schemas/shipment.schema.ts, claim.schema.ts):
 * every order and shipment item far below DynamoDB's 400 KB, the head below 1 KB, every
 * transaction at most 25 items; written and read back on DynamoDB Local.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RemeasuredEvent, ShipmentEvent } from '../../src/domain/shipment';
import type { Item } from '../../src/storage/dynamodb/codec';
import { orderItem } from '../../src/storage/dynamodb/order-items';
import { headItem, newBorn } from '../../src/storage/dynamodb/shipment-head';
import { eventItem, factsItem } from '../../src/storage/dynamodb/shipment-items';
import type { OrderRecord, ShipmentRecord } from '../../src/storage/repository';
import { freshStorage, shipment, TEST_VIEW_SHARDS } from './helpers';
import { createOrder, shipmentInstance } from './shipment-helpers';

let tableName = '';
beforeAll(async () => {
  tableName = (await freshStorage()).tableName;
});

/** DynamoDB's item size: attribute names and values in bytes (numbers counted as text: more). */
const sizeOf = (item: Item) =>
  Object.entries(item).reduce(
    (n, [name, v]) =>
      n + Buffer.byteLength(name) + Buffer.byteLength(v.S ?? v.N ?? '') + (v.B?.length ?? 0),
    0,
  );
const KB = 1024;

/** Digits no two alike (a scale's readings): what deflate cannot shrink much. */
let seed = 11;
const digits = (n: number) =>
  Array.from({ length: n }, () => String((seed = (seed * 48271) % 2147483647) % 10)).join('');
const measure = (whole: string) => `${whole}.${digits(6)}`;
const packages = () =>
  Array.from({ length: 100 }, () => ({
    lengthCm: measure(`9${digits(3)}`),
    widthCm: measure(`9${digits(3)}`),
    heightCm: measure(`9${digits(3)}`),
    weightKg: measure(`9${digits(4)}`),
  }));
const SHOP = 'ш'.repeat(64);
const longId = (i: number) => `${String(i).padStart(2, '0')}-${'x'.repeat(61)}`;

/** A shipment at the facts' maxima: 100 packages, 50 packaging items, every optional field. */
const widest = (id: string): ShipmentRecord => {
  const s = shipment(SHOP, 'O'.repeat(64), id);
  return {
    ...s,
    facts: {
      ...s.facts,
      carrier: 'cdek',
      // Each its own waybill of the longest, in another script: the longest waybill entry.
      waybill: `${id.slice(0, 2)}${'Щ'.repeat(62)}`,
      packages: packages(),
      packaging: Array.from({ length: 50 }, (_, i) => ({ item: `${i}`.padEnd(40, 'p') })),
      deliveryCost: { amount: '99999999999.99', currency: 'RUB' },
      insurance: {
        declaredValue: { amount: '99999999999.99', currency: 'RUB' },
        documentedValue: { amount: '99999999999.99', currency: 'RUB' },
      },
      calendar: 'RU',
    },
  };
};
const remeasured = (eventId: string): RemeasuredEvent => ({
  eventId,
  status: 'remeasured',
  at: '2025-03-05T10:00:00.000+03:00',
  packages: packages(),
  charged: { amount: '99999999999.99', currency: 'RUB' },
});

describe('the items at their maxima', () => {
  it('a head under 1 KB, facts and an event of 100 packages far below 400 KB', async () => {
    const record = { ...widest(longId(1)), lateViewDate: '2025-03-11' };
    const born = newBorn();
    // Shop ids are the operator's (slugs); ids of 64 letters of another script encode to 384.
    const ascii = { ...record, shopId: 's'.repeat(64) };
    const head = sizeOf(headItem(ascii, born, TEST_VIEW_SHARDS));
    const anyScript = sizeOf(headItem(record, born, TEST_VIEW_SHARDS));
    const facts = sizeOf(await factsItem(record, born));
    // An id of 128 characters that encodes to the longest: keyed by its hash.
    const event = await eventItem(SHOP, record.shipmentId, remeasured('я'.repeat(128)), 200, born);
    console.info('bytes at the maxima:', { head, anyScript, facts, event: sizeOf(event) });
    expect(head).toBeLessThan(KB);
    expect(anyScript).toBeLessThan(3 * KB);
    expect(facts).toBeLessThan(20 * KB);
    expect(sizeOf(event)).toBeLessThan(20 * KB);
    expect(event.sk!.S!.length).toBeLessThanOrEqual(1024);
  });

  it('an order of 40 shipments at their maxima, all with waybills, in transactions of at most 25 items', async () => {
    const { repo, meter } = shipmentInstance(tableName);
    const records = Array.from({ length: 40 }, (_, i) => widest(longId(i)));
    const order: OrderRecord = {
      shopId: SHOP,
      orderId: 'O'.repeat(64),
      placedAt: '2025-03-01T10:00:00.000+03:00',
      customer: {
        name: 'Щ'.repeat(200),
        email: `${'e'.repeat(242)}@example.com`,
        phone: '+7 (900) 000-00-00-00-00',
      },
      b2b: true,
      shipmentIds: records.map((r) => r.shipmentId),
      version: 1,
      updatedAt: '2025-03-01T10:00:00.000Z',
    };
    expect(sizeOf(orderItem(order))).toBeLessThan(8 * KB);
    await repo.replaceOrder({ order, puts: records.map((record) => ({ record })), removes: [] });
    expect(meter.largestTransaction).toBeLessThanOrEqual(25);
    // 40 × (head, facts, waybill entry) = 120 items, 24 a transaction (one place is the order's).
    expect(meter.calls.filter((c) => c === 'TransactWriteItemsCommand')).toHaveLength(5);
    expect(await repo.shipmentsByWaybill(SHOP, records[7]!.facts.waybill!)).toEqual([
      records[7]!.shipmentId,
    ]);
    expect(await repo.getOrder(SHOP, order.orderId)).toEqual(order);
    expect(await repo.getShipments(SHOP, order.shipmentIds)).toEqual(records);
    // The worst case: every shipment replaced by another 40, each with its waybill: 40
    // removals (head, waybill entry), 40 new (head, facts, waybill entry), the order.
    const next = Array.from({ length: 40 }, (_, i) => widest(longId(40 + i)));
    meter.largestTransaction = 0;
    meter.calls.length = 0;
    await repo.replaceOrder({
      order: { ...order, shipmentIds: next.map((r) => r.shipmentId), version: 2 },
      expectedOrderVersion: 1,
      puts: next.map((record) => ({ record })),
      removes: records.map((r) => ({
        shipmentId: r.shipmentId,
        expectedVersion: 1,
        waybill: r.facts.waybill!,
      })),
    });
    expect(meter.largestTransaction).toBeLessThanOrEqual(25);
    // 200 items, 24 a transaction.
    expect(meter.calls.filter((c) => c === 'TransactWriteItemsCommand')).toHaveLength(9);
    expect(await repo.shipmentsByWaybill(SHOP, records[7]!.facts.waybill!)).toEqual([]);
    expect(await repo.shipmentsByWaybill(SHOP, next[7]!.facts.waybill!)).toEqual([
      next[7]!.shipmentId,
    ]);
    expect(
      await repo.getShipments(SHOP, [...order.shipmentIds, ...next.map((r) => r.shipmentId)]),
    ).toEqual(next);
  }, 60_000);

  it('an event id of 128 characters of any script lands once', async () => {
    const { repo } = shipmentInstance(tableName);
    await createOrder(repo, [shipment('shop-s', 'O-s', 'S-id')]);
    const id = '事'.repeat(128);
    const append = (current: ShipmentRecord) => {
      const e: ShipmentEvent = { eventId: id, status: 'in_transit', at: '2025-03-05T10:00:00Z' };
      if (current.events.some((x) => x.eventId === id)) return { answer: 'duplicate' };
      return {
        answer: 'recorded',
        next: { ...current, events: [...current.events, e], version: current.version + 1 },
      };
    };
    expect(await repo.applyEvent('shop-s', 'S-id', id, append)).toBe('recorded');
    expect(await repo.applyEvent('shop-s', 'S-id', id, append)).toBe('duplicate');
    expect((await repo.getShipment('shop-s', 'S-id'))?.events.map((e) => e.eventId)).toEqual([id]);
  });
});
