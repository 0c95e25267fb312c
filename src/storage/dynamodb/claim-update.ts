/**
 * Changing a claim: the new claim (if still at the expected version) and its
 * event(s) in one transaction, so the history never misses or invents a change.
 */
import type { DynamoDBClient, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { Claim, ClaimEvent } from '../../domain/claim';
import { ConflictError, NotFoundError } from '../errors';
import { numberOf } from './codec';
import { claimKey, claimToItem, eventToItem } from './items';
import { readItem } from './read';
import { transact } from './transact';

/**
 * @example
 * await updateClaim(client, table, next, 3, event); // next.version === 4, event.seq === 4
 */
export async function updateClaim(
  client: DynamoDBClient,
  table: string,
  next: Claim,
  expectedVersion: number,
  events: readonly ClaimEvent[],
): Promise<Claim> {
  assertConsecutive(next, expectedVersion, events);
  const claimPut: TransactWriteItem = {
    Put: {
      TableName: table,
      Item: claimToItem(next),
      // Optimistic lock: only the writer that read `expectedVersion` may replace it (a lost
      // race is a 409/412, never a silent overwrite). It also fails for a missing claim, so
      // an update never creates one. And a claim never changes owner (shopId).
      ConditionExpression: '#version = :expected AND #shopId = :shopId',
      ExpressionAttributeNames: { '#version': 'version', '#shopId': 'shopId' },
      ExpressionAttributeValues: {
        ':expected': { N: String(expectedVersion) },
        ':shopId': { S: next.shopId },
      },
      // The stored claim comes back with the cancellation: its version for the 409.
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
  const eventPuts = events.map((event): TransactWriteItem => ({
    // History is append-only: each (claim, seq) slot is written once.
    Put: {
      TableName: table,
      Item: eventToItem(event),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  }));
  const outcome = await transact(client, [claimPut, ...eventPuts]);
  if (outcome.committed) return next;
  const current = outcome.reasons[0]?.item ?? (await readItem(client, table, claimKey(next.id)));
  if (current === undefined) throw new NotFoundError('claim', next.id);
  const version = numberOf(current, 'version');
  if (version === expectedVersion && current.shopId?.S !== next.shopId) {
    throw new RangeError(`claim ${next.id} cannot move to another shop`);
  }
  throw new ConflictError(
    `claim ${next.id} is at version ${version}, not ${expectedVersion}`,
    version,
  );
}

function assertConsecutive(next: Claim, expected: number, events: readonly ClaimEvent[]): void {
  const ok =
    events.length > 0 &&
    next.version === expected + events.length &&
    events.every((event, i) => event.claimId === next.id && event.seq === expected + 1 + i);
  if (!ok) {
    throw new RangeError(
      `events must carry seq ${expected + 1}..${next.version} of claim ${next.id}`,
    );
  }
}
