import { describe, expect, it } from 'vitest';
import type { Remedy } from '../../src/domain/remedy';
import { ConflictError } from '../../src/storage/repository';
import { freshStorage, newClaim } from './helpers';

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
    expect(await storage.remedies.answer(accepted)).toEqual({ answered: true, remedy: accepted });
    const declined = { ...offered, status: 'declined' as const, ...answered };
    expect(await storage.remedies.answer(declined)).toEqual({ answered: false, current: accepted });
    expect(await storage.remedies.list(claim.id)).toStrictEqual([accepted]);
    // An answer to an offer never made writes nothing.
    expect(await storage.remedies.answer(offer(claim.id, 2, { status: 'accepted' }))).toEqual({
      answered: false,
    });
    expect(await storage.remedies.list(claim.id)).toHaveLength(1);
  });
});
