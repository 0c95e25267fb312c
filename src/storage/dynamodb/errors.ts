/**
 * Turning DynamoDB SDK failures into storage errors the HTTP layer understands.
 */
import type { AttributeValue, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { StorageUnavailableError } from '../errors';

/** Throttling and capacity errors: retry shortly. */
const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'LimitExceededException',
]);
/** Errors raised before any response arrived (refused, reset, timed out, DNS). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
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

function isNetworkError(error: unknown, depth = 0): boolean {
  const e = shape(error);
  if (depth > 3 || typeof e.message !== 'string') return false;
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
  // A service error has a status code: then it is not a transport failure.
  if (e.$metadata?.httpStatusCode !== undefined) return false;
  return NETWORK_MESSAGE.test(e.message) || isNetworkError(e.cause, depth + 1);
}

/**
 * `StorageUnavailableError` for outages (network, throttling, 5xx, missing
 * table); any other error is returned unchanged (a bug: let it be a 500).
 *
 * @example
 * try { await client.send(command); } catch (error) { throw toStorageError(error); }
 */
export function toStorageError(error: unknown): unknown {
  if (error instanceof StorageUnavailableError) return error;
  const e = shape(error);
  const name = errorName(error) ?? '';
  const status = e.$metadata?.httpStatusCode;
  if (THROTTLING.has(name)) return new StorageUnavailableError('throttled', 1, { cause: error });
  if (name === 'ResourceNotFoundException') {
    return new StorageUnavailableError('missing-table', 30, { cause: error });
  }
  if (e.$fault === 'server' || (status !== undefined && status >= 500)) {
    return new StorageUnavailableError('server', 2, { cause: error });
  }
  if (isNetworkError(error)) return new StorageUnavailableError('network', 5, { cause: error });
  return error;
}

/** One item's outcome in a cancelled transaction. */
export interface CancellationReason {
  /** `ConditionalCheckFailed`, `TransactionConflict`, `None`, ... */
  code: string;
  /** The item as it was, when `ReturnValuesOnConditionCheckFailure: 'ALL_OLD'` was asked. */
  item?: Record<string, AttributeValue>;
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
  return reasons.map((reason) => ({
    code: reason.Code ?? 'None',
    ...(reason.Item === undefined ? {} : { item: reason.Item }),
  }));
}

/**
 * Awaits an SDK call, turning outages into `StorageUnavailableError`.
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
