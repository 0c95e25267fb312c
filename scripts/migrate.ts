/**
 * Moves a table of the old layout (main before issue 18: 18 indexes, a claim in one item,
 * a shipment's events in its item) into a NEW table of the current one (src/storage/table.ts),
 * then rebuilds every derived figure there. The source is only read: it stays as the rollback.
 * Idempotent: run it again and it writes the same items. What it does, item by item, is in
 * scripts/migrate/ (legacy.ts reads the old layout; claims.ts and shipments.ts say what each
 * old record becomes); it prints what it read, wrote and left out.
 *   tsx scripts/migrate.ts --from OLD --to NEW [--endpoint URL] [--region REGION]
 *                          [--now ISO-INSTANT] [--view-shards N] [--target dynamodb|ydb]
 *   npm run migrate -- --from parcel-claims --to parcel-claims-v2
 * --now: the clock idempotency windows are judged by (default: now; tests pin it).
 * --view-shards: the application's VIEW_SHARDS (default: that variable, else 4): the new
 *   table's clerk-wide views are written with it.
 * Connection as scripts/create-table.ts (DYNAMODB_ENDPOINT, DYNAMODB_REGION, DYNAMODB_PORT, else
 * the DynamoDB Local `npm start` recorded; a
 * YDB Document API endpoint selects --target ydb).
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_VIEW_SHARDS, MAX_VIEW_SHARDS } from '../src/storage/dynamodb/keys';
import { CONNECTION_FLAGS, runOnTable, tableTarget } from './create-table';
import { formatReport } from './migrate/report';
import { migrateTable } from './migrate/run';

export { migrateTable, type MigrateOptions } from './migrate/run';
export { formatReport, type MigrationReport } from './migrate/report';

/**
 * The clock a flag names (an ISO instant), or now.
 * @example clockOf('2026-11-20T10:00:00.000Z').toISOString() // '2026-11-20T10:00:00.000Z'
 */
export function clockOf(flag: string | undefined, now = new Date()): Date {
  if (flag === undefined) return now;
  const at = new Date(flag);
  if (Number.isNaN(at.getTime())) throw new Error(`--now must be an ISO instant, got "${flag}"`);
  return at;
}

/**
 * The shard count: the flag, else VIEW_SHARDS, else the default.
 * @example shardsOf(undefined, {}) // 4
 */
export function shardsOf(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): number {
  const text = flag ?? env.VIEW_SHARDS;
  if (text === undefined) return DEFAULT_VIEW_SHARDS;
  const shards = Number(text);
  if (!Number.isInteger(shards) || shards < 1 || shards > MAX_VIEW_SHARDS) {
    throw new Error(`--view-shards must be an integer from 1 to ${MAX_VIEW_SHARDS}, got "${text}"`);
  }
  return shards;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      endpoint: CONNECTION_FLAGS.endpoint,
      region: CONNECTION_FLAGS.region,
      from: { type: 'string' },
      to: { type: 'string' },
      now: { type: 'string' },
      'view-shards': { type: 'string' },
      target: { type: 'string' },
    },
  });
  const { from, to } = values;
  if (!from || !to) {
    console.error(
      'usage: npm run migrate -- --from OLD_TABLE --to NEW_TABLE [--now ISO] [--view-shards N]',
    );
    process.exitCode = 2;
    return;
  }
  const now = clockOf(values.now);
  const viewShards = shardsOf(values['view-shards']);
  await runOnTable({ ...values, table: to }, async (client, connection) => {
    const target = tableTarget(values.target, connection.endpoint);
    const report = await migrateTable(client, { from, to, now, viewShards, target });
    if (report.rebuild.failed.length > 0) process.exitCode = 1;
    return formatReport(report);
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  void main();
