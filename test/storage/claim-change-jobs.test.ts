import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import { meterWrites } from '../../scripts/bench/capacity';
import { consumeChanges, runCron, type ChangeMessage } from '../../src/services/claim-change-jobs';
import { queueFeed, reconcileClaim } from '../../src/services/claim-changes';
import { shardOf } from '../../src/storage/dynamodb/keys';
import type { Storage } from '../../src/storage/repository';
import {
  claimItem,
  figuresStorage,
  file,
  filedOn,
  itemsStartingWith,
  meterItemByItem,
  move,
} from './figures-helpers';

const storage = await figuresStorage();
const { deps, client, tableName, viewShards } = storage;

/** `target` with some methods replaced (the others still the instance's own). */
const overriding = <T extends object>(target: T, patch: Partial<T>): T =>
  Object.assign(Object.create(target) as T, patch);

/** A queue message double that remembers what the consumer did with it. */
const message = (body: unknown, attempts = 1) => {
  const m = {
    body,
    attempts,
    outcome: 'none' as 'none' | 'ack' | 'retry',
    delay: undefined as number | undefined,
    ack: () => void (m.outcome = 'ack'),
    retry: (options?: { delaySeconds?: number }) => {
      m.outcome = 'retry';
      m.delay = options?.delaySeconds;
    },
  };
  return m satisfies ChangeMessage;
};

describe('the search entries', () => {
  it('carry exactly the keys the list planner reads', async () => {
    const claim = await file(storage, {
      shopId: 'shop/1',
      waybill: ' zq-7781 ',
      orderId: 'Ord-55',
      claimant: { name: 'Фёдор  Ёлкин', email: 'f@example.com', phone: '+7 (901) 222-33-44' },
    });
    await reconcileClaim(deps, claim.id);
    const created = `${claim.createdAt}#${claim.id}`;
    const shard = shardOf(claim.id, viewShards);
    expect(await claimItem(client, tableName, claim.id, 'SEARCH#CLAIMANT')).toMatchObject({
      gsi1pk: { S: 'SHOP#shop%2F1#NAME' },
      // Spaces removed, ё as е (issue 19): `федорел` is the start of it.
      gsi1sk: { S: `федорелкин#${created}` },
      gsi2pk: { S: `NAME#${shard}` },
      gsi2sk: { S: `федорелкин#${created}` },
      gsi3pk: { S: 'SHOP#shop%2F1#PHONE' },
      gsi3sk: { S: `44332221097#${created}` },
      gsi4pk: { S: `PHONE#${shard}` },
      gsi4sk: { S: `44332221097#${created}` },
    });
    expect(await claimItem(client, tableName, claim.id, 'SEARCH#REF')).toMatchObject({
      gsi1pk: { S: 'SHOP#shop%2F1#ORDER' },
      gsi1sk: { S: `ORD-55#${created}` },
      gsi2pk: { S: `ORDER#${shard}` },
      gsi3pk: { S: 'SHOP#shop%2F1#WAYBILL' },
      gsi3sk: { S: `ZQ-7781#${created}` },
      gsi4pk: { S: `WAYBILL#${shard}` },
      gsi4sk: { S: `ZQ-7781#${created}` },
    });
  });

  it('leave the order view out for a claim without an order id (an index key is never empty)', async () => {
    const claim = await file(storage, { shopId: 'no-order', orderId: undefined });
    await reconcileClaim(deps, claim.id);
    const reference = await claimItem(client, tableName, claim.id, 'SEARCH#REF');
    expect(reference?.gsi1pk).toBeUndefined();
    expect(reference?.gsi2pk).toBeUndefined();
    expect(reference?.gsi3pk).toEqual({ S: 'SHOP#no-order#WAYBILL' });
  });
});

describe('the queue feed', () => {
  it('sends the claim id after the answer, through the request’s waitUntil', async () => {
    const sent: unknown[] = [];
    const later: (() => Promise<void>)[] = [];
    const feed = queueFeed(
      { send: async (body) => void sent.push(body) },
      { ...deps, defer: () => (work) => void later.push(work) },
    );
    await feed.claimChanged('clm_deferred');
    expect(sent).toEqual([]);
    await Promise.all(later.map((work) => work()));
    expect(sent).toEqual([{ claimId: 'clm_deferred' }]);
  });

  it('records a change it could not send for the cron, which reconciles it and clears the record', async () => {
    const local = await figuresStorage();
    const claim = await file(local, { shopId: 'pending-a', cause: 'warehouse' });
    const log = vi.fn();
    const feed = queueFeed(
      { send: () => Promise.reject(new Error('queue down')) },
      { ...local.deps, log },
    );
    await expect(feed.claimChanged(claim.id)).resolves.toBeUndefined();
    expect(log).toHaveBeenCalledWith(
      expect.objectContaining({ event: 'claim-change-unannounced', claimId: claim.id }),
    );
    expect(await itemsStartingWith(local.client, local.tableName, 'PENDING#')).toHaveLength(1);
    const report = await runCron(local.deps, { sweep: 0 });
    expect(report).toMatchObject({ pending: 1, pendingFailed: 0 });
    expect(await itemsStartingWith(local.client, local.tableName, 'PENDING#')).toEqual([]);
    expect((await local.statusCounts.counts('pending-a')).counts.submitted).toBe(1);
  });

  it('never throws, even when the record for the cron fails too', async () => {
    const log = vi.fn();
    const broken: Storage = {
      ...storage,
      tallies: overriding(storage.tallies, {
        markPending: () => Promise.reject(new Error('db down')),
      }),
    };
    const feed = queueFeed(
      { send: () => Promise.reject(new Error('queue down')) },
      { storage: broken, clock: deps.clock, log },
    );
    await expect(feed.claimChanged('clm_x')).resolves.toBeUndefined();
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ event: 'claim-change-lost' }));
  });
});

