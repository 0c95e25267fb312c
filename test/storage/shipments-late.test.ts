/**
 * The late listing on DynamoDB Local: from the late views (a shop's partition, or every
 * clerk shard merged), oldest deadline first, page by page with sealed cursors; and, as
 * issue 18 asks, 1,000 late shipments of 13 KB each listed completely, as a shop and as a
 * clerk.
 */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../src/storage/dynamodb/codec';
import { LATE_VIEW } from '../../src/storage/dynamodb/keys';
import { headItem, newBorn } from '../../src/storage/dynamodb/shipment-head';
import { eventItem, factsItem } from '../../src/storage/dynamodb/shipment-items';
import {
  InvalidCursorError,
  type LateShipmentFilter,
  type ShipmentRecord,
} from '../../src/storage/repository';
import { freshStorage, shipment, TEST_VIEW_SHARDS } from './helpers';
import { putAll, shipmentInstance } from './shipment-helpers';

let tableName = '';
beforeAll(async () => {
  tableName = (await freshStorage()).tableName;
});

const TODAY = '2025-06-20';
const day = (n: number) =>
  new Date(Date.UTC(2025, 3, 1) + n * 86_400_000).toISOString().slice(0, 10);

/** A shipment's items as the storage writes them, its facts stored as plain JSON, at full size. */
async function itemsOf(record: ShipmentRecord): Promise<Item[]> {
  const born = newBorn();
  const { docZ: _packed, ...facts } = await factsItem(record, born);
  const events = record.events.map((e, i) =>
    eventItem(record.shopId, record.shipmentId, e, i + 1, born),
  );
  return [
    headItem(record, born, TEST_VIEW_SHARDS),
    { ...facts, doc: { S: JSON.stringify(record.facts) } },
    ...(await Promise.all(events)),
  ];
}

/** The bytes of an item as DynamoDB counts them (names and values; numbers as text, near enough). */
const sizeOf = (item: Item) =>
  Object.entries(item).reduce(
    (n, [name, v]) => n + name.length + Buffer.byteLength(v.S ?? v.N ?? '') + (v.B?.length ?? 0),
    0,
  );

/** Every page of a listing, as `caller`. */
async function listAll(filter: LateShipmentFilter, caller: string, limit = 100) {
  const { repo } = shipmentInstance(tableName);
  const seen: ShipmentRecord[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await repo.listLate(filter, { limit, caller, ...(cursor ? { cursor } : {}) });
    seen.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor !== undefined);
  return { seen, pages };
}

const sortOf = (r: ShipmentRecord) => LATE_VIEW.sort(r.lateViewDate!, r.shopId, r.shipmentId);

describe('the late listing', () => {
  const small = (shopId: string, id: string, lateViewDate: string | undefined) =>
    shipment(
      shopId,
      'OL',
      id,
      lateViewDate === undefined ? { lateViewDate: undefined } : { lateViewDate },
    );
  beforeAll(async () => {
    const { client } = shipmentInstance(tableName);
    const records = ['small-x', 'small-y'].flatMap((shop) => [
      small(shop, 'L-1', '2025-03-03'),
      small(shop, 'L-2', '2025-03-05'),
      small(shop, 'L-3', '2025-03-04'),
      small(shop, 'F-1', '2025-03-10'), // due today: not late yet
      small(shop, 'D-1', undefined), // not watched
    ]);
    await putAll(client, tableName, (await Promise.all(records.map(itemsOf))).flat());
  });
  const before = '2025-03-10';

  it('lists a shop’s shipments past their deadline, oldest first', async () => {
    const { seen } = await listAll({ shopId: 'small-x', before }, 'k-x', 2);
    expect(seen.map((s) => s.shipmentId)).toEqual(['L-1', 'L-3', 'L-2']);
  });

  it('refuses a cursor issued to another caller or for another shop', async () => {
    const { repo } = shipmentInstance(tableName);
    const first = await repo.listLate({ shopId: 'small-x', before }, { limit: 1, caller: 'k-x' });
    const cursor = first.nextCursor!;
    const next = (filter: LateShipmentFilter, caller: string) =>
      repo.listLate(filter, { limit: 1, caller, cursor });
    await expect(next({ shopId: 'small-x', before }, 'k-y')).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
    await expect(next({ shopId: 'small-y', before }, 'k-x')).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
    await expect(next({ before }, 'k-x')).rejects.toBeInstanceOf(InvalidCursorError);
    expect(
      (await next({ shopId: 'small-x', before }, 'k-x')).items.map((s) => s.shipmentId),
    ).toEqual(['L-3']);
  });

  it('leaves out an entry its shipment has moved from', async () => {
    const { client } = shipmentInstance(tableName);
    // The head says 2025-03-08, its index keys still 2025-03-01 (a stale index entry).
    const moved = small('small-x', 'M-1', '2025-03-08');
    const [head] = await itemsOf(moved);
    const stale = headItem(
      { ...moved, lateViewDate: '2025-03-01' },
      head!.born!.S!,
      TEST_VIEW_SHARDS,
    );
    await client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: { ...stale, watchDate: { S: '2025-03-08' } },
      }),
    );
    await putAll(client, tableName, (await itemsOf(moved)).slice(1));
    const { seen } = await listAll({ shopId: 'small-x', before }, 'k-x');
    expect(seen.map((s) => s.shipmentId)).toEqual(['L-1', 'L-3', 'L-2']);
  });
});

