/**
 * Why a claim (or a late shipment) happened: counted per carrier to find systemic faults
 * (domain-rules §6, "claims should be countable by reason and carrier"). A claim carries one;
 * a clerk may correct it later, and the history records the correction.
 */
import type { RescheduleReason } from '../policies';
import type { ChangeContext, ClaimChange } from './changes';
import type { Claim, ClaimType } from './types';

/** Every cause, as the analytics count them. */
export const CLAIM_CAUSES = [
  'courier_late',
  'supplier_late',
  'warehouse',
  'wrong_address',
  'damaged_in_transit',
  'lost_in_transit',
  'other',
] as const;
/** @example const cause: ClaimCause = 'warehouse'; */
export type ClaimCause = (typeof CLAIM_CAUSES)[number];

/**
 * What the carrier said a delay was for, in time order: a reschedule's reason, or a delivery
 * problem's cause (a problem with none says nothing).
 */
export type CauseHint = { reason: RescheduleReason } | { cause?: ClaimCause | undefined };

/**
 * What a lateness is put down to: the latest reason the carrier gave (a reschedule's, or a
 * delivery problem's cause), else the courier (the carrier missed its own promise).
 * @example lateCause([{ reason: 'supplier_late' }]) // 'supplier_late'
 * @example lateCause([{ reason: 'courier_late' }, { cause: 'wrong_address' }]) // 'wrong_address'
 */
export function lateCause(hints: readonly CauseHint[]): ClaimCause {
  for (let i = hints.length - 1; i >= 0; i--) {
    const hint = hints[i];
    if (hint === undefined) continue;
    if ('reason' in hint) return hint.reason;
    if (hint.cause !== undefined) return hint.cause;
  }
  return 'courier_late';
}

/**
 * The cause a claim gets when the filing names none: a lost parcel was lost in transit, a
 * damaged one damaged in transit, a late one late for its shipment's latest reschedule reason.
 * @example defaultCause('lost') // 'lost_in_transit'
 */
export function defaultCause(type: ClaimType, hints: readonly CauseHint[] = []): ClaimCause {
  if (type === 'lost') return 'lost_in_transit';
  if (type === 'damaged') return 'damaged_in_transit';
  return lateCause(hints);
}

/**
 * The claim with another cause (any status: the count is corrected after the fact too) and
 * the `cause_changed` event recording old and new; undefined when the cause is already that.
 * @example changeCause(claim, 'warehouse', { at, by })?.event.cause // { from: 'courier_late', to: 'warehouse' }
 */
export function changeCause(
  claim: Claim,
  cause: ClaimCause,
  ctx: ChangeContext,
): ClaimChange | undefined {
  if (claim.cause === cause) return undefined;
  const next: Claim = { ...claim, cause, updatedAt: ctx.at, version: claim.version + 1 };
  return {
    claim: next,
    event: {
      claimId: claim.id,
      seq: next.version,
      at: ctx.at,
      actor: ctx.by,
      type: 'cause_changed',
      cause: { ...(claim.cause === undefined ? {} : { from: claim.cause }), to: cause },
      ...(ctx.note === undefined ? {} : { note: ctx.note }),
    },
  };
}