describe('the queue consumer', () => {
  it('reconciles each claim once, acks its messages, drops what names no claim, retries a failure', async () => {
    const a = await file(storage, { shopId: 'consume-a' });
    const read = storage.tallies.read.bind(storage.tallies);
    const flaky: Storage = {
      ...storage,
      tallies: overriding(storage.tallies, {
        read: (id) => (id === 'clm_broken' ? Promise.reject(new Error('boom')) : read(id)),
      }),
    };
    const messages = [
      message({ claimId: a.id }),
      message({ claimId: a.id }),
      message({ nonsense: true }),
      message({ claimId: 'clm_broken' }, 3),
    ];
    const log = vi.fn();
    const report = await consumeChanges(messages, { storage: flaky, clock: deps.clock, log });
    expect(report).toEqual({ reconciled: 1, retried: 1 });
    expect(messages.map((m) => m.outcome)).toEqual(['ack', 'ack', 'ack', 'retry']);
    expect(messages[3]?.delay).toBe(40);
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ event: 'claim-change-failed' }));
    expect((await storage.statusCounts.counts('consume-a')).counts.submitted).toBe(1);
  });
});

describe('the cron’s rolling sweep', { timeout: 30_000 }, () => {
  it('reconciles a bounded stretch per tick, keeps its place, and starts again at the end', async () => {
    const local = await figuresStorage();
    for (let i = 0; i < 7; i++) await file(local, { shopId: 'sweep-a', cause: 'warehouse' });
    const counted = async () => (await local.statusCounts.counts('sweep-a')).counts.submitted;
    expect(await runCron(local.deps, { sweep: 3 })).toMatchObject({
      swept: 3,
      sweepRoundDone: false,
    });
    expect(await counted()).toBe(3);
    expect(await runCron(local.deps, { sweep: 3 })).toMatchObject({ swept: 3 });
    expect(await counted()).toBe(6);
    const third = await runCron(local.deps, { sweep: 3 });
    expect(third.swept).toBeGreaterThanOrEqual(1);
    expect(await counted()).toBe(7);
    // Past the end: the next round starts from the first claim again.
    let rounds = 0;
    for (let tick = 0; tick < 3 && rounds === 0; tick++) {
      if ((await runCron(local.deps, { sweep: 3 })).sweepRoundDone) rounds++;
    }
    expect((await local.tallies.sweepCursor()).rounds).toBeGreaterThanOrEqual(1);
    expect(await counted()).toBe(7);
  });
});

describe('what the consumer writes, in write units', { timeout: 30_000 }, () => {
  /**
   * Three claims of a day counted, then a fourth: what reconciling its filing, a review and
   * an assignment costs (`attach` puts a meter on the client).
   */
  async function costs<U>(attach: (client: DynamoDBClient) => () => U) {
    const local = await figuresStorage();
    const take = attach(local.client);
    const day = filedOn('2026-11-12');
    for (let i = 0; i < 3; i++) {
      const other = await file(local, { shopId: 'wcu', cause: 'warehouse', createdAt: day });
      await reconcileClaim(local.deps, other.id);
    }
    const claim = await file(local, {
      shopId: 'wcu',
      cause: 'warehouse',
      createdAt: day,
      acknowledgeBy: '2026-11-13T10:00:00.000Z',
    });
    take();
    await reconcileClaim(local.deps, claim.id);
    const filing = take();
    const reviewed = await move(local, claim, { type: 'review' });
    take();
    await reconcileClaim(local.deps, reviewed.id);
    const review = take();
    await move(local, reviewed, { type: 'assign', assignee: { id: 'k1', name: 'Ольга' } });
    take();
    await reconcileClaim(local.deps, reviewed.id);
    return { filing, review, assign: take() };
  }

  it('per filing and per move, as DynamoDB charges them item by item (for BENCHMARKS.md)', async () => {
    const units = await costs((client) => {
      const meter = meterItemByItem(client);
      return () => meter.take();
    });
    console.log('consumer write units, item by item', JSON.stringify(units));
    expect(units.assign.total).toBe(0);
    expect(units.filing.total).toBeLessThanOrEqual(40);
    expect(units.review.total).toBeLessThanOrEqual(20);
  });

  it('as DynamoDB Local reports them (less: it under-reports a transaction of several items)', async () => {
    const units = await costs((client) => {
      const meter = meterWrites(client);
      return () => meter.take();
    });
    console.log('consumer write units, as Local reports', JSON.stringify(units));
    expect(units.assign.total).toBe(0);
  });
});
