/**
 * The clerk desk's session cookie: `keyId.sessionId.signature`, signed with
 * HMAC-SHA-256 under DESK_SESSION_SECRET. The session itself lives on the
 * server (a DeskSessionRepository record with its expiry): the cookie only
 * names it, and the signature keeps forged or guessed ids from ever reaching
 * the database. Signing out deletes the record, so a copied cookie stops
 * working at once. The cookie names the API key (so one read finds the
 * session among the key's), never holds it; every request re-reads the key,
 * so revoking it signs the clerk out.
 */
import { toBase64Url } from '../../lib/base64url';
import { hmacSign, hmacVerify } from '../../lib/hmac';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'desk_session';

/** A clerk's shift: the session record and the cookie both end after 8 hours. */
export const SESSION_TTL_SECONDS = 8 * 60 * 60;

/** What a valid cookie names: a session of this key (still to be found on the server). */
export interface SessionCookie {
  keyId: string;
  /** 128 random bits, base64url (22 characters). */
  sessionId: string;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const SESSION_ID = /^[A-Za-z0-9_-]{22}$/;
/** Keeps a session signature from standing in for any other HMAC under the same secret. */
const signed = (cookie: SessionCookie) => `session|${cookie.keyId}.${cookie.sessionId}`;

/**
 * A fresh session id: 128 bits from the platform's CSPRNG.
 *
 * @example newSessionId() // 'q8Vd0m3x9bq1Zr2yTq7wLA'
 */
export function newSessionId(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
}

/**
 * The cookie value naming a session.
 *
 * @example
 * await signSession(secret, { keyId: '1a2b3c4d5e6f7a8b', sessionId: newSessionId() });
 * // '1a2b3c4d5e6f7a8b.q8Vd0m3x9bq1Zr2yTq7wLA.Qm9…'
 */
export async function signSession(secret: string, cookie: SessionCookie): Promise<string> {
  if (!KEY_ID.test(cookie.keyId)) throw new RangeError('keyId is not a key id');
  if (!SESSION_ID.test(cookie.sessionId)) throw new RangeError('sessionId is not a session id');
  return `${cookie.keyId}.${cookie.sessionId}.${await hmacSign(secret, signed(cookie))}`;
}

/**
 * The session a cookie value names, or undefined when it is malformed or
 * forged (another secret, a changed key id or session id). Whether the session
 * still exists, and has not expired, only the server's record says.
 *
 * @example
 * await verifySession(secret, cookie); // { keyId, sessionId } | undefined
 */
export async function verifySession(
  secret: string,
  value: string,
): Promise<SessionCookie | undefined> {
  const match = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match) return undefined;
  const [, keyId = '', sessionId = '', signature = ''] = match;
  const cookie = { keyId, sessionId };
  return (await hmacVerify(secret, signed(cookie), signature)) ? cookie : undefined;
}
