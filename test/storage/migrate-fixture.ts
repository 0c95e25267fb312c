/**
 * The legacy table fixture (test/fixtures/legacy-e52c7d7: a table written by main at e52c7d7
 * and what its API answered) loaded into DynamoDB Local, for test/storage/migrate.test.ts.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  ScanCommand,
  UpdateTimeToLiveCommand,
  type AttributeValue,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { clientFor } from '../../scripts/create-table';
import type { Item } from '../../src/storage/dynamodb/codec';
import { TTL_ATTRIBUTE } from '../../src/storage/table';
import { documentApiClient } from '../support/document-api-client';

const FIXTURE = new URL('../fixtures/legacy-e52c7d7/', import.meta.url);
const read = (name: string): unknown => JSON.parse(readFileSync(new URL(name, FIXTURE), 'utf8'));

/** One answer of the old API (expected.json `answers`). */
export interface Answer {
  method: string;
  path: string;
  keyName: string;
  status: number;
  etag?: string;
  idempotentReplayed?: string;
  requestHeaders?: Record<string, string>;
  requestBody?: unknown;
  body: unknown;
  /** The exact text, where it is not JSON.stringify(body). */
  text?: string;
}

export interface Expected {
  pinnedClock: string;
  apiKeys: { name: string; key: string }[];
  claims: { id: string; label: string; shopKey: string }[];
  answers: Answer[];
}

export const expected = read('expected.json') as Expected;
/** Every item of the old table, in DynamoDB's attribute-value JSON. */
export const legacyItems = (): Item[] => (read('items.json') as unknown[]).map(fromJson);

/** Attribute-value JSON → attribute values: binary values travel as base64 text. */
function fromJson(value: unknown): Item {
  const item: Item = {};
  for (const [name, attribute] of Object.entries(value as Record<string, unknown>)) {
    item[name] = attributeOf(attribute as Record<string, unknown>);
  }
  return item;
}

function attributeOf(json: Record<string, unknown>): AttributeValue {
  if (typeof json.B === 'string') return { B: Buffer.from(json.B, 'base64') };
  if (Array.isArray(json.BS)) {
    return { BS: (json.BS as string[]).map((b) => Buffer.from(b, 'base64')) };
  }
  if (Array.isArray(json.L)) return { L: (json.L as Record<string, unknown>[]).map(attributeOf) };
  if (json.M !== undefined) return { M: fromJson(json.M) };
  return json as unknown as AttributeValue;
}

/** A client on the shared DynamoDB Local; in the storage-ydb project, one that acts as YDB's. */
export function testClient(): { client: DynamoDBClient; ydb: boolean } {
  const endpoint = inject('dynamoEndpoint');
  const client = clientFor({ endpoint, region: 'eu-central-1', tableName: 'unused' });
  const ydb = inject('documentApi') === true;
  return { client: ydb ? documentApiClient(client) : client, ydb };
}

/**
 * A new table as e52c7d7 created it (table.json: 18 indexes projecting ALL; TTL on expiresAt)
 * holding `items`; its name.
 */
export async function createLegacyTable(client: DynamoDBClient, items: readonly Item[]) {
  const tableName = `legacy-${randomUUID()}`;
  const definition = read('table.json') as CreateTableCommandInput;
  await client.send(new CreateTableCommand({ ...definition, TableName: tableName }));
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
    }),
  );
  for (let i = 0; i < items.length; i += 25) {
    const requests = items.slice(i, i + 25).map((item) => ({ PutRequest: { Item: item } }));
    let pending = requests;
    while (pending.length > 0) {
      const answer = await client.send(
        new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }),
      );
      pending = (answer.UnprocessedItems?.[tableName] ?? []) as typeof requests;
    }
  }
  return tableName;
}

/** Every item of a table as comparable text, sorted by key (binary values as base64). */
export async function scanText(client: DynamoDBClient, tableName: string): Promise<string[]> {
  const items: Item[] = [];
  let startKey: Item | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: startKey }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return items.map(canonical).sort();
}

/** An item as text: attributes (and set members) sorted, so equal items are equal text. */
export function canonical(item: Item): string {
  return `${item.pk?.S ?? ''}\u0000${item.sk?.S ?? ''}\u0000${JSON.stringify(sorted(item))}`;
}

function sorted(item: Item): unknown[] {
  const value = (attribute: AttributeValue): unknown => {
    if (attribute.B !== undefined) return { B: Buffer.from(attribute.B).toString('base64') };
    if (attribute.M !== undefined) return { M: sorted(attribute.M) };
    if (attribute.L !== undefined) return { L: attribute.L.map(value) };
    if (attribute.SS !== undefined) return { SS: [...attribute.SS].sort() };
    if (attribute.NS !== undefined) return { NS: [...attribute.NS].sort() };
    return attribute;
  };
  return Object.keys(item)
    .sort()
    .map((name) => [name, value(item[name]!)]);
}
