/**
 * BatchGetItem of any number of keys, 100 at a time, following UnprocessedKeys: the items
 * found, in no particular order.
 */
import {
  BatchGetItemCommand,
  type BatchGetItemCommandOutput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { Item } from './codec';
import { guarded } from './errors';

const MAX_KEYS = 100;
/** Rounds of UnprocessedKeys before giving up (DynamoDB returns them under load). */
const MAX_ROUNDS = 8;

/**
 * @example const items = await batchGetItems(client, table, [tallyKey(id), ackDueKey(id)], true);
 */
export async function batchGetItems(
  client: DynamoDBClient,
  table: string,
  keys: readonly Item[],
  consistent: boolean,
): Promise<Item[]> {
  const found: Item[] = [];
  for (let i = 0; i < keys.length; i += MAX_KEYS) {
    let pending: Item[] | undefined = keys.slice(i, i + MAX_KEYS);
    for (let round = 1; pending !== undefined && pending.length > 0; round++) {
      if (round > MAX_ROUNDS) throw new Error('BatchGetItem kept returning unprocessed keys');
      if (round > 1) await new Promise((done) => setTimeout(done, 10 * 2 ** round));
      const result: BatchGetItemCommandOutput = await guarded(
        client.send(
          new BatchGetItemCommand({
            RequestItems: { [table]: { Keys: pending, ConsistentRead: consistent } },
          }),
        ),
      );
      found.push(...(result.Responses?.[table] ?? []));
      pending = result.UnprocessedKeys?.[table]?.Keys;
    }
  }
  return found;
}
