/**
 * A claim as its answer's schema types it: one shape per `type` (LateClaim, LostClaim,
 * DamagedClaim), so a client narrows `shipment` and `compensation` by `type` alone.
 */
import type { Claim } from '../../domain/claim';
import type { ClaimByType } from '../../schemas/claim.schema';

/** A page of a listing. */
interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** What the narrowing reads of a claim, or of a claim in a listing. */
type Typeable = Pick<Claim, 'id' | 'type' | 'compensation'>;

/**
 * The claim, typed by its `type`: the same object, so the answer's JSON is unchanged.
 *
 * The domain keeps `type`, `shipment` and `compensation` as three members; filing sets them
 * together (the calculator of the filing's type computes the compensation from its shipment)
 * and no move changes them, so a stored claim is always one of the three shapes. That is
 * checked where the shapes differ (a late result counts `lateUntil`, a loss result does not):
 * a claim that broke it would be a bug, answered as one (500), never sent mistyped.
 *
 * @example c.json(typedClaim(claim), 200)
 */
export function typedClaim<C extends Typeable>(claim: C): C & ClaimByType {
  const late = 'lateUntil' in claim.compensation;
  if (late !== (claim.type === 'late')) {
    throw new TypeError(
      `claim ${claim.id} is ${claim.type} but has a ${late ? 'late' : 'loss'} result`,
    );
  }
  return claim as C & ClaimByType;
}

/** A page of claims, each typed by its `type`. @example c.json(typedPage(page), 200) */
export const typedPage = <C extends Typeable>(page: Page<C>): Page<C & ClaimByType> => ({
  ...page,
  items: page.items.map((claim) => typedClaim(claim)),
});
