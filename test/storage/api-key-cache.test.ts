import { describe, expect, it } from 'vitest';
import { withApiKeyCache } from '../../src/storage/api-key-cache';
import { generateApiKey, hashApiKey } from '../../src/storage/api-keys';
import { DynamoApiKeyRepository } from '../../src/storage/dynamodb';
import type { ApiKeyRecord, ApiKeyRepository } from '../../src/storage/repository';
import { at, freshStorage } from './helpers';

/** The real repository on DynamoDB Local, counting the reads that reach it. */
async function counted() {
  const { client, tableName } = await freshStorage();
  const real = new DynamoApiKeyRepository({ client, tableName });
  const reads = { count: 0 };
  const inner: ApiKeyRepository = {
    create: (key) => real.create(key),
    get: (keyId) => real.get(keyId),
    list: () => real.list(),
    revoke: (keyId, when) => real.revoke(keyId, when),
    setTimeZone: (keyId, zone) => real.setTimeZone(keyId, zone),
    findByHash: (hash) => {
      reads.count++;
      return real.findByHash(hash);
    },
  };
  return { real, inner, reads };
}

async function newKey(repo: ApiKeyRepository, shopId = 'shop-a') {
  const { keyId, key } = generateApiKey();
  const record: ApiKeyRecord = {
    keyId,
    secretHash: await hashApiKey(key),
    role: 'shop',
    shopId,
    createdAt: at(1),
  };
  await repo.create(record);
  return record;
}

describe('API key cache (in front of DynamoDB Local)', () => {
  it('reads an active key once per ttl, then again once it is stale', async () => {
    const { inner, reads } = await counted();
    let clock = 0;
    const keys = withApiKeyCache(inner, { ttlMs: 30_000, now: () => clock });
    const record = await newKey(keys);
    for (let i = 0; i < 5; i++) expect(await keys.findByHash(record.secretHash)).toEqual(record);
    expect(reads.count).toBe(1);
    clock = 30_001;
    expect(await keys.findByHash(record.secretHash)).toEqual(record);
    expect(reads.count).toBe(2);
  });

  it('never remembers an unknown key, so a key created meanwhile works at once', async () => {
    const { inner, real, reads } = await counted();
    const keys = withApiKeyCache(inner, { ttlMs: 30_000 });
    const { keyId, key } = generateApiKey();
    const secretHash = await hashApiKey(key);
    expect(await keys.findByHash(secretHash)).toBeUndefined();
    await real.create({ keyId, secretHash, role: 'clerk', createdAt: at(2) });
    expect((await keys.findByHash(secretHash))?.keyId).toBe(keyId);
    expect(reads.count).toBe(2);
  });

  it('forgets a key revoked through it at once', async () => {
    const { inner } = await counted();
    const keys = withApiKeyCache(inner, { ttlMs: 30_000 });
    const record = await newKey(keys);
    await keys.findByHash(record.secretHash);
    await keys.revoke(record.keyId, at(3));
    expect(await keys.findByHash(record.secretHash)).toBeUndefined();
  });

  it('lets a key revoked elsewhere (the CLI) pass until its entry is stale, not after', async () => {
    const { inner, real } = await counted();
    let clock = 0;
    const keys = withApiKeyCache(inner, { ttlMs: 30_000, now: () => clock });
    const record = await newKey(keys);
    await keys.findByHash(record.secretHash);
    await real.revoke(record.keyId, at(4));
    expect(await keys.findByHash(record.secretHash)).toEqual(record);
    clock = 30_001;
    expect(await keys.findByHash(record.secretHash)).toBeUndefined();
    // get() (what the desk checks on every page) is never cached.
    expect((await keys.get(record.keyId))?.revokedAt).toBe(at(4));
  });

  it('holds at most maxEntries keys, dropping the oldest', async () => {
    const { inner, reads } = await counted();
    const keys = withApiKeyCache(inner, { ttlMs: 30_000, maxEntries: 2 });
    const [a, b, c] = [await newKey(keys), await newKey(keys), await newKey(keys)];
    for (const r of [a, b, c]) await keys.findByHash(r.secretHash);
    expect(reads.count).toBe(3);
    await keys.findByHash(c.secretHash);
    await keys.findByHash(b.secretHash);
    expect(reads.count).toBe(3);
    await keys.findByHash(a.secretHash);
    expect(reads.count).toBe(4);
  });

  it('is off with ttl 0: every lookup reads', async () => {
    const { inner, reads } = await counted();
    const keys = withApiKeyCache(inner, { ttlMs: 0 });
    expect(keys).toBe(inner);
    const record = await newKey(keys);
    await keys.findByHash(record.secretHash);
    await keys.findByHash(record.secretHash);
    expect(reads.count).toBe(2);
  });
});
