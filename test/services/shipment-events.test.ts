/**
 * The shipment service on DynamoDB Local answers and stores what it does on the in-memory
 * reference storage (./memory-shipments.ts), script by script (in order, out of order,
 * resent, cancelled, delivered on time and late, received, dated before shipping,
 * rescheduled, re-measured, reported again after delivery, invalid); and records a history
 * the old single shipment item could not hold (its 400 KB): 60 re-measurements of 100
 * packages, then the delivery.
 */
import { describe, expect, it } from 'vitest';
import type { RemeasuredEvent, ShipmentEvent } from '../../src/domain/shipment';
import { orderInputExample } from '../../src/schemas/shipment.examples';
import type { Principal } from '../../src/services/actor';
import { createShipmentService } from '../../src/services/shipments';
import { freshStorage } from '../storage/helpers';
import { MemoryShipments } from './memory-shipments';

const base = await freshStorage();
const clock = () => new Date('2025-06-20T09:00:00.000Z');
const dynamo = createShipmentService({ storage: base, clock });
const memory = createShipmentService({
  storage: { ...base, shipments: new MemoryShipments() },
  clock,
});

const at = (date: string, hour = 12) => `${date}T${String(hour).padStart(2, '0')}:00:00+03:00`;
const s = (eventId: string, status: ShipmentEvent['status'], when: string) =>
  ({ eventId, status, at: when }) as ShipmentEvent;
const lateSupplier: ShipmentEvent = {
  eventId: 'm',
  status: 'rescheduled',
  at: at('2025-06-07'),
  promisedDate: '2025-06-12',
  reason: 'supplier_late',
};
/** A re-measurement of the example's box (60 × 40 × 40 cm) at `kg`, charged `amount`. */
const rem = (eventId: string, when: string, kg: string, amount: string, currency = 'RUB') =>
  ({
    eventId,
    status: 'remeasured',
    at: when,
    packages: [{ lengthCm: '60', widthCm: '40', heightCm: '40', weightKg: kg }],
    charged: { amount, currency },
  }) as ShipmentEvent;

/** Each script: the reports one shipment gets, in arrival order (promise 5 June, shipped 2 June). */
const SCRIPTS: Record<string, ShipmentEvent[]> = {
  inOrder: [s('a', 'handed_to_delivery', at('2025-06-02')), s('b', 'in_transit', at('2025-06-03'))],
  outOfOrder: [
    s('b', 'in_transit', at('2025-06-04')),
    s('a', 'handed_to_delivery', at('2025-06-02')),
  ],
  resent: [s('a', 'in_transit', at('2025-06-03')), s('a', 'in_transit', at('2025-06-03'))],
  cancelled: [s('a', 'in_transit', at('2025-06-03')), s('c', 'cancelled', at('2025-06-04'))],
  onTime: [s('a', 'in_transit', at('2025-06-03')), s('d', 'delivered', at('2025-06-05'))],
  // 6 June is a Friday: one business day late.
  late: [s('a', 'in_transit', at('2025-06-03')), s('d', 'delivered', at('2025-06-06'))],
  // The Russia Day weekend (12 June a holiday): delivered the 13th, counted late.
  lateHoliday: [s('d', 'delivered', at('2025-06-13'))],
  received: [s('a', 'in_transit', at('2025-06-03')), s('r', 'received', at('2025-06-07'))],
  beforeShipping: [s('d', 'delivered', at('2025-06-01'))],
  deliveredEarlierThanLatest: [
    s('a', 'with_courier', at('2025-06-05', 15)),
    s('d', 'delivered', at('2025-06-05', 9)),
  ],
  afterDelivery: [
    s('d', 'delivered', at('2025-06-04')),
    s('x', 'in_transit', at('2025-06-05')),
    s('y', 'delivered', at('2025-06-09')),
  ],
  rescheduled: [
    {
      eventId: 'm',
      status: 'rescheduled',
      at: at('2025-06-04'),
      promisedDate: '2025-06-10',
      reason: 'courier_late',
    },
    s('a', 'with_courier', at('2025-06-09')),
    s('d', 'delivered', at('2025-06-10')),
  ],
  rescheduledAfterDeliveryAndResent: [
    s('d', 'delivered', at('2025-06-06')),
    lateSupplier,
    lateSupplier,
  ],
  remeasured: [
    s('a', 'in_transit', at('2025-06-03')),
    rem('w', at('2025-06-03', 15), '4', '780.00', 'RUB'),
    s('d', 'delivered', at('2025-06-09')),
    rem('w2', at('2025-06-09', 15), '5', '800.00', 'RUB'),
  ],
  remeasuredWrongly: [
    rem('eur', at('2025-06-03'), '4', '9.00', 'EUR'),
    rem('neg', at('2025-06-03'), '-4', '780.00', 'RUB'),
    {
      eventId: 'bad-date',
      status: 'rescheduled',
      at: at('2025-06-03'),
      promisedDate: '2025-06-31',
      reason: 'other',
    },
  ],
  cancelledThenBack: [
    s('c', 'cancelled', at('2025-06-03')),
    s('a', 'in_transit', at('2025-06-04')),
    s('d', 'delivered', at('2025-06-11')),
  ],
};

