/**
 * A claim in two items, so that a move rewrites only what moves change:
 *   BODY  written once, at filing: the claim exactly as first answered (version 1, the
 *         evidence given with it inline), deflate-compressed; its first history event. It is
 *         also what an Idempotency-Key replays. Never updated.
 *   HEAD  what moves change (status, version, updatedAt, decision, payment, assignee, cause,
 *         missingEvidence), the number of evidence entries, and the claim's index keys:
 *         by status (a shop's and, sharded, everyone's) and, while open, by answer date.
 * Reading joins them: the body's document with each changeable field replaced in place by
 * the head's (dropped when the head no longer has it), then the head's fields the body never
 * had, in the head's order; so a claim reads back byte-identical to what its last write
 * answered. Evidence added after filing is one EVIDENCE# item per entry.
 */
import { isFinalStatus, type Claim, type ClaimEvent, type ClaimEvidence } from '../../domain/claim';
import type { ClaimSummary } from '../repository';
import type { Item } from './codec';
import { deflate, inflate } from './compress';
import {
  CLAIM_VIEWS,
  claimBodyKey,
  claimHeadKey,
  claimLogKey,
  createdSort,
  evidenceKey,
  idempotencyKey,
  indexKeys,
  openClaimKey,
  shardOf,
} from './keys';
import { TTL_ATTRIBUTE } from '../table';

/** The claim fields a move may change: they live in the head. */
const CHANGEABLE: ReadonlySet<string> = new Set([
  'status',
  'version',
  'updatedAt',
  'decision',
  'payment',
  'assignee',
  'cause',
  'missingEvidence',
]);
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Attribute names of the head and the body. */
export const HEAD = {
  version: 'version',
  shopId: 'shopId',
  status: 'status',
  evidenceCount: 'evidenceCount',
  assigneeId: 'assigneeId',
  doc: 'doc',
} as const;
export const BODY = {
  doc: 'doc',
  filedEvent: 'filedEvent',
  filedEvidence: 'filedEvidence',
} as const;

/**
 * The head's index keys: the claim by status (gsi1 the shop's, gsi2 everyone's, sharded by
 * claim id), and while it is open by answer date (gsi3, gsi4).
 * @example headIndexKeys(claim, 4).gsi1pk // { S: 'SHOP#shop-a#STATUS#submitted' }
 */
export function headIndexKeys(claim: Claim, shards: number): Item {
  if (!ISO_INSTANT.test(claim.createdAt)) {
    // Sort keys compare as text: only the fixed-width toISOString() form sorts by time.
    throw new RangeError('createdAt must be an ISO instant like 2025-01-31T10:00:00.000Z');
  }
  const shard = shardOf(claim.id, shards);
  const created = createdSort(claim);
  const { status } = CLAIM_VIEWS;
  const keys: Item = {
    ...indexKeys('gsi1', status.shop(claim.shopId, claim.status), created),
    ...indexKeys('gsi2', status.clerk(claim.status, shard), created),
  };
  if (isFinalStatus(claim.status)) return keys;
  const due = `${claim.answerDueBy}#${created}`;
  return {
    ...keys,
    ...indexKeys('gsi3', CLAIM_VIEWS.open.shop(claim.shopId), due),
    ...indexKeys('gsi4', CLAIM_VIEWS.open.clerk(shard), due),
  };
}

/**
 * The head of a claim as it is after a write.
 * @example claimHeadItem(claim, 4).status // { S: 'submitted' }
 */
export function claimHeadItem(claim: Claim, shards: number): Item {
  const changeable: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(claim)) {
    if (CHANGEABLE.has(name)) changeable[name] = value;
  }
  return {
    ...claimHeadKey(claim.id),
    entity: { S: 'CLAIM' },
    [HEAD.shopId]: { S: claim.shopId },
    [HEAD.status]: { S: claim.status },
    [HEAD.version]: { N: String(claim.version) },
    [HEAD.evidenceCount]: { N: String(claim.evidence.length) },
    ...(claim.assignee === undefined ? {} : { [HEAD.assigneeId]: { S: claim.assignee.id } }),
    [HEAD.doc]: { S: JSON.stringify(changeable) },
    ...headIndexKeys(claim, shards),
  };
}

/**
 * The body: the claim as filed (the first answer), its first event, its evidence count.
 * @example await claimBodyItem(claim, event) // { pk, sk: 'BODY', doc: { B: … }, filedEvent, … }
 */
export async function claimBodyItem(claim: Claim, event: ClaimEvent): Promise<Item> {
  return {
    ...claimBodyKey(claim.id),
    entity: { S: 'CLAIM_BODY' },
    shopId: { S: claim.shopId },
    [BODY.doc]: { B: await deflate(JSON.stringify(claim)) },
    [BODY.filedEvent]: { S: JSON.stringify(event) },
    [BODY.filedEvidence]: { N: String(claim.evidence.length) },
  };
}

