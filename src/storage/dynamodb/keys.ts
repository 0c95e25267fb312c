/**
 * Every key of the table, in one place: the base keys of each item type and the index
 * keys (view partitions) it carries. The README's Design section has them as a table.
 *
 * User-supplied parts of composite keys (shop id, waybill, order id, idempotency key,
 * shipment and event ids, guard subject) are URI-encoded (`part`), so a `#` in them cannot
 * forge another key. Clerk-wide views are write-sharded: an entry goes to shard
 * `shardOf(owner) % shards` and a reader reads every shard (see ./views.ts).
 */
import { INDEXES, type IndexName } from '../table';
import { sha256Hex } from '../../lib/sha256';
import type { Item } from './codec';

/** A lone UTF-16 surrogate: JSON text may carry one, but it is no character and cannot be encoded. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A user-supplied key part, encoded so that it cannot contain the `#` separator (a lone
 * surrogate, which encodeURIComponent refuses, is encoded as U+FFFD).
 * @example part('W#1') // 'W%231'
 */
export const part = (text: string): string =>
  encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));

const key = (pk: string, sk: string): Item => ({ pk: { S: pk }, sk: { S: sk } });

/** The number of shards of the clerk-wide views when nothing says otherwise (VIEW_SHARDS). */
export const DEFAULT_VIEW_SHARDS = 4;
/** The most shards a view may have (a page reads every shard of every partition it merges). */
export const MAX_VIEW_SHARDS = 32;

/**
 * The shard of an owner (a claim id, a shipment, an API key id): FNV-1a (32 bit) of its
 * text, modulo the shard count. Stable: the same id always lands in the same shard.
 *
 * @example shardOf('clm_1', 4) // 0..3, always the same
 */
