/**
 * API key generation and hashing, with Web Crypto only (Workers and Node 20).
 * A key looks like `pca_<keyId>_<secret>` (a test key: `pct_test_<keyId>_<secret>`); only its
 * SHA-256 is stored.
 */

import { toBase64Url } from '../lib/base64url';
import { sha256Hex } from '../lib/sha256';

const KEY_PREFIX = 'pca';
/** A test key's prefix: the sandbox (its data apart from live data, see `sandboxShopId`). */
const TEST_KEY_PREFIX = 'pct_test';
/** What a shop id ends with in the sandbox: `acme~test` is acme's test keys' shop. */
export const SANDBOX_SUFFIX = '~test';

/**
 * The shop a test key of `shopId` works in: its own sandbox shop, so that every service keeps
 * a test key's orders, shipments and claims apart from the live ones with no rule of its own.
 *
 * @example sandboxShopId('acme') // 'acme~test'
 */
export const sandboxShopId = (shopId: string): string => `${shopId}${SANDBOX_SUFFIX}`;

/**
 * Whether a shop id is a sandbox's: no key may be created for such an id (a live key would
 * read the sandbox's data, a test key would nest a sandbox in it).
 *
 * @example isSandboxShopId('acme~test') // true
 */
export const isSandboxShopId = (shopId: string): boolean => shopId.endsWith(SANDBOX_SUFFIX);

/**
 * SHA-256 of the whole key, lowercase hex: what `ApiKeyRepository.findByHash` takes.
 *
 * @example
 * await hashApiKey('pca_1a2b3c4d5e6f7a8b_...'); // '9f86d08...'
 */
export function hashApiKey(key: string): Promise<string> {
  return sha256Hex(key);
}

/**
 * A fresh key: `keyId` is 16 hex chars (public, safe to log and to revoke by),
 * the secret 32 base64url chars (192 random bits). `test`: a sandbox key, `pct_test_…`, so
 * that it reads as one wherever it is pasted.
 *
 * @example
 * const { keyId, key } = generateApiKey(); // key = `pca_${keyId}_xxxxxxxx...`
 * generateApiKey({ test: true }).key // `pct_test_${keyId}_xxxxxxxx...`
 */
export function generateApiKey(options: { test?: boolean } = {}): { keyId: string; key: string } {
  const keyId = Array.from(randomBytes(8), (byte) => byte.toString(16).padStart(2, '0')).join('');
  const secret = toBase64Url(randomBytes(24));
  const prefix = options.test === true ? TEST_KEY_PREFIX : KEY_PREFIX;
  return { keyId, key: `${prefix}_${keyId}_${secret}` };
}

/**
 * The key id inside a well-formed key, or undefined (useful for logs: never log the key).
 *
 * @example
 * keyIdOf('pca_1a2b3c4d5e6f7a8b_secret'); // '1a2b3c4d5e6f7a8b' (a test key's too)
 */
export function keyIdOf(key: string): string | undefined {
  const match = /^(?:pca|pct_test)_([0-9a-f]{16})_[A-Za-z0-9_-]{32}$/.exec(key);
  return match?.[1];
}

function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}
