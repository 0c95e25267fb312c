/**
 * The shipment service on DynamoDB Local: a status report recorded with no read (the
 * domain's `reportEffect`, storage's `appendReport`) answers and stores exactly what deciding
 * on the stored shipment (read, rules, conditional PutItem) does. The same scripts of reports
 * (in order, out of order, resent, cancelled, delivered on time and late, received, dated
 * before shipping, rescheduled, reported again after delivery) run through two services: one
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
