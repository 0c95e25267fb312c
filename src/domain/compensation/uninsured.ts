/**
 * What an uninsured lost or damaged parcel gets: the policy's rule applied to the claim.
 */
import Big from 'big.js';
import { DomainError } from '../errors';
import { line, type Line } from '../explain';
import { formatMoney, moneyFromJson, type Money, type MoneyJson } from '../money';
import type { CarrierPolicy, UninsuredRule } from '../policies';
import type { LossComponentKind, LossParts } from './loss-result';
import { formatExact } from './shared';

/**
 * The facts an uninsured rule needs. `documented` is the proven value or damage, if any.
 * @example { claim: 'lost', rule: policy.lost.uninsured, policy, cost, documented: undefined }
 */
export interface UninsuredClaim {
  claim: 'lost' | 'damaged';
  rule: UninsuredRule;
  policy: CarrierPolicy;
  cost: Money;
  documented: Money | undefined;
}

const DOCUMENTED_KIND = { lost: 'documented_value', damaged: 'documented_damage' } as const;

/**
 * A fixed sum of the policy, in the claim's currency. No rule converts currencies, so a
 * claim in another currency is refused at the field that set the claim's currency.
 */
function fixedSum(sum: MoneyJson, c: UninsuredClaim): Money {
  if (sum.currency !== c.cost.currency) {
    const message = `${c.policy.id} pays an uninsured ${c.claim} parcel from a fixed ${formatMoney(sum)}, but this claim is in ${c.cost.currency}; give deliveryCost in ${sum.currency} or choose another carrier`;
    throw new DomainError('currency-mismatch', message, '/deliveryCost/currency');
  }
  return moneyFromJson(sum, `/policy/${c.claim}/uninsured`);
}

function multiple(factor: string, c: UninsuredClaim): Money {
  return { amount: c.cost.amount.times(factor), currency: c.cost.currency };
}

function unused(c: UninsuredClaim): Line[] {
  if (c.documented === undefined) return [];
  return [line('loss.documented_unused', { documentedValue: formatMoney(c.documented) })];
}

function documented(limit: Money | null, c: UninsuredClaim): LossParts {
  const kind: LossComponentKind = DOCUMENTED_KIND[c.claim];
  if (c.documented === undefined) {
    const waiting = limit
      ? line('uninsured.documented.missing_limited', { limit: formatExact(limit) })
      : line('uninsured.documented.missing_unlimited', {});
    const amount = limit?.amount ?? new Big(0);
    const components = [{ kind, amount, payable: false }];
    return { components, lines: [waiting], missingEvidence: ['proof_of_value'] };
  }
  const proven = c.documented;
  const payout = limit && limit.amount.lt(proven.amount) ? limit : proven;
  const lines = limit
    ? [
        line('uninsured.documented.limited', {
          documented: formatMoney(proven),
          limit: formatExact(limit),
          payout: formatExact(payout),
        }),
      ]
    : [line('uninsured.documented.unlimited', { documented: formatMoney(proven) })];
  return {
    components: [{ kind, amount: payout.amount, payable: true }],
    lines,
    missingEvidence: [],
  };
}

function documentedLimit(rule: Extract<UninsuredRule, { basis: 'documented' }>, c: UninsuredClaim) {
  if (rule.limit === null) return { limit: null, lines: [] };
  if ('flat' in rule.limit) return { limit: fixedSum(rule.limit.flat, c), lines: [] };
  const factor = rule.limit.deliveryCostMultiple;
  const limit = multiple(factor, c);
  const deliveryCost = formatMoney(c.cost);
  const params = { factor, deliveryCost, limit: formatExact(limit) };
  return { limit, lines: [line('uninsured.limit.multiple', params)] };
}

/**
 * The components and lines of the policy's uninsured rule.
 * @example applyUninsuredRule({ claim: 'lost', rule: { basis: 'flat', amount: { amount: '3000.00', currency: 'RUB' } }, policy, cost, documented: undefined }).components
 * // [{ kind: 'uninsured_flat', amount: Big(3000), payable: true }]
 */
export function applyUninsuredRule(c: UninsuredClaim): LossParts {
  const { rule } = c;
  switch (rule.basis) {
    case 'flat': {
      const flat = fixedSum(rule.amount, c);
      const lines = [line('uninsured.flat', { flat: formatMoney(flat) }), ...unused(c)];
      return {
        components: [{ kind: 'uninsured_flat', amount: flat.amount, payable: true }],
        lines,
        missingEvidence: [],
      };
    }
    case 'delivery_cost_multiple': {
      const payout = multiple(rule.factor, c);
      const deliveryCost = formatMoney(c.cost);
      const params = { factor: rule.factor, deliveryCost, payout: formatExact(payout) };
      const lines = [line('uninsured.multiple', params), ...unused(c)];
      const kind = 'uninsured_delivery_cost_multiple';
      return {
        components: [{ kind, amount: payout.amount, payable: true }],
        lines,
        missingEvidence: [],
      };
    }
    case 'documented': {
      const { limit, lines } = documentedLimit(rule, c);
      const parts = documented(limit, c);
      return { ...parts, lines: [...lines, ...parts.lines] };
    }
    case 'none':
      return {
        components: [],
        lines: [line('uninsured.none', {}), ...unused(c)],
        missingEvidence: [],
      };
  }
}
