import { describe, expect, it } from 'vitest';
import { transition, type Claim } from '../../src/domain/claim';
import type { ClaimFilter } from '../../src/storage/repository';
import { at, freshStorage, newClaim } from './helpers';

const { claims, messagesSent } = await freshStorage();
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
  return await claims.update(claim, next, [event]);
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
