import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateApiKey, hashApiKey, keyIdOf, sandboxShopId } from '../../src/storage/api-keys';
import { ConflictError, NotFoundError } from '../../src/storage/repository';
import { at, freshStorage } from './helpers';

const { apiKeys } = await freshStorage();

async function newKey(role: 'shop' | 'clerk' = 'shop') {
  const { keyId, key } = generateApiKey();
  const record = {
    keyId,
    secretHash: await hashApiKey(key),
    role,
    ...(role === 'shop' ? { shopId: 'shop-a' } : {}),
    createdAt: at(1),
  };
  await apiKeys.create(record);
  return { key, record };
}

describe('API key helpers', () => {
  it('generates pca_<16 hex>_<32 base64url> keys, different every time', () => {
    const a = generateApiKey();
    expect(a.key).toMatch(/^pca_[0-9a-f]{16}_[A-Za-z0-9_-]{32}$/);
    expect(keyIdOf(a.key)).toBe(a.keyId);
    expect(generateApiKey().key).not.toBe(a.key);
    expect(keyIdOf('Bearer nonsense')).toBeUndefined();
  });

  it('hashes with SHA-256 as lowercase hex', async () => {
    expect(await hashApiKey('pca_x')).toBe(createHash('sha256').update('pca_x').digest('hex'));
  });
});

describe('ApiKeyRepository', () => {
  it('finds a created key by the hash of its secret, and by id', async () => {
    const { key, record } = await newKey();
    expect(await apiKeys.findByHash(await hashApiKey(key))).toStrictEqual(record);
    expect(await apiKeys.get(record.keyId)).toStrictEqual(record);
    expect(await apiKeys.findByHash(await hashApiKey(`${key}x`))).toBeUndefined();
  });

  it('refuses a duplicate key id or hash', async () => {
    const { record } = await newKey('clerk');
    await expect(apiKeys.create(record)).rejects.toBeInstanceOf(ConflictError);
    await expect(apiKeys.create({ ...record, keyId: 'other' })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await apiKeys.get('other')).toBeUndefined();
  });

  it('requires a shopId exactly for shop keys', async () => {
    const base = { keyId: 'k', secretHash: 'h', createdAt: at(1) };
    await expect(apiKeys.create({ ...base, role: 'shop' })).rejects.toBeInstanceOf(RangeError);
    await expect(apiKeys.create({ ...base, role: 'clerk', shopId: 's' })).rejects.toBeInstanceOf(
      RangeError,
    );
  });

  it('stops finding a revoked key at once; revoking again keeps the first time', async () => {
    const { key, record } = await newKey();
    expect(await apiKeys.revoke(record.keyId, at(5))).toEqual({ ...record, revokedAt: at(5) });
    expect(await apiKeys.findByHash(await hashApiKey(key))).toBeUndefined();
    expect((await apiKeys.revoke(record.keyId, at(9))).revokedAt).toBe(at(5));
    expect((await apiKeys.get(record.keyId))?.revokedAt).toBe(at(5));
  });

  it('refuses to revoke an unknown key', async () => {
    await expect(apiKeys.revoke('0000000000000000', at(5))).rejects.toBeInstanceOf(NotFoundError);
    expect(await apiKeys.get('0000000000000000')).toBeUndefined();
  });

  it("keeps a clerk's display name on both items, so authentication sees it too", async () => {
    const { keyId, key } = generateApiKey();
    const record = {
      keyId,
      secretHash: await hashApiKey(key),
      role: 'clerk' as const,
      displayName: 'Анна Петрова',
      createdAt: at(1),
    };
    expect(await apiKeys.create(record)).toStrictEqual(record);
    expect(await apiKeys.get(keyId)).toStrictEqual(record);
    expect(await apiKeys.findByHash(record.secretHash)).toStrictEqual(record);
  });

  it('renames a clerk key on both items; refuses shop keys, unknown keys and bad names', async () => {
    const { key, record } = await newKey('clerk');
    const renamed = await apiKeys.setDisplayName(record.keyId, 'Demo Clerk');
    expect(renamed).toStrictEqual({ ...record, displayName: 'Demo Clerk' });
    expect(await apiKeys.get(record.keyId)).toStrictEqual(renamed);
    expect(await apiKeys.findByHash(await hashApiKey(key))).toStrictEqual(renamed);
    for (const bad of ['', '   ', ' Anna', 'x'.repeat(81)]) {
      await expect(apiKeys.setDisplayName(record.keyId, bad)).rejects.toBeInstanceOf(RangeError);
    }
    expect(await apiKeys.setDisplayName(record.keyId, 'я'.repeat(80))).toMatchObject({
      displayName: 'я'.repeat(80),
    });
    const shop = await newKey('shop');
    await expect(apiKeys.setDisplayName(shop.record.keyId, 'Shop')).rejects.toBeInstanceOf(
      RangeError,
    );
    await expect(
      apiKeys.create({ ...shop.record, keyId: 'named-shop', secretHash: 'h2', displayName: 'S' }),
    ).rejects.toBeInstanceOf(RangeError);
    await expect(apiKeys.setDisplayName('0000000000000000', 'Nobody')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await apiKeys.get('0000000000000000')).toBeUndefined();
  });

  it('keeps a clerk’s time zone on both items; refuses shop keys and unknown keys', async () => {
    const { key, record } = await newKey('clerk');
    const zoned = await apiKeys.setTimeZone(record.keyId, 'Asia/Novosibirsk');
    expect(zoned).toStrictEqual({ ...record, timeZone: 'Asia/Novosibirsk' });
    expect(await apiKeys.get(record.keyId)).toStrictEqual(zoned);
    expect(await apiKeys.findByHash(await hashApiKey(key))).toStrictEqual(zoned);
    await expect(apiKeys.setTimeZone(record.keyId, '')).rejects.toBeInstanceOf(RangeError);
    const shop = await newKey('shop');
    await expect(apiKeys.setTimeZone(shop.record.keyId, 'UTC')).rejects.toBeInstanceOf(RangeError);
    await expect(apiKeys.setTimeZone('0000000000000000', 'UTC')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await apiKeys.get('0000000000000000')).toBeUndefined();
  });

  it('set from several browsers at once: both items of the key end on the same zone', async () => {
    const { key, record } = await newKey('clerk');
    const zones = ['Europe/Moscow', 'Asia/Novosibirsk', 'Asia/Vladivostok', 'Europe/Samara', 'UTC'];
    const settled = await Promise.allSettled(
      zones.map((z) => apiKeys.setTimeZone(record.keyId, z)),
    );
    // Each either landed or was told the key was contended; none half-wrote.
    expect(settled.some((s) => s.status === 'fulfilled')).toBe(true);
    const byId = await apiKeys.get(record.keyId);
    expect(zones).toContain(byId?.timeZone);
    expect((await apiKeys.findByHash(await hashApiKey(key)))?.timeZone).toBe(byId?.timeZone);
  });

  it('lists every key', async () => {
    const { record } = await newKey();
    expect((await apiKeys.list()).map((k) => k.keyId)).toContain(record.keyId);
  });
});

