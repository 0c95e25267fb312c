/**
 * Filing a claim: ONE TransactWriteItems of the claim's head and body, its open-claim guard
 * and, with an Idempotency-Key, the key's record, so filing is atomic and one round trip.
 *
 * The claim is written under the id it was given, never over another: the head is
 * conditioned on its id being free, the guard on no other open claim holding it, the key's
 * record on the key being unused (or past its window). When one fails nothing is written,
 * and what is there is read again (the cancellation says only which condition failed): the
 * key's record and first answer, or the open claim's id. What that means (a replay, a
 * refusal) is the caller's to decide. A retry by the SDK of an attempt that had committed
 * finds every condition failed by its own write: it is recognised by the stored body.
 */
import type { DynamoDBClient, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { Claim, ClaimEvent } from '../../domain/claim';
import type { CreateClaimOptions, CreateClaimResult, IdempotencyRecord } from '../repository';
import type { Item } from './codec';
import {
  bodyDocument,
  claimBodyItem,
  claimHeadItem,
  keyRecordItem,
  openClaimItem,
} from './claim-items';
import { claimBodyKey, idempotencyKey, openClaimKey } from './keys';
import { readItem } from './read';
import { transact } from './transact';
import { TTL_ATTRIBUTE } from '../table';

/** Written once: never over another item. */
const ABSENT = 'attribute_not_exists(pk)';
/** Filings that kept finding a key record expire under them before the caller hears of it. */
const ATTEMPTS = 3;

/**
 * @example
 * await createClaim(client, 'parcel-claims', 4, { claim, event, idempotency, openClaim: 'waybill:W1' });
 */
export async function createClaim(
  client: DynamoDBClient,
  table: string,
  shards: number,
  input: { claim: Claim; event: ClaimEvent } & CreateClaimOptions,
): Promise<CreateClaimResult> {
  const { claim, event, idempotency, openClaim } = input;
  if (claim.version !== 1 || event.seq !== 1 || event.claimId !== claim.id) {
    throw new RangeError('a new claim starts at version 1 with its event seq 1');
  }
  const body = await claimBodyItem(claim, event);
  const items: TransactWriteItem[] = [
    { Put: { TableName: table, Item: claimHeadItem(claim, shards), ConditionExpression: ABSENT } },
    // In the head's transaction: the head's condition is the body's too.
    { Put: { TableName: table, Item: body } },
  ];
  if (openClaim !== undefined) {
    // Held by one open claim at a time.
    const guard = openClaimItem(claim, openClaim);
    items.push({ Put: { TableName: table, Item: guard, ConditionExpression: ABSENT } });
  }
  if (idempotency !== undefined) items.push(keyRecordPut(table, claim, idempotency));
  for (let attempt = 1; ; attempt++) {
    const outcome = await transact(client, items);
    if (outcome.committed) return { created: true, claim };
    const found = await whatIsThere(client, table, claim, body, input);
    if (found !== undefined) return found;
    // Nothing holds it any more (a key expired, a guard was released meanwhile): again.
    if (attempt >= ATTEMPTS) return { created: false, taken: 'id' };
  }
}

/** The key's record: free, or past its window by the filing's clock (TTL deletes lazily). */
function keyRecordPut(table: string, claim: Claim, record: IdempotencyRecord): TransactWriteItem {
  return {
    Put: {
      TableName: table,
      Item: keyRecordItem(claim.shopId, record.key, { ...record, claimId: claim.id }),
      ConditionExpression: `${ABSENT} OR #expires < :now`,
      ExpressionAttributeNames: { '#expires': TTL_ATTRIBUTE },
      ExpressionAttributeValues: { ':now': { N: String(record.nowSeconds) } },
    },
  };
}

/** Why the filing was refused, read again: ours already (a retried send), the key, the id, the guard. */
async function whatIsThere(
  client: DynamoDBClient,
  table: string,
  claim: Claim,
  body: Item,
  input: CreateClaimOptions,
): Promise<CreateClaimResult | undefined> {
  const storedBody = await readItem(client, table, claimBodyKey(claim.id));
  if (storedBody !== undefined) {
    const mine = (await bodyDocument(storedBody)) === (await bodyDocument(body));
    return mine ? { created: true, claim } : { created: false, taken: 'id' };
  }
  const { idempotency, openClaim } = input;
  if (idempotency !== undefined) {
    const record = await readItem(client, table, idempotencyKey(claim.shopId, idempotency.key));
    const expiresAt = Number(record?.[TTL_ATTRIBUTE]?.N ?? 0);
    const claimId = record?.claimId?.S;
    if (record !== undefined && claimId !== undefined && expiresAt >= idempotency.nowSeconds) {
      const filed = await readItem(client, table, claimBodyKey(claimId));
      if (filed !== undefined) {
        const fingerprint = record.fingerprint?.S ?? '';
        const response = await bodyDocument(filed);
        return {
          created: false,
          taken: 'key',
          stored: { claimId, fingerprint, expiresAt, response },
        };
      }
    }
  }
  if (openClaim !== undefined) {
    const guard = await readItem(client, table, openClaimKey(claim, openClaim));
    const holder = guard?.claimId?.S;
    if (holder !== undefined && holder !== claim.id) {
      return { created: false, taken: 'open-claim', existingClaimId: holder };
    }
  }
  return undefined;
}
