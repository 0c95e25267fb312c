import type { Context, ErrorHandler } from 'hono';
import { ClaimExistsError, ClaimStateError, StaleVersionError } from '../../domain/claim';
import { CodedError, DomainError } from '../../domain/errors';
import type { DeskErrorKind } from '../views/error-page';
import type { DeskEnv } from './desk-env';
import { renderError } from './render';

/**
 * What the desk says about a service call that ended in a coded error (the domain's or
 * storage's), by the error's code: the desk's one mapper (the API's is its error table,
 * src/http/problem-types.ts). Each page says it in Russian or English.
 */
export type DeskRefusal =
  /** A whole-page answer: no such claim, storage down, a record too large to store (422). */
  | { page: DeskErrorKind; retryAfterSeconds?: number }
  /** The clerk's page showed an older version; nothing was written (409). */
  | { staleSeen: number }
  /** The claim's status does not allow the move (409). */
  | { refused: ClaimStateError }
  /** The form's idempotency key already filed another claim (409). */
  | { keyUsed: true }
  /** The shop has an open claim of this type for the waybill: its id, for a link (409). */
  | { exists: string }
  /** A cursor from other filters: the first page, and say so. */
  | { badCursor: true }
  /** A rule broken by a field (422): shown beside the field its pointer names. */
  | { field: DomainError };

/**
 * @example const refusal = deskRefusal(error); if (refusal && 'staleSeen' in refusal) …
 */
export function deskRefusal(error: unknown): DeskRefusal | undefined {
  if (!(error instanceof CodedError)) return undefined;
  switch (error.code) {
    case 'not-found':
      return { page: 'notFound' };
    case 'storage-unavailable':
    case 'storage-outcome-unknown':
    case 'storage-busy':
      // (A filing that may have been stored is safe to send again: the form keeps its key.)
      return error.retryAfterSeconds === undefined
        ? { page: 'unavailable' }
        : { page: 'unavailable', retryAfterSeconds: error.retryAfterSeconds };
    case 'record-too-large':
      // Storage refused the record's size (a limit the schemas should have kept it within).
      return { page: 'recordTooLarge' };
    case 'claim-exists':
      return error instanceof ClaimExistsError ? { exists: error.existingClaimId } : undefined;
    case 'stale-version':
      return error instanceof StaleVersionError && error.expectedVersion !== undefined
        ? { staleSeen: error.expectedVersion }
        : undefined;
    case 'invalid-transition':
      return error instanceof ClaimStateError ? { refused: error } : undefined;
    case 'idempotency-conflict':
      return { keyUsed: true };
    case 'invalid-cursor':
      return { badCursor: true };
    case 'conflict':
    case 'order-changed':
    case 'shop-changed':
      return undefined;
    default:
      return error instanceof DomainError ? { field: error } : undefined;
  }
}

/**
 * The desk's error handler: failures become pages, not problem+json. A page
 * a refusal names is shown (404, 422, 503 with Retry-After); anything else is
 * logged like the API logs it (name and message, never the request, which
 * may hold claimant data) and shown with the request id.
 *
 * @example deskRouter.onError(deskErrorHandler);
 */
export const deskErrorHandler: ErrorHandler<DeskEnv> = (err, c: Context<DeskEnv>) => {
  const refusal = deskRefusal(err);
  if (refusal && 'page' in refusal) {
    if (refusal.retryAfterSeconds !== undefined) {
      c.header('retry-after', String(refusal.retryAfterSeconds));
    }
    return renderError(c, refusal.page);
  }
  console.error(
    JSON.stringify({ requestId: c.get('requestId'), error: err.name, message: err.message }),
  );
  return renderError(c, 'internal');
};

/**
 * A listing page, or its first page when the cursor was refused (edited, or issued for other
 * filters): `restarted` says which, so a page can tell the clerk. Other errors pass through.
 *
 * @example const { page, restarted } = await firstPageIfBadCursor((from) => list(from), cursor);
 */
export async function firstPageIfBadCursor<P>(
  list: (cursor: string | undefined) => Promise<P>,
  cursor: string | undefined,
): Promise<{ page: P; restarted: boolean }> {
  try {
    return { page: await list(cursor), restarted: false };
  } catch (error) {
    const refusal = deskRefusal(error);
    if (!refusal || !('badCursor' in refusal)) throw error;
    return { page: await list(undefined), restarted: true };
  }
}
