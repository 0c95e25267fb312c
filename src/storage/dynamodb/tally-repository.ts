/**
 * The claim-change consumer's writes (src/services/claim-changes.ts): a claim's tally, the
 * counters, its unacknowledged-queue entry and its search entries; and the cron's pending
 * changes and rolling sweep (./claim-sweep.ts).
 *
 * Converging is ONE TransactWriteItems: Put TALLY (conditioned on the revision read) + ADD
 * the differences to the shop's and the shard's status counters and day counters + the
 * ACKDUE put (with a ConditionCheck that the `ack` is not recorded) or delete. Idempotent:
 * converging twice to the same target finds nothing to write the second time. Order-free:
 * the target is the claim as read after the tally, so whichever consumer writes last wrote
 * from the latest claim, and one that read a tally another has since moved writes nothing
 * (`stale`: it reads again).
 */
import { PutItemCommand, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { figureCounters, type Counters } from '../../domain/analytics';
import type { Claim, ClaimStatus } from '../../domain/claim';
import type {
  ClaimContribution,
  ClaimTally,
  ClaimTarget,
  ConvergeOutcome,
  PendingChange,
  SweepPage,
  TallyRepository,
} from '../figures-repository';
import { dayCounterUpdate, statusCountUpdate, type FigureScope } from './aggregates';
import { batchGetItems } from './batch-get';
import { ClaimSweep } from './claim-sweep';
import { guarded } from './errors';
import {
  ackDueKey,
  CLAIM_SK,
  claimMessageKey,
  searchClaimantKey,
  searchReferenceKey,
  shardOf,
  tallyKey,
} from './keys';
import { searchItems } from './search-keys';
import { tableContext, type DynamoTable, type TableContext } from './table-context';
import { countedOf, tallyItem } from './tally-items';
import { transact } from './transact';
import { ackDueItem, ackDueSort } from './unacknowledged';

/** The message whose recording acknowledges a claim. */
const ACKNOWLEDGEMENT = 'ack';

/**
 * @example
 * const tallies = new DynamoTallyRepository({ client, tableName: 'parcel-claims', viewShards: 4 });
 * const tally = await tallies.read('clm_1');
 */
export class DynamoTallyRepository implements TallyRepository {
  private readonly ctx: TableContext;
  private readonly sweeps: ClaimSweep;

  constructor(table: DynamoTable) {
    this.ctx = tableContext(table);
    this.sweeps = new ClaimSweep(this.ctx);
  }

  async read(claimId: string): Promise<ClaimTally> {
    const keys = [tallyKey, ackDueKey, searchClaimantKey, searchReferenceKey].map((k) =>
      k(claimId),
    );
    const items = await batchGetItems(this.ctx.client, this.ctx.table, keys, true);
    const bySk = new Map(items.map((item) => [item.sk?.S, item]));
    const tally = bySk.get(CLAIM_SK.tally);
    const counted = countedOf(tally);
    const rev = tally?.rev?.N;
    const shard = tally?.shard?.N;
    const ackDue = bySk.get(CLAIM_SK.ackDue)?.gsi3sk?.S;
    return {
      claimId,
      ...(rev === undefined ? {} : { rev: Number(rev) }),
      ...(counted === undefined ? {} : { counted }),
      ...(shard === undefined ? {} : { shard: Number(shard) }),
      ...(ackDue === undefined ? {} : { ackDue }),
      search: {
        claimant: bySk.has(CLAIM_SK.searchClaimant),
        reference: bySk.has(CLAIM_SK.searchReference),
      },
    };
  }

  async converge(tally: ClaimTally, target: ClaimTarget, at: string): Promise<ConvergeOutcome> {
    const { claimId } = tally;
    const shard = this.shardOf(tally);
    const items = figureMoves(tally.counted, target.contribution, shard).map((move) =>
      'moves' in move
        ? statusCountUpdate(this.ctx.table, move.scope, move.moves, at)
        : dayCounterUpdate(this.ctx.table, move.scope, move.day, move.counters, at),
    );
    const wanted = target.ackDue && target.claim ? ackDueSort(target.claim) : undefined;
    if (wanted !== tally.ackDue)
      items.push(...this.ackDueWrites(claimId, target.claim, wanted, shard));
    if (items.length === 0) return 'unchanged';
    const rev = (tally.rev ?? 0) + 1;
    items.unshift({
      Put: {
        TableName: this.ctx.table,
        Item: tallyItem(claimId, rev, shard, target.contribution, at),
        ...(tally.rev === undefined
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : {
              ConditionExpression: 'rev = :rev',
              ExpressionAttributeValues: { ':rev': { N: String(tally.rev) } },
            }),
      },
    });
    const outcome = await transact(this.ctx.client, items);
    return outcome.committed ? 'written' : 'stale';
  }

  /** Listing the claim (unless its `ack` is recorded by then), or taking it off the queue. */
  private ackDueWrites(
    claimId: string,
    claim: Claim | undefined,
    sort: string | undefined,
    shard: number,
  ): TransactWriteItem[] {
    if (sort === undefined || claim === undefined) {
      return [{ Delete: { TableName: this.ctx.table, Key: ackDueKey(claimId) } }];
    }
    return [
      { Put: { TableName: this.ctx.table, Item: ackDueItem(claim, sort, shard) } },
      {
        ConditionCheck: {
          TableName: this.ctx.table,
          Key: claimMessageKey(claimId, ACKNOWLEDGEMENT),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ];
  }

  async writeSearch(tally: ClaimTally, claim: Claim): Promise<void> {
    const items = searchItems(claim, this.shardOf(tally));
    const missing = [
      ...(tally.search.claimant ? [] : [items.claimant]),
      ...(tally.search.reference ? [] : [items.reference]),
    ];
    // Plain puts, not in the transaction (which would double their index writes): the
    // same claim always gives the same items, so a repeated put changes nothing.
    await Promise.all(
      missing.map((item) =>
        guarded(
          this.ctx.client.send(new PutItemCommand({ TableName: this.ctx.table, Item: item })),
        ),
      ),
    );
  }

  markPending(claimId: string, at: string): Promise<void> {
    return this.sweeps.markPending(claimId, at);
  }

  pending(limit: number): Promise<PendingChange[]> {
    return this.sweeps.pending(limit);
  }

  clearPending(change: PendingChange): Promise<void> {
    return this.sweeps.clearPending(change);
  }

  sweep(from: string | undefined, limit: number): Promise<SweepPage> {
    return this.sweeps.sweep(from, limit);
  }

  sweepCursor(): Promise<{ next?: string; rounds: number }> {
    return this.sweeps.cursor();
  }

  saveSweepCursor(cursor: { next?: string | undefined; rounds: number }, at: string) {
    return this.sweeps.saveCursor(cursor, at);
  }

  /** The claim's shard of every shop's figures: where it was counted, else by its id. */
  private shardOf(tally: ClaimTally): number {
    return tally.shard ?? shardOf(tally.claimId, this.ctx.shards);
  }
}

type FigureMove =
  | { scope: FigureScope; moves: Map<ClaimStatus, number> }
  | { scope: FigureScope; day: string; counters: Counters };

/**
 * The counter updates that take the counters from `before` (what the tally says was
 * counted) to `after`: -1/+1 on the statuses, the difference of the figures on the day, for
 * the shop and for the claim's shard of every shop. None for what does not move.
 *
 * @example figureMoves(undefined, contribution, 2) // filing: +1 submitted, its figures, for the shop and shard 2
 */
export function figureMoves(
  before: ClaimContribution | undefined,
  after: ClaimContribution | undefined,
  shard: number,
): FigureMove[] {
  const counts = new Map<string, { scope: FigureScope; moves: Map<ClaimStatus, number> }>();
  const days = new Map<string, { scope: FigureScope; day: string; counters: Counters }>();
  const add = (contribution: ClaimContribution | undefined, sign: 1 | -1) => {
    if (contribution === undefined) return;
    const counters = figureCounters(contribution.figures);
    const { day } = contribution.figures;
    for (const scope of [{ shopId: contribution.shopId }, { shard }]) {
      const name = 'shopId' in scope ? `shop:${scope.shopId}` : `shard:${scope.shard}`;
      const count = counts.get(name) ?? { scope, moves: new Map() };
      counts.set(name, count);
      count.moves.set(contribution.status, (count.moves.get(contribution.status) ?? 0) + sign);
      const bucket = days.get(`${name}@${day}`) ?? { scope, day, counters: new Map() };
      days.set(`${name}@${day}`, bucket);
      for (const [counter, value] of counters) {
        const sum = (bucket.counters.get(counter) ?? value.times(0)).plus(value.times(sign));
        bucket.counters.set(counter, sum);
      }
    }
  };
  add(before, -1);
  add(after, 1);
  const moves: FigureMove[] = [];
  for (const count of counts.values()) {
    for (const [status, n] of count.moves) if (n === 0) count.moves.delete(status);
    if (count.moves.size > 0) moves.push(count);
  }
  for (const bucket of days.values()) {
    for (const [counter, value] of bucket.counters) {
      if (value.eq(0)) bucket.counters.delete(counter);
    }
    if (bucket.counters.size > 0) moves.push(bucket);
  }
  return moves;
}
