/**
 * Issue 25's backfill (scripts/rebuild-aggregates.ts): orders stored before the subject index
 * existed are found by a Scan of their ORDER items (a page at a time) and handed to the
 * caller, which indexes each (src/services/personal-data.ts `onOrderChanged`). Claims need no
 * walk of their own: the rebuild reconciles every claim, and the consumer indexes it.
 */
import { ScanCommand, type ScanCommandInput } from '@aws-sdk/client-dynamodb';
import type { OrderRecord } from '../shipment-repository';
import type { Item } from './codec';
import { guarded } from './errors';
import { itemToOrder } from './order-items';
import type { TableContext } from './table-context';

/**
 * Calls `each` with every stored order (placeholders skipped); the number of orders.
 *
 * @example await everyOrder(ctx, (order) => personalData.onOrderChanged(order)) // 120
 */
export async function everyOrder(
  ctx: TableContext,
  each: (order: OrderRecord) => Promise<void>,
): Promise<number> {
  // Only ORDER items pass the filter; every page is read (a Scan's Limit counts before it).
  const input: ScanCommandInput = {
    TableName: ctx.table,
    FilterExpression: 'sk = :order',
    ExpressionAttributeValues: { ':order': { S: 'ORDER' } },
    ConsistentRead: true,
    Limit: 100,
  };
  let count = 0;
  for (let start: Item | undefined, first = true; first || start !== undefined; first = false) {
    const page = await guarded(
      ctx.client.send(new ScanCommand({ ...input, ExclusiveStartKey: start })),
    );
    const orders = (page.Items ?? []).map(itemToOrder).filter((o) => o !== undefined);
    for (const order of orders) await each(order);
    count += orders.length;
    start = page.LastEvaluatedKey;
  }
  return count;
}
