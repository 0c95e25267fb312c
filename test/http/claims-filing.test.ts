import { beforeAll, describe, expect, it } from 'vitest';
import { call, fieldErrorsOf, rub } from './helpers';
import { fileOk, lostFiling, seedKey, seedShop } from './claims-helpers';
import { TODAY } from './worker';

let shop: Awaited<ReturnType<typeof seedShop>>;
let clerk: Awaited<ReturnType<typeof seedKey>>;
beforeAll(async () => {
  shop = await seedShop();
  clerk = await seedKey('clerk');
});

describe('POST /v1/claims', () => {
  it('files a claim with its computed compensation, checklist and deadlines', async () => {
    const a = await call('POST', '/v1/claims', lostFiling(), shop.auth);
    expect(a.status, a.text).toBe(201);
    const id = String(a.body.id);
    expect(a.headers.get('location')).toBe(`/v1/claims/${id}`);
    expect(a.headers.get('etag')).toBe('"1"');
    expect(a.body).toMatchObject({
      shopId: shop.shopId,
      status: 'submitted',
      version: 1,
      compensation: { amount: rub('8500.00') },
      missingEvidence: ['proof_of_value'],
      filingDeadline: '2025-12-02',
      answerDueBy: '2025-07-16',
      createdAt: `${TODAY}T09:00:00.000Z`,
    });
    // Read back: the same claim, byte for byte, and the customer's side (GET only), empty yet.
    const read = await call('GET', `/v1/claims/${id}`, undefined, shop.auth);
    const { customer, ...claim } = JSON.parse(read.text) as Record<string, unknown>;
    expect(JSON.stringify(claim)).toBe(a.text);
    expect(customer).toEqual({ remedies: [], given: rub('0.00') });
  });

  it('computes a late claim with the business-day calendar', async () => {
    const body = lostFiling({
      type: 'late',
      shippedDate: '2025-04-28',
      shipment: {
        deliveryCost: rub('500.00'),
        promisedDate: '2025-04-30',
        deliveredDate: '2025-05-06',
      },
    });
    const claim = await fileOk(shop.auth, body);
    expect(claim.compensation).toMatchObject({ businessDaysLate: 2, amount: rub('30.00') });
  });

  it('refuses a claim filed after the filing window, naming the date', async () => {
    const a = await call(
      'POST',
      '/v1/claims',
      lostFiling({ shippedDate: '2024-11-15' }),
      shop.auth,
    );
    expect(a.status, a.text).toBe(422);
    expect(a.body.type).toBe('/problems/filing-deadline-passed');
    expect(fieldErrorsOf(a)[0]?.pointer).toBe('/shippedDate');
  });

  it.each([
    [
      { claimant: { name: 'A', email: 'not-an-email', phone: '+7 900 000 00 00' } },
      '/claimant/email',
    ],
    [{ waybill: '' }, '/waybill'],
    [{ type: 'stolen' }, '/type'],
    [{ evidence: [{ kind: 'video', name: 'x' }] }, '/evidence/0/kind'],
    [
      { shipment: { deliveryCost: { amount: 500, currency: 'RUB' } } },
      '/shipment/deliveryCost/amount',
    ],
    [{ carrier: 'nope' }, '/carrier'],
  ])('refuses %j naming %s, and writes nothing', async (override, pointer) => {
    const a = await call('POST', '/v1/claims', lostFiling(override), shop.auth);
    expect(a.status, a.text).toBe(422);
    expect(fieldErrorsOf(a).map((e) => e.pointer)).toContain(pointer);
  });

  it('asks for a key (401), and refuses a clerk key (403)', async () => {
    const none = await call('POST', '/v1/claims', lostFiling());
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    const wrong = await call('POST', '/v1/claims', lostFiling(), {
      authorization: 'Bearer pca_nope',
    });
    expect(wrong.status).toBe(401);
    const asClerk = await call('POST', '/v1/claims', lostFiling(), clerk.auth);
    expect(asClerk.status, asClerk.text).toBe(403);
  });

  it('checks the role before the body: a clerk key posting a broken filing is 403, not 422', async () => {
    const a = await call('POST', '/v1/claims', { type: 'stolen' }, clerk.auth);
    expect(a.status, a.text).toBe(403);
    expect(a.body).toMatchObject({
      type: '/problems/forbidden',
      detail: 'Only a shop key may do this; yours is a clerk key.',
    });
  });
});

describe('Idempotency-Key', () => {
  it('answers a retry with the original response and files nothing new', async () => {
    const key = { 'idempotency-key': crypto.randomUUID() };
    const body = lostFiling();
    const first = await call('POST', '/v1/claims', body, { ...shop.auth, ...key });
    const again = await call('POST', '/v1/claims', body, { ...shop.auth, ...key });
    expect(first.status, first.text).toBe(201);
    expect(again.status, again.text).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('refuses the same key with a different body (422)', async () => {
    const key = { 'idempotency-key': crypto.randomUUID() };
    await call('POST', '/v1/claims', lostFiling(), { ...shop.auth, ...key });
    const other = await call('POST', '/v1/claims', lostFiling({ description: 'other' }), {
      ...shop.auth,
      ...key,
    });
    expect(other.status, other.text).toBe(422);
    expect(other.body.type).toBe('/problems/idempotency-key-reused');
  });

  it('turns 100 concurrent filings with one key into exactly one claim', async () => {
    const tenant = await seedShop();
    const headers = { ...tenant.auth, 'idempotency-key': 'burst-1' };
    const body = lostFiling();
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => call('POST', '/v1/claims', body, headers)),
    );
    expect(
      answers.map((a) => a.status).filter((s) => s !== 201),
      answers[0]?.text,
    ).toEqual([]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const list = await call('GET', '/v1/claims?limit=100', undefined, tenant.auth);
    expect((list.body.items as unknown[]).length).toBe(1);
  });
});
