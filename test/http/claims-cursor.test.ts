/**
 * Issue 10: a shop learned other shops' claim ids through `nextCursor`. A shop's
 * listing now reads only its own items, and cursors are opaque and bound to the
 * caller and the query.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from './helpers';
import { fileOk, lostFiling, move, seedKey, seedShop, storage } from './claims-helpers';

type Shop = Awaited<ReturnType<typeof seedShop>>;
let shopA: Shop;
let shopB: Shop;
let clerk: Awaited<ReturnType<typeof seedKey>>;
const waybill = `WB-SHARED-${crypto.randomUUID().slice(0, 8)}`;
const filedByA: string[] = [];
beforeAll(async () => {
  [shopA, shopB, clerk] = await Promise.all([seedShop(), seedShop(), seedKey('clerk')]);
  // One open claim per parcel and type: each is cancelled before the next is filed.
  for (let i = 0; i < 3; i++) {
    const { id } = await fileOk(shopA.auth, lostFiling({ waybill }));
    filedByA.push(id);
    if (i < 2) await move(id, 'cancel', shopA.auth);
  }
});

const list = (query: string, auth: Record<string, string>) =>
  call('GET', `/v1/claims?${query}`, undefined, auth);
const ids = (a: { body: Record<string, unknown> }) =>
  (a.body.items as { id: string }[]).map((c) => c.id);
/** What a cursor shows when decoded as the old base64url JSON was. */
const decoded = (cursor: unknown) => Buffer.from(String(cursor), 'base64url').toString('latin1');

function expectCursorRefused(a: Awaited<ReturnType<typeof call>>) {
  expect(a.status, a.text).toBe(422);
  expect(a.body.type).toBe('/problems/validation-failed');
  expect(a.body.errors).toEqual([
    expect.objectContaining({ parameter: 'cursor', code: 'invalid_value' }),
  ]);
}

describe('cursors do not leak across shops', () => {
  it("gives shop B listing A's waybill no items and no cursor", async () => {
    const page = await list(`waybill=${waybill}&limit=1`, shopB.auth);
    expect(page.status, page.text).toBe(200);
    expect(page.body).toEqual({ items: [] });
  });

  it("gives shop B's overdue listing none of A's open claims", async () => {
    const stored = await storage.claims.get(filedByA[2]!); // the open one
    if (!stored) throw new Error('not stored');
    const id = `clm_${crypto.randomUUID().replaceAll('-', '')}`;
    const overdue = {
      ...stored,
      id,
      waybill: `WB-OVERDUE-${id.slice(4, 12)}`,
      answerDueBy: '2025-06-01',
      createdAt: '2025-05-01T09:00:00.000Z',
    };
    await storage.claims.create(overdue, {
      claimId: id,
      seq: 1,
      at: overdue.createdAt,
      actor: { role: 'shop', id: shopA.shopId },
      type: 'filed',
      to: 'submitted',
    });
    expect(await list('overdue=true&limit=1', shopB.auth).then((a) => a.body)).toEqual({
      items: [],
    });
    expect(ids(await list('overdue=true', shopA.auth))).toEqual([id]);
  });

  it('hands A an opaque cursor that pages on for A, and is a 422 for anyone or anything else', async () => {
    const first = await list(`waybill=${waybill}&limit=1`, shopA.auth);
    expect(first.status, first.text).toBe(200);
    const cursor = first.body.nextCursor as string;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    for (const id of filedByA) expect(decoded(cursor)).not.toContain(id);
    const next = await list(`waybill=${waybill}&limit=5&cursor=${cursor}`, shopA.auth);
    expect(next.status, next.text).toBe(200);
    const whole = ids(await list(`waybill=${waybill}&limit=100`, shopA.auth));
    expect([...whole].sort()).toEqual([...filedByA].sort());
    expect([...ids(first), ...ids(next)]).toEqual(whole);

    const secondKeyOfA = await seedKey('shop', shopA.shopId);
    const flipped = `${cursor.slice(0, 10)}${cursor[10] === 'A' ? 'B' : 'A'}${cursor.slice(11)}`;
    const refused = [
      list(`waybill=${waybill}&limit=1&cursor=${cursor}`, shopB.auth),
      list(`waybill=${waybill}&limit=1&cursor=${cursor}`, secondKeyOfA.auth),
      list(`waybill=${waybill}&shopId=${shopA.shopId}&limit=1&cursor=${cursor}`, clerk.auth),
      list(`waybill=${waybill}&type=late&limit=1&cursor=${cursor}`, shopA.auth),
      list(`limit=1&cursor=${cursor}`, shopA.auth),
      list(`waybill=${waybill}&limit=1&cursor=${flipped}`, shopA.auth),
    ];
    for (const a of await Promise.all(refused)) expectCursorRefused(a);
  });

  it('still lists every shop for a clerk, with every filter, page by page', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list(
        // (No status filter: two of the three are cancelled, one parcel has one open claim.)
        `waybill=${waybill}&type=lost&carrier=cdek&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        clerk.auth,
      );
      expect(page.status, page.text).toBe(200);
      seen.push(...ids(page));
      cursor = page.body.nextCursor as string | undefined;
    } while (cursor);
    expect(seen).toEqual(ids(await list(`waybill=${waybill}&limit=100`, shopA.auth)));
    expect(seen).toHaveLength(filedByA.length);
    const overdue = await list('overdue=true&limit=100', clerk.auth);
    expect(overdue.status, overdue.text).toBe(200);
  });
});
