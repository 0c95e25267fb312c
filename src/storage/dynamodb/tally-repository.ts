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
import {
  DeleteItemCommand,
  PutItemCommand,
  type AttributeValue,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { figureCounters, type Counters } from '../../domain/analytics';
import type { Claim } from '../../domain/claim';
import type {
  ClaimContribution,
  ClaimTally,
  ClaimTarget,
  ConvergeOutcome,
  OverdueAck,
  PendingChange,
  SearchOutcome,
  StoredSearchEntry,
  SweepPage,
  TallyRepository,
} from '../figures-repository';
import {
  dayCounterUpdate,
  statusCountUpdate,
  UNACKNOWLEDGED_COUNT,
  type CountName,
  type FigureScope,
} from './aggregates';
import { AckOverdueScan } from './ack-overdue';
import { batchGetItems } from './batch-get';
import { ClaimSweep } from './claim-sweep';
import type { Item } from './codec';
import { errorName, toStorageError } from './errors';
import {
  ackDueKey,
  CLAIM_SK,
  claimMessageKey,
  searchClaimantKey,
  searchReferenceKey,
  shardOf,
  tallyKey,
} from './keys';
import {
  sameSearchEntry,
  SEARCH_ATTRIBUTES,
  SEARCH_KINDS,
  searchEntryOf,
  searchItems,
  searchKeyOf,
  type SearchKind,
} from './search-keys';
import { tableContext, type DynamoTable, type TableContext } from './table-context';
import { announcedOf, countedOf, sameAnnounced, tallyItem } from './tally-items';
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
  private readonly overdue: AckOverdueScan;

  constructor(table: DynamoTable) {
    this.ctx = tableContext(table);
    this.sweeps = new ClaimSweep(this.ctx);
    this.overdue = new AckOverdueScan(this.ctx);
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
    const claimant = bySk.get(CLAIM_SK.searchClaimant);
    const reference = bySk.get(CLAIM_SK.searchReference);
    const announced = announcedOf(tally);
    return {
      claimId,
      ...(rev === undefined ? {} : { rev: Number(rev) }),
      ...(counted === undefined ? {} : { counted }),
      ...(shard === undefined ? {} : { shard: Number(shard) }),
      ...(ackDue === undefined ? {} : { ackDue }),
      ...(announced === undefined ? {} : { announced }),
      search: {
        ...(claimant === undefined ? {} : { claimant: searchEntryOf(claimant) }),
        ...(reference === undefined ? {} : { reference: searchEntryOf(reference) }),
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
    // Announcing moves the tally alone (same condition): what was told is kept with what was counted.
    const announced = target.announced ?? tally.announced;
    if (items.length === 0 && sameAnnounced(announced, tally.announced)) return 'unchanged';
    const rev = (tally.rev ?? 0) + 1;
    items.unshift({
      Put: {
        TableName: this.ctx.table,
        Item: tallyItem(claimId, rev, shard, target.contribution, at, announced),
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

  async writeSearch(tally: ClaimTally, claim: Claim | undefined): Promise<SearchOutcome> {
    const wanted = claim === undefined ? undefined : searchItems(claim, this.shardOf(tally));
    const outcomes = await Promise.all(
      SEARCH_KINDS.map((kind) =>
        this.bringSearch(tally.claimId, kind, tally.search[kind], wanted?.[kind]),
      ),
    );
    if (outcomes.includes('stale')) return 'stale';
    return outcomes.includes('written') ? 'written' : 'unchanged';
  }

  /**
   * One search entry made `wanted` (undefined: none) if it is not already. A plain put or
   * delete, not in the tally's transaction (which would double its index writes),
   * conditioned on the entry being as read: a consumer whose entry another rewrote meanwhile
   * writes nothing and reads again (entry, then claim), so the last write is made from the
   * latest claim, as with the tally (issue 25's erasure will change searched fields). A
   * retried request that had committed fails its condition too: `stale`, and the next read
   * finds the entry right.
   */
  private async bringSearch(
    claimId: string,
    kind: SearchKind,
    stored: StoredSearchEntry | undefined,
    wanted: Item | undefined,
  ): Promise<SearchOutcome> {
    if (sameSearchEntry(stored, wanted && searchEntryOf(wanted))) return 'unchanged';
    const condition = asRead(stored);
    try {
      const { client, table } = this.ctx;
      if (wanted === undefined) {
        const Key = searchKeyOf[kind](claimId);
        await client.send(new DeleteItemCommand({ TableName: table, Key, ...condition }));
      } else {
        await client.send(new PutItemCommand({ TableName: table, Item: wanted, ...condition }));
      }
      return 'written';
    } catch (error) {
      if (errorName(error) === 'ConditionalCheckFailedException') return 'stale';
      throw toStorageError(error, { write: true });
    }
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

  overdueAcks(before: string, limit: number): Promise<OverdueAck[]> {
    return this.overdue.overdue(before, limit);
  }

  passOverdueAcks(passed: readonly OverdueAck[], at: string): Promise<void> {
    return this.overdue.pass(passed, at);
  }

  /** The claim's shard of every shop's figures: where it was counted, else by its id. */
  private shardOf(tally: ClaimTally): number {
    return tally.shard ?? shardOf(tally.claimId, this.ctx.shards);
  }
}

/**
 * The condition that an item is as read: absent, or holding exactly the attributes read
 * (each one read equal, each one not read absent).
 *
 * @example asRead(undefined).ConditionExpression // 'attribute_not_exists(pk)'
 */
function asRead(stored: StoredSearchEntry | undefined): {
  ConditionExpression: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, AttributeValue>;
} {
  if (stored === undefined) return { ConditionExpression: 'attribute_not_exists(pk)' };
  const names: Record<string, string> = {};
  const values: Record<string, AttributeValue> = {};
  const terms = SEARCH_ATTRIBUTES.map((name, i) => {
    names[`#a${i}`] = name;
    const value = stored[name];
    if (value === undefined) return `attribute_not_exists(#a${i})`;
    values[`:a${i}`] = { S: value };
    return `#a${i} = :a${i}`;
  });
  return {
    ConditionExpression: ['attribute_exists(pk)', ...terms].join(' AND '),
    ExpressionAttributeNames: names,
    ...(Object.keys(values).length === 0 ? {} : { ExpressionAttributeValues: values }),
  };
}

type FigureMove =
  | { scope: FigureScope; moves: Map<CountName, number> }
  | { scope: FigureScope; day: string; counters: Counters };

/**
 * The counter updates that take the counters from `before` (what the tally says was
 * counted) to `after`: -1/+1 on the statuses and on the claims waiting for their
 * acknowledgement, the difference of the figures on the day, for the shop and for the
 * claim's shard of every shop. None for what does not move.
 *
 * @example figureMoves(undefined, contribution, 2) // filing: +1 submitted, +1 unacknowledged, its figures, for the shop and shard 2
 */
export function figureMoves(
  before: ClaimContribution | undefined,
  after: ClaimContribution | undefined,
  shard: number,
): FigureMove[] {
  const counts = new Map<string, { scope: FigureScope; moves: Map<CountName, number> }>();
  const days = new Map<string, { scope: FigureScope; day: string; counters: Counters }>();
  const add = (contribution: ClaimContribution | undefined, sign: 1 | -1) => {
    if (contribution === undefined) return;
    const counters = figureCounters(contribution.figures);
    const { day } = contribution.figures;
    for (const scope of [{ shopId: contribution.shopId }, { shard }]) {
      const name = 'shopId' in scope ? `shop:${scope.shopId}` : `shard:${scope.shard}`;
      const count = counts.get(name) ?? { scope, moves: new Map() };
      counts.set(name, count);
      const names: CountName[] = [contribution.status];
      if (contribution.unacknowledged) names.push(UNACKNOWLEDGED_COUNT);
      for (const name of names) count.moves.set(name, (count.moves.get(name) ?? 0) + sign);
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
