/**
 * Causes and analytics through the Worker, on DynamoDB Local (today is 2025-06-16): claims
 * carry a cause, a clerk corrects it, and GET /v1/analytics/claims counts them from the day
 * buckets the claim-change consumer keeps (applied inline here: see ./worker.ts).
 */
import { describe, expect, it } from 'vitest';
import { fileOk, lostFiling, move, seedKey, seedShop } from './claims-helpers';
import { call, fieldErrorsOf } from './helpers';
import { postEvent, putOrderOk, shipmentBody } from './shipments-helpers';

type Figures = { count: number } & Record<
  'computed' | 'approved' | 'paid' | 'given',
  { amount: string; currency: string }
>;
type Report = {
  groups: ({ key: string } & Figures)[];
  totals: Figures;
  flags: { carrier: string; cause: string; week: string; count: number }[];
  shopId?: string;
  asOf?: string;
};
const JUNE = 'from=2025-06-01&to=2025-06-30';
const report = async (auth: Record<string, string>, query: string) => {
  const a = await call('GET', `/v1/analytics/claims?${query}`, undefined, auth);
  expect(a.status, a.text).toBe(200);
  return a.body as unknown as Report;
};
const clerk = await seedKey('clerk');

describe('GET /v1/analytics/claims', () => {
  it('counts a shop’s claims by cause, with the money of each, and only its own', async () => {
    const shop = await seedShop();
    const other = await seedShop();
    await fileOk(shop.auth);
    await fileOk(shop.auth);
    await fileOk(shop.auth, lostFiling({ cause: 'warehouse' }));
    await fileOk(other.auth);
    const mine = await report(shop.auth, `${JUNE}&groupBy=cause`);
    expect(mine.groups.map((g) => [g.key, g.count, g.computed.amount])).toEqual([
      ['lost_in_transit', 2, '17000.00'],
      ['warehouse', 1, '8500.00'],
    ]);
    expect(mine.totals).toMatchObject({ count: 3, computed: { amount: '25500.00' } });
    expect(mine.shopId).toBe(shop.shopId);
    // Kept off the request path (applied inline in these tests), as of the consumer's clock.
    expect(mine.asOf).toBe('2025-06-16T09:00:00.000Z');
    const byClerk = await report(clerk.auth, `${JUNE}&groupBy=cause&shopId=${shop.shopId}`);
    expect(byClerk).toEqual(mine);
    const everyone = await report(clerk.auth, `${JUNE}&groupBy=carrier`);
    expect(everyone.shopId).toBeUndefined();
    expect(everyone.totals.count).toBeGreaterThanOrEqual(4);
  });

  it('adds the approved and paid sums to the claim’s filing day, and drops a withdrawn claim', async () => {
    const shop = await seedShop();
    const claim = await fileOk(shop.auth);
    const withdrawn = await fileOk(shop.auth);
    await move(withdrawn.id, 'cancel', shop.auth);
    await move(claim.id, 'review', clerk.auth);
    const approved = { amount: '6000.00', currency: 'RUB' };
    const decided = await move(claim.id, 'decision', clerk.auth, {
      decision: 'partially_approved',
      reason: 'Value proven for part of the contents',
      approvedAmount: approved,
    });
    expect(decided.status, decided.text).toBe(200);
    await move(claim.id, 'payment', clerk.auth, {
      amount: approved,
      paidOn: '2025-06-16',
      reference: 'PP-9',
    });
    const month = await report(shop.auth, `${JUNE}&groupBy=month`);
    expect(month.groups).toEqual([
      {
        key: '2025-06',
        count: 1,
        computed: { amount: '8500.00', currency: 'RUB' },
        approved,
        paid: approved,
        given: { amount: '0.00', currency: 'RUB' },
      },
    ]);
  });

  it('flags a carrier × cause with 3 claims in a week and none in the 8 before', async () => {
    const shop = await seedShop();
    for (let i = 0; i < 3; i++) await fileOk(shop.auth, lostFiling({ cause: 'warehouse' }));
    await fileOk(shop.auth);
    const answer = await report(shop.auth, `${JUNE}&groupBy=week`);
    expect(answer.flags).toEqual([
      { carrier: 'cdek', cause: 'warehouse', week: '2025-W25', count: 3, trailingAverage: 0 },
    ]);
    expect(answer.groups.map((g) => [g.key, g.count])).toEqual([
      ['2025-W22', 0],
      ['2025-W23', 0],
      ['2025-W24', 0],
      ['2025-W25', 4],
      ['2025-W26', 0],
      ['2025-W27', 0],
    ]);
    const strict = await report(shop.auth, `${JUNE}&multiple=2&groupBy=type`);
    expect(strict.flags).toHaveLength(1);
  });

  it.each([
    ['from=2025-06-30&to=2025-06-01', 'to'],
    ['from=2024-01-01&to=2025-06-30', 'to'],
    ['from=2025-06-01', 'to'],
    [`${JUNE}&groupBy=day`, 'groupBy'],
    [`${JUNE}&multiple=0.5`, 'multiple'],
  ])('refuses %s naming %s', async (query, field) => {
    const shop = await seedShop();
    const a = await call('GET', `/v1/analytics/claims?${query}`, undefined, shop.auth);
    expect(a.status, a.text).toBe(422);
    expect(fieldErrorsOf(a).map((e) => e.parameter)).toContain(field);
  });

  it('refuses a shop key naming another shop, and a call without a key', async () => {
    const shop = await seedShop();
    const a = await call('GET', `/v1/analytics/claims?${JUNE}&shopId=x`, undefined, shop.auth);
    expect(a.status, a.text).toBe(422);
    expect((await call('GET', `/v1/analytics/claims?${JUNE}`)).status).toBe(401);
  });
});

