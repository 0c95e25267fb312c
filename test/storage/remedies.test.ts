import { describe, expect, it } from 'vitest';
import { transition } from '../../src/domain/claim';
import { REMEDY_CLOSED_STATUSES, type Remedy } from '../../src/domain/remedy';
import { ConflictError } from '../../src/storage/repository';
import { at, freshStorage, newClaim } from './helpers';

const storage = await freshStorage();

const offer = (claimId: string, n: number, overrides: Partial<Remedy> = {}): Remedy => ({
  id: `rm_${n}`,
  claimId,
  kind: 'voucher',
  value: { amount: `${n}00.00`, currency: 'RUB' },
  status: 'offered',
  offeredAt: `2025-06-16T09:0${n}:00.000Z`,
  offeredBy: 'demo-shop',
  ...overrides,
});

describe('remedies on DynamoDB', () => {
  it('keeps each offer as an item of the claim’s partition, in order, apart from the claim', async () => {
    const { claim, event } = newClaim();
    await storage.claims.create(claim, event);
    for (const n of [1, 2, 10]) await storage.remedies.create(offer(claim.id, n));
    const listed = await storage.remedies.list(claim.id);
    // Zero-padded sort keys: rm_10 after rm_2.
    expect(listed.map((r) => r.id)).toEqual(['rm_1', 'rm_2', 'rm_10']);
    expect(listed[0]).toStrictEqual(offer(claim.id, 1));
    // The claim, its evidence and its history read the same as before.
    expect(await storage.claims.get(claim.id)).toStrictEqual(claim);
    expect((await storage.claims.history(claim.id)).map((e) => e.type)).toEqual(['filed']);
    expect(await storage.remedies.list('clm_none')).toEqual([]);
  });

  it('writes an offer once under its number', async () => {
    const { claim } = newClaim();
    await storage.remedies.create(offer(claim.id, 1));
    await expect(
      storage.remedies.create(offer(claim.id, 1, { kind: 'gift' })),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await storage.remedies.list(claim.id))[0]?.kind).toBe('voucher');
  });

  it('takes one answer: the second is refused and the first stays', async () => {
    const { claim } = newClaim();
    const offered = await storage.remedies.create(offer(claim.id, 1));
    const answered = { answeredAt: '2025-06-17T10:00:00.000Z', answeredBy: 'demo-shop' };
    const accepted = { ...offered, status: 'accepted' as const, ...answered };
    expect(await storage.remedies.answer(accepted, REMEDY_CLOSED_STATUSES)).toEqual({
      answered: true,
      remedy: accepted,
    });
    const declined = { ...offered, status: 'declined' as const, ...answered };
    expect(await storage.remedies.answer(declined, REMEDY_CLOSED_STATUSES)).toEqual({
      answered: false,
      current: accepted,
    });
    expect(await storage.remedies.list(claim.id)).toStrictEqual([accepted]);
    // An answer to an offer never made writes nothing.
    expect(
      await storage.remedies.answer(
        offer(claim.id, 2, { status: 'accepted' }),
        REMEDY_CLOSED_STATUSES,
      ),
    ).toEqual({
      answered: false,
    });
    expect(await storage.remedies.list(claim.id)).toHaveLength(1);
  });

  it('refuses an answer, in the same write, once the claim is withdrawn; the offer stays', async () => {
    const { claim, event } = newClaim();
    await storage.claims.create(claim, event);
    const offered = await storage.remedies.create(offer(claim.id, 1));
    const cancel = transition(claim, 'cancelled', {
      at: at(500),
      by: { role: 'shop', id: 'shop-a' },
    });
    await storage.claims.update(claim, cancel.claim, cancel.event);
    const accepted = {
      ...offered,
      status: 'accepted' as const,
      answeredAt: '2025-06-17T10:00:00.000Z',
      answeredBy: 'demo-shop',
    };
    expect(await storage.remedies.answer(accepted, REMEDY_CLOSED_STATUSES)).toEqual({
      answered: false,
      claimStatus: 'cancelled',
    });
    expect(await storage.remedies.list(claim.id)).toStrictEqual([offered]);
    // A claim that is not withdrawn takes it.
    const other = newClaim();
    await storage.claims.create(other.claim, other.event);
    const open = await storage.remedies.create(offer(other.claim.id, 1));
    const answer = { ...accepted, claimId: other.claim.id, offeredAt: open.offeredAt };
    expect(await storage.remedies.answer(answer, REMEDY_CLOSED_STATUSES)).toEqual({
      answered: true,
      remedy: answer,
    });
  });

  it('hands out numbers that never repeat, after the highest one listed, 50 at once', async () => {
    const { claim } = newClaim();
    // A claim whose offers were numbered before the counter existed: it starts after them.
    await storage.remedies.create(offer(claim.id, 1));
    await storage.remedies.create(offer(claim.id, 2));
    const numbers = await Promise.all(
      Array.from({ length: 50 }, () => storage.remedies.takeNumber(claim.id, 2)),
    );
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 3));
    expect(await storage.remedies.takeNumber(claim.id, 0)).toBe(53);
    // The counter is no remedy.
    expect((await storage.remedies.list(claim.id)).map((r) => r.id)).toEqual(['rm_1', 'rm_2']);
  });
});
