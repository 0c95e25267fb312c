/**
 * CDEK's order status codes (API v2, Appendix 1 "Статусы заказов", https://api-docs.cdek.ru/),
 * each with CDEK's own Russian text and the shipment status it means for us. CDEK's typings and
 * older pages spell some codes differently (API v1 names such as `SEND_TO_TRANSIT_OFFICE`,
 * truncated ones such as `SENT_TO_TRANSIT_CIT`): those are `aliases` of the same entry, so a
 * report reads the same, and dedupes the same, whichever spelling it came in.
 *
 * `status: undefined` is a code that is none of ours: it is kept as a `carrier_status` event,
 * changing nothing, so the carrier's words are on record without moving the shipment. Why
 * each such code is left unmapped is said beside it.
 */
import type { ShipmentStatus } from '../../domain/shipment';

/** One documented code: CDEK's text, our status (or none), the other spellings of it. */
export interface CdekCodeEntry {
  name: string;
  status: ShipmentStatus | undefined;
  aliases?: readonly string[];
}

/**
 * Every code of Appendix 1, by its current spelling.
 * @example CDEK_STATUS_CODES.ACCEPTED_AT_PICK_UP_POINT.status // 'awaiting_pickup'
 */
export const CDEK_STATUS_CODES = {
  // Registered: CDEK knows the order, nobody has handed it a parcel yet.
  ACCEPTED: { name: 'Принят', status: 'created' },
  CREATED: { name: 'Создан', status: 'created' },
  // At the sender's warehouse, or later in the sender city: the carrier has the parcel.
  RECEIVED_AT_SHIPMENT_WAREHOUSE: {
    name: 'Принят на склад отправителя',
    status: 'handed_to_delivery',
  },
  READY_FOR_SHIPMENT_IN_SENDER_CITY: {
    name: 'Выдан на отправку в г. отправителе',
    status: 'handed_to_delivery',
    aliases: ['READY_TO_SHIP_AT_SENDING_OFFICE'],
  },
  // CDEK: "this status does not mean a return to the sender": a second arrival in the city.
  RETURNED_TO_SENDER_CITY_WAREHOUSE: {
    name: 'Возвращен на склад отправителя',
    status: 'handed_to_delivery',
    aliases: ['RETURNED_TO_SENDER_WAREHOUSE'],
  },
  TAKEN_BY_TRANSPORTER_FROM_SENDER_CITY: {
    name: 'Сдан перевозчику в г. отправителе',
    status: 'handed_to_delivery',
    aliases: ['PASSED_TO_CARRIER_AT_SENDING_OFFICE', 'TAKEN_BY_TRANSPORTER_FROM_SENDER_CIT'],
  },
  // Transit steps.
  SENT_TO_TRANSIT_CITY: {
    name: 'Отправлен в г. транзит',
    status: 'in_transit',
    aliases: ['SEND_TO_TRANSIT_OFFICE', 'SENT_TO_TRANSIT_CIT'],
  },
  ACCEPTED_IN_TRANSIT_CITY: {
    name: 'Встречен в г. транзите',
    status: 'in_transit',
    aliases: ['MET_AT_TRANSIT_OFFICE', 'ACCEPTED_IN_TRANSIT_CIT'],
  },
  ACCEPTED_AT_TRANSIT_WAREHOUSE: {
    name: 'Принят на склад транзита',
    status: 'in_transit',
    aliases: ['ACCEPTED_TO_OFFICE_TRANSIT_WAREHOUSE', 'ACCEPTED_AT_TRANSIT_WAREHOUS'],
  },
  ENTERED_TO_OFFICE_TRANSIT_WAREHOUSE: { name: 'Поступил в г. транзита', status: 'in_transit' },
  RETURNED_TO_TRANSIT_WAREHOUSE: { name: 'Возвращен на склад транзита', status: 'in_transit' },
  READY_FOR_SHIPMENT_IN_TRANSIT_CITY: {
    name: 'Выдан на отправку в г. транзите',
    status: 'in_transit',
    aliases: ['READY_TO_SHIP_IN_TRANSIT_OFFICE'],
  },
  TAKEN_BY_TRANSPORTER_FROM_TRANSIT_CITY: {
    name: 'Сдан перевозчику в г. транзите',
    status: 'in_transit',
    aliases: ['PASSED_TO_CARRIER_AT_TRANSIT_OFFICE'],
  },
  SENT_TO_RECIPIENT_CITY: {
    name: 'Отправлен в г. получатель',
    status: 'in_transit',
    aliases: ['SEND_TO_RECIPIENT_OFFICE'],
  },
  ACCEPTED_IN_RECIPIENT_CITY: {
    name: 'Встречен в г. получателе',
    status: 'in_transit',
    aliases: ['MET_AT_RECIPIENT_OFFICE'],
  },
  // In the recipient's city, waiting for a courier: not yet with one, not at a pickup point.
  ACCEPTED_AT_RECIPIENT_CITY_WAREHOUSE: {
    name: 'Принят на склад доставки',
    status: 'in_transit',
    aliases: ['ACCEPTED_AT_DELIVERY_WAREHOUSE'],
  },
  ENTERED_TO_DELIVERY_WAREHOUSE: { name: 'Поступил на склад доставки', status: 'in_transit' },
  // Arrival recorded at the warehouse that will hold it for pickup, before CDEK accepts it there
  // and tells the recipient (ACCEPTED_AT_PICK_UP_POINT): it cannot be collected yet.
  ENTERED_TO_WAREHOUSE_ON_DEMAND: {
    name: 'Поступил на склад до востребования',
    status: 'in_transit',
  },
  // A delivery attempt failed, another one is due (CDEK: "not a return to the sender").
  RETURNED_TO_RECIPIENT_CITY_WAREHOUSE: {
    name: 'Возвращен на склад доставки',
    status: 'in_transit',
    aliases: ['RETURNED_TO_DELIVERY_WAREHOUSE'],
  },
  // International legs that move the parcel on.
  SHIPPED_TO_DESTINATION: { name: 'Отправлено в страну назначения', status: 'in_transit' },
  PASSED_TO_TRANSIT_CARRIER: { name: 'Передано транзитному перевозчику', status: 'in_transit' },
  // Waiting for the recipient at a pickup point or in a parcel locker.
  ACCEPTED_AT_PICK_UP_POINT: {
    name: 'Принят на склад до востребования',
    status: 'awaiting_pickup',
    aliases: ['ACCEPTED_AT_WAREHOUSE_ON_DEMAND'],
  },
  POSTOMAT_POSTED: { name: 'Заложен в постамат', status: 'awaiting_pickup' },
  TAKEN_BY_COURIER: {
    name: 'Выдан на доставку',
    status: 'with_courier',
    aliases: ['ISSUED_FOR_DELIVERY'],
  },
  DELIVERED: { name: 'Вручен', status: 'delivered' },
  POSTOMAT_RECEIVED: { name: 'Изъят из постамата клиентом', status: 'delivered' },
  NOT_DELIVERED: { name: 'Не вручен', status: 'not_delivered' },
  REMOVED: { name: 'Удален', status: 'cancelled' },
  // None of ours. Customs: the parcel is held by customs, not moved by the carrier, and the
  // shipment keeps the status it had (transit goes on once CUSTOMS_COMPLETE is followed by a
  // transit step).
  IN_CUSTOMS_INTERNATIONAL: {
    name: 'Таможенное оформление в стране отправления',
    status: undefined,
  },
  IN_CUSTOMS_LOCAL: { name: 'Таможенное оформление в стране назначения', status: undefined },
  CUSTOMS_COMPLETE: { name: 'Таможенное оформление завершено', status: undefined },
  // The storage time in the locker ran out and a courier took the parcel back for the shop:
  // not delivered, but not the recipient's refusal either (NOT_DELIVERED follows when CDEK
  // closes the order), so it moves nothing on its own.
  POSTOMAT_SEIZED: { name: 'Изъят из постамата курьером', status: undefined },
  // Travelling back toward, or met again in, the sender's city: a way back, which none of our
  // statuses names; `in_transit` would read as progress toward the recipient.
  SENT_TO_SENDER_CITY: {
    name: 'Отправлен в г. отправитель',
    status: undefined,
    aliases: ['SEND_TO_SENDING_OFFICE'],
  },
  ACCEPTED_IN_SENDER_CITY: {
    name: 'Встречен в г. отправителе',
    status: undefined,
    aliases: ['MET_AT_SENDING_OFFICE'],
  },
  // CDEK found the order's data wrong: the shop has to correct it. Neither a cancellation
  // (the shop did not withdraw it) nor a step of delivery.
  INVALID: { name: 'Некорректный заказ', status: undefined },
} as const satisfies Record<string, CdekCodeEntry>;

