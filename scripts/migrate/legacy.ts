/**
 * The old layout (main at e52c7d7, and the older layouts that code still read), decoded. This
 * is the one place that reads it: after `npm run migrate` nothing in src/ knows it existed.
 * Each reader reproduces what the old code answered from the item, so a migrated record reads
 * back as the old API showed it (see test/storage/migrate.test.ts).
 *
 * Old claim partition (`CLAIM#<id>`): one CLAIM item (`doc`: the claim as last written with
 * `evidence: []`; `evidenceCount`: how many EVIDENCE#<n> items hold its entries, absent on
 * items written before evidence left `doc`; `filedEvent`: the first event as a map, absent on
 * claims whose first event is an EVENT#0000000001 item; with an Idempotency-Key `idemKey`,
 * `idemFingerprint`, `idemResponse` (the first answer with `evidence: []`), `idemEvidence`
 * (how many entries that answer had; absent: they are inline), `idemExpiresAt`), EVENT#<seq>
 * items (a map each), EVIDENCE#<n>, MESSAGE#, NOTE#, REMEDY# items. Older versions kept the
 * key's record apart, `IDEM#<shop>#<key>` (`response` with its entries inline, `expiresAt` TTL).
 * Shipments: one SHIPMENT item (`doc`: facts and updatedAt; `events`: a list of JSON strings,
 * absent on items written before it existed, whose events and `watchDate` are inside `doc`).
 */
import type { Claim, ClaimEvent, ClaimEvidence } from '../../src/domain/claim';
import type { ShipmentEvent, ShipmentFacts } from '../../src/domain/shipment';
import { fromItem, type Item } from '../../src/storage/dynamodb/codec';
import type { OrderRecord, ShipmentRecord } from '../../src/storage/repository';

/** The key attributes of the old table's 18 indexes (and the assignee copy filters read). */
export const LEGACY_INDEX_ATTRIBUTES: ReadonlySet<string> = new Set([
  'shopAckPk',
  'ackSk',
  'shopWaybillPk',
  'createdSk',
  'shopOpenPk',
  'dueSk',
  'shopStatusPk',
  'shopPk',
  'ackPk',
  'waybillPk',
  'openPk',
  'statusPk',
  'carrierPk',
  'typePk',
  'allPk',
  'shipShopLatePk',
  'promiseSk',
  'shipLatePk',
  'nameSearchPk',
  'nameSk',
  'phoneSearchPk',
  'phoneSk',
  'orderSearchPk',
  'orderSk',
  'waybillSearchPk',
  'waybillSk',
  'assigneeId',
]);

/** The old sort keys of a claim's partition. */
export const LEGACY_CLAIM_SK = {
  claim: 'CLAIM',
  eventPrefix: 'EVENT#',
  evidencePrefix: 'EVIDENCE#',
} as const;

/**
 * An item of a kind whose layout did not change (guard, note, remedy, message sent, shop
 * profile, key by hash, desk session), without what put it into the old indexes.
 * @example withoutLegacyIndexes({ pk, sk, allPk: { S: 'APIKEY' } }) // { pk, sk }
 */
export function withoutLegacyIndexes(item: Item): Item {
  return Object.fromEntries(
    Object.entries(item).filter(([name]) => !LEGACY_INDEX_ATTRIBUTES.has(name)),
  );
}

/** The old claim document: entries filed before evidence had ids lack them. */
type StoredClaim = Omit<Claim, 'evidence'> & {
  evidence: (Omit<ClaimEvidence, 'id'> & { id?: string })[];
};

/**
 * The claim as the old code read it: `doc` with its entries in place (from the EVIDENCE items
 * up to `evidenceCount`, or, on items without it, from `doc`, `ev_<n>` given to those without
 * an id); key order as stored.
 * @example legacyClaim(claimItem, evidenceItems).evidence.length // evidenceCount
 */
export function legacyClaim(item: Item, evidence: readonly Item[]): Claim {
  const stored = JSON.parse(item.doc?.S ?? '{}') as StoredClaim;
  const count = item.evidenceCount?.N;
  const entries: ClaimEvidence[] =
    count === undefined
      ? stored.evidence.map(({ id, ...entry }, i) => ({ id: id ?? `ev_${i + 1}`, ...entry }))
      : evidence.slice(0, Number(count)).map(legacyEvidence);
  return Object.assign(stored, { evidence: entries }) as Claim;
}

/**
 * An old EVIDENCE item's entry (the same JSON the new one holds).
 * @example legacyEvidence(item).id // 'ev_2'
 */
export const legacyEvidence = (item: Item): ClaimEvidence =>
  JSON.parse(item.doc?.S ?? '{}') as ClaimEvidence;

/** The old code answered events in this key order (DynamoDB keeps none); others after. */
const EVENT_FIELDS = ['claimId', 'seq', 'at', 'actor', 'type', 'from', 'to', 'note'];
/**
 * The event's maps in the domain's key order, as the old API answered them: it passed on the
 * order DynamoDB returned, which is not guaranteed (a table restored or exported may return
 * them sorted); the new layout stores the event as JSON text, so its order is fixed here.
 */
const NESTED_FIELDS: Record<string, readonly string[]> = {
  actor: ['role', 'id'],
  cause: ['from', 'to'],
};

function ordered(
  record: Record<string, unknown>,
  fields: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) if (field in record) out[field] = record[field];
  return Object.assign(out, record);
}

