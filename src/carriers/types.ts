/**
 * What a carrier tells us, once its own payload is read (src/carriers/<carrier>/): a notice
 * per event, naming the parcel as the carrier knows it. Nothing outside src/carriers knows a
 * carrier's payloads, codes or API; the services take notices.
 */
import type { ShipmentEvent } from '../domain/shipment';

/** The carriers whose hooks the service takes. @example CARRIER_HOOK_CARRIERS[0] // 'cdek' */
export const CARRIER_HOOK_CARRIERS = ['cdek'] as const;
/** @example const c: HookCarrier = 'cdek'; */
export type HookCarrier = (typeof CARRIER_HOOK_CARRIERS)[number];

/**
 * One event of one parcel, as the carrier reported it. The parcel is named by the carrier's
 * number (our `waybill`; CDEK `cdek_number`) and/or the shop's order id the shop gave the
 * carrier (CDEK `number`). `event` is ready for the shipment rules: its `eventId` is stable for
 * the same report (CDEK: `uuid` + code + `status_date_time`), so a resend is a duplicate; its
 * `at` keeps the carrier's local offset (written `+07:00`), so its date is the local day.
 *
 * @example { carrier: 'cdek', waybill: '1106207236', orderNumber: 'O-1001', event: { eventId: 'cdek:…', status: 'in_transit', at: '2026-03-03T14:12:00+07:00', source: 'cdek_hook', carrierStatus: { code: 'SENT_TO_TRANSIT_CITY', name: 'Отправлен в г.-транзит' } } }
 */
export interface CarrierNotice {
  carrier: HookCarrier;
  waybill?: string;
  orderNumber?: string;
  /**
   * The carrier's own id of the order (CDEK's order `uuid`), where it gave one. CDEK's
   * ORDER_MODIFIED names the order by this id alone, so a parcel can only be found for it by
   * an earlier notice that carried both.
   */
  carrierOrderId?: string;
  event: ShipmentEvent;
}
