/**
 * Filing a claim: ONE TransactWriteItems of the claim item (the claim, its first
 * history event and, with an Idempotency-Key, the key's record), the open-claim guard
 * and one item per evidence entry, so filing is atomic and costs one round trip.
 * Without a guard and evidence it is a single conditional PutItem.
 *
 * The claim is written under the id it was given, never another: the claim item is
 * conditioned on its id being free, the guard on no other open claim holding it. When
 * either fails, nothing is written and the answer says what is there (the stored
 * filing's idempotency record, or the open claim's id), from the failed conditions
 * themselves (ALL_OLD) in the same round trip. What that means (a replay, a refusal,
 * the key's next id) is the caller's to decide, by its own clock.
 */
import {
  PutItemCommand,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import type { Claim, ClaimEvent } from '../../domain/claim';
import { ConflictError } from '../errors';
import type {
  CreateClaimOptions,
  CreateClaimResult,
  IdempotencyRecord,
  StoredFiling,
} from '../repository';
import { numberOf, stringOf, type Item } from './codec';
import { errorName, toStorageError } from './errors';
import {
  claimKey,
  claimPartition,
  evidenceDocument,
  evidenceKey,
  evidenceToItem,
  FILED,
  filedClaimItem,
  openClaimItem,
  openClaimKey,
} from './items';
import { queryAll, readItem } from './read';
import { statusCountItems } from './status-counts';
import { aggregateItems } from './aggregates';
import { transact } from './transact';

/** Written once: never over another item. */
const ABSENT = 'attribute_not_exists(pk)';

/**
 * @example
 * await createClaim(client, 'parcel-claims', { claim, event, idempotency, openClaim: 'waybill:W1' });
 */
export async function createClaim(
  client: DynamoDBClient,
  table: string,
  input: { claim: Claim; event: ClaimEvent } & CreateClaimOptions,
): Promise<CreateClaimResult> {
  const { claim, event, idempotency, openClaim } = input;
  if (claim.version !== 1 || event.seq !== 1 || event.claimId !== claim.id) {
    throw new RangeError('a new claim starts at version 1 with its event seq 1');
  }
  const claimItem = filedClaimItem(claim, event, idempotency);
  const counters = statusCountItems(table, undefined, claim);
  const aggregates = aggregateItems(table, undefined, claim);
  const extra = [...counters, ...aggregates];
  if (openClaim === undefined && claim.evidence.length === 0 && extra.length === 0) {
    return await putAlone(client, table, claim, claimItem, idempotency);
  }
  const items: TransactWriteItem[] = [
    {
      Put: {
        TableName: table,
        Item: claimItem,
        ConditionExpression: ABSENT,
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
  ];
  if (openClaim !== undefined) {
    items.push({
      Put: {
        TableName: table,
        Item: openClaimItem(claim, openClaim),
        // Held by one open claim at a time.
        ConditionExpression: ABSENT,
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    });
  }
  // A new claim's partition is empty: its entries need no condition of their own.
  claim.evidence.forEach((entry, i) => {
    items.push({ Put: { TableName: table, Item: evidenceToItem(claim.id, entry, i + 1) } });
  });
  items.push(...extra);
  const outcome = await transact(client, items);
  if (outcome.committed) return { created: true, claim };
  const [claimReason, guardReason] = outcome.reasons;
  const failed = (reason: typeof claimReason) => reason?.code === 'ConditionalCheckFailed';
  let holder = failed(guardReason) ? stringOf(guardReason?.item, 'claimId') : undefined;
  // The id first: a retry under a used key replays, although its claim holds the guard
  // too. (When the transaction only kept colliding with others, see what won.)
  let stored = failed(claimReason) ? claimReason?.item : undefined;
  if (stored === undefined && (holder === undefined || holder === claim.id)) {
    stored = await readItem(client, table, claimKey(claim.id));
  }
  if (stored !== undefined) {
    return { created: false, taken: 'id', stored: await storedFiling(client, table, stored) };
  }
  if (holder === undefined && openClaim !== undefined) {
    holder = stringOf(await readItem(client, table, openClaimKey(claim, openClaim)), 'claimId');
  }
  if (holder !== undefined && holder !== claim.id) {
    return { created: false, taken: 'open-claim', existingClaimId: holder };
  }
  throw new ConflictError(`claim ${claim.id} could not be filed: its items kept changing; retry`);
}

/** A claim with no guard and no evidence: one conditional PutItem. */
async function putAlone(
  client: DynamoDBClient,
  table: string,
  claim: Claim,
  item: Item,
  idempotency: IdempotencyRecord | undefined,
): Promise<CreateClaimResult> {
  try {
    await client.send(
      new PutItemCommand({
        TableName: table,
        Item: item,
        ConditionExpression: ABSENT,
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { created: true, claim };
  } catch (error) {
    if (errorName(error) !== 'ConditionalCheckFailedException') {
      throw toStorageError(error, { write: true });
    }
    const existing = (error as { Item?: Item }).Item;
    // An SDK retry of a write that had landed finds its own item: that is a success.
    if (
      idempotency === undefined &&
      existing !== undefined &&
      stringOf(existing, 'doc') === item.doc?.S
    ) {
      return { created: true, claim };
    }
    const stored = existing ?? (await readItem(client, table, claimKey(claim.id)));
    if (stored === undefined) throw new ConflictError(`claim ${claim.id} could not be filed`);
    return { created: false, taken: 'id', stored: await storedFiling(client, table, stored) };
  }
}

/** What a taken claim id holds, as the caller judges it: its shop and its key's record. */
async function storedFiling(
  client: DynamoDBClient,
  table: string,
  item: Item,
): Promise<StoredFiling> {
  const claimId = stringOf(item, 'id') ?? '';
  const shopId = stringOf(item, 'shopId') ?? '';
  const key = stringOf(item, FILED.idemKey);
  const fingerprint = stringOf(item, FILED.idemFingerprint);
  const response = stringOf(item, FILED.idemResponse);
  const expiresAt = numberOf(item, FILED.idemExpiresAt);
  if (
    key === undefined ||
    fingerprint === undefined ||
    response === undefined ||
    expiresAt === undefined
  ) {
    return { claimId, shopId };
  }
  const entries = numberOf(item, FILED.idemEvidence) ?? 0;
  const answer = entries === 0 ? response : await withEvidence(client, table, response, entries);
  return { claimId, shopId, idempotency: { key, fingerprint, response: answer, expiresAt } };
}

/** The original answer with its first `count` evidence entries back in place (key order kept). */
async function withEvidence(
  client: DynamoDBClient,
  table: string,
  response: string,
  count: number,
): Promise<string> {
  const claim = JSON.parse(response) as Claim;
  const items = await queryAll(client, {
    TableName: table,
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
    ExpressionAttributeValues: {
      ':pk': { S: claimPartition(claim.id) },
      ':first': evidenceKey(claim.id, 1).sk!,
      ':last': evidenceKey(claim.id, count).sk!,
    },
    ConsistentRead: true,
  });
  return JSON.stringify(Object.assign(claim, { evidence: items.map(evidenceDocument) }));
}
