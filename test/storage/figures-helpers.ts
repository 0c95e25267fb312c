/**
 * Helpers of the derived-figures tests: claims filed and moved through the repositories
 * (as the claim service does), then reconciled as the consumer would, and the raw derived
 * items read back.
 */
import { GetItemCommand, ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { applyCommand, type Claim, type ClaimCommand } from '../../src/domain/claim';
import { reconcileClaim, type ClaimChangeDeps } from '../../src/services/claim-changes';
import type { Item } from '../../src/storage/dynamodb/codec';
import type { Storage } from '../../src/storage/repository';
import { freshStorage, newClaim } from './helpers';

/** The consumer's clock in these tests. */
export const CONSUMER_NOW = '2026-12-01T12:00:00.000Z';
const clerk = { role: 'clerk' as const, id: 'clerk:1' };

/** A fresh table, its storage, and the consumer's dependencies on it. */
export async function figuresStorage(options: { viewShards?: number } = {}) {
  const storage = await freshStorage(options);
  const deps: ClaimChangeDeps = { storage, clock: () => new Date(CONSUMER_NOW) };
  return { ...storage, deps };
}

/**
 * Files a claim as the service would (no consumer run: the caller reconciles when it wants).
 * @example const claim = await file(storage, { shopId: 's', cause: 'warehouse' });
 */
export async function file(
  storage: Storage,
  overrides: Parameters<typeof newClaim>[0] = {},
): Promise<Claim> {
  const { claim, event } = newClaim(overrides);
  const result = await storage.claims.create(claim, event);
  if (!result.created) throw new Error(`not filed: ${JSON.stringify(result)}`);
  return claim;
}

/** A day's counters of a filing day, `YYYY-MM-DD` at 10:00 UTC. */
export const filedOn = (day: string) => `${day}T10:00:00.000Z`;

/** Moves a claim by `command` at `at` (a clerk's move). */
export async function move(
  storage: Storage,
  claim: Claim,
  command: ClaimCommand,
  at = '2026-11-20T10:00:00.000Z',
): Promise<Claim> {
  const next = applyCommand(claim, command, { at, today: at.slice(0, 10), by: clerk });
  return await storage.claims.update(claim, next.claim, next.events);
}

/** Reconciles claims as the consumer does (each once, in order). */
export async function reconcile(deps: ClaimChangeDeps, ...claims: readonly Claim[]) {
  for (const claim of claims) await reconcileClaim(deps, claim.id);
}

/** A scope's counters of a day, as plain strings (`{}`: none). */
export async function dayCounters(
  storage: Storage,
  scope: { shopId: string } | 'ALL',
  day: string,
): Promise<Record<string, string>> {
  const { days } = await storage.analytics.days(scope, day, day);
  return Object.fromEntries([...(days[0]?.counters ?? [])].map(([k, v]) => [k, v.toString()]));
}

/** Every item of the table whose pk starts with `prefix` (a Scan: small test tables only). */
export async function itemsStartingWith(
  client: DynamoDBClient,
  tableName: string,
  prefix: string,
): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Item | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'begins_with(pk, :p)',
        ExpressionAttributeValues: { ':p': { S: prefix } },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return items;
}

/** One item of a claim's partition (`sk`), or undefined. */
export async function claimItem(
  client: DynamoDBClient,
  tableName: string,
  claimId: string,
  sk: string,
): Promise<Item | undefined> {
  const key = { pk: { S: `CLAIM#${encodeURIComponent(claimId)}` }, sk: { S: sk } };
  const result = await client.send(
    new GetItemCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
  );
  return result.Item;
}

/** Every figure item (COUNTS#…, AGG#…) as `pk|sk` → its counters, for comparing two tables. */
export async function allFigures(client: DynamoDBClient, tableName: string) {
  const items = [
    ...(await itemsStartingWith(client, tableName, 'COUNTS#')),
    ...(await itemsStartingWith(client, tableName, 'AGG#')),
  ];
  const figures: Record<string, Record<string, string>> = {};
  for (const item of items) {
    const counters: Record<string, string> = {};
    for (const [name, value] of Object.entries(item)) {
      if (['pk', 'sk', 'entity', 'updatedAt', 'seq'].includes(name) || value.N === undefined) {
        continue;
      }
      if (value.N !== '0') counters[name] = value.N;
    }
    figures[`${item.pk?.S}|${item.sk?.S}`] = counters;
  }
  return figures;
}

/** Write units, table and indexes together. */
export interface Units {
  total: number;
  table: number;
  indexes: number;
}

interface Consumed {
  CapacityUnits?: number;
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
}

/**
 * Write units as DynamoDB charges them, item by item. DynamoDB Local under-reports a
 * TransactWriteItems of several items (2 units for 1, 2, 3, 5 or 8 puts of a few bytes; 4
 * for 1, 2 or 3 puts of 1.5 KB; AWS charges two writes of every item), so this meter sends
 * each item of a transaction as a transaction of its own and adds up what each reports.
 * For a test without concurrency only: the items no longer commit together.
 *
 * @example const meter = meterItemByItem(client); await work(); meter.take().total
 */
export function meterItemByItem(client: DynamoDBClient) {
  let units: Units = { total: 0, table: 0, indexes: 0 };
  const add = (reported: Consumed | Consumed[] | undefined) => {
    for (const c of [reported ?? []].flat()) {
      units.total += c.CapacityUnits ?? 0;
      units.table += c.Table?.CapacityUnits ?? 0;
      for (const index of Object.values(c.GlobalSecondaryIndexes ?? {})) {
        units.indexes += index.CapacityUnits ?? 0;
      }
    }
  };
  const writes = ['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand'];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      if (context.commandName === 'TransactWriteItemsCommand') {
        let last: Awaited<ReturnType<typeof next>> | undefined;
        for (const item of input.TransactItems as unknown[]) {
          last = await next({
            ...args,
            input: { ...input, TransactItems: [item], ReturnConsumedCapacity: 'INDEXES' },
          });
          add((last.output as { ConsumedCapacity?: Consumed[] }).ConsumedCapacity);
        }
        return last!;
      }
      if (!writes.includes(context.commandName ?? '')) return next(args);
      input.ReturnConsumedCapacity = 'INDEXES';
      const result = await next(args);
      add((result.output as { ConsumedCapacity?: Consumed }).ConsumedCapacity);
      return result;
    },
    { step: 'initialize', name: 'itemByItemMeter' },
  );
  return {
    take(): Units {
      const taken = units;
      units = { total: 0, table: 0, indexes: 0 };
      return taken;
    },
  };
}
