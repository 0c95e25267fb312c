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
