import { BatchGetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import { CLAIM_STATUSES, CLAIM_TYPES, isFinalStatus, type Claim } from '../../src/domain/claim';
import { InvalidCursorError, type ClaimFilter } from '../../src/storage/repository';
import { at, deriveAll, freshStorage, newClaim, storeFiled } from './helpers';

const storage = await freshStorage();
const { claims, client } = storage;
const CLERK = 'key-clerk';
const SHOPS = ['shop-a', 'shop-b', 'shop-c'];
const CARRIERS = ['dpd', 'cdek', 'boxberry', 'pochta'];
const day = (iso: string, plus: number) =>
  new Date(Date.parse(iso) + plus * 86_400_000).toISOString().slice(0, 10);

/** 120 claims, one every 12 h, dimensions varied independently; two share a createdAt. */
const model: Claim[] = Array.from({ length: 120 }, (_, i) => {
  const createdAt = at((i === 7 ? 6 : i) * 720);
  const { claim } = newClaim({
    id: `clm_${String(i).padStart(3, '0')}`,
    createdAt,
    shopId: SHOPS[i % 3],
    type: CLAIM_TYPES[Math.floor(i / 2) % 3],
    carrier: CARRIERS[Math.floor(i / 5) % 4],
    waybill: `WB-${i % 40}`,
    answerDueBy: day(createdAt, 30),
  });
  return { ...claim, status: CLAIM_STATUSES[Math.floor(i / 3) % 8]! };
});
await storeFiled(claims, model);
// The search entries (the waybill filter reads them) are the consumer's: derived at once here.
await deriveAll(
  storage,
  model.map((c) => c.id),
);

const newestFirst = (a: Claim, b: Claim) =>
  b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
function expected(filter: ClaimFilter): string[] {
  const matches = model.filter(
    (c) =>
      (filter.shopId === undefined || c.shopId === filter.shopId) &&
      (filter.status === undefined || c.status === filter.status) &&
      (filter.type === undefined || c.type === filter.type) &&
      (filter.carrier === undefined || c.carrier === filter.carrier) &&
      (filter.waybill === undefined || c.waybill === filter.waybill) &&
      (filter.overdueAsOf === undefined ||
        (c.answerDueBy < filter.overdueAsOf && !isFinalStatus(c.status))),
  );
  const order =
    filter.overdueAsOf && !filter.waybill
      ? (a: Claim, b: Claim) => b.answerDueBy.localeCompare(a.answerDueBy) || newestFirst(a, b)
      : newestFirst;
  return matches.sort(order).map((c) => c.id);
}

async function listAll(filter: ClaimFilter, limit: number) {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await claims.list(filter, { limit, caller: CLERK, ...(cursor ? { cursor } : {}) });
    pages.push(page.items.map((c) => c.id));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return pages;
}

describe('ClaimRepository.list', () => {
  it('lists every claim newest first, id breaking ties', async () => {
    const page = await claims.list({}, { limit: 1000, caller: CLERK });
    expect(page.items.map((c) => c.id)).toEqual(expected({}));
    // A listed claim: every field but its entries, counted in their place.
    const { evidence, ...fields } = model[7]!;
    const listed = page.items.find((c) => c.id === 'clm_007');
    expect(listed).toStrictEqual({ ...fields, evidenceCount: evidence.length });
    expect(Object.keys(listed ?? {})).toEqual(
      Object.keys(model[7]!).map((k) => (k === 'evidence' ? 'evidenceCount' : k)),
    );
    expect(page.nextCursor).toBeUndefined();
  });

  it.each<[string, ClaimFilter]>([
    ['shop', { shopId: 'shop-b' }],
    ['status', { status: 'in_review' }],
    ['type', { type: 'damaged' }],
    ['carrier', { carrier: 'cdek' }],
    ['waybill', { waybill: 'WB-13' }],
    ['overdue', { overdueAsOf: '2025-04-20' }],
    ['shop + status', { shopId: 'shop-a', status: 'submitted' }],
    ['shop + carrier + type', { shopId: 'shop-c', carrier: 'dpd', type: 'lost' }],
    ['waybill + shop', { waybill: 'WB-5', shopId: 'shop-c' }],
    ['overdue + shop + type', { overdueAsOf: '2025-05-01', shopId: 'shop-a', type: 'lost' }],
    ['waybill + overdue', { waybill: 'WB-2', overdueAsOf: '2025-06-01' }],
    ['status + carrier', { status: 'paid', carrier: 'pochta' }],
    ['a filter nothing matches', { shopId: 'shop-z' }],
  ])('filters by %s with Queries and reads by key only, never a Scan', async (name, filter) => {
    expect(expected(filter).length > 0).toBe(name !== 'a filter nothing matches');
    const send = vi.spyOn(client, 'send');
    const pages = await listAll(filter, 1000);
    expect(pages.flat()).toEqual(expected(filter));
    for (const [command] of send.mock.calls) {
      expect(command instanceof QueryCommand || command instanceof BatchGetItemCommand).toBe(true);
    }
    send.mockRestore();
  });

  it('pages through 120 claims, 25 at a time, every claim exactly once, in order, pages full', async () => {
    const pages = await listAll({}, 25);
    expect(pages.map((p) => p.length)).toEqual([25, 25, 25, 25, 20]);
    expect(pages.flat()).toEqual(expected({}));
  });

  it('keeps filtered pages full while filtering across index pages', async () => {
    const filter: ClaimFilter = { shopId: 'shop-a', carrier: 'boxberry' };
    const pages = await listAll(filter, 3);
    expect(pages.slice(0, -1).every((p) => p.length === 3)).toBe(true);
    expect(pages.flat()).toEqual(expected(filter));
  });

  it("never shows another shop's claims, even through a shared waybill or a foreign cursor", async () => {
    for (const filter of [
      { shopId: 'shop-a' },
      { shopId: 'shop-a', waybill: 'WB-1' },
      { shopId: 'shop-a', overdueAsOf: '2025-12-31' },
    ]) {
      const items = (await listAll(filter, 10)).flat();
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((id) => model.find((c) => c.id === id)?.shopId === 'shop-a')).toBe(true);
    }
    const other = await claims.list({ shopId: 'shop-b' }, { limit: 5, caller: CLERK });
    await expect(
      claims.list({ shopId: 'shop-a' }, { limit: 5, caller: CLERK, cursor: other.nextCursor! }),
    ).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it.each([
    ['garbage', '!!not-a-cursor!!'],
    ['valid base64 but not JSON', 'bm90IGpzb24'],
    ['JSON of the wrong shape', Buffer.from('{"i":"all","k":{"pk":1}}').toString('base64url')],
    [
      'a key with extra attributes',
      Buffer.from(
        '{"i":"all","k":{"pk":"a","sk":"b","allPk":"CLAIM","createdSk":"c","x":"y"}}',
      ).toString('base64url'),
    ],
    [
      'a cursor for another index',
      Buffer.from('{"i":"byShop","k":{"pk":"a","sk":"b","shopPk":"s","createdSk":"c"}}').toString(
        'base64url',
      ),
    ],
  ])('refuses a bad cursor (%s) with InvalidCursorError', async (_name, cursor) => {
    await expect(claims.list({}, { limit: 5, caller: CLERK, cursor })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
  });

  it('binds a cursor to its caller and its query: another caller, another filter or one altered character is refused', async () => {
    const filter: ClaimFilter = { status: 'submitted' };
    const { nextCursor } = await claims.list(filter, { limit: 2, caller: CLERK });
    expect(nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const cursor = nextCursor!;
    const next = await claims.list(filter, { limit: 2, caller: CLERK, cursor });
    expect(next.items.map((c) => c.id)).toEqual(expected(filter).slice(2, 4));
    const refusals = [
      () => claims.list(filter, { limit: 2, caller: 'key-other-clerk', cursor }),
      () => claims.list({ status: 'submitted', type: 'lost' }, { limit: 2, caller: CLERK, cursor }),
      () => claims.list({ status: 'paid' }, { limit: 2, caller: CLERK, cursor }),
      ...[0, 20, cursor.length - 1].map((at) => {
        const flipped = cursor[at] === 'A' ? 'B' : 'A';
        const altered = cursor.slice(0, at) + flipped + cursor.slice(at + 1);
        return () => claims.list(filter, { limit: 2, caller: CLERK, cursor: altered });
      }),
    ];
    for (const refusal of refusals)
      await expect(refusal()).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('keeps an overdue cursor valid when the day changes (same listing, later date)', async () => {
    const filter: ClaimFilter = { overdueAsOf: '2025-04-20' };
    const first = await claims.list(filter, { limit: 3, caller: CLERK });
    const later = await claims.list(
      { overdueAsOf: '2025-04-21' },
      { limit: 3, caller: CLERK, cursor: first.nextCursor! },
    );
    // Continues after the first page's last claim; claims newly overdue sort above it.
    const order = expected({ overdueAsOf: '2025-04-21' });
    const after = order.indexOf(first.items.at(-1)!.id) + 1;
    expect(order.length).toBeGreaterThan(expected(filter).length);
    expect(later.items.map((c) => c.id)).toEqual(order.slice(after, after + 3));
  });

  it('refuses an empty filter value rather than widening the listing', async () => {
    await expect(claims.list({ shopId: '' }, { limit: 5, caller: CLERK })).rejects.toBeInstanceOf(
      RangeError,
    );
    await expect(claims.list({}, { limit: 0, caller: CLERK })).rejects.toBeInstanceOf(RangeError);
  });
});
