/**
 * What a client says happened cannot lie ahead of the server's clock, nor before what it
 * belongs to began, each by more than a day (issue 19, item 1): carrier events (`at`),
 * orders (`placedAt`), claims (`shippedDate`, the late shipment's `deliveredDate` and
 * `asOf`) and payouts (`paidOn`). Through the Worker, on DynamoDB Local; the clock is
 * pinned to 2025-06-16T09:00Z (test/http/worker.ts).
 */
import { describe, expect, it } from 'vitest';
import { fileOk, lostFiling, move, seedKey, seedShop } from './claims-helpers';
import { call, rub, type Answer } from './helpers';
import { orderBody, postEvent, putOrderOk, shipmentBody } from './shipments-helpers';

type FieldError = { pointer?: string; code: string; params?: Record<string, unknown> };
const errorsOf = (a: Answer) => (a.body.errors ?? []) as FieldError[];
const at = (date: string) => `${date}T12:00:00+03:00`;
const status = (a: Answer) => (a.body.shipment as { status: string } | undefined)?.status;

describe('an event from the future', () => {
  it('is refused naming /at, and no longer pins the shipment nor inflates its claim', async () => {
    const shop = await seedShop();
    await putOrderOk(shop.auth, 'O-typo', [shipmentBody('S-typo'), shipmentBody('S-twin')]);
    for (const when of ['2062-11-17T10:00:00+03:00', '9999-12-31T23:59:59+14:00']) {
      const typo = await postEvent(shop.auth, 'S-typo', {
        eventId: 'typo',
        status: 'in_transit',
        at: when,
      });
      expect(typo.status, typo.text).toBe(422);
      expect(typo.body.type).toBe('/problems/invalid-input');
      expect(errorsOf(typo)).toEqual([
        expect.objectContaining({ pointer: '/at', code: 'in_the_future' }),
      ]);
    }
    // The real delivery ends both shipments alike: 6 and 9 June late, 2 × 3 % of 500.00.
    for (const id of ['S-typo', 'S-twin']) {
      const delivered = await postEvent(shop.auth, id, {
        eventId: 'd',
        status: 'delivered',
        at: at('2025-06-09'),
      });
      expect(delivered.status, delivered.text).toBe(200);
      expect(status(delivered)).toBe('delivered');
    }
    const late = { type: 'late', description: 'Promised by 5 June' };
    const amounts: unknown[] = [];
    for (const id of ['S-typo', 'S-twin']) {
      const claim = await call('POST', `/v1/shipments/${id}/claims`, late, shop.auth);
      expect(claim.status, claim.text).toBe(201);
      amounts.push((claim.body.compensation as { amount: unknown }).amount);
    }
    expect(amounts).toEqual([rub('30.00'), rub('30.00')]);
  });

  it('is taken within 24 h ahead of the server’s clock (clock skew), refused past it', async () => {
    const shop = await seedShop();
    await putOrderOk(shop.auth, 'O-skew', [shipmentBody('S-skew')]);
    const ahead = await postEvent(shop.auth, 'S-skew', {
      eventId: 'ahead',
      status: 'in_transit',
      at: '2025-06-17T08:59:00Z',
    });
    expect(ahead.status, ahead.text).toBe(200);
    const tooFar = await postEvent(shop.auth, 'S-skew', {
      eventId: 'too-far',
      status: 'delivered',
      at: '2025-06-17T12:01:00+03:00',
    });
    expect(tooFar.status, tooFar.text).toBe(422);
    expect(errorsOf(tooFar)[0]).toMatchObject({
      pointer: '/at',
      code: 'in_the_future',
      params: { field: 'at', latest: '2025-06-17T09:00:00.000Z' },
    });
    // Every kind of event: a reschedule and a re-measurement are dated the same way.
    const rescheduled = await postEvent(shop.auth, 'S-skew', {
      eventId: 'r',
      status: 'rescheduled',
      at: '2026-01-01T10:00:00+03:00',
      promisedDate: '2026-01-10',
      reason: 'courier_late',
    });
    expect(errorsOf(rescheduled)[0]).toMatchObject({ pointer: '/at', code: 'in_the_future' });
    const remeasured = await postEvent(shop.auth, 'S-skew', {
      eventId: 'm',
      status: 'remeasured',
      at: '2026-01-01T10:00:00+03:00',
      packages: [{ lengthCm: '50', widthCm: '40', heightCm: '30', weightKg: '2.5' }],
      charged: rub('620.00'),
    });
    expect(errorsOf(remeasured)[0]).toMatchObject({ pointer: '/at', code: 'in_the_future' });
  });
});

