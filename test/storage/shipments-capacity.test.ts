/**
 * What each kind of shipment event costs in write units (each write of its transaction
 * measured alone on DynamoDB Local, `ReturnConsumedCapacity: 'INDEXES'`, and doubled, as
 * DynamoDB charges a transaction: see scripts/bench/write-units.ts): a routine report and a
 * late delivery within issue 18's budget of 6 (the event's item 2, the head 2), the others
 * printed (an end of the watch deletes two late-view entries, a moved deadline rewrites them).
 */
import { describe, expect, it } from 'vitest';
import type { ShipmentEvent } from '../../src/domain/shipment';
import { orderInputExample } from '../../src/schemas/shipment.examples';
import type { Principal } from '../../src/services/actor';
import { createShipmentService } from '../../src/services/shipments';
import { freshStorage } from './helpers';
import { unitsInstance } from './shipment-helpers';

const base = await freshStorage();
const { repo, units: meter } = await unitsInstance(base.tableName);
const clock = () => new Date('2025-06-20T09:00:00.000Z');
const service = createShipmentService({ storage: { ...base, shipments: repo }, clock });
const who: Principal = { keyId: 'k-cap', role: 'shop', shopId: 'shop-cap' };
const at = (date: string) => `${date}T12:00:00+03:00`;
/** `n` packages of varied measures (a carrier's scale: no two alike, little to compress). */
const packages = (n: number) => {
  let seed = 7;
  const next = (max: number) => (seed = (seed * 48271) % 2147483647) % max;
  const measure = (from: number) => `${from + next(50)}.${String(next(1000)).padStart(3, '0')}`;
  return Array.from({ length: n }, () => ({
    lengthCm: measure(40),
    widthCm: measure(30),
    heightCm: measure(20),
    weightKg: measure(1),
  }));
};
const remeasured = (n: number): ShipmentEvent => ({
  eventId: `m${n}`,
  status: 'remeasured',
  at: at('2025-06-03'),
  packages: packages(n),
  charged: { amount: '780.00', currency: 'RUB' },
});

/** The write units of recording `event` on a shipment of its own (example facts: due 5 June). */
async function unitsOf(shipmentId: string, event: ShipmentEvent): Promise<number> {
  const [template] = orderInputExample.shipments;
  const input = { ...orderInputExample, shipments: [{ ...template!, shipmentId }] };
  await service.putOrder(who, `O-${shipmentId}`, input);
  meter.transactions.length = 0;
  await service.recordEvent(who, shipmentId, event);
  expect(meter.transactions).toHaveLength(1);
  return meter.transactions[0]!;
}

describe('the write units of an event', () => {
  it('are at most 6 for a routine report and a late delivery; the others printed', async () => {
    const routine = await unitsOf('routine', {
      eventId: 'a',
      status: 'in_transit',
      at: at('2025-06-03'),
    });
    const late = await unitsOf('late', { eventId: 'd', status: 'delivered', at: at('2025-06-06') });
    expect(routine).toBeLessThanOrEqual(6);
    expect(late).toBeLessThanOrEqual(6);
    const units: Record<string, number> = { routine, 'delivered late': late };
    units['delivered on time'] = await unitsOf('on-time', {
      eventId: 'd',
      status: 'delivered',
      at: at('2025-06-05'),
    });
    units.cancelled = await unitsOf('cancelled', {
      eventId: 'c',
      status: 'cancelled',
      at: at('2025-06-04'),
    });
    units['rescheduled, deadline kept'] = await unitsOf('kept', {
      eventId: 'r',
      status: 'rescheduled',
      at: at('2025-06-04'),
      promisedDate: '2025-06-10',
      reason: 'courier_late',
    });
    units['remeasured, 1 package'] = await unitsOf('m1', remeasured(1));
    units['remeasured, 100 packages'] = await unitsOf('m100', remeasured(100));
    // No shipped policy moves the deadline: the write the rules would make under one that does.
    meter.transactions.length = 0;
    await repo.applyEvent('shop-cap', 'kept', 'r2', (current) => ({
      answer: null,
      next: {
        ...current,
        events: [...current.events, { ...current.events[0]!, eventId: 'r2' }],
        version: current.version + 1,
        lateViewDate: '2025-06-10',
      },
    }));
    units['rescheduled, deadline moved'] = meter.transactions[0]!;
    console.info('write units per shipment event:', units);
    expect(routine).toBe(4);
    expect(late).toBe(4);
  });
});

describe('the write units of an order replace', () => {
  const [template] = orderInputExample.shipments;
  const order = (shipmentId: string, over: Record<string, unknown> = {}) => ({
    ...orderInputExample,
    shipments: [{ ...template!, shipmentId, ...over }],
  });
  const unitsOfPut = async (orderId: string, input: ReturnType<typeof order>) => {
    meter.transactions.length = 0;
    await service.putOrder(who, orderId, input);
    return [...meter.transactions];
  };

  it('grow by a waybill entry (2) with a waybill, by 4 when it changes; nothing when unchanged', async () => {
    const { waybill: _none, ...bare } = template!;
    const without = await unitsOfPut('O-bare', {
      ...orderInputExample,
      shipments: [{ ...bare, shipmentId: 'bare' }],
    });
    const withWaybill = await unitsOfPut('O-wb', order('wb'));
    expect(without).toHaveLength(1);
    expect(withWaybill[0]! - without[0]!).toBe(2);
    // The same body again: no transaction at all.
    expect(await unitsOfPut('O-wb', order('wb'))).toEqual([]);
    const otherFact = await unitsOfPut('O-wb', order('wb', { deliveryPaid: false }));
    const newWaybill = await unitsOfPut(
      'O-wb',
      order('wb', { deliveryPaid: false, waybill: 'W-2' }),
    );
    // The old entry deleted (2), the new one put (2).
    expect(newWaybill[0]! - otherFact[0]!).toBe(4);
    console.info('write units per order replace:', { without, withWaybill, otherFact, newWaybill });
  });
});