type Service = typeof dynamo;
const who: Principal = { keyId: 'k-shop', role: 'shop', shopId: 'shop-ev' };
const [template] = orderInputExample.shipments;

async function run(service: Service, shipmentId: string, events: readonly ShipmentEvent[]) {
  const outcomes: unknown[] = [];
  for (const event of events) {
    try {
      outcomes.push(await service.recordEvent(who, shipmentId, event));
    } catch (error) {
      const e = error as { name?: string; pointer?: string; message?: string };
      outcomes.push({ name: e.name, pointer: e.pointer, message: e.message });
    }
  }
  return outcomes;
}

describe('an event through the service', () => {
  it('answers and stores what the reference storage does, script by script', async () => {
    const names = Object.keys(SCRIPTS);
    const input = {
      ...orderInputExample,
      shipments: names.map((name) => ({ ...template!, shipmentId: name })),
    };
    await dynamo.putOrder(who, 'O-1', input);
    await memory.putOrder(who, 'O-1', input);
    for (const name of names) {
      const events = SCRIPTS[name]!;
      expect(await run(dynamo, name, events), name).toEqual(await run(memory, name, events));
      const [a, b] = await Promise.all([
        dynamo.getShipment(who, name),
        memory.getShipment(who, name),
      ]);
      expect(a, name).toEqual(b);
    }
    expect(await dynamo.getOrder(who, 'O-1')).toEqual(await memory.getOrder(who, 'O-1'));
    // The late listing (read from the late views the writes keep) agrees too.
    const late = async (service: Service) =>
      (await service.listLate(who, { limit: 100 })).items.map((v) => v.shipmentId).sort();
    const listed = await late(dynamo);
    expect(listed).toEqual(await late(memory));
    expect(listed).toEqual(
      expect.arrayContaining(['late', 'lateHoliday', 'received', 'inOrder', 'outOfOrder']),
    );
    expect(listed).not.toContain('onTime');
    expect(listed).not.toContain('cancelled');
  }, 60_000);

  it('records 60 re-measurements of 100 packages, then the delivery', async () => {
    const shipmentId = 'heavy';
    await dynamo.putOrder(who, 'O-heavy', {
      ...orderInputExample,
      shipments: [{ ...template!, shipmentId }],
    });
    let seed = 5;
    const digit = () => (seed = (seed * 48271) % 2147483647) % 10;
    const measured = (n: number): RemeasuredEvent => ({
      eventId: `m-${n}`,
      status: 'remeasured',
      at: `2025-06-03T10:${String(n).padStart(2, '0')}:00+03:00`,
      packages: Array.from({ length: 100 }, () => ({
        lengthCm: `${50 + digit()}.${digit()}${digit()}${digit()}${digit()}`,
        widthCm: `${30 + digit()}.${digit()}${digit()}${digit()}${digit()}`,
        heightCm: `${20 + digit()}.${digit()}${digit()}${digit()}${digit()}`,
        weightKg: `${1 + digit()}.${digit()}${digit()}${digit()}${digit()}${digit()}${digit()}`,
      })),
      charged: { amount: `${700 + n}.00`, currency: 'RUB' },
    });
    for (let n = 0; n < 60; n++) {
      const answer = await dynamo.recordEvent(who, shipmentId, measured(n));
      expect(answer.duplicate).toBe(false);
    }
    const delivered = await dynamo.recordEvent(
      who,
      shipmentId,
      s('d', 'delivered', at('2025-06-09')),
    );
    expect(delivered.shipment.status).toBe('delivered');
    const stored = await dynamo.getShipment(who, shipmentId);
    expect(stored.events).toHaveLength(61);
    expect(JSON.stringify(stored.events).length).toBeGreaterThan(400 * 1024);
    expect(stored.remeasurement?.charged.amount).toBe('759.00');
  }, 120_000);
});