function inEventOrder(record: Record<string, unknown>): ClaimEvent {
  const event = ordered(record, EVENT_FIELDS);
  for (const [field, order] of Object.entries(NESTED_FIELDS)) {
    const value = event[field];
    if (typeof value === 'object' && value !== null) {
      event[field] = ordered(value as Record<string, unknown>, order);
    }
  }
  return event as unknown as ClaimEvent;
}

const EVENT_LAYOUT: ReadonlySet<string> = new Set([
  'pk',
  'sk',
  'entity',
  ...LEGACY_INDEX_ATTRIBUTES,
]);

/**
 * An old EVENT#<seq> item's event, as the old history answered it.
 * @example legacyEvent(item).seq // 2
 */
export const legacyEvent = (item: Item): ClaimEvent => inEventOrder(fromItem(item, EVENT_LAYOUT));

/**
 * The first event: the claim item's `filedEvent` map, else the EVENT item of seq 1.
 * @example legacyFiledEvent(claimItem, eventItems)?.type // 'filed'
 */
export function legacyFiledEvent(claimItem: Item, events: readonly Item[]): ClaimEvent | undefined {
  const map = claimItem.filedEvent?.M;
  if (map !== undefined) return inEventOrder(fromItem(map));
  const first = events.map(legacyEvent).find((event) => event.seq === 1);
  return first;
}

/** A key's record on the claim item (filed with an Idempotency-Key by e52c7d7's code). */
export interface LegacyKeyRecord {
  key: string;
  fingerprint: string;
  /** The first answer, JSON, with `evidence: []` when `evidence` is set. */
  response: string;
  /** How many entries the first answer had (its first ones); undefined: inline in `response`. */
  evidence: number | undefined;
  expiresAt: number;
}

/** @example legacyKeyRecord(claimItem)?.expiresAt // epoch seconds */
export function legacyKeyRecord(item: Item): LegacyKeyRecord | undefined {
  const key = item.idemKey?.S;
  const fingerprint = item.idemFingerprint?.S;
  const response = item.idemResponse?.S;
  const expiresAt = item.idemExpiresAt?.N;
  if (key === undefined || fingerprint === undefined || response === undefined) return undefined;
  if (expiresAt === undefined) return undefined;
  const evidence = item.idemEvidence?.N;
  return {
    key,
    fingerprint,
    response,
    evidence: evidence === undefined ? undefined : Number(evidence),
    expiresAt: Number(expiresAt),
  };
}

/** An `IDEM#<shop>#<key>` item of the versions before the key moved onto the claim item. */
export interface LegacyIdemItem {
  shopId: string;
  key: string;
  claimId: string;
  fingerprint: string;
  /** The first answer, JSON, entries inline. */
  response: string;
  expiresAt: number;
}

/** @example legacyIdemItem(item)?.claimId // 'clm_…' */
export function legacyIdemItem(item: Item): LegacyIdemItem | undefined {
  const [shopId, key, claimId, fingerprint, response] = [
    item.shopId?.S,
    item.key?.S,
    item.claimId?.S,
    item.fingerprint?.S,
    item.response?.S,
  ];
  const expiresAt = item.expiresAt?.N;
  if (!shopId || !key || !claimId || !fingerprint || response === undefined) return undefined;
  if (expiresAt === undefined) return undefined;
  return { shopId, key, claimId, fingerprint, response, expiresAt: Number(expiresAt) };
}

interface OrderDoc {
  placedAt: string;
  customer: OrderRecord['customer'];
  b2b: boolean;
  shipmentIds: string[];
  updatedAt: string;
}

/**
 * The old ORDER item's order.
 * @example legacyOrder(item).shipmentIds // ['S-1', 'S-2']
 */
export function legacyOrder(item: Item): OrderRecord {
  const doc = JSON.parse(item.doc?.S ?? '{}') as OrderDoc;
  return {
    shopId: item.shopId?.S ?? '',
    orderId: item.orderId?.S ?? '',
    placedAt: doc.placedAt,
    customer: doc.customer,
    b2b: doc.b2b,
    shipmentIds: doc.shipmentIds,
    version: Number(item.version?.N ?? '0'),
    updatedAt: doc.updatedAt,
  };
}

interface ShipmentDoc {
  facts: ShipmentFacts;
  /** Only on items written before the `events` list existed. */
  events?: ShipmentEvent[];
  updatedAt: string;
  /** Only on items written before the `events` list existed. */
  watchDate?: string;
}

/**
 * The old SHIPMENT item's record: events from the `events` list (arrival order) or, on older
 * items, from `doc`; `updatedAt` top-level first (an appended event rewrote only that copy);
 * the late-view date as stored (from the index key, or `doc` on older items).
 * @example legacyShipment(item).events.length // every event, in arrival order
 */
export function legacyShipment(item: Item): ShipmentRecord {
  const doc = JSON.parse(item.doc?.S ?? '{}') as ShipmentDoc;
  const list = item.events?.L;
  const events =
    list === undefined
      ? (doc.events ?? [])
      : list.map((entry) => JSON.parse(entry.S ?? '{}') as ShipmentEvent);
  const lateViewDate = list === undefined ? doc.watchDate : item.promiseSk?.S?.split('#')[0];
  return {
    shopId: item.shopId?.S ?? '',
    shipmentId: item.shipmentId?.S ?? '',
    orderId: item.orderId?.S ?? '',
    facts: doc.facts,
    events,
    version: Number(item.version?.N ?? '0'),
    updatedAt: item.updatedAt?.S ?? doc.updatedAt,
    ...(lateViewDate === undefined ? {} : { lateViewDate }),
  };
}