export function shardOf(owner: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < owner.length; i++) {
    hash ^= owner.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

/** One index key pair of an item: `{ gsi1pk, gsi1sk }` for `indexKeys('gsi1', pk, sk)`. */
export function indexKeys(index: IndexName, pk: string, sk: string): Item {
  const names = INDEXES[index];
  return { [names.pk]: { S: pk }, [names.sk]: { S: sk } };
}

// Claims: one partition per claim.

/** The partition of a claim: its head, body, history, evidence, messages, notes, remedies. */
export const claimPartition = (id: string): string => `CLAIM#${part(id)}`;
/** The sort keys of a claim's items; their order is the partition's (ACKDUE < BODY < … < TALLY). */
export const CLAIM_SK = {
  ackDue: 'ACKDUE',
  body: 'BODY',
  evidencePrefix: 'EVIDENCE#',
  head: 'HEAD',
  logPrefix: 'LOG#',
  messagePrefix: 'MESSAGE#',
  notePrefix: 'NOTE#',
  remedyCounter: 'REMEDIES',
  remedyPrefix: 'REMEDY#',
  searchClaimant: 'SEARCH#CLAIMANT',
  searchReference: 'SEARCH#REF',
  tally: 'TALLY',
} as const;

/** @example claimHeadKey('clm_1') // { pk: { S: 'CLAIM#clm_1' }, sk: { S: 'HEAD' } } */
export const claimHeadKey = (id: string): Item => key(claimPartition(id), CLAIM_SK.head);
export const claimBodyKey = (id: string): Item => key(claimPartition(id), CLAIM_SK.body);
/** History events after the first (which the body holds), zero-padded so they sort by number. */
export const claimLogKey = (claimId: string, seq: number): Item =>
  key(claimPartition(claimId), `${CLAIM_SK.logPrefix}${String(seq).padStart(10, '0')}`);
/** The claim's `position`-th evidence entry (1-based, the n of `ev_<n>`), when added after filing. */
export const evidenceKey = (claimId: string, position: number): Item =>
  key(claimPartition(claimId), `${CLAIM_SK.evidencePrefix}${String(position).padStart(6, '0')}`);
/** The claim's `position`-th remedy (1-based, the n of `rm_<n>`). */
export const remedyKey = (claimId: string, position: number): Item =>
  key(claimPartition(claimId), `${CLAIM_SK.remedyPrefix}${String(position).padStart(6, '0')}`);
/**
 * The last remedy number handed out for the claim (`REMEDIES`: not under the `REMEDY#` prefix,
 * so a listing of the remedies never reads it).
 * @example remedyCounterKey('clm_1') // { pk: { S: 'CLAIM#clm_1' }, sk: { S: 'REMEDIES' } }
 */
export const remedyCounterKey = (claimId: string): Item =>
  key(claimPartition(claimId), CLAIM_SK.remedyCounter);
export const claimMessageKey = (claimId: string, messageId: string): Item =>
  key(claimPartition(claimId), `${CLAIM_SK.messagePrefix}${part(messageId)}`);
export const ackDueKey = (claimId: string): Item => key(claimPartition(claimId), CLAIM_SK.ackDue);
export const tallyKey = (claimId: string): Item => key(claimPartition(claimId), CLAIM_SK.tally);
export const searchClaimantKey = (claimId: string): Item =>
  key(claimPartition(claimId), CLAIM_SK.searchClaimant);
export const searchReferenceKey = (claimId: string): Item =>
  key(claimPartition(claimId), CLAIM_SK.searchReference);

/**
 * The guard of "one open claim per shop, type and subject" (`waybill:<w>`): written with
 * the claim, deleted with the move that settles it.
 */
export const openClaimKey = (claim: { shopId: string; type: string }, subject: string): Item =>
  key(`OPEN#${part(claim.shopId)}#${claim.type}#${part(subject)}`, 'OPEN');

/** An Idempotency-Key's record (fingerprint, claim id, expiresAt: the table's TTL). */
export const idempotencyKey = (shopId: string, idempotencyKey: string): Item =>
  key(`IDEM#${part(shopId)}#${part(idempotencyKey)}`, 'IDEM');

/** The sort key of a claim in its created-ordered views: `<createdAt>#<id>` (unique). */
export const createdSort = (claim: { createdAt: string; id: string }): string =>
  `${claim.createdAt}#${claim.id}`;

/**
 * The view partitions of claims. `shop` views are in gsi1/gsi3, their clerk-wide twins
 * (sharded) in gsi2/gsi4; a search item carries two fields (one per index pair).
 */
export const CLAIM_VIEWS = {
  /** Claims by status, newest first (gsi1 / gsi2). */
  status: {
    shop: (shopId: string, status: string) => `SHOP#${part(shopId)}#STATUS#${status}`,
    clerk: (status: string, shard: number) => `STATUS#${status}#${shard}`,
    indexes: ['gsi1', 'gsi2'],
  },
  /** Open (not settled) claims by answer date (gsi3 / gsi4). */
  open: {
    shop: (shopId: string) => `SHOP#${part(shopId)}#OPEN`,
    clerk: (shard: number) => `OPEN#${shard}`,
    indexes: ['gsi3', 'gsi4'],
  },
  /** Claims whose customer is not yet acknowledged, by `acknowledgeBy` (gsi3 / gsi4). */
  unacknowledged: {
    shop: (shopId: string) => `SHOP#${part(shopId)}#UNACK`,
    clerk: (shard: number) => `UNACK#${shard}`,
    indexes: ['gsi3', 'gsi4'],
  },
  /** Search by the customer's name (gsi1 / gsi2). */
  name: {
    shop: (shopId: string) => `SHOP#${part(shopId)}#NAME`,
    clerk: (shard: number) => `NAME#${shard}`,
    indexes: ['gsi1', 'gsi2'],
  },
  /** Search by the customer's phone, its digits last first (gsi3 / gsi4). */
  phone: {
    shop: (shopId: string) => `SHOP#${part(shopId)}#PHONE`,
    clerk: (shard: number) => `PHONE#${shard}`,
    indexes: ['gsi3', 'gsi4'],
  },
  /** Search by order id (gsi1 / gsi2). */
  orderId: {
    shop: (shopId: string) => `SHOP#${part(shopId)}#ORDER`,
    clerk: (shard: number) => `ORDER#${shard}`,
    indexes: ['gsi1', 'gsi2'],
  },
  /** Search by waybill, and the waybill filter (gsi3 / gsi4). */
  waybill: {
    shop: (shopId: string) => `SHOP#${part(shopId)}#WAYBILL`,
    clerk: (shard: number) => `WAYBILL#${shard}`,
    indexes: ['gsi3', 'gsi4'],
  },
} as const satisfies Record<
  string,
  {
    shop: (shopId: string, ...rest: never[]) => string;
    clerk: (...args: never[]) => string;
    indexes: readonly [IndexName, IndexName];
  }
>;
export type ClaimView = keyof typeof CLAIM_VIEWS;

// Derived figures (written by the claim-change consumer only, never by a request).

/** A shop's status counters, or one shard of every shop's. */
export const statusCountsKey = (scope: { shopId: string } | { shard: number }): Item =>
  key(
    'shopId' in scope ? `COUNTS#SHOP#${part(scope.shopId)}` : `COUNTS#ALL#${scope.shard}`,
    'COUNTS',
  );

/** The partition of a month of a shop's analytics counters, or of one shard of every shop's. */
export const aggregatePartition = (scope: { shopId: string } | { shard: number }, month: string) =>
  'shopId' in scope ? `AGG#SHOP#${part(scope.shopId)}#${month}` : `AGG#ALL#${scope.shard}#${month}`;

// Orders and shipments, per shop.

/** @example orderKey('shop-a', 'O-1') // { pk: { S: 'SHOP#shop-a#ORDER#O-1' }, sk: { S: 'ORDER' } } */
export const orderKey = (shopId: string, orderId: string): Item =>
  key(`SHOP#${part(shopId)}#ORDER#${part(orderId)}`, 'ORDER');
/** The partition of a shipment: its head, facts, events, claim links and customer messages. */
export const shipmentPartition = (shopId: string, shipmentId: string): string =>
  `SHOP#${part(shopId)}#SHIPMENT#${part(shipmentId)}`;
/**
 * The sort keys of a shipment's items. A read of the shipment takes `EVENT#` to `HEAD`, so a
 * claim link (`FILED#`, between FACTS and HEAD) comes with it; messages sort after.
 */
export const SHIPMENT_SK = {
  eventPrefix: 'EVENT#',
  facts: 'FACTS',
  claimPrefix: 'FILED#',
  head: 'HEAD',
  messagePrefix: 'MESSAGE#',
} as const;
export const shipmentHeadKey = (shopId: string, shipmentId: string): Item =>
  key(shipmentPartition(shopId, shipmentId), SHIPMENT_SK.head);
export const shipmentFactsKey = (shopId: string, shipmentId: string): Item =>
  key(shipmentPartition(shopId, shipmentId), SHIPMENT_SK.facts);
export const shipmentEventKey = (shopId: string, shipmentId: string, eventId: string): Item =>
  key(shipmentPartition(shopId, shipmentId), `${SHIPMENT_SK.eventPrefix}${part(eventId)}`);
export const shipmentMessageKey = (shopId: string, shipmentId: string, messageId: string): Item =>
  key(shipmentPartition(shopId, shipmentId), `${SHIPMENT_SK.messagePrefix}${part(messageId)}`);
/** A claim filed from the shipment, as the claim-change consumer last linked it (./shipment-claim-links.ts). */
export const shipmentClaimKey = (shopId: string, shipmentId: string, claimId: string): Item =>
  key(shipmentPartition(shopId, shipmentId), `${SHIPMENT_SK.claimPrefix}${part(claimId)}`);

/** Late shipments by deadline (gsi1 / gsi2): sort key `<deadline>#<shop>#<shipment>`. */
export const LATE_VIEW = {
  shop: (shopId: string) => `SHOP#${part(shopId)}#LATE`,
  clerk: (shard: number) => `LATE#${shard}`,
  sort: (lateViewDate: string, shopId: string, shipmentId: string) =>
    `${lateViewDate}#${part(shopId)}#${part(shipmentId)}`,
  indexes: ['gsi1', 'gsi2'],
} as const;

// Shops, keys, sessions.

/** A shop's profile (its details as a sender). */
export const shopKey = (shopId: string): Item => key(`SHOP#${part(shopId)}`, 'PROFILE');
/** The key record, by its public id. */
export const apiKeyKey = (keyId: string): Item => key(`APIKEY#${part(keyId)}`, 'APIKEY');
/** The copy of the key record under its hash: authentication is one GetItem. */
export const apiKeyHashKey = (hash: string): Item => key(`APIKEYHASH#${hash}`, 'APIKEYHASH');
/** API keys in creation order (gsi5, sharded): the CLI's listing. */
export const API_KEY_VIEW = {
  clerk: (shard: number) => `APIKEYS#${shard}`,
  index: 'gsi5',
} as const;

// The claim-change consumer's bookkeeping (src/services/claim-changes.ts): never read by a request.

/** The partition of one shard of the pending claim changes. */
export const pendingPartition = (shard: number): string => `PENDING#${shard}`;
/**
 * A claim change the queue could not be told about, for the cron to reconcile: one item per
 * announcement in a sharded partition (`PENDING#<shard>`, shard of the claim id), sorted by
 * when it was recorded.
 *
 * @example pendingChangeKey('clm_1', '2026-01-05T10:00:00.000Z', 4) // { pk: 'PENDING#<0..3>', sk: '2026-01-05T10:00:00.000Z#clm_1' }
 */
export const pendingChangeKey = (claimId: string, at: string, shards: number): Item =>
  key(pendingPartition(shardOf(claimId, shards)), `${at}#${part(claimId)}`);

/** Where the cron's rolling sweep over every claim stopped (one item). */
export const sweepCursorKey = (): Item => key('SWEEP#CLAIMS', 'CURSOR');

// Added by the shipments storage (issue 18).

/** DynamoDB's longest sort key, in bytes. */
const MAX_SORT_KEY_BYTES = 1024;

/**
 * A shipment event's key whatever its id. An event id may be 128 characters of any script,
 * and encoded (`part`) that is up to 1,152 bytes, past DynamoDB's 1,024-byte sort key: such
 * an id is keyed by its SHA-256 instead, `EVENT##<hex>` (`part` never yields `#`, so neither
 * form can be forged with the other). The event's own item holds its id.
 *
 * @example await shipmentEventKeyOf('s', 'S-1', 'e1') // equal to shipmentEventKey('s', 'S-1', 'e1')
 */
export async function shipmentEventKeyOf(
  shopId: string,
  shipmentId: string,
  eventId: string,
): Promise<Item> {
  const plain = shipmentEventKey(shopId, shipmentId, eventId);
  if ((plain.sk?.S ?? '').length <= MAX_SORT_KEY_BYTES) return plain;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(eventId));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return key(shipmentPartition(shopId, shipmentId), `${SHIPMENT_SK.eventPrefix}#${hex}`);
}

