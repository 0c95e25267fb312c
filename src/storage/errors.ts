/**
 * Failures the storage layer reports, independent of DynamoDB, each with a
 * stable `code`. The API maps them by code (`PROBLEM_OF_CODE` in
 * src/http/problem-types.ts): storage-unavailable → 503 + Retry-After,
 * storage-outcome-unknown → 503 + Retry-After, storage-busy → 503 + Retry-After,
 * record-too-large → 422, conflict → 409 (worded by its entity), idempotency-conflict → 422,
 * invalid-cursor → 422,
 * not-found → 404; the desk, by the same codes, to pages.
 */

/** Why storage could not be reached. */
export type UnavailableReason = 'network' | 'server' | 'missing-table';

/**
 * The database is unreachable or failing, and the request never reached it
 * (refused, DNS, no connection) or was a read: nothing was written. Safe to retry
 * after `retryAfterSeconds`.
 *
 * @example
 * if (error instanceof StorageUnavailableError) c.header('Retry-After', String(error.retryAfterSeconds));
 */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  readonly code = 'storage-unavailable' as const;
  constructor(
    readonly reason: UnavailableReason,
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(`Storage unavailable (${reason})`, options);
  }
}

/**
 * A write was sent and no answer came (a timeout or a reset connection after the
 * request went out, or a server error answered): it may have been stored, or not.
 * A filing retried with the same Idempotency-Key gets the stored claim if it was; a
 * move is seen by reading the claim again.
 *
 * @example
 * if (error instanceof StorageOutcomeUnknownError) c.header('Retry-After', String(error.retryAfterSeconds));
 */
export class StorageOutcomeUnknownError extends Error {
  override readonly name = 'StorageOutcomeUnknownError';
  readonly code = 'storage-outcome-unknown' as const;
  constructor(
    readonly reason: 'timeout' | 'connection-reset' | 'server',
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(`Storage write outcome unknown (${reason})`, options);
  }
}

/**
 * The database refused the work for now, after our own retries: it throttled the
 * request, or a transaction kept colliding with other transactions on the same items
 * (DynamoDB cancels both with `TransactionConflict`). Nothing was written, and nobody's
 * write is to blame: retry after `retryAfterSeconds`.
 *
 * @example
 * throw new StorageBusyError('contention', 1);
 */
export class StorageBusyError extends Error {
  override readonly name = 'StorageBusyError';
  readonly code = 'storage-busy' as const;
  constructor(
    readonly reason: 'contention' | 'throttled',
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(`Storage busy (${reason})`, options);
  }
}

/**
 * The database refused a record as too large (an item over 400 KB, a transaction over its
 * limits). The schemas' limits are meant to make this impossible; if it happens anyway it
 * is the request's size, not a fault: nothing was written.
 *
 * @example
 * throw new StorageTooLargeError('item', { cause: error });
 */
export class StorageTooLargeError extends Error {
  override readonly name = 'StorageTooLargeError';
  readonly code = 'record-too-large' as const;
  constructor(
    readonly what: 'item' | 'transaction',
    options?: { cause?: unknown },
  ) {
    super(`The record is too large to store (${what} size limit)`, options);
  }
}

/**
 * What a lost race was about, so the answer names it: a claim (its moves' 409 `conflict`), an
 * order (`order-changed`: a replace that kept losing to another replace or to its shipments'
 * events) or a shop's profile (`shop-changed`). API keys and desk sessions never reach the
 * API's answers; they keep the default.
 */
export type ConflictEntity = 'claim' | 'order' | 'shop';

/**
 * A write lost a race: the record changed (or appeared) since it was read.
 * `entity` says what changed (default `claim`); `currentVersion` is the version now stored,
 * when known.
 *
 * @example
 * throw new ConflictError('claim clm_1 is at version 4, expected 3', { currentVersion: 4 });
 * throw new ConflictError("order 'O-1' changed", { entity: 'order' });
 */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  readonly code = 'conflict' as const;
  readonly entity: ConflictEntity;
  readonly currentVersion?: number;
  constructor(
    message: string,
    options: { entity?: ConflictEntity; currentVersion?: number | undefined } = {},
  ) {
    super(message);
    this.entity = options.entity ?? 'claim';
    if (options.currentVersion !== undefined) this.currentVersion = options.currentVersion;
  }
}

/**
 * The same idempotency key was used for a different request. The repository
 * returns the stored fingerprint; the caller compares and throws this.
 *
 * @example
 * if (replay.fingerprint !== fingerprint) throw new IdempotencyConflictError(key);
 */
export class IdempotencyConflictError extends Error {
  override readonly name = 'IdempotencyConflictError';
  readonly code = 'idempotency-conflict' as const;
  constructor(
    readonly key: string,
    message = `Idempotency key '${key}' was already used for a different request`,
    /** What is wrong with the key, for the problem's `errors` entry. */
    readonly detail = 'was used for a different request body',
  ) {
    super(message);
  }
}

/**
 * The record does not exist.
 *
 * @example
 * throw new NotFoundError('api-key', 'k_123');
 */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  readonly code = 'not-found' as const;
  constructor(
    readonly entity: 'claim' | 'api-key' | 'order' | 'shipment',
    readonly id: string,
  ) {
    super(`${entity} '${id}' not found`);
  }
}

/**
 * A pagination cursor that this API did not produce for this query.
 *
 * @example
 * throw new InvalidCursorError('cursor was issued for another filter');
 */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  readonly code = 'invalid-cursor' as const;
}

/** Every storage error, for exhaustive mapping. */
export type StorageError =
  | StorageUnavailableError
  | StorageOutcomeUnknownError
  | StorageBusyError
  | StorageTooLargeError
  | ConflictError
  | IdempotencyConflictError
  | NotFoundError
  | InvalidCursorError;
