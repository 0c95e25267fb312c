/**
 * The items of a shipment (keys: ./keys.ts), in its partition:
 * - HEAD: the small, often rewritten part: ids, version, write time, event count, status and,
 *   while watched, the late-view keys (gsi1 the shop's, gsi2 the clerks' sharded twin).
 * - FACTS: what the shop stated, rewritten only by an order replace that changes them.
 * - EVENT#<id>: one per event, written once (its `attribute_not_exists` is the dedupe), with
 *   its arrival number `n`.
 * The head is what a reader trusts: events beyond its `eventCount`, or of another
 * incarnation (`born`: a shipment id dropped and used again starts a new one, and leftovers
 * of the old may linger), are not the shipment's; facts whose version is not the head's
 * `factsVersion` mean the read raced a write (./shipment-read.ts reads again).
 */
import type { ShipmentClaimRef, ShipmentEvent, ShipmentFacts } from '../../domain/shipment';
import type { ShipmentRecord } from '../shipment-repository';
import type { Item } from './codec';
import { deflate, inflate } from './compress';
import { shipmentEventKeyOf, shipmentFactsKey, SHIPMENT_SK } from './keys';
import { linkedClaims } from './shipment-claim-links';
import { HEAD, update, type Update } from './shipment-head';

/** What a shipment's items hold beyond its record. */
export interface StoredShipment {
  record: ShipmentRecord;
  /** The incarnation, set when the head is created; its facts and events carry it. */
  born: string;
  eventCount: number;
  /** Event id → the mark of the write that recorded it (see ./shipment-event.ts). */
  writes: Map<string, string>;
  /** The claims linked to it (./shipment-claim-links.ts), in no particular order. */
  claims: ShipmentClaimRef[];
}

/** Documents from this size (bytes) on are stored deflated when that is smaller. */
const PACK_FROM = 1024;

/**
 * A JSON document as an attribute: `doc` (text), or `docZ` (deflate-raw) when large enough
 * for that to save write units (an item costs one unit per started KB, twice in a transaction).
 * @example await packDoc('{"a":1}') // { doc: { S: '{"a":1}' } }
 */
export async function packDoc(json: string): Promise<Item> {
  const bytes = new TextEncoder().encode(json).length;
  if (bytes >= PACK_FROM) {
    const packed = await deflate(json);
    if (packed.length < bytes) return { docZ: { B: packed } };
  }
  return { doc: { S: json } };
}

/** The JSON document `packDoc` stored. @example await unpackDoc({ doc: { S: '{}' } }) // '{}' */
export async function unpackDoc(item: Item): Promise<string> {
  const packed = item.docZ?.B;
  return packed === undefined ? (item.doc?.S ?? '{}') : await inflate(packed);
}

/** @example await factsItem(record, 'b1') // FACTS, version = record.version */
export async function factsItem(record: ShipmentRecord, born: string): Promise<Item> {
  return {
    ...shipmentFactsKey(record.shopId, record.shipmentId),
    version: { N: String(record.version) },
    born: { S: born },
    ...(await packDoc(JSON.stringify(record.facts))),
  };
}

/**
 * An order replace's rewrite of the facts, in place (the incarnation mark stays): set in the
 * transaction that moves the head's `factsVersion` to `record.version`.
 * @example await factsUpdate(record) // SET version, doc REMOVE docZ
 */
export async function factsUpdate(record: ShipmentRecord): Promise<Update & { Key: Item }> {
  const doc = await packDoc(JSON.stringify(record.facts));
  const set = { version: { N: String(record.version) }, ...doc };
  const other = 'doc' in doc ? 'docZ' : 'doc';
  return {
    Key: shipmentFactsKey(record.shopId, record.shipmentId),
    ...update(set, [other], {}, ['attribute_exists(pk)']),
  };
}

/**
 * The item of the `n`-th event; `write` marks the write that recorded it.
 * @example await eventItem('s', 'S-1', event, 3, 'b1') // EVENT#<id>, n = 3
 */
export async function eventItem(
  shopId: string,
  shipmentId: string,
  event: ShipmentEvent,
  n: number,
  born: string,
  write?: string,
): Promise<Item> {
  return {
    ...(await shipmentEventKeyOf(shopId, shipmentId, event.eventId)),
    n: { N: String(n) },
    born: { S: born },
    ...(write === undefined ? {} : { w: { S: write } }),
    ...(await packDoc(JSON.stringify(event))),
  };
}

/**
 * The shipment its partition's items (EVENT#… to HEAD, any order: its claim links among
 * them) hold: undefined without a head, 'torn' when the read saw part of a write (read again).
 * @example (await assemble(await queryAll(client, query)))?.record
 */
export async function assemble(
  items: readonly Item[],
): Promise<StoredShipment | 'torn' | undefined> {
  const head = items.find((item) => item.sk?.S === SHIPMENT_SK.head);
  if (head === undefined) return undefined;
  const born = head[HEAD.born]?.S ?? '';
  const eventCount = Number(head[HEAD.eventCount]?.N ?? '0');
  const factsItem = items.find((item) => item.sk?.S === SHIPMENT_SK.facts);
  if (factsItem === undefined || factsItem.version?.N !== head[HEAD.factsVersion]?.N) return 'torn';
  const own = items
    .filter((item) => item.sk?.S?.startsWith(SHIPMENT_SK.eventPrefix) && item.born?.S === born)
    .map((item) => ({ item, n: Number(item.n?.N ?? '0') }))
    .filter(({ n }) => n <= eventCount)
    .sort((a, b) => a.n - b.n);
  if (own.length !== eventCount) return 'torn';
  const events = await Promise.all(
    own.map(async ({ item }) => JSON.parse(await unpackDoc(item)) as ShipmentEvent),
  );
  const writes = new Map<string, string>();
  own.forEach(({ item }, i) => {
    const write = item.w?.S;
    if (write !== undefined) writes.set(events[i]!.eventId, write);
  });
  const lateViewDate = head[HEAD.lateViewDate]?.S;
  const placedAt = head[HEAD.placedAt]?.S;
  const record: ShipmentRecord = {
    shopId: head.shopId?.S ?? '',
    shipmentId: head.shipmentId?.S ?? '',
    orderId: head[HEAD.orderId]?.S ?? '',
    facts: JSON.parse(await unpackDoc(factsItem)) as ShipmentFacts,
    events,
    version: Number(head[HEAD.version]?.N ?? '0'),
    updatedAt: head[HEAD.updatedAt]?.S ?? '',
    // Heads written before it was kept have none: the service falls back to the order's.
    ...(placedAt === undefined ? {} : { placedAt }),
    ...(lateViewDate === undefined ? {} : { lateViewDate }),
  };
  return { record, born, eventCount, writes, claims: linkedClaims(items) };
}