describe('causes', () => {
  it('a clerk corrects the cause over the ETag; the history and the counts follow', async () => {
    const shop = await seedShop();
    const claim = await fileOk(shop.auth);
    expect(claim.cause).toBe('lost_in_transit');
    const path = `/v1/claims/${claim.id}/cause`;
    const body = { cause: 'wrong_address', note: 'Customer gave an old address' };
    const byShop = await call('PUT', path, body, { ...shop.auth, 'if-match': '"1"' });
    expect(byShop.status, byShop.text).toBe(403);
    const stale = await call('PUT', path, body, { ...clerk.auth, 'if-match': '"7"' });
    expect(stale.status, stale.text).toBe(412);
    const a = await call('PUT', path, body, { ...clerk.auth, 'if-match': '"1"' });
    expect(a.status, a.text).toBe(200);
    expect(a.body).toMatchObject({ cause: 'wrong_address', version: 2 });
    expect(a.headers.get('etag')).toBe('"2"');
    const again = await call('PUT', path, body, { ...clerk.auth, 'if-match': '"2"' });
    expect(again.body).toMatchObject({ version: 2 });
    const history = await call('GET', `/v1/claims/${claim.id}/history`, undefined, shop.auth);
    expect((history.body as { items: unknown[] }).items.at(-1)).toMatchObject({
      type: 'cause_changed',
      cause: { from: 'lost_in_transit', to: 'wrong_address' },
      note: 'Customer gave an old address',
    });
    const causes = await report(shop.auth, `${JUNE}&groupBy=cause`);
    expect(causes.groups.map((g) => [g.key, g.count])).toEqual([['wrong_address', 1]]);
    const bad = await call('PUT', path, { cause: 'weather' }, clerk.auth);
    expect(bad.status, bad.text).toBe(422);
    expect(fieldErrorsOf(bad).map((e) => e.pointer)).toContain('/cause');
  });

  it('a late shipment and its claim take the latest reschedule’s reason', async () => {
    const shop = await seedShop();
    await putOrderOk(shop.auth, 'O-C', [shipmentBody('S-C1'), shipmentBody('S-C2')]);
    await postEvent(shop.auth, 'S-C1', {
      eventId: 'r1',
      status: 'rescheduled',
      at: '2025-06-04T12:00:00+03:00',
      promisedDate: '2025-06-09',
      reason: 'supplier_late',
    });
    const late = await call('GET', '/v1/shipments?late=true', undefined, shop.auth);
    expect(late.status, late.text).toBe(200);
    const items = (late.body as { items: { shipmentId: string; cause: string }[] }).items;
    expect(items.map((s) => [s.shipmentId, s.cause]).sort()).toEqual([
      ['S-C1', 'supplier_late'],
      ['S-C2', 'courier_late'],
    ]);
    const filed = await call(
      'POST',
      '/v1/shipments/S-C1/claims',
      { type: 'late', description: 'Late' },
      shop.auth,
    );
    expect(filed.status, filed.text).toBe(201);
    expect(filed.body).toMatchObject({ cause: 'supplier_late' });
    const named = await call(
      'POST',
      '/v1/shipments/S-C2/claims',
      { type: 'late', description: 'Late', cause: 'warehouse' },
      shop.auth,
    );
    expect(named.body).toMatchObject({ cause: 'warehouse' });
  });
});
