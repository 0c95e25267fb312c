/**
 * The carrier event service on DynamoDB Local: notices matched by waybill, else by the order's
 * one shipment; what no shipment takes (or the rules refuse) kept, listed, and applied when an
 * order brings its parcel; the race between an event and the order that brings its parcel,
 * run as many concurrent pairs, never leaves an event behind.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CarrierNotice } from '../../src/carriers/types';
import { orderInputExample } from '../../src/schemas/shipment.examples';
import type { Principal } from '../../src/services/actor';
import {
  createCarrierEventService,
  type CarrierEventService,
} from '../../src/services/carrier-events';
import { createShipmentService, type ShipmentService } from '../../src/services/shipments';
import type { Storage } from '../../src/storage/repository';
import { freshStorage } from '../storage/helpers';

const clock = () => new Date('2025-06-16T09:00:00.000Z');
let storage: Storage;
let shipments: ShipmentService;
let events: CarrierEventService;
const logged: Record<string, unknown>[] = [];

beforeAll(async () => {
  storage = await freshStorage();
  shipments = createShipmentService({
    storage,
    clock,
    arrivals: (shopId, parcels) => events.applyKept(shopId, parcels),
  });
  events = createCarrierEventService({ storage, clock, shipments, log: (l) => logged.push(l) });
});

const shop = (shopId: string): Principal => ({ keyId: `k-${shopId}`, role: 'shop', shopId });
const [template] = orderInputExample.shipments;
/** A one-or-more-shipment order of the shop (the example's facts), waybills as given. */
const putOrder = (shopId: string, orderId: string, waybills: (string | undefined)[]) => {
  const { waybill: _w, ...bare } = template!;
  return shipments.putOrder(shop(shopId), orderId, {
    ...orderInputExample,
    shipments: waybills.map((waybill, i) => ({
      ...bare,
      shipmentId: `${orderId}-${i + 1}`,
      ...(waybill === undefined ? {} : { waybill }),
    })),
  });
};
const notice = (
  eventId: string,
  parcel: { waybill?: string; orderNumber?: string },
  at = '2025-06-03T01:30:00+07:00',
): CarrierNotice => ({
  carrier: 'cdek',
  ...parcel,
  event: {
    eventId,
    status: 'in_transit',
    at,
    source: 'cdek_hook',
    carrierStatus: { code: 'SENT_TO_TRANSIT_CITY' },
  },
});
const eventsOf = async (shopId: string, shipmentId: string) =>
  (await shipments.getShipment(shop(shopId), shipmentId)).events.map((e) => e.eventId);

