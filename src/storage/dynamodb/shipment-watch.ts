/**
 * The shop's open-shipment watch (gsi3 `SHOP#<s>#SHIPOPEN`, ./shipment-head.ts): the shipments
 * not in a final status that have a waybill, with what their heads say (status, when a carrier
 * event was last recorded) and their facts (the waybill). One Query of the index (KEYS_ONLY,
 * eventually consistent) and one BatchGetItem of heads and facts per page; a shipment that left
 * the watch meanwhile (the index lags its table) is not listed.
 */
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import type { ShipmentFacts } from '../../domain/shipment';
import type { OpenShipment, OpenShipmentPage } from '../shipment-repository';
import { INDEXES } from '../table';
import { stringOf, type Item } from './codec';
import { guarded } from './errors';
import { OPEN_SHIPMENT_VIEW, SHIPMENT_SK, indexKeys, shipmentHeadKey } from './keys';
import { keyText, readItems } from './read';
import { HEAD } from './shipment-head';
import { unpackDoc } from './shipment-items';
import type { TableContext } from './table-context';

/** The most shipments a page holds (one BatchGetItem of heads and facts: 100 keys). */
export const MAX_OPEN_PAGE = 50;

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
          ...indexKeys(OPEN_SHIPMENT_VIEW.index, partition, OPEN_SHIPMENT_VIEW.sort),
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
  const heads = (answer.Items ?? []).map((entry) => ({ pk: entry.pk!, sk: entry.sk! }));
  const factsKeys = heads.map((head) => ({ ...head, sk: { S: SHIPMENT_SK.facts } }));
  const found = await readItems(ctx.client, ctx.table, [...heads, ...factsKeys]);
  const items: OpenShipment[] = [];
  for (const [i, key] of heads.entries()) {
    const open = await openOf(found.get(keyText(key)), found.get(keyText(factsKeys[i]!)));
    if (open !== undefined) items.push(open);
  }
  // The table key of the last entry names the shipment the next page starts after.
  const lastPk = answer.LastEvaluatedKey?.pk?.S;
  const lastId =
    lastPk === undefined
      ? undefined
      : decodeURIComponent(lastPk.slice(lastPk.lastIndexOf('#') + 1));
  return { items, ...(lastId === undefined ? {} : { last: lastId }) };
}

/** What the head and facts say, if the shipment is still in the watch. */
async function openOf(
  head: Item | undefined,
  facts: Item | undefined,
): Promise<OpenShipment | undefined> {
  if (head?.[INDEXES[OPEN_SHIPMENT_VIEW.index].pk] === undefined || facts === undefined) {
    return undefined;
  }
  const { waybill } = JSON.parse(await unpackDoc(facts)) as ShipmentFacts;
  if (waybill === undefined) return undefined;
  const heardAt = stringOf(head, HEAD.heardAt);
  return {
    shopId: stringOf(head, 'shopId') ?? '',
    shipmentId: stringOf(head, 'shipmentId') ?? '',
    waybill,
    status: stringOf(head, HEAD.status) ?? '',
    ...(heardAt === undefined ? {} : { heardAt }),
  };
}
