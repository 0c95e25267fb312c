import { beforeAll, describe, expect, it } from 'vitest';
import type { Claim } from '../../src/domain/claim';
import { reconcileClaim } from '../../src/services/claim-changes';
import { fixedClock } from '../support/answer';
import { fileOk, lostFiling, seedKey, seedShop, storage } from './claims-helpers';
import { call } from './helpers';
import { orderBody, postEvent, shipmentBody } from './shipments-helpers';

// The suite's clock: 2025-06-16T09:00:00.000Z.
let clerk: Awaited<ReturnType<typeof seedKey>>;
beforeAll(async () => {
  clerk = await seedKey('clerk');
});

/** A claim as filed before now: a copy of `filed` due for acknowledgement at `acknowledgeBy`. */
async function storedDue(filed: Claim, acknowledgeBy: string): Promise<Claim> {
  const id = `clm_${crypto.randomUUID().replaceAll('-', '')}`;
  const claim = {
    ...filed,
    id,
    waybill: `WB-${id}`,
    createdAt: '2025-06-16T06:00:00.000Z',
    acknowledgeBy,
  };
  const event = {
    claimId: id,
    seq: 1,
    at: claim.createdAt,
    actor: { role: 'shop', id: filed.shopId },
    type: 'filed',
  } as const;
  expect((await storage.claims.create(claim, event)).created).toBe(true);
  // As the Worker's claim-change consumer would: it is what lists the claim as unacknowledged.
  await reconcileClaim({ storage, clock: fixedClock }, id);
  return claim;
}

const ids = (a: { body: Record<string, unknown> }) =>
  (a.body.items as { id: string }[]).map((c) => c.id);

describe('acknowledge at once', () => {
  it('stamps acknowledgeBy on a filed claim: the policy’s hour after filing', async () => {
    const shop = await seedShop();
    const claim = await fileOk(shop.auth);
    expect(claim.acknowledgeBy).toBe('2025-06-16T10:00:00.000Z');
    const policy = await call('GET', '/v1/policies/cdek');
    expect(policy.body.customerCare).toEqual({ acknowledgeWithinMinutes: 60 });
  });

  it('queues unacknowledged claims past acknowledgeBy, oldest first, until the ack is recorded sent', async () => {
    const shop = await seedShop();
    const filed = (await fileOk(shop.auth)) as unknown as Claim; // due 10:00: not yet
    const at8 = await storedDue(filed, '2025-06-16T08:00:00.000Z');
    const at7 = await storedDue(filed, '2025-06-16T07:00:00.000Z');
    const queue = await call('GET', '/v1/claims?unacknowledged=true&limit=1', undefined, shop.auth);
    expect(queue.status, queue.text).toBe(200);
    expect(ids(queue)).toEqual([at7.id]);
    const cursor = String(queue.body.nextCursor);
    const next = await call(
      'GET',
      `/v1/claims?unacknowledged=true&limit=1&cursor=${cursor}`,
      undefined,
      shop.auth,
    );
    expect(ids(next)).toEqual([at8.id]);
    // A page that filled its limit may carry a cursor to an empty last page (it pages by
    // LastEvaluatedKey): nothing more either way.
    if (next.body.nextCursor !== undefined) {
      const last = await call(
        'GET',
        `/v1/claims?unacknowledged=true&limit=1&cursor=${String(next.body.nextCursor)}`,
        undefined,
        shop.auth,
      );
      expect(ids(last)).toEqual([]);
      expect(last.body.nextCursor).toBeUndefined();
    }

    const sent = await call('POST', `/v1/claims/${at7.id}/messages/ack/sent`, undefined, shop.auth);
    expect(sent.status, sent.text).toBe(200);
    const after = await call('GET', '/v1/claims?unacknowledged=true', undefined, shop.auth);
    expect(ids(after)).toEqual([at8.id]);
    const byClerk = await call(
      'GET',
      `/v1/claims?unacknowledged=true&shopId=${shop.shopId}`,
      undefined,
      clerk.auth,
    );
    expect(ids(byClerk)).toEqual([at8.id]);
    const everyShop = await call(
      'GET',
      '/v1/claims?unacknowledged=true&limit=100',
      undefined,
      clerk.auth,
    );
    expect(ids(everyShop)).toContain(at8.id);
    expect(ids(everyShop)).not.toContain(filed.id);
  });

  it('takes the other filters on top, and refuses a bad value naming the parameter', async () => {
    const shop = await seedShop();
    const filed = (await fileOk(shop.auth)) as unknown as Claim;
    const due = await storedDue(filed, '2025-06-16T08:00:00.000Z');
    const lost = await call(
      'GET',
      '/v1/claims?unacknowledged=true&type=lost',
      undefined,
      shop.auth,
    );
    expect(ids(lost)).toEqual([due.id]);
    const late = await call(
      'GET',
      '/v1/claims?unacknowledged=true&type=late',
      undefined,
      shop.auth,
    );
    expect(ids(late)).toEqual([]);
    const bad = await call('GET', '/v1/claims?unacknowledged=yes', undefined, shop.auth);
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('unacknowledged');
  });
});

