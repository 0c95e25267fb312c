/**
 * Turning DynamoDB SDK failures into storage errors the HTTP layer understands.
 */
import type { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  StorageBusyError,
  StorageOutcomeUnknownError,
  StorageTooLargeError,
  StorageUnavailableError,
} from '../errors';

/** Throttling and capacity errors: retry shortly. */
const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'LimitExceededException',
]);
/** Transport failures before the request could reach DynamoDB: nothing was sent. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
/** The connect timeout of the Node handler: no connection, so no request. */
const NO_CONNECTION = /did not establish a connection/i;
/** Transport failures after the request may have gone out (reset, timed out, aborted). */
const SENT_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE']);
const NETWORK_MESSAGE = /fetch failed|network|socket|connect|timed? ?out|aborted/i;

interface SdkErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: number };
}

function shape(error: unknown): SdkErrorShape {
  return typeof error === 'object' && error !== null ? (error as SdkErrorShape) : {};
}

/** The SDK error name (`ConditionalCheckFailedException`, ...), if any. */
export function errorName(error: unknown): string | undefined {
  const name = shape(error).name;
  return typeof name === 'string' ? name : undefined;
}

/**
 * A transport failure, by when it happened: `before-send` (refused, DNS, no connection:
 * DynamoDB never saw the request), `after-send` (a timeout or reset once it was out:
 * DynamoDB may have acted on it), or undefined when DynamoDB answered or it is no
 * transport failure at all. A failure of unknown phase counts as `after-send`.
 */
export function transportFailure(
  error: unknown,
  depth = 0,
): 'before-send' | 'after-send' | undefined {
  const e = shape(error);
  if (depth > 3 || typeof e.message !== 'string') return undefined;
  if (typeof e.code === 'string' && NOT_SENT_CODES.has(e.code)) return 'before-send';
  if (NO_CONNECTION.test(e.message)) return 'before-send';
  // A service error has a status code: then it is not a transport failure.
  if (e.$metadata?.httpStatusCode !== undefined) return undefined;
  const inner = transportFailure(e.cause, depth + 1);
  if (inner !== undefined) return inner;
  if (typeof e.code === 'string' && SENT_CODES.has(e.code)) return 'after-send';
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'after-send';
  return NETWORK_MESSAGE.test(e.message) ? 'after-send' : undefined;
}

/** A 5xx answer: DynamoDB got the request and failed somewhere, perhaps after writing. */
const serverFailed = (error: unknown): boolean => {
  const e = shape(error);
  const status = e.$metadata?.httpStatusCode;
  return e.$fault === 'server' || (status !== undefined && status >= 500);
};

/**
 * Whether one attempt's failure means the request may have reached DynamoDB and been
 * acted on: sent with no answer, or a server error. The client marks a command whose
 * attempts ever failed so (see ./client.ts): the SDK reports only the last attempt's
 * error, and a retry refused after a timed-out first attempt is no proof of nothing.
 */
export const mayHaveArrived = (error: unknown): boolean =>
  transportFailure(error) === 'after-send' || serverFailed(error);

/** Final errors of commands one of whose attempts may have arrived (set by ./client.ts). */
const ARRIVED = new WeakSet<object>();

/** Marks `error` as the end of a command one of whose attempts may have arrived. */
export function markMayHaveArrived(error: unknown): void {
  if (typeof error === 'object' && error !== null) ARRIVED.add(error);
}

/**
 * `StorageUnavailableError` for outages (network, throttling, 5xx, missing
 * table); for a write (`{ write: true }`) whose request may have reached DynamoDB,
 * `StorageOutcomeUnknownError` instead. Any other error is returned unchanged (a bug:
 * let it be a 500).
 *
 * @example
 * try { await client.send(command); } catch (error) { throw toStorageError(error, { write: true }); }
 */
