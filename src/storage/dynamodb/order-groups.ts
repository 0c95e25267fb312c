/**
 * The shipment items of an order replace, grouped per shipment (a group is never split
 * between transactions, so each shipment is written whole): see ./order-replace.ts.
 */
import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { OrderReplace, ShipmentRecord } from '../shipment-repository';
import { shipmentHeadKey, waybillShipmentKey } from './keys';
import { HEAD, headItem, headUpdate, newBorn } from './shipment-head';
import { factsItem, factsUpdate } from './shipment-items';
import type { TableContext } from './table-context';

/**
 * One shipment's items: removed (its head, its waybill entry), new (head, facts, waybill
 * entry), changed (head and facts, and its waybill entry moved when the waybill changed): at
 * most four.
 */
export interface Group {
  kind: 'remove' | 'new' | 'changed';
  items: TransactWriteItem[];
}

/**
 * The shipment's entry under its waybill moved from `before` to `after` (either absent): a
 * Delete and a Put, unconditional (the shipment's own head is what the transaction conditions).
 */
function waybillMoves(
  ctx: TableContext,
  record: Pick<ShipmentRecord, 'shopId' | 'shipmentId' | 'orderId'>,
  before: string | undefined,
  after: string | undefined,
): TransactWriteItem[] {
  if (before === after) return [];
  const { shopId, shipmentId } = record;
  const TableName = ctx.table;
  return [
    ...(before === undefined
      ? []
      : [{ Delete: { TableName, Key: waybillShipmentKey(shopId, before, shipmentId) } }]),
    ...(after === undefined
      ? []
      : [
          {
            Put: {
              TableName,
              Item: {
                ...waybillShipmentKey(shopId, after, shipmentId),
                shipmentId: { S: shipmentId },
                orderId: { S: record.orderId },
              },
            },
          },
        ]),
  ];
}

async function putGroup(
  ctx: TableContext,
  { record, expectedVersion, previousWaybill }: OrderReplace['puts'][number],
): Promise<Group> {
  const TableName = ctx.table;
  const waybill = record.facts.waybill;
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
        ...waybillMoves(ctx, record, undefined, waybill),
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
      ...waybillMoves(ctx, record, previousWaybill, waybill),
    ],
  };
}

/**
 * @example const groups = await orderGroups(ctx, write);
 */
export async function orderGroups(ctx: TableContext, write: OrderReplace): Promise<Group[]> {
  const { shopId, orderId } = write.order;
  const puts = await Promise.all(write.puts.map((put) => putGroup(ctx, put)));
  const removes = write.removes.map(({ shipmentId, expectedVersion, waybill }): Group => ({
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
      ...waybillMoves(ctx, { shopId, shipmentId, orderId }, waybill, undefined),
    ],
  }));
  return [...removes, ...puts];
}
