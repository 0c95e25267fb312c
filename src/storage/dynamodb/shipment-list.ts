/**
 * The late listing, from the late views (./views.ts): a shop's LATE partition (gsi1), or
 * every clerk shard (gsi2) merged; sort keys `<deadline>#<shop>#<shipment>` below today,
 * oldest deadline first. Each entry's shipment is read whole (one Query of its partition,
 * a few at a time), its claim links with it (./shipment-claim-links.ts). An index is read eventually consistently: an entry whose shipment has
 * since moved (another deadline, no longer watched, gone) is left out here and listed, if
 * still late, at its current place.
 */
import type { SealContext } from '../../lib/sealed';
import type { Page, PageRequest } from '../repository';
import type { LateShipmentFilter, LateShipmentRecord } from '../shipment-repository';
import { LATE_VIEW } from './keys';
import { mapLimit, readShipment, READ_CONCURRENCY } from './shipment-read';
import { allShards, type TableContext } from './table-context';
import { readView, type ViewEntry, type ViewPartition } from './views';

const PURPOSE = 'parcel-claims late shipments cursor v2';

/** The view's partitions: one shop's, or every clerk shard. */
function partitionsOf(ctx: TableContext, shopId: string | undefined): ViewPartition[] {
  const [shopIndex, clerkIndex] = LATE_VIEW.indexes;
  if (shopId !== undefined) return [{ index: shopIndex, pk: LATE_VIEW.shop(shopId) }];
  return allShards(ctx.shards).map((shard) => ({ index: clerkIndex, pk: LATE_VIEW.clerk(shard) }));
}

/** The shipment behind an entry (its claim links read with it), if still at that place in the view. */
async function load(ctx: TableContext, entry: ViewEntry): Promise<LateShipmentRecord | undefined> {
  const stored = await readShipment(ctx, entry.pk);
  const record = stored?.record;
  if (stored === undefined || record?.lateViewDate === undefined) return undefined;
  const sort = LATE_VIEW.sort(record.lateViewDate, record.shopId, record.shipmentId);
  return sort === entry.sort ? { ...record, claims: stored.claims } : undefined;
}

/**
 * @example
 * await listLate(ctx, { shopId: 'shop-a', before: '2025-03-20' }, { limit: 25, caller: 'k1' });
 */
export async function listLate(
  ctx: TableContext,
  filter: LateShipmentFilter,
  page: PageRequest,
): Promise<Page<LateShipmentRecord>> {
  if (filter.shopId === '') throw new RangeError('filter shopId must not be empty');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(filter.before)) throw new RangeError('before must be YYYY-MM-DD');
  if (filter.from !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(filter.from)) {
    throw new RangeError('from must be YYYY-MM-DD');
  }
  // Bound to the caller and the shop; the date moves on (the view checks the range).
  const seal: SealContext = {
    secret: ctx.cursorSecret,
    purpose: PURPOSE,
    boundTo: JSON.stringify([page.caller, filter.shopId ?? '*']),
  };
  return readView(
    ctx.client,
    ctx.table,
    {
      view: 'shipments:late',
      partitions: partitionsOf(ctx, filter.shopId),
      range: { below: filter.before, ...(filter.from === undefined ? {} : { from: filter.from }) },
      ascending: true,
      load: (entries) => mapLimit(entries, READ_CONCURRENCY, (entry) => load(ctx, entry)),
    },
    { limit: page.limit, cursor: page.cursor, seal },
  );
}
