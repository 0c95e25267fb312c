import type { MiddlewareHandler } from 'hono';
import type { HonoEnv } from '../hono-env';
import { problemResponse } from './problem';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * A request that carries a body must say it is JSON; otherwise 415, rather
 * than the validator silently reading nothing.
 *
 * @example
 * app.use('/v1/*', requireJsonBody());
 */
export function requireJsonBody(): MiddlewareHandler<HonoEnv> {
  return async function requireJsonBodyMiddleware(c, next) {
    if (c.req.method === 'POST' || c.req.method === 'PUT' || c.req.method === 'PATCH') {
      const type = c.req.header('content-type') ?? '';
      if (!JSON_TYPE.test(type)) {
        return problemResponse(
          c,
          'unsupportedMediaType',
          `Send the body as application/json (got '${type || 'no content-type'}').`,
        );
      }
    }
    await next();
  };
}
