/**
 * The keys CLI's commands (scripts/keys.ts), on a key store in memory: a test key is
 * `pct_test_…` and says its sandbox shop; no key is made for a sandbox shop id.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runKeysCommand, UsageError, type NamingApiKeys } from '../../scripts/keys';
import { hashApiKey } from '../../src/storage/api-keys';
import type { ApiKeyRecord } from '../../src/storage/repository';

/** The calls the CLI makes, in memory. */
function memoryKeys(): NamingApiKeys & { records: ApiKeyRecord[] } {
  const records: ApiKeyRecord[] = [];
  const none = () => Promise.reject(new Error('not used'));
  return {
    records,
    create: async (key) => (records.push({ ...key }), { ...key }),
    get: async (keyId) => records.find((r) => r.keyId === keyId),
    findByHash: async (hash) => records.find((r) => r.secretHash === hash),
    list: async () => records,
    revoke: none,
    setTimeZone: none,
    setDisplayName: none,
  };
}

let printed: string[] = [];
beforeEach(() => {
  printed = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
});
afterEach(() => vi.restoreAllMocks());

describe('npm run keys -- create', () => {
  it('--test --shop acme: a pct_test_ key, stored as a test key, shown with its sandbox shop', async () => {
    const keys = memoryKeys();
    await runKeysCommand('create', [], { test: true, shop: 'acme' }, keys);
    const key = printed.at(-1) ?? '';
    expect(key).toMatch(/^pct_test_[0-9a-f]{16}_[A-Za-z0-9_-]{32}$/);
    expect(keys.records).toEqual([
      expect.objectContaining({ role: 'shop', shopId: 'acme', test: true }),
    ]);
    expect(keys.records[0]?.secretHash).toBe(await hashApiKey(key));
    expect(printed[0]).toContain('shop acme (test: acme~test)');
  });

  it('--shop acme: a live pca_ key, as before', async () => {
    const keys = memoryKeys();
    await runKeysCommand('create', [], { shop: 'acme' }, keys);
    expect(printed.at(-1)).toMatch(/^pca_[0-9a-f]{16}_/);
    expect(keys.records[0]?.test).toBeUndefined();
  });

  it.each([
    [{ shop: 'acme~test' }, /sandboxes/],
    [{ shop: 'acme~test', test: true }, /sandboxes/],
    [{ role: 'clerk', test: true }, /--test is for shop keys/],
  ])('refuses %o', async (values, message) => {
    const keys = memoryKeys();
    const refused = runKeysCommand('create', [], values, keys);
    await expect(refused).rejects.toThrow(UsageError);
    await expect(refused).rejects.toThrow(message);
    expect(keys.records).toEqual([]);
  });
});
