/**
 * The analytics counters, written in the same transaction as the claim change that moves
 * them, so a count never misses nor invents a claim. One item per scope (a shop, and
 * every shop: `ALL`) per UTC day:
 *   AGG  pk AGG#shop#<shop>#<yyyy-mm> | AGG#ALL#<yyyy-mm>   sk <yyyy-mm-dd>
 *        one number per counter (`count#carrier#cdek`, `paid#RUB#cause#warehouse`, …, see
 *        src/domain/analytics/figures.ts), money in integer minor units, changed by ADD only
 * A claim's figures live in its filing day's item: every later change adds the difference
 * (ADD needs no read and no condition: the claim's own version lock makes the change happen
 * once). Reading a range is one Query per month, `sk BETWEEN from AND to`: its cost grows
 * with the days in the range, never with the claims in them.
 * Every claim write of a day touches that day's `ALL` item: a hot item, whose concurrent
 * transactions are retried on TransactionConflict (./transact.ts). If filings ever collide
 * there often, shard the sort key (`<day>#<n>`): the Query reads the shards in the same call.
 */
import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import Big from 'big.js';
import {
  claimDelta,
  spread,
  type CounterDelta,
  type CountedAs,
  type Counters,
} from '../../domain/analytics';
import type { Claim } from '../../domain/claim';
import type { CurrencyCode } from '../../domain/money';
import type { Item } from './codec';

/** Marks the items, as every item of the table says what it is in `entity`. */
export const AGGREGATE_ENTITY = 'AGG';

/** Whose counters: one shop's, or every shop's. */
export type AggregateScope = { shopId: string } | 'ALL';

/**
 * The partition of a scope's month.
 * @example aggregatePartition({ shopId: 'shop 1' }, '2026-12') // 'AGG#shop#shop%201#2026-12'
 */
export function aggregatePartition(scope: AggregateScope, month: string): string {
  return scope === 'ALL'
    ? `AGG#ALL#${month}`
    : `AGG#shop#${encodeURIComponent(scope.shopId)}#${month}`;
}

function addItem(table: string, scope: AggregateScope, day: string, counters: Counters) {
  const names: Record<string, string> = { '#entity': 'entity' };
  const values: Item = { ':entity': { S: AGGREGATE_ENTITY } };
  const adds = [...counters].map(([name, value], i) => {
    names[`#c${i}`] = name;
    values[`:c${i}`] = { N: value.toFixed(0) };
    return `#c${i} :c${i}`;
  });
  return {
    Update: {
      TableName: table,
      Key: { pk: { S: aggregatePartition(scope, day.slice(0, 7)) }, sk: { S: day } },
      UpdateExpression: `SET #entity = :entity ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  } satisfies TransactWriteItem;
}

function deltaItems(table: string, delta: CounterDelta | undefined): TransactWriteItem[] {
  if (delta === undefined) return [];
  return [
    addItem(table, { shopId: delta.shopId }, delta.day, delta.counters),
    addItem(table, 'ALL', delta.day, delta.counters),
  ];
}

/**
 * The counter updates of a claim change (filing: `previous` undefined) for the shop and for
 * every shop; none when the change moves no figure (evidence added, a review).
 * @example items.push(...aggregateItems(table, previous, next));
 */
export function aggregateItems(
  table: string,
  previous: Claim | undefined,
  next: Claim,
): TransactWriteItem[] {
  return deltaItems(table, claimDelta(previous, next));
}

/** A remedy given to a claim's customer, as the counters take it. */
export interface RemedyFigures extends CountedAs {
  shopId: string;
  /** The claim's filing day (its `createdAt`'s UTC date), where all its figures are. */
  day: string;
  currency: CurrencyCode;
  /** The remedy's value in integer minor units (kopecks), e.g. '150000' for 1500.00 RUB. */
  givenMinor: string | Big;
}

/**
 * The counter updates of a remedy given (the `given` sums, for the shop and every shop), to
 * write in the remedy's own transaction. A negative `givenMinor` takes one back.
 * @example items.push(...remedyAggregateItems(table, { shopId, carrier, cause, type, day: claim.createdAt.slice(0, 10), currency: 'RUB', givenMinor: '150000' }));
 */
export function remedyAggregateItems(table: string, remedy: RemedyFigures): TransactWriteItem[] {
  const minor = new Big(remedy.givenMinor);
  if (!minor.round(0, Big.roundDown).eq(minor)) {
    throw new RangeError(
      `givenMinor must be a whole number of minor units, not ${minor.toString()}`,
    );
  }
  const sums = [{ metric: 'given', currency: remedy.currency, minor } as const];
  const counters = spread(remedy, 0, sums);
  return deltaItems(table, { shopId: remedy.shopId, day: remedy.day, counters });
}
