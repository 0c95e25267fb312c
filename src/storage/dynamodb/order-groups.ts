/**
 * The shipment items of an order replace, grouped per shipment (a group is never split
 * between transactions, so each shipment is written whole): see ./order-replace.ts.
 */
import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { OrderReplace, ShipmentRecord } from '../shipment-repository';
import { shipmentHeadKey } from './keys';
import { HEAD, headItem, headUpdate, newBorn } from './shipment-head';
import { factsItem, factsUpdate } from './shipment-items';
import type { TableContext } from './table-context';

/** One shipment's items: removed (its head), new (head and facts), changed (the same). */
export interface Group {
  kind: 'remove' | 'new' | 'changed';
  items: TransactWriteItem[];
}

async function putGroup(
  ctx: TableContext,
  record: ShipmentRecord,
  expectedVersion: number | undefined,
): Promise<Group> {
  const TableName = ctx.table;
  if (expectedVersion === undefined) {
    // Events are the carrier's: a replace never writes any, so a new shipment has none.
    if (record.events.length > 0) throw new RangeError('a new shipment has no events yet');
    const born = newBorn();
    return {
      kind: 'new',
      items: [
        {
          Put: {
            TableName,
            Item: headItem(record, born, ctx.shards),
            ConditionExpression: 'attribute_not_exists(#pk)',
            ExpressionAttributeNames: { '#pk': 'pk' },
          },
        },
        { Put: { TableName, Item: await factsItem(record, born) } },
      ],
    };
  }
  const head = headUpdate(
    record,
    ctx.shards,
    { [HEAD.factsVersion]: { N: String(record.version) } },
    { [HEAD.orderId]: { S: record.orderId } },
    expectedVersion,
  );
  return {
    kind: 'changed',
    items: [
      { Update: { TableName, Key: shipmentHeadKey(record.shopId, record.shipmentId), ...head } },
      { Update: { TableName, ...(await factsUpdate(record)) } },
    ],
  };
}

/**
 * @example const groups = await orderGroups(ctx, write);
 */
export async function orderGroups(ctx: TableContext, write: OrderReplace): Promise<Group[]> {
  const { shopId, orderId } = write.order;
  const puts = await Promise.all(
    write.puts.map(({ record, expectedVersion }) => putGroup(ctx, record, expectedVersion)),
  );
  const removes = write.removes.map(({ shipmentId, expectedVersion }): Group => ({
    kind: 'remove',
    items: [
      {
        Delete: {
          TableName: ctx.table,
          Key: shipmentHeadKey(shopId, shipmentId),
          ConditionExpression: '#version = :v AND #order = :order',
          ExpressionAttributeNames: { '#version': HEAD.version, '#order': HEAD.orderId },
          ExpressionAttributeValues: {
            ':v': { N: String(expectedVersion) },
            ':order': { S: orderId },
          },
        },
      },
    ],
  }));
  return [...removes, ...puts];
}
