/**
 * Reading the old table: a Scan, page after page (following LastEvaluatedKey; YDB answers at
 * most 100 items a page, DynamoDB 1 MB), strongly consistent, cut into partitions: a Scan
 * returns a partition's items one after the other, sorted by sort key, so a partition is
 * complete once the next item is another's (a page boundary may fall inside one). The source
 * is only read, never written: it stays as the rollback.
 */
import { ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Item } from '../../src/storage/dynamodb/codec';
import { guarded } from '../../src/storage/dynamodb/errors';
import { queryAll } from '../../src/storage/dynamodb/read';

/**
 * Every partition of `table`, each as its items in sort-key order. `pageLimit`: items a Scan
 * page evaluates (default: as many as the service gives, 1 MB on DynamoDB, 100 on YDB).
 * @example for await (const items of partitions(client, 'legacy')) console.log(items[0]?.pk?.S);
 */
export async function* partitions(
  client: DynamoDBClient,
  table: string,
  pageLimit?: number,
): AsyncGenerator<Item[]> {
  let current: Item[] = [];
  let startKey: Item | undefined;
  do {
    const page = await guarded(
      client.send(
        new ScanCommand({
          TableName: table,
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
          ...(pageLimit === undefined ? {} : { Limit: pageLimit }),
        }),
      ),
    );
    for (const item of page.Items ?? []) {
      if (current.length > 0 && current[0]?.pk?.S !== item.pk?.S) {
        yield current;
        current = [];
      }
      current.push(item);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  if (current.length > 0) yield current;
}

/**
 * One partition read whole (a Query), for one met again later in the Scan, or re-read at the
 * end of the run.
 * @example await partitionOf(client, 'legacy', 'CLAIM#clm_1')
 */
export function partitionOf(client: DynamoDBClient, table: string, pk: string): Promise<Item[]> {
  return queryAll(client, {
    TableName: table,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': { S: pk } },
    ConsistentRead: true,
  });
}
