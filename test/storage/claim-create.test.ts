import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../src/storage/repository';
import { freshStorage, newClaim } from './helpers';

const storage = await freshStorage();
const { claims } = storage;
const idem = (key: string, fingerprint = 'fp-1') => ({
  shopId: 'shop-a',
  key,
  fingerprint,
  response: JSON.stringify({ status: 201, body: { key } }),
  expiresAt: Math.floor(Date.now() / 1000) + 86_400,
});

describe('ClaimRepository.create', () => {
  it('reads back a stored claim identical to what was written, with its filed event', async () => {
    const { claim, event } = newClaim();
    expect(await claims.create(claim, event)).toEqual({ created: true, claim });
    const stored = await claims.get(claim.id);
    expect(stored).toStrictEqual(claim);
    expect(JSON.stringify(stored)).toBe(JSON.stringify(claim)); // same bytes, same key order
    expect(await claims.history(claim.id)).toStrictEqual([event]);
  });

  it('answers undefined for an unknown id', async () => {
    expect(await claims.get('clm_missing')).toBeUndefined();
  });

  it('refuses to overwrite an existing claim id', async () => {
    const { claim, event } = newClaim();
    await claims.create(claim, event);
    await expect(claims.create({ ...claim, description: 'other' }, event)).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect((await claims.get(claim.id))?.description).toBe(claim.description);
  });

  it('replays the stored response for a reused idempotency key and writes nothing', async () => {
    const first = newClaim();
    await claims.create(first.claim, first.event, idem('k-replay'));
    const second = newClaim();
    const result = await claims.create(second.claim, second.event, idem('k-replay', 'fp-2'));
    expect(result).toEqual({
      created: false,
      replay: { fingerprint: 'fp-1', response: idem('k-replay').response, claimId: first.claim.id },
    });
    expect(await claims.get(second.claim.id)).toBeUndefined();
    expect(await claims.history(second.claim.id)).toEqual([]);
  });

  it('scopes idempotency keys per shop', async () => {
    const a = newClaim({ shopId: 'shop-a' });
    const b = newClaim({ shopId: 'shop-b' });
    await claims.create(a.claim, a.event, { ...idem('k-shared'), shopId: 'shop-a' });
    const result = await claims.create(b.claim, b.event, { ...idem('k-shared'), shopId: 'shop-b' });
    expect(result.created).toBe(true);
  });

  it('treats an expired idempotency record (not yet removed by TTL) as gone', async () => {
    const old = newClaim();
    await claims.create(old.claim, old.event, { ...idem('k-expired'), expiresAt: 1_000 });
    const next = newClaim();
    expect((await claims.create(next.claim, next.event, idem('k-expired'))).created).toBe(true);
  });

  it('files exactly one claim for 100 concurrent requests with one key; the others replay it', async () => {
    const attempts = Array.from({ length: 100 }, () => newClaim({ shopId: 'shop-race' }));
    const results = await Promise.all(
      attempts.map(({ claim, event }) =>
        claims.create(claim, event, { ...idem('k-race'), shopId: 'shop-race' }),
      ),
    );
    const created = results.filter((r) => r.created);
    expect(created).toHaveLength(1);
    const winner = created[0]!.created ? created[0]!.claim.id : '';
    for (const result of results) {
      if (!result.created) expect(result.replay.claimId).toBe(winner);
    }
    const stored = await Promise.all(attempts.map(({ claim }) => claims.get(claim.id)));
    expect(stored.filter(Boolean).map((c) => c?.id)).toEqual([winner]);
    const listed = await claims.list({ shopId: 'shop-race' }, { limit: 100 });
    expect(listed.items.map((c) => c.id)).toEqual([winner]);
  }, 30_000);
});
