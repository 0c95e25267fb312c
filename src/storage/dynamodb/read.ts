/**
 * Reads shared by the repositories, outages mapped to `StorageUnavailableError`.
 */
import {
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
