/**
 * A clerk's decision and the payout record: pure rules over a claim. The
 * amounts are checked against the amount the calculators computed at filing.
 */
import type { Big } from 'big.js';
import type { IsoDate } from '../calendar/dates';
import { DomainError } from '../errors';
import { checkHappenedOn } from '../happened';
import {
  formatMoney,
  moneyFromJson,
  requireSameCurrency,
  toMoneyJson,
  type MoneyJson,
} from '../money';
import { transition, type ChangeContext, type ClaimChange } from './changes';
import { paymentNote } from './comments';
import { ClaimStateError } from './errors';
import { canTransition } from './status';
import type { Claim, ClaimDecision } from './types';

export const DECISIONS = ['approved', 'partially_approved', 'rejected', 'needs_info'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface DecisionInput {
  decision: Decision;
  reason?: string;
  approvedAmount?: MoneyJson;
  /** Required to approve more than the computed amount. */
  overrideReason?: string;
}

/** The amount the calculators computed at filing (what is payable now). */
export function computedAmount(claim: Claim): MoneyJson {
  return claim.compensation.amount;
}

function requireReason(input: DecisionInput): string {
  const reason = input.reason?.trim();
  if (!reason) {
    throw new DomainError(
      'invalid-input',
      `a ${input.decision} decision needs a reason`,
      '/reason',
      {
        reason: 'required',
      },
    );
  }
  return reason;
}

function approvedAmount(claim: Claim, input: DecisionInput): MoneyJson {
  const computed = moneyFromJson(computedAmount(claim), '/approvedAmount');
  if (!input.approvedAmount) {
    if (input.decision === 'partially_approved') {
      throw new DomainError(
        'invalid-input',
        'a partial approval needs approvedAmount',
        '/approvedAmount',
        { reason: 'required' },
      );
    }
    return toMoneyJson(computed);
  }
  requireSameCurrency(computed.currency, input.approvedAmount, '/approvedAmount/currency');
  const amount: Big = moneyFromJson(input.approvedAmount, '/approvedAmount').amount;
  if (amount.lte(0)) {
    throw new DomainError(
      'invalid-input',
      'approvedAmount must be above 0',
      '/approvedAmount/amount',
      { reason: 'not_positive' },
    );
  }
  if (amount.gt(computed.amount) && !input.overrideReason?.trim()) {
    throw new DomainError(
      'invalid-input',
      `approvedAmount ${formatMoney(input.approvedAmount)} is above the computed ${formatMoney(computed)}; give overrideReason to approve more`,
      '/approvedAmount/amount',
      { reason: 'above_computed', params: { maximum: formatMoney(computed) } },
    );
  }
  if (input.decision === 'approved' && amount.lt(computed.amount)) {
    throw new DomainError(
      'invalid-input',
      `approving less than the computed ${formatMoney(computed)} is a partial approval (partially_approved)`,
      '/approvedAmount/amount',
      { reason: 'below_computed', params: { minimum: formatMoney(computed) } },
    );
  }
  return toMoneyJson({ amount, currency: computed.currency });
}

/**
 * Applies a clerk's decision: moves the claim and records who decided what.
 *
 * @example decide(claim, { decision: 'rejected', reason: 'Delivered on time' }, { at, by })
 */
export function decide(claim: Claim, input: DecisionInput, ctx: ChangeContext): ClaimChange {
  // The status is checked first: a claim that cannot move answers 409, whatever the amounts.
  if (!canTransition(claim.status, input.decision)) {
    throw new ClaimStateError(claim.status, input.decision);
  }
  const approving = input.decision === 'approved' || input.decision === 'partially_approved';
  const reason = approving ? (input.reason?.trim() ?? '') : requireReason(input);
  if (input.decision === 'partially_approved') requireReason(input);
  const decision: ClaimDecision = {
    decision: input.decision,
    reason,
    ...(approving ? { approvedAmount: approvedAmount(claim, input) } : {}),
    ...(input.overrideReason?.trim() ? { overrideReason: input.overrideReason.trim() } : {}),
    decidedBy: ctx.by.id,
    decidedAt: ctx.at,
  };
  return transition(claim, input.decision, {
    ...ctx,
    note: reason || undefined,
    patch: { decision },
  });
}

export interface PaymentInput {
  amount: MoneyJson;
  paidOn: IsoDate;
  reference: string;
}

/**
 * Records the payout: at most the approved amount, paid on a day between the filing and now
 * (each give or take the day of tolerance of ../happened.ts).
 *
 * @example recordPayment(claim, { amount, paidOn: '2025-07-01', reference: 'PP-1' }, { at, by, today })
 */
export function recordPayment(
  claim: Claim,
  input: PaymentInput,
  ctx: ChangeContext & { today: IsoDate },
): ClaimChange {
  if (!canTransition(claim.status, 'paid')) throw new ClaimStateError(claim.status, 'paid');
  const approved = claim.decision?.approvedAmount;
  if (approved) {
    requireSameCurrency(approved.currency, input.amount, '/amount/currency');
    const paid = moneyFromJson(input.amount, '/amount').amount;
    if (paid.gt(moneyFromJson(approved, '/amount').amount) || paid.lte(0)) {
      // One sentence for both ends of the range (the API's words); the reason says which.
      throw new DomainError(
        'invalid-input',
        `amount must be above 0 and at most the approved ${formatMoney(approved)}`,
        '/amount/amount',
        {
          reason: paid.lte(0) ? 'not_positive' : 'above_approved',
          params: { maximum: formatMoney(approved) },
        },
      );
    }
  }
  // Paid between the filing and now, by the rule of every reported date (../happened.ts).
  checkHappenedOn(input.paidOn, '/paidOn', {
    now: ctx.at,
    since: { field: 'createdAt', at: claim.createdAt },
  });
  const payment = { ...input, recordedBy: ctx.by.id, recordedAt: ctx.at };
  return transition(claim, 'paid', {
    ...ctx,
    note: paymentNote(input.reference),
    patch: { payment },
  });
}
