/**
 * HMAC-SHA-256 with Web Crypto (Workers and Node alike), the one primitive
 * behind the desk's session cookies and CSRF tokens; base64url for them and the list cursors.
 */

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
 * Base64url without padding: safe in cookies, form fields and URLs.
 *
 * @example toBase64Url(new Uint8Array([251, 255])) // '-_8'
 */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/**
 * The bytes of a base64url string, or undefined when it is not one.
 *
 * @example fromBase64Url('-_8') // Uint8Array [251, 255]
 */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  const padded = text.replaceAll('-', '+').replaceAll('_', '/');
  try {
    return Uint8Array.from(atob(padded + '='.repeat((4 - (padded.length % 4)) % 4)), (ch) =>
      ch.charCodeAt(0),
    );
  } catch {
    return undefined;
  }
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
