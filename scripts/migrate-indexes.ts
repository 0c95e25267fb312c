/**
 * Brings an existing table to the current index layout (src/storage/table.ts): creates
 * the GSIs it lacks, one at a time (DynamoDB builds one per UpdateTable), then rewrites
 * the index attributes of every claim item that differs from what the current code
 * writes. Idempotent: a second run changes nothing. Safe while the API serves: an item
 * rewritten meanwhile is left alone (its write already carried the current attributes).
 *   tsx scripts/migrate-indexes.ts [--endpoint URL] [--table NAME] [--region REGION]
 *   npm run migrate
 * Env as scripts/create-table.ts (DYNAMODB_ENDPOINT, DYNAMODB_TABLE, DYNAMODB_REGION, DYNAMODB_PORT).
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  DescribeTableCommand,
  ScanCommand,
  UpdateItemCommand,
  UpdateTableCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { Item } from '../src/storage/dynamodb/codec';
import { errorName } from '../src/storage/dynamodb/errors';
import { claimIndexKeys, INDEX_ATTRIBUTES, itemToClaim } from '../src/storage/dynamodb/items';
import { removedByMove } from '../src/storage/dynamodb/unacknowledged';
import { tableDefinition } from '../src/storage/table';
import { CONNECTION_FLAGS, runOnTable } from './create-table';

export interface MigrationReport {
  indexesCreated: string[];
  claimsRead: number;
  claimsRewritten: number;
  /** Changed by the API while the migration ran: already in the current layout. */
  claimsSkipped: number;
}

/**
 * @example
 * await migrateIndexes(client, 'parcel-claims'); // { indexesCreated: ['byShopWaybill', ...], claimsRewritten: 12, ... }
 */
export async function migrateIndexes(
  client: DynamoDBClient,
  tableName: string,
  options: { pollMs?: number } = {},
): Promise<MigrationReport> {
  const indexesCreated = await createMissingIndexes(client, tableName, options.pollMs ?? 2000);
  const report: MigrationReport = {
    indexesCreated,
    claimsRead: 0,
    claimsRewritten: 0,
    claimsSkipped: 0,
  };
  let startKey: Item | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'entity = :claim AND sk = :claim',
        ExpressionAttributeValues: { ':claim': { S: 'CLAIM' } },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      report.claimsRead++;
      const outcome = await rewriteIndexAttributes(client, tableName, item);
      if (outcome === 'rewritten') report.claimsRewritten++;
      if (outcome === 'skipped') report.claimsSkipped++;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return report;
}

async function createMissingIndexes(
  client: DynamoDBClient,
  tableName: string,
  pollMs: number,
): Promise<string[]> {
  const wanted = tableDefinition(tableName);
  const created: string[] = [];
  for (const index of wanted.GlobalSecondaryIndexes) {
    const table = await waitUntilActive(client, tableName, pollMs);
    if (table.GlobalSecondaryIndexes?.some((gsi) => gsi.IndexName === index.IndexName)) continue;
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: wanted.AttributeDefinitions,
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
    created.push(index.IndexName!);
  }
  await waitUntilActive(client, tableName, pollMs);
  return created;
}

/** The table once it and every index are ACTIVE (an index backfills before it is). */
async function waitUntilActive(client: DynamoDBClient, tableName: string, pollMs: number) {
  for (let waited = 0; ; waited += pollMs) {
    const { Table: table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const ready =
      table?.TableStatus === 'ACTIVE' &&
      (table.GlobalSecondaryIndexes ?? []).every((gsi) => gsi.IndexStatus === 'ACTIVE');
    if (table && ready) return table;
    if (waited > 6 * 3_600_000) throw new Error(`Table ${tableName} did not become ACTIVE`);
    await new Promise((done) => setTimeout(done, pollMs));
  }
}

/** Sets the index attributes the claim should carry and removes the ones it should not. */
async function rewriteIndexAttributes(
  client: DynamoDBClient,
  tableName: string,
  item: Item,
): Promise<'rewritten' | 'unchanged' | 'skipped'> {
  const claim = itemToClaim(item);
  const wanted = claimIndexKeys(claim);
  const sets = Object.entries(wanted).filter(([name, value]) => item[name]?.S !== value);
  // The unacknowledged queue's keys are not the claim's to derive: kept until it is settled.
  const removes = INDEX_ATTRIBUTES.filter(
    (name) => !(name in wanted) && name in item && removedByMove(name, claim),
  );
  if (sets.length === 0 && removes.length === 0) return 'unchanged';
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, AttributeValue> = { ':version': item.version ?? { N: '0' } };
  const setTerms = sets.map(([name, value], n) => {
    names[`#s${n}`] = name;
    values[`:s${n}`] = { S: value };
    return `#s${n} = :s${n}`;
  });
  const removeTerms = removes.map((name, n) => {
    names[`#r${n}`] = name;
    return `#r${n}`;
  });
  try {
    await client.send(
      new UpdateItemCommand({
        TableName: tableName,
        Key: { pk: item.pk!, sk: item.sk! },
        UpdateExpression: [
          setTerms.length > 0 ? `SET ${setTerms.join(', ')}` : '',
          removeTerms.length > 0 ? `REMOVE ${removeTerms.join(', ')}` : '',
        ].join(' '),
        ConditionExpression: '#version = :version',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
    return 'rewritten';
  } catch (error) {
    if (errorName(error) === 'ConditionalCheckFailedException') return 'skipped';
    throw error;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: CONNECTION_FLAGS });
  await runOnTable(values, async (client, { tableName }) => {
    const report = await migrateIndexes(client, tableName);
    const created = report.indexesCreated.join(', ') || 'none';
    return `Table ${tableName}: indexes created: ${created}; claims read ${report.claimsRead}, rewritten ${report.claimsRewritten}, changed meanwhile (already current) ${report.claimsSkipped}`;
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  void main();
