/**
 * The waybill entries of shipments stored before the order replace wrote them
 * (`SHOP#<shop>#WAYBILL#<waybill>`, ./order-groups.ts): without one, a carrier event finds
 * its shipment only by its order id. `npm run rebuild-aggregates` runs this once after the
 * upgrade; safe on a live table. Shipments are found by a Scan of their FACTS items (a page
 * at a time, as YDB answers); each entry is put in a transaction with a check that the
 * shipment's head still has the facts read, so a replace that moved the waybill meanwhile
 * wins: it deletes and puts the entries itself. Idempotent.
 */
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import type { ShipmentFacts } from '../../domain/shipment';
import type { Item } from './codec';
import { guarded } from './errors';
import { SHIPMENT_SK, shipmentHeadKey, waybillShipmentKey } from './keys';
import { readItem } from './read';
import { HEAD } from './shipment-head';
import { unpackDoc } from './shipment-items';
import type { TableContext } from './table-context';
import { transact } from './transact';

/** What a backfill did: shipments with a waybill seen, entries put, and raced (a replace won). */
export interface WaybillBackfillReport {
  shipments: number;
  written: number;
  raced: number;
}

/** The entry of the shipment whose FACTS item `facts` is: if it has a waybill and is current. */
async function entryOf(ctx: TableContext, shopId: string, facts: Item) {
  const doc = JSON.parse(await unpackDoc(facts)) as ShipmentFacts;
  if (doc.waybill === undefined) return undefined;
  const head = await readItem(ctx.client, ctx.table, shipmentHeadKey(shopId, doc.shipmentId));
  // No head (a dropped shipment's leftover), or facts of another version than the head's.
  if (head === undefined || head[HEAD.factsVersion]?.N !== facts.version?.N) return undefined;
  return { head, waybill: doc.waybill, shipmentId: doc.shipmentId };
}

/**
 * @example const report = await backfillWaybillEntries(ctx); // { shipments: 12, written: 12, raced: 0 }
 */
export async function backfillWaybillEntries(ctx: TableContext): Promise<WaybillBackfillReport> {
  const report: WaybillBackfillReport = { shipments: 0, written: 0, raced: 0 };
  let startKey: Item | undefined;
  do {
    const page = await guarded(
      ctx.client.send(
        new ScanCommand({
          TableName: ctx.table,
          FilterExpression: 'sk = :facts',
          ExpressionAttributeValues: { ':facts': { S: SHIPMENT_SK.facts } },
          ConsistentRead: true,
          Limit: 100,
          ExclusiveStartKey: startKey,
        }),
      ),
    );
    for (const facts of page.Items ?? []) {
      // A FACTS item names its shop in its partition key only.
      const encoded = /^SHOP#([^#]*)#SHIPMENT#/.exec(facts.pk?.S ?? '')?.[1];
      if (encoded === undefined) continue;
      const shopId = decodeURIComponent(encoded);
      const entry = await entryOf(ctx, shopId, facts);
      if (entry === undefined) continue;
      report.shipments++;
      const outcome = await transact(ctx.client, [
        {
          // The facts read are still the shipment's (a replace that changed them moved the entry).
          ConditionCheck: {
            TableName: ctx.table,
            Key: shipmentHeadKey(shopId, entry.shipmentId),
            ConditionExpression: '#fv = :fv',
            ExpressionAttributeNames: { '#fv': HEAD.factsVersion },
            ExpressionAttributeValues: { ':fv': { N: facts.version?.N ?? '0' } },
          },
        },
        {
          Put: {
            TableName: ctx.table,
            Item: {
              ...waybillShipmentKey(shopId, entry.waybill, entry.shipmentId),
              shipmentId: { S: entry.shipmentId },
              orderId: { S: entry.head[HEAD.orderId]?.S ?? '' },
            },
          },
        },
      ]);
      if (outcome.committed) report.written++;
      else report.raced++;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return report;
}
