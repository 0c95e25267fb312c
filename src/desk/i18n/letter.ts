/** Texts of the claim letter (pretenziya) to the carrier. */
import type { ClaimType } from '../../domain/claim';
import { listPolicies } from '../../domain/policies';
import type { Language } from './lang';

const en = {
  title: (waybill: string) => `Claim letter, waybill ${waybill}`,
  heading: 'Claim',
  toolbar: 'Letter',
  back: 'Back to the claim',
  otherLanguage: 'Русская версия',
  printHint: 'Use your browser’s Print command to print or save as PDF.',
  print: 'Print the letter',
  to: 'To',
  from: 'From',
  shop: (shopId: string) => `Shop “${shopId}”`,
  noProfile: 'The shop has not sent its details (PUT /v1/shop): the letter names it by its id.',
  taxIds: (inn: string, kpp: string | undefined, ogrn: string) =>
    `INN ${inn}${kpp ? `, KPP ${kpp}` : ''}, ${ogrn.length === 15 ? 'OGRNIP' : 'OGRN'} ${ogrn}`,
  contacts: (email: string, phone: string) => `E-mail: ${email}, phone: ${phone}`,
  claimsDesk: (email: string) => `Claims desk: ${email}`,
  date: 'Date',
  reference: 'Our reference',
  subject: (waybill: string) => `Claim for compensation, waybill ${waybill}`,
  opening: {
    late: (carrier: string, shipped: string) =>
      `Under the rules of ${carrier}, we claim compensation for the late delivery of the parcel shipped on ${shipped}.`,
    lost: (carrier: string, shipped: string) =>
      `Under the rules of ${carrier}, we claim compensation for the loss of the parcel shipped on ${shipped}.`,
    damaged: (carrier: string, shipped: string) =>
      `Under the rules of ${carrier}, we claim compensation for the damage to the parcel shipped on ${shipped}.`,
  } satisfies Record<ClaimType, (carrier: string, shipped: string) => string>,
  facts: 'Facts',
  customer: 'Customer',
  businessCustomer: (name: string) => `${name}, a business (B2B order)`,
  calculation: 'Calculation',
  demanded: 'Amount demanded',
  demand: (amount: string, due: string) =>
    `We demand payment of ${amount}. Please answer this claim by ${due}.`,
  enclosures: 'Enclosures',
  noEnclosures: 'None.',
  rules: 'Rules applied',
  signature: 'Signature of the shop’s representative',
};

export type LetterMessages = typeof en;

const ru: LetterMessages = {
  title: (waybill: string) => `Претензия, накладная ${waybill}`,
  heading: 'Претензия',
  toolbar: 'Письмо',
  back: 'Вернуться к претензии',
  otherLanguage: 'English version',
  printHint: 'Чтобы распечатать или сохранить в PDF, используйте команду «Печать» браузера.',
  print: 'Распечатать письмо',
  to: 'Кому',
  from: 'От кого',
  shop: (shopId: string) => `Магазин «${shopId}»`,
  noProfile:
    'Магазин не указал свои реквизиты (PUT /v1/shop): в письме он назван по идентификатору.',
  taxIds: (inn: string, kpp: string | undefined, ogrn: string) =>
    `ИНН ${inn}${kpp ? `, КПП ${kpp}` : ''}, ${ogrn.length === 15 ? 'ОГРНИП' : 'ОГРН'} ${ogrn}`,
  contacts: (email: string, phone: string) => `Эл. почта: ${email}, телефон: ${phone}`,
  claimsDesk: (email: string) => `Для претензий: ${email}`,
  date: 'Дата',
  reference: 'Наш номер',
  subject: (waybill: string) => `О выплате компенсации, накладная ${waybill}`,
  opening: {
    late: (carrier: string, shipped: string) =>
      `На основании правил перевозчика «${carrier}» требуем выплатить компенсацию за просрочку доставки отправления (дата отправки: ${shipped}).`,
    lost: (carrier: string, shipped: string) =>
      `На основании правил перевозчика «${carrier}» требуем выплатить компенсацию за утрату отправления (дата отправки: ${shipped}).`,
    damaged: (carrier: string, shipped: string) =>
      `На основании правил перевозчика «${carrier}» требуем выплатить компенсацию за повреждение отправления (дата отправки: ${shipped}).`,
  },
  facts: 'Обстоятельства',
  customer: 'Покупатель',
  businessCustomer: (name: string) => `${name}, юридическое лицо (заказ B2B)`,
  calculation: 'Расчёт',
  demanded: 'Сумма требования',
  demand: (amount: string, due: string) =>
    `Требуем выплатить ${amount}. Срок ответа на претензию: до ${due}`,
  enclosures: 'Приложения',
  noEnclosures: 'Нет.',
  rules: 'Применённые правила',
  signature: 'Подпись представителя магазина',
};

/** @example letterFor('ru').heading // 'Претензия' */
export const letterFor = (lang: Language): LetterMessages => (lang === 'ru' ? ru : en);

/**
 * Whom the letter is addressed to, and the rules it cites, in the letter's language: the
 * carrier's policy name and its source (the carrier's public page or the law). A carrier
 * without a policy is named by its id and cites nothing.
 * @example letterCarrier('ru', 'russian-post').name // 'Почта России (внутренние посылки)'
 */
export function letterCarrier(
  lang: Language,
  carrier: string,
): { name: string; source: string; email?: string } {
  const policy = listPolicies().find((p) => p.id === carrier);
  if (!policy) return { name: carrier, source: '' };
  const email = policy.claims.email ? { email: policy.claims.email } : {};
  return {
    ...(lang === 'ru' ? policy.ru : { name: policy.name, source: policy.source }),
    ...email,
  };
}
