/**
 * Listing claims: the filter picks one view (./keys.ts CLAIM_VIEWS): a search reads its
 * field's view; otherwise the unacknowledged queue, a waybill, the overdue (answer date)
 * order, one status, or every status merged, each a shop's own partitions when the filter
 * names a shop (so a shop's listing never reads another shop's items), or every shard of
 * the clerk-wide twin. The index gives keys; the claims are read by key (heads and bodies,
 * strongly consistent) and every filter the view does not apply is applied to them, as is
 * the view's own rule (an entry whose claim has moved on since is dropped), so the answer is
 * the claims as they are now. Pages and cursors: ./views.ts.
 */
import { CLAIM_STATUSES, isFinalStatus, type ClaimStatus } from '../../domain/claim';
import { normalizeCode, searchPrefix, searchValues } from '../claim-search';
import type { ClaimFilter, ClaimSummary, Page, PageRequest } from '../repository';
import { HEAD, joinSummary } from './claim-items';
import { CLAIM_VIEWS, claimBodyKey, claimHeadKey, type ClaimView } from './keys';
import { keyText, readItems } from './read';
import type { TableContext } from './table-context';
import { allShards } from './table-context';
import { readView, type ViewEntry, type ViewPartition, type ViewRange } from './views';

const PURPOSE = 'parcel-claims list cursor v2';
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** What a listing reads: a view's partitions and range, and what an entry's claim must be. */
export interface ClaimListPlan {
  view: ClaimView | 'all';
  partitions: ViewPartition[];
  range: ViewRange;
  ascending: boolean;
  /** The status a claim must be in for its entry in each partition to count (status views). */
  statusOf: Map<string, ClaimStatus>;
}

/** The view's partitions: the shop's, or every shard of the clerk-wide twin. */
function partitionsOf(view: ClaimView, filter: ClaimFilter, shards: number, status?: ClaimStatus) {
  const [shopIndex, clerkIndex] = CLAIM_VIEWS[view].indexes;
  if (filter.shopId !== undefined) {
    const shop = CLAIM_VIEWS[view].shop as (shopId: string, status?: string) => string;
    return [{ index: shopIndex, pk: shop(filter.shopId, status) }];
  }
  const clerk = CLAIM_VIEWS[view].clerk as (...args: (string | number)[]) => string;
  return allShards(shards).map((shard) => ({
    index: clerkIndex,
    pk: status === undefined ? clerk(shard) : clerk(status, shard),
  }));
}

/**
 * @example planClaimList({ shopId: 'shop-1', status: 'submitted' }, 4).partitions // [{ index: 'gsi1', pk: 'SHOP#shop-1#STATUS#submitted' }]
 */
export function planClaimList(filter: ClaimFilter, shards: number): ClaimListPlan {
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
  const ascending = filter.ascending === true;
  const plan = (view: ClaimView, range: ViewRange, status?: ClaimStatus): ClaimListPlan => ({
    view,
    partitions: partitionsOf(view, filter, shards, status),
    range,
    ascending,
    statusOf: new Map(),
  });
  if (filter.search !== undefined) {
    const prefix = searchPrefix(filter.search);
    if (prefix === '') throw new RangeError(`search ${filter.search.field} must not be empty`);
    return plan(filter.search.field, { prefix });
  }
  if (ackAsOf !== undefined) return plan('unacknowledged', { below: ackAsOf });
  if (filter.waybill !== undefined) {
    return plan('waybill', { prefix: `${normalizeCode(filter.waybill)}#` });
  }
  if (filter.overdueAsOf !== undefined) return plan('open', { below: filter.overdueAsOf });
  const statuses = filter.status === undefined ? CLAIM_STATUSES : [filter.status];
  const partitions: ViewPartition[] = [];
  const statusOf = new Map<string, ClaimStatus>();
  for (const status of statuses) {
    for (const partition of partitionsOf('status', filter, shards, status)) {
      partitions.push(partition);
      statusOf.set(partition.pk, status);
    }
  }
  return {
    view: filter.status === undefined ? 'all' : 'status',
    partitions,
    range: {},
    ascending,
    statusOf,
  };
}

/** Whether a claim (as it is now) matches every filter. */
function matches(claim: ClaimSummary, filter: ClaimFilter): boolean {
  const settled = isFinalStatus(claim.status);
  const search = filter.search;
  return (
    (filter.shopId === undefined || claim.shopId === filter.shopId) &&
    (filter.status === undefined || claim.status === filter.status) &&
    (filter.type === undefined || claim.type === filter.type) &&
    (filter.carrier === undefined || claim.carrier === filter.carrier) &&
    (filter.waybill === undefined || claim.waybill === filter.waybill) &&
    (filter.assigneeId === undefined || claim.assignee?.id === filter.assigneeId) &&
    (filter.overdueAsOf === undefined || (!settled && claim.answerDueBy < filter.overdueAsOf)) &&
    (filter.unacknowledgedAsOf === undefined ||
      search !== undefined ||
      (!settled && (claim.acknowledgeBy ?? '') < filter.unacknowledgedAsOf)) &&
    (search === undefined ||
      (searchValues(claim)[search.field] ?? '').startsWith(searchPrefix(search)))
  );
}

/** The claim id of an entry: every claim view's entries are items of the claim's partition. */
const claimIdOf = (entry: ViewEntry): string => decodeURIComponent(entry.pk.slice('CLAIM#'.length));

/**
 * @example
 * const { items, nextCursor } = await listClaims(ctx, { shopId: 's1' }, { limit: 25, caller: 'key-1' });
 */
export async function listClaims(
  ctx: TableContext,
  filter: ClaimFilter,
  page: PageRequest,
): Promise<Page<ClaimSummary>> {
  const plan = planClaimList(filter, ctx.shards);
  const load = async (entries: readonly ViewEntry[]) => {
    const ids = entries.map(claimIdOf);
    const keys = ids.flatMap((id) => [claimHeadKey(id), claimBodyKey(id)]);
    const found = await readItems(ctx.client, ctx.table, keys);
    return Promise.all(
      entries.map(async (entry, i) => {
        const head = found.get(keyText(claimHeadKey(ids[i]!)));
        const body = found.get(keyText(claimBodyKey(ids[i]!)));
        if (head === undefined || body === undefined) return undefined;
        const status = head[HEAD.status]?.S as ClaimStatus | undefined;
        // An entry the index still shows after the claim moved on is not the claim's now.
        const wanted = plan.statusOf.get(entry.partition);
        if (wanted !== undefined && status !== wanted) return undefined;
        return joinSummary(body, head);
      }),
    );
  };
  return readView(
    ctx.client,
    ctx.table,
    { ...plan, load, keep: (claim) => matches(claim, filter) },
    {
      limit: page.limit,
      cursor: page.cursor,
      seal: { secret: ctx.cursorSecret, purpose: PURPOSE, boundTo: boundTo(page.caller, filter) },
    },
  );
}

/**
 * What a cursor is bound to: the caller and the query. The overdue date (and the
 * unacknowledged queue's instant) is left out: the same listing continued after midnight is
 * still that listing (the cursor's watermark is checked against the view's range).
 */
function boundTo(caller: string, filter: ClaimFilter): string {
  const { overdueAsOf, unacknowledgedAsOf, ...rest } = filter;
  const query = Object.entries({
    ...rest,
    ...(overdueAsOf === undefined ? {} : { overdue: true }),
    ...(unacknowledgedAsOf === undefined ? {} : { unacknowledged: true }),
  })
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([caller, query]);
}
