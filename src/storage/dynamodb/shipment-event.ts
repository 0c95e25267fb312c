/**
 * The one write path of a shipment event: read the shipment (one Query of its partition),
 * decide with the domain, then one TransactWriteItems of two items: Put EVENT#<id> (unless it
 * exists: the dedupe) and Update HEAD (version + 1, event count, derived state, late-view
 * keys) conditioned on the version and incarnation read. A lost race (another event, an order
 * replace, the same event resent at once) fails a condition: read and decide again, so a
 * resend is answered as a duplicate from the shipment as stored. The event item carries a
 * mark of the write (`w`): with no ClientRequestToken (YDB), an SDK retry of a transaction
 * that had committed fails its own conditions, and the read after it tells our own write
 * from a resend by that mark.
 *
 * Cost: the event item (under 1 KB for a status report) 2 write units, the head 2; a change
 * of deadline or the end of the watch adds its late-view entries (2 or 4 per index).
 */
import { ConflictError, NotFoundError } from '../errors';
import type { EventDecision, ShipmentRecord } from '../shipment-repository';
import { shipmentHeadKey, shipmentPartition } from './keys';
import { HEAD, headUpdate, newBorn } from './shipment-head';
import { eventItem } from './shipment-items';
import { readShipment } from './shipment-read';
import type { TableContext } from './table-context';
import { transact } from './transact';

/** Attempts an event gets before the caller hears of the conflict (many writers on one shipment). */
const EVENT_ATTEMPTS = 20;

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
    const outcome = await transact(ctx.client, [
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
            { [HEAD.eventCount]: { N: String(n) } },
            { [HEAD.born]: born },
            stored.record.version,
          ),
        },
      },
    ]);
    if (outcome.committed) return answer;
    if (attempt >= EVENT_ATTEMPTS) {
      const at = stored.record.version;
      throw new ConflictError(`shipment '${shipmentId}' kept changing (version ${at})`, at);
    }
    // Racing writers on one shipment: a random pause, growing, so one of them gets ahead.
    await new Promise((done) => setTimeout(done, Math.random() * Math.min(50, 5 * attempt)));
  }
}
