/**
 * Sign in with a clerk API key, sign out, switch language. The key is looked
 * up by its hash like the API does; only its id goes into the signed cookie.
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
} from '../csrf';
import { asLanguage, LANG_COOKIE } from '../i18n/lang';
import { SESSION_COOKIE, SESSION_TTL_SECONDS, signSession } from '../session';
import { hashApiKey } from '../../storage/api-keys';
import { SignInPage, type SignInError } from '../views/sign-in';
import { deskCookie, deskCookieGone } from './cookies';
import type { DeskEnv } from './desk-env';
import { pathOf, renderPage } from './render';
import { activeClerkKey } from './session-middleware';

type C = Context<DeskEnv>;
const PRE_SESSION_SECONDS = 60 * 60;
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** A sign-in page bound to a fresh (or the current) pre-session nonce. */
async function signInPage(c: C, status: 200 | 401 | 403, error?: SignInError) {
  const current = getCookie(c, PRE_SESSION_COOKIE);
  const nonce = current && /^[0-9a-f]{32}$/.test(current) && !error ? current : newNonce();
  setCookie(c, PRE_SESSION_COOKIE, nonce, deskCookie(c, PRE_SESSION_SECONDS));
  const token = await csrfTokenFor(c.get('secret'), csrfBinding('pre', nonce));
  const query = c.req.query();
  const notice = query.ended ? 'sessionEnded' : query.out ? 'signedOut' : undefined;
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
  if (await activeClerkKey(c)) return c.redirect('/desk/claims', 303);
  return signInPage(c, 200);
}

/**
 * POST /desk/sign-in: a clerk key becomes a signed session cookie; a shop
 * key, an unknown key or an expired form is refused on the sign-in page.
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
  const record = key
    ? await c.get('deps').storage.apiKeys.findByHash(await hashApiKey(key))
    : undefined;
  if (!record) return signInPage(c, 401, 'unknownKey');
  if (record.role !== 'clerk') return signInPage(c, 403, 'shopKey');
  const now = Math.floor(c.get('deps').clock().getTime() / 1000);
  const session = { keyId: record.keyId, expiresAt: now + SESSION_TTL_SECONDS };
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
 * POST /desk/sign-out: the cookie is deleted.
 *
 * @example deskRouter.post('/desk/sign-out', signOut);
 */
export function signOut(c: C) {
  deleteCookie(c, SESSION_COOKIE, deskCookieGone(c));
  return c.redirect('/desk/sign-in?out=1', 303);
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
