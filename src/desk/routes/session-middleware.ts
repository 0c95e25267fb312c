/**
 * Who is at the desk: the session cookie, checked on every request against
 * the key it names, so a revoked key is signed out at once.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { csrfBinding, csrfTokenFor } from '../csrf';
import { SESSION_COOKIE, verifySession } from '../session';
import type { DeskEnv } from './desk-env';
import { deskCookieGone } from './cookies';

/** Where the desk sends anyone without a valid session. */
export const SIGN_IN_PATH = '/desk/sign-in';

/**
 * The active clerk key behind the session cookie, or undefined (no cookie,
 * forged, expired, key revoked or not a clerk's).
 *
 * @example const keyId = await activeClerkKey(c);
 */
export async function activeClerkKey(c: Context<DeskEnv>): Promise<string | undefined> {
  const cookie = getCookie(c, SESSION_COOKIE);
  if (!cookie) return undefined;
  const now = Math.floor(c.get('deps').clock().getTime() / 1000);
  const session = await verifySession(c.get('secret'), cookie, now);
  if (!session) return undefined;
  const record = await c.get('deps').storage.apiKeys.get(session.keyId);
  const active = record && record.revokedAt === undefined && record.role === 'clerk';
  return active ? record.keyId : undefined;
}

/**
 * Lets a signed-in clerk through, as the same principal the API's clerk keys
 * are (so history records `clerk:<keyId>`), and derives the session's CSRF
 * token. Anyone else goes to the sign-in page; a stale cookie is deleted, so
 * the sign-in page never bounces back here.
 *
 * @example deskRouter.use('/desk/claims/*', requireClerk());
 */
export function requireClerk(): MiddlewareHandler<DeskEnv> {
  return async function requireClerkMiddleware(c, next) {
    const keyId = await activeClerkKey(c);
    if (!keyId) {
      const hadSession = getCookie(c, SESSION_COOKIE) !== undefined;
      if (hadSession) deleteCookie(c, SESSION_COOKIE, deskCookieGone(c));
      return c.redirect(hadSession ? `${SIGN_IN_PATH}?ended=1` : SIGN_IN_PATH, 303);
    }
    c.set('principal', { keyId, role: 'clerk' });
    const cookie = getCookie(c, SESSION_COOKIE) ?? '';
    c.set('csrf', await csrfTokenFor(c.get('secret'), csrfBinding('session', cookie)));
    await next();
  };
}
