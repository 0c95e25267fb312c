/**
 * Reading a shipment: one strongly consistent Query of its partition, `sk BETWEEN 'EVENT#'
 * AND 'HEAD'` (its events, facts and head; its messages sort after), following
 * LastEvaluatedKey however large its history. A Query is not isolated from a transaction
 * committing meanwhile: a read that saw part of one (./shipment-items.ts `assemble` tells)
 * is read again.
 */
import type { TableContext } from './table-context';
import { StorageBusyError } from '../errors';
import { queryAll } from './read';
import { SHIPMENT_SK } from './keys';
import { assemble, type StoredShipment } from './shipment-items';

/** Reads of one shipment before a torn read is given up (as busy storage). */
const TORN_ATTEMPTS = 5;
/** Shipment partitions read at once (a listing's page, an order's shipments). */
export const READ_CONCURRENCY = 6;

/**
 * @example const stored = await readShipment(ctx, shipmentPartition('shop-a', 'S-1'));
 */
export async function readShipment(
  ctx: TableContext,
  partition: string,
): Promise<StoredShipment | undefined> {
  for (let attempt = 1; ; attempt++) {
    const items = await queryAll(ctx.client, {
      TableName: ctx.table,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
      ExpressionAttributeValues: {
        ':pk': { S: partition },
        ':first': { S: SHIPMENT_SK.eventPrefix },
        ':last': { S: SHIPMENT_SK.head },
      },
      ConsistentRead: true,
    });
    const found = await assemble(items);
    if (found !== 'torn') return found;
    if (attempt >= TORN_ATTEMPTS) throw new StorageBusyError('contention', 1);
    await new Promise((done) => setTimeout(done, 5 * attempt));
  }
}

/**
 * `work` over `inputs`, at most `limit` at a time; results in the inputs' order.
 * @example await mapLimit(ids, 6, (id) => read(id))
 */
export async function mapLimit<I, O>(
  inputs: readonly I[],
  limit: number,
  work: (input: I) => Promise<O>,
): Promise<O[]> {
  const results = new Array<O>(inputs.length);
  let next = 0;
  const lane = async () => {
    while (next < inputs.length) {
      const i = next++;
      results[i] = await work(inputs[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, lane));
  return results;
}
