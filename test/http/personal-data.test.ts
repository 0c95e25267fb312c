/**
 * The personal-data API (issue 25) through the Worker: an erasure by phone answers the act
 * with every claim and order of the person and leaves tombstones, the mark and no search hit;
 * the act reads back with its event-log extract and in the listing; the access export; the
 * refusals, each naming its field and echoing nothing; shop keys only; two people erased at
 * once; an erased claim still decided and paid.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { shopInputExample } from '../../src/routes/shop/shop.routes';
import { orderInputExample } from '../../src/schemas/shipment.examples';
import { fileOk, lostFiling, move, seedKey, seedShop } from './claims-helpers';
import { call, fieldErrorsOf, rub } from './helpers';

let shop: Awaited<ReturnType<typeof seedShop>>;
let other: Awaited<ReturnType<typeof seedShop>>;
let clerk: Awaited<ReturnType<typeof seedKey>>;
beforeAll(async () => {
  shop = await seedShop();
  other = await seedShop();
  clerk = await seedKey('clerk');
});

const ERASED = { name: '[erased]', email: 'erased@erased.invalid', phone: '+00000000000' };
const person = (n: number) => ({
  name: `Варвара Стёртая-${n}`,
  email: `varvara.${n}.${crypto.randomUUID().slice(0, 6)}@example.com`,
  phone: `+7 913 ${String(100 + n)}-${String(10 + n)}-${crypto.randomUUID().replace(/\D/g, '').padEnd(2, '0').slice(0, 2)}`,
});
const withProof = (claimant: ReturnType<typeof person>) =>
  lostFiling({
    claimant,
    description: `${claimant.name} says it never came`,
    evidence: [
      { kind: 'receipt', name: 'receipt.pdf' },
      { kind: 'proof_of_value', name: 'invoice.pdf' },
    ],
  });
const erase = (body: unknown, auth: Record<string, string> = shop.auth) =>
  call('POST', '/v1/personal-data/erasures', body, auth);

describe('POST /v1/personal-data/erasures', () => {
  it('erases every claim and order of the person, answers the act, and the act reads back', async () => {
    const who = person(1);
    const claim = await fileOk(shop.auth, withProof(who));
    const orderId = `O-PD-${crypto.randomUUID().slice(0, 8)}`;
    const order = await call(
      'PUT',
      `/v1/orders/${orderId}`,
      { ...orderInputExample, customer: who },
      shop.auth,
    );
    expect(order.status, order.text).toBe(201);
    const before = await call(
      'GET',
      `/v1/personal-data?phone=${encodeURIComponent(who.phone)}`,
      undefined,
      shop.auth,
    );
    expect(before.status, before.text).toBe(200);
    expect(before.headers.get('cache-control')).toBe('no-store');
    expect((before.body.claims as { id: string }[]).map((c) => c.id)).toEqual([claim.id]);
    expect((before.body.orders as { orderId: string }[]).map((o) => o.orderId)).toEqual([orderId]);

    const a = await erase({ phone: who.phone });
    expect(a.status, a.text).toBe(201);
    const id = String(a.body.id);
    expect(id).toMatch(/^pde_[0-9a-f]{32}$/);
    expect(a.headers.get('location')).toBe(`/v1/personal-data/erasures/${id}`);
    expect(a.body).toMatchObject({
      shopId: shop.shopId,
      status: 'completed',
      records: { claims: [claim.id], orders: [orderId] },
      instruction: { kind: 'request', role: 'shop', keyId: shop.keyId },
      method: 'overwritten in place with tombstones; index entries deleted',
    });
    expect(a.body.categories).toEqual(expect.arrayContaining(['name', 'phone', 'email']));
    expect(a.text).not.toContain(who.email);
    expect(a.text).not.toContain('Варвара');

    const read = await call('GET', `/v1/claims/${claim.id}`, undefined, shop.auth);
    expect(read.body).toMatchObject({
      claimant: ERASED,
      description: '[erased]',
      personalData: { erasureId: id },
    });
    const readOrder = await call('GET', `/v1/orders/${orderId}`, undefined, shop.auth);
    expect(readOrder.body).toMatchObject({ customer: ERASED, personalData: { erasureId: id } });
    const search = await call(
      'GET',
      `/v1/claims?q=${encodeURIComponent(who.phone.replace(/\D/g, '').slice(-7))}&in=phone`,
      undefined,
      shop.auth,
    );
    expect(search.status, search.text).toBe(200);
    expect(search.body.items).toEqual([]);

    const act = await call('GET', `/v1/personal-data/erasures/${id}`, undefined, shop.auth);
    expect(act.status, act.text).toBe(200);
    const actions = (act.body.log as { action: string }[]).map((s) => s.action);
    expect(actions[0]).toBe('erasure_started');
    expect(actions.at(-1)).toBe('erasure_completed');
    expect(actions).toContain('overwritten');
    const list = await call('GET', '/v1/personal-data/erasures', undefined, shop.auth);
    expect((list.body.items as { id: string }[]).map((i) => i.id)).toContain(id);
    // The other shop sees neither the act nor it in its list.
    const peek = await call('GET', `/v1/personal-data/erasures/${id}`, undefined, other.auth);
    expect(peek.status, peek.text).toBe(404);

    // Asked again: nothing left to erase, an act with no records.
    const again = await erase({ phone: who.phone });
    expect(again.status, again.text).toBe(201);
    expect(again.body.records).toEqual({ claims: [], orders: [], messages: [], webhookEvents: [] });
    const after = await call(
      'GET',
      `/v1/personal-data?email=${encodeURIComponent(who.email)}`,
      undefined,
      shop.auth,
    );
    expect(after.body).toMatchObject({ claims: [], orders: [], messages: [] });
  });

  it('leaves an erased claim to be decided and paid', async () => {
    const who = person(2);
    const claim = await fileOk(shop.auth, withProof(who));
    expect((await erase({ claimId: claim.id })).status).toBe(201);
    const steps: [string, Record<string, unknown> | undefined, string][] = [
      ['review', undefined, 'in_review'],
      [
        'decision',
        { decision: 'partially_approved', reason: 'One item', approvedAmount: rub('1500.00') },
        'partially_approved',
      ],
      ['payment', { amount: rub('1500.00'), paidOn: '2025-06-16', reference: 'PP-1' }, 'paid'],
    ];
    for (const [name, body, status] of steps) {
      const a = await move(claim.id, name, clerk.auth, body);
      expect(a.status, `${name}: ${a.text}`).toBe(200);
      expect(a.body).toMatchObject({ status, claimant: ERASED });
    }
  });

  it('erases two people at once, each in an act of their own', async () => {
    const [p3, p4] = [person(3), person(4)];
    const [c3, c4] = [
      await fileOk(shop.auth, withProof(p3)),
      await fileOk(shop.auth, withProof(p4)),
    ];
    const [a3, a4] = await Promise.all([erase({ email: p3.email }), erase({ phone: p4.phone })]);
    expect(a3.status, a3.text).toBe(201);
    expect(a4.status, a4.text).toBe(201);
    expect(a3.body.id).not.toBe(a4.body.id);
    expect((a3.body.records as { claims: string[] }).claims).toEqual([c3.id]);
    expect((a4.body.records as { claims: string[] }).claims).toEqual([c4.id]);
  });

  it.each([
    ['nothing', {}, '', 'one_of'],
    ['two ways', { phone: '+7 900 000-00-00', email: 'a@example.com' }, '/email', 'not_both'],
    ['a phone that is none', { phone: 'call Варвара' }, '/phone', 'invalid_format'],
    ['an e-mail that is none', { email: 'varvara@@example' }, '/email', 'invalid_format'],
    ['an unknown member', { name: 'Варвара' }, '/name', 'unknown_field'],
  ])('refuses %s with a 422 naming the field, echoing nothing', async (_, body, pointer, code) => {
    const a = await erase(body);
    expect(a.status, a.text).toBe(422);
    expect(fieldErrorsOf(a)).toEqual(
      expect.arrayContaining([expect.objectContaining({ pointer, code })]),
    );
    expect(a.text).not.toContain('Варвара');
    expect(a.text).not.toContain('varvara');
  });

  it('answers 404 for a claim or an order the shop does not have', async () => {
    const other = await fileOk(shop.auth, withProof(person(5)));
    expect((await erase({ claimId: 'clm_00000000000000000000000000000000' })).status).toBe(404);
    expect((await erase({ orderId: 'O-NOT-HERE' })).status).toBe(404);
    // Another shop's claim is not revealed: the same 404.
    const foreign = await erase({ claimId: other.id }, (await seedShop()).auth);
    expect(foreign.status, foreign.text).toBe(404);
  });

  it('takes shop keys only', async () => {
    expect((await erase({ phone: '+7 900 000-00-00' }, clerk.auth)).status).toBe(403);
    expect((await erase({ phone: '+7 900 000-00-00' }, {})).status).toBe(401);
    const list = await call('GET', '/v1/personal-data/erasures', undefined, clerk.auth);
    expect(list.status, list.text).toBe(403);
  });
});

describe('GET /v1/personal-data', () => {
  it('needs exactly one of phone and email', async () => {
    const none = await call('GET', '/v1/personal-data', undefined, shop.auth);
    expect(none.status, none.text).toBe(422);
    const both = await call(
      'GET',
      '/v1/personal-data?phone=%2B79000000000&email=a%40example.com',
      undefined,
      shop.auth,
    );
    expect(both.status, both.text).toBe(422);
    expect(both.headers.get('cache-control')).toBe('no-store');
  });
});

describe('PUT /v1/shop personalData', () => {
  it('answers the default until the shop sets one, and refuses a period out of 30–3650', async () => {
    const own = await seedShop();
    const first = await call('PUT', '/v1/shop', shopInputExample, own.auth);
    expect(first.status, first.text).toBe(201);
    expect(first.body.personalData).toEqual({ retainDays: 1095, isDefault: true });
    const set = await call(
      'PUT',
      '/v1/shop',
      { ...shopInputExample, personalData: { retainDays: 730 } },
      own.auth,
    );
    expect(set.status, set.text).toBe(200);
    expect(set.body.personalData).toEqual({ retainDays: 730, isDefault: false });
    const read = await call('GET', '/v1/shop', undefined, own.auth);
    expect(read.body.personalData).toEqual({ retainDays: 730, isDefault: false });
    for (const [retainDays, code] of [
      [29, 'too_small'],
      [3651, 'too_big'],
      [365.5, 'not_integer'],
    ] as const) {
      const refused = await call(
        'PUT',
        '/v1/shop',
        { ...shopInputExample, personalData: { retainDays } },
        own.auth,
      );
      expect(refused.status, refused.text).toBe(422);
      expect(fieldErrorsOf(refused)).toEqual([
        expect.objectContaining({ pointer: '/personalData/retainDays', code }),
      ]);
    }
    // A replace without it goes back to the default.
    const back = await call('PUT', '/v1/shop', shopInputExample, own.auth);
    expect(back.body.personalData).toEqual({ retainDays: 1095, isDefault: true });
  });
});
