import { beforeAll, describe, expect, it } from 'vitest';
import { shopInputExample } from '../../src/routes/shop/shop.routes';
import { fileOk, move, seedKey, seedShop } from './claims-helpers';
import { call, rub } from './helpers';

let shop: Awaited<ReturnType<typeof seedShop>>;
let bare: Awaited<ReturnType<typeof seedShop>>;
let clerk: Awaited<ReturnType<typeof seedKey>>;
beforeAll(async () => {
  shop = await seedShop();
  bare = await seedShop();
  clerk = await seedKey('clerk');
  // Limits: a discount up to 15 %, a gift or voucher up to 1000.00 RUB.
  const put = await call('PUT', '/v1/shop', shopInputExample, shop.auth);
  expect(put.status, put.text).toBe(201);
});

const offer = (id: string, body: unknown, auth: Record<string, string>) =>
  call('POST', `/v1/claims/${id}/remedies`, body, auth);

describe('remedies through the API', () => {
  it('offers, lists and shows both sides on the claim', async () => {
    const claim = await fileOk(shop.auth);
    const first = await offer(claim.id, { kind: 'discount_next_order', percent: 10 }, shop.auth);
    expect(first.status, first.text).toBe(201);
    expect(first.headers.get('location')).toBe(`/v1/claims/${claim.id}/remedies/rm_1`);
    expect(first.body).toMatchObject({
      id: 'rm_1',
      claimId: claim.id,
      kind: 'discount_next_order',
      percent: 10,
      status: 'offered',
      offeredBy: shop.shopId,
    });
    expect(typeof first.body.offeredAt).toBe('string');
    const voucher = { kind: 'voucher', value: rub('500.00'), note: 'Sorry for the wait' };
    const second = await offer(claim.id, voucher, clerk.auth);
    expect(second.status, second.text).toBe(201);
    expect(second.body).toMatchObject({ id: 'rm_2', offeredBy: `clerk:${clerk.keyId}` });

    const accepted = await call(
      'POST',
      `/v1/claims/${claim.id}/remedies/rm_2/accept`,
      undefined,
      shop.auth,
    );
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body).toMatchObject({ id: 'rm_2', status: 'accepted' });

    // The shop's own listing: a shop reads a clerk as a reference (clerk-view.test.ts).
    const list = await call('GET', `/v1/claims/${claim.id}/remedies`, undefined, shop.auth);
    expect(list.status, list.text).toBe(200);
    expect(
      (list.body.items as { id: string; status: string }[]).map((r) => [r.id, r.status]),
    ).toEqual([
      ['rm_1', 'offered'],
      ['rm_2', 'accepted'],
    ]);
    const got = await call('GET', `/v1/claims/${claim.id}`, undefined, shop.auth);
    expect(got.status, got.text).toBe(200);
    // What the carrier owes the shop, and what the customer was given.
    expect(got.body.compensation).toMatchObject({ amount: rub('8500.00') });
    expect(got.body.customer).toEqual({ remedies: list.body.items, given: rub('500.00') });
    // Listings stay lean: no customer side there.
    const listed = await call(
      'GET',
      `/v1/claims?waybill=${String(claim.waybill)}`,
      undefined,
      shop.auth,
    );
    expect((listed.body.items as unknown[])[0]).not.toHaveProperty('customer');
  });

  it('refuses an offer above the shop’s limits with a 422 naming the field and the limit', async () => {
    const claim = await fileOk(shop.auth);
    const discount = await offer(claim.id, { kind: 'discount_next_order', percent: 20 }, shop.auth);
    expect(discount.status, discount.text).toBe(422);
    expect(discount.headers.get('content-type')).toBe('application/problem+json');
    expect(discount.body).toMatchObject({
      type: '/problems/remedy-over-limit',
      errors: [{ pointer: '/percent', params: { limit: 'maxDiscountPercent', maximum: '15%' } }],
    });
    const gift = await offer(claim.id, { kind: 'gift', value: rub('1500.00') }, clerk.auth);
    expect(gift.status, gift.text).toBe(422);
    expect(gift.body).toMatchObject({
      type: '/problems/remedy-over-limit',
      errors: [
        { pointer: '/value/amount', params: { limit: 'maxGiftValue', maximum: '1000.00 RUB' } },
      ],
    });
    // A refund is not capped.
    const refund = await offer(claim.id, { kind: 'refund', value: rub('8000.00') }, shop.auth);
    expect(refund.status, refund.text).toBe(201);
  });

  it('refuses a discount, gift or voucher until the shop has set its limits', async () => {
    const claim = await fileOk(bare.auth);
    const gift = await offer(claim.id, { kind: 'gift', value: rub('100.00') }, bare.auth);
    expect(gift.status, gift.text).toBe(422);
    expect(gift.body).toMatchObject({
      type: '/problems/remedy-limits-unset',
      errors: [{ pointer: '/value/amount' }],
    });
    const delivery = await offer(claim.id, { kind: 'free_delivery' }, bare.auth);
    expect(delivery.status, delivery.text).toBe(201);
  });

  it('says which field is wrong: a discount without percent, money in another currency, unknown keys', async () => {
    const claim = await fileOk(shop.auth);
    const cases = [
      [{ kind: 'discount_next_order' }, '/percent'],
      [{ kind: 'discount_next_order', percent: 5, value: rub('1.00') }, '/value'],
      [{ kind: 'gift' }, '/value'],
      [{ kind: 'refund', value: { amount: '10.00', currency: 'USD' } }, '/value/currency'],
      [{ kind: 'refund', value: rub('10.00'), percent: 5 }, '/percent'],
      [{ kind: 'bonus' }, '/kind'],
      [{ kind: 'gift', value: 500 }, '/value'],
      [{ kind: 'free_delivery', extra: true }, '/extra'],
    ] as const;
    for (const [body, pointer] of cases) {
      const a = await offer(claim.id, body, shop.auth);
      expect(a.status, a.text).toBe(422);
      const pointers = (a.body.errors as { pointer?: string }[]).map((e) => e.pointer ?? '');
      expect(
        pointers.some((p) => p.startsWith(pointer)),
        `${JSON.stringify(body)}: ${a.text}`,
      ).toBe(true);
    }
  });

  it('takes one answer per remedy: a second is a 409 remedy-settled with the current status', async () => {
    const claim = await fileOk(shop.auth);
    await offer(claim.id, { kind: 'replacement' }, shop.auth);
    const path = `/v1/claims/${claim.id}/remedies/rm_1`;
    const declined = await call('POST', `${path}/decline`, undefined, clerk.auth);
    expect(declined.status, declined.text).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', answeredBy: `clerk:${clerk.keyId}` });
    for (const verb of ['accept', 'decline']) {
      const again = await call('POST', `${path}/${verb}`, undefined, shop.auth);
      expect(again.status, again.text).toBe(409);
      expect(again.body).toMatchObject({
        type: '/problems/remedy-settled',
        currentStatus: 'declined',
      });
    }
    const missing = await call(
      'POST',
      `/v1/claims/${claim.id}/remedies/rm_9/accept`,
      undefined,
      shop.auth,
    );
    expect(missing.status, missing.text).toBe(404);
    const badId = await call(
      'POST',
      `/v1/claims/${claim.id}/remedies/r9/accept`,
      undefined,
      shop.auth,
    );
    expect(badId.status, badId.text).toBe(422);
  });

  it('refuses remedies on a withdrawn claim (409), and another shop’s claim is a 404', async () => {
    const claim = await fileOk(shop.auth);
    await offer(claim.id, { kind: 'free_delivery' }, shop.auth);
    const cancelled = await move(claim.id, 'cancel', shop.auth);
    expect(cancelled.status, cancelled.text).toBe(200);
    const late = await offer(claim.id, { kind: 'free_delivery' }, shop.auth);
    expect(late.status, late.text).toBe(409);
    expect(late.body).toMatchObject({ type: '/problems/claim-cancelled' });
    const answer = await call(
      'POST',
      `/v1/claims/${claim.id}/remedies/rm_1/accept`,
      undefined,
      clerk.auth,
    );
    expect(answer.status, answer.text).toBe(409);

    const other = await fileOk(shop.auth);
    for (const [method, path] of [
      ['GET', `/v1/claims/${other.id}/remedies`],
      ['POST', `/v1/claims/${other.id}/remedies`],
      ['POST', `/v1/claims/${other.id}/remedies/rm_1/accept`],
    ] as const) {
      const body = method === 'POST' && path.endsWith('remedies') ? { kind: 'repair' } : undefined;
      const peek = await call(method, path, body, bare.auth);
      expect(peek.status, `${method} ${path}: ${peek.text}`).toBe(404);
    }
    const none = await call('GET', `/v1/claims/${other.id}/remedies`, undefined, shop.auth);
    expect(none.body).toEqual({ items: [] });
  });

  it('gives 50 offers made at once on one claim 50 numbers of their own, none refused', async () => {
    const claim = await fileOk(shop.auth);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => offer(claim.id, { kind: 'free_delivery' }, shop.auth)),
    );
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused.map((a) => a.text)).toEqual([]);
    const ids = answers.map((a) => a.body.id as string);
    expect(new Set(ids).size).toBe(50);
    expect(answers.map((a) => a.headers.get('location'))).toEqual(
      ids.map((id) => `/v1/claims/${claim.id}/remedies/${id}`),
    );
  });

  it('review, cancel and accept at once on 20 claims, 3 times: an accept lands before the withdrawal or is a 409 claim-cancelled; analytics count by the rule', async () => {
    // A shop of its own, so its analytics hold exactly these claims.
    const racer = await seedShop();
    const refund = { kind: 'refund', value: rub('300.00') };
    let counted = 0;
    let given = 0;
    for (let round = 0; round < 3; round++) {
      const filed = await Promise.all(Array.from({ length: 20 }, () => fileOk(racer.auth)));
      const made = await Promise.all(filed.map((claim) => offer(claim.id, refund, racer.auth)));
      expect(made.filter((a) => a.status !== 201).map((a) => a.text)).toEqual([]);
      const raced = await Promise.all(
        filed.map((claim) =>
          Promise.all([
            move(claim.id, 'review', clerk.auth),
            move(claim.id, 'cancel', racer.auth),
            call('POST', `/v1/claims/${claim.id}/remedies/rm_1/accept`, undefined, racer.auth),
          ]),
        ),
      );
      for (const [i, [review, cancel, accept]] of raced.entries()) {
        const got = await call('GET', `/v1/claims/${filed[i]!.id}`, undefined, racer.auth);
        const status = got.body.status as string;
        const customer = got.body.customer as { remedies: { status: string }[] };
        const remedy = customer.remedies[0]?.status;
        // One of review and cancel wins; the loser is a 409 about the claim (unchanged).
        expect([review.status, cancel.status].sort(), `${review.text} ${cancel.text}`).toEqual([
          200, 409,
        ]);
        expect(status).toBe(cancel.status === 200 ? 'cancelled' : 'in_review');
        if (accept.status === 200) {
          expect(remedy).toBe('accepted');
        } else {
          // Refused only because the withdrawal came first; the offer stays as it was.
          expect(accept.status, accept.text).toBe(409);
          expect(accept.body).toMatchObject({ type: '/problems/claim-cancelled' });
          expect(status).toBe('cancelled');
          expect(remedy).toBe('offered');
        }
        if (status !== 'cancelled') {
          counted += 1;
          if (remedy === 'accepted') given += 300;
        }
      }
    }
    const to = await call(
      'GET',
      '/v1/analytics/claims?from=2025-06-01&to=2025-06-30&groupBy=carrier',
      undefined,
      racer.auth,
    );
    expect(to.status, to.text).toBe(200);
    // `given` counts what the customers of the counted claims accepted: a withdrawn claim adds
    // nothing, its remedies included.
    expect(to.body.totals).toMatchObject({
      count: counted,
      given: rub(`${given}.00`),
    });
  }, 120_000);
});
