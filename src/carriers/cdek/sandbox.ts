/**
 * The sandbox's carrier: a test key's `{waybill, code, at}` written as the ORDER_STATUS payload
 * CDEK would send (API v2 webhooks), so it goes through the same reading as a real hook.
 */
import { parseInstant } from '../../domain/shipment';
import { cdekTime, derivedUuid } from './instant';

/** What a developer asks the sandbox to report. `at` is our instant (`+03:00` or `Z`). */
export interface SandboxEventInput {
  waybill: string;
  code: string;
  at: string;
  orderNumber?: string;
}

/**
 * A CDEK-shaped ORDER_STATUS payload for a sandbox event. Its `uuid` (CDEK's order uuid) is
 * derived from the waybill, so the same event sent twice is one event, as a real resend is;
 * the time is written CDEK's way (`+0300`). An `at` that is no instant is an `invalid-input`
 * at `/at` (parseInstant's), as the API would answer it.
 * @example sandboxWebhook({ waybill: '1106207236', code: 'DELIVERED', at: '2026-03-03T14:12:00+07:00' }).attributes.status_date_time // '2026-03-03T14:12:00+0700'
 */
export function sandboxWebhook(input: SandboxEventInput) {
  parseInstant(input.at, '/at');
  const statusDateTime = cdekTime(input.at);
  return {
    type: 'ORDER_STATUS',
    date_time: statusDateTime,
    uuid: derivedUuid(`sandbox:${input.waybill}`),
    attributes: {
      is_return: false,
      is_reverse: false,
      is_client_return: false,
      cdek_number: input.waybill,
      ...(input.orderNumber === undefined ? {} : { number: input.orderNumber }),
      code: input.code,
      status_date_time: statusDateTime,
      city_name: 'Москва',
      city_code: '44',
    },
  };
}
