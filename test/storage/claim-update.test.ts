import { describe, expect, it } from 'vitest';
import { addEvidence, transition, type ClaimActor } from '../../src/domain/claim';
import { ConflictError, NotFoundError } from '../../src/storage/repository';
import { DynamoClaimRepository } from '../../src/storage/dynamodb/claim-repository';
import { at, freshTable, newClaim, TEST_VIEW_SHARDS } from './helpers';

const { client, tableName } = await freshTable();
const claims = new DynamoClaimRepository({ client, tableName, viewShards: TEST_VIEW_SHARDS });
const clerk: ClaimActor = { role: 'clerk', id: 'clerk-1' };

async function filed() {
  const { claim, event } = newClaim();
  await claims.create(claim, event);
  return claim;
}

describe('ClaimRepository.update', () => {
  it('replaces the claim and appends the event in one write', async () => {
    const claim = await filed();
    const review = transition(claim, 'in_review', { at: at(100), by: clerk, note: 'taking it' });
    expect(await claims.update(claim, review.claim, review.event)).toEqual(review.claim);
    expect(await claims.get(claim.id)).toStrictEqual(review.claim);
    expect((await claims.history(claim.id)).map((e) => [e.seq, e.type, e.to])).toEqual([
      [1, 'filed', 'submitted'],
      [2, 'status_changed', 'in_review'],
    ]);
  });

  it('accepts several consecutive events in one write', async () => {
    const claim = await filed();
    const review = transition(claim, 'in_review', { at: at(100), by: clerk });
    const info = transition(review.claim, 'needs_info', { at: at(101), by: clerk });
    await claims.update(claim, info.claim, [review.event, info.event]);
    expect((await claims.history(claim.id)).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('refuses a stale version with ConflictError naming the current version', async () => {
    const claim = await filed();
    const review = transition(claim, 'in_review', { at: at(100), by: clerk });
    await claims.update(claim, review.claim, review.event);
    const cancel = transition(claim, 'cancelled', {
      at: at(101),
      by: { role: 'shop', id: 'shop-a' },
    });
    const error = await claims.update(claim, cancel.claim, cancel.event).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).currentVersion).toBe(2);
    expect((await claims.get(claim.id))?.status).toBe('in_review');
    expect(await claims.history(claim.id)).toHaveLength(2);
  });

  it('never creates a claim through update', async () => {
    const { claim } = newClaim();
    const review = transition(claim, 'in_review', { at: at(100), by: clerk });
    await expect(claims.update(claim, review.claim, review.event)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await claims.get(claim.id)).toBeUndefined();
  });

  it('rejects events that do not match the version step', async () => {
    const claim = await filed();
    const review = transition(claim, 'in_review', { at: at(100), by: clerk });
    await expect(
      claims.update({ ...claim, version: 2 }, review.claim, review.event),
    ).rejects.toBeInstanceOf(RangeError);
    await expect(
      claims.update(claim, review.claim, { ...review.event, seq: 5 }),
    ).rejects.toBeInstanceOf(RangeError);
    // A move appends evidence; it never drops or replaces an entry.
    await expect(
      claims.update(claim, { ...review.claim, evidence: [] }, review.event),
    ).rejects.toBeInstanceOf(RangeError);
  });

  it('lets exactly 1 of 50 concurrent conflicting decisions win; history holds only the winner', async () => {
    const claim = await filed();
    const review = transition(claim, 'in_review', { at: at(100), by: clerk });
    const inReview = await claims.update(claim, review.claim, review.event);
    const decisions = Array.from({ length: 50 }, (_, i) =>
      transition(inReview, i % 2 ? 'approved' : 'rejected', {
        at: at(200 + i),
        by: { role: 'clerk', id: `clerk-${i}` },
      }),
    );
    const results = await Promise.allSettled(
      decisions.map((d) => claims.update(inReview, d.claim, d.event)),
    );
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    expect(won).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') {
        expect(r.reason).toBeInstanceOf(ConflictError);
        expect((r.reason as ConflictError).currentVersion).toBe(3);
      }
    }
    const winner = decisions[won[0]!]!;
    expect(await claims.get(claim.id)).toStrictEqual(winner.claim);
    expect(await claims.history(claim.id)).toStrictEqual([
      expect.objectContaining({ seq: 1, type: 'filed' }),
      review.event,
      winner.event,
    ]);
  }, 30_000);

  it('stores evidence additions with their event', async () => {
    const claim = await filed();
    const added = addEvidence(
      claim,
      {
        evidence: [{ id: 'ev_2', kind: 'proof_of_value', name: 'invoice.pdf', addedAt: at(50) }],
        missingEvidence: [],
      },
      { at: at(50), by: { role: 'shop', id: 'shop-a' } },
    );
    await claims.update(claim, added.claim, added.event);
    const stored = await claims.get(claim.id);
    expect(stored?.evidence.map((e) => e.kind)).toEqual(['receipt', 'proof_of_value']);
    expect(stored).toStrictEqual(added.claim);
    expect(JSON.stringify(stored)).toBe(JSON.stringify(added.claim));
    expect(stored?.missingEvidence).toEqual([]);
    expect((await claims.history(claim.id)).at(-1)?.type).toBe('evidence_added');
  });
});
