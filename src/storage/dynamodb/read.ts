/**
 * Reads shared by the repositories, outages mapped to `StorageUnavailableError`.
 */
import {
  BatchGetItemCommand,
  GetItemCommand,
  QueryCommand,
  type DynamoDBClient,
  type QueryCommandInput,
} from '@aws-sdk/client-dynamodb';
import type { Item } from './codec';
import { guarded } from './errors';

/**
 * One item, strongly consistent (reads its own writes: a just-written claim,
 * a just-revoked key).
 *
 * @example
 * const item = await readItem(client, table, claimKey('clm_1'));
 */
export async function readItem(
  client: DynamoDBClient,
  table: string,
  key: Item,
): Promise<Item | undefined> {
  const input = { TableName: table, Key: key, ConsistentRead: true };
  return (await guarded(client.send(new GetItemCommand(input)))).Item;
}

/**
 * Every item of a Query, following LastEvaluatedKey to the end. For small
 * collections only (a claim's history, the API keys).
 *
 * @example
 * const events = await queryAll(client, { TableName, KeyConditionExpression: 'pk = :pk', ... });
 */
export async function queryAll(client: DynamoDBClient, input: QueryCommandInput): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Item | undefined;
  do {
    const page = await guarded(
      client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey })),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return items;
}

/** Keys per BatchGetItem (DynamoDB's and YDB's limit). */
const BATCH_KEYS = 100;

/** An item's place: `pk` and `sk` joined, to find a batch read's item by its key. */
export const keyText = (key: Item): string => `${key.pk?.S ?? ''}\u0000${key.sk?.S ?? ''}`;

/**
 * Many items by key, strongly consistent, 100 keys a request (all requests in parallel),
 * retrying what DynamoDB left unprocessed; found items by `keyText`.
 *
 * @example
 * const found = await readItems(client, table, [claimHeadKey('clm_1'), claimBodyKey('clm_1')]);
 * found.get(keyText(claimHeadKey('clm_1')));
 */
export async function readItems(
  client: DynamoDBClient,
  table: string,
  keys: readonly Item[],
): Promise<Map<string, Item>> {
  const unique = [...new Map(keys.map((key) => [keyText(key), key])).values()];
  const found = new Map<string, Item>();
  const batches: Item[][] = [];
  for (let i = 0; i < unique.length; i += BATCH_KEYS) batches.push(unique.slice(i, i + BATCH_KEYS));
  await Promise.all(
    batches.map(async (batch) => {
      let pending: Item[] = batch;
      for (let attempt = 0; pending.length > 0; attempt++) {
        const answer = await guarded(
          client.send(
            new BatchGetItemCommand({
              RequestItems: { [table]: { Keys: pending, ConsistentRead: true } },
            }),
          ),
        );
        for (const item of answer.Responses?.[table] ?? []) found.set(keyText(item), item);
        pending = answer.UnprocessedKeys?.[table]?.Keys ?? [];
        if (pending.length > 0) await new Promise((done) => setTimeout(done, 10 * 2 ** attempt));
      }
    }),
  );
  return found;
}
