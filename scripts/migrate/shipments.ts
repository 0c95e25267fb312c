/**
 * Old orders and shipments → the new items (the builders of src/storage/dynamodb/order-items.ts,
 * shipment-head.ts and shipment-items.ts):
 *   ORDER     the same order, as the new ORDER item (no lock).
 *   SHIPMENT  HEAD + FACTS + one EVENT#<eventId> per event, numbered in arrival order (the old
 *             `events` list's order, or `doc.events` on items written before that list existed);
 *             the late-view date recomputed by the domain as of the migration's day, as every
 *             new write does. The incarnation mark (`born`) is derived from the shop and shipment
 *             ids, so a second run writes the same items.
 *   MESSAGE#  unchanged, beside the shipment's HEAD; those of a shipment that no longer exists
 *             (its order replace dropped it and left them behind) are not migrated.
 */
import { shipmentContext, summarizeShipment, type ShipmentEvent } from '../../src/domain/shipment';
import type { Item } from '../../src/storage/dynamodb/codec';
import { SHIPMENT_SK } from '../../src/storage/dynamodb/keys';
import { orderItem } from '../../src/storage/dynamodb/order-items';
import { headItem } from '../../src/storage/dynamodb/shipment-head';
import { assemble, eventItem, factsItem } from '../../src/storage/dynamodb/shipment-items';
import type { ShipmentRecord } from '../../src/storage/repository';
import { legacyOrder, legacyShipment, withoutLegacyIndexes } from './legacy';
import type { Labeled } from './sink';

/** The old shipment item's sort key. */
const LEGACY_SHIPMENT_SK = 'SHIPMENT';

/** @example migrateOrder(oldOrderItem) // { kind: 'ORDER', item } */
export function migrateOrder(item: Item): Labeled {
  return { kind: 'ORDER', item: orderItem(legacyOrder(item)) };
}

/** A migrated shipment partition, and what was left out of it. */
export interface MigratedShipment {
  items: Labeled[];
  /** Messages of a shipment that is gone (by sort key). */
  orphans: string[];
  /** Event ids met twice (the first kept). */
  duplicates: string[];
  unknown: string[];
  warnings: string[];
}

/**
 * @example await migrateShipment(partitionItems, { shards: 4, today: '2026-11-20' })
 */
export async function migrateShipment(
  partition: readonly Item[],
  ctx: { shards: number; today: string },
): Promise<MigratedShipment> {
  const sk = (item: Item) => item.sk?.S ?? '';
  const shipment = partition.find((item) => sk(item) === LEGACY_SHIPMENT_SK);
  const messages = partition.filter((item) => sk(item).startsWith(SHIPMENT_SK.messagePrefix));
  const unknown = partition
    .filter(
      (item) => sk(item) !== LEGACY_SHIPMENT_SK && !sk(item).startsWith(SHIPMENT_SK.messagePrefix),
    )
    .map(sk);
  const out: MigratedShipment = { items: [], orphans: [], duplicates: [], unknown, warnings: [] };
  if (shipment === undefined) {
    out.orphans = messages.map(sk);
    return out;
  }
  const old = legacyShipment(shipment);
  const events = distinctEvents(old.events, out.duplicates);
  const record = withLateViewDate({ ...old, events }, ctx.today, out.warnings);
  const born = await bornOf(record);
  out.items.push(
    { kind: 'SHIPMENT_HEAD', item: headItem(record, born, ctx.shards) },
    { kind: 'SHIPMENT_FACTS', item: await factsItem(record, born) },
  );
  for (const [i, event] of events.entries()) {
    const item = await eventItem(record.shopId, record.shipmentId, event, i + 1, born);
    out.items.push({ kind: 'SHIPMENT_EVENT', item });
  }
  for (const item of messages)
    out.items.push({ kind: 'SHIPMENT_MESSAGE', item: withoutLegacyIndexes(item) });
  const back = await assemble(out.items.map(({ item }) => item));
  if (
    back === 'torn' ||
    back === undefined ||
    JSON.stringify(back.record) !== JSON.stringify(record)
  ) {
    out.warnings.push(`shipment ${record.shopId}/${record.shipmentId} reads back differently`);
  }
  return out;
}

/** The events, each id once (a resent id was refused by the old code's condition). */
function distinctEvents(events: readonly ShipmentEvent[], duplicates: string[]): ShipmentEvent[] {
  const seen = new Set<string>();
  return events.filter((event) => {
    if (!seen.has(event.eventId)) return seen.add(event.eventId);
    duplicates.push(event.eventId);
    return false;
  });
}

/** The record with the late-view date the domain gives it today (as a new write computes it). */
function withLateViewDate(
  record: ShipmentRecord,
  today: string,
  warnings: string[],
): ShipmentRecord {
  const { lateViewDate: stored, ...rest } = record;
  let lateViewDate: string | undefined;
  try {
    lateViewDate = summarizeShipment(
      record.facts,
      record.events,
      shipmentContext(record.facts, today),
    ).lateViewDate;
  } catch (error) {
    // A carrier or calendar the domain no longer knows: the date as the old code stored it.
    warnings.push(
      `shipment ${record.shopId}/${record.shipmentId}: late date kept as stored (${String(error)})`,
    );
    lateViewDate = stored;
  }
  return { ...rest, ...(lateViewDate === undefined ? {} : { lateViewDate }) };
}

/** The incarnation mark of a migrated shipment: the same on every run, 13 characters like a new one. */
async function bornOf(record: Pick<ShipmentRecord, 'shopId' | 'shipmentId'>): Promise<string> {
  const text = `migrated\n${record.shopId}\n${record.shipmentId}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `m${hex.slice(0, 12)}`;
}
