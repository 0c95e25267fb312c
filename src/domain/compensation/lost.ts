/**
 * Lost parcel (domain-rules §3). Insured: the paid delivery cost back plus the declared
 * value, paid up to the documented value of the contents. Uninsured: the policy's rule.
 */
import type { EvidenceKind } from '../evidence';
import { DomainError } from '../errors';
import { line, type Line } from '../explain';
import { formatMoney, moneyFromJson, type Money, type MoneyJson } from '../money';
import { policyLines, type CarrierPolicy } from '../policies';
import { finishLoss, type ExactComponent, type LossParts, type LossResult } from './loss-result';
import { moneyInCurrency, requireMatchingContext } from './shared';
import { applyUninsuredRule } from './uninsured';

/**
 * A lost-parcel request. `documentedValue` is for uninsured parcels; an insured parcel
 * carries it inside `insurance`.
 * @example { deliveryCost: { amount: '500.00', currency: 'RUB' }, insurance: { declaredValue: { amount: '10000.00', currency: 'RUB' } } }
 */
export interface LostInput {
  deliveryCost: MoneyJson;
  /** Default true: a claim is usually filed by the payer. */
  deliveryPaid?: boolean;
  insurance?: { declaredValue: MoneyJson; documentedValue?: MoneyJson } | null;
  documentedValue?: MoneyJson;
  carrier?: string;
}

function refundParts(cost: Money, refunds: boolean, paid: boolean): LossParts {
  if (!refunds)
    return { components: [], lines: [line('loss.refund.not_in_policy', {})], missingEvidence: [] };
  if (!paid)
    return { components: [], lines: [line('loss.refund.unpaid', {})], missingEvidence: [] };
  const component: ExactComponent = {
    kind: 'delivery_cost_refund',
    amount: cost.amount,
    payable: true,
  };
  const lines = [line('loss.refund.paid', { deliveryCost: formatMoney(cost) })];
  return { components: [component], lines, missingEvidence: [] };
}

function insuredParts(declared: Money, documented: Money | undefined): LossParts {
  const declaredValue = formatMoney(declared);
  if (documented === undefined) {
    // The declared value is the ceiling; without proof of the contents nothing is owed yet.
    const component: ExactComponent = {
      kind: 'insured_value',
      amount: declared.amount,
      payable: false,
    };
    const lines = [line('loss.insured.missing_proof', { declaredValue })];
    return { components: [component], lines, missingEvidence: ['proof_of_value'] };
  }
  const payout = documented.amount.lt(declared.amount) ? documented : declared;
  const component: ExactComponent = { kind: 'insured_value', amount: payout.amount, payable: true };
  const params = {
    declaredValue,
    documentedValue: formatMoney(documented),
    payout: formatMoney(payout),
  };
  return {
    components: [component],
    lines: [line('loss.insured.documented', params)],
    missingEvidence: [],
  };
}

const join = (...parts: LossParts[]): LossParts => ({
  components: parts.flatMap((p) => p.components),
  lines: parts.flatMap((p) => p.lines),
  missingEvidence: parts.flatMap((p): EvidenceKind[] => p.missingEvidence),
});

/**
 * Compensation for a lost parcel under a policy.
 * @example
 * computeLost({ deliveryCost: { amount: '500.00', currency: 'RUB' } }, { policy: resolvePolicy('cdek') })
 *   .amount; // { amount: '3000.00', currency: 'RUB' }: uninsured, flat sum in total
 */
export function computeLost(input: LostInput, ctx: { policy: CarrierPolicy }): LossResult {
  const { policy } = ctx;
  requireMatchingContext(input, policy);
  const cost = moneyFromJson(input.deliveryCost, '/deliveryCost');
  const paid = input.deliveryPaid ?? true;
  const { insurance } = input;
  const head: Line[] = policyLines(policy, 'lost', insurance ? 'insured' : 'uninsured');
  if (insurance) {
    if (input.documentedValue !== undefined) {
      const message =
        'the parcel is insured: give the documented value as insurance.documentedValue';
      throw new DomainError('invalid-input', message, '/documentedValue');
    }
    const declared = moneyInCurrency(
      insurance.declaredValue,
      '/insurance/declaredValue',
      cost.currency,
    );
    const proof = insurance.documentedValue;
    const documented = proof && moneyInCurrency(proof, '/insurance/documentedValue', cost.currency);
    const refund = refundParts(cost, policy.lost.refundDeliveryCostWhenPaid, paid);
    const parts = join(
      { components: [], lines: head, missingEvidence: [] },
      refund,
      insuredParts(declared, documented),
    );
    return finishLoss(parts, cost.currency, policy);
  }
  const proof = input.documentedValue;
  const documented = proof && moneyInCurrency(proof, '/documentedValue', cost.currency);
  const rule = policy.lost.uninsured;
  const uninsured = applyUninsuredRule({ claim: 'lost', rule, policy, cost, documented });
  const refunds =
    policy.lost.refundDeliveryCostWhenPaid && policy.lost.refundDeliveryCostWhenUninsured;
  const refund = refundParts(cost, refunds, paid);
  const parts = join({ components: [], lines: head, missingEvidence: [] }, refund, uninsured);
  return finishLoss(parts, cost.currency, policy);
}
