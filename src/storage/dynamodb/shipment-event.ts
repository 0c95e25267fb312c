/**
 * The one write path of a shipment event: read the shipment (one Query of its partition),
 * decide with the domain, then one TransactWriteItems of two items: Put EVENT#<id> (unless it
 * exists: the dedupe) and Update HEAD (version + 1, event count, derived state, late-view
 * keys) conditioned on the version and incarnation read. A lost race (another event, an order
 * replace, the same event resent at once) fails a condition: read and decide again, so a
 * resend is answered as a duplicate from the shipment as stored. Distinct events never refuse
 * each other: each lost race means another writer's event landed, so with as many attempts
 * as writers at once every one of them lands; past EVENT_ATTEMPTS the caller hears that
 * storage is busy (503, nothing written), never a conflict. The event item carries a
 * mark of the write (`w`): with no ClientRequestToken (YDB), an SDK retry of a transaction
 * that had committed fails its own conditions, and the read after it tells our own write
 * from a resend by that mark.
 *
 * Cost: the event item (under 1 KB for a status report) 2 write units, the head 2; a change
 * of deadline or the end of the watch adds its late-view entries (2 or 4 per index), a final
 * status the removal of its open-watch entry (2: ./shipment-head.ts).
 */
import type { ShipmentEvent } from '../../domain/shipment';
import { NotFoundError, StorageBusyError } from '../errors';
import type { Item } from './codec';
import type { EventDecision, ShipmentRecord } from '../shipment-repository';
import { shipmentHeadKey, shipmentPartition } from './keys';
import { HEAD, headUpdate, newBorn } from './shipment-head';
import { eventItem } from './shipment-items';
import { readShipment } from './shipment-read';
import type { TableContext } from './table-context';
import { transact } from './transact';

/**
 * Attempts an event gets before the caller hears that storage is busy. An event loses a race
 * only to another writer's committed write, so a burst of up to this many writers on one
 * shipment (distinct events, resends, a replace of its order) all land.
 */
const EVENT_ATTEMPTS = 100;
/** The longest pause between two attempts, ms (the pauses grow to it, each one random). */
const MAX_PAUSE_MS = 100;

/**
 * @example
 * const answer = await applyEvent(ctx, 'shop-a', 'S-1', 'e1', decide);
 */
export async function applyEvent<T>(
  ctx: TableContext,
  shopId: string,
  shipmentId: string,
  eventId: string,
  decide: (current: ShipmentRecord) => EventDecision<T>,
): Promise<T> {
  const partition = shipmentPartition(shopId, shipmentId);
  let sent: { write: string; answer: T } | undefined;
  for (let attempt = 1; ; attempt++) {
    const stored = await readShipment(ctx, partition);
    if (stored === undefined) throw new NotFoundError('shipment', shipmentId);
    if (sent !== undefined && stored.writes.get(eventId) === sent.write) return sent.answer;
    const { answer, next } = decide(stored.record);
    if (next === undefined) return answer;
    const event = next.events.at(-1);
    if (event?.eventId !== eventId || next.events.length !== stored.eventCount + 1) {
      throw new RangeError(`next must be the shipment read with event '${eventId}' appended`);
    }
    const n = stored.eventCount + 1;
    const born = { S: stored.born };
    sent = { write: newBorn(), answer };
    const outcome = await transactOrLose(ctx, [
      {
        Put: {
          TableName: ctx.table,
          Item: await eventItem(shopId, shipmentId, event, n, stored.born, sent.write),
          // An item of an earlier incarnation (a dropped shipment's leftover) is overwritten.
          ConditionExpression: 'attribute_not_exists(#pk) OR #born <> :born',
          ExpressionAttributeNames: { '#pk': 'pk', '#born': HEAD.born },
          ExpressionAttributeValues: { ':born': born },
        },
      },
      {
        Update: {
          TableName: ctx.table,
          Key: shipmentHeadKey(shopId, shipmentId),
          ...headUpdate(
            next,
            ctx.shards,
            { [HEAD.eventCount]: { N: String(n) }, ...heardOf(event, next.updatedAt) },
            { [HEAD.born]: born },
            stored.record.version,
          ),
        },
      },
    ]);
    if (outcome === 'committed') return answer;
    if (attempt >= EVENT_ATTEMPTS) {
      // Nobody's write is to blame (each was another event, or the order's replace): busy.
      throw new StorageBusyError('contention', 1);
    }
    // Racing writers on one shipment: a random pause, growing, so they spread out and one of
    // them gets ahead each round.
    const pause = Math.random() * Math.min(MAX_PAUSE_MS, 5 * 2 ** Math.min(attempt, 5));
    await new Promise((done) => setTimeout(done, pause));
  }
}

/**
 * `heardAt` for an event a carrier path brought (a CDEK hook, the reconciliation, the
 * sandbox): the write's time, which the daily reconciliation reads to skip a shipment heard of
 * within the day. An event the shop sent through the API tells nothing of the carrier's line.
 */
function heardOf(event: ShipmentEvent, at: string): Item {
  return event.source === undefined || event.source === 'api' ? {} : { [HEAD.heardAt]: { S: at } };
}

/**
 * The transaction, or `lost` when a condition failed or it kept colliding with other
 * transactions on the head (DynamoDB's TransactionConflict, past transact's own retries):
 * either way another writer got there first, and the caller reads again.
 */
async function transactOrLose(
  ctx: TableContext,
  items: Parameters<typeof transact>[1],
): Promise<'committed' | 'lost'> {
  try {
    return (await transact(ctx.client, items)).committed ? 'committed' : 'lost';
  } catch (error) {
    if (error instanceof StorageBusyError && error.reason === 'contention') return 'lost';
    throw error;
  }
}
