/**
 * The late listing: one Query on a late index (`promiseSk < :today`, oldest deadline first),
 * so it reads late shipments only; cursors sealed to the caller and the listing, as the
 * claim lists' are (../../lib/sealed.ts).
 */
import { QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { open, seal, type SealContext } from '../../lib/sealed';
import { InvalidCursorError } from '../errors';
import type { LateShipmentFilter, Page, PageRequest, ShipmentRecord } from '../repository';
import { INDEX_PARTITIONS, INDEXES } from '../table';
import type { Item } from './codec';
import { guarded } from './errors';
import { MAX_PAGE_SIZE } from './claim-list';
import { itemToShipment } from './shipment-items';

const PURPOSE = 'parcel-claims late shipments cursor v1';
const MAX_CURSOR_LENGTH = 2048;

interface LatePlan {
  index: 'shopLateShipments' | 'lateShipments';
  partition: string;
  names: string[];
}

function planOf(filter: LateShipmentFilter): LatePlan {
  if (filter.shopId === '') throw new RangeError('filter shopId must not be empty');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(filter.before)) throw new RangeError('before must be YYYY-MM-DD');
  const index = filter.shopId === undefined ? 'lateShipments' : 'shopLateShipments';
  const partition =
    filter.shopId === undefined
      ? INDEX_PARTITIONS.lateShipments()
      : INDEX_PARTITIONS.shopLateShipments({ shopId: filter.shopId });
  const { pk, sk } = INDEXES[index];
  return { index, partition, names: ['pk', 'sk', pk, sk] };
}

/** The listing a cursor belongs to: the caller and the shop (the date moves on; the range check keeps it). */
const contextOf = (secret: string, caller: string, filter: LateShipmentFilter): SealContext => ({
  secret,
  purpose: PURPOSE,
  boundTo: JSON.stringify([caller, filter.shopId ?? '*']),
});

async function startKeyOf(
  cursor: string,
  plan: LatePlan,
  filter: LateShipmentFilter,
  context: SealContext,
) {
  const invalid = (why: string) => new InvalidCursorError(`Invalid cursor: ${why}`);
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor))
    throw invalid('not a cursor');
  const text = await open(context, cursor);
  if (text === undefined) throw invalid('not issued to this caller for this listing, or altered');
  const values = JSON.parse(text) as unknown;
  const { pk, sk } = INDEXES[plan.index];
  if (
    !Array.isArray(values) ||
    values.length !== plan.names.length ||
    !values.every((v) => typeof v === 'string' && v !== '')
  ) {
    throw invalid('issued for another listing');
  }
  const key: Item = Object.fromEntries(
    plan.names.map((name, n) => [name, { S: String(values[n]) }]),
  );
  if (key[pk]?.S !== plan.partition || (key[sk]?.S ?? '') >= filter.before) {
    throw invalid('issued for another listing');
  }
  return key;
}

/**
 * @example
 * await listLateShipments(client, table, secret, { shopId: 'shop-a', before: '2025-03-20' }, { limit: 25, caller: 'k1' });
 */
export async function listLateShipments(
  client: DynamoDBClient,
  table: string,
  cursorSecret: string,
  filter: LateShipmentFilter,
  page: PageRequest,
): Promise<Page<ShipmentRecord> & { consumedCapacity?: number; scannedCount: number }> {
  if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_PAGE_SIZE) {
    throw new RangeError(`limit must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  const plan = planOf(filter);
  const context = contextOf(cursorSecret, page.caller, filter);
  const startKey =
    page.cursor === undefined ? undefined : await startKeyOf(page.cursor, plan, filter, context);
  const { pk, sk } = INDEXES[plan.index];
  const result = await guarded(
    client.send(
      new QueryCommand({
        TableName: table,
        IndexName: plan.index,
        KeyConditionExpression: '#pk = :pk AND #sk < :before',
        ExpressionAttributeNames: { '#pk': pk, '#sk': sk },
        ExpressionAttributeValues: {
          ':pk': { S: plan.partition },
          ':before': { S: filter.before },
        },
        ScanIndexForward: true,
        // One item beyond the page tells whether a next page exists.
        Limit: page.limit + 1,
        ExclusiveStartKey: startKey,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    ),
  );
  const found = result.Items ?? [];
  const items = found.slice(0, page.limit);
  const last = items[items.length - 1];
  const more = found.length > page.limit && last !== undefined;
  const cursor = more
    ? await seal(context, JSON.stringify(plan.names.map((name) => last[name]?.S ?? '')))
    : undefined;
  const capacity = result.ConsumedCapacity?.CapacityUnits;
  return {
    items: items.map(itemToShipment),
    ...(cursor === undefined ? {} : { nextCursor: cursor }),
    ...(capacity === undefined ? {} : { consumedCapacity: capacity }),
    scannedCount: result.ScannedCount ?? found.length,
  };
}
