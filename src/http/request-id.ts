import type { MiddlewareHandler } from 'hono';
import type { HonoEnv } from '../hono-env';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Gives every request an id (the caller's `X-Request-Id` when it is a UUID),
 * echoed in the response header and used as the problem `instance`.
 *
 * @example
 * app.use(requestId());
 */
export function requestId(): MiddlewareHandler<HonoEnv> {
  return async function requestIdMiddleware(c, next) {
    const incoming = c.req.header('x-request-id');
    const id = incoming && UUID.test(incoming) ? incoming.toLowerCase() : crypto.randomUUID();
    c.set('requestId', id);
    await next();
    c.res.headers.set('x-request-id', id);
  };
}
