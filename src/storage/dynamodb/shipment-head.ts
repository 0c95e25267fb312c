/**
 * A shipment's HEAD item: the small part every write rewrites (ids, version, write time,
 * event count, status, its order's placedAt: when it began) and, while the shipment is watched for lateness, its place in the
 * late views: gsi1 the shop's partition, gsi2 the clerks' (sharded by the shipment's
 * partition). Both KEYS_ONLY: an event that keeps the deadline writes no index entry.
 *
 * While the shipment is open (not in a final status) and has a waybill, it is also in the
 * shop's open-shipment watch (gsi3, `SHOP#<s>#SHIPOPEN` / `-`), with `heardAt` (when a carrier
 * event was last recorded) on the head: what the daily carrier reconciliation reads (the
 * waybill it takes from the facts). Its keys are the same on every write while it stays open,
 * and SETting an index key to the value it holds writes no index entry: only entering the
 * watch (a waybill given) and leaving it (a final status, the waybill taken away) cost index
 * units; a changed waybill costs none.
 * A head written before the watch existed joins it on its next write (an event or an order
 * replace that changes its facts); until then the reconciliation does not see it (nothing else
 * reads the watch). `npm run migrate` need not touch it.
 */
import { deriveState, FINAL_STATUSES, type ShipmentStatus } from '../../domain/shipment';
import type { ShipmentRecord } from '../shipment-repository';
import { INDEXES } from '../table';
import type { Item } from './codec';
import {
  LATE_VIEW,
  OPEN_SHIPMENT_VIEW,
  indexKeys,
  shardOf,
  shipmentHeadKey,
  shipmentPartition,
} from './keys';

/** Attribute names of the head. */
export const HEAD = {
  version: 'version',
  updatedAt: 'updatedAt',
  born: 'born',
  eventCount: 'eventCount',
  factsVersion: 'factsVersion',
  orderId: 'orderId',
  status: 'status',
  // The stored attribute keeps its first name: renaming it would mean migrating every head.
  lateViewDate: 'watchDate',
  placedAt: 'placedAt',
  carrier: 'carrier',
  currency: 'currency',
  heardAt: 'heardAt',
} as const;

/** The open-watch index attributes: present while open with a waybill, absent otherwise. */
const OPEN_KEY_ATTRIBUTES: readonly string[] = [
  INDEXES[OPEN_SHIPMENT_VIEW.index].pk,
  INDEXES[OPEN_SHIPMENT_VIEW.index].sk,
];

/**
 * The open-watch keys of a shipment open with a waybill; none otherwise.
 * @example openWatchKeys(record, 'in_transit').gsi3pk // { S: 'SHOP#s#SHIPOPEN' }
 */
export function openWatchKeys(
  record: Pick<ShipmentRecord, 'shopId' | 'shipmentId' | 'facts'>,
  status: ShipmentStatus,
): Item {
  const waybill = record.facts.waybill;
  if (waybill === undefined || waybill === '' || FINAL_STATUSES.includes(status)) return {};
  return indexKeys(
    OPEN_SHIPMENT_VIEW.index,
    OPEN_SHIPMENT_VIEW.shop(record.shopId),
    OPEN_SHIPMENT_VIEW.sort,
  );
}

/** The late-view index attributes: all present while watched, all absent otherwise. */
const LATE_KEY_ATTRIBUTES: readonly string[] = LATE_VIEW.indexes.flatMap((index) => [
  INDEXES[index].pk,
  INDEXES[index].sk,
]);

/** A new incarnation's mark (see StoredShipment.born): short, random. @example newBorn() // 'f3a1c2d4-9b7e' */
export const newBorn = (): string => crypto.randomUUID().slice(0, 13);

/**
 * The late-view keys of a watched shipment (none for one not watched).
 * @example lateKeys({ shopId: 's', shipmentId: 'S-1', lateViewDate: '2025-03-11' }, 4).gsi1sk // { S: '2025-03-11#s#S-1' }
 */
