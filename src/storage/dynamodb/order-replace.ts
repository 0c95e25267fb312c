/**
 * An order replace, within DynamoDB's (and YDB's) limits whatever its size: 40 shipments of
 * 100 packages, at most 25 items per transaction, every item far below 400 KB.
 *
 * The protocol. What the replace writes, per shipment: a new one's HEAD (Put, must not
 * exist) and FACTS; a changed one's HEAD (Update, conditioned on the version read and on
 * belonging to this order) and FACTS (Update in place); a dropped one's HEAD (Delete,
 * conditioned the same way); and with each, its entry under its waybill (put when it gets
 * or changes one, deleted when it loses or changes it or is dropped): at most four items a
 * shipment, so the worst case (40 dropped, 40 new with waybills: 200 items) is nine
 * transactions. The ORDER item comes last, in the same transaction as the
 * last of them: it is the commit point (readers of an order show only the shipments its
 * ORDER lists).
 * - It all fits in one transaction (up to 12 changed shipments, 8 new with waybills): one atomic transaction,
 *   the ORDER conditioned on the version read and on no other replace holding its lock.
 * - It does not: transactions of up to 24 shipment items each, each with one ORDER item.
 *   The first takes the order's lock (`lock` = a token, `lockUntil` = now + 30 s;
 *   conditioned on the version read and no live lock; a new order's lock is a placeholder
 *   ORDER at version 0, which reads as no order), the middle ones check that it still
 *   holds it, the last writes the ORDER (conditioned on holding the lock, which the Put
 *   clears). The last transaction holds the removals first (dropped shipments disappear
 *   with the commit), then new shipments (they appear with it), then changed ones. While it
 *   holds the lock no other replace of the order writes anything: a competitor's first
 *   transaction fails and it retries (the service's `retrying`, with a pause). A lost race
 *   in a later transaction releases the lock and fails the replace (ConflictError: the
 *   service reads again and retries). Each shipment is written whole in one transaction:
 *   what a failure or a crash leaves is changed shipments with their new facts (each one
 *   consistent; the next replace finds them done), new shipments the ORDER does not list
 *   yet, and a lock that expires by itself after 30 s.
 * Then the dropped shipments' other items (facts, events, messages) are deleted
 * (./shipment-leftovers.ts): without a head they are never read as a shipment.
 */
import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { ConflictError } from '../errors';
import type { OrderReplace } from '../shipment-repository';
import { shipmentPartition } from './keys';
import { orderGroups, type Group } from './order-groups';
import { orderSteps, releaseLock, type Lock } from './order-lock';
import { clearLeftovers } from './shipment-leftovers';
import { mapLimit, READ_CONCURRENCY } from './shipment-read';
import type { TableContext } from './table-context';
import { MAX_TRANSACTION_ITEMS, transact } from './transact';

/** How long a replace's lock holds if it is never released (a crashed writer). */
const LEASE_MS = 30_000;
/** Shipment items per transaction: one place is the ORDER's. */
const SLOTS = MAX_TRANSACTION_ITEMS - 1;
/** Which shipments the commit's transaction takes first. */
const RANK: Record<Group['kind'], number> = { remove: 0, new: 1, changed: 2 };

/** The transactions' shipment items, the commit's last. */
function chunksOf(groups: readonly Group[]): TransactWriteItem[][] {
  const all = groups.flatMap((g) => g.items);
  if (all.length <= SLOTS) return [all];
  const last: TransactWriteItem[] = [];
  const before: TransactWriteItem[][] = [];
  for (const group of [...groups].sort((a, b) => RANK[a.kind] - RANK[b.kind])) {
    if (last.length + group.items.length <= SLOTS) {
      last.push(...group.items);
      continue;
    }
    const open = before.at(-1);
    if (open !== undefined && open.length + group.items.length <= SLOTS) open.push(...group.items);
    else before.push([...group.items]);
  }
  return [...before, last];
}

/**
 * @example await replaceOrder(ctx, { order, expectedOrderVersion: 1, puts, removes });
 */
export async function replaceOrder(ctx: TableContext, write: OrderReplace): Promise<void> {
  const chunks = chunksOf(await orderGroups(ctx, write));
  const now = Date.now();
  const lock: Lock = { token: crypto.randomUUID(), until: now + LEASE_MS };
  const order = orderSteps(ctx, write, now, lock);
  try {
    for (const [i, items] of chunks.entries()) {
      const last = i === chunks.length - 1;
      const step =
        chunks.length === 1
          ? order.direct
          : i === 0
            ? order.take
            : last
              ? order.commit
              : order.check;
      const outcome = await transact(ctx.client, [...items, step]);
      if (!outcome.committed) {
        throw new ConflictError(`order '${write.order.orderId}' or one of its shipments changed`, {
          entity: 'order',
        });
      }
    }
  } catch (error) {
    // Only while this replace holds the lock (a failed commit that did go out cleared it).
    if (chunks.length > 1) await releaseLock(ctx, write, lock).catch(() => undefined);
    throw error;
  }
  const dropped = write.removes.map((r) => shipmentPartition(write.order.shopId, r.shipmentId));
  // Past the commit a failure leaves only items nobody reads as a shipment.
  await mapLimit(dropped, READ_CONCURRENCY, (p) => clearLeftovers(ctx, p)).catch(() => undefined);
}
