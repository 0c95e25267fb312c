import { GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { transition } from '../../src/domain/claim';
import { DynamoClaimRepository } from '../../src/storage/dynamodb/claim-repository';
import {
  claimBodyKey,
  claimHeadKey,
  claimPartition,
  idempotencyKey,
  openClaimKey,
} from '../../src/storage/dynamodb/keys';
import { at, freshTable, newClaim, TEST_VIEW_SHARDS } from './helpers';

const { client, tableName } = await freshTable();
const claims = new DynamoClaimRepository({ client, tableName, viewShards: TEST_VIEW_SHARDS });
const NOW = 1_900_000_000;
const record = (key: string, fingerprint = 'fp-1', expiresAt = NOW + 86_400, nowSeconds = NOW) => ({
  key,
  fingerprint,
  expiresAt,
  nowSeconds,
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

  it('keeps the claim in a written-once body and a small head, and its document in no index', async () => {
    const { claim, event } = newClaim();
    await claims.create(claim, event);
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: claimPartition(claim.id) } },
      }),
    );
    expect(Items.map((item) => item.sk?.S)).toEqual(['BODY', 'HEAD']);
    const [body, head] = Items;
    expect(body?.doc?.B).toBeInstanceOf(Uint8Array);
    expect(Object.keys(body!).some((name) => name.startsWith('gsi'))).toBe(false);
    expect(JSON.stringify(head).length).toBeLessThan(1024);
  });

  it('answers undefined for an unknown id', async () => {
    expect(await claims.get('clm_missing')).toBeUndefined();
    expect(await claims.history('clm_missing')).toEqual([]);
  });

  it('never writes over a taken id', async () => {
    const { claim, event } = newClaim();
    await claims.create(claim, event);
    const again = await claims.create({ ...claim, description: 'other' }, event);
    expect(again).toEqual({ created: false, taken: 'id' });
    expect((await claims.get(claim.id))?.description).toBe(claim.description);
  });

  it('keeps an Idempotency-Key in a record of its own, with a real TTL, that a second use hands back', async () => {
    const { claim, event } = newClaim();
    expect(await claims.create(claim, event, { idempotency: record('k-1') })).toEqual({
      created: true,
      claim,
    });
    const { Item } = await client.send(
      new GetItemCommand({ TableName: tableName, Key: idempotencyKey(claim.shopId, 'k-1') }),
    );
    expect(Item).toMatchObject({
      claimId: { S: claim.id },
      fingerprint: { S: 'fp-1' },
      expiresAt: { N: String(NOW + 86_400) },
    });
    const other = newClaim({ description: 'another body' });
    const result = await claims.create(other.claim, other.event, {
      idempotency: record('k-1', 'fp-2'),
    });
    expect(result).toEqual({
      created: false,
      taken: 'key',
      stored: {
        claimId: claim.id,
        fingerprint: 'fp-1',
        expiresAt: NOW + 86_400,
        response: JSON.stringify(claim),
      },
    });
    expect(await claims.get(other.claim.id)).toBeUndefined();
  });

  it('replays the first answer even after the claim moved on', async () => {
    const { claim, event } = newClaim();
    await claims.create(claim, event, { idempotency: record('k-moved') });
    const moved = transition(claim, 'in_review', { at: at(100), by: clerk });
    await claims.update(claim, moved.claim, moved.event);
    const retry = newClaim();
    const again = await claims.create(retry.claim, retry.event, { idempotency: record('k-moved') });
    expect(again.created === false && again.taken === 'key' && again.stored.response).toBe(
      JSON.stringify(claim),
    );
  });

  it('lets a key past its window file anew (the record is taken over)', async () => {
    const first = newClaim();
    await claims.create(first.claim, first.event, {
      idempotency: record('k-old', 'fp', NOW - 1, NOW - 86_401),
    });
    const second = newClaim();
    expect(
      await claims.create(second.claim, second.event, { idempotency: record('k-old', 'fp-new') }),
    ).toEqual({ created: true, claim: second.claim });
  });

  it('holds one open claim per shop, type and subject; the holder is named', async () => {
    const first = newClaim({ waybill: 'W-OPEN' });
    await claims.create(first.claim, first.event, { openClaim: 'waybill:W-OPEN' });
    const second = newClaim({ waybill: 'W-OPEN' });
    expect(
      await claims.create(second.claim, second.event, { openClaim: 'waybill:W-OPEN' }),
    ).toEqual({ created: false, taken: 'open-claim', existingClaimId: first.claim.id });
    expect(await claims.get(second.claim.id)).toBeUndefined();
    const guard = await client.send(
      new GetItemCommand({
        TableName: tableName,
        Key: openClaimKey(first.claim, 'waybill:W-OPEN'),
      }),
    );
    expect(guard.Item?.claimId?.S).toBe(first.claim.id);
  });

  it('files at once from many shops and keys without a conflict: each stored once', async () => {
    const filings = Array.from({ length: 40 }, (_, i) =>
      newClaim({ shopId: `shop-${i % 8}`, waybill: `W-BURST-${i}` }),
    );
    const results = await Promise.all(
      filings.map(({ claim, event }, i) =>
        claims.create(claim, event, {
          idempotency: record(`burst-${i}`),
          openClaim: `waybill:${claim.waybill}`,
        }),
      ),
    );
    expect(results.every((r) => r.created)).toBe(true);
    for (const { claim } of filings) {
      const head = await client.send(
        new GetItemCommand({ TableName: tableName, Key: claimHeadKey(claim.id) }),
      );
      const body = await client.send(
        new GetItemCommand({ TableName: tableName, Key: claimBodyKey(claim.id) }),
      );
      expect([head.Item?.version?.N, body.Item === undefined]).toEqual(['1', false]);
    }
  });

  it('sends one key at once from ten requests: one claim, nine answers naming it', async () => {
    const tries = Array.from({ length: 10 }, () => newClaim({ waybill: 'W-SAME-KEY' }));
    const results = await Promise.all(
      tries.map(({ claim, event }) =>
        claims.create(claim, event, {
          idempotency: record('k-race'),
          openClaim: 'waybill:W-SAME-KEY',
        }),
      ),
    );
    const created = results.filter((r) => r.created);
    expect(created).toHaveLength(1);
    const winner = created[0]!.created ? created[0]!.claim.id : '';
    for (const result of results.filter((r) => !r.created)) {
      expect(result).toMatchObject({ created: false });
      // The key names the winner, or (read before the key's record) the guard does.
      const named =
        !result.created && result.taken === 'key'
          ? result.stored.claimId
          : !result.created && result.taken === 'open-claim'
            ? result.existingClaimId
            : '';
      expect(named).toBe(winner);
    }
  });
});
