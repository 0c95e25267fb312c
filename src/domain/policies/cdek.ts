/**
 * CDEK, from its public customer FAQ (https://www.cdek.ru/ru/faq/). Where the FAQ is silent we chose a default and
 * wrote it into `notes`, so every result that relies on it says so.
 */
import type { CarrierPolicy, PackagingItem } from './types';

/** An inner polystyrene crate for a fragile parcel, by the box size it fits. */
const crate = (box: 'S' | 'M' | 'L', rub: string): PackagingItem => ({
  id: `crate_${box.toLowerCase()}`,
  kind: 'crate',
  name: `Inner polystyrene crate for box ${box}`,
  ru: `Внутренний пенопластовый ящик для коробки ${box}`,
  price: { amount: rub, currency: 'RUB' },
});

/** An envelope of a paper size: width × height plus a 50 mm flap. */
const envelope = (size: string, width: number, height: number, rub: string): PackagingItem => ({
  id: `envelope_${size.toLowerCase()}`,
  kind: 'envelope',
  name: `Envelope ${size}, ${width}×${height}+50 mm`,
  ru: `Конверт ${size}, ${width}×${height}+50 мм`,
  sizeMm: { width, height, flap: 50 },
  price: { amount: rub, currency: 'RUB' },
});

/** @example CDEK_POLICY.weight.divisor // 5000 */
export const CDEK_POLICY: CarrierPolicy = {
  id: 'cdek',
  version: '2025-01',
  name: 'CDEK parcels',
  source:
    'CDEK customer FAQ, https://www.cdek.ru/ru/faq/ (late: 3 % of the delivery cost per business day; lost: delivery cost + insured sum, uninsured 3000 RUB; volumetric weight = L × W × H / 5000)',
  ru: {
    name: 'Посылки СДЭК',
    source:
      'FAQ СДЭК для клиентов, https://www.cdek.ru/ru/faq/ (просрочка: 3 % стоимости доставки за рабочий день; утрата: стоимость доставки + страховая сумма, без страховки 3000 руб.; объёмный вес = Д × Ш × В / 5000)',
  },
  currency: 'RUB',
  notes: [
    {
      topic: 'late',
      en: 'The FAQ gives no cap; we cap the penalty at 100 % of the delivery cost, as postal law does (176-FZ art. 34).',
      ru: 'В FAQ предел не указан; неустойка ограничена 100 % стоимости доставки, как в законе о почтовой связи (176-ФЗ, ст. 34).',
    },
    {
      topic: 'lost',
      when: 'uninsured',
      en: 'Uninsured loss: the flat 3000 RUB is the whole compensation; the delivery cost is not refunded on top.',
      ru: 'Утрата без страховки: фиксированные 3000 руб. составляют всю компенсацию; стоимость доставки сверх них не возвращается.',
    },
    {
      topic: 'damaged',
      when: 'uninsured',
      en: 'The FAQ is silent on uninsured damage; our documented default, by analogy with uninsured loss: the documented damage, up to 3000 RUB.',
      ru: 'FAQ не говорит о повреждении без страховки; наше правило по аналогии с утратой: подтверждённый ущерб, но не более 3000 руб.',
    },
    {
      topic: 'claims',
      en: 'The FAQ names no deadlines; our defaults: file within 6 months of shipping, answer within 30 days.',
      ru: 'FAQ не называет сроков; наши правила: претензия в течение 6 месяцев с даты отправки, ответ в течение 30 дней.',
    },
  ],
  weight: { divisor: 5000, roundingStepKg: '0.001', rounding: 'up' },
  late: { ratePerDay: '0.03', dayBasis: 'business', cap: { fractionOfDeliveryCost: '1' } },
  lost: {
    refundDeliveryCostWhenPaid: true,
    refundDeliveryCostWhenUninsured: false,
    uninsured: { basis: 'flat', amount: { amount: '3000.00', currency: 'RUB' } },
  },
  damaged: {
    uninsured: { basis: 'documented', limit: { flat: { amount: '3000.00', currency: 'RUB' } } },
  },
  claims: {
    filingWindowMonths: 6,
    filingWindowFrom: 'shipped',
    answerWithinDays: 30,
    // The carrier FAQ's address for claims (претензии).
    email: 'pretenzia@cdek.ru',
    evidence: {
      late: ['receipt'],
      lost: ['receipt', 'proof_of_value'],
      damaged: ['photo', 'proof_of_value'],
    },
  },
  // Acknowledge at once: within the hour of filing (the shop's own rule, not the carrier's).
  customerCare: { acknowledgeWithinMinutes: 60 },
  // The FAQ's packaging extras: inner crates for fragile parcels, and envelopes.
  packaging: [
    crate('S', '60.00'),
    crate('M', '130.00'),
    crate('L', '250.00'),
    envelope('A2', 495, 590, '30.00'),
    envelope('A3', 335, 460, '20.00'),
    envelope('A4', 245, 350, '15.00'),
    envelope('A5', 148, 210, '15.00'),
  ],
  shipments: { deliveryCostIncludes: 'tariff', rescheduleMovesDeadline: [] },
};
