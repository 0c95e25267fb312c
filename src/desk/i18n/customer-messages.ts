/**
 * Texts of the customer's messages on the desk: the queue of customers not yet acknowledged,
 * and a claim's messages.
 */
import type { Language } from './lang';

/** Minutes as days, hours and minutes in the language's units, e.g. `1 d 2 h 5 min`. */
const duration =
  (d: string, h: string, min: string) =>
  (minutes: number): string => {
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const parts = [
      days ? `${days} ${d}` : '',
      hours ? `${hours} ${h}` : '',
      `${minutes % 60} ${min}`,
    ];
    return parts.filter(Boolean).join(' ');
  };

const en = {
  queueTitle: 'Customers not yet acknowledged',
  queueIntro:
    'Claims whose customer has not been told “we have your claim” (the acknowledgement is not marked as sent) although it was due, the longest overdue first. Mark it as sent on the claim page and the claim leaves this list.',
  queueCaption: (count: number) => `Unacknowledged claims on this page: ${count}`,
  queueEmpty: 'Every customer whose acknowledgement is due has been told.',
  claim: 'Claim',
  shop: 'Shop',
  customer: 'Customer',
  phone: 'Phone',
  email: 'E-mail',
  waitingInAll: (claims: string) =>
    `Waiting for the customer’s acknowledgement in all, due or not yet: ${claims} (the number beside “Not yet acknowledged”). A claim is listed here once its acknowledgement is due.`,
  due: 'Acknowledgement due',
  overdueBy: 'Overdue by',
  next: 'Next page',
  pages: 'Pages',
  duration: duration('d', 'h', 'min'),
  messagesTitle: 'Messages to the customer',
  messagesIntro:
    'Drafts to send the customer, written from the claim’s facts. Copy the subject and the text into your e-mail, send it, then mark it as sent.',
  acknowledgeBy: (when: string) => `The acknowledgement is due by ${when}.`,
  subject: 'Subject',
  text: 'Text',
  markSent: 'Mark as sent',
  sentAt: (when: string) => `Sent ${when}.`,
  justSent: 'Marked as sent.',
  noMessages: 'No message yet.',
  kinds: {
    acknowledgement: 'Acknowledgement',
    delay_notice: 'Delay notice',
    decision: 'Decision',
    payment: 'Payment',
  },
};

export type CustomerMessageTexts = typeof en;

const ru: CustomerMessageTexts = {
  queueTitle: 'Клиенты без подтверждения',
  queueIntro:
    'Претензии, клиенту которых ещё не сообщили «мы получили вашу претензию» (подтверждение не отмечено как отправленное), хотя срок прошёл; сначала самые просроченные. Отметьте отправку на странице претензии — и претензия уйдёт из этого списка.',
  queueCaption: (count: number) => `Претензий без подтверждения на странице: ${count}`,
  queueEmpty: 'Всем клиентам, кому подтверждение уже положено, оно отправлено.',
  claim: 'Претензия',
  shop: 'Магазин',
  customer: 'Клиент',
  phone: 'Телефон',
  email: 'Эл. почта',
  waitingInAll: (claims: string) =>
    `Всего ждут подтверждения клиенту (срок наступил или ещё нет): ${claims} — это число рядом с «Без подтверждения». В списке претензия появляется, когда срок подтверждения наступил.`,
  due: 'Подтвердить до',
  overdueBy: 'Просрочено на',
  next: 'Следующая страница',
  pages: 'Страницы',
  duration: duration('д', 'ч', 'мин'),
  messagesTitle: 'Сообщения клиенту',
  messagesIntro:
    'Черновики писем клиенту, составленные по данным претензии. Скопируйте тему и текст в письмо, отправьте его и отметьте отправку.',
  acknowledgeBy: (when: string) => `Подтверждение нужно отправить до ${when}.`,
  subject: 'Тема',
  text: 'Текст',
  markSent: 'Отметить как отправленное',
  sentAt: (when: string) => `Отправлено ${when}.`,
  justSent: 'Отмечено как отправленное.',
  noMessages: 'Сообщений пока нет.',
  kinds: {
    acknowledgement: 'Подтверждение',
    delay_notice: 'Уведомление о задержке',
    decision: 'Решение',
    payment: 'Выплата',
  },
};

/** @example customerMessagesFor('ru').markSent // 'Отметить как отправленное' */
export const customerMessagesFor = (lang: Language): CustomerMessageTexts =>
  lang === 'ru' ? ru : en;
