/**
 * Base64url without padding, the one spelling of it in this code: cookies, CSRF tokens, list
 * cursors, sealed references and API keys all use it. Hono's own codec does the work (it runs
 * alike on Workers and Node); here only what ours promises beyond it: no `=` padding out, and
 * anything that is not unpadded base64url refused on the way in rather than guessed at.
 */
import { decodeBase64Url, encodeBase64Url } from 'hono/utils/encode';

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Base64url without padding: safe in cookies, form fields and URLs.
 *
 * @example toBase64Url(new Uint8Array([251, 255])) // '-_8'
 */
export function toBase64Url(bytes: Uint8Array): string {
  return encodeBase64Url(bytes.slice().buffer).replace(/=+$/, '');
}

/**
 * The bytes of a base64url string, or undefined when it is not one.
 *
 * @example fromBase64Url('-_8') // Uint8Array [251, 255]
 * @example fromBase64Url('a+b=') // undefined (base64, not base64url)
 */
export function fromBase64Url(text: string): Uint8Array | undefined {
  // One character over a multiple of four is no encoding of any bytes.
  if (!BASE64URL.test(text) || text.length % 4 === 1) return undefined;
  try {
    return decodeBase64Url(text);
  } catch {
    return undefined;
  }
}
