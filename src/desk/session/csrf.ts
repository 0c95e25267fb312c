/**
 * CSRF defence for the desk's forms, two layers:
 * 1. a token in a hidden field, the HMAC of what the browser's cookie binds
 *    (the session's id, or before sign-in a random nonce): a page on another site
 *    cannot read it, so it cannot forge a post that carries it;
 * 2. the browser's own Origin / Sec-Fetch-Site headers, when sent, must say
 *    the post comes from this site.
 */
import { hmacSign, hmacVerify } from '../../lib/hmac';

/** Name of the hidden form field carrying the token. */
export const CSRF_FIELD = '_csrf';

/** Name of the pre-session cookie that binds the sign-in form's token. */
export const PRE_SESSION_COOKIE = 'desk_pre';

/**
 * What a token is bound to: a signed-in session's id or a pre-session nonce (the
 * prefix keeps one from ever standing in for the other).
 *
 * @example csrfBinding('session', sessionId) // 'session:q8Vd0m3x9bq1Zr2yTq7wLA'
 */
export const csrfBinding = (kind: 'session' | 'pre', value: string): string => `${kind}:${value}`;

/**
 * The form token for a binding.
 *
 * @example await csrfTokenFor(secret, csrfBinding('session', sessionId)) // 'p0Zl…'
 */
export function csrfTokenFor(secret: string, binding: string): Promise<string> {
  return hmacSign(secret, `csrf|${binding}`);
}

/**
 * Whether a posted token belongs to the binding (constant-time).
 *
 * @example await csrfTokenMatches(secret, binding, form._csrf) // false for a forged post
 */
export function csrfTokenMatches(
  secret: string,
  binding: string,
  token: string | undefined,
): Promise<boolean> {
  if (!token) return Promise.resolve(false);
  return hmacVerify(secret, `csrf|${binding}`, token);
}

/**
 * Whether the browser says a request comes from another site. Sec-Fetch-Site
 * decides when sent (every current browser sends it). Origin is the fallback,
 * but "null" proves nothing: under the desk's `Referrer-Policy: no-referrer`
 * a browser serialises the Origin of the desk's own form posts as "null"
 * (Fetch standard). Absent headers prove nothing either (old browsers,
 * scripts); the token still decides.
 *
 * @example
 * isCrossSite({ secFetchSite: 'cross-site', origin: 'null' }, 'https://desk.example') // true
 * isCrossSite({ secFetchSite: 'same-origin', origin: 'null' }, 'https://desk.example') // false
 * isCrossSite({ origin: 'https://evil.example' }, 'https://desk.example') // true
 */
export function isCrossSite(
  headers: { origin?: string | undefined; secFetchSite?: string | undefined },
  ownOrigin: string,
): boolean {
  const site = headers.secFetchSite;
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  const origin = headers.origin;
  return origin !== undefined && origin !== 'null' && origin !== ownOrigin;
}

/**
 * A fresh random nonce for the pre-session cookie.
 *
 * @example newNonce() // 'b0f3…' (32 hex characters)
 */
export function newNonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}
