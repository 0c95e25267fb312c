import type { MiddlewareHandler } from 'hono';
import type { HonoEnv } from '../hono-env';
import { problemResponse } from './problem';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** A request carries a body when it declares a non-zero length or is chunked. */
function hasBody(headers: Headers): boolean {
  const length = headers.get('content-length');
  return (length !== null && length !== '0') || headers.has('transfer-encoding');
}

/**
 * A request that carries a body must say it is JSON; otherwise 415, rather
 * than the validator silently reading nothing. Bodiless POSTs (e.g. taking a
 * claim into review) pass.
 *
 * @example
 * app.use('/v1/*', requireJsonBody());
 */
export function requireJsonBody(): MiddlewareHandler<HonoEnv> {
  return async function requireJsonBodyMiddleware(c, next) {
    const type = c.req.header('content-type');
    if (['POST', 'PUT', 'PATCH'].includes(c.req.method) && (type || hasBody(c.req.raw.headers))) {
      if (!JSON_TYPE.test(type ?? '')) {
        return problemResponse(
          c,
          'unsupportedMediaType',
          `Send the body as application/json (got '${type ?? 'no content-type'}').`,
        );
      }
    }
    await next();
  };
}
