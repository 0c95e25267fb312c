/**
 * The webhooks' pass over the unacknowledged queue (issue 23: `claim.acknowledgement_overdue`):
 * the claims past their acknowledgement time, read from the clerk-wide sharded view (gsi4
 * `UNACK#<shard>`, sorted `<acknowledgeBy>#<createdAt>#<id>`), oldest first, from where the
 * last pass stopped. One cursor item (pk `WEBHOOK#ACKOVERDUE`, sk `CURSOR`, written by the
 * cron alone) keeps, per shard, the sort key of the last claim announced (`s<shard>`), so a
 * tick reads only what became overdue since: the queue is sorted by deadline, and a claim
 * enters it when filed, long before its deadline passes.
 */
import { PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import type { OverdueAck } from '../figures-repository';
import type { Item } from './codec';
import { guarded } from './errors';
import { CLAIM_VIEWS } from './keys';
import { readItem } from './read';
import { allShards, type TableContext } from './table-context';
import { INDEXES } from '../table';

const CURSOR_KEY: Item = { pk: { S: 'WEBHOOK#ACKOVERDUE' }, sk: { S: 'CURSOR' } };
const CLAIM_PREFIX = 'CLAIM#';
const VIEW = CLAIM_VIEWS.unacknowledged;
const INDEX = INDEXES[VIEW.indexes[1]];

/** An overdue claim's place: its shard and sort key in the view. */
const placeOf = (shard: number, sort: string) => `${shard} ${sort}`;
const fromPlace = (place: string): [number, string] => {
  const space = place.indexOf(' ');
  return [Number(place.slice(0, space)), place.slice(space + 1)];
};

/** @example await new AckOverdueScan(ctx).overdue('2026-12-07T06:00:00.000Z', 50) */
export class AckOverdueScan {
  constructor(private readonly ctx: TableContext) {}

  /** Up to `limit` claims listed with a deadline before `before`, past the cursor, per shard. */
  async overdue(before: string, limit: number): Promise<OverdueAck[]> {
    const cursor = await readItem(this.ctx.client, this.ctx.table, CURSOR_KEY);
    const found: OverdueAck[] = [];
    for (const shard of allShards(this.ctx.shards)) {
      if (found.length >= limit) break;
      const after = cursor?.[`s${shard}`]?.S;
      found.push(...(await this.shardPage(shard, after, before, limit - found.length)));
    }
    return found;
  }

  private async shardPage(shard: number, after: string | undefined, before: string, limit: number) {
    const found: OverdueAck[] = [];
    let start: Record<string, Item[string]> | undefined;
    do {
      const answer = await guarded(
        this.ctx.client.send(
          new QueryCommand({
            TableName: this.ctx.table,
            IndexName: VIEW.indexes[1],
            KeyConditionExpression: `#pk = :pk AND #sk BETWEEN :after AND :before`,
            ExpressionAttributeNames: { '#pk': INDEX.pk, '#sk': INDEX.sk },
            ExpressionAttributeValues: {
              ':pk': { S: VIEW.clerk(shard) },
              // Inclusive: the cursor's own claim comes back and is skipped below.
              ':after': { S: after ?? '0' },
              ':before': { S: before },
            },
            Limit: limit + 1,
            ExclusiveStartKey: start,
          }),
        ),
      );
      for (const item of answer.Items ?? []) {
        const pk = item.pk?.S;
        const sort = item[INDEX.sk]?.S;
        if (pk === undefined || sort === undefined || sort === after) continue;
        found.push({
          claimId: decodeURIComponent(pk.slice(CLAIM_PREFIX.length)),
          place: placeOf(shard, sort),
        });
        if (found.length === limit) return found;
      }
      start = answer.LastEvaluatedKey;
    } while (start !== undefined);
    return found;
  }

  /** Moves the cursor past `passed` (each shard to the last of its places). */
  async pass(passed: readonly OverdueAck[], at: string): Promise<void> {
    if (passed.length === 0) return;
    const cursor = (await readItem(this.ctx.client, this.ctx.table, CURSOR_KEY)) ?? {};
    const item: Item = {
      ...cursor,
      ...CURSOR_KEY,
      entity: { S: 'ACKOVERDUE' },
      updatedAt: { S: at },
    };
    for (const { place } of passed) {
      const [shard, sort] = fromPlace(place);
      const kept = item[`s${shard}`]?.S;
      if (kept === undefined || sort > kept) item[`s${shard}`] = { S: sort };
    }
    // The cron alone writes it, one tick at a time: a plain put.
    await guarded(
      this.ctx.client.send(new PutItemCommand({ TableName: this.ctx.table, Item: item })),
    );
  }
}
