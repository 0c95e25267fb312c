/**
 * How many claims are in each status, and how many wait for their customer's
 * acknowledgement, per shop and for every shop, read from the counters the claim-change
 * consumer keeps (./aggregates.ts): one GetItem for a shop, one BatchGetItem of the shards
 * for every shop, however many claims there are. The figures may lag a claim change by the
 * consumer's delay: the answer says as of when.
 */
import { CLAIM_STATUSES } from '../../domain/claim';
import type {
  StatusCountFigures,
  StatusCountRepository,
  StatusCounts,
} from '../figures-repository';
import { UNACKNOWLEDGED_COUNT, type CountName } from './aggregates';
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

  async counts(shopId?: string): Promise<StatusCountFigures> {
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
function summed(items: readonly Item[]): StatusCountFigures {
  // A shard may hold a negative count (a claim counted in one shard before the shards grew,
  // moved in another): only the sum means something, and it is never below zero.
  const total = (name: CountName) =>
    Math.max(
      0,
      items.reduce((sum, item) => sum + Number(item[name]?.N ?? '0'), 0),
    );
  const counts = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, total(s)])) as StatusCounts;
  const unacknowledged = total(UNACKNOWLEDGED_COUNT);
  const asOf = latest(items.map((item) => item.updatedAt?.S));
  return asOf === undefined ? { counts, unacknowledged } : { counts, unacknowledged, asOf };
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
