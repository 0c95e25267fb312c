/**
 * Drafts of what a shop tells its customer about a claim, rendered from the
 * claim's facts in Russian and English, in the parts `./parts.ts` orders. A claim
 * filed for a B2B order is written in the formal tone, and a late one states the
 * contractual per-day penalty. The carrier's compensation is the shop's business: a
 * customer message never quotes it.
 */
import type { Claim, ClaimType } from '../domain/claim';
import { formatDate } from '../format';
import type { Language } from '../domain/explain';
import { carrierName, resolvePolicy } from '../domain/policies';
import { dailyPenalty, endSentence, textOf, toneParts, type Tone } from './parts';

/** What a message is about, in the order a claim produces them. */
export const MESSAGE_KINDS = ['acknowledgement', 'delay_notice', 'decision', 'payment'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * A message's id: stable per claim (`ack`, `decision`, `payment`) or shipment (`delay`), and
 * what `…/messages/{messageId}/sent` names. One list for both, so a listed id is a valid one.
 */
export const MESSAGE_IDS = ['ack', 'decision', 'payment', 'delay'] as const;
export type MessageId = (typeof MESSAGE_IDS)[number];

export interface CustomerMessage {
  /** Stable per claim and kind (`ack`, `decision`, `payment`; a shipment's `delay`): what `…/sent` names. */
  id: MessageId;
  kind: MessageKind;
  subject: string;
  text: string;
  /** When the shop recorded that it went out. */
  sentAt?: string;
}

export interface MessageContext {
  lang: Language;
  /** Who signs: the shop's legal name, or its id until it has a profile. */
  shopName: string;
}

type Subjects = Record<'acknowledgement' | 'decision' | 'payment', (waybill: string) => string>;
type Tones<T> = Record<Tone, T>;

const TEMPLATES = {
  en: {
    problem: {
      everyday: {
        late: (w: string) => `your parcel (waybill ${w}) is arriving later than we promised.`,
        lost: (w: string) => `your parcel (waybill ${w}) has been lost in transit.`,
        damaged: (w: string) => `your parcel (waybill ${w}) arrived damaged.`,
      },
      formal: {
        late: (w: string) =>
          `We regret to inform you that delivery of consignment ${w} is delayed beyond the agreed date.`,
        lost: (w: string) =>
          `We regret to inform you that consignment ${w} has been lost in transit.`,
        damaged: (w: string) => `We regret to inform you that consignment ${w} arrived damaged.`,
      },
    } satisfies Tones<Record<ClaimType, (waybill: string) => string>>,
    reason: (carrier: string) =>
      `It happened while the parcel was with the delivery service, ${carrier}.`,
    ackDone: (id: string, carrier: string, due: string) =>
      `We have registered it as case ${id} and sent our claim to ${carrier}, which must answer by ${due}.`,
    ackOptions: {
      everyday: 'We will write as soon as we have the answer; you need do nothing meanwhile.',
      formal: 'We will inform you of the answer without delay; no action is required on your part.',
    },
    decided: {
      approved: (carrier: string) => `${carrier} has accepted our claim in full.`,
      partially_approved: (carrier: string) => `${carrier} has accepted our claim in part.`,
      rejected: (carrier: string, reason: string) =>
        `${carrier} has rejected our claim (${reason}); we are contesting the decision.`,
      needs_info: (carrier: string, reason: string) =>
        `${carrier} has asked for more documents (${reason}); we are sending them.`,
    },
    decidedOptions: {
      everyday:
        'Whatever the carrier decides, your order is our responsibility: reply to tell us what would suit you best.',
      formal:
        'Whatever the carrier decides, we remain responsible to you under our contract; please let us know which settlement you prefer.',
    },
    paid: (date: string) =>
      `The delivery service settled our claim on ${date}; the case is closed.`,
    paidOptions: {
      everyday: 'If anything is still not right with your order, reply to this message.',
      formal: 'Should any question about the order remain, please reply to this letter.',
    },
    subject: {
      everyday: {
        acknowledgement: (w) => `We are on it: your parcel ${w}`,
        decision: (w) => `News about your parcel ${w}`,
        payment: (w) => `Your parcel ${w}: case closed`,
      },
      formal: {
        acknowledgement: (w) => `Claim registered: consignment ${w}`,
        decision: (w) => `Decision on the claim: consignment ${w}`,
        payment: (w) => `Claim settled: consignment ${w}`,
      },
    } satisfies Tones<Subjects>,
  },
  ru: {
    problem: {
      everyday: {
        late: (w: string) =>
          `Ваша посылка (накладная ${w}) задерживается: она придёт позже обещанного.`,
        lost: (w: string) => `Ваша посылка (накладная ${w}) потерялась в пути.`,
        damaged: (w: string) => `Ваша посылка (накладная ${w}) пришла повреждённой.`,
      },
      formal: {
        late: (w: string) =>
          `Сообщаем, что доставка отправления по накладной ${w} задерживается сверх согласованного срока.`,
        lost: (w: string) => `Сообщаем, что отправление по накладной ${w} утрачено при перевозке.`,
        damaged: (w: string) =>
          `Сообщаем, что отправление по накладной ${w} доставлено с повреждениями.`,
      },
    } satisfies Tones<Record<ClaimType, (waybill: string) => string>>,
    reason: (carrier: string) => `Это случилось, пока посылка была у службы доставки «${carrier}».`,
    ackDone: (id: string, carrier: string, due: string) =>
      endSentence(
        `Мы зарегистрировали обращение под номером ${id} и направили претензию в «${carrier}»; ответ должен прийти до ${due}`,
      ),
    ackOptions: {
      everyday: 'Мы напишем, как только получим ответ; от вас ничего не требуется.',
      formal:
        'О полученном ответе мы сообщим незамедлительно; действий с вашей стороны не требуется.',
    },
    decided: {
      approved: (carrier: string) => `«${carrier}» полностью признала нашу претензию.`,
      partially_approved: (carrier: string) => `«${carrier}» признала нашу претензию частично.`,
      rejected: (carrier: string, reason: string) =>
        `«${carrier}» отклонила нашу претензию (${reason}); мы оспариваем это решение.`,
      needs_info: (carrier: string, reason: string) =>
        `«${carrier}» запросила дополнительные документы (${reason}); мы их направляем.`,
    },
    decidedOptions: {
      everyday:
        'Каким бы ни было решение перевозчика, за ваш заказ отвечаем мы: ответьте, какой вариант вам удобнее.',
      formal:
        'Независимо от решения перевозчика мы несём перед вами ответственность по договору; просим сообщить, какой порядок урегулирования для вас предпочтителен.',
    },
    paid: (date: string) =>
      `Служба доставки урегулировала нашу претензию ${date}; обращение закрыто.`,
    paidOptions: {
      everyday: 'Если с заказом что-то всё ещё не так, ответьте на это письмо.',
      formal: 'Если по заказу остались вопросы, просим направить их в ответ на это письмо.',
    },
    subject: {
      everyday: {
        acknowledgement: (w) => `Мы уже занимаемся: ваша посылка ${w}`,
        decision: (w) => `Новости о вашей посылке ${w}`,
        payment: (w) => `Посылка ${w}: обращение закрыто`,
      },
      formal: {
        acknowledgement: (w) => `Претензия зарегистрирована: отправление ${w}`,
        decision: (w) => `Решение по претензии: отправление ${w}`,
        payment: (w) => `Претензия урегулирована: отправление ${w}`,
      },
    } satisfies Tones<Subjects>,
  },
};

/** A late claim's penalty per day, from the claim's delivery cost (B2B only). */
function penaltyOf(claim: Claim) {
  if (claim.b2b !== true || claim.type !== 'late') return undefined;
  return dailyPenalty(resolvePolicy(claim.carrier), claim.shipment.deliveryCost);
}

/**
 * The drafts a claim has so far: the acknowledgement from filing on, the
 * decision once decided, the payment once paid.
 *
 * @example claimMessages(claim, { lang: 'ru', shopName: 'ООО «Ромашка»' })[0].kind // 'acknowledgement'
 */
export function claimMessages(claim: Claim, ctx: MessageContext): CustomerMessage[] {
  const t = TEMPLATES[ctx.lang];
  const { lang } = ctx;
  const tone: Tone = claim.b2b === true ? 'formal' : 'everyday';
  const carrier = carrierName(claim.carrier, lang);
  const subject = t.subject[tone];
  const common = {
    ...toneParts(lang, tone, {
      name: claim.claimant.name,
      shop: ctx.shopName,
      penalty: penaltyOf(claim),
    }),
    problem: t.problem[tone][claim.type](claim.waybill),
    reason: t.reason(carrier),
  };
  const messages: CustomerMessage[] = [
    {
      id: 'ack',
      kind: 'acknowledgement',
      subject: subject.acknowledgement(claim.waybill),
      text: textOf({
        ...common,
        done: t.ackDone(claim.id, carrier, formatDate(lang, claim.answerDueBy)),
        options: t.ackOptions[tone],
      }),
    },
  ];
  const decision = claim.decision;
  if (decision) {
    const said = t.decided[decision.decision];
    messages.push({
      id: 'decision',
      kind: 'decision',
      subject: subject.decision(claim.waybill),
      text: textOf({
        ...common,
        done: said(carrier, decision.reason),
        options: t.decidedOptions[tone],
      }),
    });
  }
  if (claim.payment) {
    messages.push({
      id: 'payment',
      kind: 'payment',
      subject: subject.payment(claim.waybill),
      text: textOf({
        ...common,
        done: t.paid(formatDate(lang, claim.payment.paidOn)),
        options: t.paidOptions[tone],
      }),
    });
  }
  return messages;
}
