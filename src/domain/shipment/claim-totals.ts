/**
 * What a shipment's claims come to (issue: "an order sums what its claims computed, approved
 * and paid"): each claim's computed amount, the amount a clerk approved and the payout
 * recorded, summed per currency. A withdrawn (cancelled) or rejected claim is owed nothing,
 * so its computed amount is not counted; it is still listed.
 */
import Big from 'big.js';
import type { Claim, ClaimStatus, ClaimType } from '../claim/types';
import { moneyFromJson, toMoneyJson, type CurrencyCode, type MoneyJson } from '../money';

/** A claim as a shipment lists it. @example { id: 'clm_…', type: 'late', status: 'submitted', amount: { amount: '30.00', currency: 'RUB' } } */
export interface ShipmentClaimRef {
  id: string;
  type: ClaimType;
  status: ClaimStatus;
  /** What the calculator computed at filing. */
  amount: MoneyJson;
  approvedAmount?: MoneyJson;
  paidAmount?: MoneyJson;
  createdAt: string;
}

/** Claims in one currency, summed. @example { currency: 'RUB', claims: 2, computed: { amount: '530.00', currency: 'RUB' }, approved: …, paid: … } */
export interface ClaimTotals {
  currency: CurrencyCode;
  /** Claims counted (not withdrawn, not rejected). */
  claims: number;
  computed: MoneyJson;
  approved: MoneyJson;
  paid: MoneyJson;
}

const OWED_NOTHING: readonly ClaimStatus[] = ['cancelled', 'rejected'];
const APPROVALS = ['approved', 'partially_approved'] as const;

/**
 * The claim as a shipment lists it.
 * @example claimRef(claim).amount // claim.compensation.amount
 */
export function claimRef(claim: Omit<Claim, 'evidence'>): ShipmentClaimRef {
  const approved =
    claim.decision !== undefined &&
    (APPROVALS as readonly string[]).includes(claim.decision.decision) &&
    claim.decision.approvedAmount;
  return {
    id: claim.id,
    type: claim.type,
    status: claim.status,
    amount: claim.compensation.amount,
    ...(approved ? { approvedAmount: approved } : {}),
    ...(claim.payment ? { paidAmount: claim.payment.amount } : {}),
    createdAt: claim.createdAt,
  };
}

/**
 * Sums per currency, currencies in alphabetical order; none when no claim counts.
 * @example claimTotals([late30, paidLost500])[0].computed // { amount: '530.00', currency: 'RUB' }
 */
export function claimTotals(refs: readonly ShipmentClaimRef[]): ClaimTotals[] {
  const sums = new Map<CurrencyCode, { claims: number; computed: Big; approved: Big; paid: Big }>();
  // Approved and paid amounts are in the claim's currency (the decision and payout rules check it).
  const amountOf = (money: MoneyJson | undefined) =>
    money === undefined ? new Big(0) : moneyFromJson(money, '/amount').amount;
  for (const ref of refs) {
    if (OWED_NOTHING.includes(ref.status)) continue;
    const zero = { claims: 0, computed: new Big(0), approved: new Big(0), paid: new Big(0) };
    const sum = sums.get(ref.amount.currency) ?? zero;
    sums.set(ref.amount.currency, {
      claims: sum.claims + 1,
      computed: sum.computed.plus(amountOf(ref.amount)),
      approved: sum.approved.plus(amountOf(ref.approvedAmount)),
      paid: sum.paid.plus(amountOf(ref.paidAmount)),
    });
  }
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, sum]) => {
      const money = (amount: Big) => toMoneyJson({ amount, currency });
      return {
        currency,
        claims: sum.claims,
        computed: money(sum.computed),
        approved: money(sum.approved),
        paid: money(sum.paid),
      };
    });
}
