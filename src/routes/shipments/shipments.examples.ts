import {
  shipmentContext,
  summarizeShipment,
  type ShipmentEvent,
  type ShipmentFacts,
} from '../../domain/shipment';
import type { OrderView, ShipmentView } from '../../services/shipments';
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

/** Examples for the OpenAPI document, computed by the domain code. */
export const shipmentExamples = {
  shipment,
  order,
};
