/**
 * Choosing the index for a claim listing: the first index (in the priority
 * order of `INDEXES`, most selective first) whose key the filter provides;
 * every other filter becomes a FilterExpression on that Query.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { ClaimFilter } from '../repository';
import { searchPrefix } from '../claim-search';
import { INDEX_PARTITIONS, INDEXES, type IndexName } from '../table';
import { ASSIGNEE_ATTRIBUTE, SEARCH_INDEX } from './search-keys';

export interface QueryPlan {
  index: IndexName;
  /** The index partition value to query. */
  partition: string;
  /** Overdue only: an upper bound (exclusive) on the index sort key. */
  sortBelow?: string;
  /** Search only: what every sort key read starts with. */
  sortPrefix?: string;
  /** Whether a FilterExpression drops some of the items read. */
  filtered: boolean;
  /** Read the index's sort key ascending (the filter's `ascending`); default descending. */
  ascending: boolean;
  expression: {
    KeyConditionExpression: string;
    FilterExpression?: string;
    ExpressionAttributeNames: Record<string, string>;
    ExpressionAttributeValues: Record<string, AttributeValue>;
  };
}

type Dimension =
  'waybill' | 'overdueAsOf' | 'unacknowledgedAsOf' | 'shopId' | 'status' | 'carrier' | 'type';
type Present = Required<Pick<ClaimFilter, Dimension>>;

/**
 * In `INDEXES` order: with a shop in the filter, one of the shop's own indexes always
 * matches first (`byShop` needs nothing else), so a shop's listing never reads another's items.
 */
const CHOICES: { index: IndexName; uses: Dimension[] }[] = [
  // The unacknowledged queue is only in its own indexes: they come first.
  { index: 'shopUnacknowledged', uses: ['shopId', 'unacknowledgedAsOf'] },
  { index: 'byShopWaybill', uses: ['shopId', 'waybill'] },
  { index: 'shopOverdue', uses: ['shopId', 'overdueAsOf'] },
  { index: 'byShopStatus', uses: ['shopId', 'status'] },
  { index: 'byShop', uses: ['shopId'] },
  { index: 'unacknowledged', uses: ['unacknowledgedAsOf'] },
  { index: 'byWaybill', uses: ['waybill'] },
  { index: 'overdue', uses: ['overdueAsOf'] },
  { index: 'byStatus', uses: ['status'] },
  { index: 'byCarrier', uses: ['carrier'] },
  { index: 'byType', uses: ['type'] },
  { index: 'all', uses: [] },
];
const BY_DUE_DATE: ReadonlySet<IndexName> = new Set(['overdue', 'shopOverdue']);
const BY_ACKNOWLEDGE_DATE: ReadonlySet<IndexName> = new Set([
  'unacknowledged',
  'shopUnacknowledged',
]);
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * @example
 * planQuery({ shopId: 'shop-1', carrier: 'dpd' }).index; // 'byShop' (carrier as a filter)
 * planQuery({ shopId: 'shop-1', waybill: 'W1' }).index; // 'byShopWaybill', never the clerk-wide 'byWaybill'
 */
export function planQuery(filter: ClaimFilter): QueryPlan {
  for (const [name, value] of Object.entries(filter)) {
    // An empty filter must not silently widen a listing (an empty shopId would list every shop).
    if (value === '') throw new RangeError(`filter ${name} must not be empty`);
  }
  if (filter.overdueAsOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(filter.overdueAsOf)) {
    throw new RangeError('overdueAsOf must be a YYYY-MM-DD date');
  }
  const ackAsOf = filter.unacknowledgedAsOf;
  if (ackAsOf !== undefined && !ISO_INSTANT.test(ackAsOf)) {
    throw new RangeError('unacknowledgedAsOf must be an ISO instant like 2025-01-31T10:00:00.000Z');
  }
  const has = (d: Dimension) => filter[d] !== undefined;
  const searched = filter.search && SEARCH_INDEX[filter.search.field];
  const choice = searched
    ? { index: searched, uses: [] }
    : (CHOICES.find((c) => c.uses.every(has)) ?? CHOICES[CHOICES.length - 1]!);
  const index = INDEXES[choice.index];
  const names: Record<string, string> = { '#pk': index.pk };
  const partition: (f: Present) => string = INDEX_PARTITIONS[choice.index];
  const values: Record<string, AttributeValue> = { ':pk': { S: partition(filter as Present) } };
  const byDueDate = BY_DUE_DATE.has(choice.index);
  const byAcknowledgeDate = BY_ACKNOWLEDGE_DATE.has(choice.index);
  const sortBelow = byDueDate ? filter.overdueAsOf : byAcknowledgeDate ? ackAsOf : undefined;
  let keyCondition = '#pk = :pk';
  if (sortBelow !== undefined) {
    keyCondition += ' AND #sk < :below';
    names['#sk'] = index.sk;
    values[':below'] = { S: sortBelow };
  }
  const prefix = filter.search && searchPrefix(filter.search);
  if (prefix !== undefined) {
    if (prefix === '') throw new RangeError(`search ${filter.search!.field} must not be empty`);
    keyCondition += ' AND begins_with(#sk, :prefix)';
    names['#sk'] = index.sk;
    values[':prefix'] = { S: prefix };
  }
  const terms: string[] = [];
  if (filter.assigneeId !== undefined) {
    names['#assignee'] = ASSIGNEE_ATTRIBUTE;
    values[':assignee'] = { S: filter.assigneeId };
    terms.push('#assignee = :assignee');
  }
  for (const dimension of ['shopId', 'status', 'type', 'carrier', 'waybill'] as const) {
    const value = filter[dimension];
    if (value === undefined || choice.uses.includes(dimension)) continue;
    names[`#${dimension}`] = dimension;
    values[`:${dimension}`] = { S: value };
    terms.push(`#${dimension} = :${dimension}`);
  }
  if (filter.overdueAsOf !== undefined && !byDueDate) {
    // Same meaning as the overdue index: due before the date and not settled (still in it).
    names['#answerDueBy'] = 'answerDueBy';
    names['#open'] = INDEXES.overdue.pk;
    values[':asOf'] = { S: filter.overdueAsOf };
    terms.push('#answerDueBy < :asOf AND attribute_exists(#open)');
  }
  return {
    index: choice.index,
    partition: values[':pk']!.S!,
    ...(sortBelow !== undefined ? { sortBelow } : {}),
    ...(prefix === undefined ? {} : { sortPrefix: prefix }),
    filtered: terms.length > 0,
    ascending: filter.ascending === true,
    expression: {
      KeyConditionExpression: keyCondition,
      ...(terms.length > 0 ? { FilterExpression: terms.join(' AND ') } : {}),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}
