/**
 * Item layout: base keys, index keys and the mapping between domain records
 * and DynamoDB items (see the design comment in `../table.ts`).
 */
import {
  isFinalStatus,
  type Claim,
  type ClaimEvent,
  type ClaimEvidence,
  type ClaimType,
} from '../../domain/claim';
import type { ClaimSummary } from '../repository';
import { INDEX_PARTITIONS, INDEXES } from '../table';
import { fromItem, numberOf, toItem, type Item } from './codec';
import { unacknowledgedKeys } from './unacknowledged';
import { ASSIGNEE_ATTRIBUTE, claimSearchKeys } from './search-keys';

/** User-supplied parts of composite keys are URI-encoded so `#` cannot forge another key. */
const part = encodeURIComponent;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Attributes a filed claim item carries besides the claim itself (see `filedClaimItem`).
 * Moves rewrite the claim's attributes only, never these.
 */
export const FILED = {
  /** The `filed` event (seq 1), written with the claim in the same PutItem. */
  event: 'filedEvent',
  /** With an Idempotency-Key: the key, the request's fingerprint, the original answer. */
  idemKey: 'idemKey',
  idemFingerprint: 'idemFingerprint',
  idemResponse: 'idemResponse',
  /**
   * Epoch seconds after which the key is forgotten. Deliberately not the table's TTL
   * attribute (`expiresAt`): TTL would delete the claim.
   */
  idemExpiresAt: 'idemExpiresAt',
  /**
   * How many evidence entries the original answer had: `idemResponse` keeps `evidence: []`
   * and a replay reads them from the claim's first evidence items (an entry never changes
   * once added), so the claim item does not carry them twice. Absent in records written
   * before evidence left the claim item: their `idemResponse` has the entries inline.
   */
  idemEvidence: 'idemEvidence',
} as const;

/**
 * How many evidence entries the claim holds, each an item of its own (`evidenceKey`).
 * Claim items written before evidence left them lack it: their entries are inside `doc`.
 */
export const EVIDENCE_COUNT = 'evidenceCount';

/** Sort-key prefixes in a claim's partition: CLAIM < EVENT#… < EVIDENCE#… < MESSAGE#… < REMEDY#… */
export const EVENT_PREFIX = 'EVENT#';
export const EVIDENCE_PREFIX = 'EVIDENCE#';
export const REMEDY_PREFIX = 'REMEDY#';

/** The attributes that put an item into the indexes (and the assignee copy filters read). */
export const INDEX_ATTRIBUTES: readonly string[] = [
  ...new Set(Object.values(INDEXES).flatMap((index) => [index.pk, index.sk])),
  ASSIGNEE_ATTRIBUTE,
];

/** Attributes that belong to the storage layout, not to the record. */
const LAYOUT_ATTRIBUTES: ReadonlySet<string> = new Set(['pk', 'sk', 'entity', ...INDEX_ATTRIBUTES]);

const key = (pk: string, sk: string): Item => ({ pk: { S: pk }, sk: { S: sk } });

/**
 * Base-table keys of each item type (see `../table.ts`).
 *
 * @example
 * claimKey('clm_1'); // { pk: { S: 'CLAIM#clm_1' }, sk: { S: 'CLAIM' } }
 */
export const claimKey = (id: string): Item => key(claimPartition(id), 'CLAIM');
/** The partition shared by a claim and its events. */
export const claimPartition = (id: string): string => `CLAIM#${part(id)}`;
/** Zero-padded so events sort by number, not by text. */
export const eventKey = (claimId: string, seq: number): Item =>
  key(claimPartition(claimId), `${EVENT_PREFIX}${String(seq).padStart(10, '0')}`);
/** The claim's `position`-th evidence entry (1-based, the n of its `ev_<n>` id), zero-padded. */
export const evidenceKey = (claimId: string, position: number): Item =>
  key(claimPartition(claimId), `${EVIDENCE_PREFIX}${String(position).padStart(6, '0')}`);
/** The claim's `position`-th remedy (1-based, the n of its `rm_<n>` id), zero-padded. */
export const remedyKey = (claimId: string, position: number): Item =>
  key(claimPartition(claimId), `${REMEDY_PREFIX}${String(position).padStart(6, '0')}`);
/**
 * The guard of "one open claim per shop, type and subject" (`waybill:<w>`, later
 * `shipment:<id>`): written with the claim, deleted with the move that settles it.
 */
export const openClaimKey = (claim: { shopId: string; type: ClaimType }, subject: string): Item =>
  key(`OPEN#${part(claim.shopId)}#${claim.type}#${part(subject)}`, 'OPEN');
