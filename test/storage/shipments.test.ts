/**
 * Order replaces on DynamoDB Local: one transaction when they fit, else several with the
 * ORDER item last (the commit point) under the order's lock; the dropped shipments removed
 * with every item of theirs; nothing written when anything moved since it was read.
 */
import { GetItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { orderKey, shipmentMessageKey, shipmentPartition } from '../../src/storage/dynamodb/keys';
import { queryAll } from '../../src/storage/dynamodb/read';
import { ConflictError, type ShipmentRecord } from '../../src/storage/repository';
import { freshStorage, shipment } from './helpers';
import { createOrder, orderOf, shipmentInstance } from './shipment-helpers';

let tableName = '';
beforeAll(async () => {
  tableName = (await freshStorage()).tableName;
});

/** A shipment of 100 packages (the schema's most). */
const big = (shopId: string, orderId: string, id: string, over: Partial<ShipmentRecord> = {}) => {
  const s = shipment(shopId, orderId, id, over);
  const packages = Array.from({ length: 100 }, (_, i) => ({
    lengthCm: `${10 + i}.5`,
    widthCm: `${20 + (i % 7)}`,
    heightCm: `${30 + (i % 13)}.25`,
    weightKg: `${1 + (i % 17)}.125`,
  }));
  return { ...s, facts: { ...s.facts, packages } };
};

describe('an order replace', () => {
  it('writes the order and its shipments, and reads them back as written', async () => {
    const { repo, meter } = shipmentInstance(tableName);
    const s1 = shipment('shop-a', 'O-1', 'S-1');
    const s2 = shipment('shop-a', 'O-1', 'S-2');
    await createOrder(repo, [s1, s2]);
    // One transaction: two heads, two facts, the order.
    expect(meter.calls.filter((c) => c === 'TransactWriteItemsCommand')).toHaveLength(1);
    expect(await repo.getOrder('shop-a', 'O-1')).toEqual(orderOf('shop-a', 'O-1', ['S-1', 'S-2']));
    expect(await repo.getShipments('shop-a', ['S-2', 'S-1', 'S-9'])).toEqual([s2, s1]);
    // Another shop's ids are another shop's.
    expect(await repo.getShipment('shop-b', 'S-1')).toBeUndefined();
  });

  it('deletes a dropped shipment with its facts, events and customer messages', async () => {
    const { repo, client } = shipmentInstance(tableName);
    await createOrder(repo, [shipment('shop-a', 'O-2', 'S-21'), shipment('shop-a', 'O-2', 'S-22')]);
    await repo.applyEvent('shop-a', 'S-22', 'e1', (current) => ({
      answer: null,
      next: {
        ...current,
        events: [{ eventId: 'e1', status: 'in_transit', at: '2025-03-05T10:00:00+03:00' }],
        version: 2,
      },
    }));
    const message = { ...shipmentMessageKey('shop-a', 'S-22', 'late'), sentAt: { S: 'x' } };
    await client.send(new PutItemCommand({ TableName: tableName, Item: message }));
    await repo.replaceOrder({
      order: orderOf('shop-a', 'O-2', ['S-21'], 2),
      expectedOrderVersion: 1,
      puts: [],
      removes: [{ shipmentId: 'S-22', expectedVersion: 2 }],
    });
    expect(await repo.getShipment('shop-a', 'S-22')).toBeUndefined();
    expect((await repo.getOrder('shop-a', 'O-2'))?.shipmentIds).toEqual(['S-21']);
    const left = await queryAll(client, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: shipmentPartition('shop-a', 'S-22') } },
    });
    expect(left).toEqual([]);
  });

  it('writes nothing when anything moved since it was read', async () => {
    const { repo } = shipmentInstance(tableName);
    const s1 = shipment('shop-a', 'O-3', 'S-31');
    await createOrder(repo, [s1]);
    const stale = repo.replaceOrder({
      order: orderOf('shop-a', 'O-3', [], 2),
      expectedOrderVersion: 1,
      puts: [],
      removes: [{ shipmentId: 'S-31', expectedVersion: 7 }],
    });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    expect(await repo.getShipment('shop-a', 'S-31')).toEqual(s1);
    expect((await repo.getOrder('shop-a', 'O-3'))?.version).toBe(1);
    const again = repo.replaceOrder({
      order: orderOf('shop-a', 'O-3', ['S-31']),
      puts: [],
      removes: [],
    });
    await expect(again).rejects.toBeInstanceOf(ConflictError);
  });

  it('writes 40 shipments of 100 packages in transactions of at most 25 items, then drops 20', async () => {
    const { repo, meter } = shipmentInstance(tableName);
    const records = Array.from({ length: 40 }, (_, i) => big('shop-big', 'O-big', `S-${i}`));
    await createOrder(repo, records);
    expect(meter.largestTransaction).toBeLessThanOrEqual(25);
    expect(meter.calls.filter((c) => c === 'TransactWriteItemsCommand')).toHaveLength(4);
    const order = await repo.getOrder('shop-big', 'O-big');
    expect(order?.shipmentIds).toHaveLength(40);
    expect(await repo.getShipments('shop-big', order!.shipmentIds)).toEqual(records);
    // Drop the first 20, and change the facts of the next 10.
    const kept = records
      .slice(20)
      .map((r, i) =>
        i < 10 ? { ...r, facts: { ...r.facts, waybill: `WB-${i}` }, version: 2 } : r,
      );
    await repo.replaceOrder({
      order: orderOf(
        'shop-big',
        'O-big',
        kept.map((r) => r.shipmentId),
        2,
      ),
      expectedOrderVersion: 1,
      puts: kept.slice(0, 10).map((record) => ({ record, expectedVersion: 1 })),
      removes: records.slice(0, 20).map((r) => ({ shipmentId: r.shipmentId, expectedVersion: 1 })),
    });
    expect(meter.largestTransaction).toBeLessThanOrEqual(25);
    expect((await repo.getOrder('shop-big', 'O-big'))?.shipmentIds).toHaveLength(20);
    expect(
      await repo.getShipments(
        'shop-big',
        records.map((r) => r.shipmentId),
      ),
    ).toEqual(kept);
  });
});

