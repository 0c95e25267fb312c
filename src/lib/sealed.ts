/**
 * Sealed tokens: AES-256-GCM with Web Crypto (Workers and Node alike). The text is
 * hidden and bound to a context (additional authenticated data): opened under another
 * context, or altered in any bit, it does not open. The key is derived from a secret
 * with HKDF-SHA-256 under a purpose label, so one secret can serve several purposes.
 */
import { fromBase64Url, toBase64Url } from './base64url';

const encoder = new TextEncoder();
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** One derived key per (secret, purpose): derivation is cheap, but every listing page uses it. */
const keys = new Map<string, Promise<CryptoKey>>();

function keyFor(secret: string, purpose: string): Promise<CryptoKey> {
  const id = `${purpose}\u0000${secret}`;
  let key = keys.get(id);
  if (key === undefined) {
    key = crypto.subtle
      .importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey'])
      .then((material) =>
        crypto.subtle.deriveKey(
          { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(), info: encoder.encode(purpose) },
          material,
          { name: 'AES-GCM', length: 256 },
          false,
          ['encrypt', 'decrypt'],
        ),
      );
    keys.set(id, key);
  }
  return key;
}

export interface SealContext {
  secret: string;
  /** What the key is for, e.g. 'parcel-claims list cursor v1'. */
  purpose: string;
  /** What the token is bound to: it opens only under the same text. */
  boundTo: string;
}

/**
 * `plaintext`, encrypted and authenticated, as base64url (random IV first).
 *
 * @example await seal({ secret, purpose: 'cursor', boundTo: 'key-1 {"shopId":"s"}' }, '{"i":"byShop"}')
 */
export async function seal(context: SealContext, plaintext: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(context.boundTo) },
    await keyFor(context.secret, context.purpose),
    encoder.encode(plaintext),
  );
  const bytes = new Uint8Array(IV_BYTES + sealed.byteLength);
  bytes.set(iv);
  bytes.set(new Uint8Array(sealed), IV_BYTES);
  return toBase64Url(bytes);
}

/**
 * The plaintext of a token `seal` made under the same context, or undefined
 * (not a token, altered, or sealed for another context or secret).
 *
 * @example await open(context, token) // '{"i":"byShop"}' | undefined
 */
export async function open(context: SealContext, token: string): Promise<string | undefined> {
  const bytes = fromBase64Url(token);
  if (bytes === undefined || bytes.length < IV_BYTES + TAG_BYTES) return undefined;
  // One spelling per token: a last character differing only in unused bits is another token.
  if (toBase64Url(bytes) !== token) return undefined;
  try {
    const plain = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: bytes.slice(0, IV_BYTES),
        additionalData: encoder.encode(context.boundTo),
      },
      await keyFor(context.secret, context.purpose),
      bytes.slice(IV_BYTES),
    );
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(plain);
  } catch {
    return undefined;
  }
}