/** A shop's profile (its details as a sender). */
export const shopKey = (shopId: string): Item => key(`SHOP#${part(shopId)}`, 'PROFILE');
/** The key record, by its public id. */
export const apiKeyKey = (keyId: string): Item => key(`APIKEY#${part(keyId)}`, 'APIKEY');
/** The copy of the key record under its hash: authentication is one GetItem. */
export const apiKeyHashKey = (hash: string): Item => key(`APIKEYHASH#${hash}`, 'APIKEYHASH');

/** The partition value of each index for a claim (absent → not in that index). */
export function claimIndexKeys(claim: Claim): Record<string, string> {
  if (!ISO_INSTANT.test(claim.createdAt)) {
    // Sort keys compare as text: only the fixed-width toISOString() form sorts by time.
    throw new RangeError(`createdAt must be an ISO instant like 2025-01-31T10:00:00.000Z`);
  }
  const created = `${claim.createdAt}#${claim.id}`;
  const keys: Record<string, string> = {
    createdSk: created,
    allPk: INDEX_PARTITIONS.all(),
    shopPk: INDEX_PARTITIONS.byShop(claim),
    shopStatusPk: INDEX_PARTITIONS.byShopStatus(claim),
    shopWaybillPk: INDEX_PARTITIONS.byShopWaybill(claim),
    statusPk: INDEX_PARTITIONS.byStatus(claim),
    carrierPk: INDEX_PARTITIONS.byCarrier(claim),
    typePk: INDEX_PARTITIONS.byType(claim),
    waybillPk: INDEX_PARTITIONS.byWaybill(claim),
    ...claimSearchKeys(claim, created),
  };
  if (!isFinalStatus(claim.status)) {
    // In the overdue indexes while open: the clerk-wide one and the shop's own.
    keys.openPk = INDEX_PARTITIONS.overdue();
    keys.shopOpenPk = INDEX_PARTITIONS.shopOverdue(claim);
    keys.dueSk = `${claim.answerDueBy}#${created}`;
  }
  // Index key attributes may not be empty strings: leave such a claim out of that index.
  return Object.fromEntries(Object.entries(keys).filter(([, value]) => value !== ''));
}

/** Claim fields copied next to the document for conditions and list filters. */
const QUERYABLE = ['id', 'shopId', 'status', 'type', 'carrier', 'waybill', 'answerDueBy'] as const;

/**
 * The claim is stored as its JSON document (`doc`, its entries left out: each is an
 * EVIDENCE item), so it reads back byte-identical to what was answered at filing (key order, any JSON in
 * `shipment`/`compensation`), plus queryable copies of a few fields and
 * `version` as a number for the optimistic lock.
 *
 * @example
 * claimToItem(claim); // { pk, sk, entity, shopPk, createdSk, ..., shopId, status, version, doc }
 */
export function claimToItem(claim: Claim): Item {
  const queryable = Object.fromEntries(QUERYABLE.map((name) => [name, { S: claim[name] }]));
  return {
    ...toItem(claimIndexKeys(claim)),
    ...queryable,
    createdAt: { S: claim.createdAt },
    version: { N: String(claim.version) },
    // The entries are items of their own; `[]` keeps the key's place in the document.
    doc: { S: JSON.stringify({ ...claim, evidence: [] }) },
    [EVIDENCE_COUNT]: { N: String(claim.evidence.length) },
    ...claimKey(claim.id),
    entity: { S: 'CLAIM' },
  };
}

/** One evidence entry as an item in its claim's partition, its JSON kept as answered. */
export function evidenceToItem(claimId: string, entry: ClaimEvidence, position: number): Item {
  return {
    ...evidenceKey(claimId, position),
    entity: { S: 'EVIDENCE' },
    doc: { S: JSON.stringify(entry) },
  };
}

/** The guard item: which claim holds "open" for its key. */
export function openClaimItem(claim: Claim, subject: string): Item {
  return {
    ...openClaimKey(claim, subject),
    entity: { S: 'OPEN_CLAIM' },
    claimId: { S: claim.id },
    subject: { S: subject },
  };
}

/**
 * The claim item filing writes: the claim, its first history event, and, with an
 * Idempotency-Key, what a replay of the key needs (the evidence entries are items of
 * their own, written in the same transaction).
 *
 * @example
 * filedClaimItem(claim, event, { key: 'k-1', fingerprint, expiresAt }); // { ...claimToItem(claim), filedEvent, idemKey, ... }
 */
