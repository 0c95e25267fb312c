import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { rebuildAggregates } from '../../scripts/rebuild-aggregates';
import type { Claim } from '../../src/domain/claim';
import { REMEDY_CLOSED_STATUSES, type Remedy } from '../../src/domain/remedy';
import { reconcileClaim } from '../../src/services/claim-changes';
import { correctFigures } from '../../src/storage/dynamodb/figures-rebuild';
import { allFigures, figuresStorage, filedOn, move } from './figures-helpers';
import { newClaim } from './helpers';

type Tables = Awaited<ReturnType<typeof figuresStorage>>;
const clock = () => new Date('2026-12-02T08:00:00.000Z');

/**
 * The same history on a table: claims of 3 shops over 2 days, some reviewed, decided, paid,
 * withdrawn, one with a remedy accepted; `after` runs after each change (the live consumer).
 */
async function history(tables: Tables, after: (claim: Claim) => Promise<void>) {
  const claims: Claim[] = [];
  for (let i = 0; i < 12; i++) {
    const { claim, event } = newClaim({
      id: `clm_rebuild_${i}`,
      shopId: `rb-${i % 3}`,
      carrier: i % 2 ? 'cdek' : 'dpd',
      cause: i % 4 ? 'warehouse' : 'lost_in_transit',
      createdAt: filedOn(i < 6 ? '2026-11-14' : '2026-11-15'),
      acknowledgeBy: '2026-11-16T10:00:00.000Z',
    });
    await tables.claims.create(claim, event);
    await after(claim);
    claims.push(claim);
  }
  const step = async (i: number, command: Parameters<typeof move>[2]) => {
    claims[i] = await move(tables, claims[i]!, command);
    await after(claims[i]!);
  };
  for (const i of [0, 2, 3]) await step(i, { type: 'review' });
  await step(1, { type: 'cancel' });
  await step(2, {
    type: 'decide',
    decision: 'partially_approved',
    reason: 'Part of it',
    approvedAmount: { amount: '450.00', currency: 'RUB' },
  });
  await step(2, {
    type: 'pay',
    amount: { amount: '450.00', currency: 'RUB' },
    paidOn: '2026-11-20',
    reference: 'PP-9',
  });
  const remedy: Remedy = {
    id: 'rm_1',
    claimId: claims[3]!.id,
    kind: 'gift',
    value: { amount: '250.00', currency: 'RUB' },
    status: 'offered',
    offeredAt: '2026-11-16T10:00:00.000Z',
    offeredBy: 'rb-0',
  };
  await tables.remedies.create(remedy);
  await tables.remedies.answer(
    {
      ...remedy,
      status: 'accepted',
      answeredAt: '2026-11-17T10:00:00.000Z',
      answeredBy: 'rb-0',
    },
    REMEDY_CLOSED_STATUSES,
  );
  await after(claims[3]!);
  return claims;
}

// Each test files and moves a few dozen claims on DynamoDB Local, twice for some.
describe('npm run rebuild-aggregates', { timeout: 30_000 }, () => {
  it('on claims that were never counted, gives the figures live reconciling gives', async () => {
    const live = await figuresStorage();
    await history(live, async (claim) => void (await reconcileClaim(live.deps, claim.id)));
    const untallied = await figuresStorage();
    await history(untallied, async () => undefined);
    expect(await allFigures(untallied.client, untallied.tableName)).toEqual({});

    const report = await rebuildAggregates(
      untallied.client,
      { tableName: untallied.tableName, viewShards: untallied.viewShards },
      clock,
    );
    expect(report).toMatchObject({ claims: 12, reconciled: 12, failed: [] });
    expect(report.passes[0]).toMatchObject({ corrected: 0, raced: 0 });
    const figures = await allFigures(live.client, live.tableName);
    expect(Object.keys(figures).length).toBeGreaterThan(4);
    expect(await allFigures(untallied.client, untallied.tableName)).toEqual(figures);
    expect((await untallied.statusCounts.counts()).counts).toEqual(
      (await live.statusCounts.counts()).counts,
    );
    const { days, asOf } = await untallied.analytics.days('ALL', '2026-11-01', '2026-11-30');
    expect(days.map((d) => d.day)).toEqual(['2026-11-14', '2026-11-15']);
    expect(asOf).toBe('2026-12-02T08:00:00.000Z');
  });

  it('repairs counters that drifted; a second run changes nothing', async () => {
    const tables = await figuresStorage();
    await history(tables, async (claim) => void (await reconcileClaim(tables.deps, claim.id)));
    const before = await allFigures(tables.client, tables.tableName);
    await tables.client.send(
      new UpdateItemCommand({
        TableName: tables.tableName,
        Key: { pk: { S: 'COUNTS#SHOP#rb-1' }, sk: { S: 'COUNTS' } },
        UpdateExpression: 'ADD submitted :five',
        ExpressionAttributeValues: { ':five': { N: '5' } },
      }),
    );
    const options = { tableName: tables.tableName, viewShards: tables.viewShards };
    const report = await rebuildAggregates(tables.client, options, clock);
    expect(report.reconciled).toBe(0);
    expect(report.passes[0]).toMatchObject({ corrected: 1, raced: 0 });
    expect(await allFigures(tables.client, tables.tableName)).toEqual(before);
    const again = await rebuildAggregates(tables.client, options, clock);
    expect(again.passes).toEqual([expect.objectContaining({ corrected: 0, raced: 0 })]);
  });

  it('loses no consumer write made while it runs', async () => {
    const tables = await figuresStorage();
    await history(tables, async () => undefined);
    const more = Array.from({ length: 20 }, (_, i) =>
      newClaim({ id: `clm_during_${i}`, shopId: `rb-${i % 3}`, cause: 'warehouse' }),
    );
    for (const { claim, event } of more) await tables.claims.create(claim, event);
    const options = { tableName: tables.tableName, viewShards: tables.viewShards };
    await Promise.all([
      rebuildAggregates(tables.client, options, clock),
      ...more.map(({ claim }) => reconcileClaim(tables.deps, claim.id)),
    ]);
    // Every counter is the sum of the tallies: a pass has nothing to correct.
    expect(await correctFigures(tables, clock().toISOString())).toMatchObject({
      corrected: 0,
      raced: 0,
    });
    expect((await tables.statusCounts.counts()).counts.submitted).toBe(20 + 12 - 4);
  });
});
