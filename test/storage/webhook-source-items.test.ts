/**
 * The event sources' own items at their largest, on DynamoDB Local (and YDB's Document API
 * in the storage-ydb project): a delivery mark of a shop id of 64 four-byte characters and
 * a 64-character shipment id (its sort key under the 1,024 bytes a sort key may hold), the
 * late pass's cursor, and the overdue-acknowledgement cursor of MAX_VIEW_SHARDS shards each
 * at a claim of the largest sort key. Each item far below DynamoDB's 400 KB.
 */
import { GetItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { MAX_VIEW_SHARDS } from '../../src/storage/dynamodb/keys';
import { markKey } from '../../src/storage/dynamodb/shipment-announcements';
import { AckOverdueScan } from '../../src/storage/dynamodb/ack-overdue';
import { tableContext } from '../../src/storage/dynamodb/table-context';
import { freshStorage } from './helpers';

const storage = await freshStorage();
const bytes = (item: Record<string, AttributeValue> | undefined) =>
  Buffer.byteLength(JSON.stringify(item ?? {}));
const get = async (key: Record<string, AttributeValue>) =>
  (await storage.client.send(new GetItemCommand({ TableName: storage.tableName, Key: key }))).Item;

describe('the event sources’ items at their largest', () => {
  it('a delivery mark, the late pass cursor and the overdue cursor stay small', async () => {
    const shopId = '😀'.repeat(32);
    const shipmentId = `S${'~'.repeat(63)}`;
    const mark = { shopId, shipmentId, at: '2025-06-16T09:00:00.000Z' };
    await storage.shipmentAnnouncements.markDelivery(mark);
    const key = markKey(shopId, shipmentId, storage.viewShards);
    expect(Buffer.byteLength(key.sk?.S ?? '')).toBeLessThan(1024);
    expect(await storage.shipmentAnnouncements.deliveryMarks(10)).toEqual([mark]);
    expect(bytes(await get(key))).toBeLessThan(2048);
    await storage.shipmentAnnouncements.clearDelivery(mark);
    expect(await storage.shipmentAnnouncements.deliveryMarks(10)).toEqual([]);

    const next = 'c'.repeat(4096);
    await storage.shipmentAnnouncements.saveLatePass(
      { day: '2025-06-16', next, done: false },
      mark.at,
    );
    expect(await storage.shipmentAnnouncements.latePass()).toEqual({
      day: '2025-06-16',
      next,
      done: false,
    });

    const ctx = tableContext({
      client: storage.client,
      tableName: storage.tableName,
      viewShards: MAX_VIEW_SHARDS,
    });
    const scan = new AckOverdueScan(ctx);
    const sort = `2025-06-16T10:00:00.000Z#2025-06-16T09:00:00.000Z#clm_${'f'.repeat(32)}`;
    const passed = Array.from({ length: MAX_VIEW_SHARDS }, (_, shard) => ({
      claimId: `clm_${shard}`,
      place: `${shard} ${sort}`,
    }));
    await scan.pass(passed, mark.at);
    const cursor = await get({ pk: { S: 'WEBHOOK#ACKOVERDUE' }, sk: { S: 'CURSOR' } });
    expect(Object.keys(cursor ?? {}).filter((k) => /^s\d+$/.test(k))).toHaveLength(MAX_VIEW_SHARDS);
    expect(bytes(cursor)).toBeLessThan(8 * 1024);
  });
});
