/**
 * The daily reconciliation against a local stand-in for CDEK's API and DynamoDB Local: a shop
 * with open shipments gets what the hooks missed (source `reconciliation`), a shipment heard
 * of within the day and a delivered one are not read, a second run the same day reads nothing,
 * refused credentials are marked, and a run's bound is resumed by the next run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCdekWebhook } from '../../src/carriers/cdek';
import type { Principal } from '../../src/services/actor';
import { createCarrierAccountService } from '../../src/services/carrier-accounts';
import { cdekConnector } from '../../src/services/carrier-connector';
import { createCarrierEventService } from '../../src/services/carrier-events';
import { runReconciliation } from '../../src/services/carrier-reconciliation';
import { createShipmentService } from '../../src/services/shipments';
import { freshStorage } from '../storage/helpers';
import { startCdekStandIn, type CdekStandIn } from '../support/cdek-stand-in';

const SECRET = 'a carrier secret of at least thirty-two characters';
let cdek: CdekStandIn;
let now = new Date('2026-03-06T09:00:00Z');
const clock = () => now;

beforeAll(async () => {
  cdek = await startCdekStandIn();
});
afterAll(() => cdek.close());

/** A CDEK order entity with the given statuses (newest first, as CDEK lists them). */
const orderEntity = (cdekNumber: string, statuses: [code: string, at: string][]) => ({
  uuid: `7275303${cdekNumber.slice(-1)}-1820-4f99-9240-aab139f05ca5`,
  cdek_number: cdekNumber,
  number: `O-${cdekNumber}`,
  statuses: statuses.map(([code, date_time]) => ({ code, name: code, date_time, city: 'Москва' })),
});

/** Everything a shop's reconciliation runs on, on a table of its own. */
async function setUp(options: { maxSubrequests?: number } = {}) {
  const storage = await freshStorage();
  const shipments = createShipmentService({ storage, clock });
  const carrierEvents = createCarrierEventService({ storage, clock, shipments, log: () => {} });
  const connector = cdekConnector({ baseUrl: cdek.baseUrl, clock });
  const accounts = createCarrierAccountService({ storage, clock, secret: SECRET, connector });
  const run = () =>
    runReconciliation({
      storage,
      clock,
      secret: SECRET,
      connector,
      ingest: (shopId, notices) => carrierEvents.ingest(shopId, notices),
      ...options,
    });
  return { storage, shipments, carrierEvents, accounts, run };
}

type World = Awaited<ReturnType<typeof setUp>>;

/** The shop's order: one shipment per waybill (CDEK, due 10 March). */
async function order(world: World, shop: Principal, waybills: string[]) {
  await world.shipments.putOrder(shop, `O-${waybills[0]}`, {
    placedAt: '2026-03-01T10:00:00+03:00',
    customer: { name: 'Анна Петрова', email: 'anna@example.com', phone: '+7 900 000-00-00' },
    b2b: false,
    shipments: waybills.map((waybill) => ({
      shipmentId: `S-${waybill}`,
      carrier: 'cdek',
      waybill,
      packages: [{ lengthCm: '40', widthCm: '30', heightCm: '20', weightKg: '2.5' }],
      packaging: [],
      deliveryCost: { amount: '500.00', currency: 'RUB' },
      deliveryPaid: true,
      shippedDate: '2026-03-02',
      promisedDate: '2026-03-10',
    })),
  });
}

const ordersRead = (from: number) =>
  cdek.requests
    .slice(from)
    .filter((r) => r.path === '/v2/orders')
    .map((r) => r.query.cdek_number);

