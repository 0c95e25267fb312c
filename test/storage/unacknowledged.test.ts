import { describe, expect, it } from 'vitest';
import { transition, type Claim } from '../../src/domain/claim';
import type { ClaimFilter } from '../../src/storage/repository';
import { reconcileClaim, targetOf } from '../../src/services/claim-changes';
import { claimItem, figuresStorage } from './figures-helpers';
import { at, newClaim } from './helpers';

// The queue is kept by the claim-change consumer: each change here is reconciled as the
// consumer would (src/services/claim-changes.ts).
const storage = await figuresStorage();
const { claims, messagesSent, deps } = storage;
const CLERK = 'key-clerk';
const clerk = { role: 'clerk', id: 'clerk-1' } as const;

/** Files a claim whose acknowledgement is due `dueMinutes` after 2025-03-01T00:00Z. */
async function file(shopId: string, dueMinutes: number | undefined): Promise<Claim> {
  const { claim, event } = newClaim({
    shopId,
    ...(dueMinutes === undefined ? {} : { acknowledgeBy: at(dueMinutes) }),
  });
  const result = await claims.create(claim, event);
  expect(result.created).toBe(true);
  await reconcileClaim(deps, claim.id);
  return claim;
}

async function queue(filter: Omit<ClaimFilter, 'unacknowledgedAsOf'>, asOf: string, limit = 3) {
  const ids: string[] = [];
  let cursor: string | undefined;
  const full = { ...filter, unacknowledgedAsOf: asOf, ascending: true };
  do {
    const page = await claims.list(full, { limit, caller: CLERK, ...(cursor ? { cursor } : {}) });
    ids.push(...page.items.map((c) => c.id));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return ids;
}

async function move(claim: Claim, to: Claim['status']): Promise<Claim> {
  const { claim: next, event } = transition(claim, to, { at: at(5000), by: clerk });
  const moved = await claims.update(claim, next, [event]);
  await reconcileClaim(deps, claim.id);
  return moved;
}

// Shop a: three claims due at 60, 10 and 30 minutes, and one filed before acknowledgeBy existed.
const [a60, a10, a30] = [
  await file('shop-a', 60),
  await file('shop-a', 10),
  await file('shop-a', 30),
];
const legacy = await file('shop-a', undefined);
const b20 = await file('shop-b', 20);

describe('the unacknowledged queue', () => {
  it('lists only claims past acknowledgeBy, oldest due first: a claim not due yet is not read', async () => {
    expect(await queue({ shopId: 'shop-a' }, at(45), 1)).toEqual([a10!.id, a30!.id]);
    expect(await queue({}, at(45))).toEqual([a10!.id, b20!.id, a30!.id]);
    // Due exactly now is not past it.
    expect(await queue({ shopId: 'shop-b' }, at(20))).toEqual([]);
    expect(await queue({ shopId: 'shop-a' }, at(1000))).not.toContain(legacy.id);
  });

  it('applies other filters on top (status)', async () => {
    expect(await queue({ status: 'submitted' }, at(45))).toEqual([a10!.id, b20!.id, a30!.id]);
    expect(await queue({ status: 'in_review' }, at(45))).toEqual([]);
  });

  it('is left in the same write that records the ack sent, and a second record keeps the first time', async () => {
    const sent = await messagesSent.markSent({ claimId: a10!.id }, 'ack', at(50));
    expect(sent).toBe(at(50));
    expect(await queue({ shopId: 'shop-a' }, at(1000))).toEqual([a30!.id, a60!.id]);
    expect(await messagesSent.markSent({ claimId: a10!.id }, 'ack', at(70))).toBe(at(50));
    expect(await messagesSent.sentTimes({ claimId: a10!.id })).toEqual({ ack: at(50) });
  });

  it('stays through moves that do not settle the claim, and leaves with the one that does', async () => {
    const reviewed = await move(a30!, 'in_review');
    expect(await queue({ shopId: 'shop-a' }, at(1000))).toEqual([a30!.id, a60!.id]);
    await move(reviewed, 'rejected');
    expect(await queue({ shopId: 'shop-a' }, at(1000))).toEqual([a60!.id]);
    expect(await queue({}, at(1000))).toEqual([b20!.id, a60!.id]);
  });

  it('does not count other messages as the acknowledgement', async () => {
    await messagesSent.markSent({ claimId: a60!.id }, 'decision', at(80));
    expect(await queue({ shopId: 'shop-a' }, at(1000))).toEqual([a60!.id]);
  });

  it('recording an ack for a claim that does not exist creates no claim item', async () => {
    await expect(messagesSent.markSent({ claimId: 'clm_none' }, 'ack', at(1))).rejects.toThrow(
      /not found/,
    );
    expect(await claims.get('clm_none')).toBeUndefined();
  });

  it('keeps a shipment’s sent messages in the shipment’s partition', async () => {
    const subject = { shopId: 'shop-a', shipmentId: 'S-1' };
    expect(await messagesSent.markSent(subject, 'delay', at(3))).toBe(at(3));
    expect(await messagesSent.sentTimes(subject)).toEqual({ delay: at(3) });
    expect(await messagesSent.sentTimes({ shopId: 'shop-b', shipmentId: 'S-1' })).toEqual({});
  });
});

describe('the queue and the ack, racing', { timeout: 30_000 }, () => {
  const { client, tableName } = storage;
  /** Files a claim due at 10 minutes, not yet reconciled. */
  const fileUnseen = async () => {
    const { claim, event } = newClaim({ shopId: 'race', acknowledgeBy: at(10) });
    await claims.create(claim, event);
    return claim;
  };
  const listed = async (claim: Claim) =>
    (await claimItem(client, tableName, claim.id, 'ACKDUE')) !== undefined;

  it('ack first: the consumer never lists the claim', async () => {
    const claim = await fileUnseen();
    await messagesSent.markSent({ claimId: claim.id }, 'ack', at(5));
    await reconcileClaim(deps, claim.id);
    expect(await listed(claim)).toBe(false);
    expect(await queue({ shopId: 'race' }, at(1000))).not.toContain(claim.id);
  });

  it('consumer first: recording the ack takes the claim off', async () => {
    const claim = await fileUnseen();
    await reconcileClaim(deps, claim.id);
    expect(await queue({ shopId: 'race' }, at(1000))).toContain(claim.id);
    await messagesSent.markSent({ claimId: claim.id }, 'ack', at(5));
    expect(await listed(claim)).toBe(false);
    await reconcileClaim(deps, claim.id);
    expect(await listed(claim)).toBe(false);
  });

  it('an ack recorded between the consumer’s read and its write wins: the write is refused', async () => {
    const claim = await fileUnseen();
    const tally = await storage.tallies.read(claim.id);
    const target = targetOf(await claims.get(claim.id), [], {});
    expect(target.ackDue).toBe(true);
    await messagesSent.markSent({ claimId: claim.id }, 'ack', at(5));
    expect(await storage.tallies.converge(tally, target, at(6))).toBe('stale');
    expect(await listed(claim)).toBe(false);
    // Read again, the consumer counts the claim and leaves it off the queue.
    expect(await reconcileClaim(deps, claim.id)).toBe('written');
    expect(await listed(claim)).toBe(false);
  });

  it('both at once: never listed once the ack is recorded', async () => {
    const all = await Promise.all(Array.from({ length: 20 }, fileUnseen));
    await Promise.all(
      all.flatMap((claim) => [
        reconcileClaim(deps, claim.id),
        messagesSent.markSent({ claimId: claim.id }, 'ack', at(5)),
        reconcileClaim(deps, claim.id),
      ]),
    );
    for (const claim of all) expect(await listed(claim)).toBe(false);
    const ids = new Set(await queue({ shopId: 'race' }, at(1000), 50));
    expect(all.filter((claim) => ids.has(claim.id))).toEqual([]);
    // Recording the ack announces the change (the message service): the count follows.
    await Promise.all(all.map((claim) => reconcileClaim(deps, claim.id)));
    expect((await storage.statusCounts.counts('race')).unacknowledged).toBe(0);
  });
});

describe('the count of claims waiting for their acknowledgement', () => {
  const waiting = async (shopId?: string) =>
    (await storage.statusCounts.counts(shopId)).unacknowledged;

  it('counts each claim listed, due or not yet, per shop and for every shop', async () => {
    const before = await waiting();
    const [due, notYet] = [await file('count-a', 10), await file('count-a', 100_000)];
    await file('count-a', undefined);
    await file('count-b', 10);
    expect(await waiting('count-a')).toBe(2);
    expect(await waiting('count-b')).toBe(1);
    expect(await waiting()).toBe(before + 3);
    // A reconcile that changes nothing moves nothing.
    await reconcileClaim(deps, due!.id);
    expect(await waiting('count-a')).toBe(2);
    expect(notYet).toBeDefined();
  });

  it('drops once the ack is recorded and the change applied, and when a claim is settled', async () => {
    const [acked, settled] = [await file('count-c', 10), await file('count-c', 20)];
    expect(await waiting('count-c')).toBe(2);
    await messagesSent.markSent({ claimId: acked.id }, 'ack', at(30));
    await reconcileClaim(deps, acked.id);
    expect(await waiting('count-c')).toBe(1);
    await move(settled, 'cancelled');
    expect(await waiting('count-c')).toBe(0);
    const tally = await claimItem(storage.client, storage.tableName, settled.id, 'TALLY');
    expect(tally?.unack).toBeUndefined();
  });
});
