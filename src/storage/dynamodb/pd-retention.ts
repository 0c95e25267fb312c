/**
 * Retention entries: one small item beside each settled record (`RETAIN` in the claim's or
 * the order's partition) carrying gsi5 keys `RETAIN#<shard>` / `<due day>#<shop>#<kind>#<id>`.
 * Sparse (only settled records have one), sharded (no constant partition key), KEYS_ONLY: the
 * daily cron reads each shard from its oldest entry up to today, so it finds what is due
 * without a scan, and an erased record's entry is deleted in the erasure's own transaction.
 */
import { DeleteItemCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import type { RetentionEntry, SubjectRecord } from '../personal-data-repository';
import { guarded, toStorageError } from './errors';
import { indexKeys } from './keys';
import { parseRetentionSort, RETENTION_SHARDS, RETENTION_VIEW, retentionKey } from './pd-keys';
import type { TableContext } from './table-context';
import { allShards } from './table-context';

/** @example const retention = new RetentionEntries(ctx); await retention.due('2028-03-01', 100); */
export class RetentionEntries {
  constructor(private readonly ctx: TableContext) {}

  /** Writes the entry (a put: moving it to another day rewrites its index key). */
  async schedule(entry: RetentionEntry): Promise<void> {
    const { shopId, record, dueDay } = entry;
    try {
      await this.ctx.client.send(
        new PutItemCommand({
          TableName: this.ctx.table,
          Item: {
            ...retentionKey(shopId, record),
            entity: { S: 'PD_RETENTION' },
            ...indexKeys(
              RETENTION_VIEW.index,
              RETENTION_VIEW.clerk(RETENTION_VIEW.shardOf(record)),
              RETENTION_VIEW.sort(dueDay, shopId, record),
            ),
          },
        }),
      );
    } catch (error) {
      throw toStorageError(error, { write: true });
    }
  }

  async due(today: string, limit: number): Promise<RetentionEntry[]> {
    const perShard = await Promise.all(
      allShards(RETENTION_SHARDS).map((shard) =>
        guarded(
          this.ctx.client.send(
            new QueryCommand({
              TableName: this.ctx.table,
              IndexName: RETENTION_VIEW.index,
              // `~` sorts after every `#…` that follows the day: the whole of today is due.
              KeyConditionExpression: 'gsi5pk = :pk AND gsi5sk <= :to',
              ExpressionAttributeValues: {
                ':pk': { S: RETENTION_VIEW.clerk(shard) },
                ':to': { S: `${today}~` },
              },
              Limit: limit,
            }),
          ),
        ),
      ),
    );
    const entries = perShard.flatMap((answer) =>
      (answer.Items ?? []).flatMap((item) => {
        const parsed = parseRetentionSort(item.gsi5sk?.S ?? '');
        return parsed === undefined ? [] : [parsed];
      }),
    );
    return entries.sort((a, b) => a.dueDay.localeCompare(b.dueDay)).slice(0, limit);
  }

  async clear(shopId: string, record: SubjectRecord): Promise<void> {
    try {
      await this.ctx.client.send(
        new DeleteItemCommand({ TableName: this.ctx.table, Key: retentionKey(shopId, record) }),
      );
    } catch (error) {
      throw toStorageError(error, { write: true });
    }
  }
}
