/** Examples of the carrier hooks' answers, the event read by the real CDEK reader. */
import { readCdekWebhook } from '../../carriers/cdek';
import type { CarrierNotice } from '../../carriers/types';
import type { CarrierHookView, HookSummary } from '../../services/carrier-hooks';
import type { UnmatchedEventView } from '../../services/carrier-events';

/** An ORDER_STATUS payload as CDEK sends it (API v2 webhooks): the parcel reached a transit city. */
const cdekOrderStatus = {
  type: 'ORDER_STATUS',
  date_time: '2025-06-03T01:30:00+0700',
  uuid: '72753031-1820-4f99-9240-aab139f05ca5',
  attributes: {
    is_return: false,
    is_reverse: false,
    is_client_return: false,
    cdek_number: '1106207236',
    number: 'O-1001',
    code: 'SENT_TO_TRANSIT_CITY',
    status_code: '21',
    status_date_time: '2025-06-03T01:30:00+0700',
    city_name: 'Новосибирск',
    city_code: '270',
    deleted: false,
  },
};

const reading = readCdekWebhook(cdekOrderStatus, { source: 'cdek_hook' });
const notice: CarrierNotice | undefined =
  reading.kind === 'notices' ? reading.notices[0] : undefined;
if (notice === undefined) throw new Error('the example CDEK payload must read as a notice');

const hook: CarrierHookView = {
  id: 'hk_Q2x8mV0aTfR3kLpZ',
  carrier: 'cdek',
  createdAt: '2025-06-16T09:00:00.000Z',
};

const summary: HookSummary = {
  received: 1,
  applied: 1,
  duplicate: 0,
  unmatched: 0,
  refused: 0,
  ignored: 0,
};

const unmatched: UnmatchedEventView = {
  eventId: notice.event.eventId,
  carrier: 'cdek',
  waybill: '1106207236',
  orderNumber: 'O-1001',
  receivedAt: '2025-06-02T18:30:04.000Z',
  reason: 'no_shipment',
  event: notice.event,
};

export const carrierHookExamples = {
  cdekOrderStatus,
  created: {
    ...hook,
    url: 'https://api.example/v1/carrier-hooks/cdek/3q2-7wEXAMPLEtokenXq9Zb1mKf0sL4vT8yNd6hJc2gA',
  },
  hook,
  forwarding: {
    ...hook,
    id: 'hk_b7Rk2LmQ0xWc9TzA',
    forwardTo: 'https://shop.example/cdek-webhooks',
  },
  summary,
  unmatched,
};
