import type { Context } from 'hono';
import type { ClaimFiling } from '../../domain/claim/filing';
import type { HonoEnv } from '../../hono-env';
import type { FilingPreview } from '../views/new-claim/new-claim-page';
import { prepareFor } from '../../routes/claims/claims.service';

/**
 * What filing would compute now (amount, lines, checklist, deadlines),
 * without storing anything: `prepareFor`, exactly as `fileClaimFor` files it.
 *
 * @throws {DomainError} exactly where filing would (deadline passed, bad amounts...).
 * @example const preview = previewFiling(c, filing, 'demo-shop');
 */
export function previewFiling(
  c: Context<HonoEnv>,
  filing: ClaimFiling,
  shopId: string,
): FilingPreview {
  const prepared = prepareFor(c, filing, shopId);
  const { compensation, missingEvidence, filingDeadline, answerDueBy } = prepared;
  return { compensation, missingEvidence, filingDeadline, answerDueBy };
}
