/**
 * The shop's open-shipment watch (gsi3 `SHOP#<s>#SHIPOPEN`, ./shipment-head.ts): the shipments
 * not in a final status that have a waybill, by shipment id, with what the heads say of them
 * (waybill, status, when a carrier event was last recorded). One Query of the index (KEYS_ONLY,
 * eventually consistent) and one BatchGetItem of the heads per page; a head that left the
 * watch meanwhile (the index lags its table) is not listed.
 */
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import type { OpenShipment, OpenShipmentPage } from '../shipment-repository';
import { INDEXES } from '../table';
import { stringOf, type Item } from './codec';
import { guarded } from './errors';
import { OPEN_SHIPMENT_VIEW, indexKeys, shipmentHeadKey } from './keys';
import { keyText, readItems } from './read';
import { HEAD } from './shipment-head';
import type { TableContext } from './table-context';

/** The most shipments a page holds (one BatchGetItem of heads). */
export const MAX_OPEN_PAGE = 100;

/**
 * A page of the shop's open shipments, after shipment id `after` (exclusive), in id order.
 * `last` is set when more may follow: the next page starts after it.
 *
 * @example const { items, last } = await listOpenShipments(ctx, 'shop-a', { limit: 50 });
 */
export async function listOpenShipments(
  ctx: TableContext,
  shopId: string,
  page: { limit: number; after?: string | undefined },
): Promise<OpenShipmentPage> {
  const index = INDEXES[OPEN_SHIPMENT_VIEW.index];
  const partition = OPEN_SHIPMENT_VIEW.shop(shopId);
  // An index's start key is the entry's index keys and its item's table keys, all derivable
  // from the shipment id: no opaque key to keep between runs.
  const startKey: Item | undefined =
    page.after === undefined
      ? undefined
      : {
          ...shipmentHeadKey(shopId, page.after),
          ...indexKeys(OPEN_SHIPMENT_VIEW.index, partition, OPEN_SHIPMENT_VIEW.sort(page.after)),
        };
  const answer = await guarded(
    ctx.client.send(
      new QueryCommand({
        TableName: ctx.table,
        IndexName: OPEN_SHIPMENT_VIEW.index,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': index.pk },
        ExpressionAttributeValues: { ':pk': { S: partition } },
        Limit: Math.min(Math.max(1, page.limit), MAX_OPEN_PAGE),
        ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
      }),
    ),
  );
  const keys = (answer.Items ?? []).map((entry) => ({ pk: entry.pk!, sk: entry.sk! }));
  const heads = await readItems(ctx.client, ctx.table, keys);
  const items = keys.flatMap((key) => openOf(heads.get(keyText(key))) ?? []);
  // The index's sort key is the shipment id (encoded): where the next page starts.
  const lastSort = answer.LastEvaluatedKey?.[index.sk]?.S;
  const lastId = lastSort === undefined ? undefined : decodeURIComponent(lastSort);
  return { items, ...(lastId === undefined ? {} : { last: lastId }) };
}

/** What the head says, if it is still in the watch. */
function openOf(head: Item | undefined): OpenShipment | undefined {
  const waybill = stringOf(head, HEAD.waybill);
  if (head === undefined || waybill === undefined) return undefined;
  const heardAt = stringOf(head, HEAD.heardAt);
  return {
    shopId: stringOf(head, 'shopId') ?? '',
    shipmentId: stringOf(head, 'shipmentId') ?? '',
    waybill,
    status: stringOf(head, HEAD.status) ?? '',
    ...(heardAt === undefined ? {} : { heardAt }),
  };
}
