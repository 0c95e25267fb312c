/**
 * `shipment.delivered` and `shipment.late` on DynamoDB Local: each announced once per
 * shipment, with the shipment as GET /v1/shipments/{id} answers it; late found by the daily
 * pass when days pass with no write; and a Worker killed between the event's commit and its
 * announce loses nothing: the cron's pass finds the delivery by its mark, the lateness in
 * the late view.
 */
import { describe, expect, it } from 'vitest';
import type { ShipmentEvent, ShipmentFacts } from '../../src/domain/shipment';
import { orderInputExample } from '../../src/schemas/shipment.examples';
import {
  createShipmentAnnouncer,
  runShipmentAnnouncements,
  shipmentEventId,
  shipmentReader,
  type ShipmentAnnouncer,
} from '../../src/services/shipment-announcements';
import { createShipmentService } from '../../src/services/shipments';
import { createWebhookEndpointService } from '../../src/services/webhook-endpoints';
import { createOutbox, type Outbox } from '../../src/services/webhook-outbox';
import type { OutboundEvent } from '../../src/webhooks/types';
import { freshStorage } from '../storage/helpers';
import { keepingQueue, movableClock, webhookDeps } from './webhook-helpers';

const shopId = 'shop-ship-hooks';
const shop = { keyId: 'k', role: 'shop', shopId } as const;
const at = (date: string, hour = 12) => `${date}T${String(hour).padStart(2, '0')}:00:00+03:00`;
const status = (eventId: string, s: ShipmentEvent['status'], when: string) =>
  ({ eventId, status: s, at: when }) as ShipmentEvent;

/**
 * A fresh table (the late pass keeps one cursor a table), a shop with an endpoint for the
 * shipment events, an order (promised 5 June 2025), the service with its announcer.
 */
async function setUp(start = '2025-06-03T09:00:00.000Z') {
  const storage = await freshStorage();
  const time = movableClock(start);
  const engine = webhookDeps(storage.webhooks, keepingQueue().queue, time.clock);
  await createWebhookEndpointService(engine).create(shopId, {
    url: 'http://127.0.0.1:9/hooks',
    events: ['shipment.delivered', 'shipment.late'],
  });
  const inner = createOutbox(engine);
  const recorded: OutboundEvent[] = [];
  const outbox: Outbox = {
    async announce(event, options) {
      const result = await inner.announce(event, options);
      if (result.recorded) recorded.push(event);
      return result;
    },
  };
  const deps = { storage, clock: time.clock, outbox, log: () => undefined };
  const { announcer } = createShipmentAnnouncer(deps);
  const serviceWith = (a: ShipmentAnnouncer) =>
    createShipmentService({ storage, clock: time.clock, announcer: a });
  /** An announcer killed after the commit: the mark is put, nothing is announced. */
  const killed: ShipmentAnnouncer = { ...announcer, afterEvent: () => Promise.resolve() };
  const shipments = serviceWith(announcer);
  const ids = ['S-1', 'S-2', 'S-3'];
  await shipments.putOrder(shop, 'O-1', {
    ...orderInputExample,
    shipments: ids.map((shipmentId, i) => ({
      ...template,
      shipmentId,
      waybill: `12345678${i}0`,
    })),
  });
  const read = shipmentReader(deps);
  const tick = () => runShipmentAnnouncements(deps);
  const of = (type: string) => recorded.filter((e) => e.type === type).map((e) => e.id);
  return {
    storage,
    time,
    deps,
    shipments,
    crashing: serviceWith(killed),
    recorded,
    read,
    tick,
    of,
  };
}

const day = 86_400;
const template: ShipmentFacts = orderInputExample.shipments[0]!;

