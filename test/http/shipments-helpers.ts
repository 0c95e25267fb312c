import { call, rub } from './helpers';

/** One shipment of an order body; fields overridable. */
export const shipmentBody = (shipmentId: string, over: Record<string, unknown> = {}) => ({
  shipmentId,
  carrier: 'cdek',
  waybill: `WB-${shipmentId}`,
  packages: [{ lengthCm: '40', widthCm: '30', heightCm: '20', weightKg: '2.5' }],
  packaging: [{ item: 'crate_m' }, { item: 'envelope_a4' }],
  deliveryCost: rub('500.00'),
  deliveryPaid: true,
  shippedDate: '2025-06-02',
  promisedDate: '2025-06-05',
  ...over,
});

/** An order body with these shipments. */
export const orderBody = (shipments: unknown[]) => ({
  placedAt: '2025-06-01T18:20:00+03:00',
  customer: { name: 'Anna Petrova', email: 'anna@example.com', phone: '+7 900 000-00-00' },
  b2b: false,
  shipments,
});

/** PUT /v1/orders/{orderId}, failing loudly unless it was accepted. */
export async function putOrderOk(
  auth: Record<string, string>,
  orderId: string,
  shipments: unknown[],
) {
  const a = await call('PUT', `/v1/orders/${orderId}`, orderBody(shipments), auth);
  if (a.status !== 200 && a.status !== 201) throw new Error(`PUT order failed: ${a.text}`);
  return a;
}

/** POST /v1/shipments/{id}/events. */
export const postEvent = (auth: Record<string, string>, shipmentId: string, event: unknown) =>
  call('POST', `/v1/shipments/${shipmentId}/events`, event, auth);
