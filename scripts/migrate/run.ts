/**
 * The migration, start to end:
 *   1. the target table, created with the new definition (ensureTable; never the source);
 *   2. every partition of the source (a Scan), migrated (./partition.ts) and written in batches;
 *   3. what only the whole table tells: claims whose first answer an older version's IDEM#
 *      item kept (met after the claim), the open claims' guards the old table lacked (claims
 *      filed before guards existed), the idempotency records still in their window;
 *   4. the derived items (status counts, analytics counters, search items, ACKDUE) rebuilt on
 *      the target by `npm run rebuild-aggregates` (every claim reconciled as the change
 *      consumer does): the old COUNTS#/AGG# items are not copied.
 * Idempotent: a second run writes the same items and the reconciliation finds every claim
 * current. Run it with the old application stopped (or not writing): the source is the truth.
 */
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { errorName } from '../../src/storage/dynamodb/errors';
import { claimPartition } from '../../src/storage/dynamodb/keys';
import type { TableTarget } from '../../src/storage/table';
import { ensureTable } from '../create-table';
import { rebuildAggregates } from '../rebuild-aggregates';
import { migrateClaimPartition, migratePartition, type RunState } from './partition';
import { newReport, type MigrationReport } from './report';
import { BatchSink } from './sink';
import { partitionOf, partitions } from './source';

export interface MigrateOptions {
  from: string;
  to: string;
  /** The migration's clock: what "an idempotency key still in its window" is judged by. */
  now: Date;
  /** Shards of the clerk-wide views: the application's VIEW_SHARDS. */
  viewShards: number;
  target?: TableTarget;
  /** Items a Scan page of the source evaluates (default: the service's page); tests make it small. */
  scanPageLimit?: number;
}

/**
 * @example
 * const report = await migrateTable(client, { from: 'parcel-claims', to: 'parcel-claims-v2', now: new Date(), viewShards: 4 });
 */
export async function migrateTable(
  client: DynamoDBClient,
  options: MigrateOptions,
): Promise<MigrationReport> {
  const { from, to, now, viewShards } = options;
  if (from === to)
    throw new Error('--from and --to must name two tables: the source stays as it is');
  await checkLayouts(client, from, to);
  const at = now.toISOString();
  const report = newReport(from, to, at);
  report.target = await ensureTable(client, to, { target: options.target ?? 'dynamodb' });
  const state: RunState = {
    report,
    sink: new BatchSink(client, to),
    shards: viewShards,
    nowSeconds: Math.floor(now.getTime() / 1000),
    today: at.slice(0, 10),
    claims: new Set(),
    firstAnswerBodies: new Set(),
    open: new Map(),
    openClaims: new Set(),
    guards: new Map(),
    keyRecords: new Map(),
    firstAnswers: new Map(),
  };
  const seen = new Set<string>();
  for await (const items of partitions(client, from, options.scanPageLimit)) {
    const pk = items[0]?.pk?.S ?? '';
    if (seen.has(pk)) {
      // Never seen in practice (a Scan returns a partition in one run): read it whole.
      report.partitionsReread++;
      await reread(client, state, pk);
      continue;
    }
    seen.add(pk);
    await migratePartition(state, items);
  }
  await settle(client, state);
  await state.sink.close();
  report.written = state.sink.written;
  report.deleted = state.sink.deleted;
  // Step 4, `npm run rebuild-aggregates` on the new table: every claim reconciled, then every
  // counter item checked against the claims' tallies.
  const rebuilt = await rebuildAggregates(client, { tableName: to, viewShards }, () => now);
  report.rebuild = {
    claims: rebuilt.claims,
    reconciled: rebuilt.reconciled,
    failed: rebuilt.failed,
    countersCorrected: rebuilt.passes.reduce((n, pass) => n + pass.corrected, 0),
  };
  return report;
}

/** A partition met again: read whole, migrated again over what its first part wrote. */
async function reread(client: DynamoDBClient, state: RunState, pk: string): Promise<void> {
  const items = await partitionOf(client, state.report.from, pk);
  if (pk.startsWith('CLAIM#')) await migrateClaimPartition(state, items, true);
  else await migratePartition(state, items);
}

/** Step 3: first answers found late, missing guards, key records. */
async function settle(client: DynamoDBClient, state: RunState): Promise<void> {
  const { report, sink } = state;
  for (const claimId of state.firstAnswers.keys()) {
    if (!state.claims.has(claimId)) continue;
    const items = await partitionOf(client, report.from, claimPartition(claimId));
    await migrateClaimPartition(state, items, true);
  }
  for (const [key, open] of state.open) {
    const holder = state.guards.get(key);
    if (holder === undefined) {
      await sink.put({ kind: 'OPEN_CLAIM', item: open.item });
      report.claims.guardsAdded++;
    } else if (holder !== open.claimId) {
      report.warnings.push(`open claim ${open.claimId} shares its guard with claim ${holder}`);
    }
  }
  for (const [key, holder] of state.guards) {
    // Copied as it is (it still refuses a second open claim), but a settled claim never releases it.
    if (!state.openClaims.has(holder)) {
      const guard = key.split('\u0000')[0];
      report.warnings.push(`guard ${guard} is held by claim ${holder}, which is not open`);
    }
  }
  for (const record of state.keyRecords.values()) {
    await sink.put({ kind: 'IDEMPOTENCY', item: record.item });
    report.claims.keyRecords++;
  }
}

/** The source must be of the old layout, the target (if it exists yet) of the new one. */
async function checkLayouts(client: DynamoDBClient, from: string, to: string): Promise<void> {
  const source = await indexesOf(client, from);
  if (source === undefined) throw new Error(`table ${from} not found: nothing to migrate`);
  if (source.includes(NEW_LAYOUT_INDEX)) {
    throw new Error(`table ${from} is already in the new layout (it has gsi1): nothing to migrate`);
  }
  const target = await indexesOf(client, to);
  if (target !== undefined && !target.includes(NEW_LAYOUT_INDEX)) {
    throw new Error(`table ${to} exists and is not of the new layout (no gsi1): name a new table`);
  }
}

/** An index every table of the new layout has (src/storage/table.ts). */
const NEW_LAYOUT_INDEX = 'gsi1';

/** The table's index names, or undefined when there is no such table. */
async function indexesOf(client: DynamoDBClient, table: string): Promise<string[] | undefined> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
    return (Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName ?? '');
  } catch (error) {
    if (errorName(error) === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}
