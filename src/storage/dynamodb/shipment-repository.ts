/**
 * ShipmentRepository on DynamoDB. An order replace is one transaction (order, shipments,
 * deletes of the ones it dropped); an event is one conditional PutItem of the shipment item,
 * which carries its events, its event ids (a resent id fails the condition) and its place
 * in the late index, so the derived state never lags the events.
 */
import {
  BatchGetItemCommand,
  PutItemCommand,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { ConflictError, NotFoundError } from '../errors';
import type {
  LateShipmentFilter,
  OrderRecord,
  OrderReplace,
  Page,
  PageRequest,
  ShipmentRecord,
  ShipmentRepository,
} from '../repository';
import type { Item } from './codec';
import { localCursorSecret } from './claim-repository';
import { errorName, guarded, toStorageError } from './errors';
import { readItem } from './read';
import {
  EVENT_IDS,
  itemToOrder,
  itemToShipment,
  orderKey,
  orderToItem,
  shipmentKey,
  shipmentToItem,
} from './shipment-items';
import { listLateShipments } from './shipment-list';
import { transact } from './transact';

/** Keys per BatchGetItem (DynamoDB's limit). */
const BATCH = 100;

/** A condition on the version read; absent: the item must not exist. */
function versionCondition(expected: number | undefined) {
  if (expected === undefined) return { ConditionExpression: 'attribute_not_exists(pk)' };
  return {
    ConditionExpression: '#version = :version',
    ExpressionAttributeNames: { '#version': 'version' },
    ExpressionAttributeValues: { ':version': { N: String(expected) } },
  };
}

/**
 * @example
 * const shipments = new DynamoShipmentRepository({ client, tableName: 'parcel-claims' });
 */
export class DynamoShipmentRepository implements ShipmentRepository {
  private readonly client: DynamoDBClient;
  private readonly table: string;
  private readonly cursorSecret: string;

  constructor(options: { client: DynamoDBClient; tableName: string; cursorSecret?: string }) {
    this.client = options.client;
    this.table = options.tableName;
    this.cursorSecret = options.cursorSecret ?? localCursorSecret(options.tableName);
  }

  async getOrder(shopId: string, orderId: string): Promise<OrderRecord | undefined> {
    const item = await readItem(this.client, this.table, orderKey(shopId, orderId));
    return item === undefined ? undefined : itemToOrder(item);
  }

  async getShipment(shopId: string, shipmentId: string): Promise<ShipmentRecord | undefined> {
    const item = await readItem(this.client, this.table, shipmentKey(shopId, shipmentId));
    return item === undefined ? undefined : itemToShipment(item);
  }

  async getShipments(shopId: string, shipmentIds: readonly string[]): Promise<ShipmentRecord[]> {
    const ids = [...new Set(shipmentIds)];
    const found = new Map<string, ShipmentRecord>();
    for (let from = 0; from < ids.length; from += BATCH) {
      let keys: Item[] = ids.slice(from, from + BATCH).map((id) => shipmentKey(shopId, id));
      for (let attempt = 0; keys.length > 0; attempt++) {
        const answer = await guarded(
          this.client.send(
            new BatchGetItemCommand({
              RequestItems: { [this.table]: { Keys: keys, ConsistentRead: true } },
            }),
          ),
        );
        for (const item of answer.Responses?.[this.table] ?? []) {
          const record = itemToShipment(item);
          found.set(record.shipmentId, record);
        }
        keys = answer.UnprocessedKeys?.[this.table]?.Keys ?? [];
        if (keys.length > 0) await new Promise((done) => setTimeout(done, 10 * 2 ** attempt));
      }
    }
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  async replaceOrder(write: OrderReplace): Promise<void> {
    const TableName = this.table;
    const { shopId } = write.order;
    const items: TransactWriteItem[] = [
      {
        Put: {
          TableName,
          Item: orderToItem(write.order),
          ...versionCondition(write.expectedOrderVersion),
        },
      },
      ...write.puts.map(({ record, expectedVersion }) => ({
        Put: { TableName, Item: shipmentToItem(record), ...versionCondition(expectedVersion) },
      })),
      ...write.removes.map(({ shipmentId, expectedVersion }) => ({
        Delete: {
          TableName,
          Key: shipmentKey(shopId, shipmentId),
          ...versionCondition(expectedVersion),
        },
      })),
    ];
    const outcome = await transact(this.client, items);
    if (!outcome.committed) {
      throw new ConflictError(`order '${write.order.orderId}' or one of its shipments changed`);
    }
  }

  async recordEvent(
    next: ShipmentRecord,
    eventId: string,
    expectedVersion: number,
  ): Promise<'recorded' | 'duplicate'> {
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.table,
          Item: shipmentToItem(next),
          ConditionExpression: '#version = :version AND NOT contains(#ids, :eventId)',
          ExpressionAttributeNames: { '#version': 'version', '#ids': EVENT_IDS },
          ExpressionAttributeValues: {
            ':version': { N: String(expectedVersion) },
            ':eventId': { S: eventId },
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return 'recorded';
    } catch (error) {
      if (errorName(error) !== 'ConditionalCheckFailedException') throw toStorageError(error);
      const old = (error as { Item?: Item }).Item;
      if (old === undefined) throw new NotFoundError('shipment', next.shipmentId);
      if (old[EVENT_IDS]?.SS?.includes(eventId)) return 'duplicate';
      const current = Number(old.version?.N ?? '0');
      throw new ConflictError(`shipment '${next.shipmentId}' is at version ${current}`, current);
    }
  }

  listLate(filter: LateShipmentFilter, page: PageRequest): Promise<Page<ShipmentRecord>> {
    return listLateShipments(this.client, this.table, this.cursorSecret, filter, page);
  }
}
