/**
 * ShipmentRepository on DynamoDB. An order replace is one transaction (order, shipments,
 * deletes of the ones it dropped). A routine event on a shipment on its way (the domain's
 * `isRoutineEvent`: it changes nothing but the events) is one conditional UpdateItem that
 * appends it, with no read. Any other event is one conditional PutItem of the shipment item,
 * which carries its events, its event ids (a resent id fails the condition) and its place
 * in the late index, so the derived state never lags the events. The item it is computed
 * from is the one this instance last read or wrote (a bounded cache, ./shipment-cache.ts)
 * when it has one, else a consistent read: a stale one fails the condition, whose returned
 * item is decided on again.
 */
import {
  BatchGetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { ConflictError, NotFoundError } from '../errors';
import type { ReportEffect, ShipmentEvent } from '../../domain/shipment';
import type {
  AppendOutcome,
  LateShipmentFilter,
  OrderRecord,
  OrderReplace,
  EventDecision,
  Page,
  PageRequest,
  ShipmentRecord,
  ShipmentRepository,
} from '../repository';
import type { Item } from './codec';
import { localCursorSecret } from './claim-repository';
import { errorName, guarded, toStorageError } from './errors';
import { readItem } from './read';
import { ShipmentCache } from './shipment-cache';
import { guessFrom, reportUpdate, WATCH_KEYS } from './shipment-append';
import {
  EVENT_IDS,
  LATE_FROM,
  UPDATED_AT,
  lateIndexKeys,
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
/** Conditional writes an event gets before the caller hears of the conflict. */
const EVENT_ATTEMPTS = 8;

/** A failed event write: the item as stored (absent: no such shipment). */
interface Refused {
  current: ShipmentRecord | undefined;
}

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
  private readonly cache: ShipmentCache;

  constructor(options: {
    client: DynamoDBClient;
    tableName: string;
    cursorSecret?: string;
    /** Shipments remembered for the next event's write; default SHIPMENT_CACHE_SIZE, 0: none. */
    shipmentCacheSize?: number;
  }) {
    this.client = options.client;
    this.table = options.tableName;
    this.cursorSecret = options.cursorSecret ?? localCursorSecret(options.tableName);
    this.cache = new ShipmentCache(options.shipmentCacheSize);
  }

  private remember(record: ShipmentRecord): ShipmentRecord {
    this.cache.put(record);
    return record;
  }

  async getOrder(shopId: string, orderId: string): Promise<OrderRecord | undefined> {
    const item = await readItem(this.client, this.table, orderKey(shopId, orderId));
    return item === undefined ? undefined : itemToOrder(item);
  }

  async getShipment(shopId: string, shipmentId: string): Promise<ShipmentRecord | undefined> {
    const item = await readItem(this.client, this.table, shipmentKey(shopId, shipmentId));
    if (item === undefined) {
      this.cache.drop(shopId, shipmentId);
      return undefined;
    }
    return this.remember(itemToShipment(item));
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
          const record = this.remember(itemToShipment(item));
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
    for (const { record } of write.puts) this.remember(record);
    for (const { shipmentId } of write.removes) this.cache.drop(shopId, shipmentId);
  }

  /**
   * One conditional PutItem of `next` over `expected` and not holding `eventId`; refused,
   * the item as stored (from ReturnValuesOnConditionCheckFailure), also remembered.
   * Conditioned on the write time as well as the version when `expected` has one: a shipment
   * deleted and created again restarts at version 1, so a version alone could match an old
   * cached copy (items written before the attribute existed match on the version only).
   */
  private async putEvent(
    next: ShipmentRecord,
    eventId: string,
    expected: { version: number; updatedAt?: string },
  ): Promise<true | Refused> {
    const byTime = expected.updatedAt !== undefined;
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.table,
          Item: shipmentToItem(next),
          ConditionExpression:
            '#version = :version AND NOT contains(#ids, :eventId)' +
            (byTime ? ' AND (#at = :at OR attribute_not_exists(#at))' : ''),
          ExpressionAttributeNames: {
            '#version': 'version',
            '#ids': EVENT_IDS,
            ...(byTime ? { '#at': UPDATED_AT } : {}),
          },
          ExpressionAttributeValues: {
            ':version': { N: String(expected.version) },
            ':eventId': { S: eventId },
            ...(byTime ? { ':at': { S: expected.updatedAt ?? '' } } : {}),
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      this.remember(next);
      return true;
    } catch (error) {
      if (errorName(error) !== 'ConditionalCheckFailedException') throw toStorageError(error);
      const old = (error as { Item?: Item }).Item;
      if (old === undefined) {
        this.cache.drop(next.shopId, next.shipmentId);
        return { current: undefined };
      }
      return { current: this.remember(itemToShipment(old)) };
    }
  }

  async appendReport(
    shopId: string,
    shipmentId: string,
    event: ShipmentEvent,
    effect: ReportEffect,
    write: { updatedAt: string; maxEvents: number },
  ): Promise<AppendOutcome> {
    // Which way the unknowns fall (a report out of order, a late delivery) is guessed from the
    // copy this instance holds, if any; a wrong guess only fails the condition.
    const known = this.cache.get(shopId, shipmentId);
    const input = reportUpdate(event, effect, write, guessFrom(effect, known));
    try {
      const answer = await this.client.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: shipmentKey(shopId, shipmentId),
          ...input,
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { appended: true, record: this.remember(itemToShipment(answer.Attributes ?? {})) };
    } catch (error) {
      if (errorName(error) !== 'ConditionalCheckFailedException') throw toStorageError(error);
      const old = (error as { Item?: Item }).Item;
      if (old === undefined) {
        this.cache.drop(shopId, shipmentId);
        return { appended: false, current: undefined };
      }
      return { appended: false, current: this.remember(itemToShipment(old)) };
    }
  }

  async tidyWatch(record: ShipmentRecord): Promise<boolean> {
    const keys = lateIndexKeys(record);
    const names: Record<string, string> = {
      '#version': 'version',
      '#at': UPDATED_AT,
      '#lateFrom': LATE_FROM,
    };
    const values: Item = {
      ':version': { N: String(record.version) },
      ':at': { S: record.updatedAt },
    };
    const set: string[] = [];
    const remove: string[] = [];
    WATCH_KEYS.forEach((key, i) => {
      names[`#w${i}`] = key;
      const value = keys[key];
      if (value === undefined) {
        remove.push(`#w${i}`);
      } else {
        values[`:w${i}`] = value;
        set.push(`#w${i} = :w${i}`);
      }
    });
    if (record.lateFrom === undefined) {
      remove.push('#lateFrom');
    } else {
      values[':lateFrom'] = { S: record.lateFrom };
      set.push('#lateFrom = :lateFrom');
    }
    try {
      const answer = await this.client.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: shipmentKey(record.shopId, record.shipmentId),
          UpdateExpression:
            (set.length > 0 ? `SET ${set.join(', ')} ` : '') +
            (remove.length > 0 ? `REMOVE ${remove.join(', ')}` : ''),
          // Only the write it follows: a later one decided these itself.
          ConditionExpression: '#version = :version AND #at = :at',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      this.remember(itemToShipment(answer.Attributes ?? {}));
      return true;
    } catch (error) {
      if (errorName(error) === 'ConditionalCheckFailedException') return false;
      throw toStorageError(error);
    }
  }

  async applyEvent<T>(
    shopId: string,
    shipmentId: string,
    eventId: string,
    decide: (current: ShipmentRecord) => EventDecision<T>,
    options: { stored?: ShipmentRecord } = {},
  ): Promise<T> {
    const cached = options.stored ?? this.cache.get(shopId, shipmentId);
    // `stored`: read (or returned by a failed condition) during this call, not a cached guess.
    let current = cached ?? (await this.getShipment(shopId, shipmentId));
    let stored = cached === undefined || options.stored !== undefined;
    for (let attempt = 1; ; attempt++) {
      if (current === undefined) throw new NotFoundError('shipment', shipmentId);
      let decision: EventDecision<T>;
      try {
        decision = decide(current);
      } catch (error) {
        if (stored) throw error;
        // A refusal judged on a cached copy is judged again on the stored shipment.
        current = await this.getShipment(shopId, shipmentId);
        stored = true;
        continue;
      }
      if (decision.next === undefined) {
        if (stored) return decision.answer;
        // A resend seen in a cached copy: answered with the shipment as it is now.
        current = await this.getShipment(shopId, shipmentId);
        stored = true;
        continue;
      }
      const outcome = await this.putEvent(decision.next, eventId, current);
      if (outcome === true) return decision.answer;
      if (attempt >= EVENT_ATTEMPTS) {
        const at = outcome.current?.version ?? 0;
        throw new ConflictError(`shipment '${shipmentId}' is at version ${at}`, at);
      }
      current = outcome.current;
      stored = true;
      // Racing writers on one shipment: from the second lost race on, a random pause, so
      // one of them gets ahead instead of both colliding again.
      if (attempt >= 2) {
        await new Promise((done) => setTimeout(done, Math.random() * 4 * 2 ** attempt));
      }
    }
  }

  async recordEvent(
    next: ShipmentRecord,
    eventId: string,
    expectedVersion: number,
  ): Promise<'recorded' | 'duplicate'> {
    const outcome = await this.putEvent(next, eventId, { version: expectedVersion });
    if (outcome === true) return 'recorded';
    const { current } = outcome;
    if (current === undefined) throw new NotFoundError('shipment', next.shipmentId);
    if (current.events.some((e) => e.eventId === eventId)) return 'duplicate';
    throw new ConflictError(
      `shipment '${next.shipmentId}' is at version ${current.version}`,
      current.version,
    );
  }

  listLate(filter: LateShipmentFilter, page: PageRequest): Promise<Page<ShipmentRecord>> {
    return listLateShipments(this.client, this.table, this.cursorSecret, filter, page);
  }
}
