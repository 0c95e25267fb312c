/**
 * Carrier events and the late listing through the Worker, on DynamoDB Local (today is
 * pinned to 2025-06-16: test/http/worker.ts).
 */
import { describe, expect, it } from 'vitest';
import { seedKey, seedShop } from './claims-helpers';
import { call, fieldErrorsOf, rub } from './helpers';
import { postEvent, putOrderOk, shipmentBody } from './shipments-helpers';

type Lateness = { businessDaysLate: number; amount: { amount: string }; delivered: boolean };
type Shipment = {
  shipmentId: string;
  shopId: string;
  status: string;
  version: number;
  events: { eventId: string }[];
  lateness: Lateness | null;
  deadline: { promisedDate: string; deadline: string; lines: { text: string }[] };
  remeasurement?: { difference: { amount: string }; lines: { key: string; text: string }[] };
  charges: { items: { amount: { amount: string } }[] };
};
type EventAnswer = { duplicate: boolean; shipment: Shipment };
const at = (date: string) => `${date}T12:00:00+03:00`;

describe('POST /v1/shipments/{shipmentId}/events', () => {
  it('ignores a resent event id, and takes the status of the latest `at`', async () => {
    const shop = await seedShop();
    await putOrderOk(shop.auth, 'O-1', [shipmentBody('S-1')]);
    const late = await postEvent(shop.auth, 'S-1', {
      eventId: 'e2',
      status: 'in_transit',
      at: at('2025-06-04'),
    });
    expect((late.body as unknown as EventAnswer).shipment.status).toBe('in_transit');
    const early = await postEvent(shop.auth, 'S-1', {
      eventId: 'e1',
      status: 'handed_to_delivery',
      at: at('2025-06-02'),
    });
    const after = (early.body as unknown as EventAnswer).shipment;
    expect(after.status).toBe('in_transit');
    expect(after.events.map((e) => e.eventId)).toEqual(['e1', 'e2']);
    const resent = await postEvent(shop.auth, 'S-1', {
      eventId: 'e1',
      status: 'delivered',
      at: at('2025-06-05'),
    });
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({
      duplicate: true,
      shipment: { status: 'in_transit', version: after.version },
    });
    // A routine report resent (appended with no read, so refused by storage): the same answer.
    const routineAgain = await postEvent(shop.auth, 'S-1', {
      eventId: 'e2',
      status: 'in_transit',
      at: at('2025-06-04'),
    });
    expect(routineAgain.body).toMatchObject({
      duplicate: true,
      shipment: { status: 'in_transit', version: after.version },
    });
  });

  it('explains a re-measurement and charges what the carrier charged', async () => {
    const shop = await seedShop();
    await putOrderOk(shop.auth, 'O-2', [shipmentBody('S-2')]);
    const a = await postEvent(shop.auth, 'S-2', {
      eventId: 'm',
      status: 'remeasured',
      at: at('2025-06-03'),
      packages: [{ lengthCm: '50', widthCm: '40', heightCm: '30', weightKg: '2.5' }],
      charged: rub('620.00'),
    });
    expect(a.status, a.text).toBe(200);
    const { shipment } = a.body as unknown as EventAnswer;
    expect(shipment.remeasurement?.difference.amount).toBe('120.00');
    expect(shipment.remeasurement?.lines.map((l) => l.key)).toEqual([
      'remeasure.weights',
      'remeasure.package',
      'remeasure.charge',
    ]);
    expect(shipment.charges.items[0]?.amount.amount).toBe('620.00');
  });

  it('shows a reschedule but keeps the deadline at the date first promised', async () => {
    const shop = await seedShop();
    await putOrderOk(shop.auth, 'O-3', [shipmentBody('S-3')]);
    const a = await postEvent(shop.auth, 'S-3', {
      eventId: 'r',
      status: 'rescheduled',
      at: at('2025-06-04'),
      promisedDate: '2025-06-10',
      reason: 'courier_late',
    });
    const { deadline } = (a.body as unknown as EventAnswer).shipment;
    expect(deadline).toMatchObject({ promisedDate: '2025-06-05', deadline: '2025-06-05' });
    expect(deadline.lines[0]?.text).toContain('2025-06-10 (courier_late)');
  });

  it('refuses a bad event, naming the field', async () => {
    const shop = await seedShop();
    await putOrderOk(shop.auth, 'O-4', [shipmentBody('S-4')]);
    const noOffset = await postEvent(shop.auth, 'S-4', {
      eventId: 'x',
      status: 'delivered',
      at: '2025-06-05T10:00:00',
    });
    expect(noOffset.status).toBe(422);
    expect(fieldErrorsOf(noOffset)[0]).toMatchObject({ pointer: '/at' });
    const early = await postEvent(shop.auth, 'S-4', {
      eventId: 'y',
      status: 'delivered',
      at: at('2025-06-01'),
    });
    expect(early.status).toBe(422);
    expect(fieldErrorsOf(early)[0]).toMatchObject({ pointer: '/at' });
    const unknown = await postEvent(shop.auth, 'S-404', {
      eventId: 'z',
      status: 'delivered',
      at: at('2025-06-05'),
    });
    expect(unknown.status).toBe(404);
    // A routine report takes the path with no read: the same checks, the same answers.
    const routineNoOffset = await postEvent(shop.auth, 'S-4', {
      eventId: 'r',
      status: 'in_transit',
      at: '2025-06-05T10:00:00',
    });
    expect(routineNoOffset.status).toBe(422);
    expect(fieldErrorsOf(routineNoOffset)[0]).toMatchObject({ pointer: '/at' });
    const routineUnknown = await postEvent(shop.auth, 'S-404', {
      eventId: 'r',
      status: 'in_transit',
      at: at('2025-06-05'),
    });
    expect(routineUnknown.status).toBe(404);
    expect(routineUnknown.headers.get('content-type')).toContain('application/problem+json');
  });

  it('records 50 different events sent at once on one shipment, each once, none refused', async () => {
    const shop = await seedShop();
    await putOrderOk(shop.auth, 'O-50', [shipmentBody('S-50')]);
    const ids = Array.from({ length: 50 }, (_, i) => `burst-${i}`);
    const answers = await Promise.all(
      ids.map((eventId, i) =>
        postEvent(shop.auth, 'S-50', {
          eventId,
          status: 'in_transit',
          at: `2025-06-03T10:${String(i).padStart(2, '0')}:00+03:00`,
        }),
      ),
    );
    // Distinct events never conflict: no 409 (about a claim or anything else), no 503.
    expect(answers.filter((a) => a.status !== 200).map((a) => a.text)).toEqual([]);
    expect(answers.every((a) => (a.body as unknown as EventAnswer).duplicate === false)).toBe(true);
    const got = await call('GET', '/v1/shipments/S-50', undefined, shop.auth);
    const stored = got.body as unknown as Shipment;
    expect(stored.events.map((e) => e.eventId).sort()).toEqual([...ids].sort());
    expect(stored.version).toBe(51);
  }, 120_000);
});

