/**
 * Idempotent filing, in one place: which claim id a key files under, and what a
 * filing that finds that id taken does (replay the first answer, refuse another
 * body, or file under the key's next id once the key's window has passed), judged
 * by the service's clock. Storage only writes under the id it is given and says
 * what is there.
 */
import type { Claim } from '../domain/claim';
import { sha256Hex } from '../lib/sha256';
import { ConflictError, IdempotencyConflictError, type StoredFiling } from '../storage/repository';

/** How long an Idempotency-Key replays its first answer. */
export const IDEMPOTENCY_WINDOW_SECONDS = 24 * 60 * 60;

/** A key re-used after its window files under its next id; this many times at most. */
export const MAX_KEY_GENERATIONS = 16;

/**
 * The claim id a key files under: `clm_` + 32 hex digits of SHA-256 over shop, key and
 * generation (the shape of every claim id). Every request with the key targets the
 * same claim item, so the first write wins and the others find it.
 *
 * @example
 * await idempotentClaimId('shop-a', 'order-7-claim', 0); // 'clm_5d0c…' (always the same)
 */
export async function idempotentClaimId(
  shopId: string,
  key: string,
  generation: number,
): Promise<string> {
  const digest = await sha256Hex(`idempotency\n${shopId}\n${key}\n${generation}`);
  return `clm_${digest.slice(0, 32)}`;
}

/** What a filing under a key does about the claim it found under the key's id. */
export type KeyVerdict = { replay: Claim } | { nextGeneration: true };

/**
 * @throws {IdempotencyConflictError} the key's first request had another body.
 * @throws {ConflictError} the id holds a claim not filed with this key (not ours to replay).
 * @example
 * const verdict = judgeStoredFiling(stored, { shopId, key, fingerprint, nowSeconds });
 */
export function judgeStoredFiling(
  stored: StoredFiling,
  request: { shopId: string; key: string; fingerprint: string; nowSeconds: number },
): KeyVerdict {
  const record = stored.idempotency;
  if (record === undefined || record.key !== request.key || stored.shopId !== request.shopId) {
    throw new ConflictError(`claim ${stored.claimId} exists and was not filed with this key`);
  }
  // Past its window, the key is forgotten: this is a new request, for the next id.
  if (record.expiresAt < request.nowSeconds) return { nextGeneration: true };
  // Within it: the first request's answer, or a 422 for another body.
  if (record.fingerprint !== request.fingerprint) throw new IdempotencyConflictError(request.key);
  return { replay: JSON.parse(record.response) as Claim };
}

/** The refusal once a key has been re-used after its window `MAX_KEY_GENERATIONS` times. */
export const keyWornOut = (key: string) =>
  new IdempotencyConflictError(
    key,
    `Idempotency key '${key}' was re-used after its window ${MAX_KEY_GENERATIONS} times; send a new key`,
    `was re-used after its 24 h window ${MAX_KEY_GENERATIONS} times`,
  );