describe('the order lock of a replace larger than one transaction', () => {
  const records = (orderId: string) =>
    Array.from({ length: 13 }, (_, i) => shipment('shop-l', orderId, `${orderId}-${i}`));

  it('makes another replace of the order wait, and lapses by itself', async () => {
    const { repo, client } = shipmentInstance(tableName);
    await createOrder(repo, records('OL-1'));
    // A replace holding the lock (as one that crashed midway would, until it lapses).
    const hold = (until: number) =>
      client.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: orderKey('shop-l', 'OL-1'),
          UpdateExpression: 'SET #lock = :t, lockUntil = :u',
          ExpressionAttributeNames: { '#lock': 'lock' },
          ExpressionAttributeValues: { ':t': { S: 'other' }, ':u': { N: String(until) } },
        }),
      );
    await hold(Date.now() + 60_000);
    const write = {
      order: orderOf('shop-l', 'OL-1', ['OL-1-0'], 2),
      expectedOrderVersion: 1,
      puts: [],
      removes: records('OL-1')
        .slice(1)
        .map((r) => ({ shipmentId: r.shipmentId, expectedVersion: 1 })),
    };
    await expect(repo.replaceOrder(write)).rejects.toBeInstanceOf(ConflictError);
    expect(await repo.getShipments('shop-l', ['OL-1-1'])).toHaveLength(1);
    await hold(Date.now() - 1);
    await repo.replaceOrder(write);
    expect((await repo.getOrder('shop-l', 'OL-1'))?.shipmentIds).toEqual(['OL-1-0']);
    const item = await client.send(
      new GetItemCommand({ TableName: tableName, Key: orderKey('shop-l', 'OL-1') }),
    );
    expect(item.Item?.lock).toBeUndefined();
  });

  it('lets go of a new order when a later transaction loses, leaving no order behind', async () => {
    const { repo } = shipmentInstance(tableName);
    const all = [...records('OL-2'), ...records('OL-2b').map((r) => ({ ...r, orderId: 'OL-2' }))];
    // One of them exists already (another order's): the replace fails past its first step.
    await createOrder(repo, [shipment('shop-l', 'OTHER', all[25]!.shipmentId)]);
    await expect(createOrder(repo, all)).rejects.toBeInstanceOf(ConflictError);
    expect(await repo.getOrder('shop-l', 'OL-2')).toBeUndefined();
    // What the first transaction wrote stays, whole, listed by no order yet: the retry (as
    // the service reads them) writes them on the versions it finds.
    const ids = all.map((r) => r.shipmentId);
    const found = new Map((await repo.getShipments('shop-l', ids)).map((r) => [r.shipmentId, r]));
    expect(found.size).toBe(13);
    const mine = all.filter((_, i) => i !== 25);
    await repo.replaceOrder({
      order: orderOf(
        'shop-l',
        'OL-2',
        mine.map((r) => r.shipmentId),
      ),
      puts: mine
        .filter((r) => found.get(r.shipmentId)?.orderId !== 'OL-2')
        .map((record) => ({ record })),
      removes: [],
    });
    const order = await repo.getOrder('shop-l', 'OL-2');
    expect(order?.shipmentIds).toHaveLength(25);
    expect(await repo.getShipments('shop-l', order!.shipmentIds)).toEqual(mine);
  });
});
