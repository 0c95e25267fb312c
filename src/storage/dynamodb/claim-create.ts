/**
 * Filing a claim: claim + first event + idempotency record in one transaction.
 */
import type { DynamoDBClient, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { Claim, ClaimEvent } from '../../domain/claim';
import { ConflictError } from '../errors';
import type { CreateClaimResult, IdempotencyInput, IdempotencyReplay } from '../repository';
import { stringOf, toItem, type Item } from './codec';
import { readItem } from './read';
import { claimToItem, eventToItem, idempotencyKey } from './items';
import { transact } from './transact';

/** Position of the idempotency Put in the transaction (after the claim and its event). */
const IDEMPOTENCY = 2;

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
  const items: TransactWriteItem[] = [
    // A claim id is written once: a colliding id must not overwrite another claim.
    {
      Put: {
        TableName: table,
        Item: claimToItem(claim),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    // History is append-only: the first event slot is empty for a new claim.
    {
      Put: {
        TableName: table,
        Item: eventToItem(event),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
  if (idempotency !== undefined) items.push(idempotencyPut(table, claim.id, idempotency, nowMs));

  // Twice at most: the second run covers a stored key that expired and vanished meanwhile.
  for (let attempt = 0; attempt < 2; attempt++) {
    const outcome = await transact(client, items);
    if (outcome.committed) return { created: true, claim };
    const idemReason = outcome.reasons[IDEMPOTENCY];
    if (idempotency !== undefined && idemReason?.code === 'ConditionalCheckFailed') {
      const stored =
        idemReason.item ??
        (await readItem(client, table, idempotencyKey(idempotency.shopId, idempotency.key)));
      const replay = stored === undefined ? undefined : toReplay(stored);
      if (replay !== undefined) return { created: false, replay };
      continue;
    }
    if (outcome.reasons.some((reason) => reason.code === 'TransactionConflict')) {
      throw new ConflictError('a concurrent request wrote the same records; retry');
    }
    throw new ConflictError(`claim ${claim.id} already exists`);
  }
  throw new ConflictError('the idempotency key is contended; retry');
}

function idempotencyPut(
  table: string,
  claimId: string,
  idem: IdempotencyInput,
  nowMs: number,
): TransactWriteItem {
  const record = { ...idem, claimId };
  return {
    Put: {
      TableName: table,
      Item: {
        ...toItem(record),
        ...idempotencyKey(idem.shopId, idem.key),
        entity: { S: 'IDEMPOTENCY' },
      },
      // The first request with a key wins; every later one is cancelled here and replays.
      // A record past its expiresAt counts as gone: TTL deletes lazily (up to ~48 h late).
      ConditionExpression: 'attribute_not_exists(pk) OR #expiresAt < :now',
      ExpressionAttributeNames: { '#expiresAt': 'expiresAt' },
      ExpressionAttributeValues: { ':now': { N: String(Math.floor(nowMs / 1000)) } },
      // Hands back the winner's record with the cancellation: no second read needed.
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

function toReplay(item: Item): IdempotencyReplay | undefined {
  const fingerprint = stringOf(item, 'fingerprint');
  const response = stringOf(item, 'response');
  const claimId = stringOf(item, 'claimId');
  if (fingerprint === undefined || response === undefined || claimId === undefined)
    return undefined;
  return { fingerprint, response, claimId };
}
