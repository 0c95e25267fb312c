/**
 * Listing claims: one Query on the planned index, newest first (or, with
 * `ascending`, the other way), continued internally until the page is full, so a
 * filtered page is not half empty. Only claim items are in the indexes: a listed claim
 * carries its evidence count, not its entries (those are items of their own; `get` reads them).
 */
import { QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ClaimFilter, ClaimSummary, Page, PageRequest } from '../repository';
import type { Item } from './codec';
import { decodeCursor, encodeCursor } from './cursor';
import { guarded } from './errors';
import { itemToClaimSummary } from './items';
import { planQuery } from './list-plan';

/**
 * Queries per page at most: a Worker has a subrequest budget, and a very
 * selective filter on a big index must not read it all in one request. When
 * reached, the page may be short but carries a cursor to go on.
 */
const MAX_QUERIES_PER_PAGE = 10;
/** The largest `limit` accepted (the HTTP layer may cap lower). */
export const MAX_PAGE_SIZE = 1000;

/**
 * @example
 * const { items, nextCursor } = await listClaims(client, 'parcel-claims', secret, { shopId: 's1' }, { limit: 25, caller: 'key-1' });
 */
export async function listClaims(
  client: DynamoDBClient,
  table: string,
  cursorSecret: string,
  filter: ClaimFilter,
  page: PageRequest,
): Promise<Page<ClaimSummary>> {
  if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_PAGE_SIZE) {
    throw new RangeError(`limit must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  const plan = planQuery(filter);
  const binding = { secret: cursorSecret, caller: page.caller, filter };
  let startKey =
    page.cursor === undefined ? undefined : await decodeCursor(page.cursor, plan, binding);
  const found: Item[] = [];
  for (let queries = 0; queries < MAX_QUERIES_PER_PAGE; queries++) {
    // One item beyond the page tells whether a next page exists.
    const wanted = page.limit + 1 - found.length;
    const result = await guarded(
      client.send(
        new QueryCommand({
          TableName: table,
          IndexName: plan.index,
          ...plan.expression,
          ScanIndexForward: plan.ascending,
          // With a filter, read ahead: items dropped by it still count against Limit.
          Limit: plan.filtered ? Math.min(Math.max(wanted * 4, 50), 500) : wanted,
          ExclusiveStartKey: startKey,
        }),
      ),
    );
    found.push(...(result.Items ?? []));
    startKey = result.LastEvaluatedKey;
    if (found.length > page.limit || startKey === undefined) break;
  }
  if (found.length > page.limit) {
    const items = found.slice(0, page.limit);
    return {
      items: items.map(itemToClaimSummary),
      nextCursor: await encodeCursor(plan, items[items.length - 1]!, binding),
    };
  }
  return {
    items: found.map(itemToClaimSummary),
    ...(startKey === undefined ? {} : { nextCursor: await encodeCursor(plan, startKey, binding) }),
  };
}
