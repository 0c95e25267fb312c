/**
 * Drafts of what a shop tells its customer about a claim, rendered from the
 * claim's facts in Russian and English. Each follows the order the guidance
 * on handling complaints gives: greeting, the problem, the apology, the
 * reason, what was done about it, the options, the amends, and a sign-off.
 * The carrier's compensation is the shop's business: a customer message never
 * quotes it.
 */
import type { Claim, ClaimType } from '../domain/claim';
import { formatDate } from '../desk/i18n/format';
import type { Language } from '../domain/explain';
import { carrierName } from '../domain/policies';

/** What a message is about, in the order a claim produces them. */
export const MESSAGE_KINDS = ['acknowledgement', 'delay_notice', 'decision', 'payment'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export interface CustomerMessage {
  /** Stable per claim and kind (`ack`, `decision`, `payment`): what `…/sent` names. */
  id: string;
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

type Parts = {
  greeting: string;
  problem: string;
  apology: string;
  reason: string;
  done: string;
  options: string;
  amends: string;
  closing: string;
};

const TEMPLATES = {
  en: {
    greeting: (name: string) => `Dear ${name},`,
    problem: {
      late: (w: string) => `your parcel (waybill ${w}) is arriving later than we promised.`,
      lost: (w: string) => `your parcel (waybill ${w}) has been lost in transit.`,
      damaged: (w: string) => `your parcel (waybill ${w}) arrived damaged.`,
    } satisfies Record<ClaimType, (waybill: string) => string>,
    apology: 'We are sorry: this is not the service you should have had from us.',
    reason: (carrier: string) =>
      `It happened while the parcel was with the delivery service, ${carrier}.`,
    ackDone: (id: string, carrier: string, due: string) =>
      `We have registered it as case ${id} and sent our claim to ${carrier}, which must answer by ${due}.`,
    ackOptions: 'We will write as soon as we have the answer; you need do nothing meanwhile.',
    amends:
      'If this has caused you trouble, reply to this message: we will find a way to make it right.',
    decided: {
      approved: (carrier: string) => `${carrier} has accepted our claim in full.`,
      partially_approved: (carrier: string) => `${carrier} has accepted our claim in part.`,
      rejected: (carrier: string, reason: string) =>
        `${carrier} has rejected our claim (${reason}); we are not leaving it there.`,
      needs_info: (carrier: string, reason: string) =>
        `${carrier} has asked for more documents (${reason}); we are sending them.`,
    },
    decidedOptions:
      'Whatever the carrier decides, your order is our responsibility: reply to tell us what would suit you best.',
    paid: (date: string) =>
      `The delivery service settled our claim on ${date}; the case is closed.`,
    paidOptions: 'If anything is still not right with your order, reply to this message.',
    closing: (shop: string) => `Kind regards,\n${shop}`,
    subject: {
      acknowledgement: (w: string) => `We are on it: your parcel ${w}`,
      decision: (w: string) => `News about your parcel ${w}`,
      payment: (w: string) => `Your parcel ${w}: case closed`,
    },
  },
  ru: {
    greeting: (name: string) => `Здравствуйте, ${name}!`,
    problem: {
      late: (w: string) =>
        `Ваша посылка (накладная ${w}) задерживается: она придёт позже обещанного.`,
      lost: (w: string) => `Ваша посылка (накладная ${w}) потерялась в пути.`,
      damaged: (w: string) => `Ваша посылка (накладная ${w}) пришла повреждённой.`,
    } satisfies Record<ClaimType, (waybill: string) => string>,
    apology: 'Приносим извинения: вы должны были получить от нас совсем другой сервис.',
    reason: (carrier: string) => `Это случилось, пока посылка была у службы доставки «${carrier}».`,
    ackDone: (id: string, carrier: string, due: string) =>
      `Мы зарегистрировали обращение под номером ${id} и направили претензию в «${carrier}»; ответ должен прийти до ${due}.`,
    ackOptions: 'Мы напишем, как только получим ответ; от вас ничего не требуется.',
    amends:
      'Если задержка доставила вам неудобства, ответьте на это письмо: мы найдём, как это исправить.',
    decided: {
      approved: (carrier: string) => `«${carrier}» полностью признала нашу претензию.`,
      partially_approved: (carrier: string) => `«${carrier}» признала нашу претензию частично.`,
      rejected: (carrier: string, reason: string) =>
        `«${carrier}» отклонила нашу претензию (${reason}); мы на этом не остановимся.`,
      needs_info: (carrier: string, reason: string) =>
        `«${carrier}» запросила дополнительные документы (${reason}); мы их направляем.`,
    },
    decidedOptions:
      'Каким бы ни было решение перевозчика, за ваш заказ отвечаем мы: ответьте, какой вариант вам удобнее.',
    paid: (date: string) =>
      `Служба доставки урегулировала нашу претензию ${date}; обращение закрыто.`,
    paidOptions: 'Если с заказом что-то всё ещё не так, ответьте на это письмо.',
    closing: (shop: string) => `С уважением,\n${shop}`,
    subject: {
      acknowledgement: (w: string) => `Мы уже занимаемся: ваша посылка ${w}`,
      decision: (w: string) => `Новости о вашей посылке ${w}`,
      payment: (w: string) => `Посылка ${w}: обращение закрыто`,
    },
  },
};

const textOf = (p: Parts) =>
  [`${p.greeting}`, `${p.problem} ${p.apology}`, p.reason, p.done, p.options, p.amends, p.closing]
    .filter(Boolean)
    .join('\n\n');

/**
 * The drafts a claim has so far: the acknowledgement from filing on, the
 * decision once decided, the payment once paid.
 *
 * @example claimMessages(claim, { lang: 'ru', shopName: 'ООО «Ромашка»' })[0].kind // 'acknowledgement'
 */
export function claimMessages(claim: Claim, ctx: MessageContext): CustomerMessage[] {
  const t = TEMPLATES[ctx.lang];
  const { lang } = ctx;
  const carrier = carrierName(claim.carrier, lang);
  const common = {
    greeting: t.greeting(claim.claimant.name),
    problem: t.problem[claim.type](claim.waybill),
    apology: t.apology,
    reason: t.reason(carrier),
    amends: t.amends,
    closing: t.closing(ctx.shopName),
  };
  const messages: CustomerMessage[] = [
    {
      id: 'ack',
      kind: 'acknowledgement',
      subject: t.subject.acknowledgement(claim.waybill),
      text: textOf({
        ...common,
        done: t.ackDone(claim.id, carrier, formatDate(lang, claim.answerDueBy)),
        options: t.ackOptions,
      }),
    },
  ];
  const decision = claim.decision;
  if (decision) {
    const said = t.decided[decision.decision];
    messages.push({
      id: 'decision',
      kind: 'decision',
      subject: t.subject.decision(claim.waybill),
      text: textOf({ ...common, done: said(carrier, decision.reason), options: t.decidedOptions }),
    });
  }
  if (claim.payment) {
    messages.push({
      id: 'payment',
      kind: 'payment',
      subject: t.subject.payment(claim.waybill),
      text: textOf({
        ...common,
        done: t.paid(formatDate(lang, claim.payment.paidOn)),
        options: t.paidOptions,
      }),
    });
  }
  return messages;
}
