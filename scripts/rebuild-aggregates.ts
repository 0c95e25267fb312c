/**
 * Recomputes every figure derived from claims (status counts, analytics day counters, a
 * shop's and every shop's) from the stored claims, and backfills what claims filed before
 * the counters existed never had (their tally, search entries, unacknowledged entry).
 *   tsx scripts/rebuild-aggregates.ts [--endpoint URL] [--table NAME] [--region REGION] [--view-shards N]
 *   npm run rebuild-aggregates
 * Env as scripts/create-table.ts (DYNAMODB_ENDPOINT, DYNAMODB_TABLE, DYNAMODB_REGION,
 * DYNAMODB_PORT, else the DynamoDB Local `npm start` recorded); VIEW_SHARDS as the Worker's (default 4): give the deployed value.
 *
 * Design: tallies and counters rebuilt together, safe while the API and the consumer run.
 * 1. Every claim is reconciled, as the queue consumer does (src/services/claim-changes.ts):
 *    its tally becomes what the claim contributes now (its status, its figures, its
 *    remedies given), the counters moving by the difference. A claim with no tally (filed
 *    before the consumer) gets its whole contribution added. Claims are found by a Scan of
 *    their HEAD items.
 * 2. Every counter item is made the sum of the tallies, item by item, each overwrite
 *    conditioned on the item's `seq` being what was read before the tallies were
 *    (src/storage/dynamodb/figures-rebuild.ts): a consumer's write meanwhile is never lost,
 *    its item is corrected by the next pass (up to 5). This is what repairs counters that
 *    drifted (a bug, a hand edit).
 * 3. Every shipment with a waybill gets its waybill entry, which shipments stored before
 *    carrier hooks lack (src/storage/dynamodb/waybill-backfill.ts).
 * 4. Issue 25: with the Worker's reference secret (CURSOR_SECRET, else DESK_SESSION_SECRET, as
 *    the Worker takes it; give the deployed value), every claim (in step 1) and every order
 *    gets its personal-data subject-index entries, and every settled claim its retention entry.
 * Idempotent: a second run corrects nothing. Reads the whole table three times: run it off-peak.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { reconcileClaim } from '../src/services/claim-changes';
import { storageOn } from '../src/storage/dynamodb';
import { correctFigures, type CorrectionReport } from '../src/storage/dynamodb/figures-rebuild';
import { DEFAULT_VIEW_SHARDS } from '../src/storage/dynamodb/keys';
import { tableContext } from '../src/storage/dynamodb/table-context';
import {
  backfillWaybillEntries,
  type WaybillBackfillReport,
} from '../src/storage/dynamodb/waybill-backfill';
import { CONNECTION_FLAGS, runOnTable } from './create-table';
import { createPersonalDataService } from '../src/services/personal-data';
import { LOCAL_REFERENCE_SECRET } from '../src/services/clerk-view';
import { everyOrder } from '../src/storage/dynamodb/pd-backfill';

/** Claims reconciled at once. */
const CONCURRENCY = 8;
/** Passes of step 2 while consumers keep moving items. */
const PASSES = 5;

export interface RebuildReport {
  claims: number;
  /** Claims whose tally or counters had to change (backfilled or drifted). */
  reconciled: number;
  /** Claims that could not be reconciled (busy storage): run again. */
  failed: string[];
  passes: CorrectionReport[];
  waybills: WaybillBackfillReport;
  /** Orders given their subject-index entries (step 4; 0 without a reference secret). */
  indexedOrders: number;
}

/**
 * @example await rebuildAggregates(client, { tableName: 'parcel-claims', viewShards: 4 }, () => new Date());
 */
export async function rebuildAggregates(
  client: DynamoDBClient,
  options: { tableName: string; viewShards: number },
  clock: () => Date,
  referenceSecret?: string,
): Promise<RebuildReport> {
  const storage = storageOn(client, options);
  const personalData =
    referenceSecret === undefined
      ? undefined
      : createPersonalDataService({
          storage,
          clock,
          newId: () => crypto.randomUUID().replaceAll('-', ''),
          referenceSecret,
        });
  const deps = { storage, clock, ...(personalData ? { personalData } : {}) };
  const report: RebuildReport = {
    claims: 0,
    reconciled: 0,
    failed: [],
    passes: [],
    waybills: { shipments: 0, written: 0, raced: 0 },
    indexedOrders: 0,
  };
  let from: string | undefined;
  do {
    const page = await storage.tallies.sweep(from, 200);
    for (let i = 0; i < page.claimIds.length; i += CONCURRENCY) {
      const chunk = page.claimIds.slice(i, i + CONCURRENCY);
      const outcomes = await Promise.allSettled(chunk.map((id) => reconcileClaim(deps, id)));
      outcomes.forEach((outcome, j) => {
        if (outcome.status === 'rejected') report.failed.push(chunk[j]!);
        else if (outcome.value === 'written') report.reconciled++;
      });
    }
    report.claims += page.claimIds.length;
    from = page.next;
  } while (from !== undefined);
  const table = { client, tableName: options.tableName, viewShards: options.viewShards };
  for (let pass = 1; pass <= PASSES; pass++) {
    const result = await correctFigures(table, clock().toISOString());
    report.passes.push(result);
    if (result.raced === 0) break;
  }
  report.waybills = await backfillWaybillEntries(tableContext(table));
  if (personalData !== undefined) {
    report.indexedOrders = await everyOrder(tableContext(table), (order) =>
      personalData.onOrderChanged(order),
    );
  }
  return report;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { ...CONNECTION_FLAGS, 'view-shards': { type: 'string' } },
  });
  const viewShards = Number(
    values['view-shards'] ?? process.env.VIEW_SHARDS ?? DEFAULT_VIEW_SHARDS,
  );
  await runOnTable(values, async (client, { tableName }) => {
    const referenceSecret =
      process.env.CURSOR_SECRET ?? process.env.DESK_SESSION_SECRET ?? LOCAL_REFERENCE_SECRET;
    const report = await rebuildAggregates(
      client,
      { tableName, viewShards },
      () => new Date(),
      referenceSecret,
    );
    const last = report.passes.at(-1);
    const corrected = report.passes.reduce((n, p) => n + p.corrected, 0);
    const lines = [
      `Table ${tableName}: ${report.claims} claims read, ${report.reconciled} brought up to date`,
      `counter items: ${last?.checked ?? 0} checked, ${corrected} corrected`,
      `waybill entries: ${report.waybills.written} of ${report.waybills.shipments} shipments with a waybill`,
      `personal-data subject index: ${report.indexedOrders} orders indexed`,
    ];
    if (report.waybills.raced > 0) {
      lines.push(`${report.waybills.raced} shipments changed meanwhile: run again`);
      process.exitCode = 1;
    }
    if (report.failed.length > 0) {
      lines.push(`not reconciled (storage busy), run again: ${report.failed.join(', ')}`);
      process.exitCode = 1;
    }
    if ((last?.raced ?? 0) > 0) {
      lines.push(`${last!.raced} counter items kept moving during ${PASSES} passes: run again`);
      process.exitCode = 1;
    }
    return lines.join('\n');
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  void main();
