/**
 * The claim status machine, written as data: the table below IS the rule.
 */
import { CLAIM_STATUSES, type ClaimStatus } from './types';

/**
 * Allowed moves from each status. A status with no moves is final.
 *
 * @example
 * CLAIM_TRANSITIONS.in_review; // ['approved', 'partially_approved', 'rejected', 'needs_info']
 */
export const CLAIM_TRANSITIONS = {
  submitted: ['in_review', 'cancelled'],
  in_review: ['approved', 'partially_approved', 'rejected', 'needs_info'],
  needs_info: ['in_review', 'cancelled'],
  approved: ['paid'],
  partially_approved: ['paid'],
  rejected: [],
  paid: [],
  cancelled: [],
} as const satisfies Record<ClaimStatus, readonly ClaimStatus[]>;

/**
 * The statuses a claim can move to from `status`.
 *
 * @example
 * allowedMoves('submitted'); // ['in_review', 'cancelled']
 */
export function allowedMoves(status: ClaimStatus): readonly ClaimStatus[] {
  return CLAIM_TRANSITIONS[status];
}

/**
 * Whether the machine allows `from` → `to`.
 *
 * @example
 * canTransition('approved', 'paid'); // true
 * canTransition('paid', 'approved'); // false
 */
export function canTransition(from: ClaimStatus, to: ClaimStatus): boolean {
  return allowedMoves(from).includes(to);
}

/**
 * Statuses with no way out (rejected, paid, cancelled): the claim is settled,
 * so it can no longer be overdue.
 *
 * @example
 * FINAL_STATUSES; // ['rejected', 'paid', 'cancelled']
 */
export const FINAL_STATUSES: readonly ClaimStatus[] = CLAIM_STATUSES.filter(
  (status) => allowedMoves(status).length === 0,
);

/**
 * @example
 * isFinalStatus('paid'); // true
 */
export function isFinalStatus(status: ClaimStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/** Changes that are not status moves but still depend on the status. */
export type ClaimAction = 'add_evidence';

/**
 * A move (or action) the claim's current status does not allow. The HTTP
 * layer maps it to 409 and names `currentStatus`.
 *
 * @example
 * throw new ClaimStateError('paid', 'cancelled');
 */
export class ClaimStateError extends Error {
  override readonly name = 'ClaimStateError';
  readonly code = 'invalid-transition' as const;
  constructor(
    readonly currentStatus: ClaimStatus,
    readonly attempted: ClaimStatus | ClaimAction,
  ) {
    const allowed = allowedMoves(currentStatus);
    super(
      `A claim in status '${currentStatus}' cannot ${
        attempted === 'add_evidence' ? 'take new evidence' : `move to '${attempted}'`
      }; allowed: ${allowed.length > 0 ? allowed.join(', ') : 'none (final status)'}`,
    );
  }
}
