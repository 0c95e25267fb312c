/**
 * The claim's own refusals, each a `DomainError` with a stable code: the API
 * maps the code to a problem, the desk to a page (one table each, by code).
 */
import { DomainError, type BlamedInput } from '../errors';
import { allowedMoves } from './status';
import type { ClaimStatus } from './types';

/** Changes that are not status moves but still depend on the status. */
export type ClaimAction = 'add_evidence';

/**
 * A move (or action) the claim's current status does not allow (409, naming `currentStatus`).
 *
 * @example
 * throw new ClaimStateError('paid', 'cancelled');
 */
export class ClaimStateError extends DomainError {
  override readonly name = 'ClaimStateError';
  constructor(
    readonly currentStatus: ClaimStatus,
    readonly attempted: ClaimStatus | ClaimAction,
  ) {
    const allowed = allowedMoves(currentStatus);
    super(
      'invalid-transition',
      `A claim in status '${currentStatus}' cannot ${
        attempted === 'add_evidence' ? 'take new evidence' : `move to '${attempted}'`
      }; allowed: ${allowed.length > 0 ? allowed.join(', ') : 'none (final status)'}`,
    );
  }
}

/**
 * The claim is not at the version the caller saw (an API client's If-Match, a
 * desk page's hidden field); nothing was written.
 *
 * @example throw new StaleVersionError(3, 4);
 */
export class StaleVersionError extends DomainError {
  override readonly name = 'StaleVersionError';
  /** The version the caller named, when it named one version by number. */
  readonly expectedVersion: number | undefined;
  /**
   * @param expected the version the caller saw, or an `If-Match` header as sent
   *   (a list, weak tags) when it named no single version.
   */
  constructor(
    expected: number | string,
    readonly currentVersion: number,
  ) {
    const sent = typeof expected === 'number' ? `"${expected}"` : expected;
    super(
      'stale-version',
      /^"\d+"$/.test(sent)
        ? `If-Match ${sent} is stale; the claim is at version ${currentVersion}.`
        : `If-Match ${sent} does not match the claim's ETag "${currentVersion}" (weak tags never match).`,
    );
    this.expectedVersion = typeof expected === 'number' ? expected : undefined;
  }
}

/**
 * No such claim, or another shop's: both answer alike, so a claim's existence does not leak.
 *
 * @example throw new ClaimNotFoundError('clm_1');
 */
export class ClaimNotFoundError extends DomainError {
  override readonly name = 'ClaimNotFoundError';
  constructor(readonly claimId: string) {
    super('not-found', `No claim ${claimId}.`);
  }
}

/**
 * A list filter the caller's role may not use (a shop key naming another shop).
 *
 * @example throw new FilterNotAllowedError('shopId', 'shopId is a clerk filter; a shop key lists its own claims.', 'is for clerk keys only');
 */
export class FilterNotAllowedError extends DomainError {
  override readonly name = 'FilterNotAllowedError';
  override readonly blamed: BlamedInput;
  constructor(
    readonly parameter: string,
    message: string,
    readonly detail: string,
  ) {
    super('filter-not-allowed', message);
    this.blamed = { parameter, code: 'not_allowed', detail };
  }
}

/** The most evidence entries one claim takes (what it was filed with plus every addition). */
export const MAX_EVIDENCE = 200;
/**
 * The most entries one addition brings: each is an item written in the move's one
 * transaction, which holds at most 25 (the claim's head and up to two events beside them).
 */
export const MAX_EVIDENCE_PER_ADDITION = 20;

/**
 * Adding `adding` entries to a claim that has `has` would exceed `MAX_EVIDENCE` (422,
 * pointing at `/evidence`, the limit in `params`); nothing is written.
 *
 * @example throw new EvidenceLimitError(195, 20);
 */
export class EvidenceLimitError extends DomainError {
  override readonly name = 'EvidenceLimitError';
  constructor(
    readonly has: number,
    readonly adding: number,
  ) {
    super(
      'evidence-limit',
      `A claim takes at most ${MAX_EVIDENCE} evidence entries: it has ${has}, so ${adding} more would be ${has + adding}.`,
      '/evidence',
      { params: { maximum: MAX_EVIDENCE, current: has, adding } },
    );
  }
}

/**
 * The shop already has an open claim of this type for the same parcel: a second
 * filing (a retry without an Idempotency-Key, or with another key) is refused with
 * the open claim's id (409). It is no longer open once rejected, paid or cancelled.
 *
 * @example throw new ClaimExistsError('clm_1', 'late');
 */
export class ClaimExistsError extends DomainError {
  override readonly name = 'ClaimExistsError';
  constructor(
    readonly existingClaimId: string,
    readonly type: string,
  ) {
    super(
      'claim-exists',
      `This parcel already has an open ${type} claim, ${existingClaimId}: add to it, or file again once it is settled.`,
    );
  }
}
