/** Texts of the claim page's "Customer remedies" section, both languages. */
import type { RemedyKind, RemedyStatus } from '../../domain/remedy';
import type { Language } from './lang';
import { commonFor } from './common';

const en = {
  title: 'Customer remedies',
  intro:
    'What the shop offered its customer to make amends, beside what the carrier owes the shop. Record the customer’s answer once it comes.',
  none: 'Nothing offered yet.',
  given: 'Given to the customer (accepted)',
  kind: 'Remedy',
  worth: 'Value',
  state: 'Status',
  offered: 'Offered',
  answer: 'Customer’s answer',
  accept: 'Accepted',
  decline: 'Declined',
  acceptLabel: (what: string) => `The customer accepted: ${what}`,
  declineLabel: (what: string) => `The customer declined: ${what}`,
  offerTitle: 'Offer a remedy',
  kindLabel: 'Kind',
  amount: 'Value (amount)',
  amountHint: (currency: string) =>
    `In ${currency}. ${commonFor('en').amountRule} Required for a refund, a voucher and a gift; what it cost for free delivery, a replacement or a repair; leave empty for a discount.`,
  percent: 'Discount, percent',
  percentHint: 'Only for a discount on the next order: a whole number, 1–100.',
  limits: (discount: string, gift: string) =>
    `The shop’s limits: a discount up to ${discount}, a gift or voucher up to ${gift}.`,
  noLimits:
    'The shop has not set its limits yet: a discount, a gift or a voucher cannot be offered until it does.',
  note: 'Note (optional)',
  submit: 'Offer',
  cancelled: 'The claim was withdrawn: it takes no remedies.',
  done: {
    offered: 'The remedy is offered.',
    accepted: 'The customer’s acceptance is recorded.',
    declined: 'The customer’s refusal is recorded.',
  },
  settled: 'That remedy was already answered; the list shows how.',
  kinds: {
    refund: 'Refund',
    voucher: 'Voucher',
    discount_next_order: 'Discount on the next order',
    free_delivery: 'Free delivery',
    gift: 'Gift',
    replacement: 'Replacement',
    repair: 'Repair',
  } satisfies Record<RemedyKind, string>,
  statuses: {
    offered: 'offered, awaiting the answer',
    accepted: 'accepted',
    declined: 'declined',
  } satisfies Record<RemedyStatus, string>,
};

export type RemedyMessages = typeof en;

const ru: RemedyMessages = {
  title: 'Что предложено покупателю',
  intro:
    'Чем магазин загладил вину перед покупателем — рядом с тем, что перевозчик должен магазину. Ответ покупателя отметьте, когда он придёт.',
  none: 'Пока ничего не предложено.',
  given: 'Дано покупателю (принято)',
  kind: 'Что',
  worth: 'Сколько',
  state: 'Статус',
  offered: 'Предложено',
  answer: 'Ответ покупателя',
  accept: 'Принял',
  decline: 'Отказался',
  acceptLabel: (what: string) => `Покупатель принял: ${what}`,
  declineLabel: (what: string) => `Покупатель отказался: ${what}`,
  offerTitle: 'Предложить',
  kindLabel: 'Что предложить',
  amount: 'Сумма',
  amountHint: (currency: string) =>
    `В ${currency}. ${commonFor('ru').amountRule} Обязательна для возврата денег, сертификата и подарка; для бесплатной доставки, замены или ремонта — во что это обошлось; для скидки оставьте пустой.`,
  percent: 'Скидка, процентов',
  percentHint: 'Только для скидки на следующий заказ: целое число от 1 до 100.',
  limits: (discount: string, gift: string) =>
    `Пределы магазина: скидка до ${discount}, подарок или сертификат до ${gift}.`,
  noLimits:
    'Магазин ещё не указал свои пределы: скидку, подарок или сертификат пока предложить нельзя.',
  note: 'Примечание (необязательно)',
  submit: 'Предложить',
  cancelled: 'Претензия отозвана: предложения к ней не добавляются.',
  done: {
    offered: 'Предложение записано.',
    accepted: 'Согласие покупателя записано.',
    declined: 'Отказ покупателя записан.',
  },
  settled: 'На это предложение ответ уже записан; он виден в списке.',
  kinds: {
    refund: 'Возврат денег',
    voucher: 'Подарочный сертификат',
    discount_next_order: 'Скидка на следующий заказ',
    free_delivery: 'Бесплатная доставка',
    gift: 'Подарок',
    replacement: 'Замена товара',
    repair: 'Ремонт',
  },
  statuses: {
    offered: 'предложено, ждём ответа',
    accepted: 'принято',
    declined: 'отклонено',
  },
};

/** @example remediesFor('ru').title // 'Что предложено покупателю' */
export const remediesFor = (lang: Language): RemedyMessages => (lang === 'ru' ? ru : en);
