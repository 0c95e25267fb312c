/**
 * AnalyticsRepository on DynamoDB: the day items of ./aggregates.ts, read one Query per
 * month of the range (in parallel), never a claim.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import Big from 'big.js';
import { monthsBetween, type Counters, type DayFigures } from '../../domain/analytics';
import type { AnalyticsRepository } from '../repository';
import { aggregatePartition, type AggregateScope } from './aggregates';
import { queryAll } from './read';

const KEYS = new Set(['pk', 'sk', 'entity']);

/**
 * @example
 * const analytics = new DynamoAnalyticsRepository({ client, tableName: 'parcel-claims' });
 * const days = await analytics.days('ALL', '2026-12-01', '2026-12-31');
 */
export class DynamoAnalyticsRepository implements AnalyticsRepository {
  private readonly client: DynamoDBClient;
  private readonly table: string;

  constructor(options: { client: DynamoDBClient; tableName: string }) {
    this.client = options.client;
    this.table = options.tableName;
  }

  async days(scope: AggregateScope, from: string, to: string): Promise<DayFigures[]> {
    const months = monthsBetween(from, to);
    const pages = await Promise.all(
      months.map((month) =>
        queryAll(this.client, {
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': { S: aggregatePartition(scope, month) },
            ':from': { S: from },
            ':to': { S: to },
          },
          // Figures a moment old are fine for a report: the cheaper, eventually consistent read.
          ConsistentRead: false,
        }),
      ),
    );
    return pages.flat().map((item) => {
      const counters: Counters = new Map();
      for (const [name, value] of Object.entries(item)) {
        if (!KEYS.has(name) && value.N !== undefined) counters.set(name, new Big(value.N));
      }
      return { day: item.sk?.S ?? '', counters };
    });
  }
}
