/**
 * A short per-isolate memory of API key lookups, in front of any ApiKeyRepository.
 *
 * Every authenticated request looks its key up by hash; without this, that is one
 * DynamoDB read before any work, for the same few keys over and over. Only keys found
 * active are remembered, for `ttlMs`; unknown keys are always looked up again, so a
 * new key works at once. The price: a key revoked elsewhere (the CLI, another isolate)
 * may still pass here for up to `ttlMs`. A revocation through this same repository
 * forgets the key at once. `ttlMs: 0` turns the memory off.
 */
import type { ApiKeyRecord, ApiKeyRepository } from './repository';

export interface ApiKeyCacheOptions {
  /** How long a found key is trusted without a read; 0 turns the cache off. */
  ttlMs: number;
  /** Most keys remembered; the oldest entry goes first. Default 1000. */
  maxEntries?: number;
  /** Milliseconds; default Date.now (time only gates freshness here, never a business rule). */
  now?: () => number;
}

interface Entry {
  record: ApiKeyRecord;
  until: number;
}

/**
 * @example
 * const apiKeys = withApiKeyCache(new DynamoApiKeyRepository(...), { ttlMs: 30_000 });
 */
export function withApiKeyCache(
  inner: ApiKeyRepository,
  options: ApiKeyCacheOptions,
): ApiKeyRepository {
  if (options.ttlMs <= 0) return inner;
  const maxEntries = options.maxEntries ?? 1000;
  const now = options.now ?? Date.now;
  const byHash = new Map<string, Entry>();

  const forgetKey = (keyId: string) => {
    for (const [hash, entry] of byHash) if (entry.record.keyId === keyId) byHash.delete(hash);
  };

  return {
    create: (key) => inner.create(key),
    get: (keyId) => inner.get(keyId),
    list: () => inner.list(),
    async findByHash(secretHash) {
      const entry = byHash.get(secretHash);
      if (entry !== undefined && entry.until > now()) return entry.record;
      byHash.delete(secretHash);
      const record = await inner.findByHash(secretHash);
      if (record !== undefined) {
        if (byHash.size >= maxEntries) {
          const oldest = byHash.keys().next();
          if (!oldest.done) byHash.delete(oldest.value);
        }
        byHash.set(secretHash, { record, until: now() + options.ttlMs });
      }
      return record;
    },
    async setTimeZone(keyId, timeZone) {
      forgetKey(keyId);
      const record = await inner.setTimeZone(keyId, timeZone);
      forgetKey(keyId);
      return record;
    },
    async revoke(keyId, at) {
      forgetKey(keyId);
      const record = await inner.revoke(keyId, at);
      forgetKey(keyId);
      return record;
    },
  };
}
