/**
 * Damaged parcel. Insured: the documented damage, up to the declared value. Uninsured: the
 * policy's rule. Either way the amount waits for documents until the damage is proven.
 */
import { line } from '../explain';
import { formatMoney, moneyFromJson, type Money, type MoneyJson } from '../money';
import { policyLines, type CarrierPolicy } from '../policies';
import { finishLoss, type ExactComponent, type LossParts, type LossResult } from './loss-result';
import { moneyInCurrency, requireMatchingContext } from './shared';
import { applyUninsuredRule } from './uninsured';

/**
 * A damaged-parcel request. `documentedDamage` is the damage proven by documents (repair
 * estimate, invoice, receipt).
 * @example { deliveryCost: { amount: '500.00', currency: 'RUB' }, documentedDamage: { amount: '2500.00', currency: 'RUB' } }
 */
export interface DamagedInput {
  deliveryCost: MoneyJson;
  insurance?: { declaredValue: MoneyJson } | null;
  documentedDamage?: MoneyJson;
  carrier?: string;
}

function insuredDamage(declared: Money, damage: Money | undefined): LossParts {
  const declaredValue = formatMoney(declared);
  if (damage === undefined) {
    const component: ExactComponent = {
      kind: 'insured_damage',
      amount: declared.amount,
      payable: false,
    };
    const lines = [line('damage.insured.missing_proof', { declaredValue })];
    return { components: [component], lines, missingEvidence: ['proof_of_value'] };
  }
  const payout = damage.amount.lt(declared.amount) ? damage : declared;
  const component: ExactComponent = {
    kind: 'insured_damage',
    amount: payout.amount,
    payable: true,
  };
  const documentedDamage = formatMoney(damage);
  const params = { declaredValue, documentedDamage, payout: formatMoney(payout) };
  return {
    components: [component],
    lines: [line('damage.insured.documented', params)],
    missingEvidence: [],
  };
}

/**
 * Compensation for a damaged parcel under a policy.
 * @example
 * computeDamaged(
 *   { deliveryCost: { amount: '500.00', currency: 'RUB' }, documentedDamage: { amount: '4500.00', currency: 'RUB' } },
 *   { policy: resolvePolicy('cdek') },
 * ).amount; // { amount: '3000.00', currency: 'RUB' }: uninsured, documented damage up to 3000 RUB
 */
export function computeDamaged(input: DamagedInput, ctx: { policy: CarrierPolicy }): LossResult {
  const { policy } = ctx;
  requireMatchingContext(input, policy);
  const cost = moneyFromJson(input.deliveryCost, '/deliveryCost');
  const proof = input.documentedDamage;
  const damage = proof && moneyInCurrency(proof, '/documentedDamage', cost.currency);
  const { insurance } = input;
  const parts = insurance
    ? insuredDamage(
        moneyInCurrency(insurance.declaredValue, '/insurance/declaredValue', cost.currency),
        damage,
      )
    : applyUninsuredRule({
        claim: 'damaged',
        rule: policy.damaged.uninsured,
        policy,
        cost,
        documented: damage,
      });
  return finishLoss(
    {
      ...parts,
      lines: [
        ...policyLines(policy, 'damaged', insurance ? 'insured' : 'uninsured'),
        ...parts.lines,
      ],
    },
    cost.currency,
    policy,
  );
}