export function toStorageError(error: unknown, options: { write?: boolean } = {}): unknown {
  if (
    error instanceof StorageUnavailableError ||
    error instanceof StorageOutcomeUnknownError ||
    error instanceof StorageBusyError ||
    error instanceof StorageTooLargeError
  ) {
    return error;
  }
  const name = errorName(error) ?? '';
  const tooLarge = sizeRefusal(error);
  if (tooLarge !== undefined) return new StorageTooLargeError(tooLarge, { cause: error });
  const transport = transportFailure(error);
  const marked = typeof error === 'object' && error !== null && ARRIVED.has(error);
  if (options.write && (marked || mayHaveArrived(error))) {
    const reason = serverFailed(error)
      ? 'server'
      : shape(error).code === 'ECONNRESET'
        ? 'connection-reset'
        : 'timeout';
    return new StorageOutcomeUnknownError(reason, 2, { cause: error });
  }
  if (THROTTLING.has(name)) return new StorageBusyError('throttled', 1, { cause: error });
  if (name === 'ResourceNotFoundException') {
    return new StorageUnavailableError('missing-table', 30, { cause: error });
  }
  if (serverFailed(error)) return new StorageUnavailableError('server', 2, { cause: error });
  if (transport !== undefined) return new StorageUnavailableError('network', 5, { cause: error });
  return error;
}

/** DynamoDB's words for a record over its size limits (an item over 400 KB, a transaction over 4 MB or its item count). */
const ITEM_TOO_LARGE = /item size (to update )?has exceeded|item size .*maximum/i;
const TRANSACTION_TOO_LARGE =
  /transaction (request )?size has exceeded|payload size cannot exceed|member must have length less than or equal to|too many items/i;

/**
 * Whether a refusal is about size: 'item', 'transaction', or undefined (another error).
 * @example sizeRefusal({ name: 'ValidationException', message: 'Item size has exceeded the maximum allowed size' }) // 'item'
 */
export function sizeRefusal(error: unknown): 'item' | 'transaction' | undefined {
  const e = shape(error);
  const message = typeof e.message === 'string' ? e.message : '';
  const name = errorName(error);
  if (name === 'TransactionCanceledException') {
    const reasons = (error as Partial<TransactionCanceledException>).CancellationReasons ?? [];
    const sized = reasons.some(
      (reason) => reason.Code === 'ValidationError' && ITEM_TOO_LARGE.test(reason.Message ?? ''),
    );
    return sized ? 'item' : undefined;
  }
  if (name !== 'ValidationException') return undefined;
  if (ITEM_TOO_LARGE.test(message)) return 'item';
  if (TRANSACTION_TOO_LARGE.test(message)) return 'transaction';
  return undefined;
}

/**
 * One item's outcome in a cancelled transaction: only its code. What the item holds is read
 * again by the caller when it matters (YDB's Document API returns no item with a reason).
 */
export interface CancellationReason {
  /** `ConditionalCheckFailed`, `TransactionConflict`, `None`, ... */
  code: string;
}

/**
 * For a cancelled transaction, the reason of each item in request order;
 * for any other error, undefined.
 *
 * @example
 * const [claimReason, eventReason] = cancellationReasons(error) ?? [];
 */
export function cancellationReasons(error: unknown): CancellationReason[] | undefined {
  if (errorName(error) !== 'TransactionCanceledException') return undefined;
  const reasons = (error as Partial<TransactionCanceledException>).CancellationReasons ?? [];
  if (reasons.length > 0) return reasons.map((reason) => ({ code: reason.Code ?? 'None' }));
  // YDB's Document API documents the reasons only in the message, as DynamoDB words it:
  // "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]".
  const listed = /\[([A-Za-z, ]*)\]\s*$/.exec(shape(error).message as string)?.[1];
  if (listed === undefined) return [];
  return listed.split(',').map((code) => ({ code: code.trim() || 'None' }));
}

/**
 * Awaits an SDK read, turning outages into `StorageUnavailableError`.
 *
 * @example
 * const { Item } = await guarded(client.send(new GetItemCommand(input)));
 */
export async function guarded<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw toStorageError(error);
  }
}

/**
 * Awaits a conditional write: false when its condition failed (someone wrote first), an
 * outage as a storage error.
 *
 * @example
 * if (!(await conditionalWrite(client.send(new PutItemCommand(put))))) return 'exists';
 */
export async function conditionalWrite(call: Promise<unknown>): Promise<boolean> {
  try {
    await call;
    return true;
  } catch (error) {
    if (errorName(error) === 'ConditionalCheckFailedException') return false;
    throw toStorageError(error, { write: true });
  }
}
