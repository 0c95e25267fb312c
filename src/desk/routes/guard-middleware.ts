/**
 * What every desk request passes first: the desk must be configured, the
 * language is resolved, and a form post must come from this site with its token.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { CSRF_FIELD, csrfTokenMatches, isCrossSite } from '../session/csrf';
import { LANG_COOKIE, pickLanguage } from '../i18n/lang';
import { EVIDENCE_ROWS } from '../forms/filing-form';
import { MAX_FILE_BYTES } from '../../services/evidence-files';
import { DEFAULT_AUDIT_MAX_BYTES } from '../../services/audits';
import type { DeskEnv } from './desk-env';
import { renderError } from './render';
import { sessionCsrfBinding } from '../session/session-middleware';

/**
 * Resolves the language and the secret; without DESK_SESSION_SECRET the desk
 * is off (503) rather than signing cookies with a guessable key.
 *
 * @example deskRouter.use('/desk/*', deskContext());
 */
export function deskContext(): MiddlewareHandler<DeskEnv> {
  return async function deskContextMiddleware(c, next) {
    c.set('lang', pickLanguage(getCookie(c, LANG_COOKIE), c.req.header('accept-language')));
    const secret = c.get('deps').sessionSecret;
    if (!secret) return renderError(c, 'deskOff');
    c.set('secret', secret);
    await next();
  };
}

/** Forms that carry evidence files: the one file of an entry, or one per row of the phone form. */
const ATTACH_PATH = /^\/desk\/claims\/[^/]+\/evidence\/[^/]+\/file$/;
/** The audit upload form (a carrier's report, up to the audit service's cap). */
const AUDIT_UPLOAD_PATH = '/desk/audits';

/**
 * The largest post a desk form may send: the JSON limit, plus room for the
 * files the form carries (the service checks each one's 10 MB).
 *
 * @example formLimit('/desk/new-claim', 65536) // 65536 + 3 × 10 MB
 */
export function formLimit(path: string, maxBodyBytes: number): number {
  if (ATTACH_PATH.test(path)) return maxBodyBytes + MAX_FILE_BYTES;
  if (path === '/desk/new-claim') return maxBodyBytes + EVIDENCE_ROWS * MAX_FILE_BYTES;
  // An audit's report (issue 24): the service's cap on the file, checked again as it streams.
  if (path === AUDIT_UPLOAD_PATH) return maxBodyBytes + DEFAULT_AUDIT_MAX_BYTES;
  return maxBodyBytes;
}

/**
 * Form posts only: a size limit, then the browser's own word that the post
 * comes from this site (Origin, Sec-Fetch-Site). Runs before the session is
 * looked at, so a cross-site post is refused whatever cookies it carries.
 *
 * @example deskRouter.post('/desk/*', sameSitePosts());
 */
export function sameSitePosts(): MiddlewareHandler<DeskEnv> {
  return async function sameSitePostsMiddleware(c, next) {
    const headers = {
      origin: c.req.header('origin'),
      secFetchSite: c.req.header('sec-fetch-site'),
    };
    if (isCrossSite(headers, new URL(c.req.url).origin)) return renderError(c, 'forbidden');
    const limit = bodyLimit({
      maxSize: formLimit(c.req.path, c.get('deps').maxBodyBytes),
      onError: (ctx) => renderError(ctx, 'tooLarge'),
    });
    return limit(c, next);
  };
}

/**
 * The posted `_csrf` must be this session's token. A forged post is a 403
 * page and changes nothing. Runs after requireClerk, which found the session.
 * (The sign-in form checks its pre-session token itself.)
 *
 * @example deskRouter.post('/desk/claims/*', requireCsrf());
 */
export function requireCsrf(): MiddlewareHandler<DeskEnv> {
  return async function requireCsrfMiddleware(c, next) {
    // Typed as always set; a route registered without requireClerk first is refused, not a 500.
    const session = c.get('session') as DeskEnv['Variables']['session'] | undefined;
    if (!session) return renderError(c, 'forbidden');
    const token = (await c.req.parseBody())[CSRF_FIELD];
    const valid = await csrfTokenMatches(
      c.get('secret'),
      sessionCsrfBinding(session),
      typeof token === 'string' ? token : undefined,
    );
    if (!valid) return renderError(c, 'forbidden');
    await next();
  };
}