describe('test keys', () => {
  it('are pct_test_<16 hex>_<32 base64url>, their id read like a live key’s', () => {
    const test = generateApiKey({ test: true });
    expect(test.key).toMatch(/^pct_test_[0-9a-f]{16}_[A-Za-z0-9_-]{32}$/);
    expect(keyIdOf(test.key)).toBe(test.keyId);
  });

  it('are stored with `test: true`, and no key is made for a sandbox shop id', async () => {
    const { keyId, key } = generateApiKey({ test: true });
    const record = {
      keyId,
      secretHash: await hashApiKey(key),
      role: 'shop' as const,
      shopId: 'acme',
      test: true as const,
      createdAt: at(2),
    };
    await apiKeys.create(record);
    expect(await apiKeys.findByHash(await hashApiKey(key))).toStrictEqual(record);
    for (const test of [undefined, true as const]) {
      const other = generateApiKey();
      const sandbox = {
        keyId: other.keyId,
        secretHash: await hashApiKey(other.key),
        role: 'shop' as const,
        shopId: 'acme~test',
        ...(test ? { test } : {}),
        createdAt: at(3),
      };
      await expect(apiKeys.create(sandbox)).rejects.toThrow(/~test are sandboxes/);
    }
    expect(sandboxShopId('acme')).toBe('acme~test');
  });
});
