/**
 * One old partition → its new items, by what the partition is (its key's shape). Kinds whose
 * layout did not change are copied without the old index attributes; claims, API keys, orders
 * and shipments are rebuilt (./claims.ts, ./shipments.ts); what only the end of the run can
 * settle (guards, key records, first answers kept by older versions) is collected in `state`.
 */
import type { Item } from '../../src/storage/dynamodb/codec';
import {
  API_KEY_VIEW,
  claimPartition,
  evidenceKey,
  indexKeys,
  shardOf,
} from '../../src/storage/dynamodb/keys';
import { keyRecordItem, openClaimItem } from '../../src/storage/dynamodb/claim-items';
import { keyText } from '../../src/storage/dynamodb/read';
import { TTL_ATTRIBUTE } from '../../src/storage/table';
import { migrateClaim, type KeyRecord, type MigratedClaim } from './claims';
import { legacyIdemItem, withoutLegacyIndexes } from './legacy';
import { countRead, skip, type MigrationReport } from './report';
import { migrateOrder, migrateShipment } from './shipments';
import type { BatchSink, Labeled } from './sink';

/** What the run knows and collects while it reads the partitions. */
export interface RunState {
  report: MigrationReport;
  sink: BatchSink;
  shards: number;
  /** The migration's clock. */
  nowSeconds: number;
  today: string;
  /** Claims migrated (reconciled at the end). */
  claims: Set<string>;
  /** Claims whose body is their first answer. */
  firstAnswerBodies: Set<string>;
  /** Open claims' guards: guard key → the claim (the oldest first wins a shared subject). */
  open: Map<string, { claimId: string; createdAt: string; item: Item }>;
  /** Every open claim migrated. */
  openClaims: Set<string>;
  /** Guards the old table has: guard key → the claim holding it. */
  guards: Map<string, string>;
  /** Idempotency records to write, by key (the one expiring last wins). */
  keyRecords: Map<string, KeyRecord>;
  /** First answers kept by older versions' IDEM# items still in their window, by claim id. */
  firstAnswers: Map<string, string>;
}