export function lateKeys(
  record: Pick<ShipmentRecord, 'shopId' | 'shipmentId' | 'lateViewDate'>,
  shards: number,
): Item {
  if (record.lateViewDate === undefined) return {};
  const [shopIndex, clerkIndex] = LATE_VIEW.indexes;
  const sort = LATE_VIEW.sort(record.lateViewDate, record.shopId, record.shipmentId);
  const shard = shardOf(shipmentPartition(record.shopId, record.shipmentId), shards);
  return {
    ...indexKeys(shopIndex, LATE_VIEW.shop(record.shopId), sort),
    ...indexKeys(clerkIndex, LATE_VIEW.clerk(shard), sort),
  };
}

/** The head attributes every write decides, from the record. */
function derivedOf(record: ShipmentRecord, shards: number): Item {
  const { status } = deriveState(record.events);
  return {
    [HEAD.orderId]: { S: record.orderId },
    [HEAD.version]: { N: String(record.version) },
    [HEAD.updatedAt]: { S: record.updatedAt },
    [HEAD.status]: { S: status },
    [HEAD.carrier]: { S: record.facts.carrier },
    [HEAD.currency]: { S: record.facts.deliveryCost.currency },
    ...(record.lateViewDate === undefined
      ? {}
      : { [HEAD.lateViewDate]: { S: record.lateViewDate } }),
    // Never removed: a record read from a head without it (written before) has none to give.
    ...(record.placedAt === undefined ? {} : { [HEAD.placedAt]: { S: record.placedAt } }),
    ...lateKeys(record, shards),
    ...openWatchKeys(record, status),
  };
}

/**
 * A new shipment's head (its first facts are its version's).
 * @example headItem(record, newBorn(), 4).eventCount // { N: '0' }
 */
export function headItem(record: ShipmentRecord, born: string, shards: number): Item {
  return {
    ...shipmentHeadKey(record.shopId, record.shipmentId),
    shopId: { S: record.shopId },
    shipmentId: { S: record.shipmentId },
    [HEAD.born]: { S: born },
    [HEAD.eventCount]: { N: String(record.events.length) },
    [HEAD.factsVersion]: { N: String(record.version) },
    ...derivedOf(record, shards),
  };
}

/** An UpdateItem's expression parts. */
export interface Update {
  UpdateExpression: string;
  ConditionExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Item;
}

/**
 * SET `set`, REMOVE `remove`, if every attribute of `expect` holds the value given (and
 * `also`, conditions in the expression language).
 * @example update({ a: { N: '2' } }, ['b'], { a: { N: '1' } }).UpdateExpression // 'SET #s0 = :s0 REMOVE #r0'
 */
export function update(
  set: Item,
  remove: readonly string[],
  expect: Item,
  also: readonly string[] = [],
): Update {
  const names: Record<string, string> = {};
  const values: Item = {};
  const sets = Object.entries(set).map(([name, value], i) => {
    names[`#s${i}`] = name;
    values[`:s${i}`] = value;
    return `#s${i} = :s${i}`;
  });
  const removes = remove.map((name, i) => {
    names[`#r${i}`] = name;
    return `#r${i}`;
  });
  const conditions = Object.entries(expect).map(([name, value], i) => {
    names[`#c${i}`] = name;
    values[`:c${i}`] = value;
    return `#c${i} = :c${i}`;
  });
  conditions.push(...also);
  return {
    UpdateExpression: `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`,
    ConditionExpression: conditions.join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/**
 * The head update a write makes: the derived attributes and `extra` set, the watch removed
 * when it ended, if the head is still at the version read (and `expect`'s values).
 * @example headUpdate(next, 4, { eventCount: { N: '3' } }, { born: { S: 'b1' } }, 2)
 */
export function headUpdate(
  record: ShipmentRecord,
  shards: number,
  extra: Item,
  expect: Item,
  expectedVersion: number,
): Update {
  const watched = record.lateViewDate !== undefined;
  const set = { ...derivedOf(record, shards), ...extra };
  const open = OPEN_KEY_ATTRIBUTES[0]! in set;
  return update(
    set,
    [
      ...(watched ? [] : [HEAD.lateViewDate, ...LATE_KEY_ATTRIBUTES]),
      ...(open ? [] : OPEN_KEY_ATTRIBUTES),
    ],
    { [HEAD.version]: { N: String(expectedVersion) }, ...expect },
  );
}
