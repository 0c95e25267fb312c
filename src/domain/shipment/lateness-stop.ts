/**
 * When a claim stops a shipment's lateness from growing (issue 21). Lateness accrues up to
 * today while the parcel is on its way; once the carrier has ACCEPTED a late or lost claim
 * filed from the shipment (approved, partially approved, or paid), the shipment is settled
 * for lateness: its lateness is counted up to that claim's filing day and no further.
 *   - a lost claim accepted: the parcel is treated as lost from the day it was declared lost;
 *     a loss is not "more late" every day after;
 *   - a late claim accepted: its amount was computed as of its filing day, so the lateness
 *     stays at what was claimed.
 * A rejected or withdrawn claim stops nothing (nothing was conceded; the shop may file
 * again), nor does a claim still open, nor a damaged-parcel claim (it says nothing of when).
 * Accepting is final (approved and partially approved lead only to paid), so once stopped,
 * lateness stays stopped. Several accepted claims: the earliest filed decides.
 */
import type { ClaimStatus, ClaimType } from '../claim/types';
import type { IsoDate } from '../calendar/dates';
import type { ShipmentClaimRef } from './claim-totals';

/** The statuses of a claim the carrier has accepted: its amount is decided. */
export const ACCEPTED_CLAIM_STATUSES = [
  'approved',
  'partially_approved',
  'paid',
] as const satisfies readonly ClaimStatus[];

/** The claim types that speak for the shipment's lateness. */
export const LATENESS_STOPPING_TYPES = ['late', 'lost'] as const satisfies readonly ClaimType[];

/** The claim that stopped the lateness, and the last day counted. */
export interface LatenessStop {
  claim: ShipmentClaimRef;
  /** The claim's filing day (UTC, as the service's today): lateness is counted up to it. */
  on: IsoDate;
}

const stops = (claim: ShipmentClaimRef): boolean =>
  (LATENESS_STOPPING_TYPES as readonly ClaimType[]).includes(claim.type) &&
  (ACCEPTED_CLAIM_STATUSES as readonly ClaimStatus[]).includes(claim.status);

const byFiling = (a: ShipmentClaimRef, b: ShipmentClaimRef) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/**
 * Where the shipment's lateness stops because of its claims (undefined: it keeps accruing).
 *
 * @example latenessStop([{ ...lostClaim, status: 'paid', createdAt: '2025-06-20T09:00:00.000Z' }])?.on // '2025-06-20'
 * @example latenessStop([{ ...lateClaim, status: 'rejected' }]) // undefined
 */
export function latenessStop(claims: readonly ShipmentClaimRef[]): LatenessStop | undefined {
  const [first] = claims.filter(stops).sort(byFiling);
  return first && { claim: first, on: first.createdAt.slice(0, 10) };
}

/**
 * The claim a listing shows for the shipment: the one that stopped its lateness, else the
 * latest filed (undefined: none).
 *
 * @example shownClaim([submittedLate, paidLost]) // paidLost
 */
export function shownClaim(claims: readonly ShipmentClaimRef[]): ShipmentClaimRef | undefined {
  return latenessStop(claims)?.claim ?? [...claims].sort(byFiling).at(-1);
}
