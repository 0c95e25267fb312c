/**
 * Who is at the desk: the session cookie names a server-side session, which
 * is looked up on every request together with the key it belongs to, so
 * signing out (the session is deleted) and revoking the key both end it at once.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { csrfBinding, csrfTokenFor } from './csrf';
import { SESSION_COOKIE, verifySession, type SessionCookie } from './session-cookie';
import type { DeskEnv } from '../routes/desk-env';
import type { ActiveClerk } from '../../services/desk-sessions';
import { deskCookieGone } from './cookies';

/** Where the desk sends anyone without a valid session. */
export const SIGN_IN_PATH = '/desk/sign-in';

/** A live session, and the name on its clerk key if it has one. */
export type ActiveSession = SessionCookie & ActiveClerk;

/**
 * The live session behind the cookie, or undefined (no cookie, forged, signed
 * out, expired, key revoked or not a clerk's). A forged cookie never reaches
 * the database; a genuine one costs two GetItems, made together.
 *
 * @example const session = await activeSession(c); // { keyId, sessionId, displayName } | undefined
 */
export async function activeSession(c: Context<DeskEnv>): Promise<ActiveSession | undefined> {
  const cookie = getCookie(c, SESSION_COOKIE);
  if (!cookie) return undefined;
  const named = await verifySession(c.get('secret'), cookie);
  if (!named) return undefined;
  const clerk = await c.var.services.deskSessions.active(named);
  return clerk ? { ...named, ...clerk } : undefined;
}

/**
 * Lets a signed-in clerk through, as the same principal the API's clerk keys
 * are (so history records `clerk:<keyId>`), and derives the CSRF token bound to
 * the session id. Anyone else goes to the sign-in page; a stale cookie is
 * deleted, so the sign-in page never bounces back here.
 *
 * @example deskRouter.use('/desk/claims/*', requireClerk());
 */
export function requireClerk(): MiddlewareHandler<DeskEnv> {
  return async function requireClerkMiddleware(c, next) {
    const session = await activeSession(c);
    if (!session) {
      const hadSession = getCookie(c, SESSION_COOKIE) !== undefined;
      if (hadSession) deleteCookie(c, SESSION_COOKIE, deskCookieGone(c));
      return c.redirect(hadSession ? `${SIGN_IN_PATH}?ended=1` : SIGN_IN_PATH, 303);
    }
    c.set('principal', { keyId: session.keyId, role: 'clerk' });
    c.set('session', { keyId: session.keyId, sessionId: session.sessionId });
    c.set('clerkName', session.displayName);
    c.set('timeZone', session.timeZone);
    c.set('csrf', await csrfTokenFor(c.get('secret'), sessionCsrfBinding(session)));
    await next();
  };
}

/**
 * What a signed-in clerk's form tokens are bound to: the session id, so a
 * token dies with its session.
 *
 * @example await csrfTokenFor(secret, sessionCsrfBinding(c.get('session')));
 */
export const sessionCsrfBinding = (session: SessionCookie): string =>
  csrfBinding('session', session.sessionId);