describe('late shipments and B2B customers', () => {
  async function order(b2b: boolean, shipment: Record<string, unknown> = {}) {
    const shop = await seedShop();
    const body = { ...orderBody([shipmentBody('S-1', { packaging: [], ...shipment })]), b2b };
    const put = await call('PUT', '/v1/orders/O-1', body, shop.auth);
    expect(put.status, put.text).toBe(201);
    return shop;
  }

  it('drafts a delay notice for a late shipment, with the reschedule’s reason and new date', async () => {
    const shop = await order(false);
    const r = await postEvent(shop.auth, 'S-1', {
      eventId: 'r1',
      status: 'rescheduled',
      at: '2025-06-10T10:00:00+03:00',
      promisedDate: '2025-06-18',
      reason: 'courier_late',
    });
    expect(r.status, r.text).toBe(200);
    const a = await call('GET', '/v1/shipments/S-1/messages?lang=en', undefined, shop.auth);
    expect(a.status, a.text).toBe(200);
    const [notice] = a.body.items as { id: string; kind: string; text: string; sentAt?: string }[];
    expect(notice).toMatchObject({ id: 'delay', kind: 'delay_notice' });
    expect(notice?.text).toContain('we promised it by 5 June 2025');
    expect(notice?.text).toContain('fell behind schedule');
    expect(notice?.text).toContain('The new delivery date is 18 June 2025');
    expect(notice?.text).toContain('meet the courier');
    const ru = await call(
      'GET',
      `/v1/shipments/S-1/messages?shopId=${shop.shopId}`,
      undefined,
      clerk.auth,
    );
    expect(ru.status, ru.text).toBe(200);
    expect(JSON.stringify(ru.body)).toContain('Новая дата доставки — 18 июня 2025');

    const sent = await call('POST', '/v1/shipments/S-1/messages/delay/sent', undefined, shop.auth);
    expect(sent.status, sent.text).toBe(200);
    expect(sent.body.sentAt).toBe('2025-06-16T09:00:00.000Z');
    const again = await call('GET', '/v1/shipments/S-1/messages', undefined, shop.auth);
    expect((again.body.items as { sentAt?: string }[])[0]?.sentAt).toBe('2025-06-16T09:00:00.000Z');
  });

  it('has no delay notice for a shipment not late: 404', async () => {
    const shop = await order(false, { promisedDate: '2025-06-30' });
    const a = await call('GET', '/v1/shipments/S-1/messages', undefined, shop.auth);
    expect(a.status, a.text).toBe(404);
    expect(a.body.detail).toContain('not late');
    const clerkNoShop = await call('GET', '/v1/shipments/S-1/messages', undefined, clerk.auth);
    expect(clerkNoShop.status).toBe(422);
  });

  it('writes a B2B order formally, with the contractual per-day penalty, in its notice and its claim', async () => {
    const shop = await order(true);
    const notice = await call('GET', '/v1/shipments/S-1/messages?lang=ru', undefined, shop.auth);
    const [text] = (notice.body.items as { text: string }[]).map((m) => m.text);
    expect(text?.startsWith('Уважаемые господа!')).toBe(true);
    expect(text).toContain('неустойка в размере 3\u00a0% стоимости доставки');
    expect(text).toContain('15,00\u00a0₽ в день');

    const filed = await call(
      'POST',
      '/v1/shipments/S-1/claims',
      { type: 'late', description: 'Late', evidence: [] },
      shop.auth,
    );
    expect(filed.status, filed.text).toBe(201);
    expect(filed.body.b2b).toBe(true);
    const id = String(filed.body.id);
    const en = await call('GET', `/v1/claims/${id}/messages?lang=en`, undefined, shop.auth);
    const [ack] = en.body.items as { subject: string; text: string }[];
    expect(ack?.subject).toContain('Claim registered');
    expect(ack?.text.startsWith('Dear Sirs or Madams,')).toBe(true);
    expect(ack?.text).toContain('RUB\u00a015.00 per day');
  });

  it('files a consumer’s claim without b2b, in the everyday tone', async () => {
    const shop = await order(false);
    const filed = await call(
      'POST',
      '/v1/shipments/S-1/claims',
      { type: 'late', description: 'Late', evidence: [] },
      shop.auth,
    );
    expect(filed.status, filed.text).toBe(201);
    expect(filed.body).not.toHaveProperty('b2b');
    const plain = await fileOk(shop.auth, lostFiling());
    expect(plain).not.toHaveProperty('b2b');
  });
});
