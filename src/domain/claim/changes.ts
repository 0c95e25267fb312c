/**
 * The claim's changes: filing, a status move, evidence, as pure functions.
 * Time, ids and actors come in as arguments; every change returns the next
 * claim (version + 1) together with the history event that records it.
 */
import { ClaimStateError } from './errors';
import { canTransition } from './status';
import type { Claim, ClaimActor, ClaimEvent, ClaimEvidence, ClaimStatus, NewClaim } from './types';
import type { EvidenceKind } from '../evidence';

/** The result of every change: the next claim and the event to append. */
export interface ClaimChange {
  claim: Claim;
  event: ClaimEvent;
}

/** Who, when and why, for any change. */
export interface ChangeContext {
  at: string;
  by: ClaimActor;
  note?: string;
}

/** Fields a move may change alongside the status (a decision, a payment...). */
export type ClaimPatch = Partial<
  Omit<Claim, 'id' | 'shopId' | 'status' | 'createdAt' | 'updatedAt' | 'version'>
>;

/** Statuses in which a shop may still add evidence. */
export const EVIDENCE_OPEN_STATUSES: readonly ClaimStatus[] = [
  'submitted',
  'in_review',
  'needs_info',
];

/**
 * A new claim in status `submitted`, version 1, and its `filed` event.
 *
 * @example
 * const { claim, event } = fileClaim(input, { id: 'clm_1', at: '2025-03-01T10:00:00.000Z', by: { role: 'shop', id: 'shop-1' } });
 * claim.status; // 'submitted'
 */
export function fileClaim(input: NewClaim, ctx: ChangeContext & { id: string }): ClaimChange {
  const claim: Claim = {
    ...input,
    id: ctx.id,
    status: 'submitted',
    createdAt: ctx.at,
    updatedAt: ctx.at,
    version: 1,
  };
  return { claim, event: eventFor(claim, ctx, { type: 'filed', to: 'submitted' }) };
}

/**
 * Moves a claim to `to` if the status machine allows it; bumps `version`,
 * sets `updatedAt`, applies `patch`. Moving to `paid` records a
 * `payment_recorded` event, any other move a `status_changed` event.
 *
 * @throws {ClaimStateError} when the current status does not allow the move.
 * @example
 * const { claim, event } = transition(claim, 'in_review', { at, by: { role: 'clerk', id: 'key_1' } });
 */
export function transition(
  claim: Claim,
  to: ClaimStatus,
  ctx: ChangeContext & { patch?: ClaimPatch },
): ClaimChange {
  if (!canTransition(claim.status, to)) throw new ClaimStateError(claim.status, to);
  const next: Claim = {
    ...claim,
    ...ctx.patch,
    status: to,
    updatedAt: ctx.at,
    version: claim.version + 1,
  };
  const type = to === 'paid' ? 'payment_recorded' : 'status_changed';
  return { claim: next, event: eventFor(next, ctx, { type, from: claim.status, to }) };
}

/**
 * Appends evidence and replaces the missing-evidence checklist (the caller
 * recomputes it from the policy). Allowed while the claim is still open.
 *
 * @throws {ClaimStateError} with `attempted: 'add_evidence'` once decided or closed.
 * @example
 * addEvidence(claim, { evidence: [{ kind: 'photo', name: 'box.jpg', addedAt: at }], missingEvidence: [] }, { at, by });
 */
export function addEvidence(
  claim: Claim,
  added: { evidence: readonly ClaimEvidence[]; missingEvidence: readonly EvidenceKind[] },
  ctx: ChangeContext,
): ClaimChange {
  if (!EVIDENCE_OPEN_STATUSES.includes(claim.status)) {
    throw new ClaimStateError(claim.status, 'add_evidence');
  }
  const next: Claim = {
    ...claim,
    evidence: [...claim.evidence, ...added.evidence],
    missingEvidence: [...added.missingEvidence],
    updatedAt: ctx.at,
    version: claim.version + 1,
  };
  return { claim: next, event: eventFor(next, ctx, { type: 'evidence_added' }) };
}

function eventFor(
  claim: Claim,
  ctx: ChangeContext,
  what: Pick<ClaimEvent, 'type' | 'from' | 'to'>,
): ClaimEvent {
  return {
    claimId: claim.id,
    seq: claim.version,
    at: ctx.at,
    actor: ctx.by,
    ...what,
    ...(ctx.note === undefined ? {} : { note: ctx.note }),
  };
}
