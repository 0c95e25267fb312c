import type { MiddlewareHandler } from 'hono';

/**
 * No inline script or style anywhere on the desk: CSS and any script come from
 * /desk/assets, so a stored value that slipped into a page still cannot run.
 */
export const DESK_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

const HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': DESK_CSP,
  'x-frame-options': 'DENY',
  // Claim ids and waybills must not leak to other sites through the Referer header.
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/**
 * Sets the security headers on every desk response (pages, redirects, errors,
 * assets). Pages carry claimant data, so they are never cached; the stylesheet may be.
 *
 * @example deskRouter.use('/desk/*', securityHeaders());
 */
export function securityHeaders(): MiddlewareHandler {
  return async function securityHeadersMiddleware(c, next) {
    await next();
    for (const [name, value] of Object.entries(HEADERS)) c.res.headers.set(name, value);
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
  };
}
