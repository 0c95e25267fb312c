/**
 * Filing a claim: ONE conditional PutItem of one item that holds the claim, its first
 * history event and (with an Idempotency-Key) the key's record, so filing is atomic
 * without a transaction and costs one write.
 *
 * With a key (the caller asks for it: `idFromKey`), the claim id is derived from (shop,
 * key) instead of the one given: every request with that key
 * targets the same item, so the first write wins and every other one gets the winner
 * back from the failed condition (ALL_OLD) in the same round trip, to replay it or
 * refuse it. A key is remembered for its window (24 h): a request after that files a
 * new claim under the key's next id ("generation").
 */
import {
  PutItemCommand,
  type DynamoDBClient,
  type PutItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import type { Claim, ClaimEvent } from '../../domain/claim';
import { sha256Hex } from '../../lib/sha256';
import { ConflictError, IdempotencyConflictError } from '../errors';
import type { CreateClaimResult, IdempotencyInput } from '../repository';
import { numberOf, stringOf, type Item } from './codec';
import { errorName, toStorageError } from './errors';
import { FILED, filedClaimItem } from './items';

/** A key re-used after its window files under its next id; this many times at most. */
export const MAX_KEY_GENERATIONS = 16;

/**
 * The claim id a key files under: `clm_` + 32 hex digits of SHA-256 over shop, key and
 * generation (the shape of every claim id).
 *
 * @example
 * await idempotentClaimId('shop-a', 'order-7-claim', 0); // 'clm_5d0c…' (always the same)
 */
export async function idempotentClaimId(
  shopId: string,
  key: string,
  generation: number,
): Promise<string> {
  const digest = await sha256Hex(`idempotency\n${shopId}\n${key}\n${generation}`);
  return `clm_${digest.slice(0, 32)}`;
}

type PutOutcome = { written: true } | { written: false; existing: Item | undefined };

/** The PutItem; a failed condition hands back the item that is there. */
async function putIfAbsent(
  client: DynamoDBClient,
  input: PutItemCommandInput,
): Promise<PutOutcome> {
  try {
    await client.send(new PutItemCommand(input));
    return { written: true };
  } catch (error) {
    if (errorName(error) !== 'ConditionalCheckFailedException') throw toStorageError(error);
    const existing = (error as { Item?: Item }).Item;
    return { written: false, existing };
  }
}

const putInput = (table: string, item: Item): PutItemCommandInput => ({
  TableName: table,
  Item: item,
  // A claim id is written once: never over another claim.
  ConditionExpression: 'attribute_not_exists(pk)',
  ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
});

/** True when `existing` is this very claim: an SDK retry of a write that had landed. */
const isOurs = (existing: Item | undefined, claim: Claim) =>
  stringOf(existing, 'doc') === JSON.stringify(claim);

/**
 * @example
 * await createClaim(client, 'parcel-claims', Date.now(), { claim, event, idempotency });
 */
export async function createClaim(
  client: DynamoDBClient,
  table: string,
  nowMs: number,
  input: { claim: Claim; event: ClaimEvent; idempotency?: IdempotencyInput | undefined },
): Promise<CreateClaimResult> {
  const { claim, event, idempotency } = input;
  if (claim.version !== 1 || event.seq !== 1 || event.claimId !== claim.id) {
    throw new RangeError('a new claim starts at version 1 with its event seq 1');
  }
  if (idempotency === undefined) {
    const outcome = await putIfAbsent(client, putInput(table, filedClaimItem(claim, event)));
    if (outcome.written || isOurs(outcome.existing, claim)) return { created: true, claim };
    throw new ConflictError(`claim ${claim.id} already exists`);
  }
  const nowSeconds = Math.floor(nowMs / 1000);
  for (let generation = 0; generation < MAX_KEY_GENERATIONS; generation++) {
    const id = await idempotentClaimId(idempotency.shopId, idempotency.key, generation);
    const keyed = { ...claim, id };
    const item = filedClaimItem(keyed, { ...event, claimId: id }, idempotency);
    const outcome = await putIfAbsent(client, putInput(table, item));
    // (An SDK retry of a write that had landed finds its own item here and replays it.)
    if (outcome.written) return { created: true, claim: keyed };
    const existing = outcome.existing;
    const expiresAt = numberOf(existing, FILED.idemExpiresAt);
    const fingerprint = stringOf(existing, FILED.idemFingerprint);
    const response = stringOf(existing, FILED.idemResponse);
    if (
      expiresAt === undefined ||
      fingerprint === undefined ||
      response === undefined ||
      stringOf(existing, FILED.idemKey) !== idempotency.key ||
      stringOf(existing, 'shopId') !== idempotency.shopId
    ) {
      throw new ConflictError(`claim ${id} exists and was not filed with this key`);
    }
    // Within the key's window: the first request's answer (or a 422 for another body).
    if (expiresAt >= nowSeconds)
      return { created: false, replay: { fingerprint, response, claimId: id } };
    // Past it, the key is forgotten: this is a new request, filed under the next id.
  }
  throw new IdempotencyConflictError(
    idempotency.key,
    `Idempotency key '${idempotency.key}' was re-used after its window ${MAX_KEY_GENERATIONS} times; send a new key`,
    `was re-used after its 24 h window ${MAX_KEY_GENERATIONS} times`,
  );
}