describe('an event from before the order', () => {
  it('is refused more than 24 h before placedAt, taken within it', async () => {
    const shop = await seedShop();
    // placedAt 2025-06-01T18:20+03:00 (shipments-helpers).
    await putOrderOk(shop.auth, 'O-early', [shipmentBody('S-early')]);
    const early = await postEvent(shop.auth, 'S-early', {
      eventId: 'early',
      status: 'created',
      at: '2025-05-31T18:19:00+03:00',
    });
    expect(early.status, early.text).toBe(422);
    expect(errorsOf(early)[0]).toMatchObject({
      pointer: '/at',
      code: 'date_order',
      params: { field: 'at', date: '2025-05-31', other: 'placedAt', otherDate: '2025-06-01' },
    });
    const skewed = await postEvent(shop.auth, 'S-early', {
      eventId: 'skewed',
      status: 'created',
      at: '2025-06-01T12:00:00+03:00',
    });
    expect(skewed.status, skewed.text).toBe(200);
  });

  it('keeps an order from moving placedAt past its shipments’ events', async () => {
    const shop = await seedShop();
    await putOrderOk(shop.auth, 'O-move', [shipmentBody('S-move')]);
    await postEvent(shop.auth, 'S-move', {
      eventId: 'h',
      status: 'in_transit',
      at: at('2025-06-03'),
    });
    const later = { ...orderBody([shipmentBody('S-move')]), placedAt: '2025-06-05T10:00:00+03:00' };
    const a = await call('PUT', '/v1/orders/O-move', later, shop.auth);
    expect(a.status, a.text).toBe(422);
    expect(errorsOf(a)[0]).toMatchObject({ pointer: '/placedAt' });
    // Within a day of its events, it may move (and the shipments learn it).
    const moved = { ...orderBody([shipmentBody('S-move')]), placedAt: '2025-06-03T20:00:00+03:00' };
    const b = await call('PUT', '/v1/orders/O-move', moved, shop.auth);
    expect(b.status, b.text).toBe(200);
    const tooEarly = await postEvent(shop.auth, 'S-move', {
      eventId: 'x',
      status: 'created',
      at: at('2025-06-02'),
    });
    expect(errorsOf(tooEarly)[0]).toMatchObject({ pointer: '/at', code: 'date_order' });
  });
});

describe('an order placed in the future', () => {
  it('is refused naming /placedAt; within 24 h it is taken', async () => {
    const shop = await seedShop();
    const future = { ...orderBody([shipmentBody('S-f')]), placedAt: '2062-11-17T10:00:00+03:00' };
    const a = await call('PUT', '/v1/orders/O-f', future, shop.auth);
    expect(a.status, a.text).toBe(422);
    expect(errorsOf(a)).toEqual([
      expect.objectContaining({ pointer: '/placedAt', code: 'in_the_future' }),
    ]);
    const skewed = { ...orderBody([shipmentBody('S-f')]), placedAt: '2025-06-17T08:00:00Z' };
    const b = await call('PUT', '/v1/orders/O-f', skewed, shop.auth);
    expect(b.status, b.text).toBe(201);
  });
});

describe('a claim’s dates and a payout’s', () => {
  it('refuses a late claim delivered, or counted up to, after tomorrow', async () => {
    const shop = await seedShop();
    const filing = (shipment: Record<string, unknown>) => ({
      ...lostFiling(),
      type: 'late',
      shipment: { deliveryCost: rub('500.00'), promisedDate: '2025-06-05', ...shipment },
    });
    for (const [field, value] of [
      ['deliveredDate', '2025-06-18'],
      ['asOf', '2030-01-01'],
      ['shippedDate', '2025-06-18'],
    ] as const) {
      const a = await call('POST', '/v1/claims', filing({ [field]: value }), shop.auth);
      expect(a.status, a.text).toBe(422);
      expect(errorsOf(a)[0]).toMatchObject({
        pointer: `/shipment/${field}`,
        code: 'in_the_future',
        params: { field, latest: '2025-06-17' },
      });
    }
    const shipped = await call(
      'POST',
      '/v1/claims',
      { ...filing({ deliveredDate: '2025-06-10' }), shippedDate: '2025-06-18' },
      shop.auth,
    );
    expect(errorsOf(shipped)[0]).toMatchObject({ pointer: '/shippedDate', code: 'in_the_future' });
    // Tomorrow (UTC) is within the day of tolerance: somewhere it is already today.
    const tomorrow = await call('POST', '/v1/claims', filing({ asOf: '2025-06-17' }), shop.auth);
    expect(tomorrow.status, tomorrow.text).toBe(201);
  });

  it('refuses a payout dated after tomorrow or more than a day before the filing', async () => {
    const shop = await seedShop();
    const clerk = await seedKey('clerk');
    const { id } = await fileOk(shop.auth);
    await move(id, 'review', clerk.auth);
    await move(id, 'decision', clerk.auth, { decision: 'approved', reason: 'Lost' });
    const pay = (paidOn: string) =>
      move(id, 'payment', clerk.auth, { amount: rub('100.00'), paidOn, reference: 'PP-1' });
    const future = await pay('2025-06-18');
    expect(future.status, future.text).toBe(422);
    expect(errorsOf(future)[0]).toMatchObject({ pointer: '/paidOn', code: 'in_the_future' });
    const before = await pay('2025-06-14');
    expect(before.status, before.text).toBe(422);
    expect(errorsOf(before)[0]).toMatchObject({
      pointer: '/paidOn',
      code: 'date_order',
      params: { other: 'createdAt' },
    });
    const tomorrow = await pay('2025-06-17');
    expect(tomorrow.status, tomorrow.text).toBe(200);
  });
});