describe('shipment events', () => {
  it('announces a delivery once, with the shipment as its route answers it', async () => {
    const { shipments, recorded, read, tick, of, storage } = await setUp();
    await shipments.recordEvent(shop, 'S-1', status('a', 'in_transit', at('2025-06-03', 8)));
    expect(recorded).toEqual([]);
    await shipments.recordEvent(shop, 'S-1', status('d0', 'delivered', at('2025-06-03', 9)));
    expect(of('shipment.delivered')).toEqual([shipmentEventId(shopId, 'S-1', 'delivered')]);
    const event = recorded[0];
    const answered = JSON.parse(JSON.stringify(await read(shopId, 'S-1'))) as {
      version: number;
    };
    expect(event?.data).toEqual(answered);
    // Ten more reports of the delivery at once (resends and other ids): still one event.
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        shipments.recordEvent(shop, 'S-1', status(`d${i % 3}`, 'delivered', at('2025-06-03', 9))),
      ),
    );
    expect(of('shipment.delivered')).toHaveLength(1);
    expect(event).toMatchObject({
      timestamp: '2025-06-03T09:00:00+03:00',
      subject: { kind: 'shipment', id: 'S-1', sequence: answered.version },
      data: { status: 'delivered', lateness: { late: false } },
    });
    expect(of('shipment.late')).toEqual([]);
    // Every mark cleared; the cron's tick finds nothing more.
    expect(await storage.shipmentAnnouncements.deliveryMarks(10)).toEqual([]);
    await tick();
    expect(recorded).toHaveLength(1);
  }, 60_000);

  it('finds a shipment late once when days pass with no write, then its late delivery', async () => {
    const { shipments, time, tick, of, recorded } = await setUp();
    await shipments.recordEvent(shop, 'S-1', status('a', 'in_transit', at('2025-06-03', 8)));
    expect((await tick()).late).toBe(0);
    // 10 June: three business days past the 5 June promise, nothing written since.
    time.advance(7 * day);
    const report = await tick();
    expect(report).toMatchObject({ failed: 0, latePassDone: true });
    expect(of('shipment.late').sort()).toEqual(
      ['S-1', 'S-2', 'S-3'].map((id) => shipmentEventId(shopId, id, 'late')).sort(),
    );
    const late = recorded.find((e) => e.id === shipmentEventId(shopId, 'S-1', 'late'));
    expect(late).toMatchObject({
      timestamp: time.clock().toISOString(),
      data: { shipmentId: 'S-1', lateness: { late: true } },
    });
    expect(
      (late?.data as { lateness: { amount: { amount: string } } }).lateness.amount.amount,
    ).not.toBe('0.00');
    // The same day's pass is done; the next day's reads the view again and finds them told.
    expect(await tick()).toMatchObject({ late: 0, latePassDone: true });
    time.advance(day);
    expect(await tick()).toMatchObject({ late: 3, failed: 0 });
    // The late delivery: delivered is announced, late is not again.
    await shipments.recordEvent(shop, 'S-1', status('d', 'delivered', at('2025-06-11', 9)));
    expect(of('shipment.delivered')).toEqual([shipmentEventId(shopId, 'S-1', 'delivered')]);
    expect(of('shipment.late')).toHaveLength(3);
  }, 60_000);

  it('a Worker killed between the commit and the announce: the cron pass finds both', async () => {
    const { crashing, shipments, time, tick, of, storage } = await setUp(
      '2025-06-09T09:00:00.000Z',
    );
    // Delivered late (9 June, promised the 5th), and S-2 reported late in transit: the writes
    // commit, the announces never happen.
    await crashing.recordEvent(shop, 'S-1', status('d', 'delivered', at('2025-06-09', 9)));
    await crashing.recordEvent(shop, 'S-2', status('a', 'in_transit', at('2025-06-09', 9)));
    expect(of('shipment.delivered')).toEqual([]);
    expect(of('shipment.late')).toEqual([]);
    expect(await storage.shipmentAnnouncements.deliveryMarks(10)).toHaveLength(1);
    await tick();
    expect(of('shipment.delivered')).toEqual([shipmentEventId(shopId, 'S-1', 'delivered')]);
    expect(of('shipment.late').sort()).toEqual(
      ['S-1', 'S-2', 'S-3'].map((id) => shipmentEventId(shopId, id, 'late')).sort(),
    );
    expect(await storage.shipmentAnnouncements.deliveryMarks(10)).toEqual([]);
    // A resend of the delivery after the crash announces nothing twice.
    await shipments.recordEvent(shop, 'S-1', status('d', 'delivered', at('2025-06-09', 9)));
    time.advance(day);
    await tick();
    expect(of('shipment.delivered')).toHaveLength(1);
    expect(of('shipment.late')).toHaveLength(3);
  }, 60_000);

  it('a delivery refused by the rules leaves a mark the pass clears once stale', async () => {
    const { shipments, time, tick, of, storage } = await setUp();
    // Dated more than a day ahead of the clock: refused, nothing written; the mark stays.
    await expect(
      shipments.recordEvent(shop, 'S-1', status('d', 'delivered', at('2025-06-06', 9))),
    ).rejects.toThrow();
    expect(await storage.shipmentAnnouncements.deliveryMarks(10)).toHaveLength(1);
    await tick();
    expect(await storage.shipmentAnnouncements.deliveryMarks(10)).toHaveLength(1);
    time.advance(16 * 60);
    await tick();
    expect(await storage.shipmentAnnouncements.deliveryMarks(10)).toEqual([]);
    expect(of('shipment.delivered')).toEqual([]);
  }, 60_000);

  it('announces after the answer when given the request’s waitUntil, and the mark waits for it', async () => {
    const { storage, time, deps, of } = await setUp();
    const held: (() => Promise<void>)[] = [];
    const { announcer } = createShipmentAnnouncer({
      ...deps,
      defer: () => (work) => void held.push(work),
    });
    const shipments = createShipmentService({ storage, clock: time.clock, announcer });
    await shipments.recordEvent(shop, 'S-1', status('d', 'delivered', at('2025-06-03', 10)));
    // Answered: nothing announced yet, the work handed on, the mark kept until it runs.
    expect(of('shipment.delivered')).toEqual([]);
    expect(held).toHaveLength(1);
    expect(await storage.shipmentAnnouncements.deliveryMarks(10)).toHaveLength(1);
    await held[0]!();
    expect(of('shipment.delivered')).toEqual([shipmentEventId(shopId, 'S-1', 'delivered')]);
    expect(await storage.shipmentAnnouncements.deliveryMarks(10)).toEqual([]);
  }, 60_000);
});
