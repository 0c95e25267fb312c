/**
 * HMAC-SHA-256 with Web Crypto (Workers and Node alike), the one primitive
 * behind the desk's session cookies and CSRF tokens; signatures travel as base64url.
 */
import { fromBase64Url, toBase64Url } from './base64url';

const encoder = new TextEncoder();

/** One imported key per secret: importKey is cheap, but every desk request signs. */
let cached: { secret: string; key: Promise<CryptoKey> } | undefined;

function keyFor(secret: string): Promise<CryptoKey> {
  if (cached?.secret !== secret) {
    const key = crypto.subtle.importKey(
      'raw',
      encoder.encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    cached = { secret, key };
  }
  return cached.key;
}

/**
 * The HMAC-SHA-256 of `message` under `secret`, base64url.
 *
 * @example await hmacSign('s3cret…', 'k1.1700000000') // 'q3Jx…' (43 characters)
 */
export async function hmacSign(secret: string, message: string): Promise<string> {
  const signature = await crypto.subtle.sign('HMAC', await keyFor(secret), encoder.encode(message));
  return toBase64Url(new Uint8Array(signature));
}

/**
 * Whether `signature` is the HMAC of `message`. `crypto.subtle.verify`
 * compares in constant time, so a forger learns nothing from timing.
 *
 * @example await hmacVerify(secret, 'k1.1700000000', signature) // true
 */
export async function hmacVerify(
  secret: string,
  message: string,
  signature: string,
): Promise<boolean> {
  const bytes = fromBase64Url(signature);
  if (!bytes || bytes.length !== 32) return false;
  return crypto.subtle.verify('HMAC', await keyFor(secret), bytes, encoder.encode(message));
}
