/**
 * The late listing among many open shipments: 10,000 of one shop, 100 past their deadline.
 * What one listing reads: the late view's entries (index Queries) and the shipments behind
 * them (one Query of each partition).
 */
import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Item } from '../../src/storage/dynamodb/codec';
import { DynamoShipmentRepository } from '../../src/storage/dynamodb';
import { headItem, newBorn } from '../../src/storage/dynamodb/shipment-head';
import { factsItem } from '../../src/storage/dynamodb/shipment-items';
import type { ShipmentRecord } from '../../src/storage/repository';
import { fmt, timed } from './measure';

const OPEN = 10_000;
const LATE = 100;

async function batchWrite(client: DynamoDBClient, table: string, items: Item[]) {
  for (let from = 0; from < items.length; from += 25) {
    let requests = items.slice(from, from + 25).map((Item) => ({ PutRequest: { Item } }));
    while (requests.length > 0) {
      const answer = await client.send(
        new BatchWriteItemCommand({ RequestItems: { [table]: requests } }),
      );
      requests = (answer.UnprocessedItems?.[table] ?? []).flatMap((r) =>
        r.PutRequest?.Item ? [{ PutRequest: { Item: r.PutRequest.Item } }] : [],
      );
    }
  }
}

/** Counts the Queries `client` sends: on an index (entries read) and on the table (shipments). */
function countQueries(client: DynamoDBClient) {
  const counts = { indexQueries: 0, entries: 0, shipmentQueries: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName === 'QueryCommand') {
        const input = args.input as { IndexName?: string };
        const output = result.output as { Count?: number };
        if (input.IndexName === undefined) counts.shipmentQueries++;
        else {
          counts.indexQueries++;
          counts.entries += output.Count ?? 0;
        }
      }
      return result;
    },
    { step: 'initialize', name: 'countQueries' },
  );
  return counts;
}

/**
 * @example const lines = await benchLateListing(raw, client, 'bench', base, '2025-06-16');
 */
export async function benchLateListing(
  raw: DynamoDBClient,
  client: DynamoDBClient,
  table: string,
  base: ShipmentRecord,
  today: string,
): Promise<string[]> {
  const records: ShipmentRecord[] = Array.from({ length: OPEN }, (_, i) => {
    const late = i < LATE;
    const promisedDate = late
      ? `2025-06-${String(3 + (i % 12)).padStart(2, '0')}`
      : `2025-07-${String(1 + (i % 28)).padStart(2, '0')}`;
    return {
      ...base,
      shopId: 'late-shop',
      orderId: `OL-${Math.floor(i / 40)}`,
      shipmentId: `L-${i}`,
      facts: { ...base.facts, shipmentId: `L-${i}`, promisedDate },
      events: [],
      version: 1,
      lateViewDate: promisedDate,
    };
  });
  const items = await Promise.all(
    records.map(async (r) => {
      const born = newBorn();
      return [headItem(r, born, 4), await factsItem(r, born)];
    }),
  );
  await batchWrite(raw, table, items.flat());
  const counts = countQueries(client);
  const repo = new DynamoShipmentRepository({ client, tableName: table });
  let listed = 0;
  let pages = 0;
  const ms = await timed(async () => {
    let cursor: string | undefined;
    do {
      const page = await repo.listLate(
        { shopId: 'late-shop', before: today },
        { limit: 50, caller: 'bench', ...(cursor ? { cursor } : {}) },
      );
      listed += page.items.length;
      pages++;
      cursor = page.nextCursor;
    } while (cursor);
  });
  if (listed !== LATE) throw new Error(`listed ${listed}, not ${LATE}`);
  return [
    `Late listing, one shop with ${OPEN} open shipments of which ${LATE} are past their deadline, pages of 50: ${pages} pages listed ${listed} in ${fmt(ms, 0)} ms, reading ${counts.entries} late-view entries in ${counts.indexQueries} index Queries and ${counts.shipmentQueries} shipments (one Query of each partition); the ${OPEN - LATE} not yet due are never read.`,
  ];
}
