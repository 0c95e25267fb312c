/**
 * The delay notice: what a shop tells its customer when a shipment is late, before
 * anyone files a claim. The real reason (the latest reschedule's, if the carrier gave
 * one), the real new date if known, and the options: pick the parcel up in person, meet
 * the courier, or buy elsewhere. Same parts and tones as the claim drafts
 * (`./parts.ts`): a B2B order gets the formal tone and the contractual per-day penalty.
 */
import { formatDate } from '../format';
import type { MoneyJson } from '../domain/money';
import { carrierName, resolvePolicy, type RescheduleReason } from '../domain/policies';
import type { CustomerMessage, MessageContext } from './claim-messages';
import { dailyPenalty, textOf, toneParts, type Tone } from './parts';

/** The facts of a late shipment a notice is written from. */
export interface LateShipmentFacts {
  shipmentId: string;
  orderId: string;
  carrier: string;
  waybill?: string | undefined;
  customerName: string;
  b2b: boolean;
  /** The date first promised (YYYY-MM-DD). */
  promisedDate: string;
  /** The latest reschedule: why, and the new date. */
  rescheduled?: { reason: RescheduleReason; promisedDate: string } | undefined;
  /** What the penalty is computed from (the policy's delivery cost). */
  deliveryCost: MoneyJson;
}

const TEMPLATES = {
  en: {
    parcel: (s: LateShipmentFacts) =>
      s.waybill === undefined ? `order ${s.orderId}` : `order ${s.orderId} (waybill ${s.waybill})`,
    problem: {
      everyday: (what: string, date: string) =>
        `your ${what} is late: we promised it by ${date}, and it has not reached you.`,
      formal: (what: string, date: string) =>
        `We regret to inform you that delivery of ${what} is delayed beyond the agreed date of ${date}.`,
    } satisfies Record<Tone, (what: string, date: string) => string>,
    reason: {
      courier_late: (carrier: string) =>
        `The reason: the courier of the delivery service, ${carrier}, fell behind schedule.`,
      supplier_late: () => 'The reason: our supplier delivered the goods to us late.',
      other: (carrier: string) => `The reason: ${carrier} rescheduled the delivery.`,
      none: (carrier: string) =>
        `The parcel is held up with the delivery service, ${carrier}; we have asked it why.`,
    } satisfies Record<RescheduleReason | 'none', (carrier: string) => string>,
    newDate: (date: string) =>
      `The new delivery date is ${date}; we are following the parcel until it reaches you.`,
    noDate: (carrier: string) =>
      `We have asked ${carrier} for the new date and will tell you as soon as we have it.`,
    options: {
      everyday:
        'What suits you best: pick the parcel up in person at the pickup point, meet the courier at a time and place that suit you, or, if you cannot wait, buy the goods elsewhere and we will refund the order.',
      formal:
        'You may collect the consignment in person at the pickup point, arrange a time and place to meet the courier, or, should you be unable to wait, procure the goods elsewhere, in which case we will refund the order.',
    },
    subject: {
      everyday: (what: string) => `Your ${what} is late`,
      formal: (what: string) => `Notice of delay: ${what}`,
    },
  },
  ru: {
    parcel: (s: LateShipmentFacts) =>
      s.waybill === undefined
        ? `заказ № ${s.orderId}`
        : `заказ № ${s.orderId} по накладной ${s.waybill}`,
    problem: {
      everyday: (what: string, date: string) =>
        `Ваш ${what} задерживается: мы обещали доставить его до ${date}, но он ещё не у вас.`,
      formal: (what: string, date: string) =>
        `Сообщаем, что доставка по договору (${what}) задерживается: согласованный срок, ${date}, истёк.`,
    } satisfies Record<Tone, (what: string, date: string) => string>,
    reason: {
      courier_late: (carrier: string) =>
        `Причина: курьер службы доставки «${carrier}» не успел по графику.`,
      supplier_late: () => 'Причина: поставщик передал нам товар с опозданием.',
      other: (carrier: string) => `Причина: «${carrier}» перенесла доставку.`,
      none: (carrier: string) =>
        `Посылка задерживается в службе доставки «${carrier}»; мы запросили причину.`,
    } satisfies Record<RescheduleReason | 'none', (carrier: string) => string>,
    newDate: (date: string) =>
      `Новая дата доставки — ${date}; мы следим за посылкой, пока она не будет у вас.`,
    noDate: (carrier: string) =>
      `Мы запросили у «${carrier}» новую дату и сообщим её, как только получим.`,
    options: {
      everyday:
        'Как вам удобнее: забрать посылку самостоятельно в пункте выдачи, встретить курьера в удобное время и месте или, если ждать нельзя, купить товар в другом месте — тогда мы вернём деньги за заказ.',
      formal:
        'Вы можете получить отправление самостоятельно в пункте выдачи, согласовать время и место встречи с курьером либо, если ожидание невозможно, приобрести товар у другого поставщика; в этом случае мы возвратим стоимость заказа.',
    },
    subject: {
      everyday: (what: string) => `Ваш ${what} задерживается`,
      formal: (what: string) => `Уведомление о задержке поставки: ${what}`,
    },
  },
};

/**
 * The delay notice of a late shipment, id `delay`.
 *
 * @example delayNotice(facts, { lang: 'en', shopName: 'Romashka LLC' }).subject // 'Your order O-1 (waybill 1234567890) is late'
 */
export function delayNotice(s: LateShipmentFacts, ctx: MessageContext): CustomerMessage {
  const { lang } = ctx;
  const t = TEMPLATES[lang];
  const tone: Tone = s.b2b ? 'formal' : 'everyday';
  const carrier = carrierName(s.carrier, lang);
  const what = t.parcel(s);
  const penalty = s.b2b ? dailyPenalty(resolvePolicy(s.carrier), s.deliveryCost) : undefined;
  const reason = s.rescheduled?.reason ?? 'none';
  const text = textOf({
    ...toneParts(lang, tone, { name: s.customerName, shop: ctx.shopName, penalty }),
    problem: t.problem[tone](what, formatDate(lang, s.promisedDate)),
    reason: t.reason[reason](carrier),
    done: s.rescheduled
      ? t.newDate(formatDate(lang, s.rescheduled.promisedDate))
      : t.noDate(carrier),
    options: t.options[tone],
  });
  return { id: 'delay', kind: 'delay_notice', subject: t.subject[tone](what), text };
}
