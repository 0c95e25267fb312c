/**
 * A shop's listing reads only that shop's items (issue 10): no claim ids of
 * another shop in a cursor, and nothing of another shop evaluated by DynamoDB.
 */
import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/domain/claim';
import { planClaimList } from '../../src/storage/dynamodb/claim-list';
import type { ClaimFilter } from '../../src/storage/repository';
import { at, deriveAll, freshStorage, newClaim, storeFiled } from './helpers';

const storage = await freshStorage();
const { claims, client } = storage;

/** Items DynamoDB evaluated (ScannedCount, before any FilterExpression) per Query sent. */
const scanned: number[] = [];
client.middlewareStack.add(
  (next, context) => async (args) => {
    const result = await next(args);
    if (context.commandName === QueryCommand.name) {
      scanned.push((result.output as QueryCommandOutput).ScannedCount ?? 0);
    }
    return result;
  },
  { step: 'initialize', name: 'countScanned' },
);
async function evaluated<T>(run: () => Promise<T>): Promise<{ result: T; items: number }> {
  scanned.length = 0;
  const result = await run();
  return { result, items: scanned.reduce((sum, n) => sum + n, 0) };
}

/** Shop A: 520 open, overdue claims on one waybill; shop B: three of its own. */
const WAYBILL = 'WB-SHARED';
const shopA: Claim[] = Array.from(
  { length: 520 },
  (_, i) =>
    newClaim({
      id: `clm_a${String(i).padStart(3, '0')}`,
      shopId: 'shop-a',
      waybill: WAYBILL,
      createdAt: at(i),
      answerDueBy: '2025-03-10',
    }).claim,
);
const shopB: Claim[] = [
  newClaim({
    id: 'clm_b1',
    shopId: 'shop-b',
    waybill: 'WB-B1',
    createdAt: at(1000),
    answerDueBy: '2025-03-05',
  }).claim,
  newClaim({
    id: 'clm_b2',
    shopId: 'shop-b',
    waybill: 'WB-B2',
    createdAt: at(1001),
    answerDueBy: '2025-03-06',
  }).claim,
  newClaim({
    id: 'clm_b3',
    shopId: 'shop-b',
    waybill: 'WB-B3',
    createdAt: at(1002),
    answerDueBy: '2025-12-31',
  }).claim,
];
await storeFiled(claims, [...shopA, ...shopB]);
// The search entries (the waybill filter reads them) are the consumer's: derived at once here.
await deriveAll(
  storage,
  [...shopA, ...shopB].map((c) => c.id),
);

/** Everything a cursor could reveal when decoded naively: each dot-separated part as base64url text. */
const decoded = (cursor: string | undefined) =>
  (cursor ?? '')
    .split('.')
    .map((part) => Buffer.from(part, 'base64url').toString('latin1'))
    .join(' ');

const asB = { caller: 'key-shop-b' };

describe("a shop's listing reads only its own items", () => {
  it("B listing A's waybill gets nothing, no cursor, and DynamoDB evaluates none of A's items", async () => {
    const filter: ClaimFilter = { shopId: 'shop-b', waybill: WAYBILL };
    const { result, items } = await evaluated(() => claims.list(filter, { limit: 1, ...asB }));
    expect(result.items).toEqual([]);
    expect(decoded(result.nextCursor)).not.toMatch(/clm_a\d{3}/);
    expect(result.nextCursor).toBeUndefined();
    expect(items).toBe(0);
  });

  it('overdue for B reads only B’s overdue items, not the global open index', async () => {
    const filter: ClaimFilter = { shopId: 'shop-b', overdueAsOf: '2025-04-01' };
    const { result, items } = await evaluated(() => claims.list(filter, { limit: 20, ...asB }));
    expect(result.items.map((c) => c.id)).toEqual(['clm_b2', 'clm_b1']);
    expect(result.nextCursor).toBeUndefined();
    expect(items).toBe(2);
  });

  it('B with any filter evaluates B’s items only', async () => {
    for (const filter of [
      { shopId: 'shop-b' },
      { shopId: 'shop-b', status: 'submitted' as const },
      { shopId: 'shop-b', carrier: 'dpd', type: 'lost' as const },
      { shopId: 'shop-b', waybill: 'WB-B2', overdueAsOf: '2025-04-01' },
    ]) {
      const { result, items } = await evaluated(() => claims.list(filter, { limit: 20, ...asB }));
      expect(result.items.every((c) => c.shopId === 'shop-b')).toBe(true);
      expect(items).toBeLessThanOrEqual(shopB.length);
    }
  });

  it("A's own pages carry cursors that never show a claim id, and page through all 520", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await claims.list(
        { shopId: 'shop-a', waybill: WAYBILL },
        { limit: 200, caller: 'key-shop-a', ...(cursor ? { cursor } : {}) },
      );
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
      expect(decoded(cursor)).not.toMatch(/clm_a\d{3}/);
    } while (cursor !== undefined);
    expect(seen).toEqual(shopA.map((c) => c.id).reverse());
  });
});

describe('the list planner', () => {
  const others: ClaimFilter = {
    waybill: 'W#1',
    overdueAsOf: '2025-04-01',
    status: 'submitted',
    carrier: 'dpd',
    type: 'lost',
    unacknowledgedAsOf: '2025-04-01T00:00:00.000Z',
    search: { field: 'name', text: 'Анна' },
  };
  const names = Object.keys(others) as (keyof ClaimFilter)[];
  /** Every combination of the other filters, each with a shop. */
  const withShop = Array.from({ length: 2 ** names.length }, (_, mask) => ({
    shopId: 'shop#b',
    ...Object.fromEntries(names.filter((_, n) => mask & (1 << n)).map((n) => [n, others[n]])),
  }));

  it.each(withShop)('reads only partitions of the shop for %j', (filter) => {
    const plan = planClaimList(filter, 4);
    expect(plan.partitions.length).toBeGreaterThan(0);
    // The shop id is an encoded part of the partition: 'shop#b' cannot read shop 'shop'.
    for (const { pk, index } of plan.partitions) {
      expect(pk).toMatch(/^SHOP#shop%23b#/);
      expect(['gsi1', 'gsi3']).toContain(index);
    }
  });

  it('keeps clerk-wide listings on the sharded clerk-wide partitions, every shard read', () => {
    for (const filter of [
      { waybill: 'W1' },
      { overdueAsOf: '2025-04-01' },
      { status: 'paid' as const },
      {},
    ]) {
      const plan = planClaimList(filter, 4);
      expect(plan.partitions.every((p) => ['gsi2', 'gsi4'].includes(p.index))).toBe(true);
      expect(plan.partitions.every((p) => !p.pk.startsWith('SHOP#'))).toBe(true);
      expect(new Set(plan.partitions.map((p) => p.pk.split('#').at(-1)))).toEqual(
        new Set(['0', '1', '2', '3']),
      );
    }
    // Every claim, newest first: all eight statuses, every shard.
    expect(planClaimList({}, 4).partitions).toHaveLength(32);
  });
});
