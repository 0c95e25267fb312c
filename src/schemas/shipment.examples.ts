/**
 * Request examples of the orders and shipments operations; the response examples are
 * computed from them by the domain code (routes/shipments/shipments.examples.ts).
 */
import type { ShipmentEvent } from '../domain/shipment';
import type { OrderInput } from '../services/shipments';

/** The body example of PUT /v1/orders/{orderId}. */
export const orderInputExample = {
  placedAt: '2025-06-01T18:20:00+03:00',
  customer: { name: 'Анна Петрова', email: 'anna@example.com', phone: '+7 900 000-00-00' },
  b2b: false,
  shipments: [
    {
      shipmentId: 'S-1001-1',
      carrier: 'cdek',
      waybill: '1234567890',
      packages: [{ lengthCm: '40', widthCm: '30', heightCm: '20', weightKg: '2.5' }],
      packaging: [{ item: 'crate_m' }, { item: 'envelope_a4' }],
      deliveryCost: { amount: '500.00', currency: 'RUB' },
      deliveryPaid: true,
      shippedDate: '2025-06-02',
      promisedDate: '2025-06-05',
    },
  ],
} satisfies OrderInput;

/** The body example of POST /v1/shipments/{shipmentId}/events. */
export const eventExample = {
  eventId: 'cdek-7781-0004',
  status: 'delivered',
  at: '2025-06-16T11:05:00+03:00',
} satisfies ShipmentEvent;

/** The kinds of carrier event (POST /v1/shipments/{shipmentId}/events), one example each. */
export const eventExamples = {
  status: {
    summary: 'A status: handed to the delivery service',
    value: {
      eventId: 'cdek-7781-0001',
      status: 'handed_to_delivery',
      at: '2025-06-02T11:00:00+03:00',
    },
  },
  rescheduled: {
    summary: 'A reschedule: the deadline stays, unless the policy moves it for this reason',
    value: {
      eventId: 'cdek-7781-0002',
      status: 'rescheduled',
      at: '2025-06-04T09:00:00+03:00',
      promisedDate: '2025-06-10',
      reason: 'courier_late',
    },
  },
  remeasured: {
    summary: 'A re-measurement: the carrier’s packages and what it charged',
    value: {
      eventId: 'cdek-7781-0003',
      status: 'remeasured',
      at: '2025-06-03T08:00:00+03:00',
      packages: [{ lengthCm: '50', widthCm: '40', heightCm: '30', weightKg: '2.5' }],
      charged: { amount: '620.00', currency: 'RUB' },
    },
  },
  delivered: { summary: 'Delivered', value: eventExample },
} satisfies Record<string, { summary: string; value: ShipmentEvent }>;
