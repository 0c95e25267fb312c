/**
 * The shipment service under concurrent writes on DynamoDB Local: two replaces of one order
 * at once (each larger than one transaction) both answer and the result is one of them,
 * whole; events sent at once each land exactly once.
 */
import { describe, expect, it } from 'vitest';
import type { ShipmentEvent } from '../../src/domain/shipment';
import { orderInputExample } from '../../src/schemas/shipment.examples';
import type { Principal } from '../../src/services/actor';
import { createShipmentService, type OrderInput } from '../../src/services/shipments';
import { freshStorage } from '../storage/helpers';

const base = await freshStorage();
const service = createShipmentService({
  storage: base,
  clock: () => new Date('2025-06-20T09:00:00.000Z'),
});
const who: Principal = { keyId: 'k-c', role: 'shop', shopId: 'shop-c' };
const [template] = orderInputExample.shipments;

/** An order of `count` shipments, each marked with `mark` (its waybill, the customer's name). */
const orderInput = (mark: string, count = 40): OrderInput => ({
  ...orderInputExample,
  customer: { ...orderInputExample.customer, name: `Customer ${mark}` },
  shipments: Array.from({ length: count }, (_, i) => ({
    ...template!,
    shipmentId: `S-${i}`,
    waybill: `${mark}-${i}`,
  })),
});

/** The order is all one replace's: its customer's mark on every shipment it lists. */
async function wholeOf(orderId: string) {
  const order = await service.getOrder(who, orderId);
  const mark = order.customer.name.replace('Customer ', '');
  expect(order.shipments.map((s) => s.waybill)).toEqual(
    order.shipments.map((_, i) => `${mark}-${i}`),
  );
  return mark;
}

describe('two replaces of one order at once', () => {
  it('both answer, and the order is one of them, whole (an existing order)', async () => {
    await service.putOrder(who, 'O-1', orderInput('first'));
    const [a, b] = await Promise.all([
      service.putOrder(who, 'O-1', orderInput('A')),
      service.putOrder(who, 'O-1', orderInput('B', 30)),
    ]);
    expect([a.created, b.created]).toEqual([false, false]);
    const mark = await wholeOf('O-1');
    expect(['A', 'B']).toContain(mark);
    expect((await service.getOrder(who, 'O-1')).shipments).toHaveLength(mark === 'A' ? 40 : 30);
  }, 60_000);

  it('both answer, and the order is one of them, whole (a new order)', async () => {
    const answers = await Promise.all([
      service.putOrder(who, 'O-2', {
        ...orderInput('A'),
        shipments: orderInput('A').shipments.map((s) => ({
          ...s,
          shipmentId: `N-${s.shipmentId}`,
        })),
      }),
      service.putOrder(who, 'O-2', {
        ...orderInput('B'),
        shipments: orderInput('B').shipments.map((s) => ({
          ...s,
          shipmentId: `N-${s.shipmentId}`,
        })),
      }),
    ]);
    expect(answers.filter((x) => x.created)).toHaveLength(1);
    expect(['A', 'B']).toContain(await wholeOf('O-2'));
  }, 60_000);
});

describe('events sent at once', () => {
  const event = (eventId: string, minute: number): ShipmentEvent => ({
    eventId,
    status: 'in_transit',
    at: `2025-06-03T10:${String(minute).padStart(2, '0')}:00+03:00`,
  });

  it('20 different ones on one shipment each land exactly once; one sent 10 times, once', async () => {
    await service.putOrder(who, 'O-3', {
      ...orderInputExample,
      shipments: [{ ...template!, shipmentId: 'E-1' }],
    });
    const ids = Array.from({ length: 20 }, (_, i) => `e${i}`);
    const answers = await Promise.all(
      ids.map((id, i) => service.recordEvent(who, 'E-1', event(id, i))),
    );
    expect(answers.every((a) => !a.duplicate)).toBe(true);
    const same = await Promise.all(
      Array.from({ length: 10 }, () => service.recordEvent(who, 'E-1', event('again', 30))),
    );
    expect(same.filter((a) => !a.duplicate)).toHaveLength(1);
    const stored = await service.getShipment(who, 'E-1');
    expect(stored.events.map((e) => e.eventId).sort()).toEqual([...ids, 'again'].sort());
    expect(stored.version).toBe(22);
  }, 60_000);

  it('50 different ones on one shipment, all at once, each land exactly once', async () => {
    await service.putOrder(who, 'O-4', {
      ...orderInputExample,
      shipments: [{ ...template!, shipmentId: 'E-50' }],
    });
    const ids = Array.from({ length: 50 }, (_, i) => `f${i}`);
    const answers = await Promise.all(
      ids.map((id, i) => service.recordEvent(who, 'E-50', event(id, i))),
    );
    expect(answers.every((a) => !a.duplicate)).toBe(true);
    const stored = await service.getShipment(who, 'E-50');
    expect(stored.events.map((e) => e.eventId).sort()).toEqual([...ids].sort());
    expect(stored.version).toBe(51);
  }, 120_000);
});
