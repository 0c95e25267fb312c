/**
 * Russian Post under the Postal Communications Act (176-FZ), art. 34 (liability) and
 * art. 37 (claims). Control terms of postal delivery are calendar days.
 */
import type { CarrierPolicy } from './types';

/** @example RUSSIAN_POST_POLICY.late.dayBasis // 'calendar' */
export const RUSSIAN_POST_POLICY: CarrierPolicy = {
  id: 'russian-post',
  version: '2025-01',
  name: 'Russian Post (domestic parcels)',
  source:
    'Federal Law No. 176-FZ "On Postal Services", art. 34 (3 % of the fee per day of delay, at most the fee; without declared value: twice the fee) and art. 37 (claims)',
  ru: {
    name: 'Почта России (внутренние посылки)',
    source:
      'Федеральный закон от 17.07.1999 № 176-ФЗ «О почтовой связи», ст. 34 (3 % платы за каждый день задержки, не более платы; без объявленной ценности — двукратная плата) и ст. 37 (претензии)',
  },
  currency: 'RUB',
  notes: [
    {
      topic: 'late',
      en: 'Control terms of postal delivery are counted in calendar days, so the penalty is per calendar day of delay.',
      ru: 'Контрольные сроки пересылки считаются в календарных днях, поэтому неустойка начисляется за каждый календарный день задержки.',
    },
    {
      topic: 'lost',
      when: 'insured',
      en: 'With declared value the law pays the declared value plus the fee, so the fee is refunded.',
      ru: 'С объявленной ценностью закон возмещает объявленную ценность и плату за пересылку, поэтому плата возвращается.',
    },
    {
      topic: 'lost',
      when: 'uninsured',
      en: 'Without declared value twice the fee is the whole payout; the fee is not refunded on top.',
      ru: 'Без объявленной ценности двукратная плата составляет всю выплату; плата за пересылку сверх неё не возвращается.',
    },
    {
      topic: 'damaged',
      when: 'uninsured',
      en: 'Without declared value the law names twice the fee; we pay the documented damage up to that sum, never more than the law.',
      ru: 'Без объявленной ценности закон называет двукратную плату; мы выплачиваем подтверждённый ущерб в пределах этой суммы, не больше закона.',
    },
  ],
  weight: { divisor: 5000, roundingStepKg: '0.001', rounding: 'up' },
  late: { ratePerDay: '0.03', dayBasis: 'calendar', cap: { fractionOfDeliveryCost: '1' } },
  lost: {
    refundDeliveryCostWhenPaid: true,
    refundDeliveryCostWhenUninsured: false,
    uninsured: { basis: 'delivery_cost_multiple', factor: '2' },
  },
  damaged: { uninsured: { basis: 'documented', limit: { deliveryCostMultiple: '2' } } },
  claims: {
    filingWindowMonths: 6,
    filingWindowFrom: 'shipped',
    answerWithinDays: 30,
    evidence: {
      late: ['receipt'],
      lost: ['receipt', 'proof_of_value'],
      damaged: ['photo', 'receipt', 'proof_of_value'],
    },
  },
  // Acknowledge at once: within the hour of filing (the shop's own rule, not the carrier's).
  customerCare: { acknowledgeWithinMinutes: 60 },
  // No packaging extras are known for this carrier: none can be charged.
  packaging: [],
  shipments: { deliveryCostIncludes: 'tariff', rescheduleMovesDeadline: [] },
};
