import { GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { transition } from '../../src/domain/claim';
import { claimKey, claimPartition, openClaimKey } from '../../src/storage/dynamodb/items';
import { at, freshStorage, newClaim } from './helpers';

const storage = await freshStorage();
const { claims } = storage;
const record = (key: string, fingerprint = 'fp-1', expiresAt = 2_000_000_000) => ({
  key,
  fingerprint,
  expiresAt,
});
const clerk = { role: 'clerk', id: 'clerk-1' } as const;

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

  it('never writes over a taken id: it answers what is stored there instead', async () => {
    const { claim, event } = newClaim();
    await claims.create(claim, event);
    const again = await claims.create({ ...claim, description: 'other' }, event);
    expect(again).toEqual({
      created: false,
      taken: 'id',
      stored: { claimId: claim.id, shopId: 'shop-a' },
    });
    expect((await claims.get(claim.id))?.description).toBe(claim.description);
  });

  it('files under the very id it is given, with a key record that a taken id hands back', async () => {
    const { claim, event } = newClaim({ id: 'clm_given' });
    expect(await claims.create(claim, event, { idempotency: record('k-1') })).toEqual({
      created: true,
      claim,
    });
    expect(await claims.get('clm_given')).toStrictEqual(claim);
    const other = newClaim({ id: 'clm_given', description: 'another body' });
    const result = await claims.create(other.claim, other.event, {
      idempotency: record('k-1', 'fp-2'),
    });
    // What the caller judges by its own clock: the key, its fingerprint, window and answer.
    expect(result).toEqual({
      created: false,
      taken: 'id',
      stored: {
        claimId: 'clm_given',
        shopId: 'shop-a',
        idempotency: {
          key: 'k-1',
          fingerprint: 'fp-1',
          expiresAt: 2_000_000_000,
          response: JSON.stringify(claim),
        },
      },
    });
    expect(await claims.history('clm_given')).toHaveLength(1);
  });

  it('files the claim item, its guard and one item per evidence entry in one transaction', async () => {
    const { claim, event } = newClaim({
      evidence: [
        { id: 'ev_1', kind: 'receipt', name: 'r.pdf', addedAt: at(1) },
        { id: 'ev_2', kind: 'photo', name: 'box.jpg', url: 'https://f.example/b', addedAt: at(1) },
      ],
    });
    await claims.create(claim, event, { openClaim: `waybill:${claim.waybill}` });
    const { Items = [] } = await storage.client.send(
      new QueryCommand({
        TableName: storage.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: claimPartition(claim.id) } },
      }),
    );
    expect(Items.map((item) => item.sk?.S)).toEqual([
      'CLAIM',
      'EVIDENCE#000001',
      'EVIDENCE#000002',
    ]);
    const claimItem = Items[0]!;
    expect(JSON.parse(claimItem.doc?.S ?? '{}')).toMatchObject({ evidence: [] });
    expect(claimItem.evidenceCount).toEqual({ N: '2' });
    expect(claimItem.filedEvent?.M?.type).toEqual({ S: 'filed' });
    expect(claimItem.expiresAt).toBeUndefined(); // the table's TTL attribute: it would delete the claim
    expect(await claims.get(claim.id)).toStrictEqual(claim);
    const { Item: guard } = await storage.client.send(
      new GetItemCommand({
        TableName: storage.tableName,
        Key: openClaimKey(claim, `waybill:${claim.waybill}`),
      }),
    );
    expect(guard?.claimId).toEqual({ S: claim.id });
  });

  it('files without a guard or evidence as one item (one PutItem)', async () => {
    const { claim, event } = newClaim({ evidence: [] });
    await claims.create(claim, event);
    const { Item } = await storage.client.send(
      new GetItemCommand({ TableName: storage.tableName, Key: claimKey(claim.id) }),
    );
    expect(Item?.filedEvent?.M?.type).toEqual({ S: 'filed' });
    // Read back in the event's own key order, although DynamoDB keeps none.
    expect(JSON.stringify(await claims.history(claim.id))).toBe(JSON.stringify([event]));
  });

  it('refuses a second open claim of one shop, type and subject, naming the first; not another type or shop', async () => {
    const subject = 'waybill:WB-GUARD';
    const first = newClaim({ waybill: 'WB-GUARD' });
    await claims.create(first.claim, first.event, { openClaim: subject });
    const second = newClaim({ waybill: 'WB-GUARD' });
    expect(await claims.create(second.claim, second.event, { openClaim: subject })).toEqual({
      created: false,
      taken: 'open-claim',
      existingClaimId: first.claim.id,
    });
    expect(await claims.get(second.claim.id)).toBeUndefined();
    const late = newClaim({ waybill: 'WB-GUARD', type: 'damaged' });
    expect((await claims.create(late.claim, late.event, { openClaim: subject })).created).toBe(
      true,
    );
    const otherShop = newClaim({ waybill: 'WB-GUARD', shopId: 'shop-b' });
    const theirs = await claims.create(otherShop.claim, otherShop.event, { openClaim: subject });
    expect(theirs.created).toBe(true);
  });

  it('keeps the guard through open moves and releases it with the move that settles the claim', async () => {
    const subject = 'waybill:WB-SETTLE';
    const { claim, event } = newClaim({ waybill: 'WB-SETTLE' });
    await claims.create(claim, event, { openClaim: subject });
    const review = transition(claim, 'in_review', { at: at(900), by: clerk });
    await claims.update(claim, review.claim, review.event, { openClaim: subject });
    const blocked = newClaim({ waybill: 'WB-SETTLE' });
    const refused = await claims.create(blocked.claim, blocked.event, { openClaim: subject });
    expect(refused).toMatchObject({ taken: 'open-claim', existingClaimId: claim.id });
    const reject = transition(review.claim, 'rejected', { at: at(901), by: clerk });
    await claims.update(review.claim, reject.claim, reject.event, { openClaim: subject });
    const after = newClaim({ waybill: 'WB-SETTLE' });
    expect((await claims.create(after.claim, after.event, { openClaim: subject })).created).toBe(
      true,
    );
  });

  it('settles a claim filed before guards without touching the guard another claim holds', async () => {
    const subject = 'waybill:WB-LEGACY';
    const old = newClaim({ waybill: 'WB-LEGACY' });
    await claims.create(old.claim, old.event); // no guard: filed before guards existed
    const current = newClaim({ waybill: 'WB-LEGACY' });
    await claims.create(current.claim, current.event, { openClaim: subject });
    const cancel = transition(old.claim, 'cancelled', { at: at(950), by: clerk });
    await claims.update(old.claim, cancel.claim, cancel.event, { openClaim: subject });
    expect((await claims.get(old.claim.id))?.status).toBe('cancelled');
    const third = newClaim({ waybill: 'WB-LEGACY' });
    expect(await claims.create(third.claim, third.event, { openClaim: subject })).toMatchObject({
      taken: 'open-claim',
      existingClaimId: current.claim.id,
    });
  });

  it('writes one claim for 100 concurrent filings under one id; the others get it back', async () => {
    const attempts = Array.from({ length: 100 }, (_, i) =>
      newClaim({ id: 'clm_race', shopId: 'shop-race', waybill: 'WB-RACE', description: `#${i}` }),
    );
    const results = await Promise.all(
      attempts.map(({ claim, event }) =>
        claims.create(claim, event, {
          idempotency: record('k-race'),
          openClaim: 'waybill:WB-RACE',
        }),
      ),
    );
    const created = results.filter((r) => r.created);
    expect(created).toHaveLength(1);
    for (const result of results) {
      if (!result.created) expect(result).toMatchObject({ taken: 'id' });
    }
    expect(await claims.history('clm_race')).toHaveLength(1);
    const listed = await claims.list({ shopId: 'shop-race' }, { limit: 100, caller: 'key-shop' });
    expect(listed.items.map((c) => c.id)).toEqual(['clm_race']);
  }, 60_000);
});
