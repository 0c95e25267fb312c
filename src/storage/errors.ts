/**
 * Failures the storage layer reports, independent of DynamoDB, each a `CodedError` with a
 * stable `code` (and, when a retry may work, `retryAfterSeconds`). The API answers them by
 * code from its one table (src/http/problem-types.ts): storage-unavailable,
 * storage-outcome-unknown and storage-busy → 503 + Retry-After, record-too-large → 422,
 * conflict / order-changed / shop-changed → 409, idempotency-conflict → 422,
 * invalid-cursor → 422, not-found → 404; the desk, by the same codes, to pages.
 */
import { CodedError, type BlamedInput } from '../domain/errors';

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
export class StorageUnavailableError extends CodedError {
  override readonly name = 'StorageUnavailableError';
  readonly code = 'storage-unavailable' as const;
  constructor(
    readonly reason: UnavailableReason,
    override readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(`Storage unavailable (${reason})`, options);
  }

  override get callerMessage(): string {
    return `Claim storage did not answer (${this.reason}).`;
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
export class StorageOutcomeUnknownError extends CodedError {
  override readonly name = 'StorageOutcomeUnknownError';
  readonly code = 'storage-outcome-unknown' as const;
  constructor(
    readonly reason: 'timeout' | 'connection-reset' | 'server',
    override readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(`Storage write outcome unknown (${reason})`, options);
  }

  override get callerMessage(): string {
    return `Claim storage did not answer after the write was sent (${this.reason}): it may have been stored. Retry a filing with the same Idempotency-Key (you get the stored claim if it was); read a claim again before repeating a move.`;
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
export class StorageBusyError extends CodedError {
  override readonly name = 'StorageBusyError';
  readonly code = 'storage-busy' as const;
  constructor(
    readonly reason: 'contention' | 'throttled',
    override readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(`Storage busy (${reason})`, options);
  }

  override get callerMessage(): string {
    return this.reason === 'contention'
      ? 'Claim storage kept cancelling the write because other writes held the same records at the same moment; nothing was written. Retry after Retry-After.'
      : 'Claim storage is throttling requests; nothing was written. Retry after Retry-After.';
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
export class StorageTooLargeError extends CodedError {
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

/** The code of a lost race on each entity: a claim's keeps the plain `conflict`. */
const CONFLICT_CODE = {
  claim: 'conflict',
  order: 'order-changed',
  shop: 'shop-changed',
} as const satisfies Record<ConflictEntity, string>;

/** What a lost race says to the caller, by what changed (a claim's: its moves' 409, unchanged). */
const CONFLICT_TEXT: Record<ConflictEntity, string> = {
  claim: 'The claim changed meanwhile; read it again and retry.',
  order:
    'The order or one of its shipments kept changing while this replace was written (another replace of the order, or carrier events on its shipments, landed first each time); the order is as those writes left it. Read it and send the replace again.',
  shop: 'The shop’s profile kept changing while this replace was written (other replaces landed first each time). Read it and send yours again.',
};

/**
 * A write lost a race: the record changed (or appeared) since it was read.
 * `entity` says what changed (default `claim`), and with it the code; `currentVersion` is the
 * version now stored, when known.
 *
 * @example
 * throw new ConflictError('claim clm_1 is at version 4, expected 3', { currentVersion: 4 });
 * throw new ConflictError("order 'O-1' changed", { entity: 'order' }); // code 'order-changed'
 */
export class ConflictError extends CodedError {
  override readonly name = 'ConflictError';
  readonly code: (typeof CONFLICT_CODE)[ConflictEntity];
  readonly entity: ConflictEntity;
  readonly currentVersion?: number;
  constructor(
    message: string,
    options: { entity?: ConflictEntity; currentVersion?: number | undefined } = {},
  ) {
    super(message);
    this.entity = options.entity ?? 'claim';
    this.code = CONFLICT_CODE[this.entity];
    if (options.currentVersion !== undefined) this.currentVersion = options.currentVersion;
  }

  override get callerMessage(): string {
    return CONFLICT_TEXT[this.entity];
  }
}

/**
 * The same idempotency key was used for a different request. The repository
 * returns the stored fingerprint; the caller compares and throws this.
 *
 * @example
 * if (replay.fingerprint !== fingerprint) throw new IdempotencyConflictError(key);
 */
export class IdempotencyConflictError extends CodedError {
  override readonly name = 'IdempotencyConflictError';
  readonly code = 'idempotency-conflict' as const;
  override readonly blamed: BlamedInput;
  constructor(
    readonly key: string,
    message = `Idempotency key '${key}' was already used for a different request`,
    /** What is wrong with the key, for the problem's `errors` entry. */
    readonly detail = 'was used for a different request body',
  ) {
    super(message);
    this.blamed = { header: 'Idempotency-Key', code: 'idempotency_key_reused', detail };
  }
}

/**
 * The record does not exist.
 *
 * @example
 * throw new NotFoundError('api-key', 'k_123');
 */
export class NotFoundError extends CodedError {
  override readonly name = 'NotFoundError';
  readonly code = 'not-found' as const;
  constructor(
    readonly entity: 'claim' | 'api-key' | 'order' | 'shipment' | 'carrier-hook',
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
export class InvalidCursorError extends CodedError {
  override readonly name = 'InvalidCursorError';
  readonly code = 'invalid-cursor' as const;
  override readonly blamed: BlamedInput;
  constructor(message: string) {
    super(message);
    this.blamed = { parameter: 'cursor', code: 'invalid_value', detail: message };
  }

  override get callerMessage(): string {
    return 'The cursor is not valid for this listing.';
  }
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
