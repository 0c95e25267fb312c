/**
 * AnalyticsRepository on DynamoDB: the day items of ./aggregates.ts, one Query per month of
 * the range for a shop, per month and shard for every shop (in parallel, the shards' days
 * summed), never a claim. Answers as of the latest `updatedAt` read.
 */
import Big from 'big.js';
import {
  monthsBetween,
  parseCounter,
  type Counters,
  type DayFigures,
} from '../../domain/analytics';
import type { AnalyticsRepository, AsOf } from '../figures-repository';
import { COUNTER_ITEM_ATTRIBUTES, type FigureScope } from './aggregates';
import type { Item } from './codec';
import { aggregatePartition } from './keys';
import { queryAll } from './read';
import { latest } from './status-counts';
import { allShards, tableContext, type DynamoTable, type TableContext } from './table-context';

/**
 * @example
 * const analytics = new DynamoAnalyticsRepository({ client, tableName: 'parcel-claims' });
 * const { days, asOf } = await analytics.days('ALL', '2026-12-01', '2026-12-31');
 */
export class DynamoAnalyticsRepository implements AnalyticsRepository {
  private readonly ctx: TableContext;

  constructor(table: DynamoTable) {
    this.ctx = tableContext(table);
  }

  async days(
    scope: { shopId: string } | 'ALL',
    from: string,
    to: string,
  ): Promise<{ days: DayFigures[] } & AsOf> {
    const scopes: FigureScope[] =
      scope === 'ALL' ? allShards(this.ctx.shards).map((shard) => ({ shard })) : [scope];
    const reads = monthsBetween(from, to).flatMap((month) =>
      scopes.map((s) => aggregatePartition(s, month)),
    );
    const pages = await Promise.all(
      reads.map((pk) =>
        queryAll(this.ctx.client, {
          TableName: this.ctx.table,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': { S: pk }, ':from': { S: from }, ':to': { S: to } },
          // Figures a moment old are fine for a report: the cheaper, eventually consistent read.
          ConsistentRead: false,
        }),
      ),
    );
    const items = pages.flat();
    const days = sumByDay(items);
    const asOf = latest(items.map((item) => item.updatedAt?.S));
    return asOf === undefined ? { days } : { days, asOf };
  }
}

/** The items' counters, the shards of a day added up, days in order. */
function sumByDay(items: readonly Item[]): DayFigures[] {
  const byDay = new Map<string, Counters>();
  for (const item of items) {
    const day = item.sk?.S ?? '';
    const counters = byDay.get(day) ?? new Map<string, Big>();
    byDay.set(day, counters);
    for (const [name, value] of Object.entries(item)) {
      if (COUNTER_ITEM_ATTRIBUTES.has(name) || value.N === undefined) continue;
      if (parseCounter(name) === undefined) continue;
      counters.set(name, (counters.get(name) ?? new Big(0)).plus(value.N));
    }
  }
  return [...byDay.keys()].sort().map((day) => ({ day, counters: byDay.get(day)! }));
}
