/**
 * The shipment service on DynamoDB Local: a status report recorded with no read (the
 * domain's `reportEffect`, storage's `appendReport`) answers and stores exactly what deciding
 * on the stored shipment (read, rules, conditional PutItem) does. The same scripts of reports
 * (in order, out of order, resent, cancelled, delivered on time and late, received, dated
 * before shipping, rescheduled, re-measured, reported again after delivery, invalid) run through two services: one
 * as built, one whose storage refuses every append so each report takes the read path.
 */
import { describe, expect, it } from 'vitest';
import type { ShipmentEvent } from '../../src/domain/shipment';
import { orderInputExample } from '../../src/schemas/shipment.examples';
import type { Principal } from '../../src/services/actor';
import { createShipmentService } from '../../src/services/shipments';
import { DynamoShipmentRepository } from '../../src/storage/dynamodb';
import type { ShipmentRepository, Storage } from '../../src/storage/repository';
import { freshStorage } from '../storage/helpers';

const base = await freshStorage();
const now = new Date('2025-06-20T09:00:00.000Z');
const clock = () => now;
const direct = createShipmentService({ storage: base, clock });

/** Storage that never appends: every report is decided on the shipment as stored. */
const inner = new DynamoShipmentRepository({ client: base.client, tableName: base.tableName });
const readPath: ShipmentRepository = {
  getOrder: (...a) => inner.getOrder(...a),
  getShipments: (...a) => inner.getShipments(...a),
  getShipment: (...a) => inner.getShipment(...a),
  replaceOrder: (...a) => inner.replaceOrder(...a),
  recordEvent: (...a) => inner.recordEvent(...a),
  applyEvent: (...a) => inner.applyEvent(...a),
  listLate: (...a) => inner.listLate(...a),
  tidyWatch: (...a) => inner.tidyWatch(...a),
  appendReport: async (shopId, shipmentId) => {
    const current = await inner.getShipment(shopId, shipmentId);
    return { appended: false, current };
  },
};
const viaRead = createShipmentService({
  storage: { ...base, shipments: readPath } as Storage,
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

type Outcome = { status: number; body: unknown };
async function run(
  service: typeof direct,
  principal: Principal,
  shipmentId: string,
  events: readonly ShipmentEvent[],
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const event of events) {
    try {
      const answer = await service.recordEvent(principal, shipmentId, event);
      outcomes.push({ status: 200, body: answer });
    } catch (error) {
      const e = error as { name?: string; pointer?: string; message?: string };
      outcomes.push({ status: 0, body: { name: e.name, pointer: e.pointer, message: e.message } });
    }
  }
  return outcomes;
}

/** Everything an answer or a record says, but whose it is. */
const unowned = (value: unknown) =>
  JSON.parse(
    JSON.stringify(value).replaceAll('"shop-direct"', '"shop"').replaceAll('"shop-read"', '"shop"'),
  );

describe('a status report recorded with no read', () => {
  it('answers and stores what deciding on the stored shipment does, script by script', async () => {
    const names = Object.keys(SCRIPTS);
    const shops = { direct: 'shop-direct', read: 'shop-read' } as const;
    const [template] = orderInputExample.shipments;
    if (template === undefined) throw new Error('the example order has no shipment');
    const input = {
      ...orderInputExample,
      shipments: names.map((name) => ({ ...template, shipmentId: name })),
    };
    const who = (shopId: string): Principal => ({ keyId: `k-${shopId}`, role: 'shop', shopId });
    await direct.putOrder(who(shops.direct), 'O-1', input);
    await viaRead.putOrder(who(shops.read), 'O-1', input);
    for (const name of names) {
      const events = SCRIPTS[name]!;
      const fast = await run(direct, who(shops.direct), name, events);
      const slow = await run(viaRead, who(shops.read), name, events);
      expect(unowned(fast), name).toEqual(unowned(slow));
      const [a, b] = await Promise.all([
        base.shipments.getShipment(shops.direct, name),
        base.shipments.getShipment(shops.read, name),
      ]);
      expect(unowned(a), name).toEqual(unowned(b));
    }
    // The late listing (read from the index the writes keep) agrees too.
    const late = async (shopId: string) =>
      (await direct.listLate(who(shopId), { limit: 100 })).items.map((v) => v.shipmentId).sort();
    const listed = await late(shops.direct);
    expect(listed).toEqual(await late(shops.read));
    expect(listed).toEqual(
      expect.arrayContaining(['late', 'lateHoliday', 'received', 'inOrder', 'outOfOrder']),
    );
    expect(listed).not.toContain('onTime');
    expect(listed).not.toContain('cancelled');
  });
});

describe('a delivery the instance could not tell', () => {
  it('is answered before its place in the late index is put right, and never listed late meanwhile', async () => {
    // A service whose storage remembers no shipment: every delivery is one it cannot tell.
    const cold = new DynamoShipmentRepository({
      client: base.client,
      tableName: base.tableName,
      shipmentCacheSize: 0,
    });
    const service = createShipmentService({ storage: { ...base, shipments: cold }, clock });
    const who: Principal = { keyId: 'k-defer', role: 'shop', shopId: 'shop-defer' };
    const [template] = orderInputExample.shipments;
    if (template === undefined) throw new Error('the example order has no shipment');
    const input = {
      ...orderInputExample,
      shipments: ['on-time', 'late'].map((shipmentId) => ({ ...template, shipmentId })),
    };
    await service.putOrder(who, 'O-defer', input);
    const deferred: (() => Promise<void>)[] = [];
    const defer = (work: () => Promise<void>) => void deferred.push(work);
    await service.recordEvent(who, 'on-time', s('d', 'delivered', at('2025-06-05')), { defer });
    await service.recordEvent(who, 'late', s('d', 'delivered', at('2025-06-06')), { defer });
    // Only the on-time delivery has its place to put right.
    expect(deferred).toHaveLength(1);
    const indexed = async () =>
      (
        await cold.listLate(
          { shopId: 'shop-defer', before: '2025-06-20' },
          { limit: 10, caller: 'k' },
        )
      ).items
        .map((r) => r.shipmentId)
        .sort();
    expect(await indexed()).toEqual(['late', 'on-time']);
    // Meanwhile the listing leaves it out (and hands its tidying on again).
    const listed = await service.listLate(who, { limit: 10 }, { defer });
    expect(listed.items.map((v) => v.shipmentId)).toEqual(['late']);
    expect(deferred).toHaveLength(2);
    await Promise.all(deferred.map((work) => work()));
    expect(await indexed()).toEqual(['late']);
    const stored = await cold.getShipment('shop-defer', 'on-time');
    expect(stored?.watchDate).toBeUndefined();
    expect(stored?.version).toBe(2);
  });
});
