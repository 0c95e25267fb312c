import { describe, expect, it } from 'vitest';
import type { Claim, ClaimEvent } from '../../src/domain/claim';
import { keyedReference } from '../../src/lib/reference';
import {
  CLERK_NAME_FOR_SHOPS,
  CLERK_REFERENCE_PURPOSE,
  clerkViews,
} from '../../src/services/clerk-view';

const SECRET = 'a test secret of more than thirty-two characters';
const shop = { keyId: 'shopkey000000000', role: 'shop', shopId: 's1' } as const;
const clerk = { keyId: '1a2b3c4d5e6f7a8b', role: 'clerk' } as const;

/** The parts of a claim that name a clerk, as stored. */
const stored = {
  id: 'clm_1',
  shopId: 's1',
  assignee: { id: clerk.keyId, name: 'Ольга Смирнова' },
  decision: {
    decision: 'rejected',
    reason: 'No proof',
    decidedBy: `clerk:${clerk.keyId}`,
    decidedAt: '2025-06-16T09:00:00.000Z',
  },
} as unknown as Claim;
const event: ClaimEvent = {
  claimId: 'clm_1',
  seq: 2,
  at: '2025-06-16T09:00:00.000Z',
  actor: { role: 'clerk', id: `clerk:${clerk.keyId}` },
  type: 'assigned',
};

describe('clerk references', () => {
  it('are 16 hex digits, the same for the same key id, another per secret and per key id', async () => {
    const of = keyedReference(SECRET, CLERK_REFERENCE_PURPOSE);
    const one = await of(clerk.keyId);
    expect(one).toMatch(/^[0-9a-f]{16}$/);
    expect(await keyedReference(SECRET, CLERK_REFERENCE_PURPOSE)(clerk.keyId)).toBe(one);
    expect(await of('ffffffffffffffff')).not.toBe(one);
    expect(await keyedReference(`${SECRET}!`, CLERK_REFERENCE_PURPOSE)(clerk.keyId)).not.toBe(one);
    expect(await keyedReference(SECRET, 'another purpose')(clerk.keyId)).not.toBe(one);
  });
});

describe('the view for a principal', () => {
  const views = clerkViews(SECRET);

  it('answers a clerk the claim as stored', async () => {
    expect(await views(clerk).claim(stored)).toBe(stored);
    expect(await views(clerk).events([event])).toEqual([event]);
  });

  it('answers a shop one reference per clerk and "a clerk", leaving the stored claim as it was', async () => {
    const before = structuredClone(stored);
    const seen = await views(shop).claim(stored);
    const reference = `clerk_${await keyedReference(SECRET, CLERK_REFERENCE_PURPOSE)(clerk.keyId)}`;
    expect(seen.assignee).toEqual({ id: reference, name: CLERK_NAME_FOR_SHOPS });
    expect(seen.decision?.decidedBy).toBe(reference);
    expect(seen.decision?.reason).toBe('No proof');
    const [shown] = await views(shop).events([event]);
    expect(shown?.actor).toEqual({ role: 'clerk', id: reference });
    expect(stored).toEqual(before);
    // A shop's own id is its own.
    const filed = { ...event, actor: { role: 'shop' as const, id: 's1' } };
    expect((await views(shop).events([filed]))[0]?.actor.id).toBe('s1');
  });
});
