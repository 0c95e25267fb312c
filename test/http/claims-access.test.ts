import { beforeAll, describe, expect, it } from 'vitest';
import { call } from './helpers';
import { fileOk, lostFiling, move, seedKey, seedShop, storage } from './claims-helpers';

type Shop = Awaited<ReturnType<typeof seedShop>>;
let shopA: Shop;
let shopB: Shop;
let clerk: Awaited<ReturnType<typeof seedKey>>;
beforeAll(async () => {
  [shopA, shopB, clerk] = await Promise.all([seedShop(), seedShop(), seedKey('clerk')]);
});

const ids = (a: { body: Record<string, unknown> }) =>
  (a.body.items as { id: string }[]).map((c) => c.id);

describe('a shop sees only its own claims', () => {
  it('answers 404 when shop B reads, cancels, adds evidence to or lists shop A’s claim', async () => {
    const { id } = await fileOk(shopA.auth);
    const attempts = [
      call('GET', `/v1/claims/${id}`, undefined, shopB.auth),
      call('GET', `/v1/claims/${id}/history`, undefined, shopB.auth),
      move(id, 'cancel', shopB.auth),
      move(id, 'evidence', shopB.auth, { evidence: [{ kind: 'photo', name: 'p.jpg' }] }),
    ];
    for (const a of await Promise.all(attempts)) expect(a.status, a.text).toBe(404);
    const list = await call('GET', '/v1/claims', undefined, shopB.auth);
    expect(ids(list)).not.toContain(id);
    const snooping = await call('GET', `/v1/claims?shopId=${shopA.shopId}`, undefined, shopB.auth);
    expect(snooping.status).toBe(422);
    expect((await call('GET', `/v1/claims/${id}`, undefined, shopA.auth)).body.status).toBe(
      'submitted',
    );
  });

  it('lets a clerk see every shop’s claims, one shop at a time', async () => {
    const { id } = await fileOk(shopA.auth);
    const list = await call(
      'GET',
      `/v1/claims?shopId=${shopA.shopId}&limit=100`,
      undefined,
      clerk.auth,
    );
    expect(list.status, list.text).toBe(200);
    expect(ids(list)).toContain(id);
  });
});

describe('GET /v1/claims', () => {
  it('pages through claims newest first with a cursor, each exactly once', async () => {
    const shop = await seedShop();
    const filed: string[] = [];
    for (let i = 0; i < 7; i++) filed.push((await fileOk(shop.auth)).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const q = `/v1/claims?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await call('GET', q, undefined, shop.auth);
      expect(page.status, page.text).toBe(200);
      seen.push(...ids(page));
      cursor = page.body.nextCursor as string | undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(7);
    expect([...seen].sort()).toEqual([...filed].sort());
  });

  it('filters by status, type and waybill', async () => {
    const shop = await seedShop();
    const late = await fileOk(shop.auth, {
      ...lostFiling({ type: 'late', waybill: 'WB-LATE-1' }),
      shipment: {
        deliveryCost: { amount: '500.00', currency: 'RUB' },
        promisedDate: '2025-06-02',
        deliveredDate: '2025-06-10',
      },
    });
    const lost = await fileOk(shop.auth);
    await move(lost.id, 'cancel', shop.auth);
    const q = (s: string) => call('GET', `/v1/claims?${s}`, undefined, shop.auth).then(ids);
    expect(await q('type=late')).toEqual([late.id]);
    expect(await q('status=cancelled')).toEqual([lost.id]);
    expect(await q('waybill=WB-LATE-1')).toEqual([late.id]);
  });

  it('lists only open claims past their answer date with overdue=true', async () => {
    const shop = await seedShop();
    const fresh = await fileOk(shop.auth);
    const stored = await storage.claims.get(fresh.id);
    if (!stored) throw new Error('the filed claim is not stored');
    const id = `clm_${crypto.randomUUID().replaceAll('-', '')}`;
    const late = {
      ...stored,
      id,
      answerDueBy: '2025-06-01',
      createdAt: '2025-05-01T09:00:00.000Z',
    };
    const event = {
      claimId: id,
      seq: 1,
      at: late.createdAt,
      actor: { role: 'shop' as const, id: shop.shopId },
      type: 'filed' as const,
      to: 'submitted' as const,
    };
    await storage.claims.create(late, event);
    const overdue = await call('GET', '/v1/claims?overdue=true', undefined, shop.auth);
    expect(overdue.status, overdue.text).toBe(200);
    expect(ids(overdue)).toEqual([id]);
  });

  it.each([
    ['limit=0', 'limit'],
    ['status=lost', 'status'],
    ['overdue=maybe', 'overdue'],
    ['cursor=not-a-cursor', 'cursor'],
  ])('refuses ?%s naming the parameter', async (query, parameter) => {
    const a = await call('GET', `/v1/claims?${query}`, undefined, clerk.auth);
    expect(a.status, a.text).toBe(422);
    expect(a.body.errors).toEqual([expect.objectContaining({ parameter })]);
  });
});
