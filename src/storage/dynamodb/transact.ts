/**
 * TransactWriteItems with the retry DynamoDB asks for: a transaction that
 * collides with another one on the same item is cancelled with
 * `TransactionConflict` before its conditions are even judged, so it is
 * retried (with jitter) until the conditions decide. Condition failures are
 * handed back to the caller, who knows what they mean. An outage after the request
 * went out is `StorageOutcomeUnknownError` (it may have committed), before it
 * `StorageUnavailableError`.
 */
import {
  TransactWriteItemsCommand,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { StorageUnavailableError } from '../errors';
import { cancellationReasons, toStorageError, type CancellationReason } from './errors';

const MAX_ATTEMPTS = 8;
const THROTTLED_REASONS = new Set([
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
  'RequestLimitExceeded',
]);

/** The outcome of a transaction: committed, or cancelled with a reason per item. */
export type TransactOutcome =
  { committed: true } | { committed: false; reasons: CancellationReason[] };

/**
 * @example
 * const outcome = await transact(client, [{ Put: ... }, { Put: ... }]);
 * if (!outcome.committed && outcome.reasons[0]?.code === 'ConditionalCheckFailed') ...
 */
export async function transact(
  client: DynamoDBClient,
  items: TransactWriteItem[],
): Promise<TransactOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      // The token makes the SDK's own retry of this attempt idempotent: if the first send
      // committed but its answer was lost, the retry reports success instead of failing
      // the (now false) attribute_not_exists conditions against our own write.
      const token = crypto.randomUUID();
      await client.send(
        new TransactWriteItemsCommand({ TransactItems: items, ClientRequestToken: token }),
      );
      return { committed: true };
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (reasons === undefined) throw toStorageError(error, { write: true });
      if (reasons.some((reason) => THROTTLED_REASONS.has(reason.code))) {
        throw new StorageUnavailableError('throttled', 1, { cause: error });
      }
      const conflicted = reasons.some((reason) => reason.code === 'TransactionConflict');
      const failedCondition = reasons.some((reason) => reason.code === 'ConditionalCheckFailed');
      if (!conflicted && !failedCondition) throw error;
      if (failedCondition || attempt === MAX_ATTEMPTS) return { committed: false, reasons };
      await sleep(Math.random() * 20 * attempt);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
