/**
 * The shipment webhooks' bookkeeping on DynamoDB (../shipment-announcement-repository.ts):
 *   delivery mark   pk DELIVERED#<shard>        sk <shop>#<shipment>   shopId, shipmentId, at
 *   late pass       pk WEBHOOK#LATEPASS         sk CURSOR              day, next?, done
 * A mark is put before an event that may deliver the shipment is written and deleted once
 * `shipment.delivered` is announced (1 write unit each); the marks are sharded by shipment
 * (VIEW_SHARDS partitions, as the pending claim changes are), so no partition takes every
 * shop's writes. The late-pass cursor is written by the cron alone, one tick at a time.
 */
import {
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import type {
  DeliveryMark,
  LatePassCursor,
  ShipmentAnnouncementRepository,
} from '../shipment-announcement-repository';
import type { Item } from './codec';
import { errorName, guarded, toStorageError } from './errors';
import { part, shardOf } from './keys';
import { readItem } from './read';
import { allShards, tableContext, type DynamoTable, type TableContext } from './table-context';
import { eventGuardKey } from './webhook-keys';

const LATE_PASS_KEY: Item = { pk: { S: 'WEBHOOK#LATEPASS' }, sk: { S: 'CURSOR' } };
const markPartition = (shard: number) => `DELIVERED#${shard}`;

/**
 * A shipment's delivery mark.
 * @example markKey('s', 'S-1', 4).sk // { S: 's#S-1' }
 */
export const markKey = (shopId: string, shipmentId: string, shards: number): Item => {
  const sk = `${part(shopId)}#${part(shipmentId)}`;
  return { pk: { S: markPartition(shardOf(sk, shards)) }, sk: { S: sk } };
};

/** @example await new DynamoShipmentAnnouncementRepository(table).markDelivery(mark) */
export class DynamoShipmentAnnouncementRepository implements ShipmentAnnouncementRepository {
  private readonly ctx: TableContext;

  constructor(table: DynamoTable) {
    this.ctx = tableContext(table);
  }

  async markDelivery(mark: DeliveryMark): Promise<void> {
    const item: Item = {
      ...markKey(mark.shopId, mark.shipmentId, this.ctx.shards),
      entity: { S: 'DELIVERY_MARK' },
      shopId: { S: mark.shopId },
      shipmentId: { S: mark.shipmentId },
      at: { S: mark.at },
    };
    await guarded(
      this.ctx.client.send(new PutItemCommand({ TableName: this.ctx.table, Item: item })),
    );
  }

  async deliveryMarks(limit: number): Promise<DeliveryMark[]> {
    const found: DeliveryMark[] = [];
    for (const shard of allShards(this.ctx.shards)) {
      let start: Item | undefined;
      do {
        if (found.length >= limit) return found;
        const answer = await guarded(
          this.ctx.client.send(
            new QueryCommand({
              TableName: this.ctx.table,
              KeyConditionExpression: 'pk = :pk',
              ExpressionAttributeValues: { ':pk': { S: markPartition(shard) } },
              Limit: limit - found.length,
              ExclusiveStartKey: start,
              ConsistentRead: true,
            }),
          ),
        );
        for (const item of answer.Items ?? []) {
          const [shopId, shipmentId, at] = [item.shopId?.S, item.shipmentId?.S, item.at?.S];
          if (shopId && shipmentId && at) found.push({ shopId, shipmentId, at });
        }
        start = answer.LastEvaluatedKey;
      } while (start !== undefined);
    }
    return found;
  }

  async clearDelivery(mark: DeliveryMark): Promise<void> {
    try {
      await this.ctx.client.send(
        new DeleteItemCommand({
          TableName: this.ctx.table,
          Key: markKey(mark.shopId, mark.shipmentId, this.ctx.shards),
          // A mark put again since is another event's, still to be looked at.
          ConditionExpression: '#at = :at',
          ExpressionAttributeNames: { '#at': 'at' },
          ExpressionAttributeValues: { ':at': { S: mark.at } },
        }),
      );
    } catch (error) {
      if (errorName(error) !== 'ConditionalCheckFailedException') throw toStorageError(error);
    }
  }

  async announced(shopId: string, eventId: string): Promise<boolean> {
    // Eventually consistent is enough: a stale "no" only announces again, which is a no-op.
    const input = { TableName: this.ctx.table, Key: eventGuardKey(shopId, eventId) };
    return (await guarded(this.ctx.client.send(new GetItemCommand(input)))).Item !== undefined;
  }

  async latePass(): Promise<LatePassCursor | undefined> {
    const item = await readItem(this.ctx.client, this.ctx.table, LATE_PASS_KEY);
    const day = item?.day?.S;
    if (day === undefined) return undefined;
    const next = item?.next?.S;
    return { day, ...(next === undefined ? {} : { next }), done: item?.done?.BOOL === true };
  }

  async saveLatePass(cursor: LatePassCursor, at: string): Promise<void> {
    const item: Item = {
      ...LATE_PASS_KEY,
      entity: { S: 'LATEPASS' },
      day: { S: cursor.day },
      done: { BOOL: cursor.done },
      updatedAt: { S: at },
      ...(cursor.next === undefined ? {} : { next: { S: cursor.next } }),
    };
    await guarded(
      this.ctx.client.send(new PutItemCommand({ TableName: this.ctx.table, Item: item })),
    );
  }
}