describe('the daily reconciliation', () => {
  it('reads the open shipments not heard of for a day, records what they missed, once a day', async () => {
    const world = await setUp();
    const shop: Principal = { keyId: 'k1', role: 'shop', shopId: 'shop-daily' };
    await world.accounts.put(shop, 'cdek', {
      clientId: cdek.clientId,
      clientSecret: cdek.clientSecret,
    });
    await order(world, shop, ['1000000001', '1000000002', '1000000003']);
    // 1: heard of an hour before the run, by a hook.
    now = new Date('2026-03-07T08:00:00Z');
    const hook = readCdekWebhook(
      {
        type: 'ORDER_STATUS',
        date_time: '2026-03-07T10:00:00+0300',
        uuid: orderEntity('1000000001', []).uuid,
        attributes: {
          cdek_number: '1000000001',
          code: 'RECEIVED_AT_SHIPMENT_WAREHOUSE',
          status_date_time: '2026-03-07T10:00:00+0300',
        },
      },
      { source: 'cdek_hook' },
    );
    expect(hook.kind).toBe('notices');
    if (hook.kind !== 'notices') return;
    expect((await world.carrierEvents.ingest('shop-daily', hook.notices))[0]?.outcome).toBe(
      'applied',
    );
    // 3: delivered (through the API): out of the watch.
    await world.shipments.recordEvent(shop, 'S-1000000003', {
      eventId: 'd',
      status: 'delivered',
      at: '2026-03-05T12:00:00+03:00',
    });
    // 2: CDEK knows two statuses nobody told us.
    cdek.setOrder(
      '1000000002',
      orderEntity('1000000002', [
        ['SENT_TO_TRANSIT_CITY', '2026-03-04T18:30:00+0700'],
        ['RECEIVED_AT_SHIPMENT_WAREHOUSE', '2026-03-02T15:00:00+0700'],
      ]),
    );
    cdek.setOrder(
      '1000000001',
      orderEntity('1000000001', [['DELIVERED', '2026-03-07T08:30:00+0300']]),
    );
    cdek.setOrder(
      '1000000003',
      orderEntity('1000000003', [['DELIVERED', '2026-03-05T12:00:00+0300']]),
    );
    now = new Date('2026-03-07T09:00:00Z');
    const from = cdek.requests.length;
    const report = await world.run();
    expect(ordersRead(from)).toEqual(['1000000002']);
    expect(report).toMatchObject({
      day: '2026-03-07',
      accounts: 1,
      shopsFinished: 1,
      shipmentsRead: 1,
      shipmentsRecent: 1,
      notices: 2,
      outcomes: { applied: 2 },
      stopped: 'done',
    });
    const missed = await world.shipments.getShipment(shop, 'S-1000000002');
    expect(missed.events.map((e) => [e.status, e.source])).toEqual([
      ['handed_to_delivery', 'reconciliation'],
      ['in_transit', 'reconciliation'],
    ]);
    expect((await world.accounts.get(shop, 'cdek')).reconciledOn).toBe('2026-03-07');
    // The same day again: nothing read.
    const again = cdek.requests.length;
    now = new Date('2026-03-07T15:00:00Z');
    expect((await world.run()).shipmentsRead).toBe(0);
    expect(ordersRead(again)).toEqual([]);
    // The next day: 2 was heard of by the reconciliation itself less than a day ago; 1 is read.
    now = new Date('2026-03-08T08:30:00Z');
    const next = cdek.requests.length;
    const third = await world.run();
    expect(ordersRead(next)).toEqual(['1000000001']);
    expect(third.outcomes).toEqual({ applied: 1 });
  });

  it('marks credentials CDEK refuses, shows it, and skips the shop until new ones come', async () => {
    const world = await setUp();
    const shop: Principal = { keyId: 'k2', role: 'shop', shopId: 'shop-refused' };
    now = new Date('2026-03-06T09:00:00Z');
    await world.accounts.put(shop, 'cdek', {
      clientId: cdek.clientId,
      clientSecret: cdek.clientSecret,
    });
    await order(world, shop, ['2000000001']);
    // CDEK stops taking them (the shop made new keys in its CDEK account).
    cdek.failNext('/v2/oauth/token', { status: 401, body: { error: 'invalid_client' } });
    const report = await world.run();
    expect(report).toMatchObject({ shopsRefused: 1, shipmentsRead: 0 });
    const shown = await world.accounts.get(shop, 'cdek');
    expect(shown.refusedAt).toBe('2026-03-06T09:00:00.000Z');
    now = new Date('2026-03-07T09:00:00Z');
    const from = cdek.requests.length;
    expect((await world.run()).accounts).toBe(0);
    expect(cdek.requests.length).toBe(from);
    // New credentials: the refusal is forgotten, the shop is read again.
    await world.accounts.put(shop, 'cdek', {
      clientId: cdek.clientId,
      clientSecret: cdek.clientSecret,
    });
    expect((await world.accounts.get(shop, 'cdek')).refusedAt).toBeUndefined();
    now = new Date('2026-03-08T09:00:00Z');
    expect((await world.run()).shipmentsRead).toBe(1);
  });

  it('stops at its bound and goes on where it stopped on the next run', async () => {
    // Room for the first reads only: each run reads a few, the next one goes on.
    const world = await setUp({ maxSubrequests: 70 });
    const shop: Principal = { keyId: 'k3', role: 'shop', shopId: 'shop-bound' };
    now = new Date('2026-03-06T09:00:00Z');
    await world.accounts.put(shop, 'cdek', {
      clientId: cdek.clientId,
      clientSecret: cdek.clientSecret,
    });
    const waybills = Array.from({ length: 5 }, (_, i) => `300000000${i}`);
    await order(world, shop, waybills);
    const read: string[] = [];
    let runs = 0;
    for (; runs < 10; runs++) {
      const from = cdek.requests.length;
      const report = await world.run();
      read.push(...ordersRead(from).flatMap((n) => n ?? []));
      if (report.stopped === 'done') break;
      expect(report.stopped).toBe('budget');
    }
    expect(runs).toBeGreaterThan(1);
    expect(read.sort()).toEqual(waybills);
    expect((await world.accounts.get(shop, 'cdek')).reconciledOn).toBe('2026-03-06');
  });
});
