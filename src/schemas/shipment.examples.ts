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
