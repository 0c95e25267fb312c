import { ClaimStateError } from '../domain/claim';
import {
  ConflictError,
  IdempotencyConflictError,
  InvalidCursorError,
  NotFoundError,
  StorageUnavailableError,
} from '../storage/repository';
import type { ErrorMapper } from './error-handler';
import { problemResponse } from './problem';

/**
 * Claim and storage failures as problems: an outage is a 503 with
 * Retry-After, a lost race a 409, an illegal move a 409 naming the status.
 *
 * @example
 * app.onError(errorHandler([mapClaimErrors]));
 */
export const mapClaimErrors: ErrorMapper = (err, c) => {
  if (err instanceof StorageUnavailableError) {
    return problemResponse(
      c,
      'storageUnavailable',
      `Claim storage did not answer (${err.reason}).`,
      {
        headers: { 'retry-after': String(err.retryAfterSeconds) },
      },
    );
  }
  if (err instanceof ClaimStateError) {
    return problemResponse(c, 'invalidTransition', err.message, {
      currentStatus: err.currentStatus,
      attempted: err.attempted,
    });
  }
  if (err instanceof ConflictError) {
    return problemResponse(c, 'conflict', 'The claim changed meanwhile; read it again and retry.', {
      ...(err.currentVersion === undefined ? {} : { currentVersion: err.currentVersion }),
    });
  }
  if (err instanceof IdempotencyConflictError) {
    return problemResponse(c, 'idempotencyConflict', err.message, {
      errors: [{ header: 'Idempotency-Key', code: 'idempotency_key_reused', detail: err.detail }],
    });
  }
  if (err instanceof InvalidCursorError) {
    return problemResponse(c, 'validation', 'The cursor is not valid for this listing.', {
      errors: [{ parameter: 'cursor', code: 'invalid_value', detail: err.message }],
    });
  }
  if (err instanceof NotFoundError) return problemResponse(c, 'notFound', err.message);
  return undefined;
};
