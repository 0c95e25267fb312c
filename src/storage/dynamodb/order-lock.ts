/**
 * The ORDER item's part in an order replace (see ./order-replace.ts): written directly when
 * the replace is one transaction; else locked by the first transaction, checked by the
 * middle ones, written (and so unlocked) by the last, released if the replace fails midway.
 */
import {
  DeleteItemCommand,
  UpdateItemCommand,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import type { OrderReplace } from '../shipment-repository';
import type { Item } from './codec';
import { orderKey } from './keys';
import { ORDER, orderItem, placeholderItem } from './order-items';
import type { TableContext } from './table-context';

/** A replace's hold on its order: a token, and when it lapses (epoch ms). */
export interface Lock {
  token: string;
  until: number;
}

interface Condition {
  ConditionExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Item;
}

/** The order as read (or absent, or an abandoned placeholder), and no live lock on it. */
function free(expected: number | undefined, now: number): Condition {
  const values: Item = { ':v': { N: String(expected ?? 0) }, ':now': { N: String(now) } };
  if (expected === undefined) {
    return {
      ConditionExpression: 'attribute_not_exists(#pk) OR (#version = :v AND #until < :now)',
      ExpressionAttributeNames: {
        '#pk': 'pk',
        '#version': ORDER.version,
        '#until': ORDER.lockUntil,
      },
      ExpressionAttributeValues: values,
    };
  }
  return {
    ConditionExpression: '#version = :v AND (attribute_not_exists(#lock) OR #until < :now)',
    ExpressionAttributeNames: {
      '#version': ORDER.version,
      '#lock': ORDER.lock,
      '#until': ORDER.lockUntil,
    },
    ExpressionAttributeValues: values,
  };
}

const held = (lock: Lock): Condition => ({
  ConditionExpression: '#lock = :token',
  ExpressionAttributeNames: { '#lock': ORDER.lock },
  ExpressionAttributeValues: { ':token': { S: lock.token } },
});

/**
 * The ORDER item of each kind of transaction of a replace.
 * @example const { direct } = orderSteps(ctx, write, Date.now(), lock);
 */
export function orderSteps(ctx: TableContext, write: OrderReplace, now: number, lock: Lock) {
  const TableName = ctx.table;
  const Key = orderKey(write.order.shopId, write.order.orderId);
  const expected = write.expectedOrderVersion;
  const direct: TransactWriteItem = {
    Put: { TableName, Item: orderItem(write.order), ...free(expected, now) },
  };
  const condition = free(expected, now);
  const take: TransactWriteItem =
    expected === undefined
      ? { Put: { TableName, Item: placeholderItem(write.order, lock), ...condition } }
      : {
          Update: {
            TableName,
            Key,
            UpdateExpression: 'SET #lock = :token, #until = :until',
            ConditionExpression: condition.ConditionExpression,
            ExpressionAttributeNames: condition.ExpressionAttributeNames,
            ExpressionAttributeValues: {
              ...condition.ExpressionAttributeValues,
              ':token': { S: lock.token },
              ':until': { N: String(lock.until) },
            },
          },
        };
  const check: TransactWriteItem = { ConditionCheck: { TableName, Key, ...held(lock) } };
  const commit: TransactWriteItem = {
    Put: { TableName, Item: orderItem(write.order), ...held(lock) },
  };
  return { direct, take, check, commit };
}

/**
 * Lets go of the order after a replace failed midway: the lock cleared, a new order's
 * placeholder deleted. Only if still held by this replace.
 * @example await releaseLock(ctx, write, lock);
 */
export async function releaseLock(
  ctx: TableContext,
  write: OrderReplace,
  lock: Lock,
): Promise<void> {
  const Key = orderKey(write.order.shopId, write.order.orderId);
  const condition = held(lock);
  if (write.expectedOrderVersion === undefined) {
    await ctx.client.send(
      new DeleteItemCommand({
        TableName: ctx.table,
        Key,
        ...condition,
        ConditionExpression: '#lock = :token AND #version = :zero',
        ExpressionAttributeNames: {
          ...condition.ExpressionAttributeNames,
          '#version': ORDER.version,
        },
        ExpressionAttributeValues: { ...condition.ExpressionAttributeValues, ':zero': { N: '0' } },
      }),
    );
    return;
  }
  await ctx.client.send(
    new UpdateItemCommand({
      TableName: ctx.table,
      Key,
      UpdateExpression: 'REMOVE #lock, #until',
      ...condition,
      ExpressionAttributeNames: {
        ...condition.ExpressionAttributeNames,
        '#until': ORDER.lockUntil,
      },
    }),
  );
}
