/**
 * Road freight under the Charter of Road Transport (259-FZ), art. 34. The law counts delay
 * in "сутки" (whole 24-hour days), so the penalty is per calendar day.
 */
import type { CarrierPolicy } from './types';

/** @example ROAD_FREIGHT_POLICY.late.ratePerDay // '0.09' */
export const ROAD_FREIGHT_POLICY: CarrierPolicy = {
  id: 'road-freight',
  version: '2025-01',
  name: 'Road freight (general carriers)',
  source:
    'Federal Law No. 259-FZ "Charter of Road Transport and Urban Ground Electric Transport", art. 34 (9 % of the freight charge per day of delay, at most the freight charge; lost or damaged cargo without declared value: its documented value, plus the freight charge back), and the Civil Code of the Russian Federation, art. 796 (carrier\'s liability for lost or damaged cargo)',
  ru: {
    name: 'Автоперевозка грузов',
    source:
      'Федеральный закон от 08.11.2007 № 259-ФЗ «Устав автомобильного транспорта и городского наземного электрического транспорта», ст. 34 (9 % провозной платы за каждые сутки просрочки, не более провозной платы; утрата или повреждение без объявленной ценности — подтверждённая стоимость и возврат провозной платы), и Гражданский кодекс РФ, ст. 796 (ответственность перевозчика за утрату и повреждение груза)',
  },
  currency: 'RUB',
  notes: [
    {
      topic: 'weight',
      en: 'The law sets no volumetric rule; we use divisor 4000 (1 m³ counted as 250 kg), a common road-freight ratio.',
      ru: 'Закон не задаёт объёмный вес; мы используем делитель 4000 (1 м³ = 250 кг), распространённый в автоперевозках.',
    },
    {
      topic: 'lost',
      en: 'Art. 34 returns the freight charge for lost cargo on top of its value, insured or not.',
      ru: 'Ст. 34 возвращает провозную плату за утраченный груз сверх его стоимости, со страховкой и без.',
    },
    {
      topic: 'claims',
      en: 'Our defaults: file within 12 months of shipping, answer within 30 days; check the contract of carriage.',
      ru: 'Наши правила: претензия в течение 12 месяцев с даты отправки, ответ в течение 30 дней; сверяйтесь с договором перевозки.',
    },
  ],
  weight: { divisor: 4000, roundingStepKg: '0.001', rounding: 'up' },
  late: { ratePerDay: '0.09', dayBasis: 'calendar', cap: { fractionOfDeliveryCost: '1' } },
  lost: {
    refundDeliveryCostWhenPaid: true,
    refundDeliveryCostWhenUninsured: true,
    uninsured: { basis: 'documented', limit: null },
  },
  damaged: { uninsured: { basis: 'documented', limit: null } },
  claims: {
    filingWindowMonths: 12,
    filingWindowFrom: 'shipped',
    answerWithinDays: 30,
    evidence: {
      late: ['receipt'],
      lost: ['receipt', 'proof_of_value'],
      damaged: ['photo', 'proof_of_value', 'correspondence'],
    },
  },
  // Acknowledge at once: within the hour of filing (the shop's own rule, not the carrier's).
  customerCare: { acknowledgeWithinMinutes: 60 },
  // No packaging extras are known for this carrier: none can be charged.
  packaging: [],
  shipments: { deliveryCostIncludes: 'tariff', rescheduleMovesDeadline: [] },
};