describe('GET /v1/shipments?late=true', () => {
  it('lists the shop’s late shipments with the late calculator’s figures as of today', async () => {
    const shop = await seedShop();
    await putOrderOk(shop.auth, 'O-5', [
      shipmentBody('open-late'),
      shipmentBody('delivered-late'),
      shipmentBody('on-time'),
      shipmentBody('not-due', { promisedDate: '2025-06-20' }),
      shipmentBody('cancelled'),
    ]);
    await postEvent(shop.auth, 'delivered-late', {
      eventId: 'd',
      status: 'delivered',
      at: at('2025-06-09'),
    });
    await postEvent(shop.auth, 'on-time', {
      eventId: 'd',
      status: 'delivered',
      at: at('2025-06-05'),
    });
    await postEvent(shop.auth, 'cancelled', {
      eventId: 'c',
      status: 'cancelled',
      at: at('2025-06-03'),
    });

    const a = await call('GET', '/v1/shipments?late=true', undefined, shop.auth);
    expect(a.status, a.text).toBe(200);
    expect(a.headers.get('cache-control')).toBe('no-store');
    const items = (a.body as { items: Shipment[] }).items;
    expect(items.map((s) => s.shipmentId).sort()).toEqual(['delivered-late', 'open-late']);

    const calculator = await call('POST', '/v1/compensation/late', {
      deliveryCost: rub('500.00'),
      shippedDate: '2025-06-02',
      promisedDate: '2025-06-05',
      asOf: '2025-06-16',
    });
    const open = items.find((s) => s.shipmentId === 'open-late')?.lateness;
    expect(open).toMatchObject({
      delivered: false,
      businessDaysLate: calculator.body.businessDaysLate,
      amount: calculator.body.amount,
    });
    const delivered = items.find((s) => s.shipmentId === 'delivered-late')?.lateness;
    expect(delivered).toMatchObject({ delivered: true, businessDaysLate: 2 });
  });

  it('pages with a cursor, and lets a clerk list one shop’s', async () => {
    const shop = await seedShop();
    const clerk = await seedKey('clerk');
    await putOrderOk(shop.auth, 'O-6', [
      shipmentBody('a', { promisedDate: '2025-06-03' }),
      shipmentBody('b', { promisedDate: '2025-06-04' }),
      shipmentBody('c', { promisedDate: '2025-06-05' }),
    ]);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const query = `late=true&shopId=${shop.shopId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await call('GET', `/v1/shipments?${query}`, undefined, clerk.auth);
      expect(page.status, page.text).toBe(200);
      const body = page.body as { items: Shipment[]; nextCursor?: string };
      seen.push(...body.items.map((s) => s.shipmentId));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('refuses a listing without late=true, and a shop naming another shop', async () => {
    const shop = await seedShop();
    const plain = await call('GET', '/v1/shipments', undefined, shop.auth);
    expect(plain.status).toBe(422);
    expect(fieldErrorsOf(plain)[0]).toMatchObject({ parameter: 'late' });
    const other = await call(
      'GET',
      '/v1/shipments?late=true&shopId=someone-else',
      undefined,
      shop.auth,
    );
    expect(other.status).toBe(422);
    expect(fieldErrorsOf(other)[0]).toMatchObject({ parameter: 'shopId' });
  });
});
