/**
 * How many claims are in each status, per shop and clerk-wide, kept as counters: the
 * filing or move that changes a claim's status moves them (ADD -1 / +1) in its own
 * transaction, so the queue's tabs are one GetItem, however many claims there are. A
 * change that keeps the status (evidence, an assignment) touches no counter.
 */
import {
  GetItemCommand,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { CLAIM_STATUSES, type Claim, type ClaimStatus } from '../../domain/claim';
import type { StatusCountRepository, StatusCounts } from '../repository';
import type { Item } from './codec';
import { guarded } from './errors';

const part = encodeURIComponent;
/** The counter item of one shop, or of every shop (`undefined`). */
const countsKey = (shopId: string | undefined): Item => ({
  pk: { S: shopId === undefined ? 'COUNTS#ALL' : `COUNTS#SHOP#${part(shopId)}` },
  sk: { S: 'COUNTS' },
});

/**
 * The counter updates of one claim change, for its transaction: none when the status stays.
 * `previous` undefined: a filing.
 *
 * @example items.push(...statusCountItems(table, previous, next));
 */
export function statusCountItems(
  table: string,
  previous: Pick<Claim, 'status'> | undefined,
  next: Pick<Claim, 'status' | 'shopId'>,
): TransactWriteItem[] {
  if (previous?.status === next.status) return [];
  const names: Record<string, string> = { '#to': next.status };
  const values: Item = { ':up': { N: '1' } };
  let expression = 'ADD #to :up';
  if (previous !== undefined) {
    names['#from'] = previous.status;
    values[':down'] = { N: '-1' };
    expression += ', #from :down';
  }
  // Counters, not conditions: each scope's item is created by its first ADD.
  return [next.shopId, undefined].map((scope) => ({
    Update: {
      TableName: table,
      Key: countsKey(scope),
      UpdateExpression: expression,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  }));
}

/**
 * @example
 * const counts = await new DynamoStatusCountRepository({ client, tableName }).counts('demo-shop');
 * counts.submitted; // 3
 */
export class DynamoStatusCountRepository implements StatusCountRepository {
  private readonly client: DynamoDBClient;
  private readonly table: string;

  constructor(options: { client: DynamoDBClient; tableName: string }) {
    this.client = options.client;
    this.table = options.tableName;
  }

  async counts(shopId?: string): Promise<StatusCounts> {
    const { Item: item } = await guarded(
      this.client.send(new GetItemCommand({ TableName: this.table, Key: countsKey(shopId) })),
    );
    const count = (status: ClaimStatus) => Math.max(0, Number(item?.[status]?.N ?? '0'));
    return Object.fromEntries(CLAIM_STATUSES.map((s) => [s, count(s)])) as StatusCounts;
  }
}