describe('1,000 late shipments of 13 KB each', () => {
  /** 100 packages and 50 packaging items of the longest, and a re-measurement: 13 KB. */
  const facts = (r: ShipmentRecord): ShipmentRecord['facts'] => ({
    ...r.facts,
    packages: Array.from({ length: 100 }, (_, p) => ({
      lengthCm: `9999.${String(p).padStart(6, '0')}`,
      widthCm: '9999.999999',
      heightCm: '9999.999999',
      weightKg: '99999.999999',
    })),
    packaging: Array.from({ length: 50 }, (_, p) => ({
      item: `crate-${String(p).padEnd(34, 'x')}`,
    })),
  });
  const shops = ['big-a', 'big-b', 'big-c'];
  const all: ShipmentRecord[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 1_100; i++) {
      const r = shipment(shops[i % 3]!, `O-${i >> 5}`, `S-${i}`);
      // The last 100: due today or later, not late.
      const lateViewDate = i < 1_000 ? day(i % 70) : TODAY;
      const measured = facts(r).packages.slice(0, 10);
      const events: ShipmentRecord['events'] = [
        {
          eventId: `m-${i}`,
          status: 'remeasured',
          at: '2025-03-05T10:00:00+03:00',
          packages: measured,
          charged: { amount: '900.00', currency: 'RUB' },
        },
      ];
      all.push({ ...r, facts: facts(r), events, version: 2, lateViewDate });
    }
    const { client } = shipmentInstance(tableName);
    const shipments = await Promise.all(all.map(itemsOf));
    const sizes = shipments.map((items) => items.reduce((n, item) => n + sizeOf(item), 0));
    expect(Math.min(...sizes)).toBeGreaterThan(13_000);
    await putAll(client, tableName, shipments.flat());
  }, 120_000);
  const late = () => all.filter((r) => r.lateViewDate! < TODAY && shops.includes(r.shopId));
  const expected = (records: ShipmentRecord[]) => records.map(sortOf).sort();

  it('lists each shop’s completely, page by page, in deadline order', async () => {
    for (const shopId of shops) {
      const { seen, pages } = await listAll({ shopId, before: TODAY }, `k-${shopId}`);
      expect(seen.map(sortOf)).toEqual(expected(late().filter((r) => r.shopId === shopId)));
      expect(pages).toBeGreaterThanOrEqual(4);
    }
  }, 60_000);

  it('lists every shop’s for a clerk completely, and one shop’s with shopId', async () => {
    const { seen } = await listAll({ before: TODAY }, 'clerk');
    const mine = seen.filter((r) => shops.includes(r.shopId));
    expect(mine.map(sortOf)).toEqual(expected(late()));
    expect(mine).toHaveLength(1_000);
    const one = await listAll({ shopId: 'big-b', before: TODAY }, 'clerk');
    expect(one.seen.map(sortOf)).toEqual(expected(late().filter((r) => r.shopId === 'big-b')));
  }, 60_000);
});
