/**
 * What every customer message shares: the parts in the order the guidance on handling
 * complaints gives them (greeting, the problem, the apology, the reason, what was done, the
 * options, the amends, the sign-off), and the two tones a shop writes in: the everyday one
 * for a consumer, the formal one for a business customer (B2B), whose contract fixes a
 * per-day penalty for a late delivery, which the formal amends state.
 */
import Big from 'big.js';
import { formatMoney } from '../format';
import type { Language } from '../domain/explain';
import { moneyFromJson, toMoneyJson, type MoneyJson } from '../domain/money';
import type { CarrierPolicy } from '../domain/policies';

/** The paragraphs of a message, in order (an empty part is left out). */
export interface Parts {
  greeting: string;
  problem: string;
  apology: string;
  reason: string;
  done: string;
  options: string;
  amends: string;
  closing: string;
}

/**
 * The plain text: the greeting, the problem with its apology, then one paragraph per part.
 *
 * @example textOf(parts).split('\n\n')[0] // 'Dear Anna,'
 */
export const textOf = (p: Parts): string =>
  [p.greeting, `${p.problem} ${p.apology}`, p.reason, p.done, p.options, p.amends, p.closing]
    .filter(Boolean)
    .join('\n\n');

/**
 * A sentence ended once: a Russian date (`1 января 2027 г.`) already ends with a point.
 *
 * @example endSentence('до 1 января 2027 г.') // 'до 1 января 2027 г.'
 */
export const endSentence = (text: string): string => (text.endsWith('.') ? text : `${text}.`);

/** The everyday tone (a consumer) or the formal one (a B2B order). */
export type Tone = 'everyday' | 'formal';

/** The late policy's penalty as a contract states it: a rate, and what it comes to per day. */
export interface DailyPenalty {
  /** '3' for 3 %. */
  percent: string;
  perDay: MoneyJson;
  dayBasis: CarrierPolicy['late']['dayBasis'];
}

/**
 * The per-day penalty for a late delivery: the late policy's rate of the delivery cost,
 * rounded once, half-up, to the currency's minor unit.
 *
 * @example dailyPenalty(cdek, { amount: '500.00', currency: 'RUB' }) // { percent: '3', perDay: { amount: '15.00', currency: 'RUB' }, dayBasis: 'business' }
 */
export function dailyPenalty(policy: CarrierPolicy, deliveryCost: MoneyJson): DailyPenalty {
  const cost = moneyFromJson(deliveryCost, '/deliveryCost');
  const rate = new Big(policy.late.ratePerDay);
  return {
    percent: rate.times(100).toString(),
    perDay: toMoneyJson({ amount: cost.amount.times(rate), currency: cost.currency }),
    dayBasis: policy.late.dayBasis,
  };
}

const percentOf = (lang: Language, p: DailyPenalty) =>
  `${lang === 'ru' ? p.percent.replace('.', ',') : p.percent}\u00a0%`;

/** The parts that differ by tone, per language. */
export const TONE = {
  en: {
    everyday: {
      greeting: (name: string) => `Dear ${name},`,
      apology: 'We are sorry: this is not the service you should have had from us.',
      amends:
        'If this has caused you trouble, reply to this message: we will find a way to make it right.',
      closing: (shop: string) => `Kind regards,\n${shop}`,
    },
    formal: {
      greeting: () => 'Dear Sirs or Madams,',
      apology: 'Please accept our apologies for this breach of the agreed terms of delivery.',
      amends: 'We are prepared to agree with you on how the loss is to be made good.',
      closing: (shop: string) => `Yours faithfully,\n${shop}`,
    },
    penalty: (p: DailyPenalty) =>
      `Under our contract, a penalty of ${percentOf('en', p)} of the delivery cost accrues for each ${p.dayBasis === 'business' ? 'business day' : 'day'} of delay: ${formatMoney('en', p.perDay)} per day. It will be settled in our accounts with you.`,
  },
  ru: {
    everyday: {
      greeting: (name: string) => `Здравствуйте, ${name}!`,
      apology: 'Приносим извинения: вы должны были получить от нас совсем другой сервис.',
      amends:
        'Если задержка доставила вам неудобства, ответьте на это письмо: мы найдём, как это исправить.',
      closing: (shop: string) => `С уважением,\n${shop}`,
    },
    formal: {
      greeting: () => 'Уважаемые господа!',
      apology: 'Приносим извинения за нарушение согласованных условий доставки.',
      amends: 'Мы готовы согласовать с вами порядок возмещения причинённых убытков.',
      closing: (shop: string) => `С уважением,\n${shop}`,
    },
    penalty: (p: DailyPenalty) =>
      `В соответствии с договором за каждый ${p.dayBasis === 'business' ? 'рабочий день' : 'день'} просрочки начисляется неустойка в размере ${percentOf('ru', p)} стоимости доставки, что составляет ${formatMoney('ru', p.perDay)} в день; она будет учтена во взаиморасчётах с вами.`,
  },
} satisfies Record<Language, unknown>;

/**
 * The parts every message of a customer shares, in its tone: with a penalty (a B2B
 * delay), the amends state it.
 *
 * @example toneParts('en', 'formal', { name: 'Anna', shop: 'Romashka LLC' }).greeting // 'Dear Sirs or Madams,'
 */
export function toneParts(
  lang: Language,
  tone: Tone,
  who: { name: string; shop: string; penalty?: DailyPenalty | undefined },
): Pick<Parts, 'greeting' | 'apology' | 'amends' | 'closing'> {
  const t = TONE[lang];
  const parts = t[tone];
  const amends = who.penalty ? `${t.penalty(who.penalty)} ${parts.amends}` : parts.amends;
  return {
    greeting: parts.greeting(who.name),
    apology: parts.apology,
    amends,
    closing: parts.closing(who.shop),
  };
}