/** @example const code: CdekStatusCode = 'DELIVERED'; */
export type CdekStatusCode = keyof typeof CDEK_STATUS_CODES;

/** A code read against the table: the current spelling, CDEK's text, our status (or none). */
export interface CdekCodeReading {
  code: CdekStatusCode;
  name: string;
  status: ShipmentStatus | undefined;
}

/** Every spelling (current and alternative) → the current one. */
const SPELLINGS: ReadonlyMap<string, CdekStatusCode> = new Map(
  (Object.entries(CDEK_STATUS_CODES) as [CdekStatusCode, CdekCodeEntry][]).flatMap(
    ([code, entry]) => [code, ...(entry.aliases ?? [])].map((spelling) => [spelling, code]),
  ),
);

/**
 * The table's entry for `code` in any of its spellings, or undefined for a code Appendix 1
 * does not list (kept by the caller as the code it was given).
 * @example readCdekCode('SENT_TO_TRANSIT_CIT') // { code: 'SENT_TO_TRANSIT_CITY', name: 'Отправлен в г. транзит', status: 'in_transit' }
 * @example readCdekCode('TELEPORTED') // undefined
 */
export function readCdekCode(code: string): CdekCodeReading | undefined {
  const current = SPELLINGS.get(code);
  if (current === undefined) return undefined;
  const { name, status }: CdekCodeEntry = CDEK_STATUS_CODES[current];
  return { code: current, name, status };
}

/**
 * Every spelling the table takes, each current one followed by its alternatives.
 * @example cdekCodeSpellings().includes('ACCEPTED_AT_TRANSIT_WAREHOUS') // true
 */
export function cdekCodeSpellings(): string[] {
  return [...SPELLINGS.keys()];
}