/** The claim as first answered (the body's document, as JSON text). */
export async function bodyDocument(body: Item): Promise<string> {
  const bytes = body[BODY.doc]?.B;
  if (bytes === undefined) throw new Error(`item ${body.pk?.S} is not a claim body`);
  return inflate(bytes);
}

/** How many of the claim's evidence entries the body holds (the rest are EVIDENCE# items). */
export const filedEvidenceOf = (body: Item): number => Number(body[BODY.filedEvidence]?.N ?? 0);

/** The first history event, from the body. */
export function filedEventOf(body: Item): ClaimEvent {
  return JSON.parse(body[BODY.filedEvent]?.S ?? '{}') as ClaimEvent;
}

/** One evidence entry added after filing, as an item in its claim's partition. */
export function evidenceItem(claimId: string, entry: ClaimEvidence, position: number): Item {
  return {
    ...evidenceKey(claimId, position),
    entity: { S: 'EVIDENCE' },
    doc: { S: JSON.stringify(entry) },
  };
}

/** An event after the first, as an item in its claim's partition. */
export function logItem(event: ClaimEvent): Item {
  return {
    ...claimLogKey(event.claimId, event.seq),
    entity: { S: 'EVENT' },
    doc: { S: JSON.stringify(event) },
  };
}

export const logEventOf = (item: Item): ClaimEvent => JSON.parse(item.doc?.S ?? '{}') as ClaimEvent;
export const evidenceEntryOf = (item: Item): ClaimEvidence =>
  JSON.parse(item.doc?.S ?? '{}') as ClaimEvidence;

/**
 * The claim from its body, head and later evidence items (in partition order): the body's
 * document with the head's fields in place. Evidence: the filed entries, then the items, up to
 * the head's count (an item beyond it is a leftover of a move that did not commit).
 */
export async function joinClaim(body: Item, head: Item, later: readonly Item[]): Promise<Claim> {
  const claim = joined(JSON.parse(await bodyDocument(body)) as Record<string, unknown>, head);
  const filed = (claim.evidence as ClaimEvidence[] | undefined) ?? [];
  const count = Number(head[HEAD.evidenceCount]?.N ?? filed.length);
  claim.evidence = [...filed, ...later.map(evidenceEntryOf)].slice(0, count);
  return claim as unknown as Claim;
}

/** The claim as a listing answers it: its evidence entries counted, not included. */
export async function joinSummary(body: Item, head: Item): Promise<ClaimSummary> {
  const claim = joined(JSON.parse(await bodyDocument(body)) as Record<string, unknown>, head);
  const summary: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(claim)) {
    if (name === 'evidence') summary.evidenceCount = Number(head[HEAD.evidenceCount]?.N ?? 0);
    else summary[name] = value;
  }
  return summary as unknown as ClaimSummary;
}

function joined(document: Record<string, unknown>, head: Item): Record<string, unknown> {
  const changed = JSON.parse(head[HEAD.doc]?.S ?? '{}') as Record<string, unknown>;
  const claim: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(document)) {
    if (!CHANGEABLE.has(name)) claim[name] = value;
    else if (name in changed) claim[name] = changed[name];
  }
  for (const [name, value] of Object.entries(changed)) {
    if (!(name in claim)) claim[name] = value;
  }
  return claim;
}

/**
 * The guard of "one open claim per shop, type and subject": which claim holds it.
 * @example openClaimItem({ id: 'clm_1', shopId: 's', type: 'lost' }, 'waybill:W1').claimId // { S: 'clm_1' }
 */
export function openClaimItem(claim: Pick<Claim, 'id' | 'shopId' | 'type'>, subject: string): Item {
  return {
    ...openClaimKey(claim, subject),
    entity: { S: 'OPEN_CLAIM' },
    claimId: { S: claim.id },
    subject: { S: subject },
  };
}

/**
 * An Idempotency-Key's record: the claim it filed, the request's fingerprint, and its end
 * (`expiresAt`, the table's TTL attribute: DynamoDB removes the record after it).
 * @example keyRecordItem('shop-a', 'k-1', { claimId: 'clm_1', fingerprint: 'ab…', expiresAt: 1900000000 })
 */
export function keyRecordItem(
  shopId: string,
  key: string,
  record: { claimId: string; fingerprint: string; expiresAt: number },
): Item {
  return {
    ...idempotencyKey(shopId, key),
    entity: { S: 'IDEMPOTENCY' },
    claimId: { S: record.claimId },
    fingerprint: { S: record.fingerprint },
    [TTL_ATTRIBUTE]: { N: String(record.expiresAt) },
  };
}
