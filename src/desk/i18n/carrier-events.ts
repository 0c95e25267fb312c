/**
 * Texts of what the carrier said (issue 22): where each shipment event came from, the
 * carrier's own words beside ours, and the page of a shop's unmatched carrier events.
 * Typed against the domain's sources, so a new source does not compile until it has a name.
 */
import { EVENT_KINDS, type EventKind, type EventSource } from '../../domain/shipment';
import { shipmentStatusFor } from './orders';
import type { Language } from './lang';

/** Why an event waits unmatched, as the carrier-events service names it (its `reason`, less any detail). */
export const UNMATCHED_REASONS = ['no_shipment', 'ambiguous', 'refused'] as const;
/** @example const reason: UnmatchedReason = 'no_shipment'; */
export type UnmatchedReason = (typeof UNMATCHED_REASONS)[number];

const en = {
  /** The small tag after each event: where it came from. */
  sources: {
    api: 'API',
    cdek_hook: 'CDEK hook',
    reconciliation: 'reconciliation',
    sandbox: 'sandbox',
  } satisfies Record<EventSource, string>,
  /** Read before the tag by a screen reader. */
  sourceIs: 'source:',
  /** Before the carrier's own words. */
  carrierSays: 'carrier:',
  /** Before a delivery problem's cause. */
  causeIs: 'cause:',
  unmatchedLink: 'Unmatched carrier events',
  unmatchedTitle: (shopId: string) => `Unmatched carrier events of shop ${shopId}`,
  unmatchedIntro:
    'Events the carrier sent for parcels no order of this shop names yet. They are kept, and applied to the shipment as soon as an order brings the waybill (or the order number) they name.',
  unmatchedEmpty:
    'No unmatched carrier events: every event the carrier sent for this shop belonged to a shipment we know.',
  unmatchedCaption: (count: number) => `Unmatched events on this page: ${count}`,
  received: 'Received',
  carrier: 'Carrier',
  waybill: 'Waybill',
  orderNumber: 'Order number',
  carrierStatus: 'Carrier’s status',
  wouldBe: 'Would be recorded as',
  reason: 'Why it waits',
  none: '—',
  reasons: {
    no_shipment: 'No order of the shop names this parcel yet',
    ambiguous: 'More than one shipment of the shop matches it',
    refused: 'The shipment could not take it',
  } satisfies Record<UnmatchedReason, string>,
  findShop: 'Unmatched carrier events of a shop',
  shopId: 'Shop id',
  show: 'Show',
  next: 'Next page',
  pages: 'Pages',
  badCursor: 'That page link is no longer valid; showing the first page.',
};

export type CarrierEventMessages = typeof en;

const ru: CarrierEventMessages = {
  sources: {
    api: 'API',
    cdek_hook: 'вебхук СДЭК',
    reconciliation: 'сверка с СДЭК',
    sandbox: 'песочница',
  },
  sourceIs: 'источник:',
  carrierSays: 'перевозчик:',
  causeIs: 'причина:',
  unmatchedLink: 'Несопоставленные события перевозчика',
  unmatchedTitle: (shopId: string) => `Несопоставленные события перевозчика, магазин ${shopId}`,
  unmatchedIntro:
    'События, которые перевозчик прислал по посылкам, ещё не названным ни в одном заказе этого магазина. Они сохранены и будут применены к отправлению, как только заказ укажет их накладную (или номер заказа).',
  unmatchedEmpty:
    'Несопоставленных событий нет: все события перевозчика по этому магазину относились к известным отправлениям.',
  unmatchedCaption: (count: number) => `Несопоставленных событий на странице: ${count}`,
  received: 'Получено',
  carrier: 'Перевозчик',
  waybill: 'Накладная',
  orderNumber: 'Номер заказа',
  carrierStatus: 'Статус перевозчика',
  wouldBe: 'Будет записано как',
  reason: 'Почему ожидает',
  none: '—',
  reasons: {
    no_shipment: 'Ни один заказ магазина ещё не называет эту посылку',
    ambiguous: 'Подходит несколько отправлений магазина',
    refused: 'Отправление не может его принять',
  },
  findShop: 'Несопоставленные события перевозчика по магазину',
  shopId: 'Идентификатор магазина',
  show: 'Показать',
  next: 'Следующая страница',
  pages: 'Страницы',
  badCursor: 'Ссылка на страницу больше не действует; показана первая страница.',
};

/** @example carrierEventsFor('ru').sources.cdek_hook // 'вебхук СДЭК' */
export const carrierEventsFor = (lang: Language): CarrierEventMessages => (lang === 'ru' ? ru : en);

/** A code as the domain writes it (`invalid-input`, `too_early`): never shown on a page. */
const CODE = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

/**
 * The reason an unmatched event waits, and a refusal's detail: the rule's English message
 * (`refused: <code>: <message>`, the code left out: the desk never shows one raw).
 * @example reasonOf('refused: invalid-input: the event is before the order was placed') // { reason: 'refused', detail: 'the event is before the order was placed' }
 * @example reasonOf('no_shipment') // { reason: 'no_shipment' }
 */
export function reasonOf(text: string): { reason: UnmatchedReason | undefined; detail?: string } {
  const [head = '', ...rest] = text.split(':').map((part) => part.trim());
  const reason = (UNMATCHED_REASONS as readonly string[]).includes(head)
    ? (head as UnmatchedReason)
    : undefined;
  const words = rest.length > 1 && CODE.test(rest[0] ?? '') ? rest.slice(1) : rest;
  const detail = withStatusNames(words.join(': '));
  return detail && !CODE.test(detail) ? { reason, detail } : { reason };
}

/**
 * A rule's English message with each status it names by its code (`not_delivered`) said by
 * its English name instead.
 * @example withStatusNames('only a final status (delivered, not_delivered) is recorded') // 'only a final status (delivered, refused by the recipient) is recorded'
 */
export const withStatusNames = (message: string): string =>
  message.replace(/\b[a-z]+(?:_[a-z]+)+\b/g, (code) =>
    (EVENT_KINDS as readonly string[]).includes(code)
      ? shipmentStatusFor('en')[code as EventKind].toLowerCase()
      : code,
  );
