/**
 * Choosing the index for a claim listing: the first index (in the priority
 * order of `INDEXES`, most selective first) whose key the filter provides;
 * every other filter becomes a FilterExpression on that Query.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { ClaimFilter } from '../repository';
import { INDEXES, type IndexName } from '../table';

export interface QueryPlan {
  index: IndexName;
  /** The index partition value to query. */
  partition: string;
  /** Overdue only: an upper bound (exclusive) on the index sort key. */
  sortBelow?: string;
  /** Whether a FilterExpression drops some of the items read. */
  filtered: boolean;
  expression: {
    KeyConditionExpression: string;
    FilterExpression?: string;
    ExpressionAttributeNames: Record<string, string>;
    ExpressionAttributeValues: Record<string, AttributeValue>;
  };
}

type Dimension = 'waybill' | 'overdueAsOf' | 'shopId' | 'status' | 'carrier' | 'type';
type Present = Required<Pick<ClaimFilter, Dimension>>;

const CHOICES: { index: IndexName; uses: Dimension[]; partition: (f: Present) => string }[] = [
  { index: 'byWaybill', uses: ['waybill'], partition: (f) => f.waybill },
  { index: 'overdue', uses: ['overdueAsOf'], partition: () => 'OPEN' },
  {
    index: 'byShopStatus',
    uses: ['shopId', 'status'],
    partition: (f) => `${encodeURIComponent(f.shopId)}#${f.status}`,
  },
  { index: 'byShop', uses: ['shopId'], partition: (f) => f.shopId },
  { index: 'byStatus', uses: ['status'], partition: (f) => f.status },
  { index: 'byCarrier', uses: ['carrier'], partition: (f) => f.carrier },
  { index: 'byType', uses: ['type'], partition: (f) => f.type },
  { index: 'all', uses: [], partition: () => 'CLAIM' },
];

/**
 * @example
 * planQuery({ shopId: 'shop-1', carrier: 'dpd' }).index; // 'byShop' (carrier as a filter)
 */
export function planQuery(filter: ClaimFilter): QueryPlan {
  for (const [name, value] of Object.entries(filter)) {
    // An empty filter must not silently widen a listing (an empty shopId would list every shop).
    if (value === '') throw new RangeError(`filter ${name} must not be empty`);
  }
  if (filter.overdueAsOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(filter.overdueAsOf)) {
    throw new RangeError('overdueAsOf must be a YYYY-MM-DD date');
  }
  const has = (d: Dimension) => filter[d] !== undefined;
  const choice = CHOICES.find((c) => c.uses.every(has)) ?? CHOICES[CHOICES.length - 1]!;
  const index = INDEXES[choice.index];
  const names: Record<string, string> = { '#pk': index.pk };
  const values: Record<string, AttributeValue> = {
    ':pk': { S: choice.partition(filter as Present) },
  };
  let keyCondition = '#pk = :pk';
  if (choice.index === 'overdue') {
    keyCondition += ' AND #sk < :asOf';
    names['#sk'] = index.sk;
    values[':asOf'] = { S: filter.overdueAsOf! };
  }
  const terms: string[] = [];
  for (const dimension of ['shopId', 'status', 'type', 'carrier', 'waybill'] as const) {
    const value = filter[dimension];
    if (value === undefined || choice.uses.includes(dimension)) continue;
    names[`#${dimension}`] = dimension;
    values[`:${dimension}`] = { S: value };
    terms.push(`#${dimension} = :${dimension}`);
  }
  if (filter.overdueAsOf !== undefined && choice.index !== 'overdue') {
    // Same meaning as the overdue index: due before the date and not settled (still in it).
    names['#answerDueBy'] = 'answerDueBy';
    names['#open'] = INDEXES.overdue.pk;
    values[':asOf'] = { S: filter.overdueAsOf };
    terms.push('#answerDueBy < :asOf AND attribute_exists(#open)');
  }
  return {
    index: choice.index,
    partition: values[':pk']!.S!,
    ...(choice.index === 'overdue' ? { sortBelow: filter.overdueAsOf! } : {}),
    filtered: terms.length > 0,
    expression: {
      KeyConditionExpression: keyCondition,
      ...(terms.length > 0 ? { FilterExpression: terms.join(' AND ') } : {}),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}