// Carrier hooks and what they bring (issue 22).

/**
 * A shipment's entry under its waybill, in the shop's waybill partition: what an order replace
 * writes and deletes in the same transaction as the shipment it names (./order-groups.ts), so
 * a carrier event finds its shipment with one strongly consistent Query.
 *
 * @example waybillShipmentKey('shop-a', '1106207236', 'S-1') // { pk: 'SHOP#shop-a#WAYBILL#1106207236', sk: 'SHIPMENT#S-1' }
 */
export const waybillShipmentKey = (shopId: string, waybill: string, shipmentId: string): Item =>
  key(waybillPartition(shopId, waybill), `SHIPMENT#${part(shipmentId)}`);
/** The partition of the shipments carrying `waybill` in the shop (one, unless reused). */
export const waybillPartition = (shopId: string, waybill: string): string =>
  `SHOP#${part(shopId)}#WAYBILL#${part(waybill)}`;

/** The partition of a shop's carrier hooks: one item per hook, and their count. */
export const carrierHookPartition = (shopId: string): string => `SHOP#${part(shopId)}#HOOKS`;
/** The sort keys of a hook partition: each hook, and the count that caps them. */
export const CARRIER_HOOK_SK = { hookPrefix: 'HOOK#', count: 'COUNT' } as const;
/** @example carrierHookKey('shop-a', 'hk_1') // { pk: 'SHOP#shop-a#HOOKS', sk: 'HOOK#hk_1' } */
export const carrierHookKey = (shopId: string, hookId: string): Item =>
  key(carrierHookPartition(shopId), `${CARRIER_HOOK_SK.hookPrefix}${part(hookId)}`);
