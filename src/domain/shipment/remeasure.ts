/**
 * A re-measurement explains itself (domain-rules §1), as the carrier's FAQ does for "why did
 * the weight and the price go up": both weights, which one won, the divisor, the difference.
 */
import Big from 'big.js';
import { line, type Line } from '../explain';
import {
  formatMoney,
  moneyFromJson,
  requireSameCurrency,
  toMoneyJson,
  type MoneyJson,
} from '../money';
import type { CarrierPolicy } from '../policies';
import { computeWeight, type WeightResult } from '../weight';
import type { RemeasuredEvent, ShipmentFacts } from './types';

/**
 * What a re-measurement says, checked under the policy: the measured packages' weights and the
 * charged amount. All `remeasurement` checks but the currency, which must be the shipment's.
 * @example measuredOf(event, policy).charged.currency // 'RUB'
 */
export function measuredOf(
  event: Pick<RemeasuredEvent, 'packages' | 'charged'>,
  policy: CarrierPolicy,
): { measured: WeightResult; charged: ReturnType<typeof moneyFromJson> } {
  const measured = computeWeight({ packages: event.packages }, { policy });
  return { measured, charged: moneyFromJson(event.charged, '/charged') };
}

/** @example remeasurement(facts, event, policy).difference // { amount: '120.00', currency: 'RUB' } */
export interface Remeasurement {
  eventId: string;
  at: string;
  divisor: number;
  declared: Pick<WeightResult, 'packages' | 'totalChargeableKg'>;
  measured: Pick<WeightResult, 'packages' | 'totalChargeableKg'>;
  quoted: MoneyJson;
  charged: MoneyJson;
  /** charged − quoted; negative when the carrier charged less. */
  difference: MoneyJson;
  lines: Line[];
}

/**
 * Declared against measured weights, package by package, and the charge difference.
 * @example remeasurement(facts, { eventId: 'm1', status: 'remeasured', at, packages, charged }, policy).lines[0]?.key // 'remeasure.weights'
 */
export function remeasurement(
  facts: Pick<ShipmentFacts, 'packages' | 'deliveryCost'>,
  event: RemeasuredEvent,
  policy: CarrierPolicy,
): Remeasurement {
  const declared = computeWeight({ packages: facts.packages }, { policy });
  const { measured, charged } = measuredOf(event, policy);
  const quoted = moneyFromJson(facts.deliveryCost, '/deliveryCost');
  requireSameCurrency(quoted.currency, charged, '/charged/currency');
  const difference = {
    amount: new Big(charged.amount).minus(quoted.amount),
    currency: quoted.currency,
  };
  const date = event.at.slice(0, 10);
  const lines: Line[] = [
    line('remeasure.weights', {
      date,
      beforeKg: declared.totalChargeableKg,
      afterKg: measured.totalChargeableKg,
      divisor: measured.divisor,
    }),
  ];
  measured.packages.forEach((after, i) => {
    const before = declared.packages[i];
    lines.push(
      line('remeasure.package', {
        index: i + 1,
        beforeKg: before?.chargeableKg ?? '0.000',
        beforeBasis: before?.basis ?? 'not declared',
        physicalKg: after.physicalKg,
        volumetricKg: after.volumetricKg,
        afterBasis: after.basis,
        afterKg: after.chargeableKg,
      }),
    );
  });
  lines.push(
    line('remeasure.charge', {
      before: formatMoney(quoted),
      after: formatMoney(charged),
      difference: formatMoney(difference),
    }),
  );
  const weights = (w: WeightResult) => ({
    packages: w.packages,
    totalChargeableKg: w.totalChargeableKg,
  });
  return {
    eventId: event.eventId,
    at: event.at,
    divisor: measured.divisor,
    declared: weights(declared),
    measured: weights(measured),
    quoted: toMoneyJson(quoted),
    charged: toMoneyJson(charged),
    difference: toMoneyJson(difference),
    lines,
  };
}
