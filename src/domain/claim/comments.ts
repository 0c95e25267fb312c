/**
 * The history notes the rules write themselves, not a person: the payment's reference, and
 * "evidence added" when new evidence takes a claim back into review. The API keeps them as
 * English text in `note` (what its readers have always had); a page in another language
 * says them from the facts they stand for (`generatedComment`), never from that text.
 */
import type { Claim, ClaimEvent } from './types';

/** The note of the move back into review that new evidence makes. */
export const EVIDENCE_ADDED_NOTE = 'evidence added';

/**
 * The note of a recorded payment.
 *
 * @example paymentNote('PP-000123') // 'reference PP-000123'
 */
export const paymentNote = (reference: string): string => `reference ${reference}`;

/** A note the rules wrote, as the facts it stands for. */
export type GeneratedComment =
  { kind: 'payment_reference'; reference: string } | { kind: 'evidence_added' };

/** Every kind of generated note, for the pages that name each. */
export const GENERATED_COMMENT_KINDS = [
  'payment_reference',
  'evidence_added',
] as const satisfies readonly GeneratedComment['kind'][];

/**
 * What an event's note stands for when the rules wrote it; undefined for a person's note
 * (a reason, a comment with a move) or none. A claim is paid once, so its payment event's
 * note is the reference of the claim's payment.
 *
 * @example generatedComment(paymentEvent, claim) // { kind: 'payment_reference', reference: 'PP-000123' }
 */
export function generatedComment(
  event: Pick<ClaimEvent, 'type' | 'from' | 'to' | 'note'>,
  claim: Pick<Claim, 'payment'>,
): GeneratedComment | undefined {
  const { payment } = claim;
  if (event.type === 'payment_recorded' && payment && event.note === paymentNote(payment.reference))
    return { kind: 'payment_reference', reference: payment.reference };
  const backInReview = event.from === 'needs_info' && event.to === 'in_review';
  if (event.type === 'status_changed' && backInReview && event.note === EVIDENCE_ADDED_NOTE)
    return { kind: 'evidence_added' };
  return undefined;
}
