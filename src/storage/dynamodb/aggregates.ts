/**
 * The counter items, moved only by the claim-change consumer (./tally-repository.ts), never
 * by a request, in the same transaction as the claim's tally (what it has counted of the
 * claim), so a counter never misses nor invents a claim:
 *   COUNTS  pk COUNTS#SHOP#<shop> | COUNTS#ALL#<shard>               sk COUNTS
 *           one number per status, and `unacknowledged`: claims waiting for their
 *           customer's acknowledgement (the desk's navigation shows it)
 *   AGG     pk AGG#SHOP#<shop>#<yyyy-mm> | AGG#ALL#<shard>#<yyyy-mm>  sk <yyyy-mm-dd>
 *           one number per counter (`count#carrier#cdek`, `paid#RUB#cause#warehouse`, …, see
 *           src/domain/analytics/figures.ts), money in integer minor units
 * Every shop's figures are write-sharded by claim (`shardOf(claimId)`): the consumers of
 * many claims at once spread over the shards instead of queueing on one item (a reader sums
 * the shards). No request writes any of them (issue 18). Each
 * item carries `updatedAt` (the consumer's clock: the answers' "as of") and `seq`, moved by
 * every write, which lets `npm run rebuild-aggregates` correct an item without losing a
 * write that lands meanwhile. Values change by ADD only.
 */
import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { Counters } from '../../domain/analytics';
import type { ClaimStatus } from '../../domain/claim';
import type { Item } from './codec';
import { aggregatePartition, statusCountsKey } from './keys';

/** Marks the items, as every item of the table says what it is in `entity`. */
export const AGGREGATE_ENTITY = 'AGG';
export const COUNTS_ENTITY = 'COUNTS';
/** The attributes of a counter item that are not counters. */
export const COUNTER_ITEM_ATTRIBUTES: ReadonlySet<string> = new Set([
  'pk',
  'sk',
  'entity',
  'updatedAt',
  'seq',
]);

/** Whose counters: one shop's, or one shard of every shop's. */
export type FigureScope = { shopId: string } | { shard: number };

/** The counter of the COUNTS item beside the statuses: claims waiting for their acknowledgement. */
export const UNACKNOWLEDGED_COUNT = 'unacknowledged';
/** What a COUNTS item counts: each status, and the claims waiting for their acknowledgement. */
export type CountName = ClaimStatus | typeof UNACKNOWLEDGED_COUNT;

/**
 * The key of a scope's counters of a day.
 * @example dayKey({ shard: 1 }, '2026-11-02') // { pk: { S: 'AGG#ALL#1#2026-11' }, sk: { S: '2026-11-02' } }
 */
export const dayKey = (scope: FigureScope, day: string): Item => ({
  pk: { S: aggregatePartition(scope, day.slice(0, 7)) },
  sk: { S: day },
});

/** ADD of every value of `adds` to the item at `key` (created by its first ADD). */
function addItem(
  table: string,
  key: Item,
  entity: string,
  adds: Iterable<[string, string]>,
  at: string,
): TransactWriteItem {
  const names: Record<string, string> = { '#entity': 'entity', '#at': 'updatedAt', '#seq': 'seq' };
  const values: Item = { ':entity': { S: entity }, ':at': { S: at }, ':one': { N: '1' } };
  const clauses = ['#seq :one'];
  let i = 0;
  for (const [name, value] of adds) {
    names[`#c${i}`] = name;
    values[`:c${i}`] = { N: value };
    clauses.push(`#c${i} :c${i}`);
    i++;
  }
  return {
    Update: {
      TableName: table,
      Key: key,
      UpdateExpression: `SET #entity = :entity, #at = :at ADD ${clauses.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/**
 * The update of a scope's status counters by `moves` (status, or `unacknowledged` → +n / -n).
 * @example statusCountUpdate(table, { shopId: 's' }, new Map([['submitted', -1], ['in_review', 1]]), at)
 */
export function statusCountUpdate(
  table: string,
  scope: FigureScope,
  moves: ReadonlyMap<CountName, number>,
  at: string,
): TransactWriteItem {
  const adds = [...moves].map(([status, n]): [string, string] => [status, String(n)]);
  return addItem(table, statusCountsKey(scope), COUNTS_ENTITY, adds, at);
}

/**
 * The update of a scope's counters of a day by `counters` (differences, integer).
 * @example dayCounterUpdate(table, { shard: 2 }, '2026-11-02', new Map([['count#all#all', Big(1)]]), at)
 */
export function dayCounterUpdate(
  table: string,
  scope: FigureScope,
  day: string,
  counters: Counters,
  at: string,
): TransactWriteItem {
  const adds = [...counters].map(([name, value]): [string, string] => [name, value.toFixed(0)]);
  return addItem(table, dayKey(scope, day), AGGREGATE_ENTITY, adds, at);
}
