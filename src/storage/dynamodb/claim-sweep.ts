/**
 * The cron's two sources of claims to reconcile (src/services/claim-changes.ts):
 * - pending changes: a claim change the queue could not be told about, one item in
 *   `PENDING#<shard>` (sk `<at>#<claimId>`), deleted once reconciled;
 * - the rolling sweep: every claim in turn, a bounded stretch per tick, from a Scan of the
 *   claims' HEAD items whose position is kept in one cursor item (`SWEEP#CLAIMS`), so every
 *   claim is checked again over time whatever was lost on the way.
 * The Scan reads every item of the table to find the heads (it is charged for them): the
 * stretch is bounded by pages as well as claims. Portable to YDB (no parallel segments, at
 * most 100 items a page).
 */
import {
  DeleteItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import type { PendingChange, SweepPage } from '../figures-repository';
import type { Item } from './codec';
import { guarded } from './errors';
import { CLAIM_SK, pendingChangeKey, pendingPartition, sweepCursorKey } from './keys';
import { readItem } from './read';
import { allShards, type TableContext } from './table-context';

const CLAIM_PREFIX = 'CLAIM#';
/** Items a Scan page evaluates (YDB answers at most 100). */
const SCAN_PAGE = 100;
/** Scan pages one stretch reads at most, however few claims they hold. */
const MAX_SCAN_PAGES = 20;

/** A Scan position as text (the base keys of the last item evaluated), and back. */
const encodeKey = (key: Item): string => JSON.stringify([key.pk?.S ?? '', key.sk?.S ?? '']);
function decodeKey(text: string): Item {
  const [pk, sk] = JSON.parse(text) as [string, string];
  return { pk: { S: pk }, sk: { S: sk } };
}

/** @example new ClaimSweep(tableContext({ client, tableName })).sweep(undefined, 50) */
export class ClaimSweep {
  constructor(private readonly ctx: TableContext) {}

  async markPending(claimId: string, at: string): Promise<void> {
    const item: Item = {
      ...pendingChangeKey(claimId, at, this.ctx.shards),
      entity: { S: 'PENDING' },
      claimId: { S: claimId },
    };
    await guarded(
      this.ctx.client.send(new PutItemCommand({ TableName: this.ctx.table, Item: item })),
    );
  }

  async pending(limit: number): Promise<PendingChange[]> {
    const shards = await Promise.all(
      allShards(this.ctx.shards).map(async (shard) => {
        const result = await guarded(
          this.ctx.client.send(
            new QueryCommand({
              TableName: this.ctx.table,
              KeyConditionExpression: 'pk = :pk',
              ExpressionAttributeValues: { ':pk': { S: pendingPartition(shard) } },
              Limit: limit,
            }),
          ),
        );
        return (result.Items ?? []).flatMap((item): PendingChange[] => {
          const claimId = item.claimId?.S;
          if (claimId === undefined) return [];
          return [{ claimId, marker: encodeKey(item) }];
        });
      }),
    );
    // Round-robin over the shards, so no shard's backlog starves the others.
    const changes: PendingChange[] = [];
    for (let i = 0; changes.length < limit && shards.some((s) => i < s.length); i++) {
      for (const shard of shards) {
        const change = shard[i];
        if (change !== undefined && changes.length < limit) changes.push(change);
      }
    }
    return changes;
  }

  async clearPending(change: PendingChange): Promise<void> {
    await guarded(
      this.ctx.client.send(
        new DeleteItemCommand({ TableName: this.ctx.table, Key: decodeKey(change.marker) }),
      ),
    );
  }

  async sweep(from: string | undefined, limit: number): Promise<SweepPage> {
    const claimIds: string[] = [];
    let startKey = from === undefined ? undefined : decodeKey(from);
    for (let page = 0; page < MAX_SCAN_PAGES && claimIds.length < limit; page++) {
      const result = await guarded(
        this.ctx.client.send(
          new ScanCommand({
            TableName: this.ctx.table,
            FilterExpression: 'sk = :head AND begins_with(pk, :claim)',
            ExpressionAttributeValues: {
              ':head': { S: CLAIM_SK.head },
              ':claim': { S: CLAIM_PREFIX },
            },
            ProjectionExpression: 'pk, sk',
            Limit: SCAN_PAGE,
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      for (const item of result.Items ?? []) {
        const pk = item.pk?.S;
        if (pk === undefined) continue;
        claimIds.push(decodeURIComponent(pk.slice(CLAIM_PREFIX.length)));
        // The stretch is full: the next one starts after this head (any key is a Scan position).
        if (claimIds.length === limit) return { claimIds, next: encodeKey(item) };
      }
      startKey = result.LastEvaluatedKey;
      if (startKey === undefined) return { claimIds };
    }
    return startKey === undefined ? { claimIds } : { claimIds, next: encodeKey(startKey) };
  }

  async cursor(): Promise<{ next?: string; rounds: number }> {
    const item = await readItem(this.ctx.client, this.ctx.table, sweepCursorKey());
    const next = item?.next?.S;
    const rounds = Number(item?.rounds?.N ?? '0');
    return next === undefined ? { rounds } : { next, rounds };
  }

  async saveCursor(cursor: { next?: string | undefined; rounds: number }, at: string) {
    const item: Item = {
      ...sweepCursorKey(),
      entity: { S: 'SWEEP' },
      rounds: { N: String(cursor.rounds) },
      updatedAt: { S: at },
      ...(cursor.next === undefined ? {} : { next: { S: cursor.next } }),
    };
    await guarded(
      this.ctx.client.send(new PutItemCommand({ TableName: this.ctx.table, Item: item })),
    );
  }
}
