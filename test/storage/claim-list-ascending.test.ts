import { describe, expect, it } from 'vitest';
import { CLAIM_STATUSES, type Claim } from '../../src/domain/claim';
import { InvalidCursorError, type ClaimFilter } from '../../src/storage/repository';
import { DynamoClaimRepository } from '../../src/storage/dynamodb/claim-repository';
import { at, freshTable, TEST_VIEW_SHARDS, newClaim, storeFiled } from './helpers';

const { client, tableName } = await freshTable();
const claims = new DynamoClaimRepository({ client, tableName, viewShards: TEST_VIEW_SHARDS });
const CLERK = 'key-clerk';
const day = (iso: string, plus: number) =>
  new Date(Date.parse(iso) + plus * 86_400_000).toISOString().slice(0, 10);

/** 30 claims, one every 12 h; answer dates out of filing order, some claims settled. */
const model: Claim[] = Array.from({ length: 30 }, (_, i) => {
  const createdAt = at(i * 720);
  const { claim } = newClaim({
    id: `clm_${String(i).padStart(3, '0')}`,
    createdAt,
    shopId: i % 2 === 0 ? 'shop-a' : 'shop-b',
    answerDueBy: day(createdAt, 30 - ((i * 7) % 11)),
  });
  // Every fourth claim settled (leaves the due-date indexes).
  return { ...claim, status: i % 4 === 3 ? 'paid' : CLAIM_STATUSES[i % 2]! };
});
await storeFiled(claims, model);

async function listAll(filter: ClaimFilter, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await claims.list(filter, { limit, caller: CLERK, ...(cursor ? { cursor } : {}) });
    ids.push(...page.items.map((c) => c.id));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return ids;
}

const byCreated = (a: Claim, b: Claim) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
const byDue = (a: Claim, b: Claim) => a.answerDueBy.localeCompare(b.answerDueBy) || byCreated(a, b);
const open = model.filter((c) => c.status !== 'paid');

describe('ClaimRepository.list ascending', () => {
  it('lists oldest first, across pages', async () => {
    expect(await listAll({ ascending: true }, 7)).toEqual(
      [...model].sort(byCreated).map((c) => c.id),
    );
    expect(await listAll({ shopId: 'shop-b', ascending: true }, 4)).toEqual(
      model
        .filter((c) => c.shopId === 'shop-b')
        .sort(byCreated)
        .map((c) => c.id),
    );
  });

  it('lists open claims by answer date, soonest first, on both due-date indexes', async () => {
    const far = '9999-12-31';
    expect(await listAll({ overdueAsOf: far, ascending: true }, 6)).toEqual(
      [...open].sort(byDue).map((c) => c.id),
    );
    expect(await listAll({ shopId: 'shop-a', overdueAsOf: far, ascending: true }, 5)).toEqual(
      open
        .filter((c) => c.shopId === 'shop-a')
        .sort(byDue)
        .map((c) => c.id),
    );
    // The default order is still the reverse.
    expect(await listAll({ overdueAsOf: far }, 50)).toEqual(
      [...open]
        .sort(byDue)
        .reverse()
        .map((c) => c.id),
    );
  });

  it('refuses a cursor of the other order (it belongs to another listing)', async () => {
    const first = await claims.list({ ascending: true }, { limit: 5, caller: CLERK });
    await expect(
      claims.list({}, { limit: 5, caller: CLERK, cursor: first.nextCursor! }),
    ).rejects.toBeInstanceOf(InvalidCursorError);
  });
});