/** The number of the shop's live hooks, held below the cap by the writes that change it. */
export const carrierHookCountKey = (shopId: string): Item =>
  key(carrierHookPartition(shopId), CARRIER_HOOK_SK.count);
/**
 * A hook's copy under the SHA-256 (hex) of its secret token: an inbound call is one GetItem.
 * @example carrierHookTokenKey('9f86…') // { pk: 'HOOKTOKEN#9f86…', sk: 'HOOKTOKEN' }
 */
export const carrierHookTokenKey = (hash: string): Item => key(`HOOKTOKEN#${hash}`, 'HOOKTOKEN');

/**
 * The partition of a shop's carrier events kept for a parcel it has no shipment for yet (or
 * that the shipment rules refused): by waybill (`W#`), else by the shop's order id (`O#`), so
 * that neither can be mistaken for the other. The sort key is the event id (the dedupe).
 *
 * @example unmatchedPartition('shop-a', { waybill: '1106207236' }) // 'SHOP#shop-a#UNMATCHED#W#1106207236'
 */
export const unmatchedPartition = (
  shopId: string,
  parcel: { waybill: string } | { orderNumber: string },
): string =>
  'waybill' in parcel
    ? `SHOP#${part(shopId)}#UNMATCHED#W#${part(parcel.waybill)}`
    : `SHOP#${part(shopId)}#UNMATCHED#O#${part(parcel.orderNumber)}`;

/**
 * A kept event's key. An event id longer than a sort key takes (see `shipmentEventKeyOf`) is
 * keyed by its SHA-256, `#<hex>` (`part` never yields `#`).
 *
 * @example await unmatchedEventKey('SHOP#s#UNMATCHED#W#1', 'cdek:…') // { pk, sk: 'cdek%3A…' }
 */
export async function unmatchedEventKey(partition: string, eventId: string): Promise<Item> {
  const plain = part(eventId);
  if (plain.length <= MAX_SORT_KEY_BYTES) return key(partition, plain);
  return key(partition, `#${await sha256Hex(eventId)}`);
}

/**
 * A shop's kept events, newest first (gsi1, KEYS_ONLY; the entry names its item): sort key
 * `<receivedAt>#<random>`, unique.
 */
export const UNMATCHED_VIEW = {
  shop: (shopId: string) => `SHOP#${part(shopId)}#UNMATCHED`,
  index: 'gsi1',
} as const;
