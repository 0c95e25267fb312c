import { describe, expect, it } from 'vitest';
import { REMEDY_CLOSED_STATUSES } from '../../src/domain/remedy';
import type { Claim } from '../../src/domain/claim';
import { reconcileClaim } from '../../src/services/claim-changes';
import { shardOf } from '../../src/storage/dynamodb/keys';
import {
  allFigures,
  claimItem,
  dayCounters,
  figuresStorage,
  file,
  filedOn,
  itemsStartingWith,
  move,
  reconcile,
} from './figures-helpers';

const storage = await figuresStorage();
const { deps, client, tableName, viewShards } = storage;

// Concurrent reconciles on DynamoDB Local: seconds, more when other files run beside.
describe('reconcileClaim', { timeout: 30_000 }, () => {
  it('counts a claim filed before any tally (backfill), and a second run writes nothing', async () => {
    let claim = await file(storage, {
      shopId: 'rc-a',
      carrier: 'cdek',
      cause: 'warehouse',
      createdAt: filedOn('2026-11-02'),
    });
    claim = await move(storage, claim, { type: 'review' });
    expect(await claimItem(client, tableName, claim.id, 'TALLY')).toBeUndefined();
    expect(await reconcileClaim(deps, claim.id)).toBe('written');
    const figures = await allFigures(client, tableName);
    expect(await reconcileClaim(deps, claim.id)).toBe('unchanged');
    expect(await allFigures(client, tableName)).toEqual(figures);
    expect((await storage.statusCounts.counts('rc-a')).counts).toMatchObject({
      submitted: 0,
      in_review: 1,
    });
    expect(await dayCounters(storage, { shopId: 'rc-a' }, '2026-11-02')).toMatchObject({
      'count#all#all': '1',
      'computed#RUB#cause#warehouse': '300000',
    });
    const tally = await claimItem(client, tableName, claim.id, 'TALLY');
    expect(tally).toMatchObject({
      rev: { N: '1' },
      status: { S: 'in_review' },
      day: { S: '2026-11-02' },
      shard: { N: String(shardOf(claim.id, viewShards)) },
    });
  });

  it('gives the same figures whether each change is applied, or only the last, or twice', async () => {
    const steps = async (shopId: string, after: (claim: Claim) => Promise<void>) => {
      let claim = await file(storage, {
        shopId,
        carrier: 'cdek',
        cause: 'lost_in_transit',
        createdAt: filedOn('2026-11-03'),
      });
      await after(claim);
      claim = await move(storage, claim, { type: 'review' });
      await after(claim);
      claim = await move(storage, claim, {
        type: 'decide',
        decision: 'partially_approved',
        reason: 'One item',
        approvedAmount: { amount: '300.00', currency: 'RUB' },
      });
      await after(claim);
      claim = await move(storage, claim, {
        type: 'pay',
        amount: { amount: '299.99', currency: 'RUB' },
        paidOn: '2026-11-20',
        reference: 'PP-1',
      });
      return claim;
    };
    const eachStep = await steps('rc-each', async (c) => void (await reconcileClaim(deps, c.id)));
    await reconcile(deps, eachStep);
    const lastOnly = await steps('rc-last', async () => undefined);
    await reconcile(deps, lastOnly, lastOnly);
    const each = await dayCounters(storage, { shopId: 'rc-each' }, '2026-11-03');
    expect(each).toMatchObject({
      'count#all#all': '1',
      'computed#RUB#all#all': '300000',
      'approved#RUB#all#all': '30000',
      'paid#RUB#carrier#cdek': '29999',
    });
    expect(await dayCounters(storage, { shopId: 'rc-last' }, '2026-11-03')).toEqual(each);
    expect((await storage.statusCounts.counts('rc-last')).counts.paid).toBe(1);
    expect((await storage.statusCounts.counts('rc-each')).counts).toMatchObject({
      submitted: 0,
      in_review: 0,
      partially_approved: 0,
      paid: 1,
    });
    expect(lastOnly.status).toBe('paid');
  });

  it('converges when the same claim is reconciled many times at once', async () => {
    const claim = await file(storage, {
      shopId: 'rc-same',
      cause: 'warehouse',
      createdAt: filedOn('2026-11-04'),
    });
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => reconcileClaim(deps, claim.id)),
    );
    // At least one wrote; which of the search items, the tally and the counters each one won
    // varies with the interleaving. What must hold: the claim is counted exactly once.
    expect(outcomes).toContain('written');
    expect((await storage.statusCounts.counts('rc-same')).counts.submitted).toBe(1);
    expect((await dayCounters(storage, { shopId: 'rc-same' }, '2026-11-04'))['count#all#all']).toBe(
      '1',
    );
  });

  it('ends with each claim as it last is when its changes and their reconciles overlap', async () => {
    const local = await figuresStorage();
    const day = filedOn('2026-11-09');
    const lives = Array.from({ length: 6 }, async () => {
      const running: Promise<unknown>[] = [];
      // As the queue would: each change's reconcile starts once the change committed, and
      // they run at once, in whatever order they get through.
      const changed = (claim: Claim) => running.push(reconcileClaim(local.deps, claim.id));
      let claim = await file(local, { shopId: 'overlap', cause: 'warehouse', createdAt: day });
      changed(claim);
      claim = await move(local, claim, { type: 'review' });
      changed(claim);
      claim = await move(local, claim, {
        type: 'decide',
        decision: 'partially_approved',
        reason: 'Part',
        approvedAmount: { amount: '100.00', currency: 'RUB' },
      });
      changed(claim);
      claim = await move(local, claim, {
        type: 'pay',
        amount: { amount: '100.00', currency: 'RUB' },
        paidOn: '2026-11-20',
        reference: 'PP',
      });
      changed(claim);
      await Promise.all(running);
    });
    await Promise.all(lives);
    expect((await local.statusCounts.counts('overlap')).counts).toMatchObject({
      submitted: 0,
      in_review: 0,
      partially_approved: 0,
      paid: 6,
    });
    expect(await dayCounters(local, { shopId: 'overlap' }, '2026-11-09')).toMatchObject({
      'count#all#all': '6',
      'approved#RUB#all#all': '60000',
      'paid#RUB#all#all': '60000',
    });
  });

  it('counts a remedy given once, however often the claim is reconciled', async () => {
    const claim = await file(storage, {
      shopId: 'rc-rem',
      cause: 'warehouse',
      createdAt: filedOn('2026-11-05'),
    });
    const offer = {
      id: 'rm_1',
      claimId: claim.id,
      kind: 'gift' as const,
      value: { amount: '700.00', currency: 'RUB' as const },
      status: 'offered' as const,
      offeredAt: '2026-11-06T10:00:00.000Z',
      offeredBy: 'rc-rem',
    };
    await storage.remedies.create(offer);
    await storage.remedies.create({ ...offer, id: 'rm_2' });
    await reconcile(deps, claim);
    const answered = { answeredAt: '2026-11-07T10:00:00.000Z', answeredBy: 'rc-rem' };
    await storage.remedies.answer(
      { ...offer, status: 'accepted', ...answered },
      REMEDY_CLOSED_STATUSES,
    );
    await storage.remedies.answer(
      { ...offer, id: 'rm_2', status: 'declined', ...answered },
      REMEDY_CLOSED_STATUSES,
    );
    await reconcile(deps, claim, claim);
    const day = await dayCounters(storage, { shopId: 'rc-rem' }, '2026-11-05');
    expect(day['given#RUB#all#all']).toBe('70000');
    expect(day['given#RUB#cause#warehouse']).toBe('70000');
    expect(day['count#all#all']).toBe('1');
  });

  it('a withdrawal takes the claim out of the figures, and the status count moves', async () => {
    const claim = await file(storage, {
      shopId: 'rc-w',
      cause: 'warehouse',
      createdAt: filedOn('2026-11-08'),
    });
    await reconcile(deps, claim);
    await reconcile(deps, await move(storage, claim, { type: 'cancel' }));
    expect(await dayCounters(storage, { shopId: 'rc-w' }, '2026-11-08')).toMatchObject({
      'count#all#all': '0',
      'computed#RUB#all#all': '0',
    });
    expect((await storage.statusCounts.counts('rc-w')).counts).toMatchObject({
      submitted: 0,
      cancelled: 1,
    });
  });
});

