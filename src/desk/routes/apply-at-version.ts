/**
 * The desk's moves: a form carries the version its page showed in a hidden
 * field, and the claims service's `applyChange` writes only at that version.
 */
import type { Context } from 'hono';
import type { Claim } from '../../domain/claim';
import type { HonoEnv } from '../../hono-env';
import { applyChange } from '../../routes/claims/claims.service';

/**
 * The claim is no longer at the version the clerk's page showed; nothing was written.
 *
 * @example if (error instanceof StaleClaimError) showConflict(error.seenVersion);
 */
export class StaleClaimError extends Error {
  override readonly name = 'StaleClaimError';
  constructor(readonly seenVersion: number) {
    super(`the claim is no longer at version ${seenVersion}`);
  }
}

/**
 * `applyChange` with the version the clerk's page showed: a lost race or a
 * stale page is a StaleClaimError, never an overwrite.
 *
 * @throws {StaleClaimError} when the claim moved on (before or during the write).
 * @example
 * await applyAtVersion(c, id, 3, (claim, ctx) => transition(claim, 'in_review', ctx));
 */
export function applyAtVersion(
  c: Context<HonoEnv>,
  id: string,
  expectedVersion: number,
  change: Parameters<typeof applyChange>[2],
): Promise<Claim> {
  return applyChange(c, id, change, {
    expectedVersion,
    stale: () => new StaleClaimError(expectedVersion),
  });
}