export function filedClaimItem(
  claim: Claim,
  event: ClaimEvent,
  idempotency?: { key: string; fingerprint: string; expiresAt: number },
): Item {
  const item: Item = {
    ...claimToItem(claim),
    ...unacknowledgedKeys(claim),
    [FILED.event]: { M: toItem(event) },
  };
  if (idempotency === undefined) return item;
  return {
    ...item,
    [FILED.idemKey]: { S: idempotency.key },
    [FILED.idemFingerprint]: { S: idempotency.fingerprint },
    [FILED.idemResponse]: { S: JSON.stringify({ ...claim, evidence: [] }) },
    [FILED.idemEvidence]: { N: String(claim.evidence.length) },
    [FILED.idemExpiresAt]: { N: String(idempotency.expiresAt) },
  };
}

/** The `filed` event a claim item carries, if it was filed in one item. */
export function itemToFiledEvent(item: Item): ClaimEvent | undefined {
  const map = item[FILED.event]?.M;
  return map === undefined ? undefined : inEventOrder(fromItem(map));
}

/** DynamoDB keeps no attribute order: events read back in one fixed key order (any other field last). */
const EVENT_FIELDS = ['claimId', 'seq', 'at', 'actor', 'type', 'from', 'to', 'note'];
function inEventOrder(record: Record<string, unknown>): ClaimEvent {
  const ordered: Record<string, unknown> = {};
  for (const field of EVENT_FIELDS) if (field in record) ordered[field] = record[field];
  return decoded<ClaimEvent>(Object.assign(ordered, record));
}

/**
 * The claim from its stored JSON document and its evidence items (in partition order).
 * A claim item written before evidence left it (no `evidenceCount`) carries its entries
 * in `doc`; the ones filed before entries had ids get `ev_<position>`.
 */
export function itemToClaim(item: Item, evidence: readonly Item[] = []): Claim {
  const stored = claimDocument(item);
  const count = numberOf(item, EVIDENCE_COUNT);
  const entries =
    count === undefined
      ? stored.evidence.map(({ id, ...entry }, i) => ({ id: id ?? `ev_${i + 1}`, ...entry }))
      : // Only the first `count` slots: one beyond it is a leftover of a move that failed.
        evidence.slice(0, count).map((entry) => evidenceDocument(entry));
  // Replaced in place: the document keeps its key order.
  return Object.assign(stored, { evidence: entries });
}

/**
 * A claim as a listing answers it: every field but the evidence entries, which are
 * items of their own, and their number in `evidenceCount` (in the place of `evidence`).
 */
export function itemToClaimSummary(item: Item): ClaimSummary {
  const claim = claimDocument(item);
  const evidenceCount = numberOf(item, EVIDENCE_COUNT) ?? claim.evidence.length;
  const summary: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(claim)) {
    if (name === 'evidence') summary.evidenceCount = evidenceCount;
    else summary[name] = value;
  }
  return decoded<ClaimSummary>(summary);
}

/** A claim document as stored: before evidence had ids, its entries lacked them. */
type StoredClaim = Omit<Claim, 'evidence'> & {
  evidence: (Omit<ClaimEvidence, 'id'> & { id?: string })[];
};

function claimDocument(item: Item): StoredClaim {
  const doc = item.doc?.S;
  if (doc === undefined || item.sk?.S !== 'CLAIM') {
    throw new Error(`item ${item.pk?.S} is not a claim`);
  }
  return JSON.parse(doc) as StoredClaim;
}

/** An evidence entry from its item. */
export function evidenceDocument(item: Item): ClaimEvidence {
  const doc = item.doc?.S;
  if (doc === undefined) throw new Error(`item ${item.sk?.S} is not evidence`);
  return JSON.parse(doc) as ClaimEvidence;
}

/** An event as an item in its claim's partition. */
export function eventToItem(event: ClaimEvent): Item {
  return { ...toItem(event), ...eventKey(event.claimId, event.seq), entity: { S: 'EVENT' } };
}

/** The event, without layout attributes. */
export function itemToEvent(item: Item): ClaimEvent {
  return inEventOrder(fromItem(item, LAYOUT_ATTRIBUTES));
}

/**
 * A decoded item as the record type it was written from (only this module's own
 * writers put items in the table, so the shape is theirs).
 */
function decoded<T extends object>(record: Record<string, unknown>): T {
  return record as T;
}

/**
 * Strips layout attributes from any item; the record as the type it was written as.
 *
 * @example const record = itemToRecord<ApiKeyRecord>(item);
 */
export function itemToRecord<T extends object = Record<string, unknown>>(item: Item): T {
  return decoded<T>(fromItem(item, LAYOUT_ATTRIBUTES));
}
