import type { Context } from 'hono';
import type { CookieOptions } from 'hono/utils/cookie';

/**
 * Options every desk cookie shares: unreadable by scripts, never sent by
 * another site, scoped to /desk, Secure whenever the desk is served over https
 * (wrangler dev serves http, where a Secure cookie would be dropped).
 *
 * @example setCookie(c, SESSION_COOKIE, value, deskCookie(c, SESSION_TTL_SECONDS));
 */
export function deskCookie(c: Context, maxAgeSeconds: number): CookieOptions {
  const https = new URL(c.req.url).protocol === 'https:';
  return {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/desk',
    secure: https,
    maxAge: maxAgeSeconds,
  };
}

/**
 * The options to delete a desk cookie with (same path, so the browser matches it).
 *
 * @example deleteCookie(c, SESSION_COOKIE, deskCookieGone(c));
 */
export const deskCookieGone = (c: Context): CookieOptions => deskCookie(c, 0);
