/**
 * The clerk desk's session: a cookie `keyId.expiresAt.signature`, signed with
 * HMAC-SHA-256 under DESK_SESSION_SECRET. It names the API key, never holds
 * it; every request re-reads the key, so revoking it signs the clerk out.
 */
import { hmacSign, hmacVerify } from './hmac';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'desk_session';

/** A clerk's shift: the cookie and the signed expiry both end after 8 hours. */
export const SESSION_TTL_SECONDS = 8 * 60 * 60;

/** What a valid cookie proves: this key signed in, and until when that holds. */
export interface DeskSession {
  keyId: string;
  /** Unix epoch seconds. */
  expiresAt: number;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The cookie value for a session.
 *
 * @example
 * await signSession(secret, { keyId: '1a2b3c4d5e6f7a8b', expiresAt: 1767225600 });
 * // '1a2b3c4d5e6f7a8b.1767225600.Qm9…'
 */
export async function signSession(secret: string, session: DeskSession): Promise<string> {
  if (!KEY_ID.test(session.keyId)) throw new RangeError('keyId is not a key id');
  const payload = `${session.keyId}.${session.expiresAt}`;
  return `${payload}.${await hmacSign(secret, payload)}`;
}

/**
 * The session a cookie value proves, or undefined when it is malformed,
 * forged (another secret, a changed key id or expiry) or expired at `nowSeconds`.
 *
 * @example
 * await verifySession(secret, cookie, Math.floor(Date.now() / 1000)); // { keyId, expiresAt } | undefined
 */
export async function verifySession(
  secret: string,
  value: string,
  nowSeconds: number,
): Promise<DeskSession | undefined> {
  const match = /^([A-Za-z0-9_-]{1,64})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match) return undefined;
  const [, keyId = '', expiry = '', signature = ''] = match;
  if (!(await hmacVerify(secret, `${keyId}.${expiry}`, signature))) return undefined;
  const expiresAt = Number(expiry);
  return expiresAt > nowSeconds ? { keyId, expiresAt } : undefined;
}
