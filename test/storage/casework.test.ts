import { describe, expect, it } from 'vitest';
import { applyCommand, type Claim } from '../../src/domain/claim';
import { reconcileClaim } from '../../src/services/claim-changes';
import { figuresStorage } from './figures-helpers';
import { at, newClaim } from './helpers';

// Counts and search entries are kept by the claim-change consumer: each change here is
// reconciled as the consumer would (src/services/claim-changes.ts).
const storage = await figuresStorage();
const { claims, notes, statusCounts, deps } = storage;
const clerk = { role: 'clerk', id: 'clerk:k1' } as const;
const move = async (claim: Claim, command: Parameters<typeof applyCommand>[1]) => {
  const next = applyCommand(claim, command, { at: at(500), today: '2025-03-10', by: clerk });
  const moved = await claims.update(claim, next.claim, next.events);
  await reconcileClaim(deps, claim.id);
  return moved;
};
const ids = async (filter: Parameters<typeof claims.list>[0]) =>
  (await claims.list(filter, { limit: 50, caller: 'k1' })).items.map((c) => c.id);

describe('status counters', () => {
  it('move with filing, moves and withdrawal, per shop and clerk-wide', async () => {
    const a = newClaim({ shopId: 'count-a' });
    const b = newClaim({ shopId: 'count-a' });
    const c = newClaim({ shopId: 'count-b' });
    for (const { claim, event } of [a, b, c]) {
      await claims.create(claim, event);
      await reconcileClaim(deps, claim.id);
    }
    const reviewed = await move(a.claim, { type: 'review' });
    await move(b.claim, { type: 'cancel' });
    // An assignment keeps the status: no counter moves.
    await move(reviewed, { type: 'assign', assignee: { id: 'k1', name: 'Ольга' } });
    expect((await statusCounts.counts('count-a')).counts).toMatchObject({
      submitted: 0,
      in_review: 1,
      cancelled: 1,
    });
    expect((await statusCounts.counts('count-b')).counts).toMatchObject({
      submitted: 1,
      in_review: 0,
    });
    expect((await statusCounts.counts()).counts).toMatchObject({
      submitted: 1,
      in_review: 1,
      cancelled: 1,
    });
  });
});

describe('assignee', () => {
  it('is stored, filtered on, and leaves the filter when unassigned', async () => {
    const { claim, event } = newClaim({ shopId: 'assign-a' });
    await claims.create(claim, event);
    const taken = await move(claim, { type: 'assign', assignee: { id: 'k9', name: 'Ольга' } });
    expect((await claims.get(claim.id))?.assignee).toEqual({ id: 'k9', name: 'Ольга' });
    expect(await ids({ shopId: 'assign-a', assigneeId: 'k9' })).toEqual([claim.id]);
    await move(taken, { type: 'unassign' });
    expect(await ids({ shopId: 'assign-a', assigneeId: 'k9' })).toEqual([]);
    expect((await claims.history(claim.id)).map((e) => e.type)).toEqual([
      'filed',
      'assigned',
      'unassigned',
    ]);
  });
});

describe('search indexes', () => {
  it('find a claim by the start of its name, phone ending, order id and waybill', async () => {
    const { claim, event } = newClaim({
      shopId: 'search-a',
      waybill: 'zq-7781',
      orderId: 'Ord-55',
      claimant: { name: 'Фёдор  Ёлкин', email: 'f@example.com', phone: '+7 (901) 222-33-44' },
    });
    await claims.create(claim, event);
    await reconcileClaim(deps, claim.id);
    const found = (field: 'name' | 'phone' | 'orderId' | 'waybill', text: string) =>
      ids({ search: { field, text } });
    expect(await found('name', 'федор ел')).toEqual([claim.id]);
    expect(await found('phone', '8 901 222 33 44')).toEqual([claim.id]);
    expect(await found('phone', '33-44')).toEqual([claim.id]);
    expect(await found('orderId', 'ORD-5')).toEqual([claim.id]);
    expect(await found('waybill', 'ZQ-77')).toEqual([claim.id]);
    expect(await found('waybill', 'ZQ-78')).toEqual([]);
    // A shop's search filters on its id.
    expect(await ids({ search: { field: 'name', text: 'федор' }, shopId: 'other' })).toEqual([]);
  });
});

describe('notes', () => {
  it('are written once each, in order, two at the same instant both kept', async () => {
    const { claim, event } = newClaim({ shopId: 'notes-a' });
    await claims.create(claim, event);
    const author = { id: 'k1', name: 'Ольга' };
    const one = await notes.add({ claimId: claim.id, at: at(10), author, text: 'one' });
    const two = await notes.add({ claimId: claim.id, at: at(10), author, text: 'two' });
    expect(one.id).not.toBe(two.id);
    expect((await notes.list(claim.id)).map((n) => n.text)).toEqual(['one', 'two']);
    // Neither the claim nor its history meets them.
    expect(await claims.get(claim.id)).toEqual(claim);
    expect(await claims.history(claim.id)).toHaveLength(1);
  });
});
