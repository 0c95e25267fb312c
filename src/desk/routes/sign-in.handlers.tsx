/**
 * Sign in with a clerk API key, sign out (here or everywhere), switch language.
 * The key is looked up by its hash like the API does; signing in stores a new
 * server-side session, and only the key's id and the session's id go into the
 * signed cookie.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import {
  CSRF_FIELD,
  csrfBinding,
  csrfTokenFor,
  csrfTokenMatches,
  newNonce,
  PRE_SESSION_COOKIE,
} from '../session/csrf';
import { asLanguage, LANG_COOKIE } from '../i18n/lang';
import {
  newSessionId,
  SESSION_COOKIE,
  SESSION_TTL_SECONDS,
  signSession,
} from '../session/session-cookie';
import { SignInPage, type SignInError, type SignInNotice } from '../views/sign-in';
import { deskCookie, deskCookieGone } from '../session/cookies';
import type { DeskEnv } from './desk-env';
import { pathOf, renderPage } from './render';
import { activeSession } from '../session/session-middleware';

type C = Context<DeskEnv>;
const PRE_SESSION_SECONDS = 60 * 60;
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Why the clerk is on the sign-in page again, from the redirect's query. */
function noticeOf(query: Record<string, string>): SignInNotice | undefined {
  if (query.ended) return 'sessionEnded';
  if (query.out === 'all') return 'signedOutEverywhere';
  return query.out ? 'signedOut' : undefined;
}

/** A sign-in page bound to a fresh (or the current) pre-session nonce. */
async function signInPage(c: C, status: 200 | 401 | 403, error?: SignInError) {
  const current = getCookie(c, PRE_SESSION_COOKIE);
  const nonce = current && /^[0-9a-f]{32}$/.test(current) && !error ? current : newNonce();
  setCookie(c, PRE_SESSION_COOKIE, nonce, deskCookie(c, PRE_SESSION_SECONDS));
  const token = await csrfTokenFor(c.get('secret'), csrfBinding('pre', nonce));
  const notice = noticeOf(c.req.query());
  const page = (
    <SignInPage lang={c.get('lang')} path={pathOf(c)} token={token} notice={notice} error={error} />
  );
  return renderPage(c, page, status);
}

/**
 * GET /desk/sign-in (a signed-in clerk goes straight to the queue).
 *
 * @example deskRouter.get('/desk/sign-in', signInForm);
 */
export async function signInForm(c: C) {
  if (await activeSession(c)) return c.redirect('/desk/claims', 303);
  return signInPage(c, 200);
}

/**
 * POST /desk/sign-in: a clerk key becomes a new server-side session (8 h) and
 * a signed cookie naming it; a shop key, an unknown key or an expired form is
 * refused on the sign-in page.
 *
 * @example deskRouter.post('/desk/sign-in', signIn);
 */
export async function signIn(c: C) {
  const form = await c.req.parseBody();
  const nonce = getCookie(c, PRE_SESSION_COOKIE) ?? '';
  const token = typeof form[CSRF_FIELD] === 'string' ? form[CSRF_FIELD] : undefined;
  if (!(await csrfTokenMatches(c.get('secret'), csrfBinding('pre', nonce), token))) {
    return signInPage(c, 403, 'expiredForm');
  }
  const key = typeof form.apiKey === 'string' ? form.apiKey.trim() : '';
  const session = await c.var.services.deskSessions.signIn(key, {
    newSessionId,
    ttlSeconds: SESSION_TTL_SECONDS,
  });
  if ('refused' in session) {
    return signInPage(c, session.refused === 'shopKey' ? 403 : 401, session.refused);
  }
  setCookie(
    c,
    SESSION_COOKIE,
    await signSession(c.get('secret'), session),
    deskCookie(c, SESSION_TTL_SECONDS),
  );
  deleteCookie(c, PRE_SESSION_COOKIE, deskCookieGone(c));
  return c.redirect('/desk/claims', 303);
}

/**
 * POST /desk/sign-out: this session is deleted on the server (a copy of the
 * cookie opens nothing any more) and the cookie with it. With
 * `scope=everywhere`, every session of the clerk's key ends: other browsers,
 * other devices, copied cookies.
 *
 * @example deskRouter.post('/desk/sign-out', signOut);
 */
export async function signOut(c: C) {
  const session = c.get('session');
  const everywhere = (await c.req.parseBody()).scope === 'everywhere';
  const sessions = c.var.services.deskSessions;
  if (everywhere) await sessions.signOutEverywhere(session.keyId);
  else await sessions.signOut(session);
  deleteCookie(c, SESSION_COOKIE, deskCookieGone(c));
  return c.redirect(`/desk/sign-in?out=${everywhere ? 'all' : '1'}`, 303);
}

/** Only a desk path may be returned to: the switch is no open redirect. */
const SAFE_BACK = /^\/desk(?:[/?][^\s\\]*)?$/;

/**
 * GET /desk/lang/:lang?back=<desk path>: remembers the language for a year.
 *
 * @example deskRouter.get('/desk/lang/:lang', switchLanguage);
 */
export function switchLanguage(c: C) {
  const lang = asLanguage(c.req.param('lang'));
  if (lang) setCookie(c, LANG_COOKIE, lang, deskCookie(c, ONE_YEAR_SECONDS));
  const back = c.req.query('back') ?? '';
  return c.redirect(SAFE_BACK.test(back) ? back : '/desk/claims', 303);
}
