/**
 * TransactWriteItems with the retry DynamoDB asks for: a transaction that collides with
 * another one on the same item is cancelled with `TransactionConflict` before its
 * conditions are even judged, so it is retried (with jitter) until the conditions decide;
 * if it keeps colliding, or DynamoDB throttles it, the caller hears `StorageBusyError`
 * (503 storage-busy), never a conflict that blames another writer. Condition failures are
 * handed back (codes only: what an item holds is read again by the caller). An outage
 * after the request went out is `StorageOutcomeUnknownError` (it may have committed),
 * before it `StorageUnavailableError`.
 *
 * Portable to YDB's Document API: at most 25 items, no ClientRequestToken, nothing read
 * from a cancellation reason but its code. Without a token, an SDK retry of an attempt
 * that had committed fails its own conditions: callers that write under conditions read
 * again and recognise their own write.
 */
import {
  TransactWriteItemsCommand,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { StorageBusyError } from '../errors';
import {
  cancellationReasons,
  sizeRefusal,
  toStorageError,
  type CancellationReason,
} from './errors';

/** The most items one transaction may hold (YDB's limit; DynamoDB's is 100). */
export const MAX_TRANSACTION_ITEMS = 25;
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
  if (items.length === 0 || items.length > MAX_TRANSACTION_ITEMS) {
    throw new RangeError(
      `a transaction holds 1 to ${MAX_TRANSACTION_ITEMS} items, not ${items.length}`,
    );
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await client.send(new TransactWriteItemsCommand({ TransactItems: items }));
      return { committed: true };
    } catch (error) {
      // Too large (an item, or the whole transaction): record-too-large, saying which.
      if (sizeRefusal(error) !== undefined) throw toStorageError(error, { write: true });
      const reasons = cancellationReasons(error);
      if (reasons === undefined) throw toStorageError(error, { write: true });
      if (reasons.some((reason) => THROTTLED_REASONS.has(reason.code))) {
        throw new StorageBusyError('throttled', 1, { cause: error });
      }
      const conflicted = reasons.some((reason) => reason.code === 'TransactionConflict');
      const failedCondition = reasons.some((reason) => reason.code === 'ConditionalCheckFailed');
      if (failedCondition) return { committed: false, reasons };
      if (!conflicted) throw toStorageError(error, { write: true });
      if (attempt === MAX_ATTEMPTS) throw new StorageBusyError('contention', 1, { cause: error });
      await sleep(Math.random() * 20 * attempt);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