describe('ingesting carrier notices', () => {
  it('applies by waybill, once however often it is sent, keeping the source and local day', async () => {
    await putOrder('s1', 'O-1', ['W-1']);
    const [first] = await events.ingest('s1', [notice('e1', { waybill: 'W-1' })]);
    expect(first).toEqual({ eventId: 'e1', outcome: 'applied', shipmentId: 'O-1-1' });
    const again = await Promise.all(
      Array.from({ length: 10 }, () => events.ingest('s1', [notice('e1', { waybill: 'W-1' })])),
    );
    expect(again.flat().map((r) => r.outcome)).toEqual(Array(10).fill('duplicate'));
    const shipment = await shipments.getShipment(shop('s1'), 'O-1-1');
    expect(shipment.events).toEqual([notice('e1', {}).event]);
    expect(shipment.status).toBe('in_transit');
    // Another shop's waybill is not this shop's.
    const [foreign] = await events.ingest('s2', [notice('e1', { waybill: 'W-1' })]);
    expect(foreign?.outcome).toBe('unmatched');
  });

  it('applies by the order id when the order has one shipment it can be for, else keeps it as ambiguous', async () => {
    await putOrder('s3', 'O-3', [undefined]);
    const [byOrder] = await events.ingest('s3', [
      notice('e3', { waybill: 'W-3', orderNumber: 'O-3' }),
    ]);
    expect(byOrder).toEqual({ eventId: 'e3', outcome: 'applied', shipmentId: 'O-3-1' });
    await putOrder('s3', 'O-4', [undefined, undefined]);
    const [two] = await events.ingest('s3', [notice('e4', { waybill: 'W-4', orderNumber: 'O-4' })]);
    expect(two).toEqual({ eventId: 'e4', outcome: 'unmatched', reason: 'ambiguous' });
    const page = await events.listUnmatched(shop('s3'), { limit: 10 });
    expect(page.items.map((e) => [e.eventId, e.reason, e.waybill, e.orderNumber])).toEqual([
      ['e4', 'ambiguous', 'W-4', 'O-4'],
    ]);
  });

  it('keeps what the rules refuse, with why, and answers a resend as a duplicate', async () => {
    await putOrder('s5', 'O-5', ['W-5']);
    // Two days before the order was placed (1 June).
    const early = notice('e5', { waybill: 'W-5' }, '2025-05-30T10:00:00+03:00');
    const [refused] = await events.ingest('s5', [early]);
    expect(refused).toMatchObject({ eventId: 'e5', outcome: 'refused', shipmentId: 'O-5-1' });
    expect(refused?.reason).toMatch(/^refused: date_order: /);
    expect((await events.ingest('s5', [early]))[0]?.outcome).toBe('duplicate');
    expect(await eventsOf('s5', 'O-5-1')).toEqual([]);
    const [kept] = (await events.listUnmatched(shop('s5'), { limit: 10 })).items;
    expect(kept).toMatchObject({ eventId: 'e5', waybill: 'W-5', event: early.event });
    expect(kept?.reason).toMatch(/^refused: date_order: /);
  });

  it('keeps an event for a parcel not known yet, and applies it when an order brings the waybill', async () => {
    const [kept] = await events.ingest('s6', [notice('e6', { waybill: 'W-6' })]);
    expect(kept).toEqual({ eventId: 'e6', outcome: 'unmatched', reason: 'no_shipment' });
    expect((await events.ingest('s6', [notice('e6', { waybill: 'W-6' })]))[0]?.outcome).toBe(
      'duplicate',
    );
    // An order without the waybill takes nothing; the replace that brings it applies it.
    await putOrder('s6', 'O-6', [undefined]);
    expect(await eventsOf('s6', 'O-6-1')).toEqual([]);
    const { order } = await putOrder('s6', 'O-6', ['W-6']);
    expect(order.shipments[0]?.events.map((e) => e.eventId)).toEqual(['e6']);
    expect((await events.listUnmatched(shop('s6'), { limit: 10 })).items).toEqual([]);
    expect(await storage.unmatchedEvents.ofParcel('s6', { waybill: 'W-6' })).toEqual([]);
  });

  it('applies an event naming only the order when the order is created', async () => {
    await events.ingest('s7', [notice('e7', { orderNumber: 'O-7' })]);
    const { order } = await putOrder('s7', 'O-7', ['W-7']);
    expect(order.shipments[0]?.events.map((e) => e.eventId)).toEqual(['e7']);
  });

  it('never leaves an event behind when it races the order that brings its parcel (40 pairs)', async () => {
    const pairs = Array.from({ length: 40 }, (_, i) => i);
    // Each side after a random pause, so that every interleaving comes up.
    const later = <T>(work: () => Promise<T>) =>
      new Promise((done) => setTimeout(done, Math.random() * 30)).then(work);
    await Promise.all(
      pairs.flatMap((i) => [
        later(() => events.ingest('s8', [notice(`race-${i}`, { waybill: `RW-${i}` })])),
        later(() => putOrder('s8', `RO-${i}`, [`RW-${i}`])),
      ]),
    );
    for (const i of pairs) expect(await eventsOf('s8', `RO-${i}-1`)).toEqual([`race-${i}`]);
    for (const i of pairs) {
      expect(await storage.unmatchedEvents.ofParcel('s8', { waybill: `RW-${i}` })).toEqual([]);
    }
  }, 60_000);

  it('finds the parcel of a notice naming only the carrier’s order by an earlier notice naming both', async () => {
    await putOrder('s10', 'O-10', ['W-10']);
    const uuidOnly = (eventId: string) => ({ ...notice(eventId, {}), carrierOrderId: 'uuid-10' });
    // Before any notice named the order: kept under its id alone.
    expect((await events.ingest('s10', [uuidOnly('m1')]))[0]).toEqual({
      eventId: 'm1',
      outcome: 'unmatched',
      reason: 'no_shipment',
    });
    // A notice naming both: applied, and what was kept under the order id with it.
    const both = { ...notice('e10', { waybill: 'W-10' }), carrierOrderId: 'uuid-10' };
    expect((await events.ingest('s10', [both]))[0]?.outcome).toBe('applied');
    expect((await eventsOf('s10', 'O-10-1')).sort()).toEqual(['e10', 'm1']);
    // From now on the order id alone finds it.
    expect((await events.ingest('s10', [uuidOnly('m2')]))[0]).toEqual({
      eventId: 'm2',
      outcome: 'applied',
      shipmentId: 'O-10-1',
    });
    expect(await storage.unmatchedEvents.ofParcel('s10', { carrierOrderId: 'uuid-10' })).toEqual(
      [],
    );
  });

  it('keeps a carrier-order-only notice under the waybill it stands for, for the order that brings it', async () => {
    const both = { ...notice('e11', { waybill: 'W-11' }), carrierOrderId: 'uuid-11' };
    const uuidOnly = { ...notice('m11', {}), carrierOrderId: 'uuid-11' };
    await events.ingest('s11', [both, uuidOnly]);
    const { order } = await putOrder('s11', 'O-11', ['W-11']);
    expect(order.shipments[0]?.events.map((e) => e.eventId).sort()).toEqual(['e11', 'm11']);
  });

  it('lists a shop’s kept events for the shop itself, and for a clerk naming it', async () => {
    await events.ingest('s9', [notice('e9', { waybill: 'W-9' })]);
    const clerk: Principal = { keyId: 'clerk-1', role: 'clerk' };
    expect((await events.listUnmatched(clerk, { shopId: 's9', limit: 5 })).items).toHaveLength(1);
    await expect(events.listUnmatched(clerk, { limit: 5 })).rejects.toMatchObject({
      code: 'filter-not-allowed',
    });
    await expect(
      events.listUnmatched(shop('s9'), { shopId: 's1', limit: 5 }),
    ).rejects.toMatchObject({
      code: 'filter-not-allowed',
    });
  });
});
