/**
 * Changing a claim: the new claim (if still at the expected version) and its
 * event(s) in one transaction, so the history never misses or invents a change.
 * The claim's attributes are rewritten by an UpdateItem, not replaced by a Put,
 * so what filing stored beside them (the filed event, the idempotency record)
 * stays as it was.
 */
import type { DynamoDBClient, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { Claim, ClaimEvent } from '../../domain/claim';
import { ConflictError, NotFoundError } from '../errors';
import { numberOf, type Item } from './codec';
import { claimKey, claimToItem, eventToItem, INDEX_ATTRIBUTES } from './items';
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
  const { pk: _pk, sk: _sk, ...attributes } = claimToItem(next);
  const names: Record<string, string> = { '#version': 'version', '#shopId': 'shopId' };
  const values: Item = {
    ':expected': { N: String(expectedVersion) },
    ':shopId': { S: next.shopId },
  };
  const sets = Object.entries(attributes).map(([name, value], i) => {
    names[`#s${i}`] = name;
    values[`:s${i}`] = value;
    return `#s${i} = :s${i}`;
  });
  // An index key the new claim has no value for (e.g. `openPk` once settled) leaves that index.
  const removes = INDEX_ATTRIBUTES.filter((name) => !(name in attributes)).map((name, i) => {
    names[`#r${i}`] = name;
    return `#r${i}`;
  });
  const claimUpdate: TransactWriteItem = {
    Update: {
      TableName: table,
      Key: claimKey(next.id),
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      // Optimistic lock: only the writer that read `expectedVersion` may replace it (a lost
      // race is a 409/412, never a silent overwrite). It also fails for a missing claim, so
      // an update never creates one. And a claim never changes owner (shopId).
      ConditionExpression: '#version = :expected AND #shopId = :shopId',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
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
  const outcome = await transact(client, [claimUpdate, ...eventPuts]);
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