describe('every shop’s figures, write-sharded', { timeout: 30_000 }, () => {
  it('50 claims of 10 shops reconciled at once: no update lost, the shards sum up', async () => {
    const local = await figuresStorage();
    const claims = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        file(local, {
          shopId: `many-${i % 10}`,
          cause: 'warehouse',
          createdAt: filedOn('2026-11-10'),
        }),
      ),
    );
    await Promise.all(claims.map((claim) => reconcileClaim(local.deps, claim.id)));
    for (let shop = 0; shop < 10; shop++) {
      const { counts, asOf } = await local.statusCounts.counts(`many-${shop}`);
      expect(counts.submitted).toBe(5);
      expect(asOf).toBe('2026-12-01T12:00:00.000Z');
      const day = await dayCounters(local, { shopId: `many-${shop}` }, '2026-11-10');
      expect(day['count#all#all']).toBe('5');
    }
    const all = await local.statusCounts.counts();
    expect(all.counts.submitted).toBe(50);
    expect(all.asOf).toBe('2026-12-01T12:00:00.000Z');
    const shards = await itemsStartingWith(local.client, local.tableName, 'COUNTS#ALL#');
    expect(shards.length).toBeGreaterThan(1);
    expect(shards.reduce((n, item) => n + Number(item.submitted?.N ?? 0), 0)).toBe(50);
    const { days, asOf } = await local.analytics.days('ALL', '2026-11-10', '2026-11-10');
    expect(days.map((d) => d.counters.get('count#all#all')?.toString())).toEqual(['50']);
    expect(days[0]?.counters.get('computed#RUB#all#all')?.toString()).toBe(String(50 * 300000));
    expect(asOf).toBe('2026-12-01T12:00:00.000Z');
  });

  it('says nothing as of when nothing was counted', async () => {
    expect(await storage.statusCounts.counts('nobody')).toEqual({
      counts: expect.objectContaining({ submitted: 0 }),
      unacknowledged: 0,
    });
    expect(await storage.analytics.days('ALL', '2020-01-01', '2020-01-31')).toEqual({ days: [] });
  });
});
