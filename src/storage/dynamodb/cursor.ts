/**
 * Opaque pagination cursors: the index name and the key of the last item returned,
 * sealed (AES-256-GCM, see `../../lib/sealed.ts`) and bound to the caller and the
 * query. A cursor shows nothing (not even the caller's own claim ids), and one
 * used by another caller, with another filter, or altered in any way is an
 * `InvalidCursorError`, never a read.
 */
import { open, seal, type SealContext } from '../../lib/sealed';
import { InvalidCursorError } from '../errors';
import type { ClaimFilter } from '../repository';
import { INDEXES } from '../table';
import type { Item } from './codec';
import type { QueryPlan } from './list-plan';

const MAX_CURSOR_LENGTH = 2048;
const PURPOSE = 'parcel-claims list cursor v1';

/** Who lists what: the cursor opens only for the same caller and the same filter. */
export interface CursorBinding {
  secret: string;
  /** The caller's identity, e.g. its API key id. */
  caller: string;
  filter: ClaimFilter;
}

/**
 * The query a cursor belongs to. The overdue date (and the unacknowledged queue's instant)
 * is left out: the same "overdue" listing, continued after midnight, is still that listing
 * (and the plan's `sortBelow` check keeps its start inside the overdue range).
 */
function sealContext({ secret, caller, filter }: CursorBinding): SealContext {
  const { overdueAsOf, unacknowledgedAsOf, ...rest } = filter;
  const query = Object.entries({
    ...rest,
    ...(overdueAsOf === undefined ? {} : { overdue: true }),
    ...(unacknowledgedAsOf === undefined ? {} : { unacknowledged: true }),
  })
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return { secret, purpose: PURPOSE, boundTo: JSON.stringify([caller, query]) };
}

/** The base-table and index key attributes of an index, as the Query needs them. */
function keyAttributes(plan: QueryPlan): string[] {
  const index = INDEXES[plan.index];
  return [...new Set(['pk', 'sk', index.pk, index.sk])];
}

/**
 * @example
 * await encodeCursor(plan, lastItem, { secret, caller: 'key-1', filter }); // 'q1x…' (base64url)
 */
export async function encodeCursor(
  plan: QueryPlan,
  item: Item,
  binding: CursorBinding,
): Promise<string> {
  const key = keyAttributes(plan).map((name) => {
    const value = item[name]?.S;
    if (value === undefined) throw new Error(`item lacks key attribute ${name}`);
    return value;
  });
  return seal(sealContext(binding), JSON.stringify({ i: plan.index, k: key }));
}

/**
 * The ExclusiveStartKey for `plan`, or `InvalidCursorError`.
 *
 * @example
 * const startKey = await decodeCursor(page.cursor, plan, { secret, caller: 'key-1', filter });
 */
export async function decodeCursor(
  cursor: string,
  plan: QueryPlan,
  binding: CursorBinding,
): Promise<Item> {
  const invalid = (why: string) => new InvalidCursorError(`Invalid cursor: ${why}`);
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw invalid('not a cursor');
  }
  const text = await open(sealContext(binding), cursor);
  if (text === undefined) {
    throw invalid('not issued to this caller for this listing, or altered');
  }
  // Sealed by us, so well formed; checked anyway, as the Query trusts it.
  const { i, k } = JSON.parse(text) as { i?: unknown; k?: unknown };
  const names = keyAttributes(plan);
  if (
    i !== plan.index ||
    !Array.isArray(k) ||
    k.length !== names.length ||
    !k.every((value) => typeof value === 'string' && value !== '')
  ) {
    throw invalid('issued for another filter');
  }
  const key = Object.fromEntries(names.map((name, n) => [name, String(k[n])]));
  const index = INDEXES[plan.index];
  if (
    key[index.pk] !== plan.partition ||
    (plan.sortBelow !== undefined && (key[index.sk] ?? '') >= plan.sortBelow) ||
    (plan.sortPrefix !== undefined && !(key[index.sk] ?? '').startsWith(plan.sortPrefix))
  ) {
    throw invalid('issued for another filter');
  }
  return Object.fromEntries(Object.entries(key).map(([name, value]) => [name, { S: value }]));
}
