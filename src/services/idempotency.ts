/**
 * Idempotent filing, in one place: what a filing that finds its Idempotency-Key in use
 * does (replay the first answer, or refuse another body), and how long a key lasts, judged
 * by the service's clock. Storage keeps the key's record in an item of its own (expired
 * records are taken over by the next filing, and removed by the table's TTL) and says what
 * the key filed.
 */
import type { Claim } from '../domain/claim';
import { IdempotencyConflictError, type StoredFiling } from '../storage/repository';

/** How long an Idempotency-Key replays its first answer. */
export const IDEMPOTENCY_WINDOW_SECONDS = 24 * 60 * 60;

/**
 * The first answer of the key, when this request is a retry of the one that filed it.
 * @throws {IdempotencyConflictError} the key's first request had another body.
 * @example
 * const claim = replayOf(stored, { key, fingerprint });
 */
export function replayOf(
  stored: StoredFiling,
  request: { key: string; fingerprint: string },
): Claim {
  if (stored.fingerprint !== request.fingerprint) throw new IdempotencyConflictError(request.key);
  return JSON.parse(stored.response) as Claim;
}