/** What a partition is, by its key. */
function kindOf(pk: string): string {
  if (/^SHOP#[^#]*#SHIPMENT#[^#]*$/.test(pk)) return 'shipment';
  if (/^SHOP#[^#]*#ORDER#[^#]*$/.test(pk)) return 'order';
  if (/^SHOP#[^#]*$/.test(pk)) return 'shop';
  return pk.slice(0, pk.indexOf('#') + 1);
}

/** Copied as they are (no index attributes, then or now), by partition prefix. */
const UNCHANGED: Record<string, string> = {
  'OPEN#': 'OPEN_CLAIM',
  'APIKEYHASH#': 'APIKEYHASH',
  shop: 'SHOP',
};

/**
 * @example await migratePartition(state, items) // its new items are in state.sink
 */
export async function migratePartition(state: RunState, items: readonly Item[]): Promise<void> {
  const { report, sink } = state;
  const pk = items[0]?.pk?.S ?? '';
  for (const item of items) {
    countRead(report, item.entity?.S ?? `(no entity: ${pk.split('#')[0]}# items)`);
  }
  const kind = kindOf(pk);
  const unchanged = UNCHANGED[kind];
  if (unchanged !== undefined) {
    await sink.putAll(items.map((item) => ({ kind: unchanged, item: withoutLegacyIndexes(item) })));
    if (kind === 'OPEN#') {
      for (const item of items) state.guards.set(keyText(item), item.claimId?.S ?? '');
    }
    return;
  }
  switch (kind) {
    case 'CLAIM#':
      return migrateClaimPartition(state, items);
    case 'shipment':
      return migrateShipmentPartition(state, items);
    case 'order':
      return sink.putAll(items.map(migrateOrder));
    case 'APIKEY#':
      return sink.putAll(items.map((item) => migrateApiKey(item, state.shards)));
    case 'DESKKEY#':
      return migrateSessions(state, items);
    case 'IDEM#':
      return collectOldKeyRecords(state, items);
    case 'COUNTS#':
    case 'AGG#':
      return skip(report, 'derived', pk, items.length);
    default:
      for (const item of items) skip(report, 'unknown', `${pk} ${item.sk?.S ?? ''}`);
  }
}

/**
 * A claim partition (again, with `redo`: one met twice, or one whose first answer an older
 * version's record gave later: the evidence slots its body now holds are cleared of what an
 * earlier pass may have written there).
 * @example await migrateClaimPartition(state, await partitionOf(client, from, 'CLAIM#clm_1'), true)
 */
export async function migrateClaimPartition(
  state: RunState,
  items: readonly Item[],
  redo = false,
): Promise<void> {
  const pk = items[0]?.pk?.S ?? '';
  const claimId = decodeURIComponent(pk.slice('CLAIM#'.length));
  const migrated = await migrateClaim(items, {
    shards: state.shards,
    nowSeconds: state.nowSeconds,
    firstAnswer: state.firstAnswers.get(claimId),
  });
  if (migrated === undefined) return skip(state.report, 'headlessClaim', pk, items.length);
  await state.sink.putAll(migrated.items);
  if (redo) await clearFiledSlots(state, migrated);
  remember(state, migrated);
}

async function clearFiledSlots(state: RunState, migrated: MigratedClaim): Promise<void> {
  const { claim } = migrated;
  const filed = migrated.items.find((entry) => entry.kind === 'CLAIM_BODY')?.item.filedEvidence?.N;
  for (let n = 1; n <= Number(filed ?? 0); n++) {
    await state.sink.delete(evidenceKey(claim.id, n));
  }
}

function remember(state: RunState, migrated: MigratedClaim): void {
  const { report } = state;
  const { claim } = migrated;
  if (!state.claims.has(claim.id)) report.claims.migrated++;
  state.claims.add(claim.id);
  // Counted once, whenever it is known (a first answer kept apart may come after the claim).
  if (migrated.bodyFromFirstAnswer && !state.firstAnswerBodies.has(claim.id)) {
    state.firstAnswerBodies.add(claim.id);
    report.claims.bodiesFromFirstAnswer++;
  }
  const pk = claimPartition(claim.id);
  for (const sk of migrated.leftovers) skip(report, 'evidenceLeftover', `${pk} ${sk}`);
  for (const sk of migrated.unknown) skip(report, 'unknown', `${pk} ${sk}`);
  report.warnings.push(...migrated.warnings);
  if (migrated.keyRecord !== undefined) keepKeyRecord(state, migrated.keyRecord);
  if (migrated.guard !== undefined) {
    state.openClaims.add(claim.id);
    const item = openClaimItem(claim, migrated.guard.subject);
    const key = keyText(item);
    const other = state.open.get(key);
    if (other === undefined || claim.createdAt < other.createdAt) {
      state.open.set(key, { claimId: claim.id, createdAt: claim.createdAt, item });
    }
  }
}

function keepKeyRecord(state: RunState, record: KeyRecord): void {
  const key = keyText(record.item);
  const kept = state.keyRecords.get(key);
  if (kept === undefined || record.expiresAt > kept.expiresAt) state.keyRecords.set(key, record);
}

async function migrateShipmentPartition(state: RunState, items: readonly Item[]): Promise<void> {
  const pk = items[0]?.pk?.S ?? '';
  const migrated = await migrateShipment(items, { shards: state.shards, today: state.today });
  await state.sink.putAll(migrated.items);
  for (const sk of migrated.orphans) skip(state.report, 'orphanMessage', `${pk} ${sk}`);
  for (const id of migrated.duplicates) skip(state.report, 'duplicateEvent', `${pk} ${id}`);
  for (const sk of migrated.unknown) skip(state.report, 'unknown', `${pk} ${sk}`);
  state.report.warnings.push(...migrated.warnings);
}

/** An API key's record, listed in the new sharded view (gsi5) instead of the old `all` index. */
function migrateApiKey(item: Item, shards: number): Labeled {
  const keyId = item.keyId?.S ?? '';
  const listing = indexKeys(
    'gsi5',
    API_KEY_VIEW.clerk(shardOf(keyId, shards)),
    `${item.createdAt?.S ?? ''}#${keyId}`,
  );
  return { kind: 'APIKEY', item: { ...withoutLegacyIndexes(item), ...listing } };
}

/** Desk sessions keep their expiry (the TTL); those already expired are not carried over. */
async function migrateSessions(state: RunState, items: readonly Item[]): Promise<void> {
  for (const item of items) {
    const live = Number(item[TTL_ATTRIBUTE]?.N ?? 0) > state.nowSeconds;
    if (live) await state.sink.put({ kind: 'DESKSESSION', item: withoutLegacyIndexes(item) });
    else skip(state.report, 'expiredSession', `${item.pk?.S ?? ''} ${item.sk?.S ?? ''}`);
  }
}

/** An older version's IDEM# item: still in its window, its record and first answer are kept. */
function collectOldKeyRecords(state: RunState, items: readonly Item[]): void {
  for (const item of items) {
    const where = `${item.pk?.S ?? ''} ${item.sk?.S ?? ''}`;
    const old = legacyIdemItem(item);
    if (old === undefined) {
      skip(state.report, 'unknown', where);
      continue;
    }
    if (old.expiresAt < state.nowSeconds) {
      skip(state.report, 'expiredKey', where);
      continue;
    }
    state.firstAnswers.set(old.claimId, old.response);
    keepKeyRecord(state, {
      expiresAt: old.expiresAt,
      item: keyRecordItem(old.shopId, old.key, old),
    });
  }
}
