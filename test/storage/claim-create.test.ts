import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { idempotentClaimId, MAX_KEY_GENERATIONS } from '../../src/storage/dynamodb/claim-create';
import { claimKey } from '../../src/storage/dynamodb/items';
import { ConflictError, IdempotencyConflictError } from '../../src/storage/repository';
import { at, freshStorage, newClaim } from './helpers';

const storage = await freshStorage();
const { claims } = storage;
const idem = (key: string, fingerprint = 'fp-1') => ({
  shopId: 'shop-a',
  key,
  fingerprint,
  expiresAt: Math.floor(Date.now() / 1000) + 86_400,
  idFromKey: true as const,
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

  it('files the claim, its first event and nothing else in one item (one PutItem)', async () => {
    const { claim, event } = newClaim();
    await claims.create(claim, event);
    const { Item } = await storage.client.send(
      new GetItemCommand({ TableName: storage.tableName, Key: claimKey(claim.id) }),
    );
    expect(Item?.filedEvent?.M?.type).toEqual({ S: 'filed' });
    expect(Item?.expiresAt).toBeUndefined(); // the table's TTL attribute: it would delete the claim
    expect(await claims.history(claim.id)).toStrictEqual([event]);
    // Read back in the event's own key order, although DynamoDB keeps none.
    expect(JSON.stringify(await claims.history(claim.id))).toBe(JSON.stringify([event]));
  });

  it('files under the id derived from shop and key, and answers the stored claim', async () => {
    const { claim, event } = newClaim();
    const result = await claims.create(claim, event, idem('k-derived'));
    const id = await idempotentClaimId('shop-a', 'k-derived', 0);
    expect(id).toMatch(/^clm_[0-9a-f]{32}$/);
    expect(result).toEqual({ created: true, claim: { ...claim, id } });
    expect(await claims.get(id)).toStrictEqual({ ...claim, id });
    expect(await claims.get(claim.id)).toBeUndefined();
    expect(await claims.history(id)).toStrictEqual([{ ...event, claimId: id }]);
  });

  it('replays the stored response for a reused idempotency key and writes nothing', async () => {
    const first = newClaim();
    const filed = await claims.create(first.claim, first.event, idem('k-replay'));
    const firstId = filed.created ? filed.claim.id : '';
    const second = newClaim({ description: 'another body' });
    const result = await claims.create(second.claim, second.event, idem('k-replay', 'fp-2'));
    expect(result).toEqual({
      created: false,
      replay: {
        fingerprint: 'fp-1',
        response: JSON.stringify({ ...first.claim, id: firstId }),
        claimId: firstId,
      },
    });
    expect((await claims.get(firstId))?.description).toBe(first.claim.description);
    expect(await claims.history(firstId)).toHaveLength(1);
  });

  it('keeps replaying the first answer after the claim has moved on', async () => {
    const { claim, event } = newClaim();
    const filed = await claims.create(claim, event, idem('k-moved'));
    if (!filed.created) throw new Error('not filed');
    const moved = { ...filed.claim, status: 'in_review' as const, version: 2 };
    await claims.update(moved, 1, {
      claimId: moved.id,
      seq: 2,
      at: at(900),
      actor: { role: 'clerk', id: 'clerk:k1' },
      type: 'status_changed',
      from: 'submitted',
      to: 'in_review',
    });
    const again = newClaim();
    const result = await claims.create(again.claim, again.event, idem('k-moved'));
    expect(result.created).toBe(false);
    if (!result.created) expect(JSON.parse(result.replay.response)).toStrictEqual(filed.claim);
    expect((await claims.history(moved.id)).map((e) => e.seq)).toEqual([1, 2]);
    expect(await claims.get(moved.id)).toStrictEqual(moved);
  });

  it('scopes idempotency keys per shop', async () => {
    const a = newClaim({ shopId: 'shop-a' });
    const b = newClaim({ shopId: 'shop-b' });
    await claims.create(a.claim, a.event, { ...idem('k-shared'), shopId: 'shop-a' });
    const result = await claims.create(b.claim, b.event, { ...idem('k-shared'), shopId: 'shop-b' });
    expect(result.created).toBe(true);
  });

  it('treats a key past its window as a new request, filed under the next id', async () => {
    const old = newClaim();
    const first = await claims.create(old.claim, old.event, {
      ...idem('k-expired'),
      expiresAt: 1_000,
    });
    const next = newClaim();
    const second = await claims.create(next.claim, next.event, idem('k-expired'));
    expect(second.created).toBe(true);
    if (!first.created || !second.created) return;
    expect(first.claim.id).toBe(await idempotentClaimId('shop-a', 'k-expired', 0));
    expect(second.claim.id).toBe(await idempotentClaimId('shop-a', 'k-expired', 1));
    // ...and within the new window, the key replays the new claim.
    const later = newClaim();
    const third = await claims.create(later.claim, later.event, idem('k-expired'));
    expect(third.created ? '' : third.replay.claimId).toBe(second.claim.id);
  });

  it('refuses a key re-used after its window too many times, naming the key', async () => {
    for (let n = 0; n < MAX_KEY_GENERATIONS; n++) {
      const { claim, event } = newClaim();
      const result = await claims.create(claim, event, { ...idem('k-worn'), expiresAt: 1_000 });
      expect(result.created).toBe(true);
    }
    const { claim, event } = newClaim();
    const attempt = claims.create(claim, event, idem('k-worn'));
    await expect(attempt).rejects.toBeInstanceOf(IdempotencyConflictError);
    await expect(attempt).rejects.toThrow(/k-worn.*re-used after its window 16 times/);
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
    expect(await claims.history(winner)).toHaveLength(1);
    const listed = await claims.list({ shopId: 'shop-race' }, { limit: 100, caller: 'key-shop' });
    expect(listed.items.map((c) => c.id)).toEqual([winner]);
  }, 30_000);
});
