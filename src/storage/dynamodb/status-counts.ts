/**
 * How many claims are in each status, per shop and for every shop, read from the counters
 * the claim-change consumer keeps (./aggregates.ts): one GetItem for a shop, one
 * BatchGetItem of the shards for every shop, however many claims there are. The figures
 * may lag a claim change by the consumer's delay: the answer says as of when.
 */
import { CLAIM_STATUSES, type ClaimStatus } from '../../domain/claim';
import type { AsOf, StatusCountRepository, StatusCounts } from '../figures-repository';
import { batchGetItems } from './batch-get';
import type { Item } from './codec';
import { statusCountsKey } from './keys';
import { allShards, tableContext, type DynamoTable, type TableContext } from './table-context';

/**
 * @example
 * const { counts, asOf } = await new DynamoStatusCountRepository({ client, tableName }).counts('demo-shop');
 * counts.submitted; // 3
 */
export class DynamoStatusCountRepository implements StatusCountRepository {
  private readonly ctx: TableContext;

  constructor(table: DynamoTable) {
    this.ctx = tableContext(table);
  }

  async counts(shopId?: string): Promise<{ counts: StatusCounts } & AsOf> {
    const keys =
      shopId === undefined
        ? allShards(this.ctx.shards).map((shard) => statusCountsKey({ shard }))
        : [statusCountsKey({ shopId })];
    // Figures a moment old are fine for the tabs: the cheaper, eventually consistent read.
    const items = await batchGetItems(this.ctx.client, this.ctx.table, keys, false);
    return summed(items);
  }
}

/** The counters of the items added up, and the latest `updatedAt` among them. */
function summed(items: readonly Item[]): { counts: StatusCounts } & AsOf {
  const total = (status: ClaimStatus) =>
    items.reduce((sum, item) => sum + Number(item[status]?.N ?? '0'), 0);
  // A shard may hold a negative count (a claim counted in one shard before the shards grew,
  // moved in another): only the sum means something, and it is never below zero.
  const counts = Object.fromEntries(
    CLAIM_STATUSES.map((s) => [s, Math.max(0, total(s))]),
  ) as StatusCounts;
  const asOf = latest(items.map((item) => item.updatedAt?.S));
  return asOf === undefined ? { counts } : { counts, asOf };
}

/**
 * The latest of ISO instants (undefined: none).
 * @example latest(['2026-01-01T00:00:00.000Z', undefined, '2026-01-02T00:00:00.000Z']) // '2026-01-02T00:00:00.000Z'
 */
export function latest(instants: readonly (string | undefined)[]): string | undefined {
  return instants.reduce<string | undefined>(
    (max, at) => (at !== undefined && (max === undefined || at > max) ? at : max),
    undefined,
  );
}
