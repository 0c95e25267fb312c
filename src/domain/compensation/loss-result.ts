/**
 * The shape shared by lost and damaged results, and how their parts add up: each component
 * is rounded once, half-up, and the total is the sum of the payable rounded components, so
 * a claim letter always adds up to the cent.
 */
import Big from 'big.js';
import type { EvidenceKind } from '../evidence';
import { line, type Line } from '../explain';
import { CURRENCIES, formatMoney, type CurrencyCode, type MoneyJson } from '../money';
import { policyRef, type CarrierPolicy, type PolicyRef } from '../policies';
import { roundOnce } from './shared';

/**
 * What a part of a loss payout is for.
 * @example LOSS_COMPONENT_KINDS.includes('insured_value') // true
 */
export const LOSS_COMPONENT_KINDS = [
  'delivery_cost_refund',
  'insured_value',
  'insured_damage',
  'uninsured_flat',
  'uninsured_delivery_cost_multiple',
  'documented_value',
  'documented_damage',
] as const;
/** @example const k: LossComponentKind = 'uninsured_flat'; */
export type LossComponentKind = (typeof LOSS_COMPONENT_KINDS)[number];

/**
 * One part of the payout. `payable: false` means it waits for evidence; its amount is then
 * the most it can reach (or 0.00 when the policy sets no limit).
 * @example { kind: 'delivery_cost_refund', amount: { amount: '500.00', currency: 'RUB' }, payable: true }
 */
export interface LossComponent {
  kind: LossComponentKind;
  amount: MoneyJson;
  payable: boolean;
}

/** @example computeLost(input, ctx).amount // { amount: '8500.00', currency: 'RUB' } */
export interface LossResult {
  amount: MoneyJson;
  components: LossComponent[];
  missingEvidence: EvidenceKind[];
  lines: Line[];
  policy: PolicyRef;
}

/**
 * A component before rounding.
 * @example { kind: 'uninsured_flat', amount: new Big('3000'), payable: true }
 */
export interface ExactComponent {
  kind: LossComponentKind;
  amount: Big;
  payable: boolean;
}

/** What a rule contributes to a loss result, before rounding. @example { components: [], lines: [], missingEvidence: ['proof_of_value'] } */
export interface LossParts {
  components: ExactComponent[];
  lines: Line[];
  missingEvidence: EvidenceKind[];
}

/**
 * Rounds the components once, adds up the payable ones and writes the closing lines.
 * @example finishLoss(parts, 'RUB', policy).amount // { amount: '3000.00', currency: 'RUB' }
 */
export function finishLoss(
  parts: LossParts,
  currency: CurrencyCode,
  policy: CarrierPolicy,
): LossResult {
  const components: LossComponent[] = [];
  const roundings: Line[] = [];
  const payable: string[] = [];
  const pending: string[] = [];
  let total = new Big(0);
  for (const { kind, amount, payable: isPayable } of parts.components) {
    const round = roundOnce({ amount, currency });
    components.push({ kind, amount: round.json, payable: isPayable });
    if (round.line) roundings.push(round.line);
    if (isPayable) {
      total = total.plus(round.amount);
      payable.push(round.text);
    } else if (round.amount.gt(0)) {
      // A pending part without a ceiling (0.00) is explained by its rule line, not summed here.
      pending.push(round.text);
    }
  }
  const decimals = CURRENCIES[currency].exponent;
  const lines = [...parts.lines];
  lines.push(...(roundings.length > 0 ? roundings : [line('rounding.exact', { decimals })]));
  const amount = { amount: total.toFixed(decimals), currency };
  const totalText = formatMoney(amount);
  lines.push(
    payable.length === 0
      ? line('loss.total.nothing', { total: totalText })
      : line('loss.total', { terms: payable.join(' + '), total: totalText }),
  );
  if (pending.length > 0) lines.push(line('loss.pending', { pending: pending.join(' + ') }));
  const missingEvidence = [...new Set(parts.missingEvidence)];
  return { amount, components, missingEvidence, lines, policy: policyRef(policy) };
}
