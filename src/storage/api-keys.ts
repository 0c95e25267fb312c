/**
 * API key generation and hashing, with Web Crypto only (Workers and Node 20).
 * A key looks like `pca_<keyId>_<secret>`; only its SHA-256 is stored.
 */

import { toBase64Url } from '../lib/base64url';
import { sha256Hex } from '../lib/sha256';

const KEY_PREFIX = 'pca';

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
 * the secret 32 base64url chars (192 random bits).
 *
 * @example
 * const { keyId, key } = generateApiKey(); // key = `pca_${keyId}_xxxxxxxx...`
 */
export function generateApiKey(): { keyId: string; key: string } {
  const keyId = Array.from(randomBytes(8), (byte) => byte.toString(16).padStart(2, '0')).join('');
  const secret = toBase64Url(randomBytes(24));
  return { keyId, key: `${KEY_PREFIX}_${keyId}_${secret}` };
}

/**
 * The key id inside a well-formed key, or undefined (useful for logs: never log the key).
 *
 * @example
 * keyIdOf('pca_1a2b3c4d5e6f7a8b_secret'); // '1a2b3c4d5e6f7a8b'
 */
export function keyIdOf(key: string): string | undefined {
  const match = /^pca_([0-9a-f]{16})_[A-Za-z0-9_-]{32}$/.exec(key);
  return match?.[1];
}

function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}
