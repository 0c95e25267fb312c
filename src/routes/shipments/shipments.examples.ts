import {
  shipmentContext,
  summarizeShipment,
  type ShipmentEvent,
  type ShipmentFacts,
} from '../../domain/shipment';
import type { LateShipmentView, OrderView, ShipmentView } from '../../services/shipments';
import { orderInputExample } from '../../schemas/shipment.examples';

const today = '2025-06-16';
const facts: ShipmentFacts = orderInputExample.shipments[0]!;
const events: ShipmentEvent[] = [
  { eventId: 'cdek-7781-0001', status: 'handed_to_delivery', at: '2025-06-02T11:00:00+03:00' },
  { eventId: 'cdek-7781-0002', status: 'in_transit', at: '2025-06-03T08:30:00+03:00' },
  {
    eventId: 'cdek-7781-0003',
    status: 'rescheduled',
    at: '2025-06-04T09:00:00+03:00',
    promisedDate: '2025-06-10',
    reason: 'courier_late',
  },
];
const { lateViewDate: _lateViewDate, ...summary } = summarizeShipment(
  facts,
  events,
  shipmentContext(facts, today),
);

/** A late, undelivered shipment as of 2025-06-16, computed by the domain code. */
const shipment: ShipmentView = {
  ...facts,
  shopId: 'demo-shop',
  orderId: 'O-1001',
  ...summary,
  version: 4,
  updatedAt: '2025-06-04T06:00:01.000Z',
};

const order: OrderView = {
  shopId: 'demo-shop',
  orderId: 'O-1001',
  placedAt: orderInputExample.placedAt,
  customer: orderInputExample.customer,
  b2b: orderInputExample.b2b,
  status: shipment.status,
  shipments: [shipment],
  version: 1,
  updatedAt: '2025-06-01T15:20:00.000Z',
};

// A late claim filed from the shipment on 11 June and paid: its lateness stops that day.
const filedOn = '2025-06-11';
const claimed = summarizeShipment(facts, events, {
  ...shipmentContext(facts, today),
  stopsOn: filedOn,
});
const claimedAmount = claimed.lateness?.amount ?? { amount: '0.00', currency: 'RUB' };

/** A late shipment whose late claim was paid, as the late listing shows it. */
const settledLate: LateShipmentView = {
  ...shipment,
  lateness: claimed.lateness,
  cause: 'courier_late',
  claim: {
    id: 'clm_7f3c2a9e5b1d4c6e8a0b2d4f6e8c0a1b',
    type: 'late',
    status: 'paid',
    amount: claimedAmount,
    approvedAmount: claimedAmount,
    paidAmount: claimedAmount,
    createdAt: `${filedOn}T08:12:40.000Z`,
  },
  latenessFrozenOn: filedOn,
};

/** Examples for the OpenAPI document, computed by the domain code. */
export const shipmentExamples = {
  shipment,
  order,
  settledLate,
};
